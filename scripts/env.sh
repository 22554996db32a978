# Common environment for every Jewelguide script. Sourced, never run.
export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
# better-sqlite3 compiles with node-gyp; pnpm ignores nodedir from .npmrc, so export it (headers live in /usr/include/node).
if [ -z "${npm_config_nodedir:-}" ] && [ -d /usr/include/node ]; then export npm_config_nodedir=/usr; fi
JEWELGUIDE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JEWELGUIDE_ROOT
# Data lives under var/ (ignored by git). The shared data sets sit beside the checkout.
export JEWELGUIDE_DATA_DIR="${JEWELGUIDE_DATA_DIR:-$JEWELGUIDE_ROOT/var}"
export JEWELGUIDE_SHARED_DIR="${JEWELGUIDE_SHARED_DIR:-$(cd "$JEWELGUIDE_ROOT/.." && pwd)/shared}"
export DATABASE_URL="${DATABASE_URL:-file:$JEWELGUIDE_DATA_DIR/jewelguide.db}"
export PATH="$JEWELGUIDE_ROOT/node_modules/.bin:$PATH"
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
