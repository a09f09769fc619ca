# Sourced by the project's scripts (never run): puts the project's Node (installed by
# script/bootstrap.sh into .node/ when the system Node is older than .nvmrc) first on PATH, so that
# `node`, `npm` and `npx` in the calling script run on it. No-op when .node/ is absent (the system
# Node is recent enough, or a container image brings its own).
_vicinato_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -x "$_vicinato_root/.node/bin/node" ]]; then
  case ":$PATH:" in
    *":$_vicinato_root/.node/bin:"*) ;;
    *) export PATH="$_vicinato_root/.node/bin:$PATH" ;;
  esac
fi
unset _vicinato_root
