#!/usr/bin/env bash
# `npm run worker -- <command> [flags]`: the training/import worker CLI, runnable with nothing but npm.
set -euo pipefail
source "$(dirname "$0")/env.sh"
bash "$JEWELGUIDE_ROOT/scripts/setup.sh" --quiet >&2
cd "$JEWELGUIDE_ROOT"
exec node --import tsx apps/worker/src/cli.ts "$@"
