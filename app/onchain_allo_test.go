package app_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
)

// TestImportChainRecipientID: qf import chain copies each gap's Allo
// recipientId from the contract's registry (GapRegistered) into qf's, and
// an off-chain registration that lacks it stops the import with the fix.
func TestImportChainRecipientID(t *testing.T) {
	const owner = 0
	sim, q, as := onChain(t, 4)
	ctx := context.Background()
	anchor := common.HexToAddress("0x00000000000000000000000000000000000000A1")

	var token, round struct{ Address common.Address }
	q.json(&token, append([]string{"chain", "deploy-token"}, as(owner)...)...)
	head, err := sim.Client().HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	q.json(&round, append([]string{"chain", "deploy-round", "--token", token.Address.Hex(), "--pool", "1000",
		"--start", fmt.Sprint(head.Time), "--duration", "1h", "--window", "10m", "--claim-period", "24h", "--sweep-to", sim.Addr(3).Hex()}, as(owner)...)...)
	contract := round.Address.Hex()
	q.run(append([]string{"chain", "register-gap", "--contract", contract, "--gap", "1", "--recipient", sim.Addr(1).Hex(), "--recipient-id", anchor.Hex()}, as(owner)...)...)
	q.run(append([]string{"chain", "register-gap", "--contract", contract, "--gap", "2", "--recipient", sim.Addr(2).Hex()}, as(owner)...)...)

	q.run("round", "create", "--pool", "1000", "--leaf", "allo")
	importArgs := []string{"import", "chain", "--round", "1", "--rpc", sim.URL, "--contract", contract, "--confirmations", "0"}
	q.run(importArgs...)
	var gaps []struct{ Gap, Recipient, RecipientID string }
	q.json(&gaps, "gap", "list")
	require.Equal(t, []struct{ Gap, Recipient, RecipientID string }{
		{"1", sim.Addr(1).Hex(), anchor.Hex()},
		{"2", sim.Addr(2).Hex(), ""},
	}, gaps)
	q.run(importArgs...) // again: the same registrations, nothing refused

	other := cli{t: t, db: filepath.Join(t.TempDir(), "other.db")}
	other.run("gap", "add", "--gap", "1", "--recipient", sim.Addr(1).Hex())
	other.run("round", "create", "--pool", "1000", "--leaf", "allo")
	require.Regexp(t, `^qf: block \d+: the contract's GapRegistered: gap already registered: gap 1 is registered to `+sim.Addr(1).Hex()+
		` \(no recipientId\), not `+sim.Addr(1).Hex()+` \(recipientId `+anchor.Hex()+`\): only its recipientId differs \(blocks below 2 are stored: rerun to continue\) \(change it with qf gap set\)\n$`,
		other.fail("import", "chain", "--round", "1", "--rpc", sim.URL, "--contract", contract, "--confirmations", "0"))
	other.run("gap", "set", "--gap", "1", "--recipient", sim.Addr(1).Hex(), "--recipient-id", anchor.Hex())
	other.run("import", "chain", "--round", "1", "--rpc", sim.URL, "--contract", contract, "--confirmations", "0")
}
