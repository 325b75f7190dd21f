#!/usr/bin/env bash
# Prints a fresh access token from the local identity provider (deploy/identity), for curl:
#   curl -H "Authorization: Bearer $(deploy/local/token.sh alice)" ...
# A person (alice, victor, ada, carol; password = the name) signs in through the real
# authorization-code flow with PKCE as the public client incident-cli; "automation" gets a
# client-credentials token instead. Local sample values only.
# Env: IDENTITY_URL (default http://localhost:9000). Needs curl, sed, grep, openssl.
set -euo pipefail

fail() {
  echo "token.sh: $*" >&2
  exit 1
}

[ $# -eq 1 ] && [ -n "$1" ] || fail "usage: token.sh PERSON (alice, victor, ada, carol) or token.sh automation"
person="$1"
idp="${IDENTITY_URL:-http://localhost:9000}"
idp="${idp%/}"
client_id=incident-cli
callback=http://127.0.0.1:9999/callback

access_token_of() {
  local token
  token="$(printf '%s' "$1" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')"
  [ -n "$token" ] || fail "no access token from $idp/oauth2/token: $1"
  printf '%s\n' "$token"
}

if [ "$person" = automation ]; then
  response="$(curl -sS -u automation:local-automation-secret -d grant_type=client_credentials "$idp/oauth2/token")" \
    || fail "identity provider not reachable at $idp (start it: java -jar deploy/identity/target/identity-provider.jar)"
  access_token_of "$response"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cookies="$work/cookies"

# curl for one step of the browser's journey: keeps cookies, never follows redirects and
# prints "STATUS LOCATION" (the location resolved to an absolute URL)
step() {
  curl -sS -o "$work/body" -b "$cookies" -c "$cookies" -H 'Accept: text/html' \
    -w '%{http_code} %{redirect_url}' "$@"
}

verifier="$(openssl rand -base64 48 | tr '+/' '-_' | tr -d '=\n')"
challenge="$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | openssl base64 -A | tr '+/' '-_' | tr -d '=')"
state="$(openssl rand -hex 16)"

reply="$(step -G "$idp/oauth2/authorize" --data-urlencode response_type=code \
  --data-urlencode "client_id=$client_id" --data-urlencode "redirect_uri=$callback" \
  --data-urlencode 'scope=openid profile' --data-urlencode "state=$state" \
  --data-urlencode "code_challenge=$challenge" --data-urlencode code_challenge_method=S256)" \
  || fail "identity provider not reachable at $idp (start it: java -jar deploy/identity/target/identity-provider.jar)"
case "$reply" in
  30[23]\ *) ;;
  *) fail "GET $idp/oauth2/authorize answered ${reply%% *} instead of sending to the login page" ;;
esac

curl -sS -o "$work/login.html" -b "$cookies" -c "$cookies" "$idp/login" || fail "cannot fetch $idp/login"
csrf="$(grep -o '<input name="_csrf"[^>]*>' "$work/login.html" | sed -n 's/.*value="\([^"]*\)".*/\1/p' | head -n 1)"
[ -n "$csrf" ] || fail "no CSRF field on $idp/login"

reply="$(step --data-urlencode "username=$person" --data-urlencode "password=$person" \
  --data-urlencode "_csrf=$csrf" "$idp/login")" || fail "cannot post the login form to $idp/login"
location="${reply#* }"
case "$location" in
  *"/login?error"*) fail "sign-in failed for '$person': not a sample person (alice, victor, ada, carol)" ;;
esac

# follow redirects until the identity provider sends the browser back to the callback with
# the code; that last one is not followed: nothing listens there
hops=0
until [[ "$location" == "$callback?"* ]]; do
  [ -n "$location" ] || fail "the authorization flow stopped with HTTP ${reply%% *} before reaching $callback"
  hops=$((hops + 1))
  [ "$hops" -le 5 ] || fail "too many redirects, last: $location"
  reply="$(step "$location")" || fail "cannot fetch $location"
  location="${reply#* }"
done

query="${location#*\?}"
error="$(printf '%s' "$query" | sed -n 's/.*\(^\|&\)error=\([^&]*\).*/\2/p')"
[ -z "$error" ] || fail "the identity provider refused the authorization: $error ($location)"
code="$(printf '%s' "$query" | sed -n 's/.*\(^\|&\)code=\([^&]*\).*/\2/p')"
returned_state="$(printf '%s' "$query" | sed -n 's/.*\(^\|&\)state=\([^&]*\).*/\2/p')"
[ -n "$code" ] || fail "no code in $location"
[ "$returned_state" = "$state" ] || fail "state mismatch in $location"

response="$(curl -sS "$idp/oauth2/token" --data-urlencode grant_type=authorization_code \
  --data-urlencode "code=$code" --data-urlencode "redirect_uri=$callback" \
  --data-urlencode "client_id=$client_id" --data-urlencode "code_verifier=$verifier")" \
  || fail "cannot reach $idp/oauth2/token"
access_token_of "$response"
