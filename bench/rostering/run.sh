#!/usr/bin/env bash
# Rostering benchmark: generates the demo OneRoster package, imports it into an empty embedded PostgreSQL with
# the import command (network with 2 GiB of heap, state with 1 GiB). Usage: bench/rostering/run.sh [network|state|all]
# NOT YET DONE: the COPY reference load of the same rows in the same run (see docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
which=${1:-all}
work=$(mktemp -d /tmp/cadre-roster-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

./mvnw -q -pl cadre-app -DskipTests package
jar=$(ls cadre-app/target/cadre-app-*.jar | grep -v plain | head -1)

run_size() {
  local size=$1 heap=$2
  # The demo command writes the package (see docs/demo-network.md for the launcher).
  java -cp "$jar" -Dloader.main=org.cadre.demo.DemoCommand org.springframework.boot.loader.launch.PropertiesLauncher \
    roster --size "$size" --out "$work/$size"
  local data="$work/db-$size"
  local start=$(date +%s.%N)
  java "-Xmx$heap" -jar "$jar" --spring.main.web-application-type=none --cadre.demo.load=none \
    --cadre.database.data-dir="$data" --cadre.database.embedded-clean=true \
    --cadre.roster.import="$work/$size" | tee "$work/$size.report"
  local end=$(date +%s.%N)
  local import_s=$(echo "$end - $start" | bc)
  echo "$size: import end to end ${import_s}s (JVM start included)"
}

case "$which" in
  network) run_size network 2g ;;
  state) run_size state 1g ;;
  all) run_size network 2g; run_size state 1g ;;
esac
