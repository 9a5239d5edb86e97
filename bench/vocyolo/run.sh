#!/usr/bin/env bash
# VOC and YOLO read/convert throughput on synthetic datasets (not part of the test suite).
# Usage: bench/vocyolo/run.sh [ITEMS]   (default 20000 images, 5 objects each)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-20000}"
work="$(mktemp -d /tmp/trainset-bench-vocyolo.XXXXXX)"
trap 'rm -rf "$work"' EXIT
jpg="$here/../shared/fixtures/external/cvat-ai-datumaro/tests/assets/yolo_dataset/yolov8_detection/images/train/1.jpg"
python3 - "$work/voc" "$n" "$jpg" <<'PY'
import os, random, shutil, sys
root, n, jpg = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(f"{root}/Annotations"); os.makedirs(f"{root}/JPEGImages"); os.makedirs(f"{root}/ImageSets/Main")
rnd = random.Random(1)
labels = ["car", "person", "bus", "dog", "cat"]
with open(f"{root}/ImageSets/Main/train.txt", "w") as subset:
    for i in range(n):
        iid = f"{i:07d}"
        subset.write(iid + "\n")
        objs = []
        for _ in range(5):
            x, y = rnd.randint(0, 10), rnd.randint(0, 6)
            objs.append(f"<object><name>{rnd.choice(labels)}</name><truncated>0</truncated><difficult>0</difficult>"
                        f"<bndbox><xmin>{x}</xmin><ymin>{y}</ymin><xmax>{x+4}</xmax><ymax>{y+3}</ymax></bndbox></object>")
        with open(f"{root}/Annotations/{iid}.xml", "w") as f:
            f.write(f"<annotation><filename>{iid}.jpg</filename><size><width>15</width><height>10</height>"
                    f"<depth>3</depth></size>{''.join(objs)}</annotation>\n")
        shutil.copyfile(jpg, f"{root}/JPEGImages/{iid}.jpg")
PY
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); python3 -c "print(f'{$e-$s:.1f}')"; }
"$here/trainset" formats >/dev/null   # build once outside the timings
echo "items: $n (x5 boxes), machine: $(nproc) cores"
echo "voc stats:           $(t "$here/trainset" stats "$work/voc" --json) s"
echo "voc -> yolo convert: $(t "$here/trainset" convert "$work/voc" --to yolo --out "$work/yolo") s"
echo "yolo stats:          $(t "$here/trainset" stats "$work/yolo" --json) s"
echo "yolo -> voc convert: $(t "$here/trainset" convert "$work/yolo" --to voc --out "$work/voc2") s"
