package io.incidenttimeline.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * SEV-1 is a full outage or data loss for most users, SEV-4 a minor problem with a
 * workaround. A lower number is more severe.
 */
public enum Severity {

	@JsonProperty("SEV-1")
	SEV_1("SEV-1"),

	@JsonProperty("SEV-2")
	SEV_2("SEV-2"),

	@JsonProperty("SEV-3")
	SEV_3("SEV-3"),

	@JsonProperty("SEV-4")
	SEV_4("SEV-4");

	private final String label;

	Severity(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * @throws IllegalArgumentException for anything but SEV-1 to SEV-4
	 */
	public static Severity fromLabel(String label) {
		for (Severity severity : values()) {
			if (severity.label.equalsIgnoreCase(label)) {
				return severity;
			}
		}
		throw new IllegalArgumentException("severity must be one of SEV-1, SEV-2, SEV-3, SEV-4, not " + label);
	}

	public boolean isMoreSevereThan(Severity other) {
		return ordinal() < other.ordinal();
	}

}
