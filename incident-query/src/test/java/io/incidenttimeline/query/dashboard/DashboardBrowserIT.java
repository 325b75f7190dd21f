package io.incidenttimeline.query.dashboard;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentDeclared;
import io.incidenttimeline.events.IncidentEvent;
import io.incidenttimeline.events.IncidentId;
import io.incidenttimeline.events.IncidentResolved;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.MitigationApplied;
import io.incidenttimeline.events.MitigationKind;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.events.StatusChanged;
import io.incidenttimeline.events.StatusUpdatePosted;
import io.incidenttimeline.events.Visibility;
import io.incidenttimeline.query.EventsTopic;
import io.incidenttimeline.query.HeadlessChromium;
import io.incidenttimeline.testsupport.Infrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in real headless Chromium, fed through Kafka. Chromium and chromedriver
 * come from the Debian packages, so Selenium Manager never goes to the network.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "incident-query.topic=" + DashboardBrowserIT.TOPIC,
				"incident-query.dead-letter-topic=" + DashboardBrowserIT.TOPIC + ".DLT",
				"spring.kafka.consumer.group-id=dashboard-browser-it" })
class DashboardBrowserIT {

	static final String TOPIC = "dashboard-browser-it-events";

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static EventsTopic topic;

	private static HeadlessChromium chromium;

	private static WebDriver browser;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry, "dashboard_browser_it");
	}

	@BeforeAll
	static void start() throws IOException {
		topic = new EventsTopic(TOPIC);
		chromium = new HeadlessChromium();
		browser = chromium.driver();
	}

	@AfterAll
	static void stop() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
		topic.close();
	}

	@Test
	void theDashboardShowsANewlyDeclaredIncidentLiveWithItsTitleEscaped() {
		browser.get(url("/dashboard"));
		waitUntil(() -> "live".equals(browser.findElement(By.id("live-status")).getText()));
		((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
		Story story = new Story(Instant.now().truncatedTo(ChronoUnit.MICROS));
		String title = "Payments <b>down</b> & \"out\"";

		topic.send(story.declared(title, Severity.SEV_1, Duration.ZERO));

		By row = By.cssSelector("tr.incident[data-incident-id='" + story.incident + "']");
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
		Story story = new Story(Instant.now().minus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.MICROS));
		topic.send(story.declared("Login fails for some users", Severity.SEV_2, Duration.ZERO));
		topic.send(story.next(new StatusUpdatePosted(story.incident, Visibility.PUBLIC, "Investigating"),
				Duration.ofMinutes(5), Duration.ZERO));

		browser.get(url("/dashboard"));
		By row = By.cssSelector("tr.incident[data-incident-id='" + story.incident + "']");
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
		Story story = new Story(Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MICROS));
		topic.send(story.declared("Search is slow", Severity.SEV_3, Duration.ZERO));
		topic
			.send(story.next(new StatusChanged(story.incident, IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED),
					Duration.ofMinutes(10), Duration.ZERO));
		topic.send(story.next(new MitigationApplied(story.incident, MitigationKind.ROLLBACK, "Rolled back search"),
				Duration.ofMinutes(-5), Duration.ofMinutes(20)));

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
		Story story = new Story(Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MICROS));
		topic.send(story.declared("Queue backlog", Severity.SEV_3, Duration.ZERO));
		openIncidentPage(story, 1);
		waitUntil(() -> "live".equals(browser.findElement(By.id("live-status")).getText()));

		topic.send(story.next(new IncidentResolved(story.incident, "Drained"), Duration.ofMinutes(5), Duration.ZERO));

		waitUntil(() -> browser.findElements(By.cssSelector("#timeline-entries tr.entry")).size() == 2);
		waitUntil(() -> "resolved".equals(browser.findElement(By.cssSelector("#incident-header .status")).getText()));
	}

	@Test
	void theMetricsPageDrawsChartsWithDataPoints() {
		Story story = new Story(Instant.parse("2026-11-18T09:00:00Z"));
		topic.send(story.declared("Checkout errors", Severity.SEV_2, Duration.ofMinutes(10)));
		topic
			.send(story.next(new StatusChanged(story.incident, IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING),
					Duration.ofMinutes(20), Duration.ZERO));
		topic.send(story.next(new IncidentResolved(story.incident, null), Duration.ofMinutes(30), Duration.ZERO));

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
	private void openIncidentPage(Story story, int entries) {
		waitUntil(() -> {
			browser.get(url("/dashboard/incidents/" + story.incident));
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
	 * One incident whose events follow each other from a starting moment.
	 */
	private static final class Story {

		private final IncidentId incident = IncidentId.random();

		private Instant clock;

		private long sequence;

		Story(Instant declaredAt) {
			this.clock = declaredAt;
		}

		EventEnvelope declared(String title, Severity severity, Duration impactBefore) {
			return next(new IncidentDeclared(this.incident, title, severity, List.of("checkout"),
					this.clock.minus(impactBefore), "erin"), Duration.ZERO, Duration.ZERO);
		}

		/**
		 * The event happened {@code after} the previous one (negative: before it) and was
		 * recorded {@code recordedLater} than it happened.
		 */
		EventEnvelope next(IncidentEvent payload, Duration after, Duration recordedLater) {
			this.clock = this.clock.plus(after);
			this.sequence++;
			return new EventEnvelope(UUID.randomUUID(), this.incident, this.sequence, this.clock,
					this.clock.plus(recordedLater).plusMillis(3), "erin", "web", payload);
		}

	}

}
