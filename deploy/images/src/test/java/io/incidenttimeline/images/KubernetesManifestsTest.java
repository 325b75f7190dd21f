package io.incidenttimeline.images;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks deploy/k8s as an API server with the Pod Security admission "restricted" profile
 * would, plus what we want of our own pods, without a cluster: every file
 * kustomization.yaml lists is parsed into fabric8's typed model (an unknown kind, an
 * unknown field or a value of the wrong type fails), then the objects are checked. The
 * generators' inputs are checked against what the pods reference;
 * {@code kubectl kustomize} renders the whole in CI.
 */
class KubernetesManifestsTest {

	static final Path K8S = Path.of("..", "k8s").toAbsolutePath().normalize();

	static final Set<String> SERVICES = Set.of("incident-command", "incident-query");

	static final String RESTRICTED = "restricted";

	/** The volume types the restricted profile allows. */
	static final Set<String> RESTRICTED_VOLUME_TYPES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
			"ephemeral", "persistentVolumeClaim", "projected", "secret");

	/** The only paths the public Ingress may route, with their path type. */
	static final Map<String, String> PUBLIC_STATUS_PATHS = Map.of("/status", "Exact", "/status/", "Exact",
			"/status/history.atom", "Exact", "/api/v2/", "Prefix", "/statuspage/", "Prefix");

	static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

	static Map<String, Object> kustomization;

	static List<HasMetadata> resources;

	@BeforeAll
	static void parse() throws IOException {
		kustomization = yamlMap(K8S.resolve("kustomization.yaml"));
		resources = new ArrayList<>();
		for (String file : strings(kustomization.get("resources"))) {
			resources.addAll(parseTyped(K8S.resolve(file)));
		}
	}

	@Test
	void everyListedManifestParsesIntoTypedObjectsWithoutUnknownFields() {
		assertThat(strings(kustomization.get("resources"))).isNotEmpty();
		SoftAssertions softly = new SoftAssertions();
		for (HasMetadata resource : resources) {
			softly.assertThat(resource)
				.as("%s %s: a kind the model knows", resource.getKind(), name(resource))
				.isNotInstanceOf(GenericKubernetesResource.class);
			softly.assertThat(unknownFields(resource, "", Collections.newSetFromMap(new IdentityHashMap<>())))
				.as("%s %s: fields the model does not know or values of the wrong type", resource.getKind(),
						name(resource))
				.isEmpty();
		}
		softly.assertAll();
	}

	@Test
	void noSecretIsCommittedAndTheGeneratorsFeedWhatThePodsReference() throws IOException {
		assertThat(resources).as("a Secret with values in a committed manifest")
			.noneMatch((resource) -> "Secret".equals(resource.getKind()));
		assertThat(generatorFiles("secretGenerator")).containsExactly("secrets.env");
		assertThat(Files.readAllLines(K8S.resolve(".gitignore"))).as("deploy/k8s/.gitignore").contains("secrets.env");
		Set<String> secretKeys = envKeys(K8S.resolve("secrets.env.example"));
		Set<String> configKeys = new LinkedHashSet<>();
		for (String file : generatorFiles("configMapGenerator")) {
			configKeys.addAll(envKeys(K8S.resolve(file)));
		}
		Set<String> referencedSecrets = new LinkedHashSet<>();
		SoftAssertions softly = new SoftAssertions();
		for (Deployment deployment : deployments()) {
			for (EnvVar env : container(deployment).getEnv()) {
				if (env.getValueFrom() == null) {
					continue;
				}
				if (env.getValueFrom().getSecretKeyRef() != null) {
					referencedSecrets.add(env.getValueFrom().getSecretKeyRef().getKey());
					softly.assertThat(env.getValueFrom().getSecretKeyRef().getName())
						.isEqualTo("incident-timeline-secrets");
				}
				var configRef = env.getValueFrom().getConfigMapKeyRef();
				if (configRef != null && !Boolean.TRUE.equals(configRef.getOptional())) {
					softly.assertThat(configKeys)
						.as("%s: %s from config key %s", name(deployment), env.getName(), configRef.getKey())
						.contains(configRef.getKey());
				}
			}
		}
		softly.assertThat(referencedSecrets)
			.as("every key of secrets.env.example is used, every key used is in it")
			.containsExactlyInAnyOrderElementsOf(secretKeys);
		softly.assertAll();
	}

	@Test
	void theNamespaceEnforcesTheRestrictedProfile() {
		Namespace namespace = only(Namespace.class);
		assertThat(namespace.getMetadata().getName()).isEqualTo(kustomization.get("namespace"));
		assertThat(namespace.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", RESTRICTED);
	}

	@Test
	void podsMeetTheRestrictedProfileWithAReadOnlyRootAndAWritableTmp() {
		SoftAssertions softly = new SoftAssertions();
		for (Deployment deployment : deployments()) {
			String name = name(deployment);
			PodSpec pod = deployment.getSpec().getTemplate().getSpec();
			PodSecurityContext podSecurity = Optional.ofNullable(pod.getSecurityContext())
				.orElseGet(PodSecurityContext::new);
			softly.assertThat(podSecurity.getRunAsNonRoot()).as("%s pod runAsNonRoot", name).isTrue();
			softly.assertThat(podSecurity.getRunAsUser()).as("%s pod runAsUser", name).isEqualTo(10001L);
			softly.assertThat(podSecurity.getSeccompProfile())
				.as("%s pod seccompProfile", name)
				.isNotNull()
				.extracting("type")
				.isEqualTo("RuntimeDefault");
			softly.assertThat(pod.getHostNetwork()).as("%s hostNetwork", name).isNotEqualTo(Boolean.TRUE);
			softly.assertThat(pod.getHostPID()).as("%s hostPID", name).isNotEqualTo(Boolean.TRUE);
			softly.assertThat(pod.getHostIPC()).as("%s hostIPC", name).isNotEqualTo(Boolean.TRUE);
			for (Volume volume : pod.getVolumes()) {
				softly.assertThat(volumeTypes(volume))
					.as("%s volume %s: types the restricted profile allows", name, volume.getName())
					.isNotEmpty()
					.isSubsetOf(RESTRICTED_VOLUME_TYPES);
			}
			List<Container> containers = new ArrayList<>(pod.getContainers());
			containers.addAll(Optional.ofNullable(pod.getInitContainers()).orElse(List.of()));
			for (Container container : containers) {
				String what = name + " container " + container.getName();
				SecurityContext security = Optional.ofNullable(container.getSecurityContext())
					.orElseGet(SecurityContext::new);
				softly.assertThat(security.getAllowPrivilegeEscalation())
					.as("%s allowPrivilegeEscalation", what)
					.isFalse();
				softly.assertThat(security.getPrivileged()).as("%s privileged", what).isNotEqualTo(Boolean.TRUE);
				softly.assertThat(security.getCapabilities()).as("%s capabilities", what).isNotNull();
				if (security.getCapabilities() != null) {
					softly.assertThat(security.getCapabilities().getDrop()).as("%s drops", what).contains("ALL");
					softly.assertThat(Optional.ofNullable(security.getCapabilities().getAdd()).orElse(List.of()))
						.as("%s adds (restricted allows only NET_BIND_SERVICE; we need none)", what)
						.isEmpty();
				}
				softly.assertThat(security.getReadOnlyRootFilesystem()).as("%s readOnlyRootFilesystem", what).isTrue();
				softly.assertThat(Objects.requireNonNullElse(security.getRunAsNonRoot(), podSecurity.getRunAsNonRoot()))
					.as("%s runAsNonRoot", what)
					.isTrue();
				softly.assertThat(Objects.requireNonNullElse(security.getRunAsUser(), podSecurity.getRunAsUser()))
					.as("%s runAsUser (the image's user)", what)
					.isEqualTo(10001L);
				String seccomp = (security.getSeccompProfile() != null) ? security.getSeccompProfile().getType()
						: podSecurity.getSeccompProfile().getType();
				softly.assertThat(seccomp).as("%s seccomp", what).isIn("RuntimeDefault", "Localhost");
				softly.assertThat(container.getPorts())
					.as("%s hostPort", what)
					.allMatch((port) -> port.getHostPort() == null || port.getHostPort() == 0);
				softly.assertThat(container.getVolumeMounts())
					.as("%s /tmp from an emptyDir", what)
					.anyMatch((mount) -> "/tmp".equals(mount.getMountPath()) && pod.getVolumes()
						.stream()
						.anyMatch(
								(volume) -> volume.getName().equals(mount.getName()) && volume.getEmptyDir() != null));
			}
		}
		softly.assertAll();
	}

	@Test
	void probesAskTheManagementPortAndResourcesFitTheJvm() {
		SoftAssertions softly = new SoftAssertions();
		for (Deployment deployment : deployments()) {
			String name = name(deployment);
			Container container = container(deployment);
			softly.assertThat(container.getImage())
				.as("%s image: the Jib name, tagged by kustomization.yaml", name)
				.isEqualTo("ghcr.io/incident-timeline/" + name);
			int managementPort = Integer.parseInt(env(container, "MANAGEMENT_PORT"));
			softly.assertThat(portNamed(container, "management"))
				.as("%s container port management = MANAGEMENT_PORT", name)
				.isEqualTo(managementPort);
			softly.assertThat(portNamed(container, "http"))
				.as("%s container port http = PORT", name)
				.isEqualTo(Integer.parseInt(env(container, "PORT")));
			checkProbe(softly, name + " startupProbe", container.getStartupProbe(), "/actuator/health/liveness");
			checkProbe(softly, name + " readinessProbe", container.getReadinessProbe(), "/actuator/health/readiness");
			checkProbe(softly, name + " livenessProbe", container.getLivenessProbe(), "/actuator/health/liveness");
			if (container.getStartupProbe() != null) {
				int startupSeconds = container.getStartupProbe().getPeriodSeconds()
						* container.getStartupProbe().getFailureThreshold();
				softly.assertThat(startupSeconds)
					.as("%s: time the startup probe allows (Flyway migrations, Kafka)", name)
					.isBetween(60, 600);
			}
			var resources = container.getResources();
			softly.assertThat(resources.getRequests()).as("%s requests", name).containsKeys("cpu", "memory");
			softly.assertThat(resources.getLimits()).as("%s limits", name).containsKey("memory");
			Quantity limit = resources.getLimits().get("memory");
			if (limit != null) {
				long limitBytes = Quantity.getAmountInBytes(limit).longValueExact();
				softly.assertThat(limitBytes - limitBytes * 75 / 100)
					.as("%s: memory left beside a 75%% heap (metaspace, threads, buffers)", name)
					.isGreaterThanOrEqualTo(256L * 1024 * 1024);
				softly.assertThat(resources.getRequests().get("memory"))
					.as("%s: memory request = limit (no overcommit for a JVM)", name)
					.isEqualTo(limit);
			}
			PodSpec pod = deployment.getSpec().getTemplate().getSpec();
			softly.assertThat(pod.getTopologySpreadConstraints())
				.as("%s spreads over nodes", name)
				.anyMatch((constraint) -> "kubernetes.io/hostname".equals(constraint.getTopologyKey())
						&& Map.of("app.kubernetes.io/name", name)
							.equals(constraint.getLabelSelector().getMatchLabels()));
			softly.assertThat(deployment.getSpec().getReplicas()).as("%s replicas", name).isGreaterThanOrEqualTo(2);
			softly.assertThat(of(PodDisruptionBudget.class))
				.as("%s has a PodDisruptionBudget", name)
				.anyMatch((pdb) -> Map.of("app.kubernetes.io/name", name)
					.equals(pdb.getSpec().getSelector().getMatchLabels()));
			Service service = of(Service.class).stream()
				.filter((candidate) -> name.equals(name(candidate)))
				.findFirst()
				.orElse(null);
			softly.assertThat(service).as("%s Service", name).isNotNull();
			if (service != null) {
				softly.assertThat(service.getSpec().getPorts())
					.as("%s Service: public and management port, by name", name)
					.extracting(ServicePort::getName, (port) -> port.getTargetPort().getStrVal())
					.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("http", "http"),
							org.assertj.core.groups.Tuple.tuple("management", "management"));
				softly.assertThat(service.getSpec().getType()).as("%s Service type", name).isIn(null, "ClusterIP");
			}
		}
		softly.assertAll();
	}

	@Test
	void theIngressExposesOnlyTheStatusPagePaths() {
		Ingress ingress = only(Ingress.class);
		assertThat(ingress.getSpec().getDefaultBackend()).as("default backend").isNull();
		Map<String, String> paths = new LinkedHashMap<>();
		SoftAssertions softly = new SoftAssertions();
		for (IngressRule rule : ingress.getSpec().getRules()) {
			for (HTTPIngressPath path : rule.getHttp().getPaths()) {
				softly.assertThat(paths.put(path.getPath(), path.getPathType()))
					.as("path %s twice", path.getPath())
					.isNull();
				softly.assertThat(path.getBackend().getService().getName())
					.as("backend of %s", path.getPath())
					.isEqualTo("incident-query");
				softly.assertThat(path.getBackend().getService().getPort().getName())
					.as("port of %s", path.getPath())
					.isEqualTo("http");
			}
		}
		softly.assertThat(paths).as("public paths").isEqualTo(PUBLIC_STATUS_PATHS);
		softly.assertAll();
	}

	@Test
	void networkPoliciesDenyByDefaultAndOpenTheManagementPortToMonitoringOnly() {
		List<NetworkPolicy> policies = of(NetworkPolicy.class);
		assertThat(policies).as("a default deny of both directions for every pod")
			.anyMatch((policy) -> selectsEveryPod(policy)
					&& policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
					&& policy.getSpec().getIngress().isEmpty() && policy.getSpec().getEgress().isEmpty());
		SoftAssertions softly = new SoftAssertions();
		for (Deployment deployment : deployments()) {
			String name = name(deployment);
			Container container = container(deployment);
			int publicPort = Integer.parseInt(env(container, "PORT"));
			int managementPort = Integer.parseInt(env(container, "MANAGEMENT_PORT"));
			Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
			List<NetworkPolicyIngressRule> rules = policies.stream()
				.filter((policy) -> selects(policy, podLabels))
				.flatMap((policy) -> policy.getSpec().getIngress().stream())
				.toList();
			softly.assertThat(rules).as("%s: ingress rules", name).isNotEmpty();
			for (NetworkPolicyIngressRule rule : rules) {
				Set<Integer> ports = rule.getPorts()
					.stream()
					.map(NetworkPolicyPort::getPort)
					.map((port) -> port.getIntVal())
					.collect(Collectors.toSet());
				Set<String> namespaces = rule.getFrom()
					.stream()
					.map(KubernetesManifestsTest::namespaceOf)
					.collect(Collectors.toSet());
				softly.assertThat(ports).as("%s: a rule names its ports", name).isNotEmpty();
				softly.assertThat(ports).as("%s: ports", name).isSubsetOf(publicPort, managementPort);
				if (ports.contains(managementPort)) {
					softly.assertThat(namespaces)
						.as("%s: who reaches the management port", name)
						.containsOnly("monitoring");
				}
				else {
					softly.assertThat(namespaces)
						.as("%s: who reaches the public port", name)
						.isSubsetOf("ingress-nginx", "monitoring");
				}
			}
			Set<Integer> egressPorts = policies.stream()
				.filter((policy) -> selects(policy, podLabels))
				.flatMap((policy) -> policy.getSpec().getEgress().stream())
				.flatMap((rule) -> rule.getPorts().stream())
				.map((port) -> port.getPort().getIntVal())
				.collect(Collectors.toSet());
			softly.assertThat(egressPorts)
				.as("%s: egress to DNS, PostgreSQL, Kafka, the OIDC issuer", name)
				.containsExactlyInAnyOrder(53, 5432, 9092, 443);
		}
		softly.assertAll();
	}

	@Test
	void theImagesAreTaggedWithTheProjectVersion() throws IOException {
		String pom = Files.readString(K8S.resolve("../../pom.xml").normalize());
		Matcher version = Pattern.compile("<artifactId>incident-timeline</artifactId>\\s*<version>([^<]+)</version>")
			.matcher(pom);
		assertThat(version.find()).as("the root pom's version").isTrue();
		List<Map<String, Object>> images = maps(kustomization.get("images"));
		assertThat(images).extracting((image) -> image.get("name"))
			.containsExactlyInAnyOrderElementsOf(
					SERVICES.stream().map((service) -> "ghcr.io/incident-timeline/" + service).toList());
		assertThat(images).extracting((image) -> image.get("newTag")).containsOnly(version.group(1));
	}

	private static void checkProbe(SoftAssertions softly, String what, Probe probe, String path) {
		softly.assertThat(probe).as(what).isNotNull();
		if (probe == null) {
			return;
		}
		softly.assertThat(probe.getHttpGet()).as("%s httpGet", what).isNotNull();
		if (probe.getHttpGet() != null) {
			softly.assertThat(probe.getHttpGet().getPath()).as("%s path", what).isEqualTo(path);
			softly.assertThat(probe.getHttpGet().getPort().getStrVal()).as("%s port", what).isEqualTo("management");
		}
		softly.assertThat(probe.getTimeoutSeconds()).as("%s timeoutSeconds", what).isNotNull().isPositive();
	}

	private static boolean selects(NetworkPolicy policy, Map<String, String> podLabels) {
		Map<String, String> selector = policy.getSpec().getPodSelector().getMatchLabels();
		return selectsEveryPod(policy) || (selector != null && podLabels.entrySet().containsAll(selector.entrySet()));
	}

	private static boolean selectsEveryPod(NetworkPolicy policy) {
		var selector = policy.getSpec().getPodSelector();
		return (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
				&& (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
	}

	private static String namespaceOf(NetworkPolicyPeer peer) {
		if (peer.getNamespaceSelector() == null || peer.getNamespaceSelector().getMatchLabels() == null
				|| peer.getIpBlock() != null) {
			return "(any: " + peer + ")";
		}
		return peer.getNamespaceSelector().getMatchLabels().getOrDefault("kubernetes.io/metadata.name", "(any)");
	}

	private static Set<String> volumeTypes(Volume volume) {
		Map<String, Object> fields = SERIALIZATION.convertValue(volume, Map.class);
		Set<String> types = new LinkedHashSet<>(fields.keySet());
		types.remove("name");
		return types;
	}

	private static int portNamed(Container container, String name) {
		return container.getPorts()
			.stream()
			.filter((port) -> name.equals(port.getName()))
			.map(ContainerPort::getContainerPort)
			.findFirst()
			.orElse(-1);
	}

	private static String env(Container container, String name) {
		return container.getEnv()
			.stream()
			.filter((env) -> name.equals(env.getName()) && env.getValue() != null)
			.map(EnvVar::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError(container.getName() + ": no literal env " + name));
	}

	private static List<Deployment> deployments() {
		List<Deployment> deployments = of(Deployment.class);
		assertThat(deployments).extracting(KubernetesManifestsTest::name).containsExactlyInAnyOrderElementsOf(SERVICES);
		return deployments;
	}

	private static Container container(Deployment deployment) {
		return deployment.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.stream()
			.filter((container) -> name(deployment).equals(container.getName()))
			.findFirst()
			.orElseThrow(() -> new AssertionError(name(deployment) + ": no container of that name"));
	}

	private static <T extends HasMetadata> List<T> of(Class<T> type) {
		return resources.stream().filter(type::isInstance).map(type::cast).toList();
	}

	private static <T extends HasMetadata> T only(Class<T> type) {
		List<T> found = of(type);
		assertThat(found).as(type.getSimpleName()).hasSize(1);
		return found.get(0);
	}

	private static String name(HasMetadata resource) {
		return resource.getMetadata().getName();
	}

	/**
	 * Paths under {@code resource} where the typed model kept something it could not map:
	 * fabric8 puts unknown fields, and values of the wrong type, into
	 * {@code additionalProperties} instead of failing.
	 */
	static List<String> unknownFields(Object node, String path, Set<Object> seen) {
		List<String> found = new ArrayList<>();
		if (node == null || !seen.add(node)) {
			return found;
		}
		if (node instanceof Collection<?> collection) {
			int i = 0;
			for (Object element : collection) {
				found.addAll(unknownFields(element, path + "[" + i++ + "]", seen));
			}
			return found;
		}
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> found.addAll(unknownFields(value, path + "[" + key + "]", seen)));
			return found;
		}
		if (!node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
			return found;
		}
		for (Method getter : node.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object value;
			try {
				value = getter.invoke(node);
			}
			catch (ReflectiveOperationException ex) {
				continue;
			}
			String property = path + "." + Character.toLowerCase(getter.getName().charAt(3))
					+ getter.getName().substring(4);
			if ("getAdditionalProperties".equals(getter.getName())) {
				if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
					extra.keySet().forEach((key) -> found.add(path + "." + key));
				}
			}
			else {
				found.addAll(unknownFields(value, property, seen));
			}
		}
		return found;
	}

	static List<HasMetadata> parseTyped(Path file) throws IOException {
		Object parsed;
		try (InputStream in = Files.newInputStream(file)) {
			parsed = SERIALIZATION.unmarshal(in);
		}
		List<?> documents = (parsed instanceof List<?> list) ? list : List.of(parsed);
		List<HasMetadata> typed = new ArrayList<>();
		for (Object document : documents) {
			assertThat(document).as("%s: a Kubernetes object", file.getFileName()).isInstanceOf(HasMetadata.class);
			typed.add((HasMetadata) document);
		}
		return typed;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> yamlMap(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return SERIALIZATION.unmarshal(in, Map.class);
		}
	}

	private static List<String> generatorFiles(String generator) {
		return maps(kustomization.get(generator)).stream()
			.flatMap((entry) -> strings(entry.get("envs")).stream())
			.toList();
	}

	private static Set<String> envKeys(Path file) throws IOException {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.map((line) -> line.substring(0, line.indexOf('=')))
				.collect(Collectors.toCollection(LinkedHashSet::new));
		}
	}

	private static List<String> strings(Object value) {
		return ((List<?>) Objects.requireNonNull(value, "missing list")).stream().map(String::valueOf).toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> maps(Object value) {
		return (List<Map<String, Object>>) Objects.requireNonNull(value, "missing list");
	}

}
