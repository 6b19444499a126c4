#!/usr/bin/env bash
# Brings up the local control plane (building its binaries first if needed) and prints the path of
# its kubeconfig on stdout; progress goes to stderr. Idempotent: a running cluster is reused and a
# stopped one (e.g. after a reboot) is restarted.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$CLUSTER_DIR/manifests/nodes.sh"

command -v kubectl >/dev/null || die "kubectl is required (see README: Requirements)"
started="$(date +%s)"
"$CLUSTER_DIR/build.sh"

# The components kwokctl starts outlive it; they must not inherit the lock's descriptor (fd 8).
kwokctl() { "$(kwokctl_bin)" --name "$BERTH_CLUSTER_NAME" "$@" 8>&-; }
kube() { kubectl --kubeconfig "$KUBECONFIG_PATH" "$@"; }
api_ready() { [[ -f "$KUBECONFIG_PATH" ]] && kube get --raw=/readyz >/dev/null 2>&1; }

# The container log every simulated container serves (CRI format, as a kubelet stores it).
write_container_log() {
  local file="$1" now i
  now="$(date +%s)"
  : >"$file"
  for ((i = 30; i > 0; i--)); do
    printf '%s stdout F 127.0.0.1 - - "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.36" line=%d\n' \
      "$(date -u -d "@$((now - i * 10))" +%Y-%m-%dT%H:%M:%S.000000000Z)" "$((31 - i))" >>"$file"
  done
}

create_cluster() {
  local kwok_src ms_src config="$CLUSTER_FILES/kwokctl.yaml" logs="$CLUSTER_FILES/container.log"
  mkdir -p "$CLUSTER_FILES"
  kwok_src="$(cd "$MODULES_DIR/kwok" && go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)"
  ms_src="$(cd "$MODULES_DIR/metrics-server" && go list -m -f '{{.Dir}}' sigs.k8s.io/metrics-server)"
  write_container_log "$logs"
  sed -e "s|__LOGS_FILE__|$logs|" -e "s|__METRICS_SERVER_MANIFESTS__|$ms_src/manifests/base|" \
    -e "s|__CACHE_DIR__|$BERTH_CACHE_DIR/kwok-cache|" -e "s|__PKI_DIR__|$CLUSTER_WORKDIR/pki|" \
    "$CLUSTER_DIR/kwokctl.yaml" >"$config"
  local stage_dir="$kwok_src/kustomize/stage"
  log "creating cluster \"$BERTH_CLUSTER_NAME\" (state in $CLUSTER_WORKDIR)"
  kwokctl -v WARN create cluster \
    --kubeconfig "" \
    -c "$config" \
    -c "$stage_dir/node/fast/node-initialize.yaml" \
    -c "$stage_dir/node/heartbeat-with-lease/node-heartbeat-with-lease.yaml" \
    -c "$stage_dir/pod/fast/pod-ready.yaml" \
    -c "$stage_dir/pod/fast/pod-complete.yaml" \
    -c "$stage_dir/pod/fast/pod-delete.yaml" \
    -c "$stage_dir/volume/fast/pvc-provision.yaml" \
    -c "$stage_dir/volume/fast/pvc-delete.yaml" \
    -c "$stage_dir/volume/fast/pv-bind.yaml" \
    -c "$stage_dir/volume/fast/pv-delete.yaml" \
    -c "$CLUSTER_DIR/manifests/stages/pod-crash-loop.yaml" \
    -c "$CLUSTER_DIR/manifests/stages/pod-container-ids.yaml" \
    --kube-apiserver-binary "$(bin_dir kubernetes)/kube-apiserver" \
    --kube-controller-manager-binary "$(bin_dir kubernetes)/kube-controller-manager" \
    --kube-scheduler-binary "$(bin_dir kubernetes)/kube-scheduler" \
    --etcd-binary "$(bin_dir etcd)/etcd" \
    --kwok-controller-binary "$(bin_dir kwok)/kwok" \
    --metrics-server-binary "$(bin_dir metrics-server)/metrics-server" \
    --wait 2m >&2
}

# stop_component <name>: ends one process that kwokctl started (kwokctl has no per-component stop)
# and drops its pid file, so that `kwokctl start cluster` starts it again.
stop_component() {
  local pid_file="$CLUSTER_WORKDIR/pids/$1.pid" pid i
  pid="$(cat "$pid_file" 2>/dev/null)" || return 0
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    [[ "$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null)" =~ ^Z?$ ]] && break
    sleep 0.2
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pid_file"
}

# A restarted kwok controller has a new identity, while each node's Lease still names the controller
# that died with the machine; until those Leases expire (200 s) the new one leaves the nodes, and
# every pod scheduled to them, alone. So: stop it, drop the stale Leases, start it again.
take_over_nodes() {
  log "handing the nodes to the restarted kwok controller"
  stop_component kwok-controller
  # shellcheck disable=SC2046 # one argument per node name
  kube -n kube-node-lease delete lease --ignore-not-found $(node_names "$BERTH_NODE_COUNT") >&2
  kwokctl -v WARN start cluster --wait 2m >&2 && api_ready
}

# Every node's Lease exists only once a live kwok controller holds it (and so plays its pods).
wait_for_node_leases() {
  local i
  for ((i = 0; i < 120; i++)); do
    # shellcheck disable=SC2046 # one argument per node name
    kube -n kube-node-lease get lease $(node_names "$BERTH_NODE_COUNT") >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  die "the kwok controller did not take the nodes within 60 s (see $CLUSTER_WORKDIR/logs/kwok-controller.log)"
}

# One `up` at a time (npm start and npm test may both ask for the cluster).
exec 8>"$BERTH_CACHE_DIR/.up.lock"
flock -w 600 8 || die "another cluster/up.sh has held the lock for 10 minutes"
if api_ready; then
  log "cluster \"$BERTH_CLUSTER_NAME\" is already running"
elif [[ -f "$CLUSTER_WORKDIR/kwok.yaml" ]]; then
  log "starting the stopped cluster \"$BERTH_CLUSTER_NAME\""
  # (kwokctl exits 0 even when its --wait runs out, hence the explicit api_ready.)
  if ! { kwokctl -v WARN start cluster --wait 2m >&2 && api_ready && take_over_nodes; }; then
    log "restart failed; recreating the cluster"
    kwokctl delete cluster >&2 || true
    create_cluster
  fi
else
  rm -rf "$CLUSTER_WORKDIR"
  create_cluster
fi

log "applying nodes and the default StorageClass"
{ print_nodes "$BERTH_NODE_COUNT"; echo '---'; cat "$CLUSTER_DIR/manifests/storage-class.yaml"; } | kube apply -f - >&2
kube wait --for=condition=Ready node --all --timeout=60s >&2
wait_for_node_leases
log "ready in $(($(date +%s) - started))s; kubeconfig: $KUBECONFIG_PATH"
echo "$KUBECONFIG_PATH"
