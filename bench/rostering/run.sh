#!/usr/bin/env bash
# Rostering benchmark (figures in docs/benchmarks.md). For each size it
#   1. writes the demo network's OneRoster 1.2 package with the demo command (no database involved);
#   2. imports it end to end with the command-line import (--cadre.roster.import, RosterCommand) into an empty
#      Cadre: a fresh embedded data directory, so the time includes starting the JVM and PostgreSQL and Flyway;
#   3. loads the same CSV files with PostgreSQL's COPY (psql \copy, CSV with header) into plain tables of text
#      columns, one per file, in a fresh database of the same embedded server build and settings, started
#      through Cadre on a fixed port (CADRE_EMBEDDED_DB_PORT, default 54329) — the reference rate;
# and prints seconds, rows/s and the ratio of the import's rate to COPY's.
#
# The command runs as docs/rostering.md recommends for the nightly sync: from the extracted jar with the JDK's
# ahead-of-time cache, made beforehand by a training run that imports the small demo package (not timed: it is
# made once per build, as the jar is).
#
# Usage: bench/rostering/run.sh [network|state|all]       (default network)
# Environment: SKIP_BUILD=1 to use the jar already built; CADRE_BENCH_DIR to keep the packages and logs there
#              (default: a temporary folder, deleted at the end); CADRE_BENCH_AOT=0 to run the plain jar without
#              the ahead-of-time cache.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
which=${1:-network}
port=${CADRE_EMBEDDED_DB_PORT:-54329}
server=""
if [[ -n "${CADRE_BENCH_DIR:-}" ]]; then
  work=$CADRE_BENCH_DIR
  mkdir -p "$work"
  keep=1
else
  work=$(mktemp -d /tmp/cadre-roster-bench.XXXXXX)
  keep=""
fi
cleanup() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [[ -z "$keep" ]]; then rm -rf "$work"; fi
}
trap cleanup EXIT

if [[ -z "${SKIP_BUILD:-}" ]]; then
  ./mvnw -q -pl cadre-app -am package -DskipTests
fi
# A copy, so that another build replacing target/ cannot change the jar under a running benchmark.
jar="$work/cadre.jar"
cp cadre-app/target/cadre.jar "$jar"

# The extracted jar and its ahead-of-time cache (docs/rostering.md, "Command line").
command=(-jar "$jar")
if [[ "${CADRE_BENCH_AOT:-1}" != 0 ]]; then
  rm -rf "$work/app" "$work/train-db" "$work/train-package"
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
  "$java" -cp "$jar" -Dloader.main=org.cadre.demo.DemoCommand org.springframework.boot.loader.launch.PropertiesLauncher \
    roster --size small --out "$work/train-package" >/dev/null
  "$java" -XX:AOTCacheOutput="$work/app/cadre.aot" -jar "$work/app/cadre.jar" --spring.main.web-application-type=none \
    --cadre.demo.load=none --cadre.database.data-dir="$work/train-db" --cadre.roster.import="$work/train-package" \
    >"$work/train.log" 2>&1 || { tail -20 "$work/train.log"; exit 1; }
  rm -rf "$work/train-db" "$work/train-package"
  command=(-XX:AOTCache="$work/app/cadre.aot" -jar "$work/app/cadre.jar")
fi

now() { date +%s.%N; }
seconds() { echo "scale=1; ($2 - $1) / 1" | bc; }

# Starts Cadre without web server on an empty data directory with its PostgreSQL on $port and waits for it.
start_reference_server() {
  local data=$1
  "$java" -Xmx512m -jar "$jar" --spring.main.web-application-type=none --cadre.demo.load=none \
    --cadre.database.data-dir="$data" --cadre.database.embedded-port="$port" >"$work/copy-server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do
    if grep -q "Started CadreApplication" "$work/copy-server.log"; then return 0; fi
    if ! kill -0 "$server" 2>/dev/null; then cat "$work/copy-server.log" >&2; return 1; fi
    sleep 0.5
  done
  echo "The reference server did not start" >&2
  return 1
}

copy_reference() {
  local package=$1 script="$work/copy.sql"
  {
    echo '\set ON_ERROR_STOP on'
    for file in "$package"/*.csv; do
      local name
      name=$(basename "$file" .csv)
      [[ $name == manifest ]] && continue
      local columns
      columns=$(head -1 "$file" | tr -d '\r' | sed -e 's/\([^,]*\)/"\1" text/g')
      echo "create table \"$name\" ($columns);"
      echo "\\copy \"$name\" from '$file' with (format csv, header true)"
    done
  } >"$script"
  psql -q -h localhost -p "$port" -U postgres -d postgres -c "create database copy_reference" >/dev/null
  local start end
  start=$(now)
  psql -h localhost -p "$port" -U postgres -d copy_reference -f "$script" >"$work/copy.out"
  end=$(now)
  copy_s=$(seconds "$start" "$end")
  copy_rows=$(awk '/^COPY / { n += $2 } END { print n }' "$work/copy.out")
}

run_size() {
  local size=$1 heap=$2
  local package="$work/$size"
  echo "== $size"
  if [[ -n "$keep" && -f "$package/manifest.csv" ]]; then
    echo "reusing the package in $package"
  else
    "$java" -Xmx2g -cp "$jar" -Dloader.main=org.cadre.demo.DemoCommand \
      org.springframework.boot.loader.launch.PropertiesLauncher roster --size "$size" --out "$package"
  fi
  du -sh "$package"

  local start end
  # /usr/bin/time -v, where there is one, reports the import's peak resident memory (the JVM's, not PostgreSQL's).
  local timed=()
  if [[ -x /usr/bin/time ]]; then timed=(/usr/bin/time -v -o "$work/import-$size.time"); fi
  start=$(now)
  "${timed[@]}" "$java" "-Xmx$heap" "${command[@]}" --spring.main.web-application-type=none --cadre.demo.load=none \
    --cadre.database.data-dir="$work/import-db-$size" --cadre.roster.import="$package" >"$work/import-$size.log" 2>&1 \
    || { tail -50 "$work/import-$size.log"; return 1; }
  end=$(now)
  local import_s import_inner import_rows
  import_s=$(seconds "$start" "$end")
  grep -A12 "^Roster import" "$work/import-$size.log"
  grep "Roster package" "$work/import-$size.log" | sed 's/.*: Roster package/Roster package/'
  import_inner=$(sed -n 's/^Roster import .* in \([0-9.]*\) s (.*/\1/p' "$work/import-$size.log")
  import_rows=$(sed -n 's/^Roster import .*(\([0-9]*\) rows read.*/\1/p' "$work/import-$size.log")
  rm -rf "$work/import-db-$size"

  start_reference_server "$work/copy-db-$size"
  copy_reference "$package"
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=""
  rm -rf "$work/copy-db-$size"

  echo "rows: $import_rows read by the import, $copy_rows copied by COPY"
  printf 'import, end to end (JVM, PostgreSQL and Flyway start included): %s s, %.0f rows/s\n' \
    "$import_s" "$(echo "$import_rows / $import_s" | bc -l)"
  printf 'import itself (as the command reports it):                     %s s, %.0f rows/s\n' \
    "$import_inner" "$(echo "$import_rows / $import_inner" | bc -l)"
  printf 'COPY reference (psql \\copy into plain text tables):           %s s, %.0f rows/s\n' \
    "$copy_s" "$(echo "$copy_rows / $copy_s" | bc -l)"
  printf 'import rate / COPY rate: %.0f %% end to end, %.0f %% for the import itself\n' \
    "$(echo "100 * $copy_s / $import_s" | bc -l)" "$(echo "100 * $copy_s / $import_inner" | bc -l)"
  if [[ -f "$work/import-$size.time" ]]; then
    echo "import's peak resident memory (JVM, -Xmx$heap): $(awk -F': ' '/Maximum resident/ { printf "%.0f MiB", $2 / 1024 }' "$work/import-$size.time")"
  fi
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
  if [[ -z "$keep" ]]; then rm -rf "$package"; fi
}

case "$which" in
  network) run_size network 2g ;;
  state) run_size state 1g ;;
  all) run_size network 2g; run_size state 1g ;;
  *) echo "usage: $0 [network|state|all]" >&2; exit 2 ;;
esac
