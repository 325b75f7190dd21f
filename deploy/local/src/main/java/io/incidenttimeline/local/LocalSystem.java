package io.incidenttimeline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * The whole system on one machine with only a JDK: zonky's embedded PostgreSQL (real
 * binaries), a real KRaft Kafka broker run from the Kafka jars as a child process, and
 * both services as child processes from their executable jars. Data lives under one
 * folder and survives restarts. Tests use the stop/start methods to break parts of the
 * system on purpose.
 *
 * <p>
 * Extra JVM options for the two services' processes (not Kafka's, not the identity
 * provider's) come from the environment variable {@code SERVICE_JAVA_OPTIONS}
 * (whitespace-separated) or {@link #withServiceJavaOptions(List)}, e.g. a flight
 * recording of each service:
 * {@code SERVICE_JAVA_OPTIONS='-XX:StartFlightRecording=filename=/tmp/x.jfr,settings=profile,duration=120s'}.
 * A {@code %n} in an option is replaced by the instance's name ({@code incident-command},
 * {@code incident-query-2}, ...), so that each process writes its own file:
 * {@code filename=/tmp/%n.jfr}.
 */
public final class LocalSystem implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

	private static final Pattern CSRF_INPUT = Pattern.compile("<input name=\"_csrf\"[^>]*value=\"([^\"]*)\"");

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private final Settings settings;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private EmbeddedPostgres postgres;

	private Process kafka;

	private Process identity;

	private final List<Instance> commands = new ArrayList<>();

	private final List<Instance> queries = new ArrayList<>();

	private final Map<String, String> serviceEnvironment = new HashMap<>();

	private final List<String> serviceJavaOptions = new ArrayList<>(javaOptions(System.getenv("SERVICE_JAVA_OPTIONS")));

	public LocalSystem(Settings settings) {
		this.settings = settings;
		this.commands.add(new Instance(settings.ports().command(), settings.ports().commandManagement()));
		this.queries.add(new Instance(settings.ports().query(), settings.ports().queryManagement()));
	}

	/**
	 * Runs that many command and query instances (at least one of each), the extra ones
	 * on free ports, all on the one PostgreSQL and Kafka; call before {@link #start()}.
	 * Instance 0 is the one the single-instance methods ({@link #commandUrl()},
	 * {@link #startQuery()}, ...) address.
	 */
	public LocalSystem scaledTo(int commandInstances, int queryInstances) {
		while (this.commands.size() < commandInstances) {
			this.commands.add(new Instance(freePort(), freePort()));
		}
		while (this.queries.size() < queryInstances) {
			this.queries.add(new Instance(freePort(), freePort()));
		}
		return this;
	}

	/**
	 * Extra environment for every service instance (e.g.
	 * {@code INCIDENT_EVENTS_PARTITIONS}, {@code PAGERDUTY_BURST}); call before
	 * {@link #start()}.
	 */
	public LocalSystem withServiceEnvironment(Map<String, String> environment) {
		this.serviceEnvironment.putAll(environment);
		return this;
	}

	/**
	 * Extra JVM options for every service instance, after those of
	 * {@code SERVICE_JAVA_OPTIONS}; call before {@link #start()}. See the class comment.
	 */
	public LocalSystem withServiceJavaOptions(List<String> options) {
		this.serviceJavaOptions.addAll(options);
		return this;
	}

	/**
	 * JVM options as a shell would split them on whitespace (no quoting).
	 */
	static List<String> javaOptions(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return List.of(text.trim().split("\\s+"));
	}

	public int commandInstances() {
		return this.commands.size();
	}

	public int queryInstances() {
		return this.queries.size();
	}

	public LocalSystem start() {
		try {
			Files.createDirectories(this.settings.dataDirectory().resolve("logs"));
			if (this.settings.external().databases() == null) {
				startPostgres();
			}
			if (this.settings.external().kafkaBootstrapServers() == null) {
				startKafka();
			}
			if (this.settings.external().issuerUri() == null) {
				startIdentity();
			}
			for (int i = 0; i < this.commands.size(); i++) {
				startCommand(i);
			}
			for (int i = 0; i < this.queries.size(); i++) {
				startQuery(i);
			}
			return this;
		}
		catch (IOException ex) {
			close();
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	public String commandUrl() {
		return commandUrl(0);
	}

	public String commandUrl(int instance) {
		return "http://localhost:" + this.commands.get(instance).port();
	}

	public String queryUrl() {
		return queryUrl(0);
	}

	public String queryUrl(int instance) {
		return "http://localhost:" + this.queries.get(instance).port();
	}

	/**
	 * Where the command service's health, metrics and admin operations answer.
	 */
	public String commandManagementUrl() {
		return commandManagementUrl(0);
	}

	public String commandManagementUrl(int instance) {
		return "http://localhost:" + this.commands.get(instance).managementPort();
	}

	public String queryManagementUrl() {
		return queryManagementUrl(0);
	}

	public String queryManagementUrl(int instance) {
		return "http://localhost:" + this.queries.get(instance).managementPort();
	}

	/**
	 * The OpenID Connect issuer both services trust: the local identity provider, or the
	 * one given.
	 */
	public String identityUrl() {
		String external = this.settings.external().issuerUri();
		return (external != null) ? external : "http://localhost:" + this.settings.ports().identity();
	}

	public String kafkaBootstrapServers() {
		String external = this.settings.external().kafkaBootstrapServers();
		return (external != null) ? external : "127.0.0.1:" + this.settings.ports().kafka();
	}

	/**
	 * A JDBC URL of one of the two databases, {@code incident_command} or
	 * {@code incident_query}.
	 */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + this.settings.ports().postgres() + "/" + database;
	}

	public Settings settings() {
		return this.settings;
	}

	public void startPostgres() throws IOException {
		Path data = this.settings.dataDirectory().resolve("postgres");
		Files.createDirectories(data.getParent());
		this.postgres = EmbeddedPostgres.builder()
			.setOverrideWorkingDirectory(this.settings.dataDirectory().resolve("postgres-binaries").toFile())
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setPort(this.settings.ports().postgres())
			.setServerConfig("max_connections", "200")
			.start();
		for (String database : List.of("incident_command", "incident_query")) {
			createDatabaseIfMissing(database);
		}
	}

	/**
	 * Stops the embedded PostgreSQL, keeping its data; {@link #startPostgres} brings it
	 * back on the same port.
	 */
	public void stopPostgres() {
		if (this.postgres != null) {
			try {
				this.postgres.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("PostgreSQL did not stop cleanly", ex);
			}
			this.postgres = null;
		}
	}

	public void startKafka() throws IOException {
		Path kafkaDirectory = this.settings.dataDirectory().resolve("kafka");
		Path properties = kafkaDirectory.resolve("server.properties");
		Files.createDirectories(kafkaDirectory);
		Files.writeString(properties, kafkaProperties(kafkaDirectory.resolve("data")));
		if (!Files.exists(kafkaDirectory.resolve("data").resolve("meta.properties"))) {
			Process format = java(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
					properties.toString()), Map.of(), "kafka-format.log");
			waitFor(format, "kafka storage format");
		}
		this.kafka = java(List.of("-Xmx512m", "kafka.Kafka", properties.toString()), Map.of(), "kafka.log");
		waitForKafka();
	}

	public void stopKafka() {
		this.kafka = stop(this.kafka);
	}

	/**
	 * The local OpenID Connect provider (deploy/identity) with its sample people; its
	 * signing key is kept under the data directory, so tokens survive restarts.
	 */
	public void startIdentity() {
		Path jar = this.settings.repositoryRoot().resolve("deploy/identity/target/identity-provider.jar");
		requireJar(jar);
		Map<String, String> environment = Map.of("PORT", String.valueOf(this.settings.ports().identity()), "ISSUER_URI",
				identityUrl(), "IDENTITY_DATA_DIR", this.settings.dataDirectory().resolve("identity").toString(),
				"DASHBOARD_REDIRECT_URIS", queryUrl() + "/login/oauth2/code/local");
		this.identity = java(List.of("-Xmx256m", "-jar", jar.toString()), environment, "identity-provider.log");
		waitForOk(identityUrl() + "/.well-known/openid-configuration", this.identity, "identity-provider");
	}

	/**
	 * A fresh access token of the sample automation client (role responder), from the
	 * identity provider's client-credentials grant: what a script or a load generator
	 * presents.
	 */
	public String automationToken() {
		String credentials = Base64.getEncoder()
			.encodeToString("automation:local-automation-secret".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(identityUrl() + "/oauth2/token"))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			Matcher token = ACCESS_TOKEN.matcher(response.body());
			if (response.statusCode() != 200 || !token.find()) {
				throw new IllegalStateException(
						"no token from " + identityUrl() + ": " + response.statusCode() + " " + response.body());
			}
			return token.group(1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/**
	 * A fresh access token of one of the identity provider's sample people ({@code alice}
	 * responder, {@code victor} viewer, {@code carol} commander, {@code ada} admin;
	 * password = name), signed in as {@code token.sh} does: the authorization-code flow
	 * with PKCE as the public client {@code incident-cli}. Tokens live five minutes.
	 */
	public String personToken(String person) {
		String client = "incident-cli";
		String callback = "http://127.0.0.1:9999/callback";
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		String verifier = randomUrlSafe(48);
		String state = randomUrlSafe(16);
		String idp = identityUrl();
		try {
			String authorize = idp + "/oauth2/authorize?"
					+ form(Map.of("response_type", "code", "client_id", client, "redirect_uri", callback, "scope",
							"openid profile", "state", state, "code_challenge", challenge(verifier),
							"code_challenge_method", "S256"));
			redirect(browser.send(page(authorize).GET().build(), HttpResponse.BodyHandlers.ofString()), authorize);
			String login = browser.send(page(idp + "/login").GET().build(), HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher csrf = CSRF_INPUT.matcher(login);
			if (!csrf.find()) {
				throw new IllegalStateException("no CSRF field on " + idp + "/login");
			}
			URI location = redirect(
					browser.send(page(idp + "/login").header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers
							.ofString(form(Map.of("username", person, "password", person, "_csrf", csrf.group(1)))))
						.build(), HttpResponse.BodyHandlers.ofString()),
					"the login of " + person);
			for (int hops = 0; !location.toString().startsWith(callback + "?"); hops++) {
				if (hops == 5 || "error".equals(location.getQuery())) {
					throw new IllegalStateException("sign-in of " + person + " failed at " + location);
				}
				location = redirect(
						browser.send(page(location.toString()).GET().build(), HttpResponse.BodyHandlers.ofString()),
						location.toString());
			}
			Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location.toString());
			if (!location.toString().contains("state=" + state) || !code.find()) {
				throw new IllegalStateException("the authorization failed: " + location);
			}
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(idp + "/oauth2/token"))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code",
						URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", callback, "client_id",
						client, "code_verifier", verifier))))
				.build(), HttpResponse.BodyHandlers.ofString());
			Matcher token = ACCESS_TOKEN.matcher(response.body());
			if (response.statusCode() != 200 || !token.find()) {
				throw new IllegalStateException(
						"no token for " + person + ": " + response.statusCode() + " " + response.body());
			}
			return token.group(1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static HttpRequest.Builder page(String uri) {
		return HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html").timeout(Duration.ofSeconds(10));
	}

	private static URI redirect(HttpResponse<String> response, String step) {
		String location = response.headers().firstValue("Location").orElse(null);
		if (response.statusCode() / 100 != 3 || location == null) {
			throw new IllegalStateException(step + " answered " + response.statusCode() + " instead of a redirect");
		}
		return response.uri().resolve(location);
	}

	private static String form(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((entry) -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
			.collect(Collectors.joining("&"));
	}

	private static String randomUrlSafe(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	private static String challenge(String verifier) {
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(
						MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public void stopIdentity() {
		this.identity = stop(this.identity);
	}

	public void startCommand() {
		startCommand(0);
	}

	public void startCommand(int instance) {
		Instance command = this.commands.get(instance);
		String name = instanceName("incident-command", instance);
		command.process = service("incident-command", command, "incident_command", Map.of(), name);
		waitForOk(commandManagementUrl(instance) + "/actuator/health", command.process, name);
	}

	public void stopCommand() {
		stopCommand(0);
	}

	public void stopCommand(int instance) {
		Instance command = this.commands.get(instance);
		command.process = stop(command.process);
	}

	/**
	 * Kills a command instance without letting it shut down (SIGKILL): whatever it was
	 * doing is cut off mid-way.
	 */
	public void killCommand(int instance) {
		Instance command = this.commands.get(instance);
		command.process = kill(command.process);
	}

	public void startQuery() {
		startQuery(0);
	}

	public void startQuery(int instance) {
		Instance query = this.queries.get(instance);
		String name = instanceName("incident-query", instance);
		query.process = service(
				"incident-query", query, "incident_query", Map.of("OIDC_CLIENT_ID", "incident-dashboard",
						"OIDC_CLIENT_SECRET", "local-dashboard-secret", "STATUS_PAGE_URL", queryUrl() + "/status"),
				name);
		waitForOk(queryManagementUrl(instance) + "/actuator/health", query.process, name);
	}

	public void stopQuery() {
		stopQuery(0);
	}

	public void stopQuery(int instance) {
		Instance query = this.queries.get(instance);
		query.process = stop(query.process);
	}

	/**
	 * Kills a query instance without letting it shut down (SIGKILL).
	 */
	public void killQuery(int instance) {
		Instance query = this.queries.get(instance);
		query.process = kill(query.process);
	}

	/**
	 * The log file of a service instance, e.g. {@code incident-query-2.log} for the
	 * second query instance.
	 */
	public Path logFile(String module, int instance) {
		return this.settings.dataDirectory().resolve("logs").resolve(instanceName(module, instance) + ".log");
	}

	/**
	 * The JSON (Elastic Common Schema) log file of a service instance, one object per
	 * line with {@code traceId} and {@code spanId}, e.g. {@code incident-query-2.json}.
	 */
	public Path jsonLogFile(String module, int instance) {
		return jsonLogFile(instanceName(module, instance));
	}

	private Path jsonLogFile(String name) {
		return this.settings.dataDirectory().resolve("logs").resolve(name + ".json").toAbsolutePath();
	}

	@Override
	public void close() {
		for (Instance query : this.queries) {
			query.process = stop(query.process);
		}
		for (Instance command : this.commands) {
			command.process = stop(command.process);
		}
		this.identity = stop(this.identity);
		this.kafka = stop(this.kafka);
		try {
			stopPostgres();
		}
		catch (UncheckedIOException ex) {
			System.err.println(ex.getMessage() + ": " + ex.getCause().getMessage());
		}
	}

	/**
	 * A service from its jar, under the {@code local} profile (the only one that accepts
	 * the documented sample credentials).
	 */
	private Process service(String module, Instance instance, String database, Map<String, String> extraEnvironment,
			String name) {
		Path jar = this.settings.serviceJar(module);
		requireJar(jar);
		Databases external = this.settings.external().databases();
		Map<String, String> environment = new HashMap<>(this.serviceEnvironment);
		environment.putAll(extraEnvironment);
		environment.put("SPRING_PROFILES_ACTIVE", "local");
		environment.put("PORT", String.valueOf(instance.port()));
		environment.put("MANAGEMENT_PORT", String.valueOf(instance.managementPort()));
		environment.put("DATABASE_URL", (external != null) ? external.url(database) : jdbcUrl(database));
		environment.put("DATABASE_USER", (external != null) ? external.user() : "postgres");
		environment.put("DATABASE_PASSWORD", (external != null) ? external.password() : "postgres");
		environment.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
		environment.put("OIDC_ISSUER_URI", identityUrl());
		environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
		// the console stays text (the local profile); the same lines as JSON, with trace
		// ids
		environment.put("LOGGING_FILE_NAME", jsonLogFile(name).toString());
		environment.put("LOGGING_STRUCTURED_FORMAT_FILE", "ecs");
		List<String> arguments = new ArrayList<>();
		arguments.add("-Xmx512m");
		this.serviceJavaOptions.forEach((option) -> arguments.add(option.replace("%n", name)));
		arguments.add("-jar");
		arguments.add(jar.toString());
		return java(arguments, environment, name + ".log");
	}

	/**
	 * Instance 0 keeps the module's name (its log file is {@code incident-command.log} as
	 * ever); the others are numbered from 2.
	 */
	private static String instanceName(String module, int instance) {
		return (instance == 0) ? module : module + "-" + (instance + 1);
	}

	private static void requireJar(Path jar) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(
					"no executable jar at " + jar + ": build first (./mvnw package -DskipTests)");
		}
	}

	private Process java(List<String> arguments, Map<String, String> environment, String logFile) {
		List<String> commandLine = new ArrayList<>();
		commandLine.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		if (!arguments.contains("-jar")) {
			commandLine.add("-cp");
			commandLine.add(System.getProperty("java.class.path"));
		}
		commandLine.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(commandLine).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect
				.appendTo(this.settings.dataDirectory().resolve("logs").resolve(logFile).toFile()));
		builder.environment().putAll(environment);
		try {
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + commandLine, ex);
		}
	}

	private String kafkaProperties(Path logDirectory) {
		int port = this.settings.ports().kafka();
		int controllerPort = this.settings.ports().kafkaController();
		return String.join("\n", "process.roles=broker,controller", "node.id=1",
				"controller.quorum.voters=1@127.0.0.1:" + controllerPort,
				"listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
				"advertised.listeners=PLAINTEXT://127.0.0.1:" + port, "controller.listener.names=CONTROLLER",
				"inter.broker.listener.name=PLAINTEXT",
				"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
				"log.dirs=" + logDirectory.toAbsolutePath(), "num.partitions=3", "offsets.topic.replication.factor=1",
				"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
				"share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1",
				"group.initial.rebalance.delay.ms=0", "auto.create.topics.enable=true", "");
	}

	private void createDatabaseIfMissing(String database) {
		try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres")) {
			try (ResultSet exists = connection.createStatement()
				.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
				if (!exists.next()) {
					connection.createStatement().execute("create database " + database);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create database " + database, ex);
		}
	}

	private void waitForKafka() {
		Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				3000);
		while (Instant.now().isBefore(deadline)) {
			requireAlive(this.kafka, "kafka");
			if (portOpen(this.settings.ports().kafka())) {
				try (Admin admin = Admin.create(config)) {
					if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
						return;
					}
				}
				catch (Exception ex) {
					// not ready yet
				}
			}
			sleep(250);
		}
		throw new IllegalStateException("Kafka did not start within " + STARTUP_TIMEOUT + "; see logs/kafka.log");
	}

	private void waitForOk(String url, Process process, String name) {
		Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
		while (Instant.now().isBefore(deadline)) {
			requireAlive(process, name);
			try {
				HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && !response.body().contains("\"DOWN\"")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for " + name, ex);
			}
			sleep(250);
		}
		throw new IllegalStateException(
				name + " was not healthy within " + STARTUP_TIMEOUT + "; see logs/" + name + ".log");
	}

	private void requireAlive(Process process, String name) {
		if (process != null && !process.isAlive()) {
			throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see "
					+ this.settings.dataDirectory().resolve("logs"));
		}
	}

	private static void waitFor(Process process, String what) {
		try {
			if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException(what + " failed");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(what + " interrupted", ex);
		}
	}

	private static Process stop(Process process) {
		if (process == null) {
			return null;
		}
		process.destroy();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		return null;
	}

	private static Process kill(Process process) {
		if (process == null) {
			return null;
		}
		process.destroyForcibly();
		try {
			process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return null;
	}

	private static boolean portOpen(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/**
	 * A port nobody listens on now, for tests that run beside other things
	 * ({@link FreePorts}).
	 */
	public static int freePort() {
		return FreePorts.next();
	}

	/**
	 * One service process and the ports it listens on.
	 */
	private static final class Instance {

		private final int port;

		private final int managementPort;

		private Process process;

		Instance(int port, int managementPort) {
			this.port = port;
			this.managementPort = managementPort;
		}

		int port() {
			return this.port;
		}

		int managementPort() {
			return this.managementPort;
		}

	}

	/**
	 * Where the data lives, the ports, where the jars were built, and the PostgreSQL,
	 * Kafka and identity provider to use instead of the embedded ones, if any.
	 */
	public record Settings(Path dataDirectory, Ports ports, Path repositoryRoot, External external) {

		/**
		 * Fresh ports for everything, embedded PostgreSQL, Kafka and identity: for tests.
		 */
		public static Settings freePorts(Path dataDirectory, Path repositoryRoot) {
			return new Settings(dataDirectory, Ports.free(), repositoryRoot, External.NONE);
		}

		public Settings with(External external) {
			return new Settings(this.dataDirectory, this.ports, this.repositoryRoot, external);
		}

		Path serviceJar(String module) {
			return this.repositoryRoot.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
		}

	}

	/**
	 * Every port the local system listens on. The services' management ports serve
	 * health, Prometheus metrics and admin operations.
	 */
	public record Ports(int postgres, int kafka, int kafkaController, int identity, int command, int commandManagement,
			int query, int queryManagement) {

		static Ports free() {
			return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
					freePort());
		}

	}

	/**
	 * An existing Kafka and existing databases to run the services against; {@code null}
	 * means the embedded one.
	 */
	public record External(String kafkaBootstrapServers, Databases databases, String issuerUri) {

		public static final External NONE = new External(null, null, null);

	}

	/**
	 * The two services' databases on an existing PostgreSQL.
	 */
	public record Databases(String commandUrl, String queryUrl, String user, String password) {

		String url(String database) {
			return "incident_command".equals(database) ? this.commandUrl : this.queryUrl;
		}

	}

}
