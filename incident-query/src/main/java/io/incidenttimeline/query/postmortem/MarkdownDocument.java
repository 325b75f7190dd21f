package io.incidenttimeline.query.postmortem;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.incidenttimeline.events.Timestamps;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;

/**
 * The blameless postmortem document in Markdown, from the Thymeleaf TEXT template
 * {@code templates/postmortem/postmortem.md}: header table, summary, impact, timeline
 * (UTC), root cause, contributing factors, what went well, what went poorly, where we got
 * lucky, lessons, action items, participants, review. The same document always gives the
 * same bytes: nothing here reads a clock, and the action items' {@code overdue} (which
 * depends on the day) is left out. Text from people goes into table cells through
 * {@link #cell}, which keeps a cell on one line and its pipes literal.
 */
@Component
class MarkdownDocument {

	static final String NOT_WRITTEN = "_Not written yet._";

	private final SpringTemplateEngine templates = new SpringTemplateEngine();

	MarkdownDocument() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/postmortem/");
		resolver.setSuffix(".md");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		this.templates.setTemplateResolver(resolver);
	}

	String render(PostmortemDocument document) {
		Context context = new Context(Locale.ROOT, Map.of("pm", document, "md", new Helpers()));
		return this.templates.process("postmortem", context);
	}

	/**
	 * What the template calls as {@code md}.
	 */
	static final class Helpers {

		public String time(Instant instant) {
			return (instant != null) ? Timestamps.format(instant) : "—";
		}

		public String date(Instant instant) {
			return (instant != null) ? Timestamps.format(instant).substring(0, 10) : "—";
		}

		public String cell(Object value) {
			if (value == null) {
				return "—";
			}
			return value.toString().strip().replaceAll("\\s*\\R\\s*", " ").replace("|", "\\|");
		}

		public String text(String text) {
			return (text != null) ? text.strip() : NOT_WRITTEN;
		}

		public String seconds(PostmortemDocument.Figure figure) {
			if (figure.seconds() == null) {
				return "—";
			}
			double seconds = figure.seconds();
			String value = (seconds == Math.rint(seconds)) ? String.valueOf((long) seconds)
					: String.format(Locale.ROOT, "%.6f", seconds);
			return value + " s (" + String.join(", ",
					figure.kinds().entrySet().stream().map((kind) -> kind.getKey() + ": " + kind.getValue()).toList())
					+ ")";
		}

		public String words(String label) {
			return (label != null) ? label.replace('_', ' ') : "—";
		}

		public String roles(List<String> roles) {
			return roles.isEmpty() ? "" : ": " + String.join(", ", roles.stream().map(this::words).toList());
		}

		public String item(PostmortemDocument.Item item) {
			String title = cell(item.title());
			return (item.link() != null)
					? "[" + title.replace("]", "\\]") + "](" + item.link().replace(")", "%29") + ")" : title;
		}

	}

}
