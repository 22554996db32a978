#!/usr/bin/env bash
# `npm run demo`: the product on the embedded SQLite database with the demo shop, at http://localhost:3000.
# First run: installs dependencies, migrates, imports the demo shop (REES46 jewelry store + photos), featurizes its
# products (photos + text), trains the default joint model with those features and builds the web app — about
# 10 minutes on 2 cores, with progress (BENCHMARKS.md §4). Later runs reuse what is there.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$JEWELGUIDE_ROOT"
bash scripts/setup.sh
worker() { node --import tsx apps/worker/src/cli.ts "$@"; }

# The production build needs only the sources, and the data steps below use one core each: it runs beside them.
build_log="$JEWELGUIDE_DATA_DIR/logs/web-build.log"
build_pid=""
if [ ! -f apps/web/.next/BUILD_ID ] || [ -n "$(find apps/web/src packages/api/src packages/i18n/src packages/model/src packages/db/src -newer apps/web/.next/BUILD_ID -print -quit)" ]; then
  step "Web app: production build, in the background beside the next steps (log: $build_log)"
  mkdir -p "$(dirname "$build_log")"
  # Its own process group, so that a failing step below stops the whole build with it.
  setsid pnpm --filter @jewelguide/web run build > "$build_log" 2>&1 &
  build_pid=$!
  trap 'kill -- "-$build_pid" 2>/dev/null || true' EXIT
fi

step "Database: $DATABASE_URL"
worker migrate

step "Demo shop: REES46 jewelry store purchases + jewelry photos (skips what is already imported)"
worker demo

step "Features: text and photo vectors of every product (skips products whose title, photo and encoder are unchanged)"
worker featurize

step "Model: train and publish the default model (the joint model, with those features) when none is active"
worker train --if-none-active --publish

step "Web app: waiting for the production build"
if [ -n "$build_pid" ]; then
  if wait "$build_pid"; then
    trap - EXIT
    echo "built (log: $build_log)"
  else
    tail -n 40 "$build_log"
    echo "the web app's production build failed: the whole log is $build_log" >&2
    exit 1
  fi
else
  echo "up to date"
fi

step "Serving Jewelguide at http://localhost:${PORT:-3000} (Ctrl-C to stop)"
cd apps/web
exec node scripts/serve.mjs -p "${PORT:-3000}"
