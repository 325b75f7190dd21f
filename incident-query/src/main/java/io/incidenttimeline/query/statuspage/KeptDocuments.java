package io.incidenttimeline.query.statuspage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The status page's public documents (the HTML page, the Statuspage v2 JSON) as every
 * reader gets them: written out once per {@link StatusPage#snapshot()} and kept as bytes
 * with it, and so is their gzip encoding, which goes to every client that accepts it.
 * Compressing them for each response, as the server's own compression would, costs more
 * than sending them.
 */
final class KeptDocuments {

	private KeptDocuments() {
	}

	/**
	 * The document {@code name}, gzipped when the request's {@code Accept-Encoding}
	 * ({@code accepted}) accepts gzip; {@code write} writes it of a snapshot.
	 */
	static ResponseEntity<byte[]> answer(StatusPage statusPage, String accepted, String name, MediaType type,
			Function<StatusPage.Snapshot, byte[]> write) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		if (acceptsGzip(accepted)) {
			return answer.header(HttpHeaders.CONTENT_ENCODING, "gzip")
				.body(statusPage.rendered(name + " gzip", (snapshot) -> gzip(statusPage.rendered(name, write))));
		}
		return answer.body(statusPage.rendered(name, write));
	}

	/**
	 * Whether an {@code Accept-Encoding} value (RFC 9110, 12.5.3) accepts gzip: named, or
	 * covered by {@code *}, with a weight above 0. Not Tomcat's parser: it drops codings
	 * weighted 0, so {@code gzip;q=0, *} would read as accepting gzip.
	 */
	static boolean acceptsGzip(String accepted) {
		if (accepted == null) {
			return false;
		}
		Boolean gzip = null;
		Boolean any = null;
		for (String coding : accepted.split(",")) {
			String[] parts = coding.split(";");
			String name = parts[0].trim().toLowerCase(Locale.ROOT);
			boolean weighted = true;
			for (int i = 1; i < parts.length; i++) {
				String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
				if (parameter.startsWith("q=")) {
					weighted = !parameter.substring(2).trim().matches("0(\\.0{0,3})?");
				}
			}
			if (name.equals("gzip") || name.equals("x-gzip")) {
				gzip = weighted;
			}
			else if (name.equals("*")) {
				any = weighted;
			}
		}
		return (gzip != null) ? gzip : Boolean.TRUE.equals(any);
	}

	private static byte[] gzip(byte[] document) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(document.length / 6 + 64);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
			{
				this.def.setLevel(Deflater.BEST_SPEED);
			}
		}) {
			gzip.write(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
