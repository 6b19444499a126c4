#!/usr/bin/env bash
# Deletes the local control plane and its state (the built binaries stay cached).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ ! -d "$CLUSTER_WORKDIR" ]]; then
  log "no cluster \"$BERTH_CLUSTER_NAME\" to delete"
  exit 0
fi
"$(kwokctl_bin)" --name "$BERTH_CLUSTER_NAME" -v WARN delete cluster >&2
rm -rf "$CLUSTER_FILES"
log "deleted cluster \"$BERTH_CLUSTER_NAME\""
