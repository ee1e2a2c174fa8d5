#!/usr/bin/env bash
# The platform's runtime, one step at a time: broker, Payara domain, resources, deployment.
# Used by ./complaints (the run command) and by the integration-test build (ear/pom.xml), so the
# system a user starts and the system the tests drive are set up by the same lines.
#
#   scripts/runtime.sh <step>...     steps run in order
#
# Steps:
#   broker-create   a fresh broker instance at $RUNTIME_DIR/broker with jms-config's broker.xml
#   broker-up       create the instance if absent, refresh its broker.xml, start it, wait for 61616
#   broker-down     stop the broker
#   broker-kill     kill -9 the broker (crash tests)
#   broker-pair-up  a replicated primary/backup pair instead: the primary at $RUNTIME_DIR/broker
#                   on BROKER_PORT, the backup at $RUNTIME_DIR/broker-backup on BROKER_BACKUP_PORT
#                   (jms-config's broker.xml with ha-primary.xml / ha-backup.xml); returns once the
#                   backup holds a replica
#   broker-pair-create  fresh primary and backup instances (as broker-create, for the pair)
#   broker-pair-down  stop both
#   broker-primary-kill  kill -9 the primary (the backup takes over)
#   broker-primary-up    start the primary again (it takes over from the backup: fail-back);
#                   returns once the backup holds a replica again
#   db-prepare      the database's two users: its owner (DB_USER, migrations) and the runtime user
#                   (DB_APP_USER); postgresql on this host: the roles and the database if absent,
#                   h2: the file with both users
#   db-reset        drop the database's contents (h2 file or local postgresql database) and the
#                   audit checkpoints that named its chain
#   db-stop         stop the local PostgreSQL cluster that serves DB_PORT (outage tests)
#   db-start        start it again
#   keys            local keys, made once: the token-signing key pair, the personal-data and
#                   audit keys (in $RUNTIME_DIR/secrets, Payara's directory config source)
#   domain-up       start the Payara domain, apply the keys and the JMS and JDBC resources
#   domain-down     stop the Payara domain
#   domain-start    start the Payara domain as it is (after a crash)
#   domain-kill     kill -9 the Payara server (crash tests)
#   deploy          deploy ear/target/complaints.ear (replacing an earlier deployment)
#   undeploy        undeploy it from the running domain, if it is there (the next domain-up then
#                   need not restart the domain to shed the old version)
#   wait-ready      wait until /health/ready answers UP with the application's own checks
#   cluster-up      the domain (its own HTTP listener moved to DAS_HTTP_PORT) with a deployment
#                   group "complaints" of two instances (HTTP 28080 and 29080), the resources for
#                   the broker pair and the database, the EAR deployed to the group, the group
#                   started, and HAProxy on HTTP_PORT in front of it (needs broker-pair-up first)
#   cluster-down    stop HAProxy and the instances (the domain and brokers: domain-down,
#                   broker-pair-down)
#   lb-up           (re)start HAProxy in front of the deployment group
#   instance-kill-1, instance-start-1 (and -2)  kill -9 one instance / start it again
#   instance-app-disable-1, instance-app-enable-1  instance 1 without the application / with it again
#   browser         Debian's Chromium, ChromeDriver and a Chinese font for the dashboard's browser
#                   test, installed if absent (needs root, as apt-get does)
#
# Environment: RUNTIME_DIR (required: holds dist/ with the unpacked Payara and Artemis, and the
# broker instance), COMPLAINTS_DB (h2 | postgresql, default h2), DB_* and BROKER_* as in
# scripts/create-jdbc-resources.sh and jms-config/src/main/asadmin/create-jms-resources.sh, and
# BROKER_HEAP (the broker's -Xmx, default 3G; see broker.xml's memory budget), BROKER_GC (its
# collector, default Shenandoah: -XX:+Use<BROKER_GC>GC).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
: "${RUNTIME_DIR:?RUNTIME_DIR must name the runtime folder}"
export COMPLAINTS_DB=${COMPLAINTS_DB:-h2}
export BROKER_HOST=${BROKER_HOST:-127.0.0.1} BROKER_PORT=${BROKER_PORT:-61616}
export BROKER_USER=${BROKER_USER:-complaints} BROKER_PASSWORD=${BROKER_PASSWORD:-complaints}
export BROKER_DEPARTMENT_PASSWORD=${BROKER_DEPARTMENT_PASSWORD:-department}
# The departments whose systems get a broker user (their task queues are in broker.xml).
departments="CSC EBANK OPS CARDS RETAIL_LENDING WEALTH"
export DB_HOST=${DB_HOST:-127.0.0.1} DB_PORT=${DB_PORT:-5432} DB_NAME=${DB_NAME:-complaints}
export DB_USER=${DB_USER:-complaints} DB_PASSWORD=${DB_PASSWORD:-complaints}
# R-S3: the application runs as DB_APP_USER, which its migrations (run as DB_USER, the schema's
# owner) grant only what it needs: no UPDATE or DELETE on the audit tables.
export DB_APP_USER=${DB_APP_USER:-complaints_app} DB_APP_PASSWORD=${DB_APP_PASSWORD:-complaints}
http_port=${HTTP_PORT:-8080}
# The domain's own HTTP listener: on the load balancer's port in a single-server run, moved aside
# when a deployment group serves behind the load balancer.
das_http_port=${DAS_HTTP_PORT:-$http_port}
group=complaints
group_config=complaints-config
instances="complaints-1:28000 complaints-2:29000" # name:port base (HTTP = base + 80)

payara_home=$RUNTIME_DIR/dist/payara6
artemis_home=$(ls -d "$RUNTIME_DIR"/dist/apache-artemis-* 2>/dev/null | head -n 1 || true)
broker=$RUNTIME_DIR/broker
broker_backup=$RUNTIME_DIR/broker-backup
export BROKER_BACKUP_PORT=${BROKER_BACKUP_PORT:-61617}
domain=domain1
domain_dir=$payara_home/glassfish/domains/$domain
asadmin=$payara_home/bin/asadmin
export ASADMIN=$asadmin

log() { printf '[runtime] %s\n' "$*"; }
die() { printf '[runtime] %s\n' "$*" >&2; exit 1; }
need_dist() { [ -x "$asadmin" ] && [ -n "$artemis_home" ] || die "no Payara/Artemis under $RUNTIME_DIR/dist (unpack them first)"; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
wait_port() { # host port seconds
  local i
  for ((i = 0; i < $3 * 2; i++)); do port_open "$1" "$2" && return 0; sleep 0.5; done
  return 1
}

# The pid file, else the process itself: a backup that hands back to its primary restarts inside
# its JVM and, for a moment or for good, leaves no pid file.
broker_pid() {
  cat "${1:-$broker}/data/artemis.pid" 2>/dev/null \
    || pgrep -f -- "-Dartemis.instance=${1:-$broker} " | head -n 1 || true
}
broker_running() { local p; p=$(broker_pid "${1:-$broker}"); [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }

broker_create() { # [instance directory]
  local broker=${1:-$broker}
  need_dist
  broker_running "$broker" && die "a broker is running from $broker: stop it first"
  rm -rf "$broker"
  log "creating broker instance $broker"
  "$artemis_home/bin/artemis" create --silent --force \
    --user "$BROKER_USER" --password "$BROKER_PASSWORD" --role complaints --require-login \
    --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
    --no-web --no-autotune --host "$BROKER_HOST" "$broker" > "$RUNTIME_DIR/broker-create.log"
  # R-S1: one user per department system (dept-<CODE>), reading only its own task queue and
  # sending results (jms-config broker.xml); locally the seeded departments share
  # BROKER_DEPARTMENT_PASSWORD. A department added later gets its user from the platform, with a
  # password of its own (POST /api/v1/admin/departments).
  local code members=
  for code in $departments; do
    printf '\ndept-%s = %s\n' "$code" "$BROKER_DEPARTMENT_PASSWORD" >> "$broker/etc/artemis-users.properties"
    printf '\ndept-%s = dept-%s\n' "$code" "$code" >> "$broker/etc/artemis-roles.properties"
    members+=${members:+,}dept-$code
  done
  printf '\ndepartments = %s\n' "$members" >> "$broker/etc/artemis-roles.properties"
}

broker_up() {
  need_dist
  [ -d "$broker" ] || broker_create
  cp "$root/jms-config/src/main/broker/broker.xml" "$broker/etc/broker.xml"
  if ! broker_running && port_open "$BROKER_HOST" "$BROKER_PORT"; then
    die "port $BROKER_PORT is taken by another process"
  fi
  broker_start "$broker"
  wait_port "$BROKER_HOST" "$BROKER_PORT" 60 || die "broker did not open $BROKER_PORT; see $broker/log/artemis.log"
  log "broker listening on $BROKER_HOST:$BROKER_PORT"
}

# A replicated pair: jms-config's broker.xml plus the primary's or the backup's HA fragment, each
# told its own port and its peer's by system properties in its artemis.profile.
broker_pair_config() { # instance role port peer-port
  local xml=$root/jms-config/src/main/broker/broker.xml
  awk -v frag="$root/jms-config/src/main/broker/ha-$2.xml" \
    '/<\/core>/ { while ((getline line < frag) > 0) print line } { print }' "$xml" > "$1/etc/broker.xml"
  # One user directory for the pair: the backup reads the primary's user and role files (relative
  # to its etc/, as the login module resolves them), so a department system's user that the
  # platform adds through management (tasks.DepartmentsOnBroker) logs in after a fail-over too.
  if [ "$2" = backup ]; then
    local shared
    shared=$(realpath --relative-to="$1/etc" "$broker/etc")
    sed -i "s#\"artemis-users.properties\"#\"$shared/artemis-users.properties\"#;
            s#\"artemis-roles.properties\"#\"$shared/artemis-roles.properties\"#" "$1/etc/login.config"
  fi
  sed -i '/^JAVA_ARGS="\$JAVA_ARGS -Dcomplaints.broker/d' "$1/etc/artemis.profile"
  printf '\nJAVA_ARGS="$JAVA_ARGS -Dcomplaints.broker.port=%s -Dcomplaints.broker.peer-port=%s"\n' \
    "$3" "$4" >> "$1/etc/artemis.profile"
}

# The broker's heap, set on every start (an instance made before keeps no other): what broker.xml's
# memory budget counts on (its <global-max-size> comment). With 1 GB, the duplicate-id caches and
# the messages of a backlog filled it and the broker stopped in garbage collection. With Shenandoah
# (below) the same backlog of 1.4 million unread messages held 1,350 - 1,724 MB after a restart
# (G1: 781 MB): 3 GB keeps it under three quarters (bench/broker-backlog.sh).
BROKER_HEAP=${BROKER_HEAP:-3G}
# And its collector, also set on every start (issue 18): Shenandoah, whose pauses stay under 10 ms.
# G1, which `artemis create` writes, paused the broker for 50 - 280 ms every 10 - 30 s under intake
# load: the persisted duplicate-id caches change old objects with every message, and each young
# collection scans those changes. Every send and delivery waited through a pause, and they were
# most of the department's slow tasks (docs/benchmarks.md, 2026-12-06 20:37 and 2026-12-07).
BROKER_GC=${BROKER_GC:-Shenandoah}
broker_start() { # instance
  if broker_running "$1"; then
    log "broker $1 already running (pid $(broker_pid "$1"))"
  else
    sed -i -E "s/-Xms[0-9]+[MG] -Xmx[0-9]+[MG]/-Xms512M -Xmx$BROKER_HEAP/;
               s/-XX:\+Use[A-Za-z0-9]+GC /-XX:+Use${BROKER_GC}GC /" "$1/etc/artemis.profile"
    log "starting broker $1"
    ARTEMIS_INSTANCE_ETC_URI= "$1/bin/artemis-service" start > /dev/null
  fi
}

broker_pair_up() {
  need_dist
  [ -d "$broker" ] || broker_create "$broker"
  [ -d "$broker_backup" ] || broker_create "$broker_backup"
  broker_pair_config "$broker" primary "$BROKER_PORT" "$BROKER_BACKUP_PORT"
  broker_pair_config "$broker_backup" backup "$BROKER_BACKUP_PORT" "$BROKER_PORT"
  broker_start "$broker"
  wait_port "$BROKER_HOST" "$BROKER_PORT" 60 || die "the primary did not open $BROKER_PORT; see $broker/log/artemis.log"
  backup_synchronized_after broker_start "$broker_backup" \
    || die "the backup did not synchronize within 120 s; see $broker_backup/log/artemis.log"
  log "broker pair: primary on $BROKER_HOST:$BROKER_PORT, backup holds a replica (port $BROKER_BACKUP_PORT)"
}

# Runs a command, then waits (at most $WAIT_SYNC seconds, default 120) until the backup logs,
# after that moment, that it holds a replica of the primary (AMQ221024).
backup_synchronized_after() { # command...
  local log_file=$broker_backup/log/artemis.log seen i
  seen=$(stat -c %s "$log_file" 2>/dev/null || echo 0)
  "$@"
  for ((i = 0; i < ${WAIT_SYNC:-120} * 2; i++)); do
    tail -c +"$((seen + 1))" "$log_file" 2>/dev/null | grep -q 'AMQ221024' && return 0
    sleep 0.5
  done
  return 1
}

# Fail-back: the primary comes back, copies the backup's journal and takes over; the backup hands
# back, restarts as the backup and copies the primary's journal again. Artemis 2.44 does not always
# manage that last step (seen here: the backup's process ended after handing back, now and then):
# the primary is then active alone, and the backup is started again, as an operator would.
broker_primary_up() {
  local primary_log=$broker/log/artemis.log seen i
  seen=$(stat -c %s "$primary_log" 2>/dev/null || echo 0)
  if WAIT_SYNC=60 backup_synchronized_after broker_start "$broker"; then
    log "fail-back: the primary is active on $BROKER_HOST:$BROKER_PORT, the backup holds a replica again"
    return 0
  fi
  for ((i = 0; i < 120; i++)); do # AMQ221007: the primary is active
    tail -c +"$((seen + 1))" "$primary_log" 2>/dev/null | grep -q 'AMQ221007' && break
    sleep 0.5
  done
  tail -c +"$((seen + 1))" "$primary_log" 2>/dev/null | grep -q 'AMQ221007' \
    || die "the primary did not become active again; see $primary_log"
  log "fail-back: the primary is active; the backup did not come back as the backup: restarting it"
  broker_stop "$broker_backup"
  backup_synchronized_after broker_start "$broker_backup" \
    || die "the backup did not synchronize within 120 s; see $broker_backup/log/artemis.log"
  log "the backup holds a replica again"
}

broker_stop() { # instance
  if broker_running "$1"; then
    log "stopping broker $1"
    "$1/bin/artemis-service" stop > /dev/null || true
    local i p; p=$(broker_pid "$1")
    for ((i = 0; i < 60; i++)); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$p" 2>/dev/null && kill -9 "$p" || true
  fi
}

broker_kill() {
  if broker_running; then
    local p; p=$(broker_pid)
    log "killing the broker (kill -9 $p)"
    kill -9 "$p"
    local i
    for ((i = 0; i < 20; i++)); do kill -0 "$p" 2>/dev/null || break; sleep 0.25; done
  fi
}

local_db() { [ "$COMPLAINTS_DB" = postgresql ] && [[ "$DB_HOST" =~ ^(127\.0\.0\.1|localhost|::1)$ ]] && command -v runuser > /dev/null && id postgres > /dev/null 2>&1; }
as_postgres() { (cd / && runuser -u postgres -- "$@"); }

db_prepare() {
  if [ "$COMPLAINTS_DB" = h2 ]; then
    # The file is made by its owner, with the runtime user beside it (the runtime data source does
    # not create the file: IFEXISTS).
    java -cp "$payara_home/h2db/bin/h2.jar" org.h2.tools.Shell \
      -url "jdbc:h2:$domain_dir/data/complaints;AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
      -user "$DB_USER" -password "$DB_PASSWORD" \
      -sql "create user if not exists $DB_APP_USER password '$DB_APP_PASSWORD'" > /dev/null
  fi
  if local_db; then
    local role password
    for role in "$DB_USER" "$DB_APP_USER"; do
      password=$DB_PASSWORD; [ "$role" = "$DB_APP_USER" ] && password=$DB_APP_PASSWORD
      if [ -z "$(as_postgres psql -p "$DB_PORT" -tAc "select 1 from pg_roles where rolname = '$role'")" ]; then
        log "creating role $role"
        as_postgres psql -p "$DB_PORT" -qc "create role \"$role\" login password '$password'"
      fi
    done
    if [ -z "$(as_postgres psql -p "$DB_PORT" -tAc "select 1 from pg_database where datname = '$DB_NAME'")" ]; then
      log "creating database $DB_NAME"
      # From template0, so that the database is UTF-8 whatever the cluster's locale and encoding.
      as_postgres createdb -p "$DB_PORT" -O "$DB_USER" -T template0 -E UTF8 --locale=C.UTF-8 "$DB_NAME"
    fi
  fi
}

db_reset() {
  # The audit checkpoints (R-S3) hold the old database's chain: a new chain starts from nothing.
  find "$RUNTIME_DIR/dist" -path '*/audit/checkpoints.log' -delete 2>/dev/null || true
  case "$COMPLAINTS_DB" in
    h2)
      rm -f "$domain_dir"/data/complaints.*.db "$domain_dir"/data/complaints.lock.db
      db_prepare ;;
    postgresql)
      local_db || die "db-reset only resets a PostgreSQL on this host"
      as_postgres dropdb -p "$DB_PORT" --if-exists --force "$DB_NAME"
      db_prepare ;;
  esac
}

# The Debian cluster (version and name) that listens on DB_PORT, stopped or started: an outage of
# the database as operations see one, for the outage tests.
db_cluster() {
  local_db || die "db-$1 works on a PostgreSQL on this host only"
  command -v pg_lsclusters > /dev/null || die "db-$1 needs Debian's postgresql-common (pg_ctlcluster)"
  local version name
  read -r version name < <(pg_lsclusters --no-header | awk -v p="$DB_PORT" '$3 == p {print $1, $2; exit}')
  [ -n "${name:-}" ] || die "no PostgreSQL cluster listens on port $DB_PORT"
  log "database: $1 cluster $version/$name"
  if [ "$1" = stop ]; then
    pg_ctlcluster "$version" "$name" stop -m fast
  else
    pg_ctlcluster "$version" "$name" start
  fi
}

secrets=$RUNTIME_DIR/secrets
keys() {
  # A real deployment gets these from the bank (README, "Keys and tokens"); locally they are made
  # once and kept, so data sealed earlier stays readable. The private signing key stays outside
  # the config directory: only ./complaints token and the tests read it.
  command -v openssl > /dev/null || die "openssl is needed to make the local keys (apt-get install openssl)"
  mkdir -p "$secrets" "$RUNTIME_DIR/keys"
  chmod 700 "$secrets" "$RUNTIME_DIR/keys"
  local private=$RUNTIME_DIR/keys/jwt-private.pem
  if [ ! -f "$private" ]; then
    log "making the local token-signing key pair and data keys"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$private" 2> /dev/null
    openssl pkey -in "$private" -pubout -out "$secrets/mp.jwt.verify.publickey"
  fi
  secret complaints.privacy.data-keys "local-1:$(openssl rand -base64 32)"
  secret complaints.privacy.active-key local-1
  secret complaints.privacy.lookup-key "$(openssl rand -base64 32)"
  secret complaints.audit.chain-key "$(openssl rand -base64 32)"
}
secret() { [ -s "$secrets/$1" ] || { printf '%s' "$2" > "$secrets/$1"; chmod 600 "$secrets/$1"; }; }

domain_running() { "$asadmin" list-domains 2>/dev/null | grep -qE "^$domain running"; }

domain_up() {
  need_dist
  if [ "$COMPLAINTS_DB" = postgresql ] && [ ! -f "$domain_dir/lib/postgresql.jar" ]; then
    mkdir -p "$domain_dir/lib"
    cp "$RUNTIME_DIR/dist/postgresql.jar" "$domain_dir/lib/postgresql.jar"
    domain_running && { log "restarting domain to load the PostgreSQL driver"; "$asadmin" restart-domain "$domain" > /dev/null; }
  fi
  if domain_running; then
    log "domain $domain already running"
  else
    port_open 127.0.0.1 4848 && die "port 4848 is taken by another process (another Payara?)"
    log "starting domain $domain"
    "$asadmin" start-domain "$domain" > /dev/null
  fi
  if "$asadmin" list-applications domain 2>/dev/null | grep -q '^complaints '; then
    # A process that has run the application keeps parts of it (class loaders, the data source's
    # connection factory): re-creating the resources or deploying into it then fails now and then
    # ("No password credential found", ClassNotFound). Undeploy, and go on in a fresh process.
    # From every target: a deployment group's deployment would refuse the next one to the server.
    log "undeploying the previous version and restarting domain $domain"
    "$asadmin" undeploy --target domain complaints > /dev/null
    "$asadmin" restart-domain "$domain" > /dev/null
  fi
  keys
  "$asadmin" set-config-dir --directory="$secrets" > /dev/null
  RAR=$root/jms-config/target/complaints-artemis-ra.rar \
    BROKER_XML=$root/jms-config/src/main/broker/broker.xml \
    "$root/jms-config/src/main/asadmin/create-jms-resources.sh"
  "$root/scripts/create-jdbc-resources.sh"
  # Payara's default HTTP worker pool has 5 threads: requests queue behind them while each waits
  # on the database (bench/intake-load.sh: 112 complaints/s with 5, 180/s with 32).
  "$asadmin" set \
    configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=32 \
    configs.config.server-config.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size=8 \
    configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1.port="$das_http_port" \
    $(quiet_headers server-config) \
    > /dev/null
  listener_answers
  # Named, JSON-P's JsonProvider.provider() resolves its provider once; unnamed, it scans every
  # module with a ServiceLoader on each call, and the JWT mechanism calls it for every request's
  # token: 5.6 % of the server's CPU under intake load (docs/benchmarks.md). Takes effect at the
  # next start of the domain.
  local json_provider=-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl
  if ! "$asadmin" list-jvm-options 2>/dev/null | grep -qxF -- "$json_provider"; then
    "$asadmin" create-jvm-options -- "$json_provider" > /dev/null
  fi
}

# Reconfigured while the domain runs, http-listener-1 once stayed unbound ("GrizzlyProxy is NULL"
# in the server log, every request refused; a CI run lost that way): if it does not answer HTTP
# within 20 s, the domain is restarted, which binds it from the configuration.
listener_answers() {
  local i
  for ((i = 0; i < 40; i++)); do
    curl -s -o /dev/null -m 2 "http://127.0.0.1:$das_http_port/" && return 0
    sleep 0.5
  done
  log "http-listener-1 does not answer on $das_http_port after reconfiguring it: restarting domain $domain"
  "$asadmin" restart-domain "$domain" > /dev/null
}

# No Server or X-Powered-By header naming the product and its version on the HTTP listeners (what
# a channel or an attacker meets need not say what runs behind it).
quiet_headers() { # config
  local listener
  for listener in http-listener-1 http-listener-2; do
    printf '%s ' "configs.config.$1.network-config.protocols.protocol.$listener.http.server-header=false" \
      "configs.config.$1.network-config.protocols.protocol.$listener.http.xpowered-by=false"
  done
}

# The deployment group: instances on this host that share one configuration, which is given what
# domain-up gives the domain's own server (threads, JSON-P provider, the keys' directory).
cluster_up() {
  need_dist
  das_http_port=${DAS_HTTP_PORT:-8079}
  export BROKER_BACKUP="$BROKER_HOST:$BROKER_BACKUP_PORT" TARGET=$group
  cluster_resources
  local ear=$root/ear/target/complaints.ear entry name base
  [ -f "$ear" ] || die "no $ear: build first (./mvnw -DskipTests package)"
  if ! "$asadmin" list-applications "$group" 2>/dev/null | grep -q '^complaints '; then
    log "deploying $ear to deployment group $group"
    "$asadmin" deploy --force=true --target "$group" --name complaints --contextroot / "$ear" > /dev/null
  fi
  # Each instance on its own: start-deployment-group returned only ~9 minutes after both
  # instances were serving (measured here).
  for entry in $instances; do
    instance_start "${entry%%:*}"
  done
  lb_up
  for entry in $instances; do
    base=${entry##*:}
    HTTP_PORT=$((base + 80)) wait_ready_on "$((base + 80))"
  done
}

cluster_resources() {
  domain_start
  local entry name base
  if ! "$asadmin" list-configs | grep -qxF "$group_config"; then
    log "creating configuration $group_config"
    "$asadmin" copy-config default-config "$group_config" > /dev/null
  fi
  if ! "$asadmin" list-deployment-groups 2>/dev/null | grep -qE "^\s*$group\s*$"; then
    log "creating deployment group $group"
    "$asadmin" create-deployment-group "$group" > /dev/null
  fi
  for entry in $instances; do
    name=${entry%%:*} base=${entry##*:}
    if ! "$asadmin" list-instances 2>/dev/null | grep -q "^$name "; then
      log "creating instance $name (HTTP $((base + 80)))"
      "$asadmin" create-instance --node "localhost-$domain" --config "$group_config" \
        --portbase "$base" --checkports=false "$name" > /dev/null
      "$asadmin" add-instance-to-deployment-group --instance "$name" --deploymentgroup "$group" > /dev/null
    fi
  done
  domain_up # the keys, and the JMS and JDBC resources, for the group too (TARGET)
  "$asadmin" set \
    "configs.config.$group_config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=32" \
    "configs.config.$group_config.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size=8" \
    $(quiet_headers "$group_config") \
    > /dev/null
  "$asadmin" set-config-dir --directory="$secrets" --target "$group_config" > /dev/null
  local json_provider=-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl
  if ! "$asadmin" list-jvm-options --target "$group_config" 2>/dev/null | grep -qxF -- "$json_provider"; then
    "$asadmin" create-jvm-options --target "$group_config" -- "$json_provider" > /dev/null
  fi
}

lb_up() {
  command -v haproxy > /dev/null || {
    log "installing HAProxy (Debian package)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy > /dev/null
  }
  lb_down
  local one two
  one=${instances%% *} two=${instances##* }
  log "load balancer on 127.0.0.1:$http_port (HAProxy) in front of the deployment group"
  LB_PORT=$http_port INSTANCE_1="127.0.0.1:$((${one##*:} + 80))" INSTANCE_2="127.0.0.1:$((${two##*:} + 80))" \
    haproxy -f "$root/scripts/haproxy.cfg" -D -p "$RUNTIME_DIR/haproxy.pid"
}

lb_down() {
  local p
  p=$(cat "$RUNTIME_DIR/haproxy.pid" 2>/dev/null || true)
  if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then kill "$p"; fi
  rm -f "$RUNTIME_DIR/haproxy.pid"
}

cluster_down() {
  lb_down
  local entry name pid
  for entry in $instances; do
    name=${entry%%:*}
    pid=$(instance_pid "$name")
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      log "stopping instance $name"
      "$asadmin" stop-local-instance --node "localhost-$domain" "$name" > /dev/null || kill "$pid" || true
    fi
  done
}

instance_pid() { cat "$payara_home/glassfish/nodes/localhost-$domain/$1/config/pid" 2>/dev/null || true; }

instance_kill() { # name
  local pid; pid=$(instance_pid "$1")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    log "killing instance $1 (kill -9 $pid)"
    kill -9 "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  fi
}

instance_logs() { echo "$payara_home/glassfish/nodes/localhost-$domain/$1/logs"; }

# Now, as Payara's log records are stamped (the machine's zone, which the servers keep).
log_mark() { date +%Y-%m-%dT%H:%M:%S.%3N; }

# How the application's load at a server's start ended, from the records in its log directory $1
# stamped at or after $2 (log_mark), the rotated files included: "loaded", "failed" or, after
# ${LOAD_WAIT:-240} s without either, "undecided".
load_outcome() { # logs-dir since
  local waited=0 outcome files
  while [ "$waited" -lt "${LOAD_WAIT:-240}" ]; do
    files=$(find "$1" -maxdepth 1 -name 'server.log*' -newermt "$2" -printf '%T@ %p\n' 2>/dev/null \
      | sort -n | cut -d' ' -f2-)
    if [ -n "$files" ]; then
      # shellcheck disable=SC2086 # the names are Payara's: server.log, server.log_<time>
      outcome=$(awk -v since="$2" '
        /^\[20[0-9][0-9]-/ { at = substr($0, 2, 23) }
        at >= since && /Application deployment failed|Exception while loading the app/ { print "failed"; exit }
        at >= since && /Loading application complaints done/ { print "loaded"; exit }' $files)
      [ -n "$outcome" ] && { echo "$outcome"; return 0; }
    fi
    sleep 1; waited=$((waited + 1))
  done
  echo undecided
}

# Payara 6.2025.9 now and then fails to deploy the resource adapter as a server starts: the
# startup thread has no context class loader (NullPointerException in ConnectorValidator.getClass),
# and without the adapter the application does not load, so the server runs and serves nothing.
# Seen once, an instance restarted under load (fresh-clone CI, 2026-12-07). Such a server is started
# again, at most twice; a slow load that has not ended yet is left to the readiness waits after.
start_until_loaded() { # what logs-dir start-function kill-function [its argument]
  local attempt since
  for attempt in 1 2 3; do
    since=$(log_mark)
    "$3" ${5:+"$5"}
    case $(load_outcome "$2" "$since") in
      loaded) return 0 ;;
      undecided) log "$1: the application has not finished loading; going on"; return 0 ;;
    esac
    log "$1 failed to load the application (start $attempt; see $2/server.log): restarting it"
    "$4" ${5:+"$5"}
  done
  die "$1 failed to load the application in 3 starts: see $2/server.log"
}

instance_start() { # name
  if [ -n "$(instance_pid "$1")" ] && kill -0 "$(instance_pid "$1")" 2>/dev/null; then
    log "instance $1 already running"
    return 0
  fi
  start_until_loaded "instance $1" "$(instance_logs "$1")" instance_start_once instance_kill "$1"
}

# The application disabled on one instance, which keeps running without it: what an instance is
# after Payara failed to load it at a start (ClusterIT: the load balancer must leave it out).
instance_app() { # enable|disable name
  log "${1}d the application on instance $2"
  "$asadmin" "$1" --target "$2" complaints > /dev/null
}

instance_start_once() { # name
  log "starting instance $1"
  "$asadmin" start-local-instance --node "localhost-$domain" --sync normal "$1" > /dev/null
}

domain_down() {
  [ -x "$asadmin" ] || return 0
  if domain_running; then log "stopping domain $domain"; "$asadmin" stop-domain "$domain" > /dev/null || true; fi
}

domain_start() {
  need_dist
  domain_running && { log "domain $domain already running"; return 0; }
  if app_on_domain_server; then
    start_until_loaded "domain $domain" "$domain_dir/logs" domain_start_once domain_kill
  else
    domain_start_once
  fi
}

domain_start_once() {
  log "starting domain $domain"
  "$asadmin" start-domain "$domain" > /dev/null
}

# Whether the application is deployed to the domain's own server (not only to the cluster).
app_on_domain_server() {
  awk '/<server .*name="server"/ { in_server = 1 } in_server && /<\/server>/ { exit }
    in_server && /<application-ref [^>]*ref="complaints"/ { found = 1; exit } END { exit !found }' \
    "$domain_dir/config/domain.xml" 2>/dev/null
}

domain_kill() {
  local pid
  pid=$(cat "$domain_dir/config/pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    log "killing the server (kill -9 $pid)"
    kill -9 "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  fi
}

deploy() {
  local ear=$root/ear/target/complaints.ear
  [ -f "$ear" ] || die "no $ear: build first (./mvnw -DskipTests package)"
  if "$asadmin" list-deployment-groups 2>/dev/null | grep -qE "^\s*$group\s*$" \
      && "$asadmin" list-applications "$group" 2>/dev/null | grep -q '^complaints '; then
    log "undeploying the cluster's deployment (a single server runs the application alone)"
    "$asadmin" undeploy --target domain complaints > /dev/null
  fi
  log "deploying $ear"
  "$asadmin" deploy --force=true --name complaints --contextroot / "$ear" > /dev/null
}

undeploy() {
  domain_running || return 0
  if "$asadmin" list-applications domain 2>/dev/null | grep -q '^complaints '; then
    log "undeploying complaints"
    "$asadmin" undeploy --target domain complaints > /dev/null
  fi
}

wait_ready() { wait_ready_on "$http_port"; }

wait_ready_on() { # port
  # Until the application has loaded, Payara answers UP with no checks at all: wait for ours.
  local url=http://127.0.0.1:$1/health/ready i code= body=
  for ((i = 0; i < 360; i++)); do
    body=$(curl -s -m 5 -w '\n%{http_code}' "$url" || true)
    code=${body##*$'\n'}
    if [ "$code" = 200 ] && [[ "$body" == *'"broker"'* ]] && [[ "$body" == *'"database"'* ]]; then
      log "ready: $url"; return 0
    fi
    sleep 0.5
  done
  die "not ready after 180 s: $url answered $code: $(curl -s -m 5 "$url" || true)"
}

browser() {
  # A Chinese font too, so that the dashboard's screenshot shows its labels.
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -n "$(fc-list :lang=zh 2> /dev/null)" ]; then
    return 0
  fi
  [ "$(id -u)" = 0 ] || die "needed: apt-get install chromium chromium-driver fonts-wqy-microhei"
  log "installing Debian's chromium, chromium-driver and fonts-wqy-microhei"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq > /dev/null
  apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei > /dev/null
}

[ $# -gt 0 ] || { awk 'NR > 1 && /^#/ {print; next} NR > 1 {exit}' "$0"; exit 2; }
for step in "$@"; do
  case "$step" in
    broker-create) broker_create ;;
    broker-up) broker_up ;;
    broker-down) broker_stop "$broker" ;;
    broker-kill) broker_kill ;;
    broker-pair-up) broker_pair_up ;;
    broker-pair-create) broker_create "$broker"; broker_create "$broker_backup" ;;
    broker-pair-down) broker_stop "$broker_backup"; broker_stop "$broker" ;;
    broker-primary-kill) broker_kill ;;
    broker-primary-up) broker_primary_up ;;
    db-prepare) db_prepare ;;
    db-reset) db_reset ;;
    db-stop) db_cluster stop ;;
    db-start) db_cluster start ;;
    keys) keys ;;
    domain-up) domain_up ;;
    domain-down) domain_down ;;
    domain-start) domain_start ;;
    domain-kill) domain_kill ;;
    deploy) deploy ;;
    undeploy) undeploy ;;
    wait-ready) wait_ready ;;
    cluster-up) cluster_up ;;
    cluster-down) cluster_down ;;
    lb-up) lb_up ;;
    instance-kill-1) instance_kill complaints-1 ;;
    instance-kill-2) instance_kill complaints-2 ;;
    instance-start-1) instance_start complaints-1 ;;
    instance-start-2) instance_start complaints-2 ;;
    instance-app-disable-1) instance_app disable complaints-1 ;;
    instance-app-enable-1) instance_app enable complaints-1 ;;
    browser) browser ;;
    *) die "unknown step: $step" ;;
  esac
done
