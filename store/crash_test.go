package store_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/store"
)

// crashRows is the file the crash tests import: n rows, ids from first.
func crashRows(first, n int) func(func(*record.Contribution) error) error {
	return func(add func(*record.Contribution) error) error {
		for i := first; i < first+n; i++ {
			r := row(fmt.Sprintf("r%06d", i), fmt.Sprintf("d%d", i%50), uint64(1+i%2), uint64(1+i%9))
			r.Line = i + 2
			if err := add(r); err != nil {
				return err
			}
		}
		return nil
	}
}

const crashBase, crashNew = 100, 3000

// killAt makes this process SIGKILL itself when the bulk import reaches
// stage, until the returned function restores the test point.
func killAt(t *testing.T, stage string) func() {
	store.SetTestPoint(func(at string) {
		if at == stage {
			require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGKILL))
			select {}
		}
	})
	return func() { store.SetTestPoint(nil) }
}

// runKilled runs this test binary's test helper with env added and
// requires that it did not end by itself; with sigkill, that a SIGKILL
// ended it.
func runKilled(t *testing.T, helper string, sigkill bool, env ...string) {
	cmd := exec.Command(os.Args[0], "-test.run=^"+helper+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit), "the helper ended by itself: %v\n%s", err, out)
	if sigkill {
		ws, ok := exit.Sys().(syscall.WaitStatus)
		require.True(t, ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL, "killed: %v\n%s", err, out)
	}
}

// tempFolders lists the bulk imports' temporary folders in dir.
func tempFolders(t *testing.T, dir string) []string {
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), store.TmpPrefix) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out
}

// TestBulkImportCrashHelper is the process the crash test kills: it
// imports crashNew rows into the database QF_CRASH_DB through the ingest,
// with a sort that spills every few hundred rows, and SIGKILLs itself at
// the stage QF_CRASH_AT.
func TestBulkImportCrashHelper(t *testing.T) {
	dir, stage := os.Getenv("QF_CRASH_DB"), os.Getenv("QF_CRASH_AT")
	if dir == "" {
		t.Skip("run by TestBulkImportCrash")
	}
	s, err := store.Open(dir)
	require.NoError(t, err)
	defer store.ForceIngest(16 << 10)()
	defer killAt(t, stage)()
	_, err = s.ImportFile(1, crashRows(crashBase, crashNew))
	require.NoError(t, err)
	t.Fatalf("not killed at %q", stage)
}

// TestBulkImportCrash SIGKILLs a bulk import at each of its stages (a run
// spilled, the merge with the stored rows begun, the sstable half
// written, before the ingest, inside it with a table linked into the
// database folder but not recorded, after it) and requires that the database
// then opens, has no temporary folder left, and holds the file's rows
// all (with the round counting them) or none; the import then runs again
// to the end.
func TestBulkImportCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("runs subprocesses")
	}
	for _, tc := range []struct {
		stage string
		all   bool
	}{
		{"spilled", false}, {"merging", false}, {"writing", false}, {"ingesting", false}, {"linked", false}, {"ingested", true},
	} {
		t.Run(tc.stage, func(t *testing.T) {
			s, dir := setup(t)
			_, err := s.Import(1, crashRows(0, crashBase))
			require.NoError(t, err)
			require.NoError(t, s.Close())

			runKilled(t, "TestBulkImportCrashHelper", true, "QF_CRASH_DB="+dir, "QF_CRASH_AT="+tc.stage)
			require.NotEmpty(t, tempFolders(t, dir), "the killed import left its temporary folder")

			s = open(t, dir)
			defer s.Close()
			require.Empty(t, tempFolders(t, dir), "left after open")
			r, err := s.Round(1)
			require.NoError(t, err)
			want := crashBase
			if tc.all {
				want += crashNew
			}
			require.Equal(t, want, count(t, s, 1), "rows stored")
			require.Equal(t, want, r.Contributions, "the round's count")

			st, err := s.ImportFile(1, crashRows(crashBase, crashNew))
			require.NoError(t, err)
			if tc.all {
				require.Equal(t, store.ImportStats{Duplicates: crashNew}, st)
			} else {
				require.Equal(t, store.ImportStats{Added: crashNew}, st)
			}
			require.Equal(t, crashBase+crashNew, count(t, s, 1))
		})
	}
}
