package store_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

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
