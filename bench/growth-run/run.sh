#!/usr/bin/env bash
# Growth run benchmark (not a test): loads the generated `state` network into an embedded PostgreSQL, adds the
# deterministic demo scores (3 years of Math and Reading/ELA, grades 3-8), then times one growth run of the
# current school year — reading the scores, fitting every cohort, measures, and writing all results in one
# transaction. Target: under 2 minutes for the run.
#
#   bench/growth-run/run.sh [size] [data-dir]     (defaults: state, target/bench/growth-<size>-data)
#
# The load is skipped when the data dir already holds a network (the demo loader loads only into an empty one),
# and the scores are added only where missing, so a second invocation times the run alone.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
size="${1:-state}"
data="${2:-target/bench/growth-$size-data}"
heap="${CADRE_BENCH_HEAP:--Xmx6g}"
jar=cadre-app/target/cadre.jar
log="target/bench/growth-run-$size.log"
mkdir -p target/bench

[ -f "$jar" ] || ./mvnw -q -pl cadre-app -am package -DskipTests

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
cadre() {
  local main="$1"; shift
  "$java" $heap -cp "$jar" -Dloader.main="$main" org.springframework.boot.loader.launch.PropertiesLauncher "$@" \
    --cadre.database.data-dir="$data"
}

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$java" -version 2>&1 | head -1)" | tee "$log"

start=$(now)
cadre org.cadre.demo.DemoCommand load --size "$size" --seed 2026 >> "$log" 2>&1
echo "load of '$size' (skipped when present): $(seconds "$start" "$(now)") s" | tee -a "$log"

start=$(now)
cadre org.cadre.growth.GrowthCommand scores --seed 2026 >> "$log" 2>&1
grep -E '^Added' "$log" | tail -1
echo "demo scores command: $(seconds "$start" "$(now)") s wall, JVM start included" | tee -a "$log"

start=$(now)
cadre org.cadre.growth.GrowthCommand run >> "$log" 2>&1
# The run's phases and its own time, then the command's summary line.
grep -E 'GrowthRuns.*Growth run [0-9]+:' "$log" | tail -2 | sed 's/.*GrowthRuns *: /  /'
grep -E '^Growth run' "$log" | tail -1
echo "growth run command: $(seconds "$start" "$(now)") s wall, JVM start included" | tee -a "$log"
