package io.incidenttimeline.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The RSA key that signs every token, kept as a JWK set in a file so that tokens stay
 * valid across restarts (Boot's default key is new at every start). Created on first use.
 */
final class SigningKeyFile {

	private static final Log logger = LogFactory.getLog(SigningKeyFile.class);

	static final String FILE_NAME = "signing-key.json";

	private SigningKeyFile() {
	}

	static JWKSet loadOrCreate(Path dataDirectory) {
		Path file = dataDirectory.resolve(FILE_NAME);
		try {
			if (Files.exists(file)) {
				JWKSet keys = JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
				requirePrivateRsaKey(keys, file);
				logger.info("Signing key " + keys.getKeys().get(0).getKeyID() + " from " + file.toAbsolutePath());
				return keys;
			}
			JWKSet keys = new JWKSet(newKey());
			write(keys, file);
			logger.info("Created signing key " + keys.getKeys().get(0).getKeyID() + " in " + file.toAbsolutePath());
			return keys;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or write the signing key " + file.toAbsolutePath(), ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("the signing key file " + file.toAbsolutePath()
					+ " is not a JWK set; delete it to create a new key", ex);
		}
	}

	private static RSAKey newKey() {
		try {
			return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot generate an RSA key", ex);
		}
	}

	private static void requirePrivateRsaKey(JWKSet keys, Path file) {
		if (keys.getKeys().size() != 1 || !(keys.getKeys().get(0) instanceof RSAKey key) || !key.isPrivate()) {
			throw new IllegalStateException("the signing key file " + file.toAbsolutePath()
					+ " must hold exactly one private RSA key; delete it to create a new key");
		}
	}

	private static void write(JWKSet keys, Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp");
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
		}
		// false: the file keeps the private key, the JWKS endpoint publishes only the
		// public part
		Files.writeString(temporary, keys.toString(false), StandardCharsets.UTF_8);
		Files.move(temporary, file);
	}

}
