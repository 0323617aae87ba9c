package store_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/store"
)

// TestFreshImportCrashHelper is the process TestFreshImportCrash kills:
// it imports crashNew rows into the fresh round 1 of the database
// QF_CRASH_FRESH_DB through the ingest, with a sort held in memory and
// the round's sums tables written beside the rows' and ingested with
// them, and SIGKILLs itself at the stage QF_CRASH_AT.
func TestFreshImportCrashHelper(t *testing.T) {
	dir, stage := os.Getenv("QF_CRASH_FRESH_DB"), os.Getenv("QF_CRASH_AT")
	if dir == "" {
		t.Skip("run by TestFreshImportCrash")
	}
	s, err := store.Open(dir)
	require.NoError(t, err)
	if os.Getenv("QF_CRASH_BATCH") == "" {
		defer store.ForceIngest(1 << 20)()
	}
	defer store.SetSSTFrom(store.SetSSTFrom(1))
	defer killAt(t, stage)()
	_, err = s.ImportFile(1, crashRows(crashBase, crashNew))
	require.NoError(t, err)
	t.Fatalf("not killed at %q", stage)
}

// TestFreshImportCrash SIGKILLs a bulk import into a fresh round, whose
// statistics sums are ingested with its rows, at each stage (the rows
// being decided, their table half written, the sums' tables written,
// before the ingest, inside it with one table linked into the database
// folder and not recorded, after it) and requires that the database then
// holds none of the import or all of it — rows, round record, check
// state and sums —, the same records as a store that imported the file
// without a crash once the file is imported again, and stats from the
// sums equal to stats from the rows.
func TestFreshImportCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("runs subprocesses")
	}
	clean, _ := setup(t)
	func() {
		defer store.ForceIngest(1 << 20)()
		defer store.SetSSTFrom(store.SetSSTFrom(1))
		_, err := clean.ImportFile(1, crashRows(crashBase, crashNew))
		require.NoError(t, err)
	}()
	want := dump(t, clean)
	require.NoError(t, clean.Close())
	for _, tc := range []struct {
		stage string
		all   bool
	}{
		{"merging", false}, {"writing", false}, {"sums", false}, {"ingesting", false}, {"linked", false}, {"ingested", true},
	} {
		t.Run(tc.stage, func(t *testing.T) {
			s, dir := setup(t)
			empty := dump(t, s)
			require.NoError(t, s.Close())

			runKilled(t, "TestFreshImportCrashHelper", true, "QF_CRASH_FRESH_DB="+dir, "QF_CRASH_AT="+tc.stage)

			s = open(t, dir)
			defer s.Close()
			require.Empty(t, tempFolders(t, dir), "left after open")
			if tc.all {
				require.Equal(t, want, dump(t, s), "after the crash: all of the import")
			} else {
				require.Equal(t, empty, dump(t, s), "after the crash: none of the import")
			}
			fromSums, fromRows := statsBothWays(t, s, 1)
			require.Equal(t, fromRows, fromSums, "stats after the crash")

			func() {
				defer store.ForceIngest(1 << 20)()
				defer store.SetSSTFrom(store.SetSSTFrom(1))
				_, err := s.ImportFile(1, crashRows(crashBase, crashNew))
				require.NoError(t, err)
			}()
			require.Equal(t, want, dump(t, s), "after the import again")
			fromSums, fromRows = statsBothWays(t, s, 1)
			require.Equal(t, fromRows, fromSums, "stats after the import again")
		})
	}
}

// TestFreshImportCrashBeforeHook SIGKILLs a bulk import of a small file
// (committed in one batch, its sums made by the hook after it) into a
// fresh round once its rows are committed, before the hook: the rows are
// all stored and the sums are absent; stats then come from the rows, and
// the next import, which finds its rows are not all the round's, makes
// the sums anew: every record as a store's that was never killed.
func TestFreshImportCrashBeforeHook(t *testing.T) {
	if testing.Short() {
		t.Skip("runs subprocesses")
	}
	defer store.SetSSTFrom(store.SetSSTFrom(1))
	clean, _ := setup(t)
	defer clean.Close()
	s, dir := setup(t)
	require.NoError(t, s.Close())
	runKilled(t, "TestFreshImportCrashHelper", false, "QF_CRASH_FRESH_DB="+dir, "QF_CRASH_AT=ingested", "QF_CRASH_BATCH=1")
	s = open(t, dir)
	defer s.Close()
	require.Equal(t, crashNew, count(t, s, 1))
	r, err := s.Round(1)
	require.NoError(t, err)
	gaps, err := s.Gaps()
	require.NoError(t, err)
	_, err = s.OpenSums(r, gaps)
	require.ErrorIs(t, err, store.ErrNoSums, "no sums: the hook never ran")
	fromSums, fromRows := statsBothWays(t, s, 1)
	require.Equal(t, fromRows, fromSums)
	mSums, mRows, used := matchBothWays(t, s, 1)
	require.Equal(t, mRows, mSums)
	require.False(t, used, "the match reads the rows")

	for _, st := range []*store.Store{clean, s} {
		if st == clean {
			_, err := st.ImportFile(1, crashRows(crashBase, crashNew))
			require.NoError(t, err)
		}
		_, err := st.ImportFile(1, crashRows(crashBase+crashNew, 50))
		require.NoError(t, err)
	}
	require.Equal(t, dump(t, clean), dump(t, s))
	fromSums, fromRows = statsBothWays(t, s, 1)
	require.Equal(t, fromRows, fromSums)
	_, _, used = matchBothWays(t, s, 1)
	require.True(t, used, "the sums made anew are used")
}

// TestFreshImportTableFailure makes one of the tables of a bulk import
// into a fresh round fail to be written (a folder, not empty, where the table goes):
// a table of the sums, written on their own goroutine, or of the rows.
// The import returns the error, naming the round and the table, and
// stores nothing; the same file then imports.
func TestFreshImportTableFailure(t *testing.T) {
	for _, tc := range []struct {
		table string
		want  string
	}{
		{"sums-1-gaps.sst", "importing into round 1: writing its statistics: remove %s/sums-1-gaps.sst: directory not empty"},
		{"sums-1-head.sst", "importing into round 1: writing its statistics: remove %s/sums-1-head.sst: directory not empty"},
		{"rows-0.sst", "importing into round 1: remove %s/rows-0.sst: directory not empty"},
		{"round.sst", "importing into round 1: remove %s/round.sst: directory not empty"},
	} {
		t.Run(tc.table, func(t *testing.T) {
			s, dir := setup(t)
			defer s.Close()
			empty := dump(t, s)
			defer store.ForceIngest(1 << 20)()
			defer store.SetSSTFrom(store.SetSSTFrom(1))
			var tmp string
			store.SetTestPoint(func(at string) {
				if at != "merging" {
					return
				}
				for _, f := range tempFolders(t, dir) {
					tmp = f
				}
				// (a folder not empty: the table's Create removes an empty one)
				require.NoError(t, os.MkdirAll(filepath.Join(tmp, tc.table, "x"), 0o755))
			})
			_, err := s.ImportFile(1, crashRows(crashBase, crashNew))
			store.SetTestPoint(nil)
			require.EqualError(t, err, fmt.Sprintf(tc.want, tmp))
			require.Equal(t, empty, dump(t, s), "stored after the failure")
			_, err = os.Stat(tmp)
			require.True(t, os.IsNotExist(err), "the temporary folder is removed: %v", err)

			_, err = s.ImportFile(1, crashRows(crashBase, crashNew))
			require.NoError(t, err)
			require.Equal(t, crashNew, count(t, s, 1))
			fromSums, fromRows := statsBothWays(t, s, 1)
			require.Equal(t, fromRows, fromSums)
			r, err := s.Round(1)
			require.NoError(t, err)
			gaps, err := s.Gaps()
			require.NoError(t, err)
			_, err = s.OpenSums(r, gaps)
			require.NoError(t, err, "the sums are made")
		})
	}
}

// TestImportSortFailure makes the bulk import's sort fail to write its
// second run (a folder where the run goes) while the scan goes on
// feeding it (the scan and the sort run at once): the import returns the
// sort's error, naming the round, stores nothing and leaves no temporary folder, whatever
// the error the scan itself ends with; the same file then imports.
func TestImportSortFailure(t *testing.T) {
	for _, tc := range []struct {
		name    string
		scanErr error
	}{
		{"the scan ends well", nil},
		{"the scan ends with its own error", errors.New("c.csv:3102: amount: not a number")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, dir := setup(t)
			defer s.Close()
			empty := dump(t, s)
			defer store.ForceIngest(16 << 10)()
			var tmp string
			spills := 0
			store.SetTestPoint(func(at string) {
				if at != "spilled" {
					return
				}
				if spills++; spills > 1 {
					return
				}
				for _, f := range tempFolders(t, dir) {
					tmp = f
				}
				require.NoError(t, os.Mkdir(filepath.Join(tmp, "rows-1"), 0o755))
			})
			scan := func(add func(*record.Contribution) error) error {
				if err := crashRows(crashBase, crashNew)(add); err != nil {
					return err
				}
				return tc.scanErr
			}
			_, err := s.ImportFile(1, scan)
			store.SetTestPoint(nil)
			require.EqualError(t, err, fmt.Sprintf("importing into round 1: sorting the import: open %s/rows-1: is a directory", tmp))
			require.Equal(t, empty, dump(t, s), "stored after the failure")
			_, err = os.Stat(tmp)
			require.True(t, os.IsNotExist(err), "the temporary folder is removed: %v", err)

			_, err = s.ImportFile(1, crashRows(crashBase, crashNew))
			require.NoError(t, err)
			require.Equal(t, crashNew, count(t, s, 1))
		})
	}
}
