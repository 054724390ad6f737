#!/usr/bin/env bash
# Platform benchmark: starts Cadre on the generated `network` demo data (56 campuses, ~4,000 staff,
# ~60,000 students) and drives it with wrk as signed-in users. Reference: Cadre's own health endpoint,
# measured in the same run. Targets: each page >= 30 % of the health endpoint's throughput, p99 < 100 ms at
# 32 connections. Usage: bench/platform/run.sh [duration-seconds]   (default 10, 3 rounds)
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-10}"
PORT="${CADRE_BENCH_PORT:-8099}"
DATA="${CADRE_BENCH_DATA:-target/bench/network-data}"
OUT="target/bench/platform"
mkdir -p "$OUT"

if [ -z "${JAVA_HOME:-}" ] && ! java -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

# CADRE_BENCH_JAR=path measures another build (for example the previous commit's) instead of building this one.
if [ -z "${CADRE_BENCH_JAR:-}" ]; then
  ./mvnw -q -DskipTests package -pl cadre-app -am
fi
JAR="${CADRE_BENCH_JAR:-cadre-app/target/cadre.jar}"

first_start=$([ -d "$DATA" ] && echo no || echo yes)
start_ms=$(date +%s%3N)
CADRE_DATA_DIR="$DATA" CADRE_DEMO=network CADRE_PORT="$PORT" \
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx2g -jar "$JAR" >"$OUT/cadre.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://localhost:$PORT/sign-in"; do
  kill -0 $PID 2>/dev/null || { echo "Cadre did not start; see $OUT/cadre.log"; exit 1; }
  sleep 0.2
done
page_ms=$(date +%s%3N)
echo "start-up to first page: $(( page_ms - start_ms )) ms (first start, loading the network: $first_start)"
# Health turns UP (200) once the application is ready, i.e. after the demo network has been loaded.
until curl -sf -o /dev/null "http://localhost:$PORT/actuator/health"; do
  kill -0 $PID 2>/dev/null || { echo "Cadre stopped; see $OUT/cadre.log"; exit 1; }
  sleep 0.5
done
ready_ms=$(date +%s%3N)
echo "start-up to ready (health UP): $(( ready_ms - start_ms )) ms"

sign_in() { # email -> session cookie
  local jar="$OUT/$1.cookies"
  rm -f "$jar"
  local token
  token=$(curl -s -c "$jar" "http://localhost:$PORT/sign-in" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "email=$1" --data-urlencode "password=cadre-demo" \
    --data-urlencode "_csrf=$token" "http://localhost:$PORT/sign-in"
  awk '$6 == "JSESSIONID" { print "JSESSIONID=" $7 }' "$jar"
}

measure() { # name cookie path
  local name=$1 cookie=$2 path=$3
  # A short warm-up so the JIT has seen the page.
  wrk -t2 -c8 -d3s ${cookie:+-H "Cookie: $cookie"} "http://localhost:$PORT$path" >/dev/null
  wrk -t2 -c32 -d"${DURATION}s" --latency ${cookie:+-H "Cookie: $cookie"} "http://localhost:$PORT$path" >"$OUT/$name.txt"
  local rps p99 non2xx
  rps=$(awk '/Requests\/sec/ { print $2 }' "$OUT/$name.txt")
  p99=$(awk '$1 == "99%" { print $2 }' "$OUT/$name.txt")
  non2xx=$(awk '/Non-2xx/ { print $5 }' "$OUT/$name.txt")
  echo "$name|$path|$rps|$p99|${non2xx:-0}"
}

admin=$(sign_in district.admin@cadre.demo)
principal=$(sign_in principal@cadre.demo)
teacher=$(sign_in teacher@cadre.demo)
[ -n "$admin" ] && [ -n "$principal" ] && [ -n "$teacher" ] || { echo "sign-in failed"; exit 1; }

# The machine is shared, so rounds interleave the reference and the pages, and the report takes each page's
# median ratio to the health endpoint measured just before it.
ROUNDS="${CADRE_BENCH_ROUNDS:-3}"
pages=("home-district-admin|$admin|/" "home-principal|$principal|/" "home-teacher|$teacher|/"
       "people-search|$admin|/people?q=mar" "people-campus|$principal|/people?role=TEACHER")
# Steady state is what is measured: each endpoint first runs CADRE_BENCH_WARMUP seconds (default 10) at 32
# connections, unrecorded, so that the first page measured does not pay for the JIT compiling the request path.
wrk -t2 -c32 -d"${CADRE_BENCH_WARMUP:-10}s" "http://localhost:$PORT/actuator/health" >/dev/null
for page in "${pages[@]}"; do
  IFS='|' read -r name cookie path <<<"$page"
  wrk -t2 -c32 -d"${CADRE_BENCH_WARMUP:-10}s" -H "Cookie: $cookie" "http://localhost:$PORT$path" >/dev/null
done
: >"$OUT/rounds.txt"
for round in $(seq 1 "$ROUNDS"); do
  for page in "${pages[@]}"; do
    IFS='|' read -r name cookie path <<<"$page"
    health=$(measure health "" /actuator/health)
    row=$(measure "$name" "$cookie" "$path")
    echo "$round|$row|$(echo "$health" | cut -d'|' -f3)" >>"$OUT/rounds.txt"
  done
done

echo
echo "| endpoint | path | requests/s (median) | p99 (median) | health requests/s (median) | ratio to health (median) | non-2xx |"
echo "|---|---|---:|---:|---:|---:|---:|"
for page in "${pages[@]}"; do
  IFS='|' read -r name cookie path <<<"$page"
  awk -F'|' -v n="$name" -v p="$path" '
    function median(a, k,   i, j, t) { for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                      return (k % 2) ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
    function ms(v) { if (v ~ /ms$/) return v + 0; if (v ~ /us$/) return v / 1000; if (v ~ /s$/) return v * 1000; return v }
    $2 == n { k++; r[k] = $4; l[k] = ms($5); h[k] = $7; q[k] = $4 / $7; bad += $6 }
    END { printf "| %s | `%s` | %.0f | %.1f ms | %.0f | %.0f %% | %d |\n", n, p, median(r, k), median(l, k), median(h, k), 100 * median(q, k), bad }
  ' "$OUT/rounds.txt"
done
