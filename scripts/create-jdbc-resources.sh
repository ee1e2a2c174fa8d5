#!/usr/bin/env bash
# Creates (or re-creates) the platform's two data sources on a Payara domain: jdbc/complaints, as
# the runtime user, and jdbc/complaints-migrations, as the user that owns the schema and migrates
# it (R-S3: the runtime user may only insert into and read the audit tables; the migrations grant
# it what it needs). The application reaches its database only through these JNDI names.
#
# Environment (defaults in brackets):
#   ASADMIN         the asadmin command with its connection options [asadmin]
#   COMPLAINTS_DB   h2 | postgresql [h2]
#   For h2:          the embedded database file under the domain: ${com.sun.aas.instanceRoot}/data/complaints
#                    (its two users are made by scripts/runtime.sh db-prepare)
#   For postgresql:  DB_HOST [127.0.0.1], DB_PORT [5432], DB_NAME [complaints],
#                    DB_USER [complaints], DB_PASSWORD [complaints]: the schema's owner (migrations)
#                    (the PostgreSQL JDBC driver must be in the domain's lib: asadmin add-library)
#   DB_APP_USER [complaints_app], DB_APP_PASSWORD [complaints]: the runtime user, for both databases
#   DB_POOL_MAX     maximum pooled connections [32]
#   DB_POOL_WAIT_MS how long a request waits for a pooled connection before it is refused [3000]
#   TARGET          a deployment group or cluster to give the data sources to, besides the domain's
#                   own server [none]
#
# A request waits at most DB_POOL_WAIT_MS for a connection, and a new PostgreSQL connection at most
# 3 s: with the database away a request is answered 503 (with Retry-After) within seconds instead
# of hanging for the pool's default minute. Connections are validated when lent, and all of them are
# dropped at the first that fails, so the pool recovers by itself when the database returns.
#
# No SQL trace listener: Payara gives every new pool its SilentSqlTraceListener, which does
# nothing with what it is told, but for it each connection, statement and result set lent comes
# wrapped in a reflective proxy that reports every JDBC call (issue 18: 8 % of a registration's CPU
# in a profile, the driver's work under it included). "null" is the value Payara reads as none.
set -euo pipefail
read -r -a asadmin <<< "${ASADMIN:-asadmin}"
db=${COMPLAINTS_DB:-h2}
pool_max=${DB_POOL_MAX:-32}
pool_wait=${DB_POOL_WAIT_MS:-3000}
app_user=${DB_APP_USER:-complaints_app}
app_password=${DB_APP_PASSWORD:-complaints}

esc() { local v=${1//\\/\\\\}; v=${v//:/\\:}; v=${v//=/\\=}; printf '%s' "$v"; }
has() { "${asadmin[@]}" "$1" 2>/dev/null | awk '{print $1}' | grep -qxF -- "$2"; }

# data_source <jndi> <pool> <user> <password> [h2 url options] [PostgreSQL validation]:
# (re-)creates one data source. Validation "auto-commit" asks the driver only, which does not see a
# connection the server closed (PostgreSQL restarted): the request that gets it fails (503) and the
# pool drops them all. "query" sends a query with each connection lent: for the migrations' pool,
# used at deployment, whose stale connections failed two deployments after a PostgreSQL restart.
data_source() {
  local jndi=$1 pool=$2 user=$3 password=$4 h2_options=${5:-} pg_validation=${6:-auto-commit}
  local validation=(--validationmethod auto-commit)
  if [ "$pg_validation" = query ]; then
    validation=(--validationmethod custom-validation
      --validationclassname org.glassfish.api.jdbc.validation.PostgresConnectionValidation)
  fi
  # Re-create: the same command switches a domain between databases. A deployment group's
  # reference goes first (the resource cannot be deleted while a group refers to it).
  if has list-jdbc-resources "$jndi"; then
    for group in $("${asadmin[@]}" list-deployment-groups 2>/dev/null | awk 'NF == 1 && $1 !~ /:$/ {print $1}'); do
      "${asadmin[@]}" delete-resource-ref --target "$group" "$jndi" > /dev/null 2>&1 || true
    done
    "${asadmin[@]}" delete-jdbc-resource "$jndi"
  fi
  has list-jdbc-connection-pools "$pool" && "${asadmin[@]}" delete-jdbc-connection-pool "$pool"
  case "$db" in
    h2)
      # MODE=PostgreSQL keeps one set of migrations for both databases. AUTO_SERVER lets tools and
      # tests open the file while the server holds it. WRITE_DELAY=0 writes every commit to the
      # file at once: H2's default holds commits back for 500 ms, and a crash then loses accepted
      # complaints. It needs admin rights and holds for the open database, so the owner's
      # connections set it (the application migrates as the owner at every start, before it takes
      # work) and keep the database open for the server's life (DB_CLOSE_DELAY=-1).
      local url='jdbc:h2:${com.sun.aas.instanceRoot}/data/complaints;AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH'
      "${asadmin[@]}" create-jdbc-connection-pool \
        --datasourceclassname org.h2.jdbcx.JdbcDataSource --restype javax.sql.DataSource \
        --steadypoolsize 2 --maxpoolsize "$pool_max" --maxwait "$pool_wait" --sqltracelisteners null \
        --property "url=$(esc "$url$h2_options"):user=$(esc "$user"):password=$(esc "$password")" \
        "$pool"
      ;;
    postgresql)
      "${asadmin[@]}" create-jdbc-connection-pool \
        --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
        --steadypoolsize 2 --maxpoolsize "$pool_max" --maxwait "$pool_wait" \
        --isconnectvalidatereq true "${validation[@]}" --failconnection true --sqltracelisteners null \
        --property "serverName=$(esc "${DB_HOST:-127.0.0.1}"):portNumber=${DB_PORT:-5432}:databaseName=$(esc "${DB_NAME:-complaints}"):user=$(esc "$user"):password=$(esc "$password"):connectTimeout=3:loginTimeout=3:reWriteBatchedInserts=true" \
        "$pool"
      ;;
    *) echo "COMPLAINTS_DB must be h2 or postgresql, not '$db'" >&2; exit 2 ;;
  esac
  "${asadmin[@]}" create-jdbc-resource --connectionpoolid "$pool" "$jndi"
  if [ -n "${TARGET:-}" ]; then
    "${asadmin[@]}" create-resource-ref --target "$TARGET" "$jndi"
  fi
}

# The runtime user never creates the H2 file (IFEXISTS): the owner made it, with both users.
data_source jdbc/complaints complaints-pool "$app_user" "$app_password" ';IFEXISTS=TRUE'
data_source jdbc/complaints-migrations complaints-migrations-pool \
  "${DB_USER:-complaints}" "${DB_PASSWORD:-complaints}" ';WRITE_DELAY=0;DB_CLOSE_DELAY=-1' query
echo "Data sources ready: jdbc/complaints (as $app_user), jdbc/complaints-migrations -> $db"
