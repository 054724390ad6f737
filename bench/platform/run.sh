#!/usr/bin/env bash
# Platform benchmark: starts Cadre on the generated `network` demo data (56 campuses, ~4,000 staff,
# ~60,000 students) and drives it with wrk as signed-in users. Reference: Cadre's own health endpoint,
# measured in the same run. Targets: each page >= 30 % of the health endpoint's throughput, p99 < 100 ms at
# 32 connections. Usage: bench/platform/run.sh [duration-seconds]   (default 20)
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-20}"
PORT="${CADRE_BENCH_PORT:-8099}"
DATA="${CADRE_BENCH_DATA:-target/bench/network-data}"
OUT="target/bench/platform"
mkdir -p "$OUT"

if [ -z "${JAVA_HOME:-}" ] && ! java -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

./mvnw -q -DskipTests package -pl cadre-app -am
JAR=cadre-app/target/cadre.jar

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

results=()
results+=("$(measure health "" /actuator/health)")
results+=("$(measure home-district-admin "$admin" /)")
results+=("$(measure home-principal "$principal" /)")
results+=("$(measure home-teacher "$teacher" /)")
results+=("$(measure people-search "$admin" '/people?q=mar')")
results+=("$(measure people-campus "$principal" '/people?role=TEACHER')")

health_rps=$(echo "${results[0]}" | cut -d'|' -f3)
echo
echo "| endpoint | path | requests/s | p99 | % of health | non-2xx |"
echo "|---|---|---:|---:|---:|---:|"
for row in "${results[@]}"; do
  IFS='|' read -r name path rps p99 non2xx <<<"$row"
  pct=$(awk -v a="$rps" -v b="$health_rps" 'BEGIN { printf "%.0f %%", 100 * a / b }')
  echo "| $name | \`$path\` | $rps | $p99 | $pct | $non2xx |"
done
