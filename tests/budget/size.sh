#!/usr/bin/env bash
# The first load's size budget: compresses each file a visitor downloads before the portal is
# usable with brotli -q 11 (what a static host can serve), prints the figures and fails when the
# total is over the budget. Run after the release build: tests/budget/size.sh [dist]
set -euo pipefail
dist="${1:-dist}"
budget=200000 # bytes, brotli

first_load=(index.html boot.js main.css astana-hub-portal.js astana-hub-portal_bg.wasm favicon.svg config.json)
total=0
printf '%-30s %10s %10s\n' "file" "raw" "brotli"
for name in "${first_load[@]}"; do
  file="$dist/$name"
  [ -f "$file" ] || continue
  raw=$(wc -c <"$file")
  compressed=$(brotli -c -q 11 "$file" | wc -c)
  total=$((total + compressed))
  printf '%-30s %10d %10d\n' "$name" "$raw" "$compressed"
done
printf '%-30s %10s %10d  (budget %d)\n' "first load, total" "" "$total" "$budget"
if [ "$total" -gt "$budget" ]; then
  echo "size budget: FAILED, $total bytes is over $budget" >&2
  exit 1
fi
echo "size budget: ok, $((budget - total)) bytes to spare"
