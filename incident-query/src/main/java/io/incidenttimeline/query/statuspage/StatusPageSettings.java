package io.incidenttimeline.query.statuspage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the page presents itself in the Statuspage documents and the HTML page. {@code url}
 * is the public address of the HTML page; incident shortlinks point into it.
 */
@ConfigurationProperties("incident-query.status-page")
record StatusPageSettings(@DefaultValue("incident-timeline") String id, @DefaultValue("Incident Timeline") String name,
		@DefaultValue("http://localhost:8081/status") String url, @DefaultValue("Etc/UTC") String timeZone) {

	String shortlink(Object incidentId) {
		return this.url + "#incident-" + incidentId;
	}

}
