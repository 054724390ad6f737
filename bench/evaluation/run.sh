#!/usr/bin/env bash
# Evaluation benchmark (issue 5). On the generated `network` demo data (56 campuses, ~4,000 teachers) with a full
# school year of observations (3 to 5 per teacher, rated on the rubric, shared and mostly acknowledged), it
# measures:
#   (a) the whole-year summative run, POST /api/v1/evaluation/school-years/{id}/summatives, as the district
#       administrator: the milliseconds it reports, and the request end to end (curl); target < 5 s;
#   (b) the appraiser caseload page /evaluation/caseload (appraiser@cadre.demo) with wrk at 32 connections,
#       against /actuator/health in the same run; target p99 < 100 ms.
# The data directory is made once: the demo command loads `network` into a fresh embedded PostgreSQL, then
# org.cadre.evaluation.bench.ObservationYearCommand writes the observations (deterministic: seed 2026 and the
# day given by CADRE_BENCH_TODAY, default 2026-06-30 so that the whole 2025-2026 year is in the past). Each run
# then works on a fresh copy of it ($OUT/run-data).
# Usage: bench/evaluation/run.sh [duration-seconds]   (default 20; delete the data directory to rebuild it)
# Environment: CADRE_BENCH_ROUNDS (default 3) rounds of health, appraiser and principal, medians reported;
#              CADRE_BENCH_WARMUP (default 10) seconds of unrecorded load on each endpoint first.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-20}"
PORT="${CADRE_BENCH_PORT:-8097}"
DATA="${CADRE_BENCH_DATA:-target/bench/evaluation-data}"
TODAY="${CADRE_BENCH_TODAY:-2026-06-30}"
OUT="target/bench/evaluation"
mkdir -p "$OUT"

if [ -z "${JAVA_HOME:-}" ] && ! java -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

# CADRE_BENCH_JAR=path measures another build (for example the previous commit's) instead of building this one.
if [ -z "${CADRE_BENCH_SKIP_BUILD:-}" ] && [ -z "${CADRE_BENCH_JAR:-}" ]; then
  ./mvnw -q -DskipTests package -pl cadre-app -am
fi
JAR="${CADRE_BENCH_JAR:-cadre-app/target/cadre.jar}"
launch() { # main-class args...
  local main=$1; shift
  "$JAVA" -Xmx2g -cp "$JAR" -Dloader.main="$main" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}

if [ ! -f "$DATA/.network-loaded" ]; then
  rm -rf "$DATA"
  echo "Loading the network demo data into $DATA ..."
  launch org.cadre.demo.DemoCommand load --size network --seed 2026 --cadre.database.data-dir="$DATA" \
    >"$OUT/load.log" 2>&1 || { echo "load failed; see $OUT/load.log"; exit 1; }
  grep -E "Demo network|Done in" "$OUT/load.log" | sed 's/.*: //' || true
  touch "$DATA/.network-loaded"
fi
echo "Generating a year of observations (seed 2026, today $TODAY) ..."
launch org.cadre.evaluation.bench.ObservationYearCommand --seed 2026 --today "$TODAY" \
  --cadre.database.data-dir="$DATA" >"$OUT/generate.log" 2>&1 || { echo "generation failed; see $OUT/generate.log"; exit 1; }
grep -E "Generated|already has" "$OUT/generate.log"

# Every run starts from a copy of the prepared data, so the first summative run computes every draft afresh.
RUN_DATA="$OUT/run-data"
rm -rf "$RUN_DATA"
cp -a "$DATA" "$RUN_DATA"
rm -f "$RUN_DATA/postmaster.pid" "$RUN_DATA/epg-lock"
CADRE_DATA_DIR="$RUN_DATA" CADRE_DEMO=none CADRE_PORT="$PORT" "$JAVA" -Xmx2g -jar "$JAR" >"$OUT/cadre.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://localhost:$PORT/actuator/health"; do
  kill -0 $PID 2>/dev/null || { echo "Cadre did not start; see $OUT/cadre.log"; exit 1; }
  sleep 0.5
done

sign_in() { # email -> cookie jar
  local jar="$OUT/$1.cookies"
  rm -f "$jar"
  local token
  token=$(curl -s -c "$jar" "http://localhost:$PORT/sign-in" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "email=$1" --data-urlencode "password=cadre-demo" \
    --data-urlencode "_csrf=$token" "http://localhost:$PORT/sign-in"
  echo "$jar"
}
cookie_of() { awk '$6 == "JSESSIONID" { print "JSESSIONID=" $7 }' "$1"; }

admin_jar=$(sign_in district.admin@cadre.demo)
appraiser_jar=$(sign_in appraiser@cadre.demo)
principal_jar=$(sign_in principal@cadre.demo)
[ -n "$(cookie_of "$admin_jar")" ] && [ -n "$(cookie_of "$appraiser_jar")" ] || { echo "sign-in failed"; exit 1; }

# (a) The whole-year summative run, three times: the first computes every draft, the others recompute them
#     (unchanged drafts are not rewritten).
year=$(curl -sf -b "$admin_jar" "http://localhost:$PORT/api/v1/school-years" \
  | tr '{' '\n' | grep '"current":true' | sed -n 's/.*"id":\([0-9]*\).*/\1/p' | head -1)
csrf=$(curl -sf -b "$admin_jar" "http://localhost:$PORT/evaluation" | sed -n 's/.*name="csrf-token" content="\([^"]*\)".*/\1/p' | head -1)
header=$(curl -sf -b "$admin_jar" "http://localhost:$PORT/evaluation" | sed -n 's/.*name="csrf-header" content="\([^"]*\)".*/\1/p' | head -1)
echo
echo "Whole-year summative run (school year $year):"
summative_rows=()
for run in 1 2 3; do
  body=$(curl -s -b "$admin_jar" -H "$header: $csrf" -X POST -w '\n%{http_code} %{time_total}' \
    "http://localhost:$PORT/api/v1/evaluation/school-years/$year/summatives")
  status_time=$(echo "$body" | tail -1)
  json=$(echo "$body" | head -1)
  teachers=$(echo "$json" | sed -n 's/.*"teachers":\([0-9]*\).*/\1/p')
  millis=$(echo "$json" | sed -n 's/.*"milliseconds":\([0-9]*\).*/\1/p')
  http=${status_time% *}
  total_ms=$(awk -v s="${status_time#* }" 'BEGIN { printf "%.0f", s * 1000 }')
  [ "$http" = 200 ] || { echo "run $run: HTTP $http: $json"; exit 1; }
  summative_rows+=("| $run | $teachers | $millis | $total_ms |")
done
echo "| run | teachers | reported ms | end to end ms (curl) |"
echo "|---:|---:|---:|---:|"
printf '%s\n' "${summative_rows[@]}"

measure() { # name cookie path -> name|path|requests/s|p50|p99|non-2xx
  local name=$1 cookie=$2 path=$3
  wrk -t2 -c8 -d3s ${cookie:+-H "Cookie: $cookie"} "http://localhost:$PORT$path" >/dev/null
  wrk -t2 -c32 -d"${DURATION}s" --latency ${cookie:+-H "Cookie: $cookie"} "http://localhost:$PORT$path" >"$OUT/$name.txt"
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ { print $2 }' "$OUT/$name.txt")
  p50=$(awk '$1 == "50%" { print $2 }' "$OUT/$name.txt")
  p99=$(awk '$1 == "99%" { print $2 }' "$OUT/$name.txt")
  non2xx=$(awk '/Non-2xx/ { print $5 }' "$OUT/$name.txt")
  echo "$name|$path|$rps|$p50|$p99|${non2xx:-0}"
}

teachers_on_caseload=$(curl -sf -b "$appraiser_jar" "http://localhost:$PORT/evaluation/caseload" | grep -c 'href="/evaluation/teachers/' || true)
endpoints=("health||/actuator/health" "caseload-appraiser|$(cookie_of "$appraiser_jar")|/evaluation/caseload"
           "caseload-principal|$(cookie_of "$principal_jar")|/evaluation/caseload")
# Steady state is what is measured: every endpoint first runs WARMUP seconds at 32 connections, unrecorded, so that
# the first one measured is not the one that paid for the JIT compiling the request path.
for endpoint in "${endpoints[@]}"; do
  IFS='|' read -r name cookie path <<<"$endpoint"
  wrk -t2 -c32 -d"${CADRE_BENCH_WARMUP:-10}s" ${cookie:+-H "Cookie: $cookie"} "http://localhost:$PORT$path" >/dev/null
done
ROUNDS="${CADRE_BENCH_ROUNDS:-3}"
echo
echo "Caseload of appraiser@cadre.demo: $teachers_on_caseload teachers; wrk, 32 connections, ${DURATION} s, medians of $ROUNDS rounds:"
: >"$OUT/rounds.txt"
for round in $(seq 1 "$ROUNDS"); do
  for endpoint in "${endpoints[@]}"; do
    IFS='|' read -r name cookie path <<<"$endpoint"
    echo "$round|$(measure "$name" "$cookie" "$path")" >>"$OUT/rounds.txt"
  done
done
echo "| endpoint | path | requests/s | p50 | p99 | % of health (same round) | non-2xx |"
echo "|---|---|---:|---:|---:|---:|---:|"
for endpoint in "${endpoints[@]}"; do
  IFS='|' read -r name cookie path <<<"$endpoint"
  awk -F'|' -v n="$name" -v p="$path" '
    function median(a, k,   i, j, t) { for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                      return (k % 2) ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
    function ms(v) { if (v ~ /ms$/) return v + 0; if (v ~ /us$/) return v / 1000; if (v ~ /s$/) return v * 1000; return v }
    $2 == "health" { h[$1] = $4 }
    $2 == n { k++; r[k] = $4; a[k] = ms($5); l[k] = ms($6); round[k] = $1; bad += $7 }
    END { for (i = 1; i <= k; i++) q[i] = r[i] / h[round[i]]
          printf "| %s | `%s` | %.0f | %.1f ms | %.1f ms | %.0f %% | %d |\n", n, p, median(r, k), median(a, k), median(l, k), 100 * median(q, k), bad }
  ' "$OUT/rounds.txt"
done
