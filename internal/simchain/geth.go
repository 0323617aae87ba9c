package simchain

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
)

// StartGeth runs `geth --dev` (the binary in $QF_GETH, installed by
// scripts/geth.sh; the test is skipped without it) on 127.0.0.1 with the
// key in keyfile as its prefunded developer account, and returns its HTTP
// JSON-RPC URL. geth is stopped when the test ends, and its log shown if
// the test failed.
func StartGeth(t testing.TB, keyfile, password string) string {
	t.Helper()
	bin := os.Getenv("QF_GETH")
	if bin == "" {
		t.Skip("QF_GETH is not set: scripts/test.sh installs geth with scripts/geth.sh and sets it")
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	must(os.MkdirAll(filepath.Join(dir, "keystore"), 0o700))
	key, err := os.ReadFile(keyfile)
	must(err)
	must(os.WriteFile(filepath.Join(dir, "keystore", "owner.json"), key, 0o600))
	pw := filepath.Join(dir, "password")
	must(os.WriteFile(pw, []byte(password+"\n"), 0o600))
	port, auth := FreePort(t), FreePort(t)
	cmd := exec.Command(bin, "--dev", "--dev.period", "0", "--datadir", dir, "--password", pw,
		"--http", "--http.addr", "127.0.0.1", "--http.port", fmt.Sprint(port), "--http.api", "eth,net,web3",
		"--authrpc.port", fmt.Sprint(auth), "--ipcdisable", "--nodiscover", "--maxpeers", "0", "--port", "0", "--verbosity", "2",
		"--rpc.evmtimeout", "0") // no 5 s deadline on calls: a loaded machine must not fail the test
	logf, err := os.Create(filepath.Join(t.TempDir(), "geth.log"))
	must(err)
	cmd.Stdout, cmd.Stderr = logf, logf
	must(cmd.Start())
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
		if !time.Now().Before(deadline) {
			t.Fatalf("geth did not answer on %s: %v", url, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
