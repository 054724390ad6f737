#!/usr/bin/env bash
# Regenerates the R reference files the engine's tests compare against.
# Needs R with the quantreg package (Debian: apt-get install r-base-core r-cran-quantreg).
set -euo pipefail
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
cd "$root"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -pl cadre-growth-engine package -DskipTests
jar=cadre-growth-engine/target/cadre-growth-engine-0.1.0-SNAPSHOT.jar
out=cadre-growth-engine/src/test/resources/r-reference
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
generate="--students 2000 --priors 2 --seed 20250611 --subjects math,reading --missing-rate 0.1 --decimals 1"
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" -jar "$jar" generate $generate --out "$tmp/scores.csv"
Rscript cadre-growth-engine/src/test/r/reference.R "$tmp/scores.csv" 2025 2 "$out" br basis > /dev/null
{
  echo "# Inputs of the R reference files; written by src/test/r/regenerate.sh"
  echo "generate=$generate"
  echo "sha256=$(sha256sum "$tmp/scores.csv" | cut -d' ' -f1)"
  echo "year=2025"
  echo "max-order=2"
  echo "method=br"
  echo "r=$(Rscript -e 'cat(R.version.string, "/ quantreg", format(packageVersion("quantreg")))')"
} > "$out/reference.properties"
echo "wrote $out"
