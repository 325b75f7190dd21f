package io.incidenttimeline.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTest {

	@Test
	void shortTextIsKeptAsIs() {
		assertThat(Text.shorten("checkout down", 200)).isEqualTo("checkout down");
		assertThat(Text.shorten("a".repeat(200), 200)).hasSize(200);
	}

	@Test
	void longTextIsCutWithAnEllipsisWithinTheLimit() {
		String shortened = Text.shorten("a".repeat(300), 200);

		assertThat(shortened).hasSize(200).endsWith("…").startsWith("a".repeat(199));
	}

	@Test
	void aCharacterOutsideTheBasicPlaneIsNeverSplit() {
		String text = "a".repeat(198) + "\uD83D\uDD25" + "tail";

		String shortened = Text.shorten(text, 200);

		assertThat(shortened).isEqualTo("a".repeat(198) + "…");
		assertThat(shortened.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
		assertThat(Character.isHighSurrogate(shortened.charAt(shortened.length() - 2))).isFalse();
	}

}
