#!/usr/bin/env bash
# Benchmark: drives N commands through a fresh local system over HTTP and compares it with a
# raw baseline doing the same durable work by hand. Not part of the test suite.
#   deploy/local/benchmark.sh --commands=2000 --concurrency=8
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -B -q -DskipTests package
export REPOSITORY_ROOT="$root"
exec java -cp deploy/local/target/local-run.jar io.incidenttimeline.local.Benchmark "$@"
