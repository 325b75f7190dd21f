package io.incidenttimeline.command.alerts;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsTest {

	@Test
	void bearerTokenMustMatchExactly() {
		assertThat(Credentials.bearer("Bearer s3cret", "s3cret")).isTrue();
		assertThat(Credentials.bearer("bearer s3cret", "s3cret")).isTrue();
		assertThat(Credentials.bearer("Bearer s3cre", "s3cret")).isFalse();
		assertThat(Credentials.bearer("Bearer s3cretx", "s3cret")).isFalse();
		assertThat(Credentials.bearer(null, "s3cret")).isFalse();
	}

	@Test
	void unconfiguredSecretMatchesNothing() {
		assertThat(Credentials.bearer("Bearer ", "")).isFalse();
		assertThat(Credentials.bearer("Bearer x", null)).isFalse();
		assertThat(Credentials.basic(basic(":"), "", "")).isFalse();
	}

	@Test
	void basicAuthNeedsBothUserAndPassword() {
		assertThat(Credentials.basic(basic("am:pw"), "am", "pw")).isTrue();
		assertThat(Credentials.basic(basic("am:wrong"), "am", "pw")).isFalse();
		assertThat(Credentials.basic(basic("other:pw"), "am", "pw")).isFalse();
		assertThat(Credentials.basic("Basic not-base64!", "am", "pw")).isFalse();
	}

	@Test
	void hmacIsGrafanasHexEncodedSha256() {
		// RFC 4231 test case 2.
		assertThat(Credentials.hmacSha256Hex("Jefe", "what do ya want ".getBytes(StandardCharsets.UTF_8),
				"for nothing?".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

	private static String basic(String userAndPassword) {
		return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
	}

}
