#!/usr/bin/env bash
# Growth engine benchmark (not a test): times the engine against R's quantreg on the same
# synthetic cohort in the same run, then times one cohort of a million students.
#
#   bench/growth/run.sh [work-dir]        (default work dir: cadre-growth-engine/target/bench-growth)
#
# Needs JDK 21+ (JAVA_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64) and R with quantreg
# (Debian: apt-get install r-base-core r-cran-quantreg).
#   SKIP_R=1 / SKIP_MILLION=1   leave a part out
#   ENGINE_REPEATS=N            engine runs on the 100k cohort (default 3; the median is compared)
#   MILLION_REPEATS=N           runs of the million-student command (default 1)
#   JAR=path                    the engine jar (default: the module's target jar, built if missing)
#
# Every figure is given as wall time and CPU time (user + system of all threads). The machine may be
# shared, and CPU time suffers much less from that than wall time. Two comparisons are made:
#   fitting:       R's rq calls plus its percentiles (timed inside R with proc.time) against the
#                  engine's cohorts (design, quantile regressions and percentiles, timed inside the
#                  JVM): JVM start-up, CSV parsing and output are left out on both sides;
#   whole command: `Rscript reference.R` (reading the CSV, bs, rq, percentiles, writing) against
#                  `java -jar … sgp` (JVM start-up, reading the CSV, knots, fits, writing).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
jar="${JAR:-cadre-growth-engine/target/cadre-growth-engine-0.1.0-SNAPSHOT.jar}"
work="${1:-cadre-growth-engine/target/bench-growth}"
engine_repeats="${ENGINE_REPEATS:-3}"
million_repeats="${MILLION_REPEATS:-1}"
mkdir -p "$work"

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# CPU seconds (user + system) of the finished children, from bash's `times` (run in this shell,
# not in a command substitution, which would only see its own children).
cpu() {
  times > "$work/.times"
  tail -1 "$work/.times" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.2f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }'
}
# Field after "<phase>" in the engine's "timings:" line: wall then CPU seconds.
phase() { grep '^timings:' "$1" | sed -E "s/.*$2 ([0-9.]+) s wall ([0-9.]+) s CPU.*/\1 \2/"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

if [ ! -f "$jar" ]; then
  ./mvnw -q -pl cadre-growth-engine package -DskipTests
fi

echo "== machine: $(nproc) cores, load $(load), $("$java" -version 2>&1 | head -1), $(Rscript -e 'cat(R.version.string, "/ quantreg", format(packageVersion("quantreg")))' 2>/dev/null || echo 'no R')"

# 1. 100 000 students with two prior years: orders 1 and 2, engine against R in the same run.
scores="$work/cohort-100k.csv"
[ -f "$scores" ] || "$java" -jar "$jar" generate --students 100000 --priors 2 --seed 2025 --out "$scores"

: > "$work/engine-100k.runs"
for run in $(seq 1 "$engine_repeats"); do
  before_load=$(load)
  start=$(now); cpu > "$work/.cpu0"; cpu0=$(cat "$work/.cpu0")
  "$java" -jar "$jar" sgp --scores "$scores" --year 2025 --max-order 2 --out "$work/engine-100k.csv" 2> "$work/engine-100k.log"
  wall=$(seconds "$start" "$(now)"); cpu > "$work/.cpu1"; whole_cpu=$(seconds "$cpu0" "$(cat "$work/.cpu1")")
  read -r fit_wall fit_cpu <<< "$(phase "$work/engine-100k.log" cohorts)"
  echo "$wall $whole_cpu $fit_wall $fit_cpu" >> "$work/engine-100k.runs"
  echo "engine, 100k students, orders 1 and 2, run $run (load $before_load -> $(load)):"
  echo "    fitting (2 cohorts: design, 100 quantile regressions each, percentiles): ${fit_wall} s wall, ${fit_cpu} s CPU"
  echo "    whole command (JVM start, CSV in and out):                             ${wall} s wall, ${whole_cpu} s CPU"
  grep -E "^  fitted|^cohort|^read|^timings" "$work/engine-100k.log" | sed 's/^/      /'
done
col() { awk -v c="$1" '{ print $c }' "$work/engine-100k.runs" | median; }
e_wall=$(col 1); e_cpu=$(col 2); e_fit_wall=$(col 3); e_fit_cpu=$(col 4)
echo "engine medians over $engine_repeats runs: fitting ${e_fit_wall} s wall, ${e_fit_cpu} s CPU; whole command ${e_wall} s wall, ${e_cpu} s CPU"

if [ "${SKIP_R:-0}" != 1 ]; then
  before_load=$(load)
  start=$(now); cpu > "$work/.cpu0"; cpu0=$(cat "$work/.cpu0")
  read -r rq_wall rq_cpu r_fit_wall r_fit_cpu <<< "$(Rscript cadre-growth-engine/src/test/r/reference.R "$scores" 2025 2 "$work/r-100k" fn)"
  r_wall=$(seconds "$start" "$(now)"); cpu > "$work/.cpu1"; r_cpu=$(seconds "$cpu0" "$(cat "$work/.cpu1")")
  echo "R quantreg::rq(method = \"fn\"), same cohort (load $before_load -> $(load)):"
  echo "    rq calls alone:                 ${rq_wall} s wall, ${rq_cpu} s CPU"
  echo "    fitting (rq and percentiles):   ${r_fit_wall} s wall, ${r_fit_cpu} s CPU"
  echo "    whole Rscript command:          ${r_wall} s wall, ${r_cpu} s CPU"
  awk -v efw="$e_fit_wall" -v efc="$e_fit_cpu" -v ew="$e_wall" -v ec="$e_cpu" \
      -v rqw="$rq_wall" -v rqc="$rq_cpu" -v rfw="$r_fit_wall" -v rfc="$r_fit_cpu" -v rw="$r_wall" -v rc="$r_cpu" \
    'BEGIN {
       printf "ratio, fitting against fitting (headline):  %.1fx CPU, %.1fx wall\n", rfc / efc, rfw / efw
       printf "ratio, rq calls alone against engine fitting: %.1fx CPU, %.1fx wall\n", rqc / efc, rqw / efw
       printf "ratio, whole command against whole command: %.1fx CPU, %.1fx wall\n", rc / ec, rw / ew
     }'
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
  for run in $(seq 1 "$million_repeats"); do
    before_load=$(load)
    start=$(now); cpu > "$work/.cpu0"; cpu0=$(cat "$work/.cpu0")
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f "peak resident memory %M KB" -o "$work/engine-1m.rss" \
        "$java" -Xmx2g -jar "$jar" sgp --scores "$million" --year 2025 --max-order 3 --out "$work/engine-1m.csv" 2> "$work/engine-1m.log"
    else
      "$java" -Xmx2g -jar "$jar" sgp --scores "$million" --year 2025 --max-order 3 --out "$work/engine-1m.csv" 2> "$work/engine-1m.log"
      echo "peak resident memory not measured (no /usr/bin/time)" > "$work/engine-1m.rss"
    fi
    total=$(seconds "$start" "$(now)"); cpu > "$work/.cpu1"; total_cpu=$(seconds "$cpu0" "$(cat "$work/.cpu1")")
    echo "engine, 1M students, orders 1 to 3 (-Xmx2g), run $run (load $before_load -> $(load)):"
    echo "    order-3 cohort (22 columns, 100 taus): $(grep -A1 'order 3' "$work/engine-1m.log" | grep '^  fitted' | sed -E 's/.*\((.*)\)/\1/')"
    echo "    whole command: ${total} s wall, ${total_cpu} s CPU; $(cat "$work/engine-1m.rss")"
    grep -E "^  fitted|^cohort|^read|^timings" "$work/engine-1m.log" | sed 's/^/      /'
  done
fi
echo "== load at the end: $(load)"
