#!/usr/bin/env bash
# Creates the complaint platform's JMS resources on a Payara domain: the Artemis resource adapter
# (configured, then deployed), the XA connection pool and factory, and one Queue admin object per
# complaints.* address declared in broker.xml. Safe to run again: what exists is left as it is.
#
# Environment (defaults in brackets):
#   ASADMIN          the asadmin command, with its connection options for a remote domain, e.g.
#                    "/opt/payara6/bin/asadmin --host app1 --port 4848 --user admin --passwordfile pw"
#                    [asadmin]
#   RAR              the adapter built by this module [../../../target/complaints-artemis-ra.rar]
#   BROKER_XML       the broker configuration whose addresses become admin objects [../broker/broker.xml]
#   BROKER_HOST      [127.0.0.1]      BROKER_PORT      [61616]
#   BROKER_USER      [complaints]     BROKER_PASSWORD  [complaints]
#   JMS_POOL_MAX     maximum pooled broker sessions [32]
#   BROKER_BACKUP    the backup of a replicated pair, host:port (ha-backup.xml) [none]: the
#                    adapter then knows both brokers and fails over to whichever is active
#   TARGET           a deployment group or cluster to give the resources to, besides the domain's
#                    own server [none]
#
# JNDI names: jms/complaints/ConnectionFactory; a queue address complaints.tasks.CSC becomes
# jms/complaints/tasks/CSC. The adapter is deployed as "complaints-artemis-ra"; message-driven
# beans name it as their resourceAdapter.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

read -r -a asadmin <<< "${ASADMIN:-asadmin}"
rar=${RAR:-$here/../../../target/complaints-artemis-ra.rar}
broker_xml=${BROKER_XML:-$here/../broker/broker.xml}
broker_host=${BROKER_HOST:-127.0.0.1}
broker_port=${BROKER_PORT:-61616}
broker_user=${BROKER_USER:-complaints}
broker_password=${BROKER_PASSWORD:-complaints}
pool_max=${JMS_POOL_MAX:-32}
backup=${BROKER_BACKUP:-}
target=${TARGET:-}

ra_name=complaints-artemis-ra
pool_name=complaints-jms-pool
cf_jndi=jms/complaints/ConnectionFactory

[ -f "$rar" ] || { echo "resource adapter not found: $rar (build jms-config first)" >&2; exit 1; }
[ -f "$broker_xml" ] || { echo "broker configuration not found: $broker_xml" >&2; exit 1; }

# What the domain has: one call for the resources' dotted names, one for the applications.
existing=$("${asadmin[@]}" get 'resources.*' 2>/dev/null | grep -oE '^resources\.[a-z-]+\.[^.=]+' | sort -u || true)
applications=$("${asadmin[@]}" list-applications 2>/dev/null | awk '{print $1}' || true)
has() { grep -qxF -- "resources.$1.$2" <<< "$existing"; }

# asadmin separates properties with ':' and keys from values with '=': escape both in values.
esc() { local v=${1//\\/\\\\}; v=${v//:/\\:}; v=${v//=/\\=}; printf '%s' "$v"; }

# Everything missing is created by one asadmin process (multimode): one process per command costs
# a JVM start each, about 1.5 s apiece for some twenty commands. Its command file takes no blanks
# or quotes inside an argument, and a backslash is doubled there (the shell would remove one).
batch=$(mktemp)
trap 'rm -f "$batch"' EXIT
add() {
  local line= arg
  for arg in "$@"; do
    [[ "$arg" =~ [[:space:]\"\'] ]] && { echo "no blanks or quotes in asadmin arguments: $arg" >&2; exit 2; }
    line+="${line:+ }${arg//\\/\\\\}"
  done
  printf '%s\n' "$line" >> "$batch"
}

# The broker, or both brokers of a replicated pair (HA: the adapter follows the active one).
netty=org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory
connectors="host=$broker_host;port=$broker_port"
classes=$netty
ha=false
if [ -n "$backup" ]; then
  connectors+=",host=${backup%:*};port=${backup##*:}"
  classes+=",$netty"
  ha=true
fi
# The pool's UserName/Password become the container's default resource principal: without them
# Payara signs in to the broker with an empty user name.
if ! has resource-adapter-config "$ra_name"; then
  add create-resource-adapter-config \
    --property "ConnectorClassName=$classes:ConnectionParameters=$(esc "$connectors"):HA=$ha:UserName=$(esc "$broker_user"):Password=$(esc "$broker_password")" \
    "$ra_name"
else # the same domain switched between one broker and a pair
  add set "resources.resource-adapter-config.$ra_name.property.ConnectorClassName=$classes"
  add set "resources.resource-adapter-config.$ra_name.property.ConnectionParameters=$connectors"
  add set "resources.resource-adapter-config.$ra_name.property.HA=$ha"
fi

if ! grep -qxF -- "$ra_name" <<< "$applications"; then
  add deploy --type rar --name "$ra_name" "$rar"
fi

if ! has connector-connection-pool "$pool_name"; then
  add create-connector-connection-pool \
    --raname "$ra_name" \
    --connectiondefinition org.apache.activemq.artemis.ra.ActiveMQRAConnectionFactory \
    --transactionsupport XATransaction \
    --steadypoolsize 1 --maxpoolsize "$pool_max" \
    --ping=false \
    --property "UserName=$(esc "$broker_user"):Password=$(esc "$broker_password"):AllowLocalTransactions=true" \
    "$pool_name"
else
  # The outbox relay sends each batch in one local JMS transaction (ADR 0003): a pool made by an
  # earlier version gets it too.
  add set "resources.connector-connection-pool.$pool_name.property.AllowLocalTransactions=true"
fi

if ! has connector-resource "$cf_jndi"; then
  add create-connector-resource --poolname "$pool_name" "$cf_jndi"
fi

for address in $(grep -oE '<address name="complaints\.[A-Za-z0-9_.-]+"' "$broker_xml" | cut -d'"' -f2); do
  jndi="jms/${address//.//}"
  if ! has admin-object-resource "$jndi"; then
    add create-admin-object --raname "$ra_name" --restype jakarta.jms.Queue \
      --property "Address=$address" "$jndi"
  fi
done

# A deployment group gets the adapter and a reference to each resource.
if [ -n "$target" ]; then
  refs=$("${asadmin[@]}" list-resource-refs "$target" 2>/dev/null || true)
  app_refs=$("${asadmin[@]}" list-application-refs "$target" 2>/dev/null || true)
  grep -qxF -- "$ra_name" <<< "$app_refs" || add create-application-ref --target "$target" "$ra_name"
  for jndi in "$cf_jndi" $(grep -oE '<address name="complaints\.[A-Za-z0-9_.-]+"' "$broker_xml" | cut -d'"' -f2 | sed 's#\.#/#g; s#^#jms/#'); do
    grep -qxF -- "$jndi" <<< "$refs" || add create-resource-ref --target "$target" "$jndi"
  done
fi

if [ -s "$batch" ]; then
  TERM=${TERM:-dumb} "${asadmin[@]}" multimode --file "$batch" > "$batch.out" 2>&1 || {
    cat "$batch.out" >&2
    rm -f "$batch.out"
    exit 1
  }
  rm -f "$batch.out"
fi
echo "JMS resources ready: $cf_jndi -> $broker_host:$broker_port${backup:+ (backup $backup)}${target:+, for $target}"
