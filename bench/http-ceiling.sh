#!/usr/bin/env bash
# What the application server itself serves per second on this machine, from the cheapest request
# to a registered complaint: the ceiling any intake design meets (issues 3, 18). Each request kind
# is warmed up, then run at saturation with wrk (2 threads, 32 connections), on the running system;
# every answer's status is checked against the row's (the script fails when one differs).
#
#   ./complaints up --db postgresql
#   bench/http-ceiling.sh                     # WARMUP=20s DURATION=30s CONNECTIONS=32
#
# 1. a static file (the dashboard's style sheet): Grizzly and the default servlet only;
# 2. an unknown API path: also Jersey, the access filter and a problem+json 404;
# 3. a submission without a token: refused with 401 by the access filter (ADR 0008);
# 4. a submission with a channel's token and an invalid mobile: the token verified, the JSON
#    parsed, bean validation, a 400 problem; no database, no broker;
# 5. a valid submission: the complaint registered (201).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base_url=${BASE_URL:-http://127.0.0.1:8080}
warmup=${WARMUP:-20s}
duration=${DURATION:-30s}
connections=${CONNECTIONS:-32}
log() { printf '[bench] %s\n' "$*"; }

# shellcheck source=wrk/setup.sh
. "$root/bench/wrk/setup.sh"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cat > "$scratch/no-token.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"channel":"MOBILE_APP","customer":{"name":"压测客户","mobile":"13912345678"},"subject":"手机银行转账失败","description":"款项被扣但对方未收到。"}'
LUA
# The intake script with the mobile made invalid: everything up to bean validation.
sed 's/"mobile":"%s"/"mobile":"x%s"/' "$root/bench/wrk/submit.lua" > "$scratch/invalid.lua"

# A script made to check every answer's status: the kind's own script (if any) with
# bench/wrk/checked.lua after it (run with EXPECT_STATUS set), which counts the answers of another
# status and prints them when wrk is done.
checked() { # [base script] -> the checked script's path
  local script=$scratch/check-$RANDOM.lua
  { [ -n "${1:-}" ] && cat "$1"; echo "dofile(\"$root/bench/wrk/checked.lua\")"; } > "$script"
  echo "$script"
}

failed=0
run() { # name, expected status, URL, [script]
  local name=$1 status=$2 url=$3 script
  script=$(checked "${4:-}")
  EXPECT_STATUS=$status wrk -t2 -c16 -d"$warmup" -s "$script" "$url" > /dev/null
  local out rps p50 p99 wrong
  out=$(EXPECT_STATUS=$status wrk -t2 -c"$connections" -d"$duration" --latency -s "$script" "$url")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<< "$out")
  p50=$(awk '$1 == "50%" {print $2}' <<< "$out")
  p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
  wrong=$(awk '/^answers not/ {print $NF}' <<< "$out")
  printf '| %s | %s | %s | %s | %s |\n' "$name" "$status" "$rps" "$p50" "$p99"
  if [ "$wrong" != 0 ]; then
    log "$name: ${wrong:-?} answers were not $status"
    failed=1
  fi
}

log "machine: $(nproc) cores; $duration per kind after $warmup of warm-up; $connections connections"
echo "| request | status | requests/s | p50 | p99 |"
echo "|---|---|---:|---:|---:|"
run "static file" 200 "$base_url/dashboard/dashboard.css"
run "unknown API path" 404 "$base_url/api/v1/no-such-resource"
run "submission without a token" 401 "$base_url/api/v1/complaints" "$scratch/no-token.lua"
run "submission failing validation (token verified)" 400 "$base_url" "$scratch/invalid.lua"
run "complaint registered" 201 "$base_url" "$root/bench/wrk/submit.lua"
exit "$failed"
