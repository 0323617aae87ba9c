package calc

import (
	"fmt"

	"github.com/holiman/uint256"

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
// [Tally.AddBulk] does step 1 while adding. The cells are the same, in the
// same order, whatever the number of cores.

// recycleEntries is the tally size from which summing first hands the
// caller's finished arrays back for reuse (see [hugemem.Recycle]).
const recycleEntries = 1 << 18

// Contribution is one row for [Tally.AddBulk]: donor and gap indices, and
// a positive amount.
type Contribution struct {
	Donor, Gap int32
	Amount     uint256.Int
}

// AddBulk adds the rows i in [0, n) for which row fills c and reports true,
// reading them from several goroutines at once: row must be safe for
// concurrent use and give the same answer each time it is asked (it is
// asked twice per row). Amounts must be positive, donor and gap indices
// the tally's; these are not checked. The tally holds the rows exactly as
// if they had been added one by one with [Tally.AddIndexed], in order.
func (t *Tally) AddBulk(n int, row func(i int, c *Contribution) bool) {
	if len(t.entries) != 0 { // rare: keep the simple path
		var c Contribution
		for i := range n {
			if row(i, &c) {
				_ = t.AddIndexed(c.Donor, c.Gap, &c.Amount)
			}
		}
		return
	}
	parts := partsFor(n)
	counts := make([][]int, parts)
	bigs := make([]int, parts+1) // part k's big amounts go to t.big[bigs[k]:]
	par.Do(parts, func(k int) {
		cnt := make([]int, len(t.gaps))
		var c Contribution
		lo, hi := par.Span(n, parts, k)
		for i := lo; i < hi; i++ {
			if row(i, &c) {
				cnt[c.Gap]++
				if !c.Amount.IsUint64() {
					bigs[k+1]++
				}
			}
		}
		counts[k] = cnt
	})
	total := t.gapOffsets(counts)
	entries := t.entries[:0]
	if cap(entries) < total {
		entries = hugemem.Make[radix.Pair](0, total)
	}
	entries = entries[:total]
	for k := range parts {
		bigs[k+1] += bigs[k]
	}
	t.big = make([]uint256.Int, bigs[parts])
	par.Do(parts, func(k int) {
		pos, big := counts[k], bigs[k]
		var c Contribution
		lo, hi := par.Span(n, parts, k)
		for i := lo; i < hi; i++ {
			if !row(i, &c) {
				continue
			}
			e := &entries[pos[c.Gap]]
			pos[c.Gap]++
			e.Key, e.Val = uint64(uint32(c.Gap))<<32|uint64(uint32(c.Donor)), c.Amount[0]
			if !c.Amount.IsUint64() {
				e.Key |= bigAmount
				e.Val = uint64(big)
				t.big[big] = c.Amount
				big++
			}
		}
	})
	t.entries, t.grouped = entries, total
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
