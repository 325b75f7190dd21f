package io.incidenttimeline.identity;

import java.io.IOException;
import java.nio.file.Path;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as other modules' tests run it: a child process on a free port.
 */
class LocalIdentityProviderIT {

	@Test
	void tokensStayValidAcrossARestartWithTheSameDataDirectory() throws Exception {
		try (LocalIdentityProvider idp = LocalIdentityProvider.start(freshDirectory("restart"))) {
			String issuedBefore = idp.accessToken("alice");
			JWKSet keysBefore = VerifiedToken.jwks(idp.idpUrl());

			idp.restart();

			JWKSet keysAfter = VerifiedToken.jwks(idp.idpUrl());
			assertThat(keysAfter.toString()).isEqualTo(keysBefore.toString());
			JWTClaimsSet claims = VerifiedToken.claims(issuedBefore, idp.idpUrl(), keysAfter);
			assertThat(claims.getSubject()).isEqualTo("alice");
			assertThat(VerifiedToken.claims(idp.accessToken("ada"), idp.idpUrl(), keysBefore).getSubject())
				.isEqualTo("ada");
		}
	}

	@Test
	void childProcessServesEveryKindOfTokenUnderItsIssuer() throws Exception {
		try (LocalIdentityProvider idp = LocalIdentityProvider.start(freshDirectory("kinds"))) {
			assertThat(idp.idpUrl()).startsWith("http://localhost:");

			JWTClaimsSet person = VerifiedToken.claims(idp.accessToken("victor"), idp.idpUrl());
			JWTClaimsSet machine = VerifiedToken.claims(idp.clientCredentials("automation", "local-automation-secret"),
					idp.idpUrl());

			assertThat(person.getIssuer()).isEqualTo(idp.idpUrl());
			assertThat(person.getStringClaim("name")).isEqualTo("Victor Nguyễn");
			assertThat(machine.getStringListClaim("roles")).containsExactly("responder");
		}
	}

	static Path freshDirectory(String name) throws IOException {
		Path directory = Path.of("target", "identity-it", name);
		FileSystemUtils.deleteRecursively(directory);
		return directory;
	}

}
