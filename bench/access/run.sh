#!/usr/bin/env bash
# Publish: downloads. Throughput of one release file over loopback (curl as the client, the
# server's full path: access check, Range/ETag responder, grant re-check between mapped chunks,
# download record) against `cat FILE > /dev/null` of the same file and against the physical
# ceiling (a bare sendfile(2) server, SendfileServer in the test sources, to the same curl), run
# alternately, all from the page cache; wall and CPU time (client from /usr/bin/time, server from
# the JVM). Then 20 concurrent downloads from each server. Runs trainset-server's
# DownloadBenchmark (SQLite, in-process server).
#
# usage: bench/access/run.sh [FILE_MB] [CONCURRENT_FILE_MB] [ROUNDS]      (defaults: 2048, 512, 3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
command -v curl >/dev/null && [ -x /usr/bin/time ] || { echo "needs curl and /usr/bin/time (Debian: curl time)" >&2; exit 2; }
mvn -q -B -o -Dtrainset.shared="$here/../shared" -pl trainset-server -am verify -DskipTests=false \
  -Dtest=DownloadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.mb="${1:-2048}" -Dbench.concurrentMb="${2:-512}" -Dbench.rounds="${3:-3}" 2>&1 | grep '^BENCH' || {
  echo "benchmark failed; see trainset-server/target/surefire-reports" >&2; exit 1; }
