#!/usr/bin/env bash
# `npm run bench -- <benchmark> [flags]`: the benchmarks CLI (benchmarks/: rees46, serving, features, content,
# similar), runnable with nothing but npm.
set -euo pipefail
source "$(dirname "$0")/env.sh"
bash "$JEWELGUIDE_ROOT/scripts/setup.sh" --quiet >&2
cd "$JEWELGUIDE_ROOT"
exec node --import tsx benchmarks/src/cli.ts "$@"
