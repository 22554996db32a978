#!/usr/bin/env bash
# A throwaway local PostgreSQL for tests: `scripts/postgres.sh start` prints its URL, `stop` removes it.
# Installs Debian's postgresql package when missing (needs root, as on CI).
set -euo pipefail
PGPORT="${JEWELGUIDE_PG_PORT:-55432}"
PGROOT="${JEWELGUIDE_PG_DIR:-/tmp/jewelguide-pg-$PGPORT}"
url="postgresql://postgres@127.0.0.1:$PGPORT/postgres"
bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; fi; }

case "${1:-}" in
  start)
    if [ -z "$(bindir)" ]; then
      echo "installing PostgreSQL (Debian package postgresql)…" >&2
      apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
    fi
    bin="$(bindir)"
    if [ -f "$PGROOT/data/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$PGROOT/data" status >/dev/null 2>&1; then
      echo "$url"; exit 0
    fi
    rm -rf "$PGROOT"; mkdir -p "$PGROOT"; chown postgres "$PGROOT"
    as_postgres "$bin/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGROOT/initdb.log" 2>&1 \
      || { cat "$PGROOT/initdb.log" >&2; exit 1; }
    as_postgres "$bin/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 \
      -o "-p $PGPORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off" start >&2 \
      || { cat "$PGROOT/server.log" >&2; exit 1; }
    echo "$url"
    ;;
  stop)
    bin="$(bindir)"
    [ -n "$bin" ] && [ -d "$PGROOT/data" ] && as_postgres "$bin/pg_ctl" -D "$PGROOT/data" -m fast stop >&2 || true
    rm -rf "$PGROOT"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
