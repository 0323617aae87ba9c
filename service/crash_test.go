package service_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/qf-dev/qf/ledger"

	"github.com/stretchr/testify/require"
)

// buildQF builds the qf binary for tests that run it as a process.
func buildQF(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "qf")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/qf-dev/qf/cmd/qf").CombinedOutput()
	require.NoError(t, err, string(out))
	return bin
}

func qf(t *testing.T, bin, db string, args ...string) string {
	t.Helper()
	out, err := exec.Command(bin, append([]string{"--db", db}, args...)...).CombinedOutput()
	require.NoError(t, err, "qf %s: %s", strings.Join(args, " "), out)
	return string(out)
}

// startServe runs qf serve on a free port and returns the process and its
// base URL.
func startServe(t *testing.T, bin, db string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(bin, "--db", db, "serve", "--addr", "127.0.0.1:0", "--rate-per-ip", "0", "--rate-per-key", "0")
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	line, err := bufio.NewReader(stderr).ReadString('\n')
	require.NoError(t, err)
	go func() { _, _ = io.Copy(io.Discard, stderr) }()
	url, ok := strings.CutPrefix(strings.TrimSpace(line), "qf: serving on ")
	require.True(t, ok, line)
	return cmd, url
}

// SIGKILL in the middle of a load run: after a restart every acknowledged
// contribution is there (its retry is a replay with the same receipt), and
// the ledger checks out.
func TestCrashKeepsAcknowledged(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the qf binary")
	}
	bin := buildQF(t)
	db := filepath.Join(t.TempDir(), "db")
	gaps := filepath.Join(t.TempDir(), "gaps.csv")
	require.NoError(t, os.WriteFile(gaps, []byte("gap,recipient\n1,0x00000000000000000000000000000000000000b1\n2,0x00000000000000000000000000000000000000b2\n"), 0o644))
	qf(t, bin, db, "import", "gaps", gaps)
	keys := map[string]string{}
	const agents = 10
	for i := range agents {
		name := fmt.Sprintf("a%d", i)
		out := qf(t, bin, db, "agent", "add", name)
		keys[name] = strings.TrimSpace(out[strings.LastIndex(strings.TrimSpace(out), "\n")+1:])
		qf(t, bin, db, "ledger", "credit", "--to", "agent:"+name, "--amount", "1000000000")
	}

	cmd, url := startServe(t, bin, db)
	type ack struct {
		agent, key string
		body       []byte
	}
	var mu sync.Mutex
	var acks []ack
	killed := make(chan struct{})
	var wg sync.WaitGroup
	cl := &http.Client{Timeout: 5 * time.Second}
	for w := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-killed:
					return
				default:
				}
				agent := fmt.Sprintf("a%d", (w+i)%agents)
				key := fmt.Sprintf("w%d-%d", w, i)
				req, _ := http.NewRequest("POST", fmt.Sprintf("%s/api/gaps/%d/fund", url, 1+i%2), strings.NewReader(`{"amount":"10"}`))
				req.Header.Set("Authorization", "Bearer "+keys[agent])
				req.Header.Set("Idempotency-Key", key)
				resp, err := cl.Do(req)
				if err != nil {
					continue // the server is gone: not acknowledged
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err == nil && resp.StatusCode == http.StatusCreated {
					mu.Lock()
					acks = append(acks, ack{agent, key, body})
					mu.Unlock()
				}
			}
		}()
	}
	require.Eventually(t, func() bool { mu.Lock(); defer mu.Unlock(); return len(acks) >= 400 }, 30*time.Second, time.Millisecond)
	require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
	_ = cmd.Wait()
	close(killed)
	wg.Wait()
	t.Logf("%d contributions acknowledged before SIGKILL", len(acks))

	cmd, url = startServe(t, bin, db)
	for _, a := range acks {
		req, _ := http.NewRequest("POST", url+"/api/gaps/"+decodeJSON[ledger.Receipt](t, a.body).Gap+"/fund", strings.NewReader(`{"amount":"10"}`))
		req.Header.Set("Authorization", "Bearer "+keys[a.agent])
		req.Header.Set("Idempotency-Key", a.key)
		resp, err := cl.Do(req)
		require.NoError(t, err)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode, "%s was acknowledged but is not stored: %s", a.key, body)
		require.Equal(t, "true", resp.Header.Get("Idempotent-Replayed"))
		require.Equal(t, string(bytes.TrimSpace(a.body)), string(bytes.TrimSpace(body)))
	}
	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	require.NoError(t, cmd.Wait())
	require.Contains(t, qf(t, bin, db, "ledger", "check"), "ledger consistent")
}
