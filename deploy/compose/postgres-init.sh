#!/bin/bash
# Runs once, when the postgres container starts on an empty data volume: the role and database Stride uses.
# Each service then creates and migrates its own schema in it (Flyway).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set role="$STRIDE_DATABASE_USER" --set password="$STRIDE_DATABASE_PASSWORD" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE stride OWNER :"role";
SQL
