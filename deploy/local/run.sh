#!/usr/bin/env bash
# One command to run Incident Timeline locally with embedded defaults: builds, then starts an
# embedded PostgreSQL, a KRaft Kafka broker and both services. Ctrl-C stops everything.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -B -q -DskipTests package
export REPOSITORY_ROOT="$root"
exec java -jar deploy/local/target/local-run.jar "$@"
