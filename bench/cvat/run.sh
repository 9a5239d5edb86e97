#!/usr/bin/env bash
# CVAT benchmark: `trainset stats` and `trainset validate` on a generated CVAT XML with
# >= 1M shapes (boxes and polygons over 100k images), against Python's iterparse on the same
# file in the same run. Prints wall time, MB/s and peak heap (from the GC log).
#
# usage: bench/cvat/run.sh [SHAPES] [WORKDIR]       (defaults: 1000000, /tmp/trainset-bench-cvat)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shapes="${1:-1000000}"
work="${2:-/tmp/trainset-bench-cvat}"
heap="${BENCH_XMX:-512m}"
mkdir -p "$work"
xml="$work/cvat-$shapes.xml"

(cd "$here" && mvn -q -B -DskipTests package)
jar="$here/trainset-cli/target/trainset.jar"
[[ -f "$xml" ]] || /usr/bin/python3 "$here/bench/cvat/generate.py" "$xml" "$shapes"
mb=$(python3 -c "import os,sys; print(f'{os.path.getsize(sys.argv[1])/1e6:.1f}')" "$xml")
echo "file: $xml ($mb MB, $shapes shapes); java $(java -version 2>&1 | head -1); $(nproc) cores; -Xmx$heap"

now() { date +%s.%N; }
peak_heap() { # largest heap-before-GC in the log, in MB
  grep -oE '[0-9]+M->[0-9]+M' "$1" | sed 's/M->.*//' | sort -n | tail -1 || true
}

run_java() { # verb
  local log="$work/gc-$1.log" t0 t1 rc=0
  t0=$(now)
  java -Xmx"$heap" -Xlog:gc:file="$log" -jar "$jar" "$1" "$xml" --json > "$work/$1.json" || rc=$?
  t1=$(now)
  local secs; secs=$(python3 -c "print(f'{$t1-$t0:.2f}')")
  echo "trainset $1: ${secs} s, $(python3 -c "print(f'{$mb/($t1-$t0):.1f}')") MB/s, peak heap $(peak_heap "$log") MB, exit $rc"
  head -c 300 "$work/$1.json"; echo
}

run_java stats
run_java validate
t0=$(now)
out=$(/usr/bin/python3 "$here/bench/cvat/baseline.py" "$xml")
t1=$(now)
echo "python iterparse (count only): $(python3 -c "print(f'{$t1-$t0:.2f}')") s, $(python3 -c "print(f'{$mb/($t1-$t0):.1f}')") MB/s -> $out"
