package io.incidenttimeline.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.incidenttimeline.testsupport.TableOwnership;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

/**
 * Each module names in its SQL only the tables it owns; the others it reaches through
 * their owner's published API.
 * <p>
 * {@link TableOwnership} reads every string literal as SQL, and this service's table
 * {@code incidents} is also a word of its URLs ({@code /api/incidents/{id}/timeline},
 * Statuspage's {@code /incidents.json}). So it is shown the SQL statements only: a copy
 * of the sources keeping the literals that start like one ({@code SELECT},
 * {@code INSERT}, ...).
 */
class TableOwnershipTest {

	private static final Pattern STRING_LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
			Pattern.DOTALL);

	private static final Pattern SQL_STATEMENT = Pattern
		.compile("\\s*(SELECT|INSERT|UPDATE|DELETE|TRUNCATE|LOCK|WITH|MERGE|COPY)\\b.*", Pattern.DOTALL);

	@Test
	void eachModuleNamesOnlyItsOwnTables() throws IOException {
		TableOwnership.verify(sqlStatementsOf(Path.of("src/main/java")), "io.incidenttimeline.query",
				Path.of("src/main/resources/db/migration"),
				Map.of("consuming", Set.of("incident_events", "projection_progress", "parked_events"), "incidents",
						Set.of("incidents"), "statuspage",
						Set.of("status_page_incidents", "status_page_updates", "status_page_impacts"), "metrics",
						Set.of("mttx_moments"), "dashboard", Set.of("dashboard_incidents"), "timeline", Set.of(), "web",
						Set.of(), "jdbc", Set.of()));
	}

	private static Path sqlStatementsOf(Path sources) throws IOException {
		Path copy = Path.of("target/table-ownership/java");
		FileSystemUtils.deleteRecursively(copy);
		List<Path> files;
		try (Stream<Path> walk = Files.walk(sources)) {
			files = walk.filter((file) -> file.toString().endsWith(".java")).toList();
		}
		for (Path file : files) {
			StringBuilder statements = new StringBuilder();
			Matcher literal = STRING_LITERAL.matcher(Files.readString(file));
			while (literal.find()) {
				String text = (literal.group(1) != null) ? literal.group(1) : literal.group(2);
				if (SQL_STATEMENT.matcher(text.toUpperCase()).matches()) {
					statements.append("\"\"\"").append(text).append("\"\"\"\n");
				}
			}
			Path target = copy.resolve(sources.relativize(file));
			Files.createDirectories(target.getParent());
			Files.writeString(target, statements);
		}
		return copy;
	}

}
