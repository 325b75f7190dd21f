package io.incidenttimeline.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import io.incidenttimeline.command.CommandApi.Response;
import io.incidenttimeline.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances started by hand: one after another, or two at once, on one database.
 */
class CommandRestartIT {

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

	/**
	 * Each instance caches the incidents it loaded. A copy made stale by the other
	 * instance decides nothing: it is found behind the store and reloaded, so the command
	 * meets the stored state (here: already monitoring, a real conflict), and a command
	 * that conflicts with nothing is accepted at the next sequence.
	 */
	@Test
	void anIncidentCachedByOneInstanceAndChangedByAnotherIsReloadedNotOverwritten() {
		TestPostgres.Database database = TestPostgres.database("command_cache_it");
		try (ConfigurableApplicationContext one = start(database);
				ConfigurableApplicationContext other = start(database)) {
			CommandApi first = new CommandApi(port(one));
			CommandApi second = new CommandApi(port(other));
			String id = first.declare();
			String status = events(id).replace("events", "status");
			assertThat(first.post(status, "{\"status\":\"identified\"}").status()).isEqualTo(200);
			assertThat(second.post(status, "{\"status\":\"monitoring\"}").status()).isEqualTo(200);

			Response stale = first.post(status, "{\"status\":\"monitoring\"}");
			Response note = first.post(events(id).replace("events", "notes"), "{\"note\":\"after the other\"}");

			assertThat(stale.status()).as("reloaded: the incident is already monitoring").isEqualTo(409);
			assertThat(stale.json().get("type").asString()).endsWith("/conflict");
			assertThat(note.status()).as(note.body()).isEqualTo(200);
			assertThat(note.json().get("sequence").asLong()).isEqualTo(4);
			assertThat(first.get(events(id)).json().size()).isEqualTo(4);
		}
	}

	/**
	 * Two instances on one database: each locks the incident only in its own JVM, so
	 * their appends race on the unique (aggregate, sequence) key. A lost race must answer
	 * 409 and store nothing; a won one 200.
	 */
	@Test
	void twoInstancesRacingOnOneIncidentAnswerConflictInsteadOfCorruptingIt() throws Exception {
		TestPostgres.Database database = TestPostgres.database("command_race_it");
		try (ConfigurableApplicationContext one = start(database);
				ConfigurableApplicationContext other = start(database)) {
			List<CommandApi> apis = List.of(new CommandApi(port(one)), new CommandApi(port(other)));
			String id = apis.get(0).declare();
			ExecutorService pool = Executors.newFixedThreadPool(8);
			try {
				List<Future<Response>> notes = new ArrayList<>();
				for (int i = 0; i < 40; i++) {
					CommandApi api = apis.get(i % 2);
					String note = "{\"note\":\"note " + i + "\"}";
					notes.add(pool.submit(() -> api.post(events(id).replace("events", "notes"), note)));
				}
				int stored = 0;
				List<Integer> statuses = new ArrayList<>();
				for (Future<Response> note : notes) {
					Response response = note.get();
					statuses.add(response.status());
					if (response.status() == 200) {
						stored++;
					}
					else {
						assertThat(response.json().get("type").asString()).endsWith("/concurrent-modification");
					}
				}
				assertThat(statuses).allMatch((status) -> status == 200 || status == 409);
				JdbcTemplate jdbc = one.getBean(JdbcTemplate.class);
				assertThat(jdbc.queryForList(
						"SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
						Long.class, id))
					.hasSize(stored + 1)
					.isEqualTo(LongStream.rangeClosed(0, stored).boxed().toList());
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	private static ConfigurableApplicationContext start(TestPostgres.Database database) {
		return new SpringApplicationBuilder(IncidentCommandApplication.class)
			.initializers(new TestInfrastructure(database))
			.profiles(TestInfrastructure.PROFILE)
			.run("--server.port=0");
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static String events(String id) {
		return "/api/incidents/" + id + "/events";
	}

}
