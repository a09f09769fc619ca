#!/usr/bin/env bash
# Installs whatever is missing for the demo and the tests, and nothing that is already there:
#   - Node (the version in .nvmrc) into .node/, when the system Node is older (script/install-node.sh)
#   - npm packages (npm ci when node_modules is missing or older than package-lock.json)
#   - redis-server (Debian package), unless REDIS_URL is set
#   - the embedded MongoDB-wire server (SecantusDB, pinned, in .venv-db), unless MONGODB_URI is set
#   - Debian's Chromium, when called with --with-chromium (end-to-end tests, whatsapp-web.js)
# Only the package registries are needed: no browser or binary download from elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."

SECANTUS_VERSION="0.6.0b17" # the last release that ships the native (Rust) server secantusd-rs
with_chromium=false
[[ "${1:-}" == "--with-chromium" ]] && with_chromium=true

say() { echo "[bootstrap] $*" >&2; }

apt_updated=false
apt_install() {
  if ! command -v apt-get >/dev/null; then say "cannot install $* (no apt-get): install it yourself"; exit 1; fi
  local sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  if ! $apt_updated; then $sudo apt-get update -qq >/dev/null; apt_updated=true; fi
  say "installing $* (Debian)"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# Node, then npm packages installed by (and for) that Node
bash script/install-node.sh
source script/node-env.sh
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "installing npm packages"
  # (package.json's postinstall links the project's Node into node_modules/.bin again)
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >&2
fi

# Redis
if [[ -z "${REDIS_URL:-}" ]] && ! command -v redis-server >/dev/null; then
  apt_install redis-server
fi

# MongoDB-wire server
if [[ -z "${MONGODB_URI:-}" && ! -x .venv-db/bin/secantusd-rs ]]; then
  say "installing SecantusDB $SECANTUS_VERSION into .venv-db"
  python3 -m venv .venv-db
  .venv-db/bin/pip install --quiet --disable-pip-version-check "secantusdb==$SECANTUS_VERSION" >&2
fi

# Validators of deploy/ (tests/deploy, npm run validate:deploy), from the Go module proxy, cached in
# .tools/bin: kubeconform, and deploy/validate (compose-go, Prometheus' rule parser). Without Go
# the deploy tests say what is missing and are skipped.
KUBECONFORM_VERSION="v0.8.0"
if command -v go >/dev/null; then
  mkdir -p .tools/bin
  if [[ ! -x .tools/bin/kubeconform ]]; then
    say "building kubeconform $KUBECONFORM_VERSION (Go module proxy)"
    GOBIN="$PWD/.tools/bin" go install -buildvcs=false "github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION" >&2
  fi
  if [[ ! -x .tools/bin/deploy-validate || -n "$(find deploy/validate -newer .tools/bin/deploy-validate -print -quit)" ]]; then
    say "building deploy/validate (compose-go, Prometheus rules)"
    (cd deploy/validate && go build -buildvcs=false -o ../../.tools/bin/deploy-validate .) >&2
  fi
  # The Kubernetes OpenAPI document kubeconform's schemas are made from (KUBERNETES_VERSION in
  # script/deploy-checks.ts); Go's module cache keeps it.
  if [[ ! -d .tools/kubernetes-schemas/v1.35.0 ]]; then
    say "fetching the Kubernetes 1.35.0 API description (Go module k8s.io/kubernetes)"
    (cd "${TMPDIR:-/tmp}" && go mod download k8s.io/kubernetes@v1.35.0) >&2
  fi
fi

# Chromium (panel end-to-end tests, whatsapp-web.js)
if $with_chromium && [[ ! -x /usr/bin/chromium ]]; then
  apt_install chromium
fi
exit 0
