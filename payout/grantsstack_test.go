package payout_test

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/payout"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// golden compares got with testdata/name (rewritten with -update).
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, string(want), string(got))
}

// TestWriteGrantsStackCSV: the matching CSV Grants Stack's round manager
// uploads, one row per gap (a zero match too), base units, the gap's Allo
// recipientId as projectId and nothing where a gap has none.
func TestWriteGrantsStackCSV(t *testing.T) {
	_, rep := alloRound(t)
	rep.Gaps[0].Contributors, rep.Gaps[0].Direct = 3, uint256.NewInt(250)
	rep.Gaps[2].Contributors, rep.Gaps[2].Direct = 1, uint256.MustFromDecimal("1000000000000000000000")
	var b bytes.Buffer
	require.NoError(t, payout.WriteGrantsStackCSV(&b, rep))
	golden(t, "grants-stack.csv", b.Bytes())

	// Grants Stack reads these columns by name (Papa.parse, header: true).
	recs, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
	require.NoError(t, err)
	for _, col := range []string{"applicationId", "projectId", "projectName", "payoutAddress", "matched", "contributionsCount"} {
		require.Contains(t, recs[0], col)
	}
	require.Len(t, recs, 1+len(rep.Gaps))
}
