#!/usr/bin/env bash
# Intake load benchmark (issue 3): complaints submitted over HTTP with wrk against the running
# system on PostgreSQL.
#   1. saturation: as many complaints as 2 threads × 32 connections get through in 60 s;
#   2. fixed rate: ~500 complaints/s (64 connections, each pacing itself) for 60 s, latency
#      percentiles. wrk paces by delaying each request, so a slow response also lowers the rate
#      (no coordinated-omission correction); the achieved rate is printed.
# Each run also counts the complaints stored, which must equal the 201s.
#
#   ./complaints up --db postgresql
#   bench/intake-load.sh                      # DURATION=60s RATE=500 CONNECTIONS=32
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base_url=${BASE_URL:-http://127.0.0.1:8080}
duration=${DURATION:-60s}
rate=${RATE:-500}
connections=${CONNECTIONS:-32}
export PGHOST=${DB_HOST:-127.0.0.1} PGPORT=${DB_PORT:-5432} PGDATABASE=${DB_NAME:-complaints}
export PGUSER=${DB_USER:-complaints} PGPASSWORD=${DB_PASSWORD:-complaints}
log() { printf '[bench] %s\n' "$*"; }
stored() { psql -qtAX -c "select count(*) from complaint"; }

# shellcheck source=wrk/setup.sh
. "$root/bench/wrk/setup.sh"

log "warm-up: 60 s (the JIT compiler is still busy after 20 s)"
wrk -t2 -c16 -d60s -s "$root/bench/wrk/submit.lua" "$base_url" > /dev/null

before=$(stored)
log "saturation: 2 threads, $connections connections, $duration"
wrk -t2 -c"$connections" -d"$duration" --latency -s "$root/bench/wrk/submit.lua" "$base_url"
log "stored: $(( $(stored) - before )) complaints"

pace_connections=64
before=$(stored)
log "fixed rate: ~$rate/s ($pace_connections connections, one request each per $(( pace_connections * 1000 / rate )) ms), $duration"
RATE_DELAY_MS=$(( pace_connections * 1000 / rate )) \
  wrk -t2 -c"$pace_connections" -d"$duration" --latency -s "$root/bench/wrk/submit.lua" "$base_url"
log "stored: $(( $(stored) - before )) complaints"
