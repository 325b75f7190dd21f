package io.incidenttimeline.query.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.incidenttimeline.events.ActionItemAdded;
import io.incidenttimeline.events.ActionItemPriority;
import io.incidenttimeline.events.ActionItemType;
import io.incidenttimeline.events.EventEnvelope;
import io.incidenttimeline.events.IncidentStatus;
import io.incidenttimeline.events.MitigationKind;
import io.incidenttimeline.events.PostmortemSection;
import io.incidenttimeline.events.PostmortemSectionWritten;
import io.incidenttimeline.events.PostmortemStarted;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.query.EventsTopic;
import io.incidenttimeline.query.HeadlessChromium;
import io.incidenttimeline.query.RunningQueryService;
import io.incidenttimeline.query.TestIdentity;
import io.incidenttimeline.testsupport.IncidentStory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.incidenttimeline.query.SignedInActors.actedBy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in real headless Chromium, fed through Kafka, signed in as a viewer
 * through the real local identity provider's login form. Chromium and chromedriver come
 * from the Debian packages, so Selenium Manager never goes to the network.
 */
@RunningQueryService
class DashboardBrowserIT {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static HeadlessChromium chromium;

	private static WebDriver browser;

	private static boolean signedIn;

	@Autowired
	EventsTopic topic;

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	/**
	 * The identity provider sends a browser back only to a redirect URI registered when
	 * it started: this service listens on the port registered for the dashboard.
	 */
	@DynamicPropertySource
	static void registeredPort(DynamicPropertyRegistry registry) {
		registry.add("server.port", TestIdentity::dashboardPort);
	}

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

	@BeforeEach
	void signIn() {
		if (!signedIn) {
			browser.get(url("/dashboard"));
			signInAt(browser, TestIdentity.VIEWER);
			waitForUrl(browser, url("/dashboard"));
			signedIn = true;
		}
	}

	@Test
	void aVisitorSignsInThroughTheIdentityProviderAndSeesTheBoardUnderTheirName() {
		try (HeadlessChromium visitor = new HeadlessChromium()) {
			WebDriver page = visitor.driver();
			page.get(url("/status"));
			assertThat(page.getCurrentUrl()).as("the status page needs no sign-in").isEqualTo(url("/status"));
			assertThat(page.getTitle()).isEqualTo("Incident Timeline status");

			page.get(url("/dashboard"));
			new WebDriverWait(page, WAIT)
				.until((driver) -> driver.getCurrentUrl().startsWith(TestIdentity.issuer() + "/login"));
			signInAt(page, TestIdentity.VIEWER);

			waitForUrl(page, url("/dashboard"));
			assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Open incidents");
			assertThat(page.findElements(By.id("open-incidents"))).hasSize(1);
			assertThat(page.findElement(By.id("signed-in")).getText()).isEqualTo("Victor Nguyễn");
			assertThat(page.findElement(By.id("signed-in")).getDomAttribute("title")).isEqualTo("victor");
			page.get(url("/status"));
			assertThat(page.getTitle()).isEqualTo("Incident Timeline status");
		}
	}

	@Test
	void aSignedInAdminsSessionCookieChangesNothingWithoutTheCsrfToken() throws Exception {
		try (HeadlessChromium admin = new HeadlessChromium()) {
			WebDriver page = admin.driver();
			page.get(url("/dashboard"));
			signInAt(page, TestIdentity.ADMIN);
			waitForUrl(page, url("/dashboard"));
			// cookies know no ports: a page of any site could make the browser send this
			// one
			// to the management port too
			String cookie = "incident-query-session="
					+ page.manage().getCookieNamed("incident-query-session").getValue();
			String management = "http://localhost:" + this.managementPort;
			HttpClient http = HttpClient.newHttpClient();

			HttpResponse<String> read = http
				.send(HttpRequest.newBuilder(URI.create(management + "/api/admin/projections"))
					.header("Cookie", cookie)
					.build(), HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> forged = http
				.send(HttpRequest.newBuilder(URI.create(management + "/api/admin/projections/dashboard/rebuild"))
					.header("Cookie", cookie)
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(read.statusCode()).as("the admin's session").isEqualTo(200);
			assertThat(forged.statusCode()).isEqualTo(403);
			assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(forged.body()).contains("CSRF");
		}
	}

	@Test
	void theIncidentPageShowsWhoActedByTheNameTheySignedInWith() {
		IncidentStory story = startingAt(Instant.now().minus(Duration.ofMinutes(20)));
		this.topic.send(declared(story, "Webhooks delayed", Severity.SEV_3, Duration.ZERO));
		this.topic
			.send(actedBy(story.after(Duration.ofMinutes(2)).note("Queue drains again"), "victor", "Victor Nguyễn"));

		openIncidentPage(story, 2);

		WebElement declaredBy = browser.findElement(By.cssSelector("tr.entry[data-sequence='1'] .actor"));
		WebElement notedBy = browser.findElement(By.cssSelector("tr.entry[data-sequence='2'] .actor"));
		assertThat(declaredBy.getText()).as("recorded before sign-in existed: the id").isEqualTo("erin");
		assertThat(notedBy.getText()).isEqualTo("Victor Nguyễn");
		assertThat(notedBy.getDomAttribute("title")).isEqualTo("victor");
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

		// the live stream may swap the board's rows at any moment: read the row afresh
		String classes = fresh((driver) -> driver.findElement(row).getAttribute("class"));
		String flag = fresh((driver) -> driver.findElement(row).findElement(By.cssSelector(".overdue-flag")).getText());
		assertThat(classes).contains("overdue");
		assertThat(flag).startsWith("overdue by 5m");
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

	/**
	 * Fills in the identity provider's login form (password = username) once the browser
	 * has been sent there.
	 */
	@Test
	void thePostmortemPageShowsTheDocumentAndTheBoardListsDuePostmortemsAndOverdueActionItems() {
		IncidentStory story = new IncidentStory();
		List<EventEnvelope> events = new ArrayList<>();
		events.add(story.at("2026-11-16T10:00:00Z").declared(Severity.SEV_1, "Payments time out", "payments"));
		events.add(story.at("2026-11-16T11:00:00Z").resolved("Rolled back"));
		events.add(actedBy(story.at("2026-11-17T09:00:00Z").next(new PostmortemStarted(story.incident())), "carol",
				"Carol Dubois"));
		events.add(story.at("2026-11-17T09:05:00Z")
			.next(new PostmortemSectionWritten(story.incident(), PostmortemSection.ROOT_CAUSE,
					"A config change lowered the payments timeout.")));
		events.add(story.at("2026-11-17T09:10:00Z")
			.next(new ActionItemAdded(story.incident(), UUID.randomUUID(), "Alert on payments timeouts", "dave",
					LocalDate.parse("2026-11-20"), ActionItemType.DETECT, ActionItemPriority.P2, null)));
		this.topic.send(events.toArray(EventEnvelope[]::new));

		browser.get(url("/dashboard/incidents/" + story.id() + "/postmortem"));
		waitUntil(() -> !browser.findElements(By.id("postmortem-status")).isEmpty()
				|| reload("/dashboard/incidents/" + story.id() + "/postmortem"));
		waitUntil(() -> !browser.findElements(By.className("action-item")).isEmpty()
				|| reload("/dashboard/incidents/" + story.id() + "/postmortem"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Postmortem: Payments time out");
		assertThat(browser.findElement(By.id("postmortem-status")).getText()).isEqualTo("in_progress");
		assertThat(browser.findElement(By.id("duration-minutes")).getText())
			.as("impact six minutes before the declaration")
			.isEqualTo("66");
		assertThat(browser.findElement(By.cssSelector("[data-section='root_cause'] .section-text")).getText())
			.isEqualTo("A config change lowered the payments timeout.");
		assertThat(browser.findElement(By.cssSelector("[data-section='summary'] .missing")).getText())
			.isEqualTo("Not written yet.");
		assertThat(browser.findElement(By.className("item-status")).getText()).isEqualTo("open (overdue)");
		assertThat(browser.findElements(By.className("timeline-line"))).extracting(WebElement::getText)
			.anyMatch((line) -> line.contains("Resolved: Rolled back"));

		browser.get(url("/dashboard"));
		WebElement due = browser
			.findElement(By.cssSelector("#due-postmortems tr[data-incident-id='" + story.id() + "']"));
		assertThat(due.getText()).contains("Payments time out", "in_progress", "overdue");
		assertThat(browser.findElements(By.cssSelector("#overdue-action-items .overdue-action-item")))
			.extracting(WebElement::getText)
			.anyMatch((row) -> row.contains("Alert on payments timeouts") && row.contains("dave"));
		due.findElement(By.tagName("a")).click();
		waitForUrl(browser, url("/dashboard/incidents/" + story.id() + "/postmortem"));
	}

	private static <T> T fresh(Function<WebDriver, T> read) {
		return new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(read::apply);
	}

	private boolean reload(String path) {
		browser.get(url(path));
		return false;
	}

	private static void signInAt(WebDriver page, String person) {
		new WebDriverWait(page, WAIT)
			.withMessage(() -> "no login form at " + page.getCurrentUrl() + ": "
					+ page.getPageSource().substring(0, Math.min(500, page.getPageSource().length())))
			.until((driver) -> !driver.findElements(By.name("username")).isEmpty());
		page.findElement(By.name("username")).sendKeys(person);
		page.findElement(By.name("password")).sendKeys(person);
		page.findElement(By.cssSelector("button[type='submit']")).click();
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition) {
		new WebDriverWait(browser, WAIT).withMessage(() -> "at " + browser.getCurrentUrl())
			.until((driver) -> condition.getAsBoolean());
	}

	/**
	 * Waits until the page is at that URL, saying where it is instead when it is not.
	 */
	private static void waitForUrl(WebDriver page, String url) {
		new WebDriverWait(page, WAIT)
			.withMessage(() -> "not at " + url + " but at " + page.getCurrentUrl() + ": "
					+ page.getPageSource().substring(0, Math.min(800, page.getPageSource().length())))
			.until((driver) -> url.equals(driver.getCurrentUrl()));
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
