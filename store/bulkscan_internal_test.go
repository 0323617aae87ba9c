package store

import (
	"os"
	"runtime"
	"testing"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/ingest"
)

// BenchmarkCollectParts: the parallel first scan of a file of
// bench/gen_round.py (QF_BENCH_ROUND: its contributions.csv; skipped
// without), into sorts held in memory.
func BenchmarkCollectParts(b *testing.B) {
	path := os.Getenv("QF_BENCH_ROUND")
	if path == "" {
		b.Skip("QF_BENCH_ROUND names no contributions file")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	known := map[uint256.Int]struct{}{}
	for g := range uint64(5000) {
		known[*uint256.NewInt(g)] = struct{}{}
	}
	for b.Loop() {
		p, ok := ingest.ContributionParts("c.csv", data, ingest.Options{}, 0, runtime.GOMAXPROCS(0))
		if !ok {
			b.Fatal("not in parts")
		}
		bk := &bulk{main: newSorter(b.TempDir(), "rows", sortBudget)}
		if !bk.collectParts(known, p, newSorter(b.TempDir(), "auto", sortBudget), runtime.GOMAXPROCS(0)) {
			b.Fatal("gave up")
		}
		bk.main.sort()
	}
}
