#!/usr/bin/env bash
# The first load's size budget: compresses each file a visitor downloads before the portal is
# usable with brotli -q 11 (what a static host can serve), prints the figures and fails above
# the budget below. A Kazakh or Russian reader also downloads that language's texts (texts/kk.json,
# texts/ru.json) before the page is usable: each is printed, and the largest counts.
# The journeys' code and texts are not in the first load: they are fetched on a journey's
# first page (src/ui/lazy.rs). What that costs is printed too: the journey's module and every
# chunk it shares with others, as journey-files.js lists them, one by one and in their pack,
# and each journey's texts.
# Run after the release build: tests/budget/size.sh [dist]
set -euo pipefail
dist="${1:-dist}"
# The aim is 150 KB; the gate, at 160 KB, leaves room for the compressor's and the toolchain's
# drift without letting the first load grow back.
budget=160000 # bytes, brotli

# The build names files by their content (.ci/name-files.mjs): each is found by its name's stem.
cd "$dist"
first_load=(index.html assets/boot.*.js assets/main.*.css assets/astana-hub-portal.*.js
  assets/__wasm_split.*.js assets/snippets/*/*.js assets/astana-hub-portal_bg.*.wasm assets/favicon.*.svg config.json)
languages=(assets/texts/kk.*.json assets/texts/ru.*.json)
total=0
# Prints a file's line and sets $compressed.
measure() {
  local raw
  raw=$(wc -c <"$1")
  compressed=$(brotli -c -q 11 "$1" | wc -c)
  printf '%-46s %10d %10d\n' "$1" "$raw" "$compressed"
}
printf '%-46s %10s %10s\n' "file" "raw" "brotli"
for name in "${first_load[@]}"; do
  if [ ! -f "$name" ]; then
    echo "size budget: FAILED, $dist/$name is missing (the build writes it)" >&2
    exit 1
  fi
  measure "$name"
  total=$((total + compressed))
done
largest=0
for name in "${languages[@]}"; do
  if [ ! -f "$name" ]; then
    echo "size budget: FAILED, $dist/$name is missing (the build writes it)" >&2
    exit 1
  fi
  measure "$name"
  [ "$compressed" -le "$largest" ] || largest=$compressed
done
printf '%-46s %10s %10d\n' "largest language file" "" "$largest"
total=$((total + largest))
printf '%-46s %10s %10d  (budget %d)\n' "first load, total" "" "$total" "$budget"

echo
printf '%-46s %10s %10s %10s %10s\n' "journey's page: code, English texts" "modules" "one by one" "packed" "texts"
# journey-files.js (written by .ci/journey-files.mjs) lists each page's modules; a line each
# here: the modules compressed one by one, as a page opened from another fetches them (with
# journey-files.js, which boot.js fetches when a service worker serves the page), and its pack,
# as a first visit to the page's address fetches it. Its texts are those every journey shows
# (common) and its journey's own (src/i18n/journeys.toml).
journeys=$(node --input-type=module -e "
  const { default: pages } = await import('$(realpath assets/journey-files.*.js)');
  for (const [journey, files] of Object.entries(pages)) console.log(journey, ...files);
")
list_bytes=$(brotli -c -q 11 assets/journey-files.*.js | wc -c)
while read -r journey files; do
  bytes=$list_bytes
  count=0
  for name in $files; do
    bytes=$((bytes + $(brotli -c -q 11 "assets/$name" | wc -c)))
    count=$((count + 1))
  done
  packed=$(brotli -c -q 11 assets/pack_"$journey".*.wasm | wc -c)
  texts=0
  for name in assets/texts/journeys/{common,"${journey%_steps}"}/en.*.json; do
    [ -f "$name" ] && texts=$((texts + $(brotli -c -q 11 "$name" | wc -c)))
  done
  printf '%-46s %10d %10d %10d %10d\n' "$journey" "$count" "$bytes" "$packed" "$texts"
done <<<"$journeys"
# The texts files, each language's (src/i18n/journeys.toml).
for name in assets/texts/journeys/*/{en,kk,ru}.*.json; do
  measure "$name"
done
echo
if [ "$total" -gt "$budget" ]; then
  echo "size budget: FAILED, the first load is $total bytes, $((total - budget)) over the budget of $budget" >&2
  exit 1
fi
echo "size budget: ok, the first load is $total bytes, $((budget - total)) under the budget of $budget"
