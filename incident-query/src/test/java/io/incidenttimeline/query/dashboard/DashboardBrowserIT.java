package io.incidenttimeline.query.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.MitigationKind;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.query.EventsTopic;
import io.incidenttimeline.query.HeadlessChromium;
import io.incidenttimeline.query.RunningQueryService;
import io.incidenttimeline.testsupport.IncidentStory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in real headless Chromium, fed through Kafka. Chromium and chromedriver
 * come from the Debian packages, so Selenium Manager never goes to the network.
 */
@RunningQueryService
class DashboardBrowserIT {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static HeadlessChromium chromium;

	private static WebDriver browser;

	@Autowired
	EventsTopic topic;

	@LocalServerPort
	int port;

	@BeforeAll
	static void start() {
		chromium = new HeadlessChromium();
		browser = chromium.driver();
	}

	@AfterAll
	static void stop() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void theDashboardShowsANewlyDeclaredIncidentLiveWithItsTitleEscaped() {
		browser.get(url("/dashboard"));
		waitUntil(() -> "live".equals(browser.findElement(By.id("live-status")).getText()));
		((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
		IncidentStory story = startingAt(Instant.now());
		String title = "Payments <b>down</b> & \"out\"";

		this.topic.send(declared(story, title, Severity.SEV_1, Duration.ZERO));

		By row = By.cssSelector("tr.incident[data-incident-id='" + story.incident() + "']");
		waitUntil(() -> !browser.findElements(row).isEmpty());
		WebElement incident = browser.findElement(row);
		assertThat(incident.findElement(By.cssSelector("a.title")).getText()).isEqualTo(title);
		assertThat(incident.findElements(By.tagName("b"))).isEmpty();
		assertThat(incident.findElement(By.cssSelector(".severity")).getText()).isEqualTo("SEV-1");
		assertThat(incident.findElement(By.cssSelector(".commander")).getText()).isEqualTo("erin");
		assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;")).isEqualTo(true);
	}

	@Test
	void theBoardFlagsAnIncidentWhosePublicUpdateIsOverdue() {
		IncidentStory story = startingAt(Instant.now().minus(Duration.ofMinutes(40)));
		this.topic.send(declared(story, "Login fails for some users", Severity.SEV_2, Duration.ZERO));
		this.topic.send(story.after(Duration.ofMinutes(5)).publicUpdate("Investigating"));

		browser.get(url("/dashboard"));
		By row = By.cssSelector("tr.incident[data-incident-id='" + story.incident() + "']");
		waitUntil(() -> {
			browser.navigate().refresh();
			return !browser.findElements(row).isEmpty();
		});

		WebElement incident = browser.findElement(row);
		assertThat(incident.getAttribute("class")).contains("overdue");
		assertThat(incident.findElement(By.cssSelector(".overdue-flag")).getText()).startsWith("overdue by 5m");
	}

	@Test
	void anIncidentPageShowsItsTimelineInOrderWithTheBackdatedEntryMarked() {
		IncidentStory story = startingAt(Instant.now().minus(Duration.ofHours(1)));
		this.topic.send(declared(story, "Search is slow", Severity.SEV_3, Duration.ZERO));
		this.topic
			.send(story.after(Duration.ofMinutes(10)).status(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED));
		this.topic.send(story.after(Duration.ofMinutes(-5))
			.recordedAfter(Duration.ofMinutes(20).plusMillis(3))
			.mitigation(MitigationKind.ROLLBACK, "Rolled back search"));

		openIncidentPage(story, 3);

		List<String> sequences = new ArrayList<>();
		browser.findElements(By.cssSelector("#timeline-entries tr.entry"))
			.forEach((entry) -> sequences.add(entry.getAttribute("data-sequence")));
		assertThat(sequences).containsExactly("1", "3", "2");
		WebElement backdated = browser.findElement(By.cssSelector("#timeline-entries tr.entry[data-sequence='3']"));
		assertThat(backdated.getAttribute("class")).contains("backdated");
		assertThat(backdated.findElement(By.cssSelector(".backdated-flag")).getText()).isEqualTo("backdated");
		assertThat(backdated.findElement(By.cssSelector(".summary")).getText()).contains("Rolled back search");
		assertThat(browser.findElements(By.cssSelector("#timeline-entries tr.backdated"))).hasSize(1);
	}

	@Test
	void theIncidentPageAddsNewEntriesLive() {
		IncidentStory story = startingAt(Instant.now().minus(Duration.ofMinutes(30)));
		this.topic.send(declared(story, "Queue backlog", Severity.SEV_3, Duration.ZERO));
		openIncidentPage(story, 1);
		waitUntil(() -> "live".equals(browser.findElement(By.id("live-status")).getText()));

		this.topic.send(story.after(Duration.ofMinutes(5)).resolved("Drained"));

		waitUntil(() -> browser.findElements(By.cssSelector("#timeline-entries tr.entry")).size() == 2);
		waitUntil(() -> "resolved".equals(browser.findElement(By.cssSelector("#incident-header .status")).getText()));
	}

	@Test
	void theMetricsPageDrawsChartsWithDataPoints() {
		IncidentStory story = startingAt(Instant.parse("2026-11-18T09:00:00Z"));
		this.topic.send(declared(story, "Checkout errors", Severity.SEV_2, Duration.ofMinutes(10)));
		this.topic
			.send(story.after(Duration.ofMinutes(20)).status(IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING));
		this.topic.send(story.after(Duration.ofMinutes(30)).resolved(null));

		browser.get(url("/dashboard/metrics"));

		waitUntil(() -> {
			browser.navigate().refresh();
			return waitFor(() -> !browser.findElements(By.cssSelector("#chart-over-time svg circle.point")).isEmpty(),
					Duration.ofSeconds(3));
		});
		assertThat(browser.findElements(By.cssSelector("#chart-over-time svg circle.point[data-metric='mttr']")))
			.isNotEmpty();
		assertThat(browser.findElements(By.cssSelector("#chart-by-severity svg rect.bar[data-severity='SEV-2']")))
			.isNotEmpty();
		assertThat(browser.findElement(By.cssSelector("#figures tr[data-metric='mttr']")).getText()).contains("mttr");
	}

	/**
	 * Opens the page once the consumer has applied the incident's first events, reloading
	 * until then.
	 */
	private void openIncidentPage(IncidentStory story, int entries) {
		waitUntil(() -> {
			browser.get(url("/dashboard/incidents/" + story.incident()));
			return waitFor(() -> browser.findElements(By.cssSelector("#timeline-entries tr.entry")).size() == entries,
					Duration.ofSeconds(2));
		});
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition) {
		new WebDriverWait(browser, WAIT).until((driver) -> condition.getAsBoolean());
	}

	private static boolean waitFor(java.util.function.BooleanSupplier condition, Duration timeout) {
		try {
			new WebDriverWait(browser, timeout).until((driver) -> condition.getAsBoolean());
			return true;
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			return false;
		}
	}

	/**
	 * A story whose declaration happens at {@code declaredAt}, each event recorded 3 ms
	 * after it happened unless told otherwise.
	 */
	private static IncidentStory startingAt(Instant declaredAt) {
		return IncidentStory.startingAt(declaredAt.truncatedTo(ChronoUnit.MICROS))
			.recordingEachAfter(Duration.ofMillis(3));
	}

	/**
	 * The declaration, for the service checkout, commander erin, impact
	 * {@code impactBefore} it.
	 */
	private static EventEnvelope declared(IncidentStory story, String title, Severity severity, Duration impactBefore) {
		return story.declared((declaration) -> declaration.title(title)
			.severity(severity)
			.services("checkout")
			.impactBefore(impactBefore));
	}

}
