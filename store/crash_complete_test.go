package store_test

import (
	"fmt"
	"io/fs"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/ledger"
	"github.com/qf-dev/qf/store"
)

// completeVoid is the row whose void makes the crash tests' deferred sums
// whole first.
const completeVoid = "r000150"

// TestCompleteSumsCrashHelper is the process TestCompleteSumsCrash
// kills: it voids a row of round 1 of the database QF_CRASH_COMPLETE_DB,
// whose sums are deferred, which makes them whole first (completeSums),
// and SIGKILLs itself at the stage QF_CRASH_AT; with QF_CRASH_PARTS set,
// the whole sums are written in small committed parts (not ingested).
func TestCompleteSumsCrashHelper(t *testing.T) {
	dir, stage := os.Getenv("QF_CRASH_COMPLETE_DB"), os.Getenv("QF_CRASH_AT")
	if dir == "" {
		t.Skip("run by TestCompleteSumsCrash")
	}
	s, err := store.Open(dir)
	require.NoError(t, err)
	if os.Getenv("QF_CRASH_PARTS") != "" {
		defer store.SetSSTFrom(store.SetSSTFrom(1 << 30))
		defer store.SetSumsPartBytes(store.SetSumsPartBytes(256))
	} else {
		defer store.SetSSTFrom(store.SetSSTFrom(1))
	}
	defer killAt(t, stage)()
	_, err = s.VoidContribution(1, completeVoid, "sybil")
	require.NoError(t, err)
	t.Fatalf("not killed at %q", stage)
}

// TestCompleteSumsCrash SIGKILLs a void of a round whose sums a bulk
// import deferred while it makes them whole (its sums cleared, a part of
// the whole ones committed, made whole before the void is written) and
// requires that, reopened, stats from the sums equal stats from the rows
// (stale or absent sums refused, never half made ones taken), and that the
// void, done again, then an import leave the records of a store that
// never crashed, with usable sums.
func TestCompleteSumsCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("runs subprocesses")
	}
	defer store.ForceIngest(1 << 20)()
	defer store.SetSSTFrom(store.SetSSTFrom(1))
	more := crashRows(crashBase+crashNew, 40)
	deferred := func(t *testing.T) (*store.Store, string) {
		s, dir := setup(t)
		_, err := s.ImportFile(1, crashRows(crashBase, crashNew))
		require.NoError(t, err)
		d, err := s.SumsDeferred(1)
		require.NoError(t, err)
		require.True(t, d, "the fresh import defers")
		return s, dir
	}
	clean, _ := deferred(t)
	_, err := clean.VoidContribution(1, completeVoid, "sybil")
	require.NoError(t, err)
	_, err = clean.ImportFile(1, more)
	require.NoError(t, err)
	want := roundRecords(t, clean)
	require.NoError(t, clean.Close())
	for _, tc := range []struct {
		stage string
		parts bool
	}{
		{"completing", false}, {"completed", false}, {"completing", true}, {"sums-part", true}, {"completed", true},
	} {
		t.Run(fmt.Sprintf("%s parts %v", tc.stage, tc.parts), func(t *testing.T) {
			s, dir := deferred(t)
			require.NoError(t, s.Close())
			env := []string{"QF_CRASH_COMPLETE_DB=" + dir, "QF_CRASH_AT=" + tc.stage}
			if tc.parts {
				env = append(env, "QF_CRASH_PARTS=1")
			}
			runKilled(t, "TestCompleteSumsCrashHelper", true, env...)

			s = open(t, dir)
			defer s.Close()
			r, err := s.Round(1)
			require.NoError(t, err)
			require.Zero(t, r.Voided, "the void is not written")
			fromSums, fromRows := statsBothWays(t, s, 1)
			require.Equal(t, fromRows, fromSums, "stats after the crash")

			_, err = s.VoidContribution(1, completeVoid, "sybil")
			require.NoError(t, err)
			fromSums, fromRows = statsBothWays(t, s, 1)
			require.Equal(t, fromRows, fromSums, "stats after the void")
			_, err = s.ImportFile(1, more)
			require.NoError(t, err)
			agree(t, s, "after an import", false)
			require.Equal(t, want, roundRecords(t, s), "the records")
		})
	}
}

// TestCompleteSumsFailure makes the completion of deferred sums fail
// inside a void and a ledger's load before a fund (the ledger makes the
// open round's deferred sums whole when it loads it; the database folder gone when the
// whole sums' tables are to be written: the sums cleared, none written):
// the write fails with the error and stores nothing of itself, stats from
// the sums still equal stats from the rows (the cleared sums are
// refused), and the write then succeeds, the sums whole again after the
// next import.
func TestCompleteSumsFailure(t *testing.T) {
	defer store.ForceIngest(1 << 20)()
	defer store.SetSSTFrom(store.SetSSTFrom(1))
	for _, tc := range []struct {
		name  string
		write func(s *store.Store) error
	}{
		{"void", func(s *store.Store) error {
			_, err := s.VoidContribution(1, completeVoid, "sybil")
			return err
		}},
		{"fund", func(s *store.Store) error {
			l, err := ledger.New(s)
			if err != nil {
				return err
			}
			_, _, err = l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *uint256.NewInt(1), Amount: *uint256.NewInt(5),
				At: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, dir := setup(t)
			defer s.Close()
			_, _, err := s.AddAgent("alice", false)
			require.NoError(t, err)
			l, err := ledger.New(s)
			require.NoError(t, err)
			_, err = l.Credit(ledger.AgentAccount("alice"), uint256.NewInt(1<<40))
			require.NoError(t, err)
			_, err = s.ImportFile(1, crashRows(crashBase, crashNew))
			require.NoError(t, err)
			before := roundRecords(t, s)
			moved := dir + ".moved"
			store.SetTestPoint(func(at string) {
				if at == "completing" {
					require.NoError(t, os.Rename(dir, moved))
				}
			})
			err = tc.write(s)
			store.SetTestPoint(nil)
			require.NoError(t, os.Rename(moved, dir))
			require.ErrorIs(t, err, fs.ErrNotExist)
			require.EqualError(t, err, "round 1: making its deferred statistics whole: stat "+dir+": no such file or directory")

			r, err := s.Round(1)
			require.NoError(t, err)
			require.Equal(t, store.Round{Number: 1, Status: store.StatusOpen, Config: r.Config, Contributions: crashNew}, r, "the round's record")
			require.Equal(t, crashNew, count(t, s, 1), "the rows")
			var lost []string // what the failed write changed: only the sums, cleared
			after := roundRecords(t, s)
			for _, kv := range before {
				if !slices.Contains(after, kv) {
					lost = append(lost, kv[:2])
				}
			}
			for _, kv := range after {
				require.Contains(t, before, kv, "written by the failed %s", tc.name)
			}
			require.NotEmpty(t, lost, "the sums are cleared")
			for _, p := range lost {
				require.Contains(t, []string{"68", "6f", "6c"}, p, "a record of the sums (head, gaps, cells)")
			}
			fromSums, fromRows := statsBothWays(t, s, 1)
			require.Equal(t, fromRows, fromSums, "stats after the failure")

			require.NoError(t, tc.write(s))
			fromSums, fromRows = statsBothWays(t, s, 1)
			require.Equal(t, fromRows, fromSums, "stats after the write")
			_, err = s.ImportFile(1, crashRows(crashBase+crashNew, 40))
			require.NoError(t, err)
			agree(t, s, "after an import", false)
		})
	}
}
