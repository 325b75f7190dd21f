package io.incidenttimeline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "A feature module owns its tables": a module's code may name in its SQL only the tables
 * it owns. The tables are those the Flyway migrations create; every one must have an
 * owner, so a new table cannot slip past. SQL is found in the string literals and text
 * blocks of the main sources, which is where this code base writes it.
 */
public final class TableOwnership {

	private static final Pattern CREATE_TABLE = Pattern.compile("CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern STRING_LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
			Pattern.DOTALL);

	private static final Pattern SQL_STATEMENT = Pattern
		.compile("\\s*(SELECT|INSERT|UPDATE|DELETE|TRUNCATE|LOCK|WITH|MERGE|COPY)\\b.*", Pattern.DOTALL);

	private TableOwnership() {
	}

	/**
	 * @param sources the main source root ({@code src/main/java})
	 * @param basePackage the application's package, whose direct sub-packages are the
	 * modules
	 * @param migrations the Flyway migration folder
	 * @param owners module name (the sub-package) to the tables it owns
	 */
	public static void verify(Path sources, String basePackage, Path migrations, Map<String, Set<String>> owners) {
		Set<String> created = createdTables(migrations);
		Set<String> owned = owners.values()
			.stream()
			.flatMap(Set::stream)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(owned).as("every table the migrations create has one owning module").containsAll(created);
		List<String> violations = new ArrayList<>();
		Path root = sources.resolve(basePackage.replace('.', '/'));
		assertThat(owners.keySet()).as("every module of %s is listed, with the tables it owns", basePackage)
			.containsAll(modules(root));
		for (Map.Entry<String, Set<String>> module : owners.entrySet()) {
			Set<String> foreign = new TreeSet<>(created);
			foreign.removeAll(module.getValue());
			for (Path file : javaFiles(root.resolve(module.getKey()))) {
				String sql = literals(file);
				for (String table : foreign) {
					if (Pattern.compile("\\b" + table + "\\b").matcher(sql).find()) {
						violations.add(sources.relativize(file) + " (module " + module.getKey() + ") names table "
								+ table + ", which another module owns");
					}
				}
			}
		}
		assertThat(violations).as("modules read other modules' tables only through their published API").isEmpty();
	}

	private static Set<String> modules(Path root) {
		try (Stream<Path> children = Files.list(root)) {
			return children.filter(Files::isDirectory)
				.map((directory) -> directory.getFileName().toString())
				.collect(Collectors.toCollection(TreeSet::new));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Set<String> createdTables(Path migrations) {
		Set<String> tables = new TreeSet<>();
		for (Path file : files(migrations)) {
			Matcher matcher = CREATE_TABLE.matcher(read(file));
			while (matcher.find()) {
				tables.add(matcher.group(1).toLowerCase(Locale.ROOT));
			}
		}
		return tables;
	}

	private static String literals(Path file) {
		StringBuilder text = new StringBuilder();
		Matcher matcher = STRING_LITERAL.matcher(read(file));
		while (matcher.find()) {
			String literal = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
			if (SQL_STATEMENT.matcher(literal.toUpperCase(Locale.ROOT)).matches()) {
				text.append(literal).append('\n');
			}
		}
		return text.toString().toLowerCase(Locale.ROOT);
	}

	private static List<Path> javaFiles(Path directory) {
		return files(directory).stream().filter((file) -> file.toString().endsWith(".java")).toList();
	}

	private static List<Path> files(Path directory) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(directory)) {
			return walk.filter(Files::isRegularFile).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
