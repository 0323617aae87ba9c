module github.com/qf-dev/qf

go 1.26.8

require (
	github.com/ethereum/go-ethereum v1.17.5
	github.com/holiman/uint256 v1.3.2
	github.com/stretchr/testify v1.12.1
)

require (
	github.com/ProjectZKM/Ziren/crates/go-runtime/zkvm_runtime v0.0.0-20251001021608-1fe7b43fc4d6 // indirect
	github.com/decred/dcrd/dcrec/secp256k1/v4 v4.0.1 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	golang.org/x/sys v0.49.0 // indirect
)
