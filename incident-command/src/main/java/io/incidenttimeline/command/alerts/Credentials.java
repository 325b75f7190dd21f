package io.incidenttimeline.command.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

/**
 * Secret comparisons that take the same time whatever the guess: both sides are hashed
 * first, so neither content nor length leaks through timing.
 */
public final class Credentials {

	private Credentials() {
	}

	public static boolean matches(String presented, String expected) {
		if (presented == null || expected == null || expected.isEmpty()) {
			return false;
		}
		return MessageDigest.isEqual(DigestUtils.sha256(presented), DigestUtils.sha256(expected));
	}

	public static boolean bearer(String authorization, String token) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		return matches(authorization.substring(7).trim(), token);
	}

	public static boolean basic(String authorization, String username, String password) {
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

	/**
	 * The HMAC-SHA256 of the parts, one after the other, in lower-case hex.
	 */
	public static String hmacSha256Hex(String secret, byte[]... parts) {
		Mac mac = HmacUtils.getInitializedMac(HmacAlgorithms.HMAC_SHA_256, secret.getBytes(StandardCharsets.UTF_8));
		for (byte[] part : parts) {
			mac.update(part);
		}
		return Hex.encodeHexString(mac.doFinal());
	}

}
