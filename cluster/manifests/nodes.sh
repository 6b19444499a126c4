# shellcheck shell=bash
# Prints the simulated nodes (sourced by up.sh). kwok's stock node template would give them
# InternalIPs in 192.0.2.x, an outside network here; these nodes have only 127.0.0.1, so the API
# server's calls to a "kubelet" (logs, metrics) land on the kwok controller on this host.

# node_names <count>: the simulated nodes' names, one a line (their Leases have the same names).
node_names() {
  local i
  for ((i = 0; i < $1; i++)); do echo "kwok-node-$i"; done
}

print_nodes() {
  local name i
  for name in $(node_names "$1"); do
    i="${name##*-}"
    cat <<YAML
---
apiVersion: v1
kind: Node
metadata:
  name: $name
  annotations:
    kwok.x-k8s.io/node: fake
    node.alpha.kubernetes.io/ttl: "0"
    metrics.k8s.io/resource-metrics-path: /metrics/nodes/$name/metrics/resource
  labels:
    kubernetes.io/arch: amd64
    kubernetes.io/os: linux
    kubernetes.io/hostname: $name
    node-role.kubernetes.io/agent: ""
    type: kwok
    topology.kubernetes.io/zone: zone-$((i % 3))
spec:
  podCIDR: 10.244.$i.0/24
  podCIDRs: [10.244.$i.0/24]
status:
  addresses:
    - type: InternalIP
      address: 127.0.0.1
  allocatable: {cpu: "8", memory: 32Gi, pods: "110", ephemeral-storage: 100Gi}
  capacity: {cpu: "8", memory: 32Gi, pods: "110", ephemeral-storage: 100Gi}
  nodeInfo:
    architecture: amd64
    operatingSystem: linux
YAML
  done
}
