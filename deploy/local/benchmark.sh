#!/usr/bin/env bash
# Benchmark: starts a fresh local system and runs benchmark modes against it, each beside a raw
# baseline doing the same durable work by hand on the same PostgreSQL and Kafka. Not part of the
# test suite (BenchmarkIT runs --quick). Exits 1 when a mode fails (lost events, wrong counts, errors).
#   deploy/local/benchmark.sh [--mode=throughput|latency|alert-storm|reads|rebuild|all] [--quick] [options]
# Options (defaults):
#   throughput   --commands=2000 --concurrency=8 --warmup=500 --warmup-seconds=90 (rounds of --warmup until then)
#   latency      --rates=50,100,200 --seconds=20 --latency-incidents=32 --latency-warmup=60
#   alert-storm  --alerts=10000 --alerts-per-request=100 --senders=4 --storm-services=100 --storm-warmup=2000
#   reads        --events=1000000 --incidents=20000 --small-events=10000 --readers=8 --read-seconds=20
#                --read-warmup=2 --seed-timeout=3600
#   rebuild      (alone) --rebuild-events=100000 --rebuild-incidents=2000 --seed-timeout=3600
#   services     --jvm-options='-XX:StartFlightRecording=filename=/tmp/%n.jfr,settings=profile,duration=120s'
#                (or SERVICE_JAVA_OPTIONS; %n = the instance's name)
# Env: SKIP_BUILD=1 uses the jars already built.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [ "${SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -B -q -DskipTests package
fi
export REPOSITORY_ROOT="$root"
exec java -cp deploy/local/target/local-run.jar io.incidenttimeline.local.Benchmark "$@"
