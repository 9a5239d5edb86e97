#!/usr/bin/env bash
# DICOM de-identification throughput: `trainset deid dicom` (PS3.15 Basic Profile, ~430 rules,
# recursive, UID remapping, logs) against `gdcmanon --dumb` (libgdcm-tools) doing a handful of
# tag edits on the same files, in one run. Usage: bench/dicom/run.sh [PATIENTS] (default 250 →
# 1000 mammography DICOM files). Prints one Markdown table row per tool.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
patients=${1:-250}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$here/trainset" sample aihub.medical --out "$work/sample" --items $((patients * 8)) --seed 1 -q >/dev/null
in="$work/sample/mammography"
files=$(find "$in" -name '*.dcm' | wc -l)
bytes=$(find "$in" -name '*.dcm' -printf '%s\n' | awk '{s+=$1} END {print s}')
mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}')
row() { # tool seconds
  awk -v t="$1" -v s="$2" -v f="$files" -v b="$bytes" 'BEGIN {printf "| %s | %d | %.1f | %.2f | %.0f | %.1f |\n", t, f, b/1e6, s, f/s, b/1e6/s}'
}
time_it() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN {print e - s}'; }
echo "input: $files files, $mb MB ($(nproc) cores)" >&2
echo "| tool | files | MB | seconds | files/s | MB/s |"
echo "|---|---|---|---|---|---|"
t=$(time_it "$here/trainset" deid dicom "$in" --out "$work/out-trainset" --key bench -q)
row "trainset deid dicom (basic, JVM start included)" "$t"
mkdir -p "$work/out-gdcm"
t=$(time_it gdcmanon --dumb -r --continue -i "$in" -o "$work/out-gdcm" \
  --empty 10,10 --empty 10,20 --replace 10,30=19000101 --remove 8,80 --remove 8,90)
row "gdcmanon --dumb (5 tag edits)" "$t"
