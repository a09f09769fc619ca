#!/usr/bin/env bash
# `npm run demo`: install what is missing, then start everything (see script/demo.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash script/bootstrap.sh
exec npx tsx script/demo.ts
