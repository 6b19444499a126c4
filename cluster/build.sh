#!/usr/bin/env bash
# Builds the local control plane's binaries from Go modules into the cache (see lib.sh), once per
# version. Prints which component is building and how far it is; a cold build takes many minutes.
#
#   cluster/build.sh            build whatever is missing
#   cluster/build.sh --print    print the directory of each component's binaries
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

COMPONENTS=(etcd kwok metrics-server kubernetes kubectl helm crane)

# progress <component> <total>: turns `go build -v` output (one package path per line) into a line
# per 10% done; anything else (compiler errors) passes through untouched.
progress() {
  local component="$1" total="$2" built=0 shown=0 started line
  started="$(date +%s)"
  while IFS= read -r line; do
    if [[ ! "$line" =~ ^[A-Za-z0-9._/~+-]+$ ]]; then
      printf '%s\n' "$line" >&2
      continue
    fi
    built=$((built + 1))
    if (( built * 10 / total > shown )); then
      shown=$((built * 10 / total))
      log "$component: $((built * 100 / total))% ($built/$total packages, $(($(date +%s) - started))s)"
    fi
  done
}

# go_build <component> <go build args...>: builds into a temporary directory next to the final one
# (or to the file $OUTPUT_NAME in it) and renames it into place only when it is complete, so an interrupted build never leaves a
# half-filled cache entry behind.
go_build() {
  local component="$1"; shift
  local dest tmp total started
  dest="$(bin_dir "$component")"
  if [[ -f "$dest/.complete" ]]; then
    log "$component: cached in $dest"
    return 0
  fi
  tmp="$dest.tmp.$$"
  rm -rf "$tmp" && mkdir -p "$tmp"
  trap "rm -rf '$tmp'" EXIT

  cd "$MODULES_DIR/$component"
  log "$component: downloading modules from the Go module proxy (first use only)"
  go mod download
  # go build -v names each package it compiles; packages already in GOCACHE are not named, so on a
  # warm cache the build ends before 100%.
  total="$(go list -deps "${@: -1}" | wc -l)"
  started="$(date +%s)"
  log "$component: compiling up to $total packages"
  go build -v -trimpath -o "$tmp/${OUTPUT_NAME:-}" "$@" 2>&1 | progress "$component" "$total" \
    || die "$component: go build failed (output above)"
  touch "$tmp/.complete"
  rm -rf "$dest" && mv "$tmp" "$dest"
  log "$component: built in $(($(date +%s) - started))s -> $dest"
}

build_component() {
  local component="$1" v minor
  case "$component" in
    kubernetes)
      v="$(kubernetes_version)"
      minor="$(echo "$v" | cut -d. -f2)"
      # The same flags upstream's build uses; without the version stamps /version says v0.0.0-master.
      local ldflags="-s -w"
      for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
        ldflags+=" -X $pkg.gitVersion=$v -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor -X $pkg.gitTreeState=clean"
      done
      go_build kubernetes -tags selinux,notest -ldflags "$ldflags" tool
      ;;
    etcd)
      # The server module is itself the etcd main package; name the binary after the program.
      OUTPUT_NAME=etcd go_build etcd -ldflags "-s -w" go.etcd.io/etcd/server/v3
      ;;
    kwok)
      go_build kwok -ldflags "-s -w" tool
      ;;
    kubectl)
      # Only the tests use it (Berth's Kubernetes API path); stamped like the control plane's binaries.
      v="$(module_version kubectl k8s.io/kubectl | sed 's/^v0\./v1./')"
      local stamps=""
      for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
        stamps+=" -X $pkg.gitVersion=$v -X $pkg.gitMajor=1 -X $pkg.gitMinor=$(echo "$v" | cut -d. -f2)"
      done
      OUTPUT_NAME=kubectl go_build kubectl -ldflags "-s -w$stamps" .
      ;;
    helm)
      # Only the tests use it: the chart in deploy/helm is rendered and dry-run applied in CI.
      v="$(module_version helm helm.sh/helm/v4)"
      go_build helm -ldflags "-s -w -X helm.sh/helm/v4/internal/version.version=$v" tool
      ;;
    crane)
      # Builds and pushes Berth's OCI image without a daemon (deploy/image/build.sh, its test).
      go_build crane -ldflags "-s -w" tool
      ;;
    metrics-server)
      v="$(module_version metrics-server sigs.k8s.io/metrics-server)"
      go_build metrics-server -ldflags "-s -w -X k8s.io/client-go/pkg/version.gitVersion=$v" tool
      ;;
    *) die "unknown component $component" ;;
  esac
}

if [[ "${1:-}" == "--print" ]]; then
  for c in "${COMPONENTS[@]}"; do printf '%s=%s\n' "$c" "$(bin_dir "$c")"; done
  exit 0
fi

command -v go >/dev/null || die "Go is required to build the local control plane (see README: Requirements)"
mkdir -p "$BIN_ROOT"
# One build at a time: npm start and npm test may both ask for the cluster.
exec 9>"$BIN_ROOT/.build.lock"
if ! flock -n 9; then
  log "another build is running; waiting for it"
  flock 9
fi
overall="$(date +%s)"
for c in "${COMPONENTS[@]}"; do (build_component "$c"); done
log "binaries ready ($(( $(date +%s) - overall ))s)"
