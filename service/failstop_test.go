package service_test

import (
	"bufio"
	"bytes"
	"errors"
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

// served is a qf serve process whose stderr is kept.
type served struct {
	cmd    *exec.Cmd
	url    string
	stderr *syncBuffer
	done   chan error
}

// serveWith runs qf serve with extra flags and waits for its address.
func serveWith(t *testing.T, bin, db string, flags ...string) *served {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"--db", db, "serve", "--addr", "127.0.0.1:0"}, flags...)...)
	pipe, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	s := &served{cmd: cmd, stderr: &syncBuffer{}, done: make(chan error, 1)}
	r := bufio.NewReader(pipe)
	for s.url == "" {
		line, err := r.ReadString('\n')
		s.stderr.Write([]byte(line))
		require.NoError(t, err, "qf serve: %s", s.stderr.String())
		if i := strings.Index(line, "qf: serving on "); i >= 0 {
			s.url = strings.TrimSpace(line[i+len("qf: serving on "):])
		}
	}
	go func() {
		_, _ = io.Copy(s.stderr, r)
		s.done <- cmd.Wait()
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
	})
	return s
}

func fundReq(t *testing.T, url, key, idem string, gap int) (int, []byte, http.Header, error) {
	t.Helper()
	req, err := http.NewRequest("POST", fmt.Sprintf("%s/api/gaps/%d/fund", url, gap), strings.NewReader(`{"amount":"10"}`))
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Idempotency-Key", idem)
	resp, err := (&http.Client{Timeout: 30 * time.Second}).Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, body, resp.Header, err
}

// A full disk: qf serve exits non-zero (never hangs holding the ledger),
// and on a copy of its database every acknowledged fund is there and the
// ledger checks out. Below --min-free, writes get 503 and the service
// stays up. Needs a small tmpfs (root); skipped otherwise.
func TestFullDiskFailsStop(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the qf binary on a tmpfs")
	}
	dir := t.TempDir()
	mnt := filepath.Join(dir, "mnt")
	require.NoError(t, os.Mkdir(mnt, 0o755))
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs to fill (needs root): %v: %s", err, bytes.TrimSpace(out))
	}
	t.Cleanup(func() { _ = exec.Command("umount", "-l", mnt).Run() })

	bin := buildQF(t)
	db := filepath.Join(mnt, "db")
	gaps := filepath.Join(dir, "gaps.csv")
	require.NoError(t, os.WriteFile(gaps, []byte("gap,recipient\n1,0x00000000000000000000000000000000000000b1\n2,0x00000000000000000000000000000000000000b2\n"), 0o644))
	qf(t, bin, db, "import", "gaps", gaps)
	keys := map[string]string{}
	const agents = 4
	for i := range agents {
		name := fmt.Sprintf("a%d", i)
		out := qf(t, bin, db, "agent", "add", name)
		keys[name] = strings.TrimSpace(out[strings.LastIndex(strings.TrimSpace(out), "\n")+1:])
		qf(t, bin, db, "ledger", "credit", "--to", "agent:"+name, "--amount", "1000000000")
	}
	// Leave a little room: the service fills it.
	var st syscall.Statfs_t
	require.NoError(t, syscall.Statfs(mnt, &st))
	free := int64(st.Bavail) * int64(st.Bsize)
	require.NoError(t, os.WriteFile(filepath.Join(mnt, "filler"), make([]byte, free-(1<<20)), 0o644))

	srv := serveWith(t, bin, db, "--min-free", "0")
	type ack struct {
		agent, key string
		body       []byte
	}
	var mu sync.Mutex
	var acks []ack
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				agent := fmt.Sprintf("a%d", (w+i)%agents)
				key := fmt.Sprintf("w%d-%d-%s", w, i, strings.Repeat("x", 100))
				code, body, _, err := fundReq(t, srv.url, keys[agent], key, 1+i%2)
				if err != nil {
					return // the server is gone
				}
				if code == http.StatusCreated {
					mu.Lock()
					acks = append(acks, ack{agent, key, body})
					mu.Unlock()
				}
			}
		}()
	}
	var exitErr error
	select {
	case exitErr = <-srv.done:
	case <-time.After(5 * time.Minute):
		t.Fatalf("qf serve neither failed nor exited with the disk full; its log:\n%s", srv.stderr.String())
	}
	close(stop)
	wg.Wait()
	var ee *exec.ExitError
	require.True(t, errors.As(exitErr, &ee), "qf serve exited with %v", exitErr)
	require.Equal(t, 1, ee.ExitCode())
	log := srv.stderr.String()
	require.Contains(t, log, "storage failed: pebble: ")
	require.Contains(t, log, "exiting so that qf serve restarts on what was made durable")
	t.Logf("%d funds acknowledged before the disk filled; the log's end:\n%s", len(acks), log[max(0, len(log)-600):])
	require.NotEmpty(t, acks)

	// Every acknowledged fund is in a copy of the database taken off the
	// full disk.
	cp := filepath.Join(dir, "copy")
	out, err := exec.Command("cp", "-a", db, cp).CombinedOutput()
	require.NoError(t, err, string(out))
	srv = serveWith(t, bin, cp, "--min-free", "0")
	for _, a := range acks {
		code, body, h, err := fundReq(t, srv.url, keys[a.agent], a.key, mustGap(t, a.body))
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, code, "%s was acknowledged but is not stored: %s", a.key, body)
		require.Equal(t, "true", h.Get("Idempotent-Replayed"))
		require.Equal(t, string(bytes.TrimSpace(a.body)), string(bytes.TrimSpace(body)))
	}
	require.NoError(t, srv.cmd.Process.Signal(syscall.SIGTERM))
	require.NoError(t, <-srv.done)
	require.Contains(t, qf(t, bin, cp, "ledger", "check"), "ledger consistent")

	// Under --min-free, writes get 503 and the service stays up.
	srv = serveWith(t, bin, cp, "--min-free", "1125899906842624")
	code, body, _, err := fundReq(t, srv.url, keys["a0"], "low", 1)
	require.NoError(t, err)
	require.Equal(t, http.StatusServiceUnavailable, code, string(body))
	require.Contains(t, string(body), "disk space low: ")
	require.Contains(t, string(body), "bytes free on the database's filesystem, under the 1125899906842624 kept free; free space or move the database")
	resp, err := http.Get(srv.url + "/healthz")
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.NoError(t, srv.cmd.Process.Signal(syscall.SIGTERM))
	require.NoError(t, <-srv.done)
}

func mustGap(t *testing.T, body []byte) int {
	t.Helper()
	var g int
	_, err := fmt.Sscan(decodeJSON[ledger.Receipt](t, body).Gap, &g)
	require.NoError(t, err)
	return g
}
