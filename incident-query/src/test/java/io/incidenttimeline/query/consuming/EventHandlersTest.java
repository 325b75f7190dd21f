package io.incidenttimeline.query.consuming;

import java.util.List;
import java.util.stream.Stream;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEvent;
import io.incidenttimeline.events.SeverityChanged;
import io.incidenttimeline.events.TimelineNoteAdded;
import io.incidenttimeline.testsupport.IncidentStory;
import org.junit.jupiter.api.Test;

import static io.incidenttimeline.events.Severity.SEV_1;
import static io.incidenttimeline.events.Severity.SEV_3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventHandlersTest {

	/**
	 * What happened to an incident, as a list of words.
	 */
	record Log(List<String> words) {

		static Log declared(IncidentDeclared declared, EventEnvelope envelope) {
			return new Log(List.of("declared " + declared.severity().label()));
		}

		Log on(SeverityChanged changed, EventEnvelope envelope) {
			return with("severity " + changed.to().label());
		}

		Log seen(IncidentEvent event, EventEnvelope envelope) {
			return with("#" + envelope.sequence());
		}

		Log with(String word) {
			return new Log(Stream.concat(this.words.stream(), Stream.of(word)).toList());
		}

	}

	private static final EventHandlers<Log> LOG = EventHandlers.startingWith(Log::declared)
		.on(SeverityChanged.class, Log::on);

	private final IncidentStory story = new IncidentStory();

	@Test
	void eachEventGoesToTheHandlerOfItsTypeAndOthersLeaveTheStateAsItIs() {
		this.story.declared(SEV_3, "Search slow", "search");
		this.story.note("looking");
		this.story.severity(SEV_3, SEV_1, null);

		assertThat(LOG.fold(this.story.events())).contains(new Log(List.of("declared SEV-3", "severity SEV-1")));
	}

	@Test
	void anEveryEventHandlerFollowsTheTypedOne() {
		EventHandlers<Log> counting = LOG.onEveryEvent(Log::seen);
		this.story.declared();
		this.story.severity(SEV_3, SEV_1, null);
		this.story.note("looking");

		assertThat(counting.fold(this.story.events()))
			.contains(new Log(List.of("declared SEV-3", "severity SEV-1", "#2", "#3")));
	}

	@Test
	void withoutTheDeclarationThereIsNothingToFold() {
		this.story.declared();
		EventEnvelope note = this.story.note("looking");

		assertThat(LOG.fold(List.of(note))).isEmpty();
		assertThat(LOG.fold(List.of())).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> LOG.start(note));
	}

	@Test
	void aTypeHasOneHandler() {
		assertThatIllegalArgumentException().isThrownBy(() -> LOG.on(SeverityChanged.class, Log::on));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LOG.on(IncidentDeclared.class, (log, declared, envelope) -> log));
		assertThat(LOG.on(TimelineNoteAdded.class, (log, note, envelope) -> log.with(note.note()))).isNotSameAs(LOG);
	}

}
