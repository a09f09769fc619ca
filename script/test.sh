#!/usr/bin/env bash
# `npm test`: install what is missing, then run the whole suite. The vitest global setup starts a
# throw-away redis-server and the embedded MongoDB-wire server unless REDIS_URL / MONGODB_URI are set.
# Besides vitest's summary, a JSON report is written to test-artifacts/vitest.json.
set -euo pipefail
cd "$(dirname "$0")/.."
bash script/bootstrap.sh --with-chromium
source script/node-env.sh # the Node that the bootstrap installed, when the system one is older
mkdir -p test-artifacts
[ -f script/build-panel.sh ] && bash script/build-panel.sh
exec npx vitest run --reporter=default --reporter=json --outputFile.json=test-artifacts/vitest.json "$@"
