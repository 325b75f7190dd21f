package io.incidenttimeline.command.incident.web;

import io.incidenttimeline.command.web.FieldProblem;
import io.incidenttimeline.command.web.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ActorArgumentResolverTest {

	final ActorArgumentResolver resolver = new ActorArgumentResolver();

	/**
	 * A header's bytes arrive as ISO-8859-1 characters: byte 0x85 is the C1 control NEL,
	 * which ASCII's control class does not cover.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "bob\u0000", "bob\tsmith", "bob\u0085", "bob\u007f", "bob \uD83D" })
	void actorMustBeOneLineOfWellFormedUnicode(String actor) {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> resolve(actor))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(FieldProblem::field).containsExactly("X-Actor"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "alice", "Zoë Müller", "bob@example.com", "支付 on-call 🔥" })
	void peopleAreNamedAsTheyWriteTheirNames(String actor) {
		assertThat(resolve(actor).name()).isEqualTo(actor);
	}

	private Actor resolve(String actor) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/incidents");
		request.addHeader(ActorArgumentResolver.ACTOR_HEADER, actor);
		return this.resolver.resolveArgument(null, null, new ServletWebRequest(request), null);
	}

}
