#!/usr/bin/env bash
# Inspect benchmark: 100,000 sidewalk-like images x 10 shapes = 1,000,000 shapes, checked with the
# built-in aihub.sidewalk pack: in the native trainset format (with and without the HTML report) and
# as a CVAT for images 1.1 XML (the sidewalk release's own annotation format).
# Usage: bench/inspect/run.sh [WORKDIR]   (builds trainset-cli/target/trainset.jar first if missing)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-/tmp/trainset-bench-inspect}"
jar="$here/trainset-cli/target/trainset.jar"
[[ -f "$jar" ]] || (cd "$here" && mvn -q -pl trainset-cli -am package -DskipTests)
mkdir -p "$work"
if [[ ! -d "$work/sidewalk-1m" ]]; then
  java -cp "$jar" "$here/bench/inspect/GenerateSidewalk.java" "$work/sidewalk-1m" 100000
fi
du -sh "$work/sidewalk-1m"
for run in 1 2 3; do
  /usr/bin/time -f "inspect: %e s wall, %M KB max RSS" \
    java -Xmx512m -jar "$jar" inspect "$work/sidewalk-1m" --rules aihub.sidewalk --json --max-shown 0 -q \
    > "$work/result.json" || true
done
head -c 400 "$work/result.json"; echo
/usr/bin/time -f "inspect --html: %e s wall, %M KB max RSS" \
  java -Xmx512m -jar "$jar" inspect "$work/sidewalk-1m" --rules aihub.sidewalk --html "$work/report.html" \
  --max-shown 0 -q > /dev/null || true
ls -la "$work/report.html"
if [[ ! -f "$work/sidewalk-1m-cvat/annotations.xml" ]]; then
  java -Xmx512m -jar "$jar" convert "$work/sidewalk-1m" --to cvat --out "$work/sidewalk-1m-cvat" -q > /dev/null
fi
du -sh "$work/sidewalk-1m-cvat/annotations.xml"
for run in 1 2 3; do
  /usr/bin/time -f "inspect (CVAT XML): %e s wall, %M KB max RSS" \
    java -Xmx512m -jar "$jar" inspect "$work/sidewalk-1m-cvat" --rules aihub.sidewalk --json --max-shown 0 -q \
    > "$work/result-cvat.json" || true
done
head -c 400 "$work/result-cvat.json"; echo
