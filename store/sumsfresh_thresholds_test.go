package store_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/store"
)

// cellsFile is n plain rows, each its own (gap, donor) cell.
func cellsFile(n int) []*record.Contribution {
	return attackRows(n, 1, func(i int, r *record.Contribution) {
		r.Donor = []byte(fmt.Sprintf("0x%040x", i/2))
		r.Gap.SetUint64(uint64(1 + i%2))
	})
}

// TestFreshSumsAtThresholds imports files exactly at the bulk path's
// thresholds, and one either side — the fewest rows of the bulk path
// (bulkMinRows), the cells from which the sums are ingested (sstFrom),
// the most rows one import sums (sumsMaxImport), a sort that spills at
// its last row or before, the cells from which the cells' table is cut
// per core — into a store taking the fresh sums and one whose sums are
// made row by row, and requires every record the same, byte for byte,
// and stats from the sums equal to stats from the rows.
func TestFreshSumsAtThresholds(t *testing.T) {
	if testing.Short() {
		t.Skip("imports files of 10,000 and 70,000 rows")
	}
	type tuning func() func()
	none := func() func() { return func() {} }
	both := func(a, b tuning) tuning {
		return func() func() { ra, rb := a(), b(); return func() { rb(); ra() } }
	}
	ingest := func(budget int) tuning { return func() func() { return store.ForceIngest(budget) } }
	sst := func(n int) tuning {
		return func() func() { old := store.SetSSTFrom(n); return func() { store.SetSSTFrom(old) } }
	}
	maxImport := func(n int) tuning {
		return func() func() { old := store.SetSumsMaxImport(n); return func() { store.SetSumsMaxImport(old) } }
	}
	collideSome := func() func() { return store.CollideSomeDonors() }
	collideAll := func() func() { return store.CollideDonors() }
	type tc struct {
		name  string
		rows  int
		procs int
		tune  tuning
	}
	cases := []tc{
		{"bulkMinRows-1 rows: one batch", 9999, 2, none},
		{"bulkMinRows rows: the ingest", 10000, 2, none},
		{"bulkMinRows+1 rows: the ingest", 10001, 4, none},
	}
	for _, d := range []int{-1, 0, 1} {
		cases = append(cases,
			tc{fmt.Sprintf("sstFrom%+d cells", d), 300 + d, 2, both(ingest(1<<20), sst(300))},
			tc{fmt.Sprintf("sumsMaxImport%+d rows", d), 300 + d, 2, both(ingest(1<<20), maxImport(300))},
		)
	}
	// the file's sort takes about 60 bytes a row: budgets from a spill
	// every few rows to none
	for _, budget := range []int{1 << 10, 8 << 10, 16 << 10, 17 << 10, 18 << 10, 19 << 10, 20 << 10, 24 << 10, 1 << 20} {
		cases = append(cases, tc{fmt.Sprintf("a sort budget of %d bytes", budget), 300, 2, both(ingest(budget), sst(1))})
	}
	for _, procs := range []int{1, 3, 4} {
		cases = append(cases,
			tc{fmt.Sprintf("3,000 donors, half of their hashes alike, %d cores", procs), 6000, procs, both(ingest(1<<20), both(sst(1), collideSome))},
			tc{fmt.Sprintf("3,000 donors, every hash alike, %d cores", procs), 6000, procs, both(ingest(1<<20), both(sst(1), collideAll))})
	}
	for _, procs := range []int{3, 4} { // (past decideSplit too: rows decided and written per core)
		cases = append(cases, tc{fmt.Sprintf("70,000 cells, a table per core, %d cores", procs), 70000, procs, both(ingest(128<<20), sst(1))})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(c.procs))
			rows := cellsFile(c.rows)
			fast, slow := attackSetup(t), attackSetup(t)
			defer fast.Close()
			defer slow.Close()
			defer c.tune()()
			want, err := slow.ImportFileRowByRowSums(1, feed(rows...))
			require.NoError(t, err)
			got, err := fast.ImportFile(1, feed(rows...))
			require.NoError(t, err)
			require.Equal(t, want, got)
			stored := dump(t, fast)
			require.Equal(t, deferredView(t, slow, dump(t, slow), stored), stored)
			fromSums, fromRows := statsBothWays(t, fast, 1)
			require.Equal(t, fromRows, fromSums)
		})
	}
}
