#!/bin/sh
# One-shot (compose service temporal-schema): creates Temporal's two PostgreSQL databases and brings
# their schemas to the version this admin-tools image ships, with Temporal's own temporal-sql-tool.
# Safe to run on every `up`: existing databases are kept and applied versions are skipped.
set -eu

SCHEMA_DIR=/etc/temporal/schema/postgresql/v12
# The password travels as SQL_PASSWORD (read by temporal-sql-tool), not on the command line.
export SQL_PASSWORD="$POSTGRES_PWD"
sql_tool() {
  temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$DB_PORT" -u "$POSTGRES_USER" "$@"
}

for db in "$DBNAME:temporal" "$VISIBILITY_DBNAME:visibility"; do
  name=${db%%:*}
  schema=${db#*:}
  echo "temporal-schema: database $name ($schema schema)"
  sql_tool --db "$name" create
  sql_tool --db "$name" setup-schema -v 0.0
  sql_tool --db "$name" update-schema -d "$SCHEMA_DIR/$schema/versioned"
done
echo "temporal-schema: done"
