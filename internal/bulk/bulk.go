// Package bulk is the hand-off between a loader that has grouped a file's
// contribution rows itself (ingest's parallel CSV path) and the tally
// (calc) that sums them: rows by donor and gap index, read from every core
// at once. It is internal so that only qf's own loaders build a [Block],
// and the tally still checks every row it is handed
// (calc.Tally.AddBlock).
package bulk

import "github.com/holiman/uint256"

// Row is one contribution by index: Donor counts from 0 in its block's
// Donors, Gap is the gap's index in the tally's registry (ascending id
// order), and Amount is positive.
type Row struct {
	Donor, Gap int32
	Amount     uint256.Int
}

// Block is a loader's rows for a tally.
type Block struct {
	// Donors are the block's donors, canonical (calc.NormalizeDonor) and
	// distinct from each other and from the tally's, numbered in order of
	// their first row. The tally may keep the slice: the loader must not
	// change it afterwards.
	Donors []string
	// N is the number of rows.
	N int
	// Row fills r with row i, for i in [0, N), and reports whether the row
	// counts (false: skipped, such as a repeated id). It is called from
	// several goroutines at once and twice per row, and must give the same
	// answer each time.
	Row func(i int, r *Row) bool
}
