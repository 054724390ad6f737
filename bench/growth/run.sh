#!/usr/bin/env bash
# Growth engine benchmark (not a test): times the engine against R's quantreg on the same
# synthetic cohort in the same run, then times one cohort of a million students.
#
#   bench/growth/run.sh [work-dir]        (default work dir: cadre-growth-engine/target/bench-growth)
#
# Needs JDK 21+ (JAVA_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64) and R with quantreg
# (Debian: apt-get install r-base-core r-cran-quantreg). Set SKIP_R=1 or SKIP_MILLION=1 to
# leave a part out.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
jar=cadre-growth-engine/target/cadre-growth-engine-0.1.0-SNAPSHOT.jar
work="${1:-cadre-growth-engine/target/bench-growth}"
mkdir -p "$work"

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
# CPU seconds (user + system) of the finished children, from bash's `times` (run in this shell,
# not in a command substitution, which would only see its own children).
cpu() {
  times > "$work/.times"
  tail -1 "$work/.times" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.2f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }'
}

if [ ! -f "$jar" ]; then
  ./mvnw -q -pl cadre-growth-engine package -DskipTests
fi

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$java" -version 2>&1 | head -1)"

# 1. 100 000 students with two prior years: orders 1 and 2, engine against R in the same run.
scores="$work/cohort-100k.csv"
[ -f "$scores" ] || "$java" -jar "$jar" generate --students 100000 --priors 2 --seed 2025 --out "$scores"

start=$(now); cpu > "$work/.cpu0"; cpu0=$(cat "$work/.cpu0")
"$java" -jar "$jar" sgp --scores "$scores" --year 2025 --max-order 2 --out "$work/engine-100k.csv" 2> "$work/engine-100k.log"
engine=$(seconds "$start" "$(now)"); cpu > "$work/.cpu1"; engine_cpu=$(seconds "$cpu0" "$(cat "$work/.cpu1")")
echo "engine, 100k students, orders 1 and 2: ${engine} s wall, ${engine_cpu} s CPU (whole command: JVM start, CSV in and out; load now $(cut -d' ' -f1 /proc/loadavg))"
grep -E "^  fitted|^cohort|^wrote" "$work/engine-100k.log" | sed 's/^/    /'

if [ "${SKIP_R:-0}" != 1 ]; then
  start=$(now); cpu > "$work/.cpu0"; cpu0=$(cat "$work/.cpu0")
  fits=$(Rscript cadre-growth-engine/src/test/r/reference.R "$scores" 2025 2 "$work/r-100k" fn)
  r=$(seconds "$start" "$(now)"); cpu > "$work/.cpu1"; r_cpu=$(seconds "$cpu0" "$(cat "$work/.cpu1")")
  echo "R quantreg::rq(method = \"fn\"), same cohort: ${r} s wall, ${r_cpu} s CPU (${fits} s wall in rq and percentiles; load now $(cut -d' ' -f1 /proc/loadavg))"
  awk -v e="$engine" -v r="$r" -v f="$fits" -v ec="$engine_cpu" -v rc="$r_cpu" \
    'BEGIN { printf "ratio: %.1fx wall (whole commands), %.1fx (R fitting alone against the whole engine command), %.1fx CPU time\n", r / e, f / e, rc / ec }'
  awk -F, 'NR == FNR { if (FNR > 1) r[$1 "," $2] = $5; next }
           FNR > 1 { k = $1 "," $2; if (k in r) { n++; d = $5 - r[k]; if (d < 0) d = -d;
                     if (d == 0) same++; if (d <= 1) near++; if (d > worst) worst = d } else extra++ }
           END { printf "agreement with R: %d students compared, %.2f%% identical, %.2f%% within 1, largest difference %d, %d without an R value\n",
                 n, 100 * same / n, 100 * near / n, worst, extra }' \
    "$work/r-100k/sgp.csv" "$work/engine-100k.csv"
fi

# 2. One cohort of 1 000 000 students with three prior years in a 2 GiB heap.
if [ "${SKIP_MILLION:-0}" != 1 ]; then
  million="$work/cohort-1m.csv"
  [ -f "$million" ] || "$java" -jar "$jar" generate --students 1000000 --priors 3 --seed 2026 --out "$million"
  start=$(now)
  "$java" -Xmx2g -jar "$jar" sgp --scores "$million" --year 2025 --max-order 3 --out "$work/engine-1m.csv" 2> "$work/engine-1m.log"
  total=$(seconds "$start" "$(now)")
  echo "engine, 1M students, orders 1 to 3 (-Xmx2g): ${total} s wall for the whole command"
  grep -E "^  fitted|^cohort|^read|^wrote" "$work/engine-1m.log" | sed 's/^/    /'
fi
