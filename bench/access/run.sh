#!/usr/bin/env bash
# Publish: downloads. Throughput of one release file over loopback (curl as the client, the
# server's full path: access check, Range/ETag responder, grant re-check between chunks, download
# record) against `cat FILE > /dev/null` of the same file, both from the page cache; then 20
# concurrent downloads. Runs trainset-server's DownloadBenchmark (SQLite, in-process server).
#
# usage: bench/access/run.sh [FILE_MB] [CONCURRENT_FILE_MB]      (defaults: 2048, 512)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
mvn -q -B -o -Dtrainset.shared="$here/../shared" -pl trainset-server -am verify -DskipTests=false \
  -Dtest=DownloadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.mb="${1:-2048}" -Dbench.concurrentMb="${2:-512}" 2>&1 | grep '^BENCH' || {
  echo "benchmark failed; see trainset-server/target/surefire-reports" >&2; exit 1; }
