#!/usr/bin/env bash
# Berth end to end through its REST API: a user, a workspace and a project, a StatefulSet with a
# volume, its logs, scaling, a redeploy and a rollback, then everything deleted again.
#
#   BERTH=http://127.0.0.1:3000 BERTH_ADMIN_PASSWORD='<admin password>' examples/quickstart.sh
#
# Needs curl and jq. BERTH is Berth's address; the admin is BERTH_ADMIN_USERNAME (default admin).
# KEEP=1 leaves what it made in place. CI runs this script against the e2e app (test/examples.e2e-spec.ts).
set -euo pipefail

BERTH=${BERTH:-http://127.0.0.1:3000}
ADMIN=${BERTH_ADMIN_USERNAME:-admin}
: "${BERTH_ADMIN_PASSWORD:?set BERTH_ADMIN_PASSWORD to the password of the platform admin}"
RUN=${RUN:-$(date +%s)}
DEMO_USER=demo-$RUN
DEMO_PASSWORD=Demo-Passw0rd-$RUN
WORKSPACE=demo-ws-$RUN
PROJECT=demo-$RUN
APP=web

step() { printf '\n== %s\n' "$*"; }

# sign_in USER PASSWORD: prints an access token.
sign_in() {
  curl -sS --fail-with-body "$BERTH/oauth/token" -d grant_type=password \
    --data-urlencode "username=$1" --data-urlencode "password=$2" | jq -er .access_token
}

# call TOKEN METHOD PATH [JSON]: prints the answer's body; an HTTP error stops the script with it.
call() {
  local token=$1 method=$2 path=$3 body=${4-} args=()
  [[ -n $body ]] && args=(-H 'content-type: application/json' --data "$body")
  curl -sS --fail-with-body -X "$method" "$BERTH$path" -H "authorization: Bearer $token" "${args[@]}"
}

# until_ready TOKEN REPLICAS: waits (up to 3 minutes) for that many ready pods.
until_ready() {
  local detail
  for _ in $(seq 180); do
    detail=$(call "$1" GET "/api/v1/projects/$PROJECT/statefulsets/$APP")
    if jq -e --argjson n "$2" '.status.ready == $n and .status.phase == "Running"' <<<"$detail" >/dev/null; then
      jq -c '.status | {phase, desired, ready}' <<<"$detail"
      return
    fi
    sleep 1
  done
  echo "$APP did not get $2 ready pods: $(jq -c .status <<<"$detail")" >&2
  return 1
}

step "The platform admin signs in and creates $DEMO_USER"
ADMIN_TOKEN=$(sign_in "$ADMIN" "$BERTH_ADMIN_PASSWORD")
call "$ADMIN_TOKEN" POST /api/v1/users "$(jq -nc --arg u "$DEMO_USER" --arg p "$DEMO_PASSWORD" \
  '{username: $u, email: "\($u)@example.com", password: $p, platformRole: "platform-regular"}')" |
  jq -c '{username, platformRole}'

cleanup() {
  [[ ${KEEP:-} == 1 ]] && return
  step "Cleaning up: the project, the workspace and $DEMO_USER"
  call "$ADMIN_TOKEN" DELETE "/api/v1/projects/$PROJECT" >/dev/null || true
  call "$ADMIN_TOKEN" DELETE "/api/v1/workspaces/$WORKSPACE" >/dev/null || true
  call "$ADMIN_TOKEN" DELETE "/api/v1/users/$DEMO_USER" >/dev/null || true
}
trap cleanup EXIT

step "The admin creates the workspace $WORKSPACE, managed by $DEMO_USER"
call "$ADMIN_TOKEN" POST /api/v1/workspaces "{\"name\": \"$WORKSPACE\", \"manager\": \"$DEMO_USER\"}" |
  jq -c '{name, manager}'

step "$DEMO_USER signs in and creates the project $PROJECT"
TOKEN=$(sign_in "$DEMO_USER" "$DEMO_PASSWORD")
call "$TOKEN" POST "/api/v1/workspaces/$WORKSPACE/projects" "{\"name\": \"$PROJECT\"}" | jq -c '{name, workspace}'

step "A StatefulSet $APP: nginx, 2 replicas, a 1Gi volume per pod"
call "$TOKEN" POST "/api/v1/projects/$PROJECT/statefulsets" '{
  "name": "web", "replicas": 2,
  "containers": [{ "name": "nginx", "image": "nginx:1.27", "ports": [{ "name": "http", "containerPort": 80 }],
                   "volumeMounts": [{ "name": "data", "mountPath": "/usr/share/nginx/html" }] }],
  "volumeClaimTemplates": [{ "name": "data", "size": "1Gi" }]
}' | jq -c '{created: [.objects[] | "\(.kind)/\(.name)"]}'
until_ready "$TOKEN" 2
call "$TOKEN" GET "/api/v1/projects/$PROJECT/volumes" | jq -c '[.items[] | {name, phase: .status.phase, capacity}]'

step "The logs of $APP-0"
call "$TOKEN" GET "/api/v1/projects/$PROJECT/pods/$APP-0/logs?container=nginx&tailLines=5"
echo

step "Scale $APP to 3"
call "$TOKEN" POST "/api/v1/projects/$PROJECT/statefulsets/$APP/scale" '{"replicas": 3}' | jq -c '{message}'
until_ready "$TOKEN" 3

step "Redeploy $APP (a new revision), then roll back to revision 1"
call "$TOKEN" POST "/api/v1/projects/$PROJECT/statefulsets/$APP/redeploy" | jq -c '{message}'
until_ready "$TOKEN" 3
call "$TOKEN" POST "/api/v1/projects/$PROJECT/statefulsets/$APP/rollback" '{"revision": 1}' | jq -c '{message}'
until_ready "$TOKEN" 3
call "$TOKEN" GET "/api/v1/projects/$PROJECT/statefulsets/$APP/revisions" |
  jq -c '[.items[] | {revision, current}]'

step "Delete $APP with its Service and volumes"
call "$TOKEN" DELETE "/api/v1/projects/$PROJECT/statefulsets/$APP?deleteService=true&deleteVolumes=true" |
  jq -c '{deleted: [.objects[] | "\(.kind)/\(.name)"]}'
step "Done"
