#!/usr/bin/env bash
# Contract tests: the reference server's answers checked against public/openapi.yaml, first one
# request of each kind that matters (check_answers.py), then schemathesis generating requests
# from the document (bounded: 30 examples per operation, fixed seed, 5 minutes at most).
# Needs .venv with schemathesis (.ci/setup installs it).
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
run_dir="$target_dir/contract"
rm -rf "$run_dir"
mkdir -p "$run_dir"

cargo build -p astana-hub-server --bin astana-hub-server
"$target_dir/debug/astana-hub-server" --port 0 --db "$run_dir/contract.sqlite3" \
  --today 2026-03-02 --status-per-reference 5 --quiet >"$run_dir/server.out" &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q "^listening on " "$run_dir/server.out" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { echo "the server stopped" >&2; exit 1; }
  sleep 0.1
done
url="$(sed -n 's/^listening on //p' "$run_dir/server.out")"
echo "server at $url"

.venv/bin/python server/tests/contract/check_answers.py "$url" public/openapi.yaml server/src/samples.json

# Schema-valid data is mostly refused by the rules (check digits, dates, the catalogue), which
# the schema cannot express: positive_data_acceptance does not apply.
(cd "$run_dir" && timeout 300 "$root/.venv/bin/schemathesis" run "$root/public/openapi.yaml" --url "$url" \
  --checks all --exclude-checks positive_data_acceptance \
  --max-examples 30 --seed 1 --request-timeout 5 \
  --generation-database none --no-color --warnings off)
