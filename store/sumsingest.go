package store

import (
	"cmp"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/holiman/uint256"

	"github.com/cockroachdb/pebble/v2/sstable"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/internal/par"
)

// sstFrom is the number of cells from which the first statistics of a
// round (a bulk import into a fresh round, a rebuild) are written as one
// SSTable and linked in with Pebble's Ingest, instead of through a batch,
// the WAL and a memtable flush: the records are written once, in key
// order, and appear all at once.
var sstFrom = 1 << 15

// ingestFresh writes the sums of a fresh round (no stored cells) whose
// rows all fit in the chunk, with the head stamped for r, as one ingested
// SSTable. It reports false, having written nothing, when it does not
// apply (or a gap's total overflows: the batch path records why).
func (u *sumsUpdate) ingestFresh(r Round) (bool, error) {
	tmp, err := os.MkdirTemp(u.s.dir, tmpPrefix) // removed on open if a crash leaves it
	if err != nil {
		return false, err
	}
	defer os.RemoveAll(tmp) // Ingest links the tables in
	paths, h, ok, err := u.freshTables(r, tmp)
	if !ok || err != nil {
		return false, err
	}
	if err := u.s.db.Ingest(context.Background(), paths); err != nil {
		return false, u.s.fail(err)
	}
	u.head = h
	u.chunk.reset()
	return true, nil
}

// freshTables writes into folder tmp the sstables ingestFresh links in,
// and returns their paths and the head they hold; ok is false, with
// nothing written, when they do not apply.
func (u *sumsUpdate) freshTables(r Round, tmp string) (paths []string, h sumsHead, ok bool, err error) {
	c := &u.chunk
	if !u.empty || u.flushed || u.head.Unusable != "" || len(c.totals) < sstFrom {
		return nil, h, false, nil
	}
	gapOrder, donorOrder, order := c.ranked()
	gapRank := make([]uint32, len(gapOrder))
	for r, g := range gapOrder {
		gapRank[g] = uint32(r)
	}
	// The gaps' sums on every core, each part of the cells whole gaps.
	sums := make([]gapSum, len(gapOrder))
	procs := max(1, min(runtime.GOMAXPROCS(0), 4))
	cut := par.Cut(len(order), procs, func(i int) bool { return c.keys[order[i]]>>32 == c.keys[order[i-1]]>>32 })
	var over atomic.Bool
	par.Do(procs, func(k int) {
		for _, i := range order[cut[k]:cut[k+1]] {
			gs, total := &sums[gapRank[c.keys[i]>>32]], &c.totals[i]
			if _, o := gs.direct.AddOverflow(&gs.direct, total); o {
				over.Store(true)
				return
			}
			gs.donors++
			root := calc.QFRoot(total, calc.One)
			gs.roots.Add(&gs.roots, &root)
		}
	})
	if over.Load() {
		return nil, h, false, nil
	}
	h = u.head
	h.Contributions, h.Voided = r.Contributions, r.Voided
	h.Rows += u.added
	h.Donors += len(c.names)
	head, err := json.Marshal(h)
	if err != nil {
		return nil, h, false, err
	}

	// One table per prefix: the cells' and the donors' key ranges hold
	// nothing else, so Pebble links those tables straight into the bottom
	// level, and the next open has no compaction to run (one table over
	// every prefix overlapped the gap registry and was compacted by the
	// next command, a read, at its close).
	table := func(name string, fill func(w *sstable.Writer) error) (string, error) {
		return u.s.sumsTable(tmp, u.round, name, fill)
	}
	// The cells, the largest, in as many tables as cores (consecutive
	// ranges of keys), beside the others.
	parts := max(1, min(runtime.GOMAXPROCS(0), 4))
	if len(order) < 1<<16 {
		parts = 1
	}
	cellsPaths := make([]string, parts)
	cellsErrs := make([]error, parts)
	var wg sync.WaitGroup
	for k := range parts {
		lo, hi := par.Span(len(order), parts, k)
		wg.Go(func() {
			cellsPaths[k], cellsErrs[k] = table(fmt.Sprintf("cells-%d", k), func(w *sstable.Writer) error {
				var key []byte
				var buf [32]byte
				cell, cellGap := cellKey(u.round, new(uint256.Int), nil), -1 // the key's first 41 bytes, for gap cellGap
				for _, i := range order[lo:hi] {
					g, d := uint32(c.keys[i]>>32), uint32(c.keys[i])
					total := &c.totals[i]
					if int(g) != cellGap { // cells come grouped by gap
						c.ids[g].WriteToSlice(cell[9:41])
						cellGap = int(g)
					}
					key = append(append(key[:0], cell...), c.names[d]...)
					total.WriteToArray32(&buf)
					if err := w.Set(key, buf[32-(total.BitLen()+7)/8:]); err != nil {
						return err
					}
				}
				return nil
			})
		})
	}
	tables := []struct {
		name string
		fill func(w *sstable.Writer) error
	}{
		{"donors", func(w *sstable.Writer) error {
			var key, val []byte
			donorPrefix := roundKey(prefixDonorRows, u.round)
			for _, d := range donorOrder {
				key = append(append(key[:0], donorPrefix...), c.names[d]...)
				if err := w.Set(key, binary.AppendUvarint(val[:0], uint64(c.rows[d]))); err != nil {
					return err
				}
			}
			return nil
		}},
		{"head", func(w *sstable.Writer) error { return w.Set(roundKey(prefixSumsHead, u.round), head) }},
		{"gaps", func(w *sstable.Writer) error {
			for k, g := range gapOrder {
				if err := w.Set(gapSumKey(u.round, &c.ids[g]), sums[k].encode()); err != nil {
					return err
				}
			}
			return nil
		}},
	}
	for _, t := range tables {
		if err != nil {
			break
		}
		var p string
		if p, err = table(t.name, t.fill); err == nil {
			paths = append(paths, p)
		}
	}
	wg.Wait()
	if err == nil {
		err = errors.Join(cellsErrs...)
	}
	if err != nil {
		return nil, h, false, err
	}
	return append(paths, cellsPaths...), h, true, nil
}

// sumsTable writes, with fill, round n's sums table name in folder tmp,
// and returns its path.
func (s *Store) sumsTable(tmp string, n uint64, name string, fill func(w *sstable.Writer) error) (string, error) {
	path := filepath.Join(tmp, fmt.Sprintf("sums-%d-%s.sst", n, name))
	fillErr, err := s.writeSST(path, 6, fill)
	if fillErr != nil {
		return "", fillErr
	}
	return path, err
}

// deferredTables writes into folder tmp the tables of round r's deferred
// sums d (sumsHead.Deferred), one per key prefix as freshTables does, and
// returns their paths.
func (s *Store) deferredTables(r Round, tmp string, d *deferredSums) ([]string, error) {
	head, err := marshalHead(sumsHead{Contributions: r.Contributions, Voided: r.Voided, Rows: d.rows, Donors: d.donors, Deferred: true})
	if err != nil {
		return nil, err
	}
	tables := []struct {
		name string
		fill func(w *sstable.Writer) error
	}{
		{"head", func(w *sstable.Writer) error { return w.Set(roundKey(prefixSumsHead, r.Number), head) }},
		{"gaps", func(w *sstable.Writer) error {
			for g := range d.ids {
				if err := w.Set(gapSumKey(r.Number, &d.ids[g]), d.sums[g].encode()); err != nil {
					return err
				}
			}
			return nil
		}},
		{"cells-own", func(w *sstable.Writer) error {
			var buf [32]byte
			for _, c := range d.own {
				c.total.WriteToArray32(&buf)
				if err := w.Set(cellKey(r.Number, &d.ids[c.gap], c.donor), buf[32-(c.total.BitLen()+7)/8:]); err != nil {
					return err
				}
			}
			return nil
		}},
	}
	if len(d.own) == 0 {
		tables = tables[:2]
	}
	var paths []string
	for _, t := range tables {
		p, err := s.sumsTable(tmp, r.Number, t.name, t.fill)
		if err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// ownDonors is each of gaps' recipient as a donor (the canonical form,
// lower-case 0x hex, in which a cell's donor is kept), by gap id.
func ownDonors(gaps []calc.Gap) map[uint256.Int]string {
	own := make(map[uint256.Int]string, len(gaps))
	var b [42]byte
	for i := range gaps {
		own[gaps[i].ID] = string(recipientDonor(&gaps[i].Recipient, &b))
	}
	return own
}

// ranked orders a chunk's cells by key: the gaps by id, the donors by
// name, and the cells (their indices) by (gap rank, donor rank).
func (c *sumsChunk) ranked() (gapOrder, donorOrder, order []uint32) {
	if c.inOrder {
		return iota32(len(c.ids)), iota32(len(c.names)), iota32(len(c.keys))
	}
	gapOrder = make([]uint32, len(c.ids))
	for i := range gapOrder {
		gapOrder[i] = uint32(i)
	}
	sortBy(gapOrder, func(a, b uint32) int { return c.ids[a].Cmp(&c.ids[b]) })
	gapRank := make([]uint32, len(c.ids))
	for r, g := range gapOrder {
		gapRank[g] = uint32(r)
	}
	donorOrder = make([]uint32, len(c.names))
	for i := range donorOrder {
		donorOrder[i] = uint32(i)
	}
	sortBy(donorOrder, func(a, b uint32) int { return compareStrings(c.names[a], c.names[b]) })
	donorRank := make([]uint32, len(c.names))
	for r, d := range donorOrder {
		donorRank[d] = uint32(r)
	}
	type cellRank struct {
		key  uint64 // gap rank << 32 | donor rank
		cell uint32
	}
	rs := make([]cellRank, len(c.keys))
	for i, k := range c.keys {
		rs[i] = cellRank{uint64(gapRank[k>>32])<<32 | uint64(donorRank[uint32(k)]), uint32(i)}
	}
	slices.SortFunc(rs, func(a, b cellRank) int { return cmp.Compare(a.key, b.key) })
	order = make([]uint32, len(rs))
	for i := range rs {
		order[i] = rs[i].cell
	}
	return gapOrder, donorOrder, order
}

// iota32 is 0, 1, …, n-1.
func iota32(n int) []uint32 {
	x := make([]uint32, n)
	for i := range x {
		x[i] = uint32(i)
	}
	return x
}
