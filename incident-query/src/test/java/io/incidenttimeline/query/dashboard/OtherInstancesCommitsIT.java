package io.incidenttimeline.query.dashboard;

import io.incidenttimeline.query.EventsTopic;
import io.incidenttimeline.query.QueryApi;
import io.incidenttimeline.query.RunningQueryService;
import io.incidenttimeline.testsupport.IncidentStory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static io.incidenttimeline.query.QueryService.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kept answers and another query instance's commits: that instance's consumer changes the
 * shared tables and notifies the channel on commit; this instance forgets what it kept.
 * Answers here would otherwise be kept for an hour, so only the notification can refresh
 * them.
 */
@RunningQueryService
@TestPropertySource(properties = "incident-timeline.read-cache.max-age=1h")
class OtherInstancesCommitsIT {

	@Autowired
	EventsTopic topic;

	@Autowired
	QueryApi api;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aListTotalKeptHereIsForgottenWhenAnotherInstanceCommits() {
		IncidentStory story = new IncidentStory();
		this.topic.send(story.declared());
		long open = eventually().until(() -> openTotal(), (total) -> total >= 1);

		// what another instance's consumer would commit: the incident resolved
		this.jdbc.update("UPDATE incidents SET status = 'resolved', resolved_at = now() WHERE id = ?", story.id());
		assertThat(openTotal()).as("kept: this instance heard of no commit").isEqualTo(open);

		this.jdbc.queryForList("SELECT pg_notify(?, ?)", LiveFanOut.CHANNEL,
				"{\"everything\":false,\"incidents\":[{\"incidentId\":\"" + story.id() + "\",\"sequence\":2}]}");

		eventually().until(() -> openTotal() == open - 1);
	}

	private long openTotal() {
		return this.api.get("/api/incidents?status=open").json().path("total").asLong();
	}

}
