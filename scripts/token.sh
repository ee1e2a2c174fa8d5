#!/usr/bin/env bash
# Mints a bearer token signed with the local key pair that scripts/runtime.sh made (the run
# command's stand-in for the bank's identity provider). Used by ./complaints token.
#
#   scripts/token.sh <role>[,<role>…] [--channel CODE] [--department CODE] [--name NAME] [--hours N]
#
# Roles: channel handler supervisor department-head branch-vice-president head-office-risk
# head-office-legal executive manager administrator. A channel system needs --channel (e.g.
# MOBILE_APP); department staff need --department (e.g. CSC).
set -euo pipefail
: "${RUNTIME_DIR:?RUNTIME_DIR must name the runtime folder}"
private=$RUNTIME_DIR/keys/jwt-private.pem
[ -f "$private" ] || { echo "no $private: start the system first (./complaints up)" >&2; exit 2; }
[ $# -ge 1 ] || { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
roles=$1; shift
channel= department= name= hours=8
while [ $# -gt 0 ]; do
  case "$1" in
    --channel) channel=$2; shift 2 ;;
    --department) department=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    --hours) hours=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
name=${name:-local-${roles//,/-}}
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
groups=$(printf '"%s",' ${roles//,/ }); groups=${groups%,}
claims="\"iss\":\"complaints-local\",\"sub\":\"$name\",\"upn\":\"$name\",\"groups\":[$groups]"
claims+=",\"iat\":$now,\"exp\":$((now + hours * 3600)),\"jti\":\"$(openssl rand -hex 16)\""
[ -n "$channel" ] && claims+=",\"channel\":\"$channel\""
[ -n "$department" ] && claims+=",\"department\":\"$department\""
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{%s}' "$claims" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$private" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
