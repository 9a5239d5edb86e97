#!/usr/bin/env bash
# Server benchmarks, on SQLite and on PostgreSQL in one run (alternately):
#  1. import of the 1M-shape CVAT file (bench/cvat/generate.py) from a server-side path:
#     wall time of the operation (server clock) and the server's peak heap (GC log);
#  2. 100 concurrent annotators (bench/server/AnnotatorLoad.java, loopback, bounded loops and
#     time) loading and saving items; p50/p99 latency, errors, and every saved version verified.
# No peer runs here: CVAT needs Docker and its own PostgreSQL, Label Studio Python packages that
# are not in Debian; the figures are trainset's own, with the load average.
#
# usage: bench/server/run.sh [SHAPES] [WORKDIR]        (defaults: 1000000, /tmp/trainset-bench-server)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shapes="${1:-1000000}"
work="${2:-/tmp/trainset-bench-server}"
heap="${BENCH_XMX:-1g}"
clients="${BENCH_CLIENTS:-100}"
loops="${BENCH_LOOPS:-30}"
mkdir -p "$work"
jar="$here/trainset-cli/target/trainset.jar"
[[ -f "$jar" && -z "${BENCH_REBUILD:-}" ]] || (cd "$here" && mvn -q -B -DskipTests package)
big="$work/cvat-$shapes"
[[ -f "$big/annotations.xml" ]] || { mkdir -p "$big"; /usr/bin/python3 "$here/bench/cvat/generate.py" "$big/annotations.xml" "$shapes"; }
small="$work/cvat-load"
[[ -f "$small/annotations.xml" ]] || { mkdir -p "$small"; /usr/bin/python3 "$here/bench/cvat/generate.py" "$small/annotations.xml" 2000 4; }
pg="$("$here/scripts/start-test-postgres")"
password="bench-password-1"
echo "file: $big/annotations.xml ($(du -m "$big/annotations.xml" | cut -f1) MB, $shapes shapes); $(nproc) cores; server -Xmx$heap; load average $(cut -d' ' -f1-3 /proc/loadavg)"

json() { /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
peak_heap() { grep -oE '[0-9]+M->[0-9]+M' "$1" | sed 's/M->.*//' | sort -n | tail -1 || true; }

for db in sqlite postgresql; do
  data="$work/data-$db"
  rm -rf "$data"
  dburl=()
  if [[ $db == postgresql ]]; then
    runuser -u postgres -- psql -q -d trainset_test -c "DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench AUTHORIZATION trainset_test" >/dev/null
    dburl=(--db "$pg&currentSchema=bench")
  fi
  echo "$password" | java -jar "$jar" users add bench-admin --role admin --org bench --password-stdin --data "$data" "${dburl[@]}" >/dev/null
  for i in 1 2 3 4; do
    echo "$password" | java -jar "$jar" users add "bench-annotator$i" --role annotator --org bench --password-stdin --data "$data" "${dburl[@]}" >/dev/null
  done
  java "-Xmx$heap" -Xlog:gc:file="$work/gc-$db.log" -jar "$jar" serve --data "$data" --port 0 "${dburl[@]}" > "$work/serve-$db.out" 2> "$work/serve-$db.err" &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do grep -q "serving on" "$work/serve-$db.out" 2>/dev/null && break; sleep 1; done
  url=$(grep -oE 'http://127.0.0.1:[0-9]+' "$work/serve-$db.out" | head -1)
  token() { # user -> personal access token
    local jar_cookie="$work/cookie-$1"
    local csrf
    csrf=$(curl -sf -c "$jar_cookie" -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$password\"}" "$url/api/auth/login" | json 'd["csrfToken"]')
    curl -sf -b "$jar_cookie" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" -d '{"name":"bench"}' "$url/api/tokens" | json 'd["token"]'
  }
  admin=$(token bench-admin)
  : > "$work/tokens-$db"
  for i in 1 2 3 4; do token "bench-annotator$i" >> "$work/tokens-$db"; done
  call() { curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' "$@"; }
  await() { # operation id -> final JSON
    while :; do
      local op; op=$(call "$url/api/operations/$1")
      case "$(echo "$op" | json 'd["state"]')" in done|failed|cancelled) echo "$op"; return;; esac
      sleep 0.5
    done
  }

  project=$(call -d '{"name":"big"}' "$url/api/projects" | json 'd["id"]')
  op=$(call -d "{\"path\":\"$big\"}" "$url/api/projects/$project/imports" | json 'd["operationId"]')
  result=$(await "$op")
  secs=$(echo "$result" | json '(d["updatedAt"]-d["createdAt"])/1000')
  echo "[$db] import: $(echo "$result" | json 'd["state"]'), $(echo "$result" | json 'd["result"]["items"] if d["result"] else d["error"]') items, $(echo "$result" | json 'd["result"]["annotations"] if d["result"] else 0') shapes in ${secs} s; server peak heap $(peak_heap "$work/gc-$db.log") MB; load $(cut -d' ' -f1 /proc/loadavg)"

  project=$(call -d '{"name":"load"}' "$url/api/projects" | json 'd["id"]')
  await "$(call -d "{\"path\":\"$small\"}" "$url/api/projects/$project/imports" | json 'd["operationId"]')" >/dev/null
  echo "[$db] annotators: $(java -cp "$jar" "$here/bench/server/AnnotatorLoad.java" "$url" "$project" "$work/tokens-$db" "$clients" "$loops" 120 | tr '\n' ' '); load $(cut -d' ' -f1 /proc/loadavg)"
  kill "$server"; wait "$server" 2>/dev/null || true
  trap - EXIT
done
