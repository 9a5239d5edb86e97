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

repeat="${BENCH_REPEAT:-3}"
report() { # name, seconds...
  local name="$1"; shift
  python3 - "$name" "$mb" "$@" <<'PY'
import sys
name, mb, times = sys.argv[1], float(sys.argv[2]), sorted(float(t) for t in sys.argv[3:])
print(f"{name}: best {times[0]:.2f} s ({mb/times[0]:.1f} MB/s), median {times[len(times)//2]:.2f} s; runs " + ", ".join(f"{t:.2f}" for t in times))
PY
}

run_java() { # verb: runs it $repeat times
  local log="$work/gc-$1.log" t0 t1 rc=0 times=() cpu=() u s rss
  for ((i = 0; i < repeat; i++)); do
    t0=$(now)
    /usr/bin/time -f "%U %S %M" -o "$work/time-$1" \
      java -Xmx"$heap" -Xlog:gc:file="$log" -jar "$jar" "$1" "$xml" --json > "$work/$1.json" || rc=$?
    t1=$(now)
    times+=("$(python3 -c "print($t1-$t0)")")
    read -r u s rss < "$work/time-$1"
    cpu+=("$(python3 -c "print($u+$s)")")
  done
  report "trainset $1 (exit $rc, peak heap $(peak_heap "$log") MB, max RSS $((rss / 1024)) MB)" "${times[@]}"
  echo "  CPU (user+sys) per run: ${cpu[*]} s"
  head -c 300 "$work/$1.json"; echo
}

run_java stats
run_java validate
times=()
pycpu=()
for ((i = 0; i < repeat; i++)); do
  t0=$(now)
  out=$(/usr/bin/time -f "%U %S" -o "$work/time-py" /usr/bin/python3 "$here/bench/cvat/baseline.py" "$xml")
  t1=$(now)
  times+=("$(python3 -c "print($t1-$t0)")")
  read -r u s < "$work/time-py"
  pycpu+=("$(python3 -c "print($u+$s)")")
done
report "python iterparse, count only ($out)" "${times[@]}"
echo "  CPU (user+sys) per run: ${pycpu[*]} s"

# Bounded memory: the same validate with a 64 MB heap (items stream; nothing grows with the file).
t0=$(now)
rc=0
java -Xmx64m -jar "$jar" validate "$xml" --json > "$work/validate-64m.json" || rc=$?
t1=$(now)
echo "trainset validate -Xmx64m: exit $rc, $(python3 -c "print(f'{$t1-$t0:.2f}')") s"
