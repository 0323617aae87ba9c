package calc

import (
	"errors"
	"fmt"
	"slices"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/internal/bulk"
	"github.com/qf-dev/qf/internal/hugemem"
	"github.com/qf-dev/qf/internal/par"
	"github.com/qf-dev/qf/internal/radix"
)

// Summing a million contributions into (gap, donor) cells is done in two
// steps that each use every core:
//
//  1. a counting sort by gap (each core counts, then scatters, its share
//     of the rows; stable, so a gap's rows stay in the order added);
//  2. each core takes a range of whole gaps, sorts every gap's rows by
//     donor (a gap's rows fit in cache, where one global sort by
//     (gap, donor) would sweep all of memory three times), counts the
//     cells, and, once every range's count is known, writes its cells
//     into their final place.
//
// [Tally.AddBlock] does step 1 while adding. The cells are the same, in the
// same order, whatever the number of cores.

// recycleEntries is the tally size from which summing first hands the
// caller's finished arrays back for reuse (see [hugemem.Recycle]).
const recycleEntries = 1 << 18

// ErrBlockChanged reports a bulk loader whose rows read differently the
// second time ([Tally.AddBlock] reads each row twice).
var ErrBlockChanged = errors.New("a bulk row read differently the second time")

// AddBlock adds a bulk loader's rows ([bulk.Block]): its donors after the
// tally's, then the rows the block counts, reading them from several
// goroutines at once. The tally holds the rows exactly as if the donors
// and rows had been added one by one with [Tally.DonorIndex] and
// [Tally.AddIndexed], in order.
//
// It checks what it is handed and stores nothing when anything is wrong:
// every donor canonical, every row's donor one of the block's, its gap one
// of the registry's, its amount positive, and every row read the same both
// times. That donors are distinct is the loader's promise (checking it
// would cost a hash per donor).
func (t *Tally) AddBlock(b *bulk.Block) error {
	for i, d := range b.Donors {
		if err := CheckCanonical([]byte(d)); err != nil {
			return fmt.Errorf("block donor %d: %w", i, err)
		}
	}
	if len(t.entries) != 0 { // rare: keep the simple path
		return t.addBlockRows(b)
	}
	first := int32(len(t.donors))
	n := b.N
	parts := partsFor(n)
	counts := make([][]int, parts)
	bigs := make([]int, parts+1) // part k's big amounts go to big[bigs[k]:]
	errs := make([]error, parts)
	par.Do(parts, func(k int) {
		cnt := make([]int, len(t.gaps))
		var c bulk.Row
		lo, hi := par.Span(n, parts, k)
		for i := lo; i < hi; i++ {
			if !b.Row(i, &c) {
				continue
			}
			if err := t.checkBlockRow(b, i, &c); err != nil {
				errs[k] = err
				return
			}
			cnt[c.Gap]++
			if !c.Amount.IsUint64() {
				bigs[k+1]++
			}
		}
		counts[k] = cnt
	})
	for _, err := range errs { // the first part's error is the first row's
		if err != nil {
			return err
		}
	}
	ends := make([][]int, parts) // where each part's rows of each gap must end
	oldStart := t.gapStart
	total := t.gapOffsets(counts)
	for k := range parts {
		if k+1 < parts {
			ends[k] = counts[k+1]
		} else {
			ends[k] = t.gapStart[1:]
		}
		bigs[k+1] += bigs[k]
	}
	entries := t.entries[:0]
	if cap(entries) < total {
		entries = hugemem.Make[radix.Pair](0, total)
	}
	entries = entries[:total]
	big := make([]uint256.Int, bigs[parts])
	changed := make([]bool, parts)
	par.Do(parts, func(k int) {
		pos, next, end := slices.Clone(counts[k]), bigs[k], ends[k]
		var c bulk.Row
		lo, hi := par.Span(n, parts, k)
		for i := lo; i < hi; i++ {
			if !b.Row(i, &c) {
				continue
			}
			// Read again: a row that changed could overrun its slot.
			if t.checkBlockRow(b, i, &c) != nil || pos[c.Gap] == end[c.Gap] || !c.Amount.IsUint64() && next == bigs[k+1] {
				changed[k] = true
				return
			}
			e := &entries[pos[c.Gap]]
			pos[c.Gap]++
			e.Key, e.Val = uint64(uint32(c.Gap))<<32|uint64(uint32(first+c.Donor)), c.Amount[0]
			if !c.Amount.IsUint64() {
				e.Key |= bigAmount
				e.Val = uint64(next)
				big[next] = c.Amount
				next++
			}
		}
		changed[k] = !slices.Equal(pos, end) || next != bigs[k+1]
	})
	if slices.Contains(changed, true) {
		t.gapStart = oldStart
		return ErrBlockChanged
	}
	t.addDonors(b.Donors)
	t.entries, t.big, t.grouped = entries, big, total
	return nil
}

// checkBlockRow checks row i of a block.
func (t *Tally) checkBlockRow(b *bulk.Block, i int, c *bulk.Row) error {
	switch {
	case uint32(c.Donor) >= uint32(len(b.Donors)):
		return fmt.Errorf("%w: block row %d: donor %d of %d", ErrDonor, i, c.Donor, len(b.Donors))
	case uint32(c.Gap) >= uint32(len(t.gaps)):
		return fmt.Errorf("%w: block row %d: gap index %d of %d", ErrUnknownGap, i, c.Gap, len(t.gaps))
	case c.Amount.IsZero():
		return fmt.Errorf("block row %d: %w", i, ErrZeroAmount)
	}
	return nil
}

// addBlockRows adds a block row by row, reading each row once, once every
// row is checked.
func (t *Tally) addBlockRows(b *bulk.Block) error {
	rows := make([]bulk.Row, 0, b.N)
	var c bulk.Row
	for i := range b.N {
		if b.Row(i, &c) {
			if err := t.checkBlockRow(b, i, &c); err != nil {
				return err
			}
			rows = append(rows, c)
		}
	}
	first := int32(len(t.donors))
	t.addDonors(b.Donors)
	for i := range rows {
		_ = t.AddIndexed(first+rows[i].Donor, rows[i].Gap, &rows[i].Amount) // checked above
	}
	return nil
}

// gapOffsets turns per-part counts of rows per gap into each part's first
// write position per gap (parts in order within a gap), sets gapStart and
// returns the number of rows.
func (t *Tally) gapOffsets(counts [][]int) int {
	t.gapStart = make([]int, len(t.gaps)+1)
	pos := 0
	for g := range t.gaps {
		t.gapStart[g] = pos
		for _, cnt := range counts {
			c := cnt[g]
			cnt[g] = pos
			pos += c
		}
	}
	t.gapStart[len(t.gaps)] = pos
	return pos
}

// groupByGap brings all entries into gap order (stably).
func (t *Tally) groupByGap() {
	n := len(t.entries)
	parts := partsFor(n)
	counts := make([][]int, parts)
	par.Do(parts, func(k int) {
		cnt := make([]int, len(t.gaps))
		lo, hi := par.Span(n, parts, k)
		for _, e := range t.entries[lo:hi] {
			cnt[entryGap(e)]++
		}
		counts[k] = cnt
	})
	t.gapOffsets(counts)
	out := hugemem.Make[radix.Pair](n, n)
	par.Do(parts, func(k int) {
		pos := counts[k]
		lo, hi := par.Span(n, parts, k)
		for _, e := range t.entries[lo:hi] {
			g := entryGap(e)
			out[pos[g]] = e
			pos[g]++
		}
	})
	t.entries, t.grouped = out, n
}

func entryGap(e radix.Pair) int32 { return int32(e.Key >> 32 & (1<<31 - 1)) }

// sum groups the entries by (gap, donor) into cells, in that order. A
// donor's total to a gap past 2^256-1 is an error.
func (t *Tally) sum() error {
	if t.summed == len(t.entries) {
		return nil
	}
	if t.grouped != len(t.entries) {
		t.groupByGap()
	}
	// Cut the gaps into one range per part, of about equal rows.
	parts := partsFor(len(t.entries))
	cut := make([]int, parts+1) // gap ranges [cut[k], cut[k+1])
	for k, g := 1, 0; k < parts; k++ {
		for g < len(t.gaps) && t.gapStart[g] < len(t.entries)*k/parts {
			g++
		}
		cut[k] = g
	}
	cut[parts] = len(t.gaps)

	donorBits := radix.Bits(len(t.donors))
	nCells := make([]int, parts)
	par.Do(parts, func(k int) {
		longest := 0
		for g := cut[k]; g < cut[k+1]; g++ {
			longest = max(longest, t.gapStart[g+1]-t.gapStart[g])
		}
		scratch := hugemem.Make[radix.Pair](longest, longest)
		n := 0
		for g := cut[k]; g < cut[k+1]; g++ {
			run := t.entries[t.gapStart[g]:t.gapStart[g+1]]
			radix.Sort(run, donorBits, scratch) // keys are gap<<32 | donor: the low bits are the donor
			for i := range run {
				if i == 0 || run[i].Key&^bigAmount != run[i-1].Key&^bigAmount {
					n++
				}
			}
		}
		nCells[k] = n
	})
	total := 0
	for k, n := range nCells {
		nCells[k] = total // now: where part k's cells start
		total += n
	}
	if len(t.entries) >= recycleEntries {
		hugemem.Recycle() // whatever the rows came from (a loader's arrays): memory for the cells
	}
	cells := hugemem.Make[Term](total, total)
	var eligible []uint256.Int
	if !t.min.IsZero() {
		eligible = hugemem.Make[uint256.Int](total, total)
	}
	errs := make([]error, parts)
	par.Do(parts, func(k int) {
		errs[k] = t.sumRange(t.gapStart[cut[k]], t.gapStart[cut[k+1]], cells[nCells[k]:], eligible, nCells[k])
	})
	for _, err := range errs { // the first part's error is the first in (gap, donor) order
		if err != nil {
			return err
		}
	}
	t.cells, t.eligible, t.summed = cells, eligible, len(t.entries)
	return nil
}

// sumRange writes the cells of entries[lo:hi] (sorted by gap, then donor)
// to cells, and their eligible totals to eligible[at:] when there is a
// minimum.
func (t *Tally) sumRange(lo, hi int, cells []Term, eligible []uint256.Int, at int) error {
	var a uint256.Int
	n := 0
	for i := lo; i < hi; {
		key := t.entries[i].Key &^ bigAmount
		c := &cells[n]
		c.Gap, c.Donor = int32(key>>32), int32(uint32(key))
		var el uint256.Int
		for ; i < hi && t.entries[i].Key&^bigAmount == key; i++ {
			e := &t.entries[i]
			if e.Key&bigAmount != 0 {
				a = t.big[e.Val]
			} else {
				a.SetUint64(e.Val)
			}
			if _, over := c.Amount.AddOverflow(&c.Amount, &a); over {
				return fmt.Errorf("%w: %s's total to gap %s", ErrOverflow, t.donors[c.Donor], t.gaps[c.Gap].ID.Dec())
			}
			if eligible != nil && !a.Lt(&t.min) {
				el.Add(&el, &a) // cannot overflow: eligible <= direct
			}
		}
		if eligible != nil {
			eligible[at+n] = el
		}
		n++
	}
	return nil
}
