package io.incidenttimeline.query.statuspage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.incidenttimeline.events.Timestamps;

/**
 * What the HTML status page ({@code templates/statuspage/index.html}) shows, every value
 * ready to print: the template only lays it out (and escapes it).
 */
record StatusPageView(String name, String indicator, String indicatorDescription, List<IncidentRow> open,
		List<ComponentRow> components, List<IncidentRow> past, Shown updatedAt, int days) {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	static StatusPageView of(StatusPageSettings settings, StatusPage.Snapshot snapshot,
			Map<String, List<DayHistory.Day>> history) {
		List<IncidentRow> open = snapshot.open().stream().map(IncidentRow::of).toList();
		List<IncidentRow> past = snapshot.recent()
			.stream()
			.filter((view) -> !view.incident().isOpen())
			.map(IncidentRow::of)
			.toList();
		List<ComponentRow> components = snapshot.components()
			.stream()
			.map((component) -> ComponentRow.of(component, history.getOrDefault(component.name(), List.of())))
			.toList();
		return new StatusPageView(settings.name(), snapshot.indicator().wire(), snapshot.indicator().description(),
				open, components, past, Shown.of(snapshot.updatedAt()), DayHistory.DAYS);
	}

	/**
	 * A moment as a {@code <time>} element shows it: machine-readable and for people.
	 */
	record Shown(String datetime, String text) {

		static Shown of(Instant instant) {
			return new Shown(Timestamps.format(instant), SHOWN.format(instant));
		}

	}

	record IncidentRow(String id, String name, String impact, String status, String components, Shown startedAt,
			List<UpdateRow> updates) {

		static IncidentRow of(StatusPage.IncidentView view) {
			PublicIncident incident = view.incident();
			return new IncidentRow(incident.id().toString(), incident.name(), Indicator.of(incident.severity()).wire(),
					StatusLabel.of(incident.status()), String.join(", ", incident.components()),
					Shown.of(incident.startedAt()), view.updates().stream().map(UpdateRow::of).toList());
		}

	}

	record UpdateRow(String status, String body, Shown createdAt) {

		static UpdateRow of(PublicUpdate update) {
			return new UpdateRow(StatusLabel.of(update.status()), update.body(), Shown.of(update.createdAt()));
		}

	}

	record ComponentRow(String name, String status, String statusLabel, List<DayCell> days) {

		static ComponentRow of(ComponentView component, List<DayHistory.Day> days) {
			return new ComponentRow(component.name(), component.status().wire(), component.status().label(),
					days.stream().map(DayCell::of).toList());
		}

	}

	/**
	 * One day's bar: {@code css} is {@code no-data} or {@code s-<component status>}.
	 */
	record DayCell(String date, String css, String title) {

		static DayCell of(DayHistory.Day day) {
			String css = day.noData() ? "no-data" : "s-" + day.status().wire();
			return new DayCell(day.date().toString(), css, day.date() + ": " + day.label());
		}

	}

}
