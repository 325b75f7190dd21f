package io.incidenttimeline.query.dashboard;

import java.time.Duration;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.Role;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.testsupport.IncidentStory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's fold as a plain object: a story of envelopes in, the board row out.
 */
class BoardIncidentTest {

	private final IncidentStory story = new IncidentStory();

	@Test
	void aDeclarationPutsAnInvestigatingIncidentOnTheBoard() {
		EventEnvelope declared = this.story.declared(Severity.SEV_1, "Checkout down", "checkout");

		BoardIncident incident = fold();

		assertThat(incident).isEqualTo(new BoardIncident(this.story.id(), "Checkout down", Severity.SEV_1,
				IncidentStatus.INVESTIGATING, "erin", declared.occurredAt(), null, declared.occurredAt(), 1));
	}

	@Test
	void severityStatusAndCommanderFollowTheirEvents() {
		this.story.declared(Severity.SEV_3, "Search slow", "search");
		this.story.severity(Severity.SEV_3, Severity.SEV_2, null);
		this.story.status(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED);
		this.story.role(Role.SCRIBE, "carol");
		this.story.role(Role.INCIDENT_COMMANDER, "dave");

		BoardIncident incident = fold();

		assertThat(incident.severity()).isEqualTo(Severity.SEV_2);
		assertThat(incident.status()).isEqualTo(IncidentStatus.IDENTIFIED);
		assertThat(incident.commander()).isEqualTo("dave");
	}

	@Test
	void resolvingTakesItOffTheOpenBoardAndReopeningPutsItBack() {
		this.story.declared();
		this.story.resolved(null);

		assertThat(fold().status()).isEqualTo(IncidentStatus.RESOLVED);

		this.story.reopened("back");

		assertThat(fold().status()).isEqualTo(IncidentStatus.INVESTIGATING);
	}

	@Test
	void onlyPublicUpdatesRestartTheCadenceWhileEveryEventIsTheLatestSeen() {
		this.story.declared();
		EventEnvelope published = this.story.publicUpdate("We are on it.");
		this.story.internalUpdate("Paged the database team");
		EventEnvelope backdated = this.story.after(Duration.ofMinutes(-30)).note("Entered late");
		EventEnvelope note = this.story.after(Duration.ofMinutes(45)).note("Still on it");

		BoardIncident incident = fold();

		assertThat(incident.lastPublicUpdateAt()).isEqualTo(published.occurredAt());
		assertThat(incident.lastEventAt()).isEqualTo(note.occurredAt()).isAfter(backdated.occurredAt());
		assertThat(incident.lastSequence()).isEqualTo(5);
	}

	private BoardIncident fold() {
		return BoardIncident.EVENTS.fold(this.story.events()).orElseThrow();
	}

}
