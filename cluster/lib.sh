# shellcheck shell=bash
# Shared settings for the local control plane scripts. Sourced, never run.
#
# Versions live in the Go modules under cluster/modules (go.mod is the single source of truth);
# everything built or started lives under BERTH_CACHE_DIR, outside the checkout, so a fresh clone on
# the same machine reuses the binaries and the running cluster.

CLUSTER_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULES_DIR="$CLUSTER_DIR/modules"
BERTH_CACHE_DIR="${BERTH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/berth}"
BIN_ROOT="$BERTH_CACHE_DIR/bin"
BERTH_CLUSTER_NAME="${BERTH_CLUSTER_NAME:-berth}"
BERTH_NODE_COUNT="${BERTH_NODE_COUNT:-3}"
export KWOK_WORKDIR="$BERTH_CACHE_DIR/kwok"
CLUSTER_WORKDIR="$KWOK_WORKDIR/clusters/$BERTH_CLUSTER_NAME"
KUBECONFIG_PATH="$CLUSTER_WORKDIR/kubeconfig.yaml"
# Files of ours that a cluster reads (its kwokctl configuration, its container log), kept per cluster.
CLUSTER_FILES="$BERTH_CACHE_DIR/cluster-files/$BERTH_CLUSTER_NAME"

# The binaries are static Go programs; no cgo, no telemetry, and the module proxy is the only source.
export CGO_ENABLED=0
export GOFLAGS="${GOFLAGS:--buildvcs=false}"

log() { printf '[cluster] %s\n' "$*" >&2; }
die() { printf '[cluster] error: %s\n' "$*" >&2; exit 1; }

# module_version <module-dir> <module-path>: the version that module's go.mod requires.
module_version() {
  awk -v m="$2" '$1 == m { print $2; exit } $1 == "require" && $2 == m { print $3; exit }' "$MODULES_DIR/$1/go.mod"
}

# bin_dir <component>: where that component's binaries are cached. Keyed by the module's go.sum
# (and its own Go files, where it has any) so that a version bump, any dependency change or a change
# of its code builds into a new directory.
bin_dir() {
  local component="$1" dir="$MODULES_DIR/$1" sum f
  local files=("$dir/go.sum")
  for f in "$dir"/*.go; do [[ -e "$f" ]] && files+=("$f"); done
  sum="$(cat "${files[@]}" | sha256sum | cut -c1-12)"
  printf '%s/%s-%s\n' "$BIN_ROOT" "$component" "$sum"
}

kubernetes_version() { module_version kubernetes k8s.io/kubernetes; }

kwokctl_bin() { printf '%s/kwokctl\n' "$(bin_dir kwok)"; }
