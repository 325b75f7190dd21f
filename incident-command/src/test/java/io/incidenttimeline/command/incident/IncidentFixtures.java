package io.incidenttimeline.command.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import io.incidenttimeline.events.IncidentEvent;
import io.incidenttimeline.events.Timestamps;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;

/**
 * What the incident's fixture tests share: the aggregate under test, stored events with
 * their metadata, and matchers for the exceptions the incident answers with.
 */
final class IncidentFixtures {

	private IncidentFixtures() {
	}

	/**
	 * The {@link Incident} under test, its clock stopped at {@code now}, default limits.
	 */
	static FixtureConfiguration<Incident> fixtureAt(Instant now) {
		FixtureConfiguration<Incident> fixture = new AggregateTestFixture<>(Incident.class);
		fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
		fixture.registerInjectableResource(IncidentLimits.defaults());
		return fixture;
	}

	/**
	 * The events as the store hands them back: in sequence from 0, each occurring and
	 * recorded at its given time, by alice through the api.
	 */
	static List<Object> stored(List<Timed> events) {
		return IntStream.range(0, events.size())
			.mapToObj((i) -> (Object) new GenericDomainEventMessage<>("Incident",
					events.get(i).event().incidentId().toString(), i, events.get(i).event(),
					MetaData.with(EventMetadata.ACTOR, "alice")
						.and(EventMetadata.SOURCE, "api")
						.and(EventMetadata.OCCURRED_AT, Timestamps.format(events.get(i).at()))
						.and(EventMetadata.RECORDED_AT, Timestamps.format(events.get(i).at()))))
			.toList();
	}

	static Timed at(IncidentEvent event, Instant at) {
		return new Timed(event, at);
	}

	/**
	 * A 400 naming exactly this field with exactly this message.
	 */
	static Matcher<Throwable> invalid(String field, String message) {
		return new FeatureMatcher<>(Matchers.equalTo(List.of(new InvalidCommandException.Violation(field, message))),
				"invalid command with", "violations") {
			@Override
			protected List<InvalidCommandException.Violation> featureValueOf(Throwable actual) {
				return (actual instanceof InvalidCommandException invalid) ? invalid.violations() : null;
			}
		};
	}

	/**
	 * A 400 naming this field first.
	 */
	static Matcher<Throwable> invalidField(String field) {
		return new FeatureMatcher<>(Matchers.equalTo(field), "invalid command on field", "field") {
			@Override
			protected String featureValueOf(Throwable actual) {
				return (actual instanceof InvalidCommandException invalid) ? invalid.field() : null;
			}
		};
	}

	/**
	 * A 409 whose message says this.
	 */
	static Matcher<Throwable> conflict(String message) {
		return new FeatureMatcher<>(Matchers.equalTo(message), "conflict saying", "message") {
			@Override
			protected String featureValueOf(Throwable actual) {
				return (actual instanceof IncidentConflictException) ? actual.getMessage() : null;
			}
		};
	}

	record Timed(IncidentEvent event, Instant at) {
	}

}
