package io.incidenttimeline.command.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidenttimeline.events.IncidentDeclared;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import org.springframework.core.annotation.Order;

/**
 * Reads an {@link IncidentDeclared} stored before version 2 (no payload revision) as
 * version 2: it gains {@code "openingAlert": null}. That is exact for declarations by
 * people; a declaration an alert made before version 2 did not record which alert it was,
 * so its incident is not resolved by that alert clearing. The first link of the chain:
 * {@link IncidentDeclaredV2Upcaster} then reads the result as version 3.
 */
@Order(1)
class IncidentDeclaredV1Upcaster extends SingleEventUpcaster {

	private static final SimpleSerializedType V1 = new SimpleSerializedType(IncidentDeclared.class.getName(), null);

	private static final SimpleSerializedType V2 = new SimpleSerializedType(IncidentDeclared.class.getName(), "2");

	@Override
	protected boolean canUpcast(IntermediateEventRepresentation representation) {
		return V1.equals(representation.getType());
	}

	@Override
	protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
		return representation.upcastPayload(V2, JsonNode.class, (payload) -> {
			((ObjectNode) payload).putNull("openingAlert");
			return payload;
		});
	}

}
