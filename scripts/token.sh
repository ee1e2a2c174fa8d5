#!/usr/bin/env bash
# Mints a bearer token signed with the local key pair that scripts/runtime.sh made (the run
# command's stand-in for the bank's identity provider). Used by ./complaints token.
#
#   scripts/token.sh <role>[,<role>…] [--channel CODE] [--department CODE] [--name NAME]
#                    [--employee-id ID] [--unit UNIT] [--minutes N]
#
# Roles: channel handler supervisor department-head branch-vice-president head-office-risk
# head-office-legal executive manager administrator. A channel system needs --channel (e.g.
# MOBILE_APP); department staff need --department (e.g. CSC); whoever proposes or approves a
# resolution needs --employee-id (the case records the token's person). The platform refuses a
# token older than mp.jwt.verify.token.age (an hour), whatever its expiry: the default lifetime.
set -euo pipefail
: "${RUNTIME_DIR:?RUNTIME_DIR must name the runtime folder}"
private=$RUNTIME_DIR/keys/jwt-private.pem
[ -f "$private" ] || { echo "no $private: start the system first (./complaints up)" >&2; exit 2; }
[ $# -ge 1 ] || { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
roles=$1; shift
channel= department= name= employee= unit= minutes=60
while [ $# -gt 0 ]; do
  case "$1" in
    --channel) channel=$2; shift 2 ;;
    --department) department=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    --minutes) minutes=$2; shift 2 ;;
    --employee-id) employee=$2; shift 2 ;;
    --unit) unit=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
name=${name:-local-${roles//,/-}}
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
groups=$(printf '"%s",' ${roles//,/ }); groups=${groups%,}
claims="\"iss\":\"complaints-local\",\"aud\":\"complaints\",\"sub\":\"$name\",\"upn\":\"$name\",\"groups\":[$groups]"
claims+=",\"iat\":$now,\"exp\":$((now + minutes * 60)),\"jti\":\"$(openssl rand -hex 16)\""
[ -n "$channel" ] && claims+=",\"channel\":\"$channel\""
[ -n "$department" ] && claims+=",\"department\":\"$department\""
[ -n "$employee" ] && claims+=",\"employee_id\":\"$employee\""
[ -n "$unit" ] && claims+=",\"unit\":\"$unit\""
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{%s}' "$claims" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$private" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
