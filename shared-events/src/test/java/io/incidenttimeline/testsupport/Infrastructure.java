package io.incidenttimeline.testsupport;

import org.testcontainers.DockerClientFactory;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The one test-support path to real PostgreSQL and Kafka. Integration tests call
 * {@link #register} from a {@code @DynamicPropertySource} method.
 */
public final class Infrastructure {

	private static Boolean docker;

	private Infrastructure() {
	}

	static synchronized boolean dockerAvailable() {
		if (docker == null) {
			docker = !"false".equals(System.getenv("TESTCONTAINERS_ENABLED"))
					&& DockerClientFactory.instance().isDockerAvailable();
		}
		return docker;
	}

	/**
	 * Points {@code spring.datasource.*} at a fresh database of that name and
	 * {@code spring.kafka.bootstrap-servers} at the test broker.
	 */
	public static void register(DynamicPropertyRegistry registry, String databaseName) {
		TestPostgres.Database database = TestPostgres.database(databaseName);
		registry.add("spring.datasource.url", database::jdbcUrl);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
		registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
	}

	/**
	 * Like {@link #register} without Kafka, for tests that need only PostgreSQL.
	 */
	public static void registerDatabase(DynamicPropertyRegistry registry, String databaseName) {
		TestPostgres.Database database = TestPostgres.database(databaseName);
		registry.add("spring.datasource.url", database::jdbcUrl);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
	}

}
