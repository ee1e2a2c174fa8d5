#!/usr/bin/env bash
# A backlog in the broker: the departments' systems and the notice gateway stop reading (a weekend,
# an outage) while complaints keep coming. With the broker up (./complaints up, or
# scripts/runtime.sh broker-up) and nobody reading its queues:
#   1. sends COUNT messages as the outbox relay does (persistent, 200 per transaction, a
#      duplicate-detection id each, a task's size) to the six task queues and the notifications
#      queue in turn (bench/BrokerBacklog.java), so the duplicate-id caches fill and the messages
#      pass global-max-size and page;
#   2. the broker's heap after a full collection, and its paging directory;
#   3. restarts the broker (it reloads the journal and the caches) and measures the heap again;
#   4. reads every message back: all COUNT must arrive (nothing lost).
# Fails if a send fails, the heap after a collection passes MAX_HEAP_SHARE % of the broker's
# maximum, or a message is missing. The system's server may run meanwhile (it reconnects), but
# nothing may register complaints: the script reads and drops everything on those queues, before
# and after. Run it on the local or a test broker, never on one that holds departments' work.
#
#   bench/broker-backlog.sh              # COUNT=800000 MAX_HEAP_SHARE=75
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runtime_dir=${RUNTIME_DIR:-$root/.run}
count=${COUNT:-800000}
max_share=${MAX_HEAP_SHARE:-75}
url=tcp://${BROKER_HOST:-127.0.0.1}:${BROKER_PORT:-61616}
user=${BROKER_USER:-complaints} password=${BROKER_PASSWORD:-complaints}
artemis_lib=$(ls -d "$runtime_dir"/dist/apache-artemis-*/lib | head -1)
queues="complaints.tasks.CSC complaints.tasks.EBANK complaints.tasks.OPS complaints.tasks.CARDS
  complaints.tasks.RETAIL_LENDING complaints.tasks.WEALTH complaints.notifications"
log() { printf '[backlog] %s\n' "$*"; }
backlog() { java -cp "$artemis_lib/*" "$root/bench/BrokerBacklog.java" "$1" "$url" "$user" "$password" "${@:2}"; }
broker_pid() { cat "$runtime_dir/broker/data/artemis.pid"; }
failed=0

heap() { # what -> checks the heap after a full collection against the bound
  local pid used max share
  pid=$(broker_pid)
  timeout 120 jcmd "$pid" GC.run > /dev/null || { log "FAILED: the broker does not answer jcmd (stopped in garbage collection?)"; failed=1; return; }
  # G1: "garbage-first heap   total 2097152K, used 1002044K"; Shenandoah (scripts/runtime.sh's
  # default for the broker): "Shenandoah Heap" then " 2048M max, …, 1414M used".
  used=$(jcmd "$pid" GC.heap_info | awk '
    function mb(v) { if (v ~ /K$/) return int(v / 1024); if (v ~ /G$/) return int(v * 1024); return int(v) }
    /garbage-first heap/ { for (i = 1; i <= NF; i++) if ($i == "used") { sub(",", "", $(i + 1)); print mb($(i + 1)) } }
    /Shenandoah Heap/ { shenandoah = 1; next }
    shenandoah && / used/ { for (i = 2; i <= NF; i++) if ($i == "used") print mb($(i - 1)); shenandoah = 0 }')
  [ -n "$used" ] || { log "FAILED: the broker's heap could not be read from jcmd GC.heap_info"; failed=1; return; }
  max=$(jcmd "$pid" VM.flags | tr ' ' '\n' | awk -F= '$1 == "-XX:MaxHeapSize" {print int($2 / 1048576)}')
  share=$((100 * used / max))
  log "$1: heap after a full collection ${used} MB of ${max} MB (${share} %), paging $(du -sm "$runtime_dir/broker/data/paging" | cut -f1) MB, journal $(du -sm "$runtime_dir/broker/data/journal" | cut -f1) MB"
  if [ "$share" -gt "$max_share" ]; then
    log "FAILED: more than $max_share % of the heap is held"
    failed=1
  fi
}

log "draining what the queues hold before the run"
# shellcheck disable=SC2086
backlog count $queues | tail -1
heap "before"
log "sending $count messages to $(wc -w <<< "$queues") queues, nobody reading"
# shellcheck disable=SC2086
backlog send "$count" $queues || { log "FAILED: a send failed"; failed=1; }
heap "with the backlog"
log "restarting the broker"
RUNTIME_DIR=$runtime_dir "$root/scripts/runtime.sh" broker-down broker-up > /dev/null
heap "after the restart"
# shellcheck disable=SC2086
received=$(backlog count $queues | tee /dev/stderr | awk -F= '/^received=/ {print $2}' | cut -d' ' -f1)
if [ "$received" = "$count" ]; then
  log "all $count messages read back after the restart"
else
  log "FAILED: $received of $count messages read back"
  failed=1
fi
exit "$failed"
