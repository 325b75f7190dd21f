package io.incidenttimeline.query.consuming.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.incidenttimeline.events.AlertTriggered;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEventCodec;
import io.incidenttimeline.events.MalformedEventException;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.StatusUpdatePosted;
import io.incidenttimeline.testsupport.IncidentStory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IncomingEventTest {

	@Test
	void textNoColumnCanHoldIsReadWithReplacementCharactersWhileTheWireStaysAsReceived() {
		IncidentStory story = new IncidentStory();
		story.declared();
		byte[] wire = IncidentEventCodec.encode(story.by("eve\u0000").publicUpdate("Fixed\u0000 \uD800 now"));

		IncomingEvent.Known read = (IncomingEvent.Known) IncomingEvent.read(wire);

		assertThat(((StatusUpdatePosted) read.envelope().payload()).body()).isEqualTo("Fixed\uFFFD \uFFFD now");
		assertThat(read.envelope().actor()).isEqualTo("eve\uFFFD");
		assertThat(read.wire()).isSameAs(wire);
		assertThat(IncomingEvent.envelope(wire)).isEqualTo(read.envelope());
	}

	@Test
	void namesAndListsAreMadeSafeTooAndCleanEventsDecodeAsBefore() {
		IncidentStory story = new IncidentStory();
		EventEnvelope declared = story.declared(Severity.SEV_2, "Checkout\u0007", "checkout", "checkout\u0000");
		EventEnvelope alert = story.next(new AlertTriggered(story.incident(), "grafana", "key", "summary", "critical",
				Map.of("team\u0000", "pay\uDC00"), declared.occurredAt(), null));
		EventEnvelope clean = story.note("Nothing to replace");

		IncidentDeclared readDeclaration = (IncidentDeclared) envelope(declared).payload();

		assertThat(readDeclaration.title()).isEqualTo("Checkout\uFFFD");
		assertThat(readDeclaration.services()).containsExactly("checkout", "checkout\uFFFD");
		assertThat(((AlertTriggered) envelope(alert).payload()).labels()).isEqualTo(Map.of("team\uFFFD", "pay\uFFFD"));
		assertThat(envelope(clean)).isEqualTo(clean);
	}

	@Test
	void recordsThatAreNoEventStayMalformed() {
		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> IncomingEvent.read("{\"not\": \"an event\u0000\"}".getBytes(StandardCharsets.UTF_8)));
		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> IncomingEvent.read(null));
	}

	private static EventEnvelope envelope(EventEnvelope sent) {
		return IncomingEvent.envelope(IncidentEventCodec.encode(sent));
	}

}
