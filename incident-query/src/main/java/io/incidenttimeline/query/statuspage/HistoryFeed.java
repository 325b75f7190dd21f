package io.incidenttimeline.query.statuspage;

import java.io.StringWriter;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.incidenttimeline.events.Timestamps;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The {@link StatusPage#RECENT_INCIDENTS} most recent incidents as an Atom 1.0 feed, one
 * entry per incident with its public updates as content. The XML writer escapes every
 * text; the HTML inside the content is escaped once more, as Atom's {@code type="html"}
 * requires.
 */
@RestController
class HistoryFeed {

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	private static final Pattern NOT_XML = Pattern
		.compile("[^\\x{9}\\x{A}\\x{D}\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

	private final StatusPage statusPage;

	private final StatusPageSettings settings;

	HistoryFeed(StatusPage statusPage, StatusPageSettings settings) {
		this.statusPage = statusPage;
		this.settings = settings;
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

	private static String content(StatusPage.IncidentView view) {
		StringBuilder html = new StringBuilder();
		for (PublicUpdate update : view.updates()) {
			html.append("<p><small>")
				.append(Timestamps.format(update.createdAt()))
				.append("</small><br><strong>")
				.append(StatusPageHtml.statusLabel(update.status()))
				.append("</strong> - ")
				.append(HtmlUtils.htmlEscape(update.body(), "UTF-8"))
				.append("</p>");
		}
		return html.toString();
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

}
