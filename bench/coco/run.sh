#!/usr/bin/env bash
# COCO benchmark: parse + group-by-image throughput and peak heap of trainset's coco reader on a
# synthetic instances file (>= 200 MB), against Python's json.load on the same file, in the same
# run; then a >= 1 GB file converted coco -> trainset by the CLI with -Xmx1g.
#   bench/coco/run.sh            # both parts
#   SKIP_BIG=1 bench/coco/run.sh # only the 200 MB comparison
# Sizes: IMAGES x PER_IMAGE annotations (default 100000 x 10 ≈ 330 MB), BIG_IMAGES (default 320000 ≈ 1.06 GB).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${BENCH_DIR:-/tmp/trainset-bench-coco}"
images="${IMAGES:-100000}"
per="${PER_IMAGE:-10}"
big_images="${BIG_IMAGES:-320000}"
mkdir -p "$work"
cd "$root"

echo "== building (trainset-formats test classes and the CLI jar; no mvn install)" >&2
mvn -q -B -pl trainset-formats -am test-compile
mvn -q -B -pl trainset-cli -am package -DskipTests
# This checkout's classes first, then the shaded CLI jar for the libraries (Jackson etc.).
cp="$root/trainset-core/target/classes:$root/trainset-formats/target/classes:$root/trainset-formats/target/test-classes:$root/trainset-cli/target/trainset.jar"
metrics() { grep -E "Elapsed \(wall|Maximum resident|User time|System time" "$1" | sed 's/^\s*/  /'; }
cpu() { awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$1"; }

# The reader runs with the launcher's JVM options for a batch verb (jvm.options: heap, collector
# and JIT settings), as ./trainset convert runs it; JVM_OPTIONS="" runs it on the JVM's defaults.
if [[ -n "${JVM_OPTIONS+set}" ]]; then
  read -r -a jvm <<< "$JVM_OPTIONS"
else
  mapfile -t jvm < <(env -u TRAINSET_JAVA_OPTS "$root/scripts/jvm-options" convert)
fi
F="$work/instances_train.json"
[[ -f "$F" ]] || java -cp "$cp" org.trainset.formats.coco.CocoBench generate "$F" "$images" "$per"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "file: $F ($(du -m "$F" | cut -f1) MB)"

# pycocotools' COCO() as a second peer, built under $work from a cocoapi checkout that is never
# part of this repository: PYCOCOTOOLS_SRC is a git directory of github.com/cocodataset/cocoapi
# (default: the fetch tool's mirror). Its C extension needs Debian's cython3, python3-dev and
# python3-numpy for /usr/bin/python3; matplotlib, imported by coco.py only for showAnns, is
# replaced by an empty module when it is not installed. Skipped with a message if it cannot build.
coco_src="${PYCOCOTOOLS_SRC:-/work/.mirror/cocodataset+cocoapi/repo}"
pycoco="$work/pycocotools-build"
have_pycoco=""
if [[ -d "$pycoco/PythonAPI/pycocotools" ]] && ls "$pycoco"/PythonAPI/pycocotools/_mask*.so >/dev/null 2>&1; then
  have_pycoco=1
elif [[ -d "$coco_src" ]]; then
  rm -rf "$pycoco" && mkdir -p "$pycoco"
  if git -C "$coco_src" archive HEAD PythonAPI common | tar -x -C "$pycoco" \
     && (cd "$pycoco/PythonAPI" && /usr/bin/python3 setup.py build_ext --inplace > "$work/pycocotools-build.log" 2>&1); then
    have_pycoco=1
  else
    echo "pycocotools: build failed (see $work/pycocotools-build.log; needs cython3, python3-dev, python3-numpy): skipped"
  fi
else
  echo "pycocotools: no cocoapi source at $coco_src (set PYCOCOTOOLS_SRC): skipped"
fi
pycoco_py="import sys, types
sys.path.insert(0, '$pycoco/PythonAPI')
try:
    import matplotlib
except ImportError:
    for m in ('matplotlib', 'matplotlib.pyplot', 'matplotlib.collections', 'matplotlib.patches'):
        sys.modules[m] = types.ModuleType(m)
    sys.modules['matplotlib.collections'].PatchCollection = None
    sys.modules['matplotlib.patches'].Polygon = None
from pycocotools.coco import COCO
COCO(sys.argv[1])"

# The machine is shared (other jobs come and go), so the two runs alternate ROUNDS times and the
# best (least disturbed) run of each is compared; every run is printed.
rounds="${ROUNDS:-3}"
best_java=999999; best_py=999999
for r in $(seq 1 "$rounds"); do
  echo "== round $r: trainset coco reader, plan + read every item (parse + group by image), ${jvm[*]} -Xmx1g"
  /usr/bin/time -v java "${jvm[@]}" -Xmx1g -cp "$cp" org.trainset.formats.coco.CocoBench read "$F" 2> "$work/java.time"
  metrics "$work/java.time"
  echo "== round $r: python3 json.load (same file)"
  /usr/bin/time -v /usr/bin/python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$F" 2> "$work/py.time"
  metrics "$work/py.time"
  if [[ -n "$have_pycoco" ]]; then
    echo "== round $r: pycocotools COCO() (json.load + index, same file)"
    /usr/bin/time -v /usr/bin/python3 -c "$pycoco_py" "$F" > /dev/null 2> "$work/pycoco.time"
    metrics "$work/pycoco.time"
    echo "  CPU: pycocotools $(cpu "$work/pycoco.time") s"
    c=$(grep "Elapsed (wall" "$work/pycoco.time" | awk -F': ' '{n=split($2,t,":"); print (n==3 ? t[1]*3600+t[2]*60+t[3] : t[1]*60+t[2])}')
    best_pc=$(echo "$c ${best_pc:-999999}" | awk '{print ($1 < $2 ? $1 : $2)}')
  fi
  j=$(grep "Elapsed (wall" "$work/java.time" | awk -F': ' '{n=split($2,t,":"); print (n==3 ? t[1]*3600+t[2]*60+t[3] : t[1]*60+t[2])}')
  p=$(grep "Elapsed (wall" "$work/py.time" | awk -F': ' '{n=split($2,t,":"); print (n==3 ? t[1]*3600+t[2]*60+t[3] : t[1]*60+t[2])}')
  echo "  CPU: trainset $(cpu "$work/java.time") s, python $(cpu "$work/py.time") s"
  best_java=$(echo "$j $best_java" | awk '{print ($1 < $2 ? $1 : $2)}')
  best_py=$(echo "$p $best_py" | awk '{print ($1 < $2 ? $1 : $2)}')
  echo "load now: $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "best wall: trainset ${best_java}s vs python json.load ${best_py}s -> $(echo "$best_py $best_java" | awk '{printf "%.2f", $1/$2}')x"
[[ -n "${best_pc:-}" ]] && echo "best wall: pycocotools COCO() ${best_pc}s -> trainset $(echo "$best_pc $best_java" | awk '{printf "%.2f", $1/$2}')x faster"

[[ -n "${SKIP_BIG:-}" ]] && exit 0
G="$work/big/instances_train.json"
mkdir -p "$work/big"
[[ -f "$G" ]] || java -cp "$cp" org.trainset.formats.coco.CocoBench generate "$G" "$big_images" "$per"
echo "== ./trainset convert (coco -> trainset) of $(du -m "$G" | cut -f1) MB with TRAINSET_JAVA_OPTS=-Xmx1g"
rm -rf "$work/big-out"
TRAINSET_JAVA_OPTS="-Xmx1g -Xlog:gc:file=$work/big-gc.log" \
  /usr/bin/time -v ./trainset convert "$G" --to trainset --out "$work/big-out" --quiet 2> "$work/big.time"
grep -v "^\s" "$work/big.time" || true
metrics "$work/big.time"
echo "  peak heap in use (before a GC): $(grep -o '[0-9]*M->' "$work/big-gc.log" | tr -d 'M>-' | sort -n | tail -1) MB of 1024"
du -sm "$work/big-out"
