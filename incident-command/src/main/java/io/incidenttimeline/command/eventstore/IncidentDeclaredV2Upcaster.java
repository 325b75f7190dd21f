package io.incidenttimeline.command.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidenttimeline.events.IncidentDeclared;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import org.springframework.core.annotation.Order;

/**
 * Reads an {@link IncidentDeclared} stored as version 2 (or made version 2 by
 * {@link IncidentDeclaredV1Upcaster}, which runs before it) as version 3: it gains
 * {@code "detectedAt": null} and {@code "detectionMethod": null}. That is exact: before
 * version 3 nobody could state a detection, so the incident was detected when it was
 * declared or when its first alert arrived, whichever came first.
 */
@Order(2)
class IncidentDeclaredV2Upcaster extends SingleEventUpcaster {

	private static final SimpleSerializedType V2 = new SimpleSerializedType(IncidentDeclared.class.getName(), "2");

	private static final SimpleSerializedType V3 = new SimpleSerializedType(IncidentDeclared.class.getName(), "3");

	@Override
	protected boolean canUpcast(IntermediateEventRepresentation representation) {
		return V2.equals(representation.getType());
	}

	@Override
	protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
		return representation.upcastPayload(V3, JsonNode.class, (payload) -> {
			((ObjectNode) payload).putNull("detectedAt");
			((ObjectNode) payload).putNull("detectionMethod");
			return payload;
		});
	}

}
