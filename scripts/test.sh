#!/usr/bin/env bash
# `npm test`: every test suite — lint, types, unit and service tests (SQLite and PostgreSQL), slow data tests, e2e in
# Chromium. Installs what it needs (npm packages; Debian chromium and postgresql when missing, as root) and exits
# non-zero on any failure.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$JEWELGUIDE_ROOT"
bash scripts/setup.sh

step "Test prerequisites: Chromium and a throwaway PostgreSQL"
if [ ! -x /usr/bin/chromium ] || [ ! -d /usr/share/fonts/opentype/noto ]; then
  echo "installing Debian chromium…"
  apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
JEWELGUIDE_TEST_POSTGRES_URL="$(bash scripts/postgres.sh start)"
export JEWELGUIDE_TEST_POSTGRES_URL
trap 'bash scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
echo "PostgreSQL for tests at $JEWELGUIDE_TEST_POSTGRES_URL"

step "Lint and format (biome)"
pnpm exec biome check .

step "Import cycles (dependency-cruiser: apps/*/src, packages/*/src and benchmarks/src, across packages; .dependency-cruiser.cjs)"
for dir in apps/* packages/* benchmarks; do
  (cd "$dir" && pnpm exec depcruise --config "$JEWELGUIDE_ROOT/.dependency-cruiser.cjs" --ts-config tsconfig.json src)
done

step "Dead code (knip: unused files, exports, dependencies in every workspace; knip.jsonc says what is exempt and why)"
pnpm exec knip --no-progress

step "Type check (tsc, every package)"
pnpm exec turbo run typecheck --output-logs=errors-only

step "Unit and service tests (vitest; SQLite and PostgreSQL)"
pnpm exec turbo run test --concurrency=1 --output-logs=full

step "Slow data tests (real REES46 file, full imports)"
JEWELGUIDE_SLOW_TESTS=1 pnpm exec turbo run test:slow --concurrency=1 --output-logs=full

step "End-to-end tests (Playwright driving Debian Chromium) and the abuse suite (e2e/tests/abuse: fuzzing, issue 11 probes)"
pnpm --filter @jewelguide/e2e run test:e2e

step "All test suites passed"
