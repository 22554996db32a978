#!/usr/bin/env bash
# Installs every dependency from the lockfile (npm registry only) and generates the Prisma clients.
# Idempotent: a second run with nothing changed takes a few seconds.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$JEWELGUIDE_ROOT"
quiet=0; [ "${1:-}" = "--quiet" ] && quiet=1
stamp=node_modules/.jewelguide-installed
if [ ! -f "$stamp" ] || [ pnpm-lock.yaml -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
  [ $quiet = 1 ] || step "Installing dependencies (first time: ~2 minutes, compiles better-sqlite3)"
  if [ -x node_modules/.bin/pnpm ]; then pnpm install --frozen-lockfile
  else npx --yes pnpm@12.4.2 install --frozen-lockfile; fi
  touch "$stamp"
fi
if [ ! -f packages/db/generated/.stamp ] || [ prisma/schema.prisma -nt packages/db/generated/.stamp ]; then
  [ $quiet = 1 ] || step "Generating the database clients (SQLite and PostgreSQL)"
  pnpm --filter @jewelguide/db run generate
  touch packages/db/generated/.stamp
fi
