#!/usr/bin/env bash
# Checks the image tarballs `./mvnw -Pimages package` wrote, without a container runtime:
#  1. each image's manifest.json and config JSON (jq): name and tag, user 10001, entrypoint with
#     the container JVM flags and the service's main class, exposed ports, OCI labels, env,
#     health-probe.jar present; `skopeo inspect docker-archive:` reads it too when installed;
#  2. a smoke start of incident-query (or the image given with --smoke): its layers unpacked,
#     the root made read-only with a fresh /tmp (as readOnlyRootFilesystem + an emptyDir do), its
#     entrypoint run in a chroot as uid 10001 with the image's own JRE. By default against a
#     database and a broker that are not there: it must log Spring Boot's start line (JSON) from
#     the image's Java and classpath, initialise Tomcat, then stop on the refused connection, and
#     health-probe.jar run by the image's JRE must report the management port unhealthy (exit 1).
#     With SMOKE_DATABASE_URL (+ SMOKE_DATABASE_USER) and SMOKE_KAFKA_BOOTSTRAP_SERVERS pointing at
#     a real PostgreSQL and Kafka on this host, it must start completely and health-probe.jar
#     must then report it ready (exit 0).
# Needs jq, tar, and for the smoke start root (chroot, mount namespace). Exit 1 on any failure.
# Usage: deploy/images/check-images.sh [--no-smoke] [--smoke incident-command|incident-query]
set -euo pipefail
cd "$(dirname "$0")/../.."
smoke=incident-query
while [ $# -gt 0 ]; do
  case "$1" in
    --no-smoke) smoke="" ;;
    --smoke) smoke=${2:?}; shift ;;
    *) echo "unknown argument $1" >&2; exit 1 ;;
  esac
  shift
done
version=$(awk '/<artifactId>incident-timeline<\/artifactId>/ {f=1; next}
  f && /<version>/ {gsub(/.*<version>|<\/version>.*/, ""); print; exit}' pom.xml)
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
pass() { echo "ok   $*"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

check() { # image tarball, expected name, ports, main class, required env (may be empty)
  local tarball=$1 name=$2 ports=$3 main=$4 env=$5 dir="$work/$2"
  if [ ! -f "$tarball" ]; then fail "$name: $tarball missing (run ./mvnw -Pimages -DskipTests package)"; return; fi
  mkdir -p "$dir" && tar -xf "$tarball" -C "$dir" manifest.json
  local config
  config=$(jq -r '.[0].Config' "$dir/manifest.json")
  tar -xf "$tarball" -C "$dir" "$config"
  local c="$dir/$config" m="$dir/manifest.json"
  expect() { if jq -e "$2" "$3" >/dev/null; then pass "$name: $1"; else fail "$name: $1 ($(jq -c "${4:-.}" "$3"))"; fi; }
  expect "tagged ghcr.io/incident-timeline/$name:$version" \
    "length == 1 and .[0].RepoTags == [\"ghcr.io/incident-timeline/$name:$version\"]" "$m" '.[0].RepoTags'
  expect "one layer per diff_id" ".[0].Layers | length == $(jq '.rootfs.diff_ids | length' "$c")" "$m" '.[0].Layers | length'
  expect "runs as user 10001" '.config.User == "10001"' "$c" '.config.User'
  expect "entrypoint: java with container flags, main class $main" \
    ".config.Entrypoint as \$e | \$e[0] == \"java\" and (\$e | index(\"-XX:MaxRAMPercentage=75\")) != null
      and (\$e | index(\"-XX:+ExitOnOutOfMemoryError\")) != null and \$e[-1] == \"$main\"" "$c" '.config.Entrypoint'
  expect "exposes exactly $ports" \
    "(.config.ExposedPorts | keys) == ([\"$(echo "$ports" | sed 's/ /\/tcp","/g')/tcp\"] | sort)" "$c" '.config.ExposedPorts'
  expect "OCI labels title/source/version/licenses" \
    ".config.Labels as \$l | \$l[\"org.opencontainers.image.title\"] == \"$name\"
      and \$l[\"org.opencontainers.image.version\"] == \"$version\"
      and (\$l[\"org.opencontainers.image.source\"] | startswith(\"https://\"))
      and (\$l[\"org.opencontainers.image.licenses\"] | length > 0)" "$c" '.config.Labels'
  expect "JRE on PATH at /opt/java/openjdk" \
    '.config.Env | any(startswith("PATH=/opt/java/openjdk/bin:"))' "$c" '.config.Env'
  for e in $env; do expect "env $e" ".config.Env | index(\"$e\") != null" "$c" '.config.Env'; done
  local last
  last=$(jq -r '.[0].Layers[-1]' "$m")
  if tar -xOf "$tarball" "$last" | tar -tz --warning=no-unknown-keyword | grep -x 'opt/health-probe/health-probe.jar' >/dev/null; then
    pass "$name: /opt/health-probe/health-probe.jar in the top layer"
  else fail "$name: health-probe.jar missing from the extra files layer"; fi
  if command -v skopeo >/dev/null; then
    if skopeo inspect --config "docker-archive:$tarball" | jq -e '.config.User == "10001"' >/dev/null; then
      pass "$name: skopeo inspect docker-archive: reads it"
    else fail "$name: skopeo inspect docker-archive: failed"; fi
  else echo "note skopeo not installed: skopeo inspect skipped"; fi
  echo "size $name: $(du -m "$tarball" | cut -f1) MiB tarball (compressed layers)"
}

check incident-command/target/jib-image.tar incident-command "8080 9080" \
  io.incidenttimeline.command.IncidentCommandApplication AXONIQ_UPDATE_CHECKER_DISABLED=true
check incident-query/target/jib-image.tar incident-query "8081 9081" \
  io.incidenttimeline.query.IncidentQueryApplication ""

smoke_start() { # service name
  local name=$1 tarball=$1/target/jib-image.tar rootfs="$work/rootfs-$1" log="$work/$1.log"
  [ -f "$tarball" ] || { fail "smoke: $tarball missing"; return; }
  if [ "$(id -u)" -ne 0 ]; then fail "smoke: needs root (chroot and a mount namespace)"; return; fi
  mkdir -p "$rootfs"
  local layer config user image_env entrypoint
  for layer in $(tar -xOf "$tarball" manifest.json | jq -r '.[0].Layers[]'); do
    tar -xOf "$tarball" "$layer" | tar -xz --warning=no-unknown-keyword -C "$rootfs"
  done
  config=$(tar -xOf "$tarball" manifest.json | jq -r '.[0].Config')
  user=$(tar -xOf "$tarball" "$config" | jq -r '.config.User')
  mapfile -t image_env < <(tar -xOf "$tarball" "$config" | jq -r '.config.Env[]')
  mapfile -t entrypoint < <(tar -xOf "$tarball" "$config" | jq -r '.config.Entrypoint[]')
  # Credentials that are neither missing nor the documented samples; by default a database and a
  # broker on a closed port.
  local full="" database=jdbc:postgresql://127.0.0.1:1/$(echo "$name" | tr - _) kafka=127.0.0.1:1
  if [ -n "${SMOKE_DATABASE_URL:-}" ] && [ -n "${SMOKE_KAFKA_BOOTSTRAP_SERVERS:-}" ]; then
    full=yes database=$SMOKE_DATABASE_URL kafka=$SMOKE_KAFKA_BOOTSTRAP_SERVERS
  fi
  local port=18081 management=19081
  local service_env=(PORT=$port MANAGEMENT_PORT=$management
    MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED=true SPRING_PROFILES_ACTIVE=production
    LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs DATABASE_URL=$database
    DATABASE_USER=${SMOKE_DATABASE_USER:-smoke} DATABASE_PASSWORD=${SMOKE_DATABASE_PASSWORD:-smoke-check-password}
    KAFKA_BOOTSTRAP_SERVERS=$kafka OIDC_ISSUER_URI=http://127.0.0.1:1/issuer OIDC_CLIENT_ID=smoke
    OIDC_CLIENT_SECRET=smoke-check-secret STATUS_PAGE_URL=https://status.example.org/status
    ALERTMANAGER_TOKEN=smoke-check-token ALERTMANAGER_PASSWORD=smoke-check-password
    PAGERDUTY_ROUTING_KEYS=smoke0check0routing0key000000001 GRAFANA_HMAC_SECRET=smoke-check-secret
    CLOUDEVENTS_TOKEN=smoke-check-token)
  local started
  started=$(date +%s)
  # A private mount namespace: the unpacked root bound read-only, a tmpfs /tmp, /proc and /dev.
  # unshare, sh and chroot each exec the next, so $! ends up as the service's JVM.
  env -i "${image_env[@]}" "${service_env[@]}" unshare --mount --propagation private -- /bin/sh -c '
    root=$1; user=$2; shift 2
    mount --bind "$root" "$root" && mount -o remount,bind,ro "$root" &&
    mount -t tmpfs -o mode=1777,size=256m tmpfs "$root/tmp" &&
    mount -t proc proc "$root/proc" && mount --rbind /dev "$root/dev" &&
    exec /usr/sbin/chroot --userspec="$user:$user" "$root" "$@"' sh "$rootfs" "$user" "${entrypoint[@]}" \
    >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 360); do
    grep -q 'Started .*Application in\|APPLICATION FAILED TO START\|Application run failed' "$log" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  local message
  message=$(grep -o '"message":"Starting [^"]*' "$log" | head -1 | cut -c12- || true)
  if [[ "$message" == *"using Java 17"* ]]; then
    pass "smoke $name: JSON (ECS) log line \"$message\""
  elif grep -q 'Starting .*Application .*using Java 17' "$log"; then
    pass "smoke $name: Spring Boot start line (plain text: structured logging not applied)"
  else
    fail "smoke $name: no Spring Boot start line; log:"; tail -20 "$log" | cut -c1-400
  fi
  if grep -q 'started by app in /' "$log"; then pass "smoke $name: ran as the image's user (app, uid $user)"
  else fail "smoke $name: did not run as user app"; fi
  if grep -q 'Tomcat initialized with port' "$log"; then pass "smoke $name: web server initialised"
  else fail "smoke $name: web server never initialised"; fi
  if grep -q 'Error occurred during initialization of VM\|UnsatisfiedLinkError\|NoClassDefFoundError: java/\|Module .* not found' "$log"; then
    fail "smoke $name: the JRE is missing something:"; grep -m3 'Error\|not found' "$log" | cut -c1-400
  fi
  local expected_probe=1
  if [ -n "$full" ]; then
    if grep -q 'Started .*Application in' "$log"; then
      pass "smoke $name: started completely against $database and $kafka ($(($(date +%s) - started)) s)"
      expected_probe=0
    else fail "smoke $name: did not start against $database and $kafka; log:"; tail -5 "$log" | cut -c1-600; fi
  else
    local reason
    reason=$(grep -o '"message":"[^"]*' "$log" | cut -c12- \
      | grep -o -m1 'Connection to 127.0.0.1:1 refused\|APPLICATION FAILED TO START.\{0,200\}' | head -1 || true)
    echo "info smoke $name: stopped after $(($(date +%s) - started)) s by: ${reason:-see the log}"
  fi
  # health-probe.jar with the image's JRE, inside the image, against the management port.
  local probe_rc=0
  env -i "${image_env[@]}" MANAGEMENT_PORT=$management unshare --mount --propagation private -- /bin/sh -c '
    mount -t proc proc "$1/proc" && exec /usr/sbin/chroot --userspec="$2:$2" "$1" \
      java -jar /opt/health-probe/health-probe.jar' sh "$rootfs" "$user" >"$work/probe.log" 2>&1 || probe_rc=$?
  if [ "$probe_rc" -eq "$expected_probe" ] && grep -q "127.0.0.1:$management/actuator/health/readiness" "$work/probe.log"; then
    pass "smoke $name: health-probe.jar in the image exits $probe_rc: $(head -c 200 "$work/probe.log")"
  else fail "smoke $name: health-probe.jar exit $probe_rc, expected $expected_probe: $(head -c 300 "$work/probe.log")"; fi
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  wait "$pid" 2>/dev/null || true
}

[ -z "$smoke" ] || smoke_start "$smoke"

if [ "$failures" -gt 0 ]; then echo "check-images: $failures failed"; exit 1; fi
echo "check-images: all checks passed"
