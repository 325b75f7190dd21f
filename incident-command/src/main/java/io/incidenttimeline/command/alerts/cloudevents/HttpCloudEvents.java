package io.incidenttimeline.command.alerts.cloudevents;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.rw.CloudEventRWException;
import io.incidenttimeline.command.alerts.InvalidAlert;
import io.incidenttimeline.events.Timestamps;

import org.springframework.http.HttpHeaders;

/**
 * Reads one CloudEvent from an HTTP request through the SDK's HTTP binding: binary mode
 * ({@code ce-*} headers, the data as the body) or structured mode
 * ({@code application/cloudevents+json}). A request the SDK refuses is answered naming
 * the attribute as the sender wrote it: {@code ce-time} in binary mode, {@code time} in
 * structured mode.
 * <p>
 * The SDK reports a bad attribute only in its exception messages (no attribute name or
 * JSON path on the exception), so the attribute is taken from those messages; a message
 * this does not recognise is answered naming the body ({@code $}).
 */
final class HttpCloudEvents {

	private static final String BINARY_PREFIX = "ce-";

	static {
		// Senders add attributes the spec's naming rule (lower-case letters and digits)
		// forbids, such as "someFutureField"; they are ignored rather than refusing the
		// alert. HttpMessageFactory finds the JSON format through the provider.
		EventFormatProvider.getInstance()
			.registerFormat(new JsonFormat().withForceIgnoreInvalidExtensionNameDeserialization());
	}

	private static final List<Recognised> RECOGNISED = List.of(
			new Recognised("Missing mandatory (\\w+) attribute", (m) -> "is missing or blank"),
			new Recognised("Attribute '(\\w+)' cannot be null", (m) -> "is missing or blank"),
			new Recognised("Wrong type \\w+ for attribute (\\w+)", (m) -> "must be a string"),
			new Recognised("Invalid (specversion)", (m) -> "must be 1.0"),
			new Recognised("Invalid attribute/extension (?:value|type) for \"(\\w+)\"",
					(m) -> m.group(1).equals("time") ? "must be " + Timestamps.EXPECTED : "has an invalid value"),
			new Recognised("Invalid extensions name: (\\S+)",
					(m) -> "is not an attribute name (lower-case letters and digits)"),
			new Recognised("both '(data)' and 'data_base64'", (m) -> "must not come with data_base64"));

	private HttpCloudEvents() {
	}

	static Read read(HttpHeaders headers, byte[] body) {
		MessageReader reader;
		try {
			reader = HttpMessageFactory.createReader((header) -> headers
				.forEach((name, values) -> values.forEach((value) -> header.accept(name, value))), body);
		}
		catch (CloudEventRWException ex) {
			throw unreadable(headers, ex);
		}
		boolean binary = reader.getEncoding() == Encoding.BINARY;
		if (!binary && (body == null || body.length == 0)) {
			throw new InvalidAlert("$", "the request body is missing");
		}
		try {
			return new Read(reader.toEvent(), binary);
		}
		catch (RuntimeException ex) {
			throw invalid(ex, binary);
		}
	}

	/**
	 * Neither mode: a structured content type the SDK has no format for, or no (or an
	 * unknown) {@code ce-specversion} header.
	 */
	private static InvalidAlert unreadable(HttpHeaders headers, CloudEventRWException ex) {
		String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
		if (ex.getKind() == CloudEventRWException.CloudEventRWExceptionKind.INVALID_SPEC_VERSION) {
			return new InvalidAlert(BINARY_PREFIX + "specversion", "must be 1.0");
		}
		if (contentType != null && contentType.startsWith("application/cloudevents")) {
			return new InvalidAlert(HttpHeaders.CONTENT_TYPE, "must be " + JsonFormat.CONTENT_TYPE
					+ " (structured mode), or the data's type with ce-* headers (binary mode)");
		}
		return new InvalidAlert(BINARY_PREFIX + "specversion", "is missing or blank");
	}

	private static InvalidAlert invalid(RuntimeException ex, boolean binary) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JsonProcessingException json && !(json instanceof MismatchedInputException)) {
				return new InvalidAlert("$", "the body is not valid JSON");
			}
			messages.append(cause.getMessage()).append('\n');
		}
		for (Recognised recognised : RECOGNISED) {
			Matcher matcher = recognised.pattern().matcher(messages);
			if (matcher.find()) {
				String attribute = matcher.group(1);
				return new InvalidAlert(binary ? BINARY_PREFIX + attribute : attribute,
						recognised.message().apply(matcher));
			}
		}
		return new InvalidAlert("$", "is not a CloudEvent: " + ex.getMessage());
	}

	/**
	 * The event and the mode it came in.
	 */
	record Read(CloudEvent event, boolean binary) {

		/**
		 * An attribute's name as the sender wrote it.
		 */
		String attribute(String name) {
			return this.binary ? BINARY_PREFIX + name : name;
		}

	}

	private record Recognised(Pattern pattern, Function<Matcher, String> message) {

		Recognised(String pattern, Function<Matcher, String> message) {
			this(Pattern.compile(pattern), message);
		}

	}

}
