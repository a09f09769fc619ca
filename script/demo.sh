#!/usr/bin/env bash
# `npm run demo`: install what is missing, then start everything (see script/demo.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash script/bootstrap.sh
source script/node-env.sh # the Node that the bootstrap installed, when the system one is older
[ -f script/build-panel.sh ] && bash script/build-panel.sh
exec npx tsx script/demo.ts
