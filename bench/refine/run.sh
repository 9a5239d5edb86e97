#!/usr/bin/env bash
# Refinement benchmarks (figures in docs/benchmarks.md, "## Refine"). Not part of the test suite.
# Usage: bench/refine/run.sh [text|images|mih|all]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
which="${1:-all}"
mvn -q -pl trainset-refine -am test-compile -DskipTests
mvn -q -pl trainset-refine dependency:build-classpath -Dmdep.outputFile=target/refine-bench.cp -Dmdep.includeScope=test
# Modules of this checkout first, so a stale ~/.m2 copy never wins.
cp="trainset-refine/target/test-classes:trainset-refine/target/classes:trainset-core/target/classes:trainset-formats/target/classes:$(cat trainset-refine/target/refine-bench.cp)"
run() { java -Xmx4g -Djava.awt.headless=true -cp "$cp" "$@"; }
case "$which" in
  text|all) run org.trainset.refine.bench.TextDedupBench 1600000 ;;&
  images|all) run org.trainset.refine.bench.ImageHashBench 2000 640 480 ;;&
  mih|all) run org.trainset.refine.bench.MultiIndexBench 10000000 8 20000 ;;
  *) ;;
esac
