package io.incidenttimeline.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeyFileTest {

	@TempDir
	Path dataDirectory;

	@Test
	void firstStartCreatesAPrivateKeyFileOnlyTheOwnerReads() throws Exception {
		JWKSet created = SigningKeyFile.loadOrCreate(this.dataDirectory.resolve("identity"));

		Path file = this.dataDirectory.resolve("identity").resolve(SigningKeyFile.FILE_NAME);
		assertThat(file).isRegularFile();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(created.getKeys()).singleElement().isInstanceOf(RSAKey.class);
		assertThat(((RSAKey) created.getKeys().get(0)).isPrivate()).isTrue();
	}

	@Test
	void laterStartsKeepTheSameKey() {
		JWKSet first = SigningKeyFile.loadOrCreate(this.dataDirectory);
		JWKSet second = SigningKeyFile.loadOrCreate(this.dataDirectory);

		assertThat(second.toString(false)).isEqualTo(first.toString(false));
	}

	@Test
	void aFileThatIsNotAKeyStopsTheStartWithAHint() throws Exception {
		Files.writeString(this.dataDirectory.resolve(SigningKeyFile.FILE_NAME), "{\"keys\":[]}");

		assertThatIllegalStateException().isThrownBy(() -> SigningKeyFile.loadOrCreate(this.dataDirectory))
			.withMessageContaining("delete it");
	}

}
