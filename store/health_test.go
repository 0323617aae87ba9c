package store_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/qf-dev/qf/ledger"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/store"
)

// Without an exiting OnFail (a library user), a full disk fails the store
// once: the write that hit it reports it (Pebble's fatal commit error
// panics, with the ledger's locks released), and every later write is
// refused at once with ErrStorage — no hang — while reads go on. What was
// synced before is intact. Needs a small tmpfs (root); skipped otherwise.
func TestFullDiskFailsTheStore(t *testing.T) {
	if testing.Short() {
		t.Skip("fills a tmpfs")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs to fill (needs root): %v: %s", err, bytes.TrimSpace(out))
	}
	t.Cleanup(func() { _ = exec.Command("umount", "-l", dir).Run() })
	db := filepath.Join(dir, "db")
	var failures atomic.Int32
	var failed error
	s, err := store.OpenWith(db, store.Options{OnFail: func(err error) { failures.Add(1); failed = err }})
	require.NoError(t, err)
	defer s.Close()
	_, err = s.AddGaps([]calc.Gap{{ID: *u(1), Recipient: common.BigToAddress(big.NewInt(0xb1))}})
	require.NoError(t, err)
	_, _, err = s.AddAgent("alice", false)
	require.NoError(t, err)
	_, err = s.CreateRound(store.Round{Config: calc.Config{Mechanism: "qf"}, Name: "service"})
	require.NoError(t, err)
	l, err := ledger.New(s)
	require.NoError(t, err)
	_, err = l.Credit(ledger.AgentAccount("alice"), new(uint256.Int).Lsh(u(1), 100))
	require.NoError(t, err)
	var st syscall.Statfs_t
	require.NoError(t, syscall.Statfs(dir, &st))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "filler"), make([]byte, int64(st.Bavail)*int64(st.Bsize)-(512<<10)), 0o644))

	fund := func(i int) (err error) {
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("panic: %v", p)
			}
		}()
		_, _, err = l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *u(1), Amount: *u(1), Key: fmt.Sprintf("k%d-%0100d", i, 0)})
		return err
	}
	acked := 0
	for ; ; acked++ {
		if err = fund(acked); err != nil {
			break
		}
	}
	t.Logf("%d funds synced before: %v", acked, err)
	require.EqualValues(t, 1, failures.Load())
	require.ErrorIs(t, failed, store.ErrStorage)
	require.ErrorIs(t, s.Failed(), store.ErrStorage)
	for i := range 3 {
		err := fund(acked + 1 + i)
		require.ErrorIs(t, err, store.ErrStorage, "refused at once, not hung")
	}
	_, err = l.Credit(ledger.PoolAccount, u(1))
	require.True(t, errors.Is(err, store.ErrStorage), "%v", err)
	_, _, err = s.AddAgent("bob", false)
	require.ErrorIs(t, err, store.ErrStorage)
	// Every other write of the store refuses too, and none panics or hangs.
	for _, w := range []struct {
		name string
		err  func() error
	}{
		{"AddGaps", func() error {
			_, err := s.AddGaps([]calc.Gap{{ID: *u(2), Recipient: common.BigToAddress(big.NewInt(0xb2))}})
			return err
		}},
		{"SetGap", func() error {
			_, err := s.SetGap(calc.Gap{ID: *u(1), Recipient: common.BigToAddress(big.NewInt(0xb3))})
			return err
		}},
		{"CreateRound", func() error {
			_, err := s.CreateRound(store.Round{Config: calc.Config{Mechanism: "qf"}})
			return err
		}},
		{"RotateAgent", func() error { _, _, err := s.RotateAgent("alice"); return err }},
		{"CloseRound", func() error { _, err := s.CloseRound(1, []byte("{}"), nil); return err }},
	} {
		t.Run(w.name, func(t *testing.T) { require.ErrorIs(t, w.err(), store.ErrStorage) })
	}
	b, err := l.Balance(ledger.AgentAccount("alice"))
	require.NoError(t, err, "reads go on")
	require.False(t, b.IsZero())
	require.EqualValues(t, 1, failures.Load(), "OnFail runs once")
	require.GreaterOrEqual(t, count(t, s, 1), acked, "every synced fund is readable")
}
func u(x uint64) *uint256.Int { return uint256.NewInt(x) }
