// Command qf runs quadratic funding rounds off-chain and pays them out
// through Merkle proofs. See the README and `qf --help`.
package main

import (
	"os"

	"github.com/qf-dev/qf/app"
)

func main() { os.Exit(app.Main(os.Args, os.Stdout, os.Stderr)) }
