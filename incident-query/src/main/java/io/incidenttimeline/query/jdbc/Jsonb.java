package io.incidenttimeline.query.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.events.IncidentEventCodec;

/**
 * Values to and from PostgreSQL {@code jsonb} columns, written as the wire format writes
 * them (timestamps with six fraction digits).
 */
public final class Jsonb {

	private static final ObjectMapper JSON = IncidentEventCodec.newObjectMapper();

	private Jsonb() {
	}

	public static String of(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static <T> T read(String json, TypeReference<T> type) {
		try {
			return JSON.readValue(json, type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
