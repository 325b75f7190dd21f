package io.incidenttimeline.query;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.incidenttimeline.testsupport.TestKafka;
import io.incidenttimeline.testsupport.TestPostgres;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * What every integration test of the query service shares: where its service finds the
 * test infrastructure, and how long it waits for the asynchronous consumer.
 */
public final class QueryService {

	/**
	 * How long a test waits for the consumer to catch up: patient enough for a busy
	 * two-core machine.
	 */
	public static final Duration PATIENCE = Duration.ofSeconds(45);

	private QueryService() {
	}

	/**
	 * Awaitility with {@link #PATIENCE}.
	 */
	public static ConditionFactory eventually() {
		return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200));
	}

	/**
	 * The properties that point a query service at the test infrastructure, under names
	 * derived from {@code name} (a test class's simple name, {@code ConsumingIT}):
	 * database {@code consuming_it}, topic {@code consuming-it-events} and its
	 * {@code .DLT}, consumer group {@code consuming-it}.
	 */
	public static Map<String, String> properties(String name) {
		String kebab = name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
		TestPostgres.Database database = TestPostgres.database(kebab.replace('-', '_'));
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", database.jdbcUrl());
		properties.put("spring.datasource.username", database.username());
		properties.put("spring.datasource.password", database.password());
		properties.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
		properties.put("incident-query.topic", kebab + "-events");
		properties.put("incident-query.dead-letter-topic", kebab + "-events.DLT");
		properties.put("spring.kafka.consumer.group-id", kebab);
		return properties;
	}

	/**
	 * For {@link RunningQueryService}: adds {@link #properties} ahead of
	 * {@code application.yml} and registers the test's {@link EventsTopic} and
	 * {@link QueryApi}.
	 */
	static class Infrastructure implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			return new Customizer(testClass.getSimpleName());
		}

	}

	private record Customizer(String name) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			Map<String, Object> properties = new LinkedHashMap<>(properties(this.name));
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(this.name, properties));
			GenericApplicationContext beans = (GenericApplicationContext) context;
			String topic = (String) properties.get("incident-query.topic");
			beans.registerBean(EventsTopic.class, () -> new EventsTopic(topic));
			beans.registerBean(QueryApi.class, () -> new QueryApi(context.getEnvironment()));
		}

	}

}
