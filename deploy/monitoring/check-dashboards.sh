#!/usr/bin/env bash
# Checks the Grafana dashboards without Grafana: valid JSON with the fields provisioning needs
# (jq), every panel on the provisioned Prometheus data source with at least one query, and
# every query valid PromQL (promtool, with Grafana's variables replaced by durations).
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
datasource=$(awk '/uid:/ {print $2; exit}' grafana/provisioning/datasources/prometheus.yml)
for dashboard in grafana/dashboards/*.json; do
  jq -e --arg ds "$datasource" '
    (.uid | type == "string" and length > 0) and (.title | length > 0) and (.schemaVersion >= 30)
    and ([.panels[] | select(.type != "row")] | length > 0)
    and all(.panels[] | select(.type != "row");
      .datasource.uid == $ds and (.targets | length > 0) and all(.targets[]; (.expr | length > 0) and .refId))
    and ([.panels[].id] | length == (unique | length))' "$dashboard" >/dev/null \
    || { echo "FAIL $dashboard: structure (uid, title, panels, data source $datasource, queries)"; exit 1; }
  {
    echo "groups:"
    echo "  - name: dashboard-queries"
    echo "    rules:"
    jq -r '.panels[] | select(.type != "row") | .targets[] | .expr' "$dashboard" \
      | sed -e 's/\$__rate_interval/5m/g' -e 's/\$__range/1h/g' -e 's/\$window/7d/g' \
      | awk '{ gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); printf "      - record: dashboard:query%d\n        expr: \"%s\"\n", NR, $0 }'
  } >"$work/queries.yml"
  promtool check rules "$work/queries.yml" >/dev/null \
    || { promtool check rules "$work/queries.yml"; echo "FAIL $dashboard: a query is not valid PromQL"; exit 1; }
  echo "ok   $dashboard: $(jq '[.panels[] | select(.type != "row")] | length' "$dashboard") panels, $(grep -c 'record:' "$work/queries.yml") valid PromQL queries"
done
