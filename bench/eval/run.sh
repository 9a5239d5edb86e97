#!/usr/bin/env bash
# Benchmark: `trainset eval detect` (bbox) on the golden bbox_random_large case and on a
# COCO-val-sized synthetic case. Usage: bench/eval/run.sh [workdir]
# TRAINSET can name another launcher (e.g. "java -cp CLASSPATH org.trainset.cli.Main").
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
/usr/bin/python3 "$here/bench/eval/gen_coco_bbox.py" "$work"
golden="$here/../shared/fixtures/golden/coco-eval/bbox_random_large"
for case in "$golden" "$work"; do
  for run in 1 2 3; do
    /usr/bin/time -f "%e s wall, %M KB max RSS" ${TRAINSET:-"$here/trainset"} eval detect -q --json \
      --truth "$case/gt.json" --pred "$case/dt.json" > /dev/null
  done
done
