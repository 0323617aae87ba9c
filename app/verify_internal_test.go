package app

import (
	"slices"
	"testing"

	"github.com/qf-dev/qf/payout"
)

// compareReports lists what differs in a stable order: the recomputed
// gaps in the registry's order, then the published extras in the report's
// order. It once ranged over a map, so the extras came out in a different
// order from run to run (and the first difference, the one-line error,
// changed with them).
func TestCompareReportsOrderIsStable(t *testing.T) {
	got := &payout.Report{Gaps: []payout.GapReport{{Gap: "1"}, {Gap: "2"}}}
	pub := &payout.Report{Gaps: []payout.GapReport{{Gap: "9"}, {Gap: "1"}, {Gap: "30"}, {Gap: "4"}, {Gap: "17"}, {Gap: "5"}, {Gap: "12"}, {Gap: "8"}}}
	want := []string{
		"gap 2: missing from the published report",
		"gap 9: published but not in the registry",
		"gap 30: published but not in the registry",
		"gap 4: published but not in the registry",
		"gap 17: published but not in the registry",
		"gap 5: published but not in the registry",
		"gap 12: published but not in the registry",
		"gap 8: published but not in the registry",
	}
	// Go randomizes map iteration per range statement: 50 runs of eight
	// extras would all agree by chance with odds far below 1 in 10^100.
	for i := range 50 {
		if d := compareReports(got, pub); !slices.Equal(d, want) {
			t.Fatalf("run %d:\n got %q\nwant %q", i, d, want)
		}
	}
}
