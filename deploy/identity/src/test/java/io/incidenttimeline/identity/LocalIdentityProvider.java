package io.incidenttimeline.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;

import static org.awaitility.Awaitility.await;

/**
 * The local identity provider ({@code deploy/identity}) for other modules' tests: starts
 * its executable jar as a child process on a free port, and gets real tokens from it
 * through the same flows a script or a browser uses (a person's token through the
 * authorization-code flow with PKCE, a machine's through client credentials).
 *
 * <p>
 * The jar is found through the system property {@code identity.provider.jar}, else as
 * {@code deploy/identity/target/identity-provider.jar} in the working directory or one of
 * its parents; build it first ({@code ./mvnw -pl deploy/identity package}). Needs
 * Awaitility and JsonPath on the test classpath (both come with
 * {@code spring-boot-starter-test}).
 */
public final class LocalIdentityProvider implements AutoCloseable {

	/** The public client a person signs in with; its tokens carry the audience. */
	public static final String CLI_CLIENT = "incident-cli";

	/** Like {@link #CLI_CLIENT}, but its access tokens live two seconds. */
	public static final String SHORT_LIVED_CLIENT = "short-lived";

	/** The redirect URI registered for {@link #CLI_CLIENT}; nothing needs to listen. */
	public static final String CLI_REDIRECT_URI = "http://127.0.0.1:9999/callback";

	private static final int LOWEST_PORT = 15000;

	private static final Set<Integer> GIVEN_PORTS = ConcurrentHashMap.newKeySet();

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	private static final Pattern CSRF_INPUT = Pattern.compile("<input name=\"_csrf\"[^>]*value=\"([^\"]*)\"");

	private static final SecureRandom random = new SecureRandom();

	private final String idpUrl;

	private final Path jar;

	private final Path dataDirectory;

	private final List<String> extraDashboardRedirectUris;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Process process;

	private Thread killOnExit;

	private LocalIdentityProvider(String idpUrl, Path jar, Path dataDirectory,
			List<String> extraDashboardRedirectUris) {
		this.idpUrl = idpUrl;
		this.jar = jar;
		this.dataDirectory = dataDirectory;
		this.extraDashboardRedirectUris = List.copyOf(extraDashboardRedirectUris);
	}

	/**
	 * Starts the provider jar on a free port and waits until its discovery document
	 * answers. Its signing key and log ({@code identity-provider.log}) live in the data
	 * directory; start again with the same directory to keep the key.
	 * @param dataDirectory where the signing key and the log are kept
	 * @param extraDashboardRedirectUris redirect URIs {@code incident-dashboard} accepts
	 * besides {@code http://localhost:8081/login/oauth2/code/local}
	 * @return the running provider
	 */
	public static LocalIdentityProvider start(Path dataDirectory, String... extraDashboardRedirectUris) {
		return start(providerJar(), dataDirectory, List.of(extraDashboardRedirectUris));
	}

	/**
	 * Like {@link #start(Path, String...)} with an explicit jar.
	 * @param jar the executable {@code identity-provider.jar}
	 * @param dataDirectory where the signing key and the log are kept
	 * @param extraDashboardRedirectUris redirect URIs {@code incident-dashboard} accepts
	 * besides the default one
	 * @return the running provider
	 */
	public static LocalIdentityProvider start(Path jar, Path dataDirectory, List<String> extraDashboardRedirectUris) {
		LocalIdentityProvider provider = new LocalIdentityProvider("http://localhost:" + freePort(), jar,
				dataDirectory.toAbsolutePath(), extraDashboardRedirectUris);
		provider.startProcess();
		return provider;
	}

	/**
	 * A provider that already runs (started by a test in-process, or by hand), to get
	 * tokens from; {@link #stop()} does nothing to it.
	 * @param idpUrl its issuer, e.g. {@code http://localhost:9000}
	 * @return a handle for getting tokens
	 */
	public static LocalIdentityProvider at(String idpUrl) {
		return new LocalIdentityProvider(idpUrl.replaceAll("/+$", ""), null, null, List.of());
	}

	/**
	 * The provider's URL, which is also its issuer byte for byte: configure resource
	 * servers' {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} with it.
	 * @return e.g. {@code http://localhost:41234}
	 */
	public String idpUrl() {
		return this.idpUrl;
	}

	/**
	 * A fresh access token of a sample person (alice, victor, ada, carol), signed in
	 * through the authorization-code flow with PKCE as {@link #CLI_CLIENT}.
	 * @param person the username; the password is the same
	 * @return the access token (a JWT)
	 */
	public String accessToken(String person) {
		return signIn(person, CLI_CLIENT).accessToken();
	}

	/**
	 * Signs a sample person in through the authorization-code flow with PKCE, as a
	 * browser would: authorization request, login form with its CSRF field, redirects up
	 * to the callback (not followed), code exchange.
	 * @param person the username; the password is the same
	 * @param publicClientId a public client registered for {@link #CLI_REDIRECT_URI}:
	 * {@link #CLI_CLIENT} or {@link #SHORT_LIVED_CLIENT}
	 * @return the token response
	 */
	public Tokens signIn(String person, String publicClientId) {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		String verifier = randomUrlSafe(48);
		String state = randomUrlSafe(16);
		Map<String, String> authorization = new LinkedHashMap<>();
		authorization.put("response_type", "code");
		authorization.put("client_id", publicClientId);
		authorization.put("redirect_uri", CLI_REDIRECT_URI);
		authorization.put("scope", "openid profile");
		authorization.put("state", state);
		authorization.put("code_challenge", challenge(verifier));
		authorization.put("code_challenge_method", "S256");
		HttpResponse<String> response = send(browser,
				page(URI.create(this.idpUrl + "/oauth2/authorize?" + form(authorization))).GET());
		requireRedirect(response, "the authorization request");
		String loginPage = send(browser, page(URI.create(this.idpUrl + "/login")).GET()).body();
		Matcher csrf = CSRF_INPUT.matcher(loginPage);
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF field on " + this.idpUrl + "/login");
		}
		response = send(browser,
				page(URI.create(this.idpUrl + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers
						.ofString(form(Map.of("username", person, "password", person, "_csrf", csrf.group(1))))));
		URI location = requireRedirect(response, "the login of " + person);
		if ("error".equals(location.getQuery())) {
			throw new IllegalStateException("sign-in failed for '" + person + "': not a sample person");
		}
		for (int hops = 0; !location.toString().startsWith(CLI_REDIRECT_URI + "?"); hops++) {
			if (hops == 5) {
				throw new IllegalStateException("too many redirects, last: " + location);
			}
			location = requireRedirect(send(browser, page(location).GET()), "GET " + location);
		}
		Map<String, String> callback = parameters(location.getRawQuery());
		if (callback.containsKey("error") || !state.equals(callback.get("state"))) {
			throw new IllegalStateException("the authorization failed: " + location);
		}
		String body = tokenRequest(HttpRequest.newBuilder(URI.create(this.idpUrl + "/oauth2/token")),
				Map.of("grant_type", "authorization_code", "code", callback.get("code"), "redirect_uri",
						CLI_REDIRECT_URI, "client_id", publicClientId, "code_verifier", verifier));
		return new Tokens(JsonPath.read(body, "$.access_token"), JsonPath.read(body, "$.id_token"),
				optional(body, "refresh_token"));
	}

	/**
	 * A client-credentials access token, e.g. {@code automation} /
	 * {@code local-automation-secret}.
	 * @param clientId the client id
	 * @param secret its secret
	 * @return the access token (a JWT)
	 */
	public String clientCredentials(String clientId, String secret) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		String body = tokenRequest(HttpRequest.newBuilder(URI.create(this.idpUrl + "/oauth2/token"))
			.header("Authorization", "Basic " + basic), Map.of("grant_type", "client_credentials"));
		return JsonPath.read(body, "$.access_token");
	}

	/**
	 * Stops the process and starts it again on the same port with the same data
	 * directory, as a restart of the real thing.
	 */
	public void restart() {
		requireStartedHere();
		stop();
		startProcess();
	}

	/** Stops the process (if this handle started it); idempotent. */
	public void stop() {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		try {
			Runtime.getRuntime().removeShutdownHook(this.killOnExit);
		}
		catch (IllegalStateException ex) {
			// the JVM is already shutting down: the hook runs anyway
		}
		this.process = null;
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * A port nobody listens on now, for a process that binds it seconds later: chosen at
	 * random below the kernel's ephemeral range (where every outgoing connection takes
	 * its source port from, so one could take a port from there first), checked by
	 * binding it, never handed out twice by this JVM. The same rule as deploy/local's
	 * {@code FreePorts} (which this module cannot depend on).
	 * @return the port
	 */
	public static int freePort() {
		int end = belowEphemeral();
		int size = end - LOWEST_PORT;
		int start = ThreadLocalRandom.current().nextInt(size);
		for (int i = 0; i < size; i++) {
			int port = LOWEST_PORT + (start + i) % size;
			if (!GIVEN_PORTS.contains(port) && bindable(port) && GIVEN_PORTS.add(port)) {
				return port;
			}
		}
		throw new IllegalStateException("no free port left below " + end);
	}

	private static boolean bindable(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int belowEphemeral() {
		try {
			String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
			int low = Integer.parseInt(range.split("\\s+")[0]);
			return (low >= LOWEST_PORT + 1000) ? low : 32768;
		}
		catch (IOException | RuntimeException ex) {
			return 32768;
		}
	}

	private void startProcess() {
		requireStartedHere();
		if (!Files.isRegularFile(this.jar)) {
			throw new IllegalStateException(
					"no identity provider jar at " + this.jar + ": build it (./mvnw -pl deploy/identity package)");
		}
		Path log = this.dataDirectory.resolve("identity-provider.log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
						"-XX:TieredStopAtLevel=1", "-jar", this.jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("PORT", String.valueOf(URI.create(this.idpUrl).getPort()));
		builder.environment().put("ISSUER_URI", this.idpUrl);
		builder.environment().put("IDENTITY_DATA_DIR", this.dataDirectory.toString());
		builder.environment().put("DASHBOARD_REDIRECT_URIS", String.join(",", this.extraDashboardRedirectUris));
		try {
			Files.createDirectories(this.dataDirectory);
			this.process = builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + command, ex);
		}
		Process started = this.process;
		this.killOnExit = new Thread(started::destroyForcibly, "stop identity provider");
		Runtime.getRuntime().addShutdownHook(this.killOnExit);
		try {
			await("identity provider at " + this.idpUrl).atMost(STARTUP_TIMEOUT)
				.pollInterval(Duration.ofMillis(200))
				.until(() -> discoveryAnswers(started, log));
		}
		catch (RuntimeException ex) {
			stop();
			throw ex;
		}
	}

	private boolean discoveryAnswers(Process started, Path log) {
		if (!started.isAlive()) {
			throw new IllegalStateException(
					"the identity provider exited with " + started.exitValue() + "; see " + log + ":\n" + tail(log));
		}
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.idpUrl + "/.well-known/openid-configuration"))
				.timeout(Duration.ofSeconds(2))
				.build();
			return this.http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private void requireStartedHere() {
		if (this.jar == null) {
			throw new IllegalStateException("not started by this handle: " + this.idpUrl);
		}
	}

	private String tokenRequest(HttpRequest.Builder request, Map<String, String> parameters) {
		HttpResponse<String> response = send(this.http,
				request.header("Content-Type", "application/x-www-form-urlencoded")
					.timeout(Duration.ofSeconds(10))
					.POST(HttpRequest.BodyPublishers.ofString(form(parameters))));
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"token request failed with " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private static HttpRequest.Builder page(URI uri) {
		return HttpRequest.newBuilder(uri).header("Accept", "text/html").timeout(Duration.ofSeconds(10));
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("request to the identity provider failed: " + request.build().uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static URI requireRedirect(HttpResponse<String> response, String step) {
		String location = response.headers().firstValue("Location").orElse(null);
		if (response.statusCode() / 100 != 3 || location == null) {
			throw new IllegalStateException(step + " answered " + response.statusCode() + " instead of a redirect");
		}
		return response.uri().resolve(location);
	}

	private static String form(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static Map<String, String> parameters(String query) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return parameters;
	}

	private static String optional(String json, String field) {
		Map<String, Object> response = JsonPath.read(json, "$");
		return (String) response.get(field);
	}

	private static String randomUrlSafe(int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static Path providerJar() {
		String configured = System.getProperty("identity.provider.jar");
		if (configured != null) {
			return Path.of(configured);
		}
		Path relative = Path.of("deploy", "identity", "target", "identity-provider.jar");
		for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
			if (Files.isRegularFile(directory.resolve(relative))) {
				return directory.resolve(relative);
			}
		}
		throw new IllegalStateException("no " + relative + " in " + Path.of("").toAbsolutePath()
				+ " or its parents: build it (./mvnw -pl deploy/identity package) or set -Didentity.provider.jar");
	}

	/**
	 * A token response of the authorization-code flow.
	 *
	 * @param accessToken the access token (a JWT)
	 * @param idToken the OpenID Connect ID token
	 * @param refreshToken the refresh token, {@code null} when none was issued (public
	 * clients get none)
	 */
	public record Tokens(String accessToken, String idToken, String refreshToken) {
	}

}
