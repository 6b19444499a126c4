// kubectl for Berth's tests of its Kubernetes API path (`kubectl get`, `apply --server-side`, `logs -f`
// against /kube with a Berth token), built from the k8s.io/kubectl library at the control plane's release.
package main

import (
	"os"

	"k8s.io/component-base/cli"
	"k8s.io/kubectl/pkg/cmd"
)

func main() {
	os.Exit(cli.Run(cmd.NewDefaultKubectlCommand()))
}
