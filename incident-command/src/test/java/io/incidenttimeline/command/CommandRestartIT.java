package io.incidenttimeline.command;

import io.incidenttimeline.command.CommandApi.Response;
import io.incidenttimeline.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class CommandRestartIT {

	static {
		System.setProperty("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
	}

	@Test
	void restartedServiceRebuildsTheIncidentFromTheStoreAndContinuesIt() {
		TestPostgres.Database database = TestPostgres.database("command_restart_it");
		String id;
		String trailBefore;
		try (ConfigurableApplicationContext first = start(database)) {
			CommandApi api = new CommandApi(port(first));
			id = api.declare();
			assertThat(api.post(events(id).replace("events", "status"), "{\"status\":\"identified\"}").status())
				.isEqualTo(200);
			trailBefore = api.get(events(id)).body();
		}
		try (ConfigurableApplicationContext second = start(database)) {
			CommandApi api = new CommandApi(port(second));
			assertThat(api.get(events(id)).body()).isEqualTo(trailBefore);
			Response sameStatus = api.post(events(id).replace("events", "status"), "{\"status\":\"identified\"}");
			assertThat(sameStatus.status()).as("state rebuilt from the store").isEqualTo(409);
			Response note = api.post(events(id).replace("events", "notes"), "{\"note\":\"after restart\"}");
			assertThat(note.status()).isEqualTo(200);
			assertThat(note.json().get("sequence").asLong()).isEqualTo(3);

			JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject(
					"SELECT max(global_index) - min(global_index) + 1 = count(*) FROM domain_event_entry",
					Boolean.class))
				.as("no gaps in the global index")
				.isTrue();
		}
	}

	private static ConfigurableApplicationContext start(TestPostgres.Database database) {
		return new SpringApplicationBuilder(IncidentCommandApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password());
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static String events(String id) {
		return "/api/incidents/" + id + "/events";
	}

}
