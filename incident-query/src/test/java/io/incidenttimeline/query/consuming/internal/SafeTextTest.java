package io.incidenttimeline.query.consuming.internal;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextTest {

	private static final long SEED = 20261203L;

	@Test
	void nulOtherControlsAndUnpairedSurrogatesBecomeReplacementCharacters() {
		assertThat(SafeText.of("a\u0000b")).isEqualTo("a\uFFFDb");
		assertThat(SafeText.of("bell\u0007")).isEqualTo("bell\uFFFD");
		assertThat(SafeText.of("lone \uD800 high, lone \uDC00 low")).isEqualTo("lone \uFFFD high, lone \uFFFD low");
		assertThat(SafeText.of("reversed \uDC00\uD800")).isEqualTo("reversed \uFFFD\uFFFD");
		assertThat(SafeText.of("at the end \uD83D")).isEqualTo("at the end \uFFFD");
		assertThat(SafeText.of("\uFFFE\uFFFF")).isEqualTo("\uFFFD\uFFFD");
	}

	@Test
	void cleanTextIsTheSameInstanceWithNewlinesTabsAndPairsKept() {
		String clean = "Line one\r\nline\ttwo \uD83D\uDE80 caf\u00E9 \u0085";

		assertThat(SafeText.of(clean)).isSameAs(clean);
	}

	@Test
	void everyStringOfAJsonDocumentIsMadeSafeNamesIncludedAndCleanDocumentsAreLeftAsTheyAre() {
		byte[] dirty = "{\"a\\u0000\":[\"x\\u0000\",{\"b\":\"\\ud800\"}],\"n\":1.50,\"t\":true,\"z\":null}"
			.getBytes(StandardCharsets.UTF_8);
		byte[] clean = "{\"a\":[\"x\",{\"b\":\"\u00E9\"}],\"n\":1.50}".getBytes(StandardCharsets.UTF_8);
		byte[] notJson = "{\"not\": json\u0000".getBytes(StandardCharsets.UTF_8);

		assertThat(new String(SafeText.ofJson(dirty), StandardCharsets.UTF_8))
			.isEqualTo("{\"a\uFFFD\":[\"x\uFFFD\",{\"b\":\"\uFFFD\"}],\"n\":1.50,\"t\":true,\"z\":null}");
		assertThat(SafeText.ofJson(clean)).isSameAs(clean);
		assertThat(SafeText.ofJson(notJson)).isSameAs(notJson);
	}

	@RepeatedTest(200)
	void anyTextBecomesWellFormedXmlCharactersOfTheSameLengthAndStaysSoWhenRepeated(RepetitionInfo repetition) {
		long seed = SEED + repetition.getCurrentRepetition();
		String text = randomText(new Random(seed));

		String safe = SafeText.of(text);

		String because = "seed " + seed + ", text " + text.chars().mapToObj(Integer::toHexString).toList();
		assertThat(safe).as(because).hasSameSizeAs(text);
		assertThat(SafeText.of(safe)).as(because).isSameAs(safe);
		assertThat(strictUtf8(safe)).as(because).isTrue();
		assertThat(safe.codePoints().allMatch(SafeTextTest::xmlChar)).as(because).isTrue();
		for (int i = 0; i < text.length(); i++) {
			assertThat(safe.charAt(i) == text.charAt(i) || safe.charAt(i) == SafeText.REPLACEMENT).as(because).isTrue();
		}
	}

	private static String randomText(Random random) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(40);
		for (int i = 0; i < length; i++) {
			switch (random.nextInt(6)) {
				case 0 -> text.append((char) random.nextInt(0x20));
				case 1 -> text.append((char) (0xD800 + random.nextInt(0x800)));
				case 2 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
				case 3 -> text.append(random.nextBoolean() ? '\uFFFE' : '\uFFFF');
				default -> text.append((char) (0x20 + random.nextInt(0xD7FF - 0x20)));
			}
		}
		return text.toString();
	}

	private static boolean strictUtf8(String text) {
		try {
			StandardCharsets.UTF_8.newEncoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.encode(CharBuffer.wrap(text));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static boolean xmlChar(int c) {
		return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
				|| (c >= 0x10000 && c <= 0x10FFFF);
	}

}
