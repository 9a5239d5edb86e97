#!/usr/bin/env bash
# Review: quality dashboard. Builds a project of ITEMS items (default 100,000) by WORKERS annotators
# (default 50) through the review services (lots of 1,000, three stages, a verdict for every drawn
# item, issues), then times GET /api/projects/{id}/quality as JSON and as CSV through the real
# server (p50/p95 over RUNS requests each) on SQLite and PostgreSQL. Runs trainset-server's
# QualityDashboardBenchmark; PostgreSQL needs TRAINSET_TEST_POSTGRES (scripts/start-test-postgres),
# else set SQLITE_ONLY=1. CPU time of the whole run is printed by /usr/bin/time when present.
#
# usage: bench/review/run.sh [ITEMS] [WORKERS] [RUNS]      (defaults: 100000, 50, 20)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
timer=()
[ -x /usr/bin/time ] && timer=(/usr/bin/time -f 'cpu user %Us sys %Ss wall %es maxrss %MkB')
"${timer[@]}" mvn -q -B -o -Dtrainset.shared="$here/../shared" -pl trainset-server -am verify \
  -Dtest=QualityDashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dtrainset.bench=true \
  -Dbench.items="${1:-100000}" -Dbench.workers="${2:-50}" -Dbench.runs="${3:-20}" \
  -Dbench.sqliteOnly="${SQLITE_ONLY:+true}" 2>&1 | grep -E '^BENCH|^cpu ' || {
  echo "benchmark failed; see trainset-server/target/surefire-reports" >&2; exit 1; }
