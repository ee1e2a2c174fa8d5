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

ra_name=complaints-artemis-ra
pool_name=complaints-jms-pool
cf_jndi=jms/complaints/ConnectionFactory

[ -f "$rar" ] || { echo "resource adapter not found: $rar (build jms-config first)" >&2; exit 1; }
[ -f "$broker_xml" ] || { echo "broker configuration not found: $broker_xml" >&2; exit 1; }

# asadmin list commands print one name per line (followed by a status line).
has() { "${asadmin[@]}" "$1" 2>/dev/null | awk '{print $1}' | grep -qxF -- "$2"; }

# asadmin separates properties with ':' and keys from values with '=': escape both in values.
esc() { local v=${1//\\/\\\\}; v=${v//:/\\:}; v=${v//=/\\=}; printf '%s' "$v"; }

# The pool's UserName/Password become the container's default resource principal: without them
# Payara signs in to the broker with an empty user name.
if ! has list-resource-adapter-configs "$ra_name"; then
  "${asadmin[@]}" create-resource-adapter-config \
    --property "ConnectionParameters=host\\=$(esc "$broker_host");port\\=$broker_port:UserName=$(esc "$broker_user"):Password=$(esc "$broker_password")" \
    "$ra_name"
fi

if ! has list-applications "$ra_name"; then
  "${asadmin[@]}" deploy --type rar --name "$ra_name" "$rar"
fi

if ! has list-connector-connection-pools "$pool_name"; then
  "${asadmin[@]}" create-connector-connection-pool \
    --raname "$ra_name" \
    --connectiondefinition org.apache.activemq.artemis.ra.ActiveMQRAConnectionFactory \
    --transactionsupport XATransaction \
    --steadypoolsize 1 --maxpoolsize "$pool_max" \
    --ping=false \
    --property "UserName=$(esc "$broker_user"):Password=$(esc "$broker_password"):AllowLocalTransactions=true" \
    "$pool_name"
fi
# The outbox relay sends each batch in one local JMS transaction (ADR 0003); set here as well so
# a pool made by an earlier version gets it.
"${asadmin[@]}" set "resources.connector-connection-pool.$pool_name.property.AllowLocalTransactions=true" > /dev/null

if ! has list-connector-resources "$cf_jndi"; then
  "${asadmin[@]}" create-connector-resource --poolname "$pool_name" "$cf_jndi"
fi

existing=$("${asadmin[@]}" list-admin-objects 2>/dev/null | awk '{print $1}')
for address in $(grep -oE '<address name="complaints\.[A-Za-z0-9_.-]+"' "$broker_xml" | cut -d'"' -f2); do
  jndi="jms/${address//.//}"
  if ! grep -qxF -- "$jndi" <<< "$existing"; then
    "${asadmin[@]}" create-admin-object --raname "$ra_name" --restype jakarta.jms.Queue \
      --property "Address=$address" "$jndi"
  fi
done
echo "JMS resources ready: $cf_jndi -> $broker_host:$broker_port"
