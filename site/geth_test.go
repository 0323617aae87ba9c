package site_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/internal/simchain"
)

// startGeth runs `geth --dev` (the binary in $QF_GETH, installed by
// scripts/geth.sh) on 127.0.0.1 with key as its prefunded developer
// account, and returns its HTTP JSON-RPC URL. (As app's geth test does.)
func startGeth(t *testing.T, keyfile, password string) string {
	bin := os.Getenv("QF_GETH")
	if bin == "" {
		t.Skip("QF_GETH is not set: scripts/test.sh installs geth with scripts/geth.sh and sets it")
	}
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "keystore"), 0o700))
	key, err := os.ReadFile(keyfile)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "keystore", "owner.json"), key, 0o600))
	pw := filepath.Join(dir, "password")
	require.NoError(t, os.WriteFile(pw, []byte(password+"\n"), 0o600))
	port, auth := simchain.FreePort(t), simchain.FreePort(t)
	cmd := exec.Command(bin, "--dev", "--dev.period", "0", "--datadir", dir, "--password", pw,
		"--http", "--http.addr", "127.0.0.1", "--http.port", fmt.Sprint(port), "--http.api", "eth,net,web3",
		"--authrpc.port", fmt.Sprint(auth), "--ipcdisable", "--nodiscover", "--maxpeers", "0", "--port", "0", "--verbosity", "2", "--rpc.evmtimeout", "0") // no 5 s deadline on calls: a loaded machine must not fail the test
	logf, err := os.Create(filepath.Join(t.TempDir(), "geth.log"))
	require.NoError(t, err)
	cmd.Stdout, cmd.Stderr = logf, logf
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if t.Failed() {
			b, _ := os.ReadFile(logf.Name())
			t.Logf("geth log:\n%s", b)
		}
	})
	url := fmt.Sprintf("http://127.0.0.1:%d", port)
	// Waiting for a process to start listening: a bound on failure, not a timing assertion.
	deadline := time.Now().Add(60 * time.Second)
	for {
		c, err := ethclient.Dial(url)
		if err == nil {
			_, err = c.BlockNumber(context.Background())
			c.Close()
		}
		if err == nil {
			return url
		}
		require.True(t, time.Now().Before(deadline), "geth did not answer on %s: %v", url, err)
		time.Sleep(100 * time.Millisecond)
	}
}

// TestBrowserClaimGethDev is TestBrowserClaim against a real `geth --dev`:
// the injected wallet forwards the page's requests to geth over JSON-RPC.
func TestBrowserClaimGethDev(t *testing.T) {
	chromium(t)
	keys := simchain.Keys(t, 5) // owner, two donors, two recipients
	keyfile := simchain.WriteKeyfile(t, keys[0], "dev password")
	url := startGeth(t, keyfile, "dev password")
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
