package io.incidenttimeline.query.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.testsupport.IncidentStory;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MttxMetersTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final MttxMeters meters = new MttxMeters(this.registry, null);

	@Test
	void aFigureWhoseEndPrecedesItsStartIsNotObservedAsTheJsonFiguresLeaveItOut() {
		IncidentStory story = new IncidentStory();
		EventEnvelope declared = story.declared(Severity.SEV_2, "Inbox lags", "inbox");
		story.at(declared.occurredAt().minus(Duration.ofMinutes(5))).acknowledged();
		story.at(declared.occurredAt().plus(Duration.ofMinutes(30))).resolved(null);

		this.meters.observe(IncidentMoments.EVENTS.fold(story.events()).orElseThrow());

		assertThat(this.registry.find("incident.mtta").timers()).as("no MTTA observed").isEmpty();
		assertThat(timer("incident.mttr").count()).isEqualTo(1);
	}

	@Test
	void aDurationOfMillenniaIsObservedWithoutOverflowing() {
		IncidentStory story = new IncidentStory();
		story.declared((declaration) -> declaration.impactStartedAt(Instant.parse("-4712-01-01T00:00:00Z")));
		story.resolved(null);

		this.meters.observe(IncidentMoments.EVENTS.fold(story.events()).orElseThrow());

		assertThat(timer("incident.mttr").count()).isEqualTo(1);
		assertThat(timer("incident.mttr").totalTime(TimeUnit.DAYS)).as("saturated at what a timer holds, 292 years")
			.isGreaterThan(365.0 * 290);
	}

	private Timer timer(String name) {
		return this.registry.get(name).timer();
	}

}
