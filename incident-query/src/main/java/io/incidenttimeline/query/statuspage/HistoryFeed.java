package io.incidenttimeline.query.statuspage;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.incidenttimeline.events.Timestamps;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@link StatusPage#RECENT_INCIDENTS} most recent incidents as an Atom 1.0 feed, one
 * entry per incident with its public updates as content. The XML writer escapes every
 * text; the HTML inside the content comes from a Thymeleaf template, which escapes the
 * event text in it, and is escaped once more by the writer, as Atom's {@code type="html"}
 * requires.
 */
@RestController
class HistoryFeed {

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	private static final Pattern NOT_XML = Pattern
		.compile("[^\\x{9}\\x{A}\\x{D}\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

	private final StatusPage statusPage;

	private final StatusPageSettings settings;

	private final ITemplateEngine templates;

	HistoryFeed(StatusPage statusPage, StatusPageSettings settings, ITemplateEngine templates) {
		this.statusPage = statusPage;
		this.settings = settings;
		this.templates = templates;
	}

	@GetMapping(path = "/status/history.atom", produces = "application/atom+xml;charset=UTF-8")
	String feed() throws XMLStreamException {
		StatusPage.Snapshot snapshot = this.statusPage.snapshot();
		StringWriter out = new StringWriter();
		XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeStartElement("feed");
		xml.writeDefaultNamespace(ATOM);
		element(xml, "id", "urn:uuid:" + ComponentView.idOf("page:" + this.settings.id()));
		element(xml, "title", this.settings.name() + " status history");
		element(xml, "updated", Timestamps.format(snapshot.updatedAt()));
		link(xml, "alternate", this.settings.url());
		xml.writeStartElement("author");
		element(xml, "name", this.settings.name());
		xml.writeEndElement();
		for (StatusPage.IncidentView view : snapshot.recent()) {
			PublicIncident incident = view.incident();
			xml.writeStartElement("entry");
			element(xml, "id", "urn:uuid:" + incident.id());
			element(xml, "title", incident.name());
			element(xml, "published", Timestamps.format(incident.createdAt()));
			element(xml, "updated", Timestamps.format(incident.updatedAt()));
			link(xml, "alternate", this.settings.shortlink(incident.id()));
			xml.writeStartElement("content");
			xml.writeAttribute("type", "html");
			xml.writeCharacters(xmlSafe(content(view)));
			xml.writeEndElement();
			xml.writeEndElement();
		}
		xml.writeEndElement();
		xml.writeEndDocument();
		xml.close();
		return out.toString();
	}

	/**
	 * The incident's public updates as HTML, from
	 * {@code templates/statuspage/feed-content.html}.
	 */
	private String content(StatusPage.IncidentView view) {
		List<FeedUpdate> updates = view.updates()
			.stream()
			.map((update) -> new FeedUpdate(Timestamps.format(update.createdAt()), StatusLabel.of(update.status()),
					update.body()))
			.toList();
		return this.templates.process("statuspage/feed-content", new Context(Locale.ROOT, Map.of("updates", updates)));
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(xmlSafe(text));
		xml.writeEndElement();
	}

	/**
	 * Control characters are legal in an event's text but not in XML 1.0.
	 */
	private static String xmlSafe(String text) {
		return NOT_XML.matcher(text).replaceAll("");
	}

	private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("href", href);
	}

	/**
	 * One public update as the feed's HTML shows it.
	 */
	record FeedUpdate(String createdAt, String status, String body) {
	}

}
