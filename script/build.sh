#!/usr/bin/env bash
# `npm run build`: the operator panel (Vite, dist/panel) and the server (esbuild, dist/server).
# `npm start` then runs dist/server/main.js with plain node; see docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source script/node-env.sh
bash script/build-panel.sh
node script/build-server.mjs
