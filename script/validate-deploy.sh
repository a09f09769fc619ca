#!/usr/bin/env bash
# npm run validate:deploy: builds the validators if needed (Go module proxy) and checks deploy/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash script/bootstrap.sh
exec npx vitest run tests/deploy
