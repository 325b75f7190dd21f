package io.incidenttimeline.query.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokensTest {

	static final Instant ISSUED = Instant.parse("2026-12-03T10:00:00Z");

	final AtomicInteger verifications = new AtomicInteger();

	final JwtDecoder verifier = (token) -> {
		this.verifications.incrementAndGet();
		if (token.startsWith("forged")) {
			throw new BadJwtException("Signed JWT rejected: Invalid signature");
		}
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("alice")
			.issuedAt(ISSUED)
			.expiresAt(ISSUED.plus(Duration.ofMinutes(10)))
			.build();
	};

	@Test
	void aTokenSentAgainIsNotVerifiedAgain() {
		VerifiedTokens tokens = new VerifiedTokens(this.verifier, validAt(ISSUED.plusSeconds(1)), 10,
				Duration.ofMinutes(5));

		Jwt first = tokens.decode("token-a");
		Jwt second = tokens.decode("token-a");
		tokens.decode("token-b");

		assertThat(second).isSameAs(first);
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aRememberedTokenIsRefusedOnceItExpired() {
		MutableClock clock = new MutableClock(ISSUED.plusSeconds(1));
		JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
		validator.setClock(clock);
		VerifiedTokens tokens = new VerifiedTokens(this.verifier, validator, 10, Duration.ofHours(1));
		tokens.decode("token-a");

		clock.now = ISSUED.plus(Duration.ofMinutes(11));

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> tokens.decode("token-a"))
			.withMessageContaining("expired");
	}

	@Test
	void aTokenThatFailsVerificationIsNeverRemembered() {
		VerifiedTokens tokens = new VerifiedTokens(this.verifier, validAt(ISSUED.plusSeconds(1)), 10,
				Duration.ofMinutes(5));

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("forged-token"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("forged-token"));

		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aTokenIsVerifiedAgainAfterItsLifetimeInMemory() throws InterruptedException {
		VerifiedTokens tokens = new VerifiedTokens(this.verifier, validAt(ISSUED.plusSeconds(1)), 10,
				Duration.ofMillis(1));
		tokens.decode("token-a");
		Thread.sleep(20);

		tokens.decode("token-a");

		assertThat(this.verifications).hasValue(2);
	}

	private static JwtTimestampValidator validAt(Instant now) {
		JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
		validator.setClock(Clock.fixed(now, ZoneOffset.UTC));
		return validator;
	}

	static final class MutableClock extends Clock {

		Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
