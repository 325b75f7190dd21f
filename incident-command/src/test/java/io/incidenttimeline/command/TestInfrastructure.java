package io.incidenttimeline.command;

import java.util.concurrent.atomic.AtomicInteger;

import io.incidenttimeline.testsupport.TestKafka;
import io.incidenttimeline.testsupport.TestPostgres;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a service context at real PostgreSQL and Kafka: each context a fresh database of
 * its own (test classes sharing a cached context share it), unless two contexts are to
 * share one, as two instances of the service do.
 */
public final class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final AtomicInteger CONTEXTS = new AtomicInteger();

	static {
		// Axon reads this before any bean exists; our machines have no internet to phone.
		System.setProperty("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
	}

	private final TestPostgres.Database database;

	public TestInfrastructure() {
		this(null);
	}

	/**
	 * For contexts started by hand on one shared database.
	 */
	public TestInfrastructure(TestPostgres.Database database) {
		this.database = database;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPostgres.Database database = (this.database != null) ? this.database
				: TestPostgres.database("command_" + CONTEXTS.incrementAndGet());
		TestPropertyValues
			.of("spring.datasource.url=" + database.jdbcUrl(), "spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password(),
					"spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers())
			.applyTo(context);
	}

}
