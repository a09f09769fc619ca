#!/usr/bin/env bash
# Builds the operator panel's front end (src/panel/web -> dist/panel) with Vite, and the citizen
# simulator page's script (bots/simulator/web/simulator.ts -> dist/panel/simulator/simulator.js)
# with esbuild, only when needed: when dist/panel is missing or older than any of their sources
# (src/panel/web, bots/simulator, the domain modules and texts they import, package-lock.json). Otherwise it
# is a fast no-op. Safe to run from several processes at
# once: a lock serialises builds and the new build replaces the old one in one rename.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=dist/panel
STAMP="$OUT/index.html"
SOURCES=(src/panel/web bots/simulator/web bots/simulator/simulator.schema.ts src/domain src/texts src/panel/panel-labels.ts package-lock.json)

needs_build() {
  [[ ! -f "$STAMP" ]] && return 0
  [[ -n "$(find "${SOURCES[@]}" -type f -newer "$STAMP" -print -quit 2>/dev/null)" ]]
}

needs_build || exit 0

mkdir -p dist
exec 9>dist/.build-panel.lock
flock 9
needs_build || exit 0 # another process built it while we waited

echo "[build-panel] building the operator panel into $OUT" >&2
tmp="dist/.panel-build-$$"
trap 'rm -rf "$tmp"' EXIT
# NODE_ENV=production whatever the caller has (vitest runs with NODE_ENV=test): otherwise React
# would be bundled in its development build.
NODE_ENV=production npx --no-install vite build --config src/panel/web/vite.config.ts --outDir "$PWD/$tmp" --emptyOutDir --logLevel warn >&2
# The simulator page is a plain script (no framework): one esbuild bundle, served by bots/simulator.
npx --no-install esbuild bots/simulator/web/simulator.ts --bundle --format=iife --target=es2020 --minify \
  --outfile="$PWD/$tmp/simulator/simulator.js" --log-level=warning >&2
rm -rf "$OUT.old"
[[ -d "$OUT" ]] && mv "$OUT" "$OUT.old"
mv "$tmp" "$OUT"
rm -rf "$OUT.old"
echo "[build-panel] done" >&2
