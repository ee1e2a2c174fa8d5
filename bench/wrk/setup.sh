# Sourced by the wrk benchmarks (intake-load.sh, http-ceiling.sh, read-load.sh), after they set
# root, base_url and log: installs wrk when absent, checks that the system is up, and exports TOKEN,
# a channel system's bearer token for bench/wrk/submit.lua.
if ! command -v wrk > /dev/null; then
  log "installing wrk (Debian package)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null
fi
curl -fsS "$base_url/health/ready" > /dev/null || { echo "the system is not up: ./complaints up --db postgresql" >&2; exit 1; }
TOKEN=$("$root/complaints" token channel --channel MOBILE_APP --name bench-mobile-app)
export TOKEN
