#!/bin/bash
# The streaming replica of deploy/compose.yaml. On an empty data directory: a base backup of the
# primary through the replication slot, with -R writing primary_conninfo and standby.signal; then
# PostgreSQL starts as a hot standby (read-only, replaying the primary's WAL as it streams in).
set -euo pipefail
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h "$PRIMARY_HOST" -q; do sleep 1; done
  rm -rf "${PGDATA:?}"/*
  PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup -h "$PRIMARY_HOST" -U replicator -D "$PGDATA" \
    -X stream -S "$REPLICATION_SLOT" -R --checkpoint=fast --progress
  chmod 700 "$PGDATA"
fi
# hot_standby_feedback: long replica reads (exports) are not cancelled by the primary's vacuum.
exec postgres -c hot_standby=on -c hot_standby_feedback=on -c max_standby_streaming_delay=30s -c max_connections=300 "$@"
