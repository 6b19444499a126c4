#!/usr/bin/env bash
# Reports whether the local control plane is running, where its kubeconfig is, and what listens.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ ! -f "$KUBECONFIG_PATH" ]]; then
  echo "cluster \"$BERTH_CLUSTER_NAME\": not created (npm run cluster:up)"
  exit 1
fi
if ! kubectl --kubeconfig "$KUBECONFIG_PATH" get --raw=/readyz >/dev/null 2>&1; then
  echo "cluster \"$BERTH_CLUSTER_NAME\": stopped (npm run cluster:up restarts it)"
  echo "kubeconfig: $KUBECONFIG_PATH"
  exit 1
fi
echo "cluster \"$BERTH_CLUSTER_NAME\": running"
echo "kubeconfig: $KUBECONFIG_PATH"
echo "server: $(kubectl --kubeconfig "$KUBECONFIG_PATH" config view -o jsonpath='{.clusters[0].cluster.server}')"
kubectl --kubeconfig "$KUBECONFIG_PATH" get nodes
"$(kwokctl_bin)" --name "$BERTH_CLUSTER_NAME" get components 2>/dev/null || true
