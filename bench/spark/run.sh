#!/usr/bin/env bash
# Spark benchmarks (figures in docs/benchmarks.md, "## Spark"): the single-process CLI, then
# `trainset spark ... --master local[1]`, then local[2], alternately, 3 rounds, on
#  - inspect: the 1M-shape sidewalk set of bench/inspect (100,000 items), its one shard split into 8
#    so that Spark has 8 parts;
#  - dedup text: KoreanCorpusGenerator sentences (TextDedupBench's generator), TSV;
#  - dedup images: synthetic JPEG scenes (hashing dominates).
# Usage: [ROUNDS=3] bench/spark/run.sh [WORKDIR] [SENTENCES] [IMAGES]
#   defaults 200000 sentences and 2000 images; the issue's sizes: bench/spark/run.sh DIR 1600000 20000
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-/tmp/trainset-bench-spark}"
sentences="${2:-200000}"
images="${3:-2000}"
jar="$here/trainset-cli/target/trainset.jar"
sparkjar="$here/trainset-spark/target/trainset-spark.jar"
[[ -f "$jar" && -f "$sparkjar" ]] || (cd "$here" && mvn -q -B -pl trainset-spark -am package -DskipTests)
mkdir -p "$work"
cli=(java -Xmx3g -jar "$jar")
spark=(env TRAINSET_JAVA_OPTS=-Xmx3g "$here/trainset-spark/bin/trainset-spark")
# Wall and CPU seconds (user+sys of the JVM and its children), with the 1-minute load average.
timed() { local label="$1"; shift
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" > "$work/last.out" 2> "$work/last.err" || true
  read -r wall user sys < <(tail -1 "$work/time")
  printf '%-38s wall %7.1f s  cpu %7.1f s  (load %s)\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" \
    "$(cut -d' ' -f1 /proc/loadavg)"; }

# Data
if [[ ! -d "$work/sidewalk-1m" ]]; then
  java -cp "$jar" "$here/bench/inspect/GenerateSidewalk.java" "$work/sidewalk-1m" 100000
  items="$work/sidewalk-1m/items"
  (cd "$items" && split -n l/8 -d -a 5 --additional-suffix=.jsonl part-00000.jsonl split- && rm part-00000.jsonl \
    && for f in split-*.jsonl; do mv "$f" "part-${f#split-}"; done)
fi
if [[ ! -f "$work/text-$sentences.tsv" ]]; then
  java -cp "$jar:$here/trainset-testkit/target/trainset-testkit-0.1.0-SNAPSHOT.jar" "$here/bench/spark/GenerateText.java" "$work/text-$sentences.tsv" "$sentences"
fi
if [[ ! -d "$work/images-$images" ]]; then
  java -cp "$jar:$here/trainset-testkit/target/trainset-testkit-0.1.0-SNAPSHOT.jar" "$here/bench/spark/GenerateImages.java" "$work/images-$images" "$images" 640 480
fi

echo "nproc $(nproc); $(uptime)"
for round in $(seq 1 "${ROUNDS:-3}"); do
  echo "round $round"
  timed "inspect cli" "${cli[@]}" inspect "$work/sidewalk-1m" --rules aihub.sidewalk --json --max-shown 0 -q
  timed "inspect spark local[1]" "${spark[@]}" inspect "$work/sidewalk-1m" --rules aihub.sidewalk --json --max-shown 0 -q --master 'local[1]'
  timed "inspect spark local[2]" "${spark[@]}" inspect "$work/sidewalk-1m" --rules aihub.sidewalk --json --max-shown 0 -q --master 'local[2]'
  timed "dedup text cli" "${cli[@]}" dedup text "$work/text-$sentences.tsv" --out "$work/t-cli.tsv" --json -q
  timed "dedup text spark local[1]" "${spark[@]}" dedup text "$work/text-$sentences.tsv" --out "$work/t-s1.tsv" --json -q --master 'local[1]'
  timed "dedup text spark local[2]" "${spark[@]}" dedup text "$work/text-$sentences.tsv" --out "$work/t-s2.tsv" --json -q --master 'local[2]'
  timed "dedup images cli" "${cli[@]}" dedup images "$work/images-$images/images" --out "$work/i-cli" --json -q
  timed "dedup images spark local[1]" "${spark[@]}" dedup images "$work/images-$images/images" --out "$work/i-s1" --json -q --master 'local[1]'
  timed "dedup images spark local[2]" "${spark[@]}" dedup images "$work/images-$images/images" --out "$work/i-s2" --json -q --master 'local[2]'
  timed "stats spark local[2] (tiny: overhead)" "${spark[@]}" stats "$here/../shared/fixtures/external/datumaro/tests/assets/voc_dataset/voc_dataset1" --json -q --master 'local[2]'
  timed "stats cli (tiny)" "${cli[@]}" stats "$here/../shared/fixtures/external/datumaro/tests/assets/voc_dataset/voc_dataset1" --json -q
done
cmp "$work/t-cli.tsv" "$work/t-s2.tsv" && echo "dedup text: outputs identical"
