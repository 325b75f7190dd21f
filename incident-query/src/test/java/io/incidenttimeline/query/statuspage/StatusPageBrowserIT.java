package io.incidenttimeline.query.statuspage;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.incidenttimeline.events.Severity;
import io.incidenttimeline.query.EventsTopic;
import io.incidenttimeline.query.HeadlessChromium;
import io.incidenttimeline.query.RunningQueryService;
import io.incidenttimeline.testsupport.IncidentStory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page in a real headless Chromium: what a visitor sees after a SEV-1 is
 * declared. Chromium and its driver come from the Debian packages, so Selenium Manager
 * never goes to the network.
 */
@RunningQueryService
class StatusPageBrowserIT {

	private static final Duration WITHIN = Duration.ofSeconds(20);

	@Autowired
	EventsTopic topic;

	@LocalServerPort
	int port;

	private HeadlessChromium chromium;

	private WebDriver browser;

	@BeforeEach
	void startBrowser() {
		this.chromium = new HeadlessChromium();
		this.browser = this.chromium.driver();
	}

	@AfterEach
	void stopBrowser() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void aNewlyDeclaredSev1ShowsItsComponentAsMajorOutageWithinSeconds() {
		String component = "checkout-" + UUID.randomUUID().toString().substring(0, 8);
		By row = By.cssSelector("[data-component='" + component + "']");
		this.browser.get("http://localhost:" + this.port + "/status");
		assertThat(this.browser.getTitle()).isEqualTo("Incident Timeline status");
		assertThat(this.browser.findElements(row)).isEmpty();

		IncidentStory story = new IncidentStory();
		this.topic.send(story.declared(Severity.SEV_1, "Checkout is down", component));
		WebElement shown = new WebDriverWait(this.browser, WITHIN, Duration.ofMillis(500)).until((driver) -> {
			driver.navigate().refresh();
			List<WebElement> rows = driver.findElements(row);
			return (!rows.isEmpty() && "major_outage".equals(rows.get(0).getDomAttribute("data-status"))) ? rows.get(0)
					: null;
		});

		assertThat(shown.findElement(By.cssSelector(".status")).getText()).isEqualTo("Major Outage");
		assertThat(shown.findElements(By.cssSelector(".day"))).hasSize(90);
		assertThat(this.browser.findElement(By.id("overall")).getText()).isEqualTo("Major System Outage");
		WebElement incident = this.browser.findElement(By.id("incident-" + story.id()));
		assertThat(incident.findElement(By.tagName("h3")).getText()).isEqualTo("Checkout is down");
		assertThat(incident.getText()).contains("Investigating").contains("We are investigating this issue.");
	}

}
