#!/bin/sh
# The postgres container runs this once, when it creates its data directory
# (/docker-entrypoint-initdb.d). For a data directory made before it, see docs/security.md.
set -eu
psql --no-psqlrc --no-password -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v owner="${DATABASE_OWNER:-hallowerk}" -v app="${DATABASE_APP_ROLE:-hallowerk_app}" \
    -v owner_password="$DATABASE_OWNER_PASSWORD" -v app_password="$DATABASE_APP_PASSWORD" \
    -v database="$POSTGRES_DB" -v owner_options=NOCREATEDB \
    -f /hallowerk/roles.sql
