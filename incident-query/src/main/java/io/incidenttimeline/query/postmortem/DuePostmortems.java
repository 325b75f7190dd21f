package io.incidenttimeline.query.postmortem;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The postmortems owed under the policy ({@link PostmortemSettings}): incidents resolved
 * (and not reopened) whose highest severity the policy names and whose postmortem is not
 * published, each with its due time and whether that has passed.
 */
@Component
class DuePostmortems implements PostmortemLists {

	private final PostmortemRepository postmortems;

	private final PostmortemSettings settings;

	private final Clock clock;

	DuePostmortems(PostmortemRepository postmortems, PostmortemSettings settings, Clock clock) {
		this.postmortems = postmortems;
		this.settings = settings;
		this.clock = clock;
	}

	List<DuePostmortem> list() {
		Instant now = this.clock.instant();
		return this.postmortems.owing(this.settings.policySeverities()).stream().map((postmortem) -> {
			Instant dueAt = this.settings.dueAt(postmortem.resolvedAt());
			return new DuePostmortem(postmortem.incidentId(), postmortem.title(), postmortem.severityReached().label(),
					postmortem.services(), postmortem.resolvedAt(), dueAt, now.isAfter(dueAt), postmortem.status());
		}).toList();
	}

	@Override
	public List<DuePostmortem> due() {
		return list();
	}

	@Override
	public List<ActionItemListing> overdueActionItems() {
		return this.postmortems.actionItems(new ActionItemFilter(null, null, null, "true", null),
				LocalDate.now(this.clock.withZone(ZoneOffset.UTC)));
	}

	long overdueCount() {
		return list().stream().filter(DuePostmortem::overdue).count();
	}

	Policy policy() {
		return new Policy(this.settings.policySeverities().stream().map((severity) -> severity.label()).toList(),
				this.settings.businessDays());
	}

	record Policy(List<String> severities, int businessDays) {
	}

}
