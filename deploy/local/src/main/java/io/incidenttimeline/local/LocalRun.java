package io.incidenttimeline.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/local/run.sh}: starts the whole system with embedded defaults, prints its
 * URLs, and stops everything on Ctrl-C. Data persists under {@code .local/} in the
 * repository (override with {@code LOCAL_DATA_DIR}); ports come from
 * {@code POSTGRES_PORT}, {@code KAFKA_PORT}, {@code COMMAND_PORT}, {@code QUERY_PORT}.
 */
public final class LocalRun {

	private LocalRun() {
	}

	public static void main(String[] args) throws InterruptedException {
		Path root = Path.of(env("REPOSITORY_ROOT", ".")).toAbsolutePath().normalize();
		LocalSystem.Settings settings = new LocalSystem.Settings(
				Path.of(env("LOCAL_DATA_DIR", root.resolve(".local").toString())),
				new LocalSystem.Ports(port("POSTGRES_PORT", 15432), port("KAFKA_PORT", 19092),
						port("KAFKA_CONTROLLER_PORT", 19093), port("IDENTITY_PORT", 9000), port("COMMAND_PORT", 8080),
						port("COMMAND_MANAGEMENT_PORT", 9080), port("QUERY_PORT", 8081),
						port("QUERY_MANAGEMENT_PORT", 9081)),
				root, external());
		System.out.println("Starting Incident Timeline (data in " + settings.dataDirectory() + ") ...");
		LocalSystem system = new LocalSystem(settings);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("Stopping ...");
			system.close();
			stopped.countDown();
		}));
		system.start();
		System.out.println();
		System.out.println("Incident Timeline is running. Ctrl-C stops everything.");
		System.out.println("  command API   " + system.commandUrl() + "/api/incidents   (OpenAPI: "
				+ system.commandUrl() + "/v3/api-docs)");
		System.out.println("  query API     " + system.queryUrl() + "/api/incidents   (OpenAPI: " + system.queryUrl()
				+ "/v3/api-docs)");
		System.out.println("  status page   " + system.queryUrl() + "/status   (public)");
		System.out.println("  dashboard     " + system.queryUrl()
				+ "/dashboard   (sign in as alice, victor, ada or carol;" + " password = name)");
		System.out.println("  identity      " + system.identityUrl() + "   (a token: deploy/local/token.sh alice)");
		System.out.println("  management    " + system.commandManagementUrl() + ", " + system.queryManagementUrl()
				+ "   (health, metrics, admin)");
		System.out.println("  Kafka         " + system.kafkaBootstrapServers());
		System.out.println("  PostgreSQL    " + system.jdbcUrl("incident_command") + ", "
				+ system.jdbcUrl("incident_query") + " (user postgres, password postgres)");
		System.out.println("  logs          " + settings.dataDirectory().resolve("logs"));
		System.out.println("READY");
		stopped.await();
	}

	private static LocalSystem.External external() {
		String command = System.getenv("COMMAND_DATABASE_URL");
		String query = System.getenv("QUERY_DATABASE_URL");
		if ((command == null) != (query == null)) {
			throw new IllegalArgumentException("set both COMMAND_DATABASE_URL and QUERY_DATABASE_URL, or neither");
		}
		LocalSystem.Databases databases = (command != null) ? new LocalSystem.Databases(command, query,
				env("DATABASE_USER", "incident"), env("DATABASE_PASSWORD", "incident")) : null;
		return new LocalSystem.External(System.getenv("KAFKA_BOOTSTRAP_SERVERS"), databases,
				System.getenv("OIDC_ISSUER_URI"));
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	private static int port(String name, int fallback) {
		return Integer.parseInt(env(name, String.valueOf(fallback)));
	}

}
