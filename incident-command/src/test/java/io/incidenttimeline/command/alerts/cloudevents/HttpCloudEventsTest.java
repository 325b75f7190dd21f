package io.incidenttimeline.command.alerts.cloudevents;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import io.incidenttimeline.command.alerts.InvalidAlert;
import io.incidenttimeline.command.web.FieldProblem;
import io.incidenttimeline.events.Timestamps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What the SDK refuses, answered naming the attribute as the sender wrote it.
 */
class HttpCloudEventsTest {

	static final String STRUCTURED = "application/cloudevents+json";

	static final String VALID = """
			{"specversion":"1.0","id":"e-1","source":"//x","type":"io.incidenttimeline.alert.triggered.v1",
			 "time":"2026-11-23T03:00:00Z","data":{"key":"k","summary":"s"}}""";

	static Stream<Arguments> refused() {
		return Stream.of(
				Arguments.of("binary time not a timestamp", binary("ce-time", "yesterday"), "{}",
						new FieldProblem("ce-time", "must be " + Timestamps.EXPECTED)),
				Arguments.of("binary spec version 2.0", binary("ce-specversion", "2.0"), "{}",
						new FieldProblem("ce-specversion", "must be 1.0")),
				Arguments.of("binary without id", binary("ce-id", null), "{}",
						new FieldProblem("ce-id", "is missing or blank")),
				Arguments.of("neither mode", headers("Content-Type", "application/json"), "{}",
						new FieldProblem("ce-specversion", "is missing or blank")),
				Arguments.of("structured in a format we cannot read",
						headers("Content-Type", "application/cloudevents+xml"), "<event/>",
						new FieldProblem("Content-Type",
								"must be " + STRUCTURED
										+ " (structured mode), or the data's type with ce-* headers (binary mode)")),
				Arguments.of("structured without id", structured(), VALID.replace("\"id\":\"e-1\",", ""),
						new FieldProblem("id", "is missing or blank")),
				Arguments.of("structured id as a number", structured(), VALID.replace("\"e-1\"", "42"),
						new FieldProblem("id", "must be a string")),
				Arguments.of("structured spec version 0.2", structured(), VALID.replace("\"1.0\"", "\"0.2\""),
						new FieldProblem("specversion", "must be 1.0")),
				Arguments.of("structured time not a timestamp", structured(),
						VALID.replace("2026-11-23T03:00:00Z", "yesterday"),
						new FieldProblem("time", "must be " + Timestamps.EXPECTED)),
				Arguments.of("structured truncated", structured(), VALID.substring(0, 40),
						new FieldProblem("$", "the body is not valid JSON")),
				Arguments.of("structured empty", structured(), "",
						new FieldProblem("$", "the request body is missing")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refused")
	void refusedRequestNamesTheAttributeAsTheSenderWroteIt(String name, HttpHeaders headers, String body,
			FieldProblem expected) {
		InvalidAlert refused = catchThrowableOfType(InvalidAlert.class,
				() -> HttpCloudEvents.read(headers, body.getBytes(StandardCharsets.UTF_8)));

		assertThat(refused).as(name).isNotNull();
		assertThat(refused.problems()).containsExactly(expected);
	}

	@Test
	void attributesOutsideTheNamingRuleAreIgnored() {
		HttpCloudEvents.Read read = HttpCloudEvents.read(structured(),
				VALID.replace("\"id\"", "\"someFutureField\":\"x\",\"id\"").getBytes(StandardCharsets.UTF_8));

		assertThat(read.binary()).isFalse();
		assertThat(read.event().getId()).isEqualTo("e-1");
		assertThat(read.event().getExtensionNames()).doesNotContain("someFutureField");
	}

	@Test
	void binaryModeReadsTheHeadersAndTheBodyAsData() {
		HttpCloudEvents.Read read = HttpCloudEvents.read(binary("ce-time", "2026-11-23T03:00:00+01:00"),
				"{\"key\":\"k\"}".getBytes(StandardCharsets.UTF_8));

		assertThat(read.binary()).isTrue();
		assertThat(read.attribute("type")).isEqualTo("ce-type");
		assertThat(read.event().getTime().toInstant()).hasToString("2026-11-23T02:00:00Z");
		assertThat(new String(read.event().getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"key\":\"k\"}");
	}

	/**
	 * A valid binary-mode request with one header changed ({@code null}: left out).
	 */
	private static HttpHeaders binary(String changed, String value) {
		HttpHeaders headers = headers("Content-Type", "application/json", "ce-specversion", "1.0", "ce-id", "e-1",
				"ce-source", "//x", "ce-type", "io.incidenttimeline.alert.triggered.v1");
		if (value == null) {
			headers.remove(changed);
		}
		else {
			headers.set(changed, value);
		}
		return headers;
	}

	private static HttpHeaders structured() {
		return headers("Content-Type", STRUCTURED);
	}

	private static HttpHeaders headers(String... namesAndValues) {
		HttpHeaders headers = new HttpHeaders();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.set(namesAndValues[i], namesAndValues[i + 1]);
		}
		return headers;
	}

}
