package io.incidenttimeline.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableOwnershipTest {

	@TempDir
	Path root;

	@Test
	void aModuleNamingOnlyItsOwnTablesPasses() throws IOException {
		write("a/A.java", "class A { String sql = \"SELECT * FROM alpha\"; }");
		write("b/B.java", "class B { String sql = \"\"\"\n  INSERT INTO beta VALUES (1)\n  \"\"\"; }");

		TableOwnership.verify(sources(), "app", migrations(), Map.of("a", Set.of("alpha"), "b", Set.of("beta")));
	}

	@Test
	void aModuleNamingAnotherModulesTableFails() throws IOException {
		write("a/A.java", "class A { String sql = \"SELECT * FROM alpha JOIN beta USING (id)\"; }");
		write("b/B.java", "class B { }");

		assertThatThrownBy(() -> TableOwnership.verify(sources(), "app", migrations(),
				Map.of("a", Set.of("alpha"), "b", Set.of("beta"))))
			.hasMessageContaining("names table beta");
	}

	@Test
	void aModuleMissingFromTheListFails() throws IOException {
		write("a/A.java", "class A { String sql = \"SELECT * FROM alpha\"; }");
		write("c/C.java", "class C { String sql = \"SELECT * FROM beta\"; }");

		assertThatThrownBy(() -> TableOwnership.verify(sources(), "app", migrations(),
				Map.of("a", Set.of("alpha"), "b", Set.of("beta"))))
			.hasMessageContaining("every module");
	}

	@Test
	void aTableWithoutOwnerFails() throws IOException {
		write("a/A.java", "class A { }");

		assertThatThrownBy(() -> TableOwnership.verify(sources(), "app", migrations(), Map.of("a", Set.of("alpha"))))
			.hasMessageContaining("owning module");
	}

	@Test
	void namesInCommentsAndIdentifiersDoNotCount() throws IOException {
		write("a/A.java", "class A { // reads beta later\n Object beta; String sql = \"SELECT 1 FROM alpha\";"
				+ " String url = \"/api/beta/1\"; }");

		TableOwnership.verify(sources(), "app", migrations(), Map.of("a", Set.of("alpha"), "b", Set.of("beta")));
		assertThat(TableOwnership.createdTables(migrations())).containsExactly("alpha", "beta");
	}

	private Path sources() {
		return this.root.resolve("src");
	}

	private Path migrations() throws IOException {
		Path migrations = this.root.resolve("db");
		Files.createDirectories(migrations);
		Files.writeString(migrations.resolve("V1__t.sql"),
				"CREATE TABLE alpha (id int);\ncreate table IF NOT EXISTS beta (id int);\n");
		return migrations;
	}

	private void write(String file, String text) throws IOException {
		Path path = sources().resolve("app").resolve(file);
		Files.createDirectories(path.getParent());
		Files.writeString(path, text);
	}

}
