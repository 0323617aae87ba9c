package site_test

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/internal/simchain"
)

// TestBrowserClaimGethDev is TestBrowserClaim against a real `geth --dev`:
// the injected wallet forwards the page's requests to geth over JSON-RPC.
func TestBrowserClaimGethDev(t *testing.T) {
	chromium(t)
	keys := simchain.Keys(t, 5) // owner, two donors, two recipients
	keyfile := simchain.WriteKeyfile(t, keys[0], "dev password")
	url := simchain.StartGeth(t, keyfile, "dev password")
	eth, err := ethclient.Dial(url)
	require.NoError(t, err)
	defer eth.Close()
	addr := func(i int) common.Address { return crypto.PubkeyToAddress(keys[i].PublicKey) }
	for i := 1; i < len(keys); i++ {
		simchain.SendEther(t, eth, keys[0], addr(i))
	}
	// geth --dev seals a block per transaction, each at least a second
	// after its parent: transactions move its clock past the round's end.
	warp := func(end uint64) {
		for {
			head, err := eth.HeaderByNumber(context.Background(), nil)
			require.NoError(t, err)
			if head.Time > end {
				return
			}
			simchain.SendEther(t, eth, keys[0], addr(1))
		}
	}
	recipients := [2]common.Address{addr(3), addr(4)}
	out, token, round, finalAt := claimRound(t, url, keys, 30*time.Second, warp, recipients)
	claimThroughPage(t, url, out, token, round, keys[1], recipients[0], "claim-gethdev", func() { warp(finalAt) })
}
