#!/usr/bin/env bash
# Generates larger samples of the sidewalk, x-ray, objects, motion and multimodal families and
# times `trainset stats` (a full streaming read: CVAT/COCO/VOC delegation, mask decoding, depth
# confidence ratios) on each, in a bounded heap.
# Usage: bench/families2/read-samples.sh [WORKDIR]   (default: a temp folder, removed afterwards)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
export TRAINSET_JAVA_OPTS="${TRAINSET_JAVA_OPTS:--Xmx256m}"
run() { # family items
  local dir="$work/$1"
  rm -rf "$dir"
  local t0=$(date +%s.%N)
  "$here/trainset" sample "$1" --out "$dir" --items "$2" --seed 1 >/dev/null
  local t1=$(date +%s.%N)
  "$here/trainset" stats "$dir" --json > "$work/$1.stats.json"
  local t2=$(date +%s.%N)
  printf '%-18s items %5d  sample %6.1f s  stats %6.1f s  (%s)\n' "$1" "$2" "$(echo "$t1 - $t0" | bc)" \
    "$(echo "$t2 - $t1" | bc)" "$(du -sh "$dir" | cut -f1)"
}
run aihub.sidewalk "${SIDEWALK_ITEMS:-120}"
run aihub.xray "${XRAY_ITEMS:-300}"
run aihub.objects "${OBJECTS_ITEMS:-300}"
run aihub.motion "${MOTION_ITEMS:-400}"
run aihub.multimodal "${MULTIMODAL_ITEMS:-150}"
[[ $# -ge 1 ]] || rm -rf "$work"
