package io.incidenttimeline.events;

/**
 * Text helpers every adapter shares.
 */
public final class Text {

	private static final String ELLIPSIS = "…";

	private Text() {
	}

	/**
	 * The text cut to at most {@code maxLength} UTF-16 units, ending in an ellipsis when
	 * cut; a character outside the Basic Multilingual Plane (a surrogate pair) is never
	 * split.
	 */
	public static String shorten(String text, int maxLength) {
		if (text.length() <= maxLength) {
			return text;
		}
		int end = maxLength - ELLIPSIS.length();
		if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, Math.max(end, 0)) + ELLIPSIS;
	}

}
