#!/usr/bin/env bash
# Refinement benchmarks (figures in docs/benchmarks.md, "## Refine"). Not part of the test suite.
# Usage: bench/refine/run.sh [text|images|mih|peer|all]   (from the repository root)
#   peer: `trainset dedup images` (the whole command, -Xmx256m: hashing, pairs, the rewritten dataset
#   and the HTML page; then with --report-only, hashing and pairs like the peer) against the imagehash library on
#   2 processes (bench/refine/imagehash_peer.py), alternating, ROUNDS (3) times, on 2,000 generated
#   640x480 JPEGs with planted copies; then both sides' recall (bench/refine/score.py). Needs
#   python3-pil, python3-numpy, python3-scipy, python3-pywt (Debian) and the imagehash package:
#   IMAGEHASH_SRC=DIR puts DIR on PYTHONPATH (a checkout of github.com/JohannesBuchner/imagehash;
#   Debian 12 does not package it).
set -euo pipefail
cd "$(dirname "$0")/../.."
which="${1:-all}"
mvn -q -pl trainset-refine -am test-compile -DskipTests
mvn -q -pl trainset-cli -am package -DskipTests # the shaded jar carries the libraries (no mvn install)
# Modules of this checkout first, then the jar for Jackson, OpenCV etc.
cp="trainset-refine/target/test-classes:trainset-testkit/target/classes:trainset-refine/target/classes:trainset-core/target/classes:trainset-formats/target/classes:trainset-cli/target/trainset.jar"
run() { java -Xmx4g -Djava.awt.headless=true -cp "$cp" "$@"; }
case "$which" in
  text|all) run org.trainset.refine.bench.TextDedupBench 1600000 ;;&
  images|all) run org.trainset.refine.bench.ImageHashBench 2000 640 480 ;;&
  mih|all) run org.trainset.refine.bench.MultiIndexBench 10000000 8 20000 ;;&
  peer|all)
    work="${BENCH_DIR:-/tmp/trainset-bench-dedup}"
    [[ -f "$work/planted.csv" ]] || run org.trainset.refine.bench.DedupCorpus "$work" 2000 640 480
    ${TRAINSET:-./trainset} --version >/dev/null # builds the jar outside the timed runs (TRAINSET: another launcher)
    export PYTHONPATH="${IMAGEHASH_SRC:-}${PYTHONPATH:+:$PYTHONPATH}"
    echo "machine: $(nproc) cores; load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    for r in $(seq 1 "${ROUNDS:-3}"); do
      rm -rf "$work/out"
      /usr/bin/time -f "round $r trainset:  wall %e s, CPU %U+%S s, max RSS %M KB" \
        env TRAINSET_JAVA_OPTS=-Xmx256m ${TRAINSET:-./trainset} dedup images "$work/media" --out "$work/out" -q >/dev/null
      # like for like: hashing and pairs only, as the peer (no dataset rewritten, no page drawn)
      rm -f "$work/report.json"
      /usr/bin/time -f "round $r trainset --report-only: wall %e s, CPU %U+%S s, max RSS %M KB" \
        env TRAINSET_JAVA_OPTS=-Xmx256m ${TRAINSET:-./trainset} dedup images "$work/media" --report-only --report "$work/report.json" -q >/dev/null
      /usr/bin/time -f "round $r imagehash: wall %e s, CPU %U+%S s, max RSS %M KB (largest process)" \
        /usr/bin/python3 bench/refine/imagehash_peer.py "$work/media" "$work/peer.json" 2 >/dev/null
      echo "  load: $(cut -d' ' -f1-3 /proc/loadavg)"
    done
    /usr/bin/python3 bench/refine/score.py "$work/planted.csv" "$work/out/dedup.json" "$work/peer.json"
    echo "--report-only:"
    /usr/bin/python3 bench/refine/score.py "$work/planted.csv" "$work/report.json" "$work/peer.json" ;;
  *) ;;
esac
