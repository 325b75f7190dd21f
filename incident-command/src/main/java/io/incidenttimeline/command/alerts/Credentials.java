package io.incidenttimeline.command.alerts;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secret comparisons that take the same time whatever the guess: both sides are hashed
 * first, so neither content nor length leaks through timing.
 */
final class Credentials {

	private Credentials() {
	}

	static boolean matches(String presented, String expected) {
		if (presented == null || expected == null || expected.isEmpty()) {
			return false;
		}
		return MessageDigest.isEqual(sha256(presented.getBytes(StandardCharsets.UTF_8)),
				sha256(expected.getBytes(StandardCharsets.UTF_8)));
	}

	static boolean bearer(String authorization, String token) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		return matches(authorization.substring(7).trim(), token);
	}

	static boolean basic(String authorization, String username, String password) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6) || username == null
				|| username.isEmpty() || password == null || password.isEmpty()) {
			return false;
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		// Evaluate both comparisons: stopping at a wrong username would tell it apart.
		boolean user = matches(decoded.contains(":") ? decoded.substring(0, decoded.indexOf(':')) : decoded, username);
		boolean secret = matches(decoded.contains(":") ? decoded.substring(decoded.indexOf(':') + 1) : "", password);
		return user & secret;
	}

	static String hmacSha256Hex(String secret, byte[]... parts) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			for (byte[] part : parts) {
				mac.update(part);
			}
			return HexFormat.of().formatHex(mac.doFinal());
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("every JVM has HmacSHA256", ex);
		}
	}

	static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
