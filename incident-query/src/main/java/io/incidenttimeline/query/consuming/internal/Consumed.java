package io.incidenttimeline.query.consuming.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What one consumer transaction did with its record, for the counters that count only
 * what was committed.
 */
final class Consumed {

	private final List<String> appliedTypes = new ArrayList<>();

	private final List<String> unknownTypes = new ArrayList<>();

	private int duplicates;

	private int gaps;

	void applied(String type) {
		this.appliedTypes.add(type);
	}

	void unknown(String type) {
		this.unknownTypes.add(type);
	}

	void duplicate() {
		this.duplicates++;
	}

	void gap() {
		this.gaps++;
	}

	List<String> appliedTypes() {
		return List.copyOf(this.appliedTypes);
	}

	List<String> unknownTypes() {
		return List.copyOf(this.unknownTypes);
	}

	int duplicates() {
		return this.duplicates;
	}

	int gaps() {
		return this.gaps;
	}

}
