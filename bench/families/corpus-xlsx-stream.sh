#!/usr/bin/env bash
# Streams a 200k-row aihub.corpus xlsx sample with a 128 MB heap and prints rows/s and peak heap.
# Usage: bench/families/corpus-xlsx-stream.sh [ROWS]   (run from the repository root)
set -euo pipefail
rows="${1:-200000}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mvn -q -o -pl trainset-families -am compile
mvn -q -o -pl trainset-families dependency:build-classpath -Dmdep.outputFile=/tmp/trainset-families.cp >/dev/null
cp="trainset-core/target/classes:trainset-formats/target/classes:trainset-families/target/classes:$(cat /tmp/trainset-families.cp)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java -cp "$cp" bench/families/CorpusStream.java gen "$work/corpus" "$rows"
java -Xmx128m -cp "$cp" bench/families/CorpusStream.java read "$work/corpus"
# The same with every text cell in the shared-strings table, as Excel writes release files.
java -Xmx1g -cp "$cp" bench/families/CorpusStream.java gen-sst "$work/sst" "$rows"
java -Xmx128m -cp "$cp" bench/families/CorpusStream.java read "$work/sst"
