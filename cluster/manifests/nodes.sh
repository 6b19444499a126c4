# shellcheck shell=bash
# Prints the simulated nodes (sourced by up.sh). kwok's stock node template would give them
# InternalIPs in 192.0.2.x, an outside network here; these nodes have only 127.0.0.1, so the API
# server's calls to a "kubelet" (logs, metrics) land on the kwok controller on this host.
print_nodes() {
  local count="$1" i name
  for ((i = 0; i < count; i++)); do
    name="kwok-node-$i"
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
