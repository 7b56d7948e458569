#!/bin/bash
# Runs once on the primary's empty data directory (docker-entrypoint-initdb.d): a role for streaming
# replication, the pg_hba.conf line that lets it connect from the compose network, and a physical
# replication slot so the primary keeps the WAL the replica has not yet received.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="$REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
SELECT pg_create_physical_replication_slot('replica_1');
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
