package io.incidenttimeline.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The registry of event types: each record class has a name and a schema version, which
 * together make its CloudEvents {@code type}
 * ({@code io.incidenttimeline.IncidentDeclared.v3}). A new version of an event replaces
 * its entry; the old one moves to the earlier versions and stays readable forever.
 */
public final class EventTypes {

	static final String PREFIX = "io.incidenttimeline.";

	/**
	 * The current version of every event type: what the writers write.
	 */
	private static final List<EventType> ALL = List.of(new EventType("IncidentDeclared", 3, IncidentDeclared.class),
			new EventType("SeverityChanged", 1, SeverityChanged.class),
			new EventType("IncidentAcknowledged", 1, IncidentAcknowledged.class),
			new EventType("StatusChanged", 1, StatusChanged.class),
			new EventType("MitigationApplied", 1, MitigationApplied.class),
			new EventType("RoleAssigned", 1, RoleAssigned.class),
			new EventType("StatusUpdatePosted", 1, StatusUpdatePosted.class),
			new EventType("TimelineNoteAdded", 1, TimelineNoteAdded.class),
			new EventType("IncidentResolved", 1, IncidentResolved.class),
			new EventType("IncidentReopened", 1, IncidentReopened.class),
			new EventType("AlertTriggered", 1, AlertTriggered.class),
			new EventType("AlertAcknowledged", 1, AlertAcknowledged.class),
			new EventType("AlertResolved", 1, AlertResolved.class),
			new EventType("KeyMomentCorrected", 1, KeyMomentCorrected.class),
			new EventType("PostmortemStarted", 1, PostmortemStarted.class),
			new EventType("PostmortemSectionWritten", 1, PostmortemSectionWritten.class),
			new EventType("ActionItemAdded", 1, ActionItemAdded.class),
			new EventType("ActionItemUpdated", 1, ActionItemUpdated.class),
			new EventType("ActionItemCompleted", 1, ActionItemCompleted.class),
			new EventType("ActionItemDropped", 1, ActionItemDropped.class),
			new EventType("PostmortemReviewed", 1, PostmortemReviewed.class),
			new EventType("PostmortemPublished", 1, PostmortemPublished.class));

	/**
	 * Earlier versions, still read: each into the record of its current version, whose
	 * later fields it lacks (they read as null).
	 */
	private static final List<EventType> EARLIER = List.of(new EventType("IncidentDeclared", 1, IncidentDeclared.class),
			new EventType("IncidentDeclared", 2, IncidentDeclared.class));

	private static final Map<Class<?>, EventType> BY_CLASS = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

	private static final Map<String, EventType> BY_CLOUD_EVENT_TYPE = Stream.concat(ALL.stream(), EARLIER.stream())
		.collect(Collectors.toUnmodifiableMap(EventType::cloudEventType, Function.identity()));

	private EventTypes() {
	}

	/**
	 * The current version of every type.
	 */
	public static List<EventType> all() {
		return ALL;
	}

	/**
	 * Every version a reader accepts, current and earlier.
	 */
	public static List<EventType> readable() {
		return Stream.concat(ALL.stream(), EARLIER.stream()).toList();
	}

	/**
	 * The current version of an event record.
	 * @throws IllegalArgumentException for a class that is not a registered event
	 */
	public static EventType of(Class<?> eventClass) {
		EventType type = BY_CLASS.get(eventClass);
		if (type == null) {
			throw new IllegalArgumentException("not a registered incident event: " + eventClass.getName());
		}
		return type;
	}

	public static Optional<EventType> byCloudEventType(String cloudEventType) {
		return Optional.ofNullable(BY_CLOUD_EVENT_TYPE.get(cloudEventType));
	}

	public record EventType(String name, int version, Class<? extends IncidentEvent> javaType) {

		public String cloudEventType() {
			return PREFIX + this.name + ".v" + this.version;
		}

	}

}
