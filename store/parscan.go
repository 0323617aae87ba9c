package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"runtime"
	"sort"

	"github.com/cockroachdb/pebble/v2"
	"github.com/holiman/uint256"

	bulkrows "github.com/qf-dev/qf/internal/bulk"
	"github.com/qf-dev/qf/internal/par"
)

// Reading a round for a match on every core: the round's key range is cut
// into parts of about equal size on disk (Pebble's estimate from its
// files' indexes: no row is read to find them); each part is read by its own
// iterator on its own goroutine, decoded into compact rows with its donors
// numbered in order of first appearance; then the parts' donors are
// numbered once more, in key order, so the block the tally gets
// (calc.Tally.AddBlock) holds exactly what the row-by-row path
// ([Store.EachContribution] into a loader) would have added.

// ErrNeedsRows reports a round [Store.ReadBlock] does not hand over as a
// block: a row with a weight, score or token, an unknown gap, a zero
// amount or a damaged record (a donor not in canonical form is the
// tally's to refuse, calc.Tally.AddBlock). The caller
// reads it row by row, which computes it or names the row.
var ErrNeedsRows = errors.New("the round needs the row-by-row read")

// blockRow is one row of a part: its amount (or, when big, its index in
// the part's bigs), its gap index (bigRow set when big) and its donor's
// index among the part's donors.
type blockRow struct {
	amount uint64
	gap    uint32
	donor  uint32
}

const bigRow = 1 << 31

// blockPart is what one part's reader found.
type blockPart struct {
	rows   []blockRow
	bigs   []uint256.Int
	donors []string // in order of first appearance in the part
	remap  []int32  // part donor → block donor
	bad    bool
	err    error
}

// ReadBlock reads round's stored, not voided, rows in parallel key ranges
// into one [bulkrows.Block] for a tally whose gap indices gapOf gives (it must
// be safe for concurrent use): donors numbered in order of their first
// row in key order, rows in key order, as the row-by-row read would add
// them; sizeHint is about how many rows it has. It returns [ErrNeedsRows]
// for a round the block cannot carry.
func (s *Store) ReadBlock(round uint64, gapOf func(*uint256.Int) (int32, bool), sizeHint int) (*bulkrows.Block, error) {
	voids, err := s.voids(round)
	if err != nil {
		return nil, err
	}
	lo, hi := contribKey(round, nil), contribKey(round+1, nil)
	bounds := s.splitRange(lo, hi, runtime.GOMAXPROCS(0)) // one part a core: each part numbers its own donors
	parts := make([]blockPart, len(bounds)-1)
	per := sizeHint/len(parts) + sizeHint/(4*len(parts)) // a part's rows, roughly
	par.Chunks(len(parts), 1, runtime.GOMAXPROCS(0), func() func(int) {
		return func(k int) {
			parts[k].rows = make([]blockRow, 0, per)
			s.readPart(&parts[k], bounds[k], bounds[k+1], voids, gapOf)
		}
	})
	n := 0
	offsets := make([]int, len(parts)+1)
	for k := range parts {
		p := &parts[k]
		switch {
		case p.err != nil:
			return nil, p.err
		case p.bad:
			return nil, ErrNeedsRows
		}
		n += len(p.rows)
		offsets[k+1] = n
	}
	// The block's donors: the parts', in key order.
	index := make(map[string]int32, n/4)
	var names []string
	for k := range parts {
		p := &parts[k]
		p.remap = make([]int32, len(p.donors))
		for j, d := range p.donors {
			i, ok := index[d]
			if !ok {
				i = int32(len(names))
				index[d] = i
				names = append(names, d)
			}
			p.remap[j] = i
		}
		p.donors = nil
	}
	return &bulkrows.Block{Donors: names, N: n, Row: func(i int, c *bulkrows.Row) bool {
		k := sort.SearchInts(offsets, i+1) - 1
		p := &parts[k]
		r := &p.rows[i-offsets[k]]
		c.Donor, c.Gap = p.remap[r.donor], int32(r.gap&^bigRow)
		if r.gap&bigRow != 0 {
			c.Amount = p.bigs[r.amount]
		} else {
			c.Amount.SetUint64(r.amount)
		}
		return true
	}}, nil
}

// readPart reads the rows in [lo, hi) into p.
func (s *Store) readPart(p *blockPart, lo, hi []byte, voids map[string]Void, gapOf func(*uint256.Int) (int32, bool)) {
	it, err := s.rd.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: hi})
	if err != nil {
		p.err = err
		return
	}
	defer it.Close()
	local := make(map[string]uint32, cap(p.rows)/4)
	var donor []byte
	var gap, amount uint256.Int
	for ok := it.First(); ok; ok = it.Next() {
		id := it.Key()[9:]
		if len(voids) > 0 {
			if _, voided := voids[string(id)]; voided {
				continue
			}
		}
		// read in place: a plain record's donor, gap and amount, or the
		// row-by-row read names what is odd (a weight, a score, a token,
		// amount 0, a damaged record)
		if !plainRecord(it.Value(), &donor, &gap, &amount) {
			p.bad = true
			return
		}
		g, ok := gapOf(&gap)
		if !ok || g < 0 || uint32(g) >= bigRow {
			p.bad = true
			return
		}
		d, seen := local[string(donor)]
		if !seen { // canonical form: the tally checks every block donor
			d = uint32(len(p.donors))
			name := string(donor)
			local[name] = d
			p.donors = append(p.donors, name)
		}
		br := blockRow{gap: uint32(g), donor: d, amount: amount[0]}
		if !amount.IsUint64() {
			br.gap |= bigRow
			br.amount = uint64(len(p.bigs))
			p.bigs = append(p.bigs, amount)
		}
		p.rows = append(p.rows, br)
	}
	p.err = it.Error()
}

// splitMin is the size on disk under which a round is read as one range.
var splitMin uint64 = 1 << 20

// splitRange cuts [lo, hi) into at most parts ranges of about equal size
// on disk, as Pebble estimates it from its files' indexes (no row is
// read): each cut is found by bisecting the 8 bytes after the round's
// prefix (ids are compared as bytes). It returns the ranges' bounds, lo
// first and hi last: one range for a small round or one still in the
// memtable.
func (s *Store) splitRange(lo, hi []byte, parts int) [][]byte {
	bounds := [][]byte{lo}
	total, err := s.db.EstimateDiskUsage(lo, hi)
	if err != nil || parts < 2 || total < splitMin {
		return append(bounds, hi)
	}
	at := func(x uint64) []byte { return binary.BigEndian.AppendUint64(bytes.Clone(lo), x) }
	var from uint64 // the cuts increase
	for k := 1; k < parts; k++ {
		want := total * uint64(k) / uint64(parts)
		a, b := from, uint64(math.MaxUint64) // the first x with usage(lo, at(x)) ≥ want is in (a, b]
		for b-a > 1 {
			m := a + (b-a)/2
			if u, err := s.db.EstimateDiskUsage(lo, at(m)); err != nil || u >= want {
				b = m
			} else {
				a = m
			}
		}
		if b == math.MaxUint64 {
			break
		}
		if b > from {
			bounds = append(bounds, at(b))
			from = b
		}
	}
	return append(bounds, hi)
}
