package store

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/cockroachdb/pebble/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	bulkrows "github.com/qf-dev/qf/internal/bulk"
	"github.com/qf-dev/qf/record"
)

// An open round of an additive mechanism ("qf", "linear": see
// [calc.Additive]) keeps its statistics as contributions arrive, so that
// stats and the service's projection read O(gaps) records instead of
// every contribution:
//
//   - per (gap, donor) cell, the donor's total to the gap (the cells,
//     prefixCell);
//   - per donor, how many of its rows count (prefixDonorRows), so the
//     round's distinct donors are known;
//   - per gap, its direct total, its number of donors and Σ calc.QFRoot
//     of its cells (prefixGapSums);
//   - the head (prefixSumsHead): the round's counted rows and distinct
//     donors, stamped with the round record's Contributions and Voided
//     when they were made.
//
// The stamp is what makes them safe: a round's Contributions and Voided
// only grow, and every write that changes what a round computes grows one
// of them, so sums whose stamp equals the round record's describe exactly
// its rows. A write that does not keep them (a ledger fund, a crash
// between an import and its hook, a database from before) leaves the
// stamp behind, and [Store.OpenSums] refuses them: the caller computes
// the round from its rows. Imports ([Store.afterImport]) and voids keep
// them; an import that finds them stale rebuilds them from the stored
// rows.
//
// Rounds whose rows they cannot describe exactly are marked (the head's
// Unusable says why) and are computed from their rows: a row with a
// weight, a score or a token, a zero amount or a donor not in canonical
// form (which the write-time checks refuse, but a database from before
// may hold), and a donor's or gap's total past 2^256-1.
// Settings the sums do not depend on (a minimum amount, a score scale, a
// price ledger, a gap's recipient) are the reader's to check.

// ErrNoSums reports an open round without usable statistics sums.
var ErrNoSums = errors.New("no statistics sums")

// sumsHead is an open round's sums' head record.
type sumsHead struct {
	// Contributions and Voided are the round record's when the sums were
	// made: the stamp.
	Contributions int `json:"contributions"`
	Voided        int `json:"voided"`
	// Rows and Donors count the round's rows that are not voided, and
	// their distinct donors.
	Rows   int `json:"rows"`
	Donors int `json:"donors"`
	// Unusable, if set, says why the sums cannot describe the round (they
	// are then not kept, only the stamp).
	Unusable string `json:"unusable,omitempty"`
	// Deferred, if set, says that only what the readers need is stored:
	// the gaps' sums, the head and the recipients' own cells, not the
	// other cells nor the donors' row counts, which only a write needs.
	// A bulk import into a fresh round writes them so (a million cells
	// were most of its work); the first write that changes the sums (an
	// import behind them, a void, a ledger fund) makes them whole from
	// the rows first ([Store.completeSums]).
	Deferred bool `json:"deferred,omitempty"`
	// DeferredContributions is, as stored, a deferred head's stamp
	// (Contributions is then deferredStamp); readSumsHead puts it back in
	// Contributions.
	DeferredContributions int `json:"deferredContributions,omitempty"`
}

// deferredStamp is the Contributions a deferred head is stored with, its
// own stamp kept in DeferredContributions: above any round's count, so
// that a version from before deferred sums, which does not know them,
// finds the sums stale and not behind the round — it refuses them and
// rebuilds them whole from the rows — instead of taking them as whole
// and merging a fund's or an import's rows into the cells they lack
// (wrong donors' counts and roots, which its match would then pay).
const deferredStamp = math.MaxInt64

// marshalHead encodes head h as stored (see deferredStamp).
func marshalHead(h sumsHead) ([]byte, error) {
	if h.Deferred {
		h.DeferredContributions, h.Contributions = h.Contributions, deferredStamp
	}
	return json.Marshal(h)
}

// gapSum is one gap's sums record: its direct total, number of donors and
// Σ calc.QFRoot(cell, One) over its cells.
type gapSum struct {
	direct uint256.Int
	donors int
	roots  uint256.Int
}

func (g *gapSum) encode() []byte {
	v := binary.AppendUvarint(nil, uint64(g.donors))
	v = appendInt(v, &g.direct)
	return appendInt(v, &g.roots)
}

func decodeGapSum(v []byte) (gapSum, error) {
	var g gapSum
	n, k := binary.Uvarint(v)
	if k <= 0 {
		return g, ErrBadRecord
	}
	g.donors, v = int(n), v[k:]
	for _, z := range []*uint256.Int{&g.direct, &g.roots} {
		if len(v) < 1 || v[0] > 32 || len(v) < 1+int(v[0]) {
			return g, ErrBadRecord
		}
		z.SetBytes(v[1 : 1+int(v[0])])
		v = v[1+int(v[0]):]
	}
	if len(v) != 0 {
		return g, ErrBadRecord
	}
	return g, nil
}

// keepsSums reports whether round r's statistics sums are kept.
func keepsSums(r Round) bool { return r.Status == StatusOpen && calc.Additive(r.Config.Mechanism) }

// sumsRange is the key range of prefix p's records of round n.
func sumsRange(p byte, n uint64) (lo, hi []byte) { return roundKey(p, n), roundKey(p, n+1) }

// cellKey is the key of round n's cell (gap, donor).
func cellKey(n uint64, gap *uint256.Int, donor []byte) []byte {
	k := make([]byte, 41, 41+len(donor))
	k[0] = prefixCell
	binary.BigEndian.PutUint64(k[1:], n)
	gap.WriteToSlice(k[9:41])
	return append(k, donor...)
}

// recipientDonor is recipient a as a donor, in the canonical form a
// cell's donor is kept in (lower-case 0x hex), written into b.
func recipientDonor(a *common.Address, b *[42]byte) []byte {
	copy(b[:], "0x")
	hex.Encode(b[2:], a[:])
	return b[:]
}

func gapSumKey(n uint64, gap *uint256.Int) []byte {
	k := make([]byte, 41)
	k[0] = prefixGapSums
	binary.BigEndian.PutUint64(k[1:], n)
	gap.WriteToSlice(k[9:41])
	return k
}

func donorRowsKey(n uint64, donor []byte) []byte {
	return append(roundKey(prefixDonorRows, n), donor...)
}

func (s *Store) readSumsHead(rd pebble.Reader, n uint64) (sumsHead, bool, error) {
	var h sumsHead
	v, closer, err := rd.Get(roundKey(prefixSumsHead, n))
	if errors.Is(err, pebble.ErrNotFound) {
		return h, false, nil
	}
	if err != nil {
		return h, false, err
	}
	defer closer.Close()
	if err := json.Unmarshal(v, &h); err != nil {
		return h, false, fmt.Errorf("round %d statistics head: %w: %v", n, ErrBadRecord, err)
	}
	if h.Deferred && h.Contributions == deferredStamp {
		h.Contributions, h.DeferredContributions = h.DeferredContributions, 0
	}
	return h, true, nil
}

// getUint reads a record holding a uint256 (absent: zero).
func getUint(rd pebble.Reader, key []byte, z *uint256.Int) error {
	v, closer, err := rd.Get(key)
	z.Clear()
	if errors.Is(err, pebble.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	defer closer.Close()
	if len(v) > 32 {
		return ErrBadRecord
	}
	z.SetBytes(v)
	return nil
}

// getCount reads a record holding a uvarint (absent: 0).
func getCount(rd pebble.Reader, key []byte) (int, error) {
	v, closer, err := rd.Get(key)
	if errors.Is(err, pebble.ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	defer closer.Close()
	n, k := binary.Uvarint(v)
	if k != len(v) {
		return 0, ErrBadRecord
	}
	return int(n), nil
}

// GapSum is one gap's statistics sums in an open round.
type GapSum struct {
	// Direct is Σ of the gap's contributions, Donors its distinct donors.
	Direct uint256.Int
	Donors int
	// Roots is Σ calc.QFRoot(c, calc.One) over its donors' totals c.
	Roots uint256.Int
	// Own is the gap's recipient's own total to it (zero if none), which
	// Direct, Donors and Roots include and matching leaves out.
	Own uint256.Int
}

// OpenSums are an open round's statistics sums ([Store.OpenSums]).
type OpenSums struct {
	// Rows and Donors count the round's rows that are not voided and
	// their distinct donors.
	Rows, Donors int
	// Gaps are the sums of each gap of the registry given, in its order.
	Gaps []GapSum
}

// OpenSums reads open round r's statistics sums for the gap registry
// gaps, in O(len(gaps)) reads. It refuses ([ErrNoSums], saying why) sums
// that are not kept for the round, are stale (their stamp is not r's
// Contributions and Voided) or cannot describe it; the caller then
// computes the round from its rows.
func (s *Store) OpenSums(r Round, gaps []calc.Gap) (*OpenSums, error) {
	if !keepsSums(r) {
		return nil, fmt.Errorf("%w: kept for open %v rounds only", ErrNoSums, []string{"qf", "linear"})
	}
	rd := s.rd
	if s.snap == nil { // one view of the head and the sums, whatever is written meanwhile
		snap := s.db.NewSnapshot()
		defer snap.Close()
		rd = snap
	}
	h, ok, err := s.readSumsHead(rd, r.Number)
	switch {
	case err != nil:
		return nil, err
	case !ok && r.Contributions == 0: // nothing stored yet: nothing to sum
		return &OpenSums{Gaps: make([]GapSum, len(gaps))}, nil
	case !ok:
		return nil, fmt.Errorf("%w: round %d has none (rows written by a version or path that does not keep them)", ErrNoSums, r.Number)
	case h.Contributions != r.Contributions || h.Voided != r.Voided:
		return nil, fmt.Errorf("%w: round %d's are stale (made at %d contributions, %d voided; the round has %d, %d voided)",
			ErrNoSums, r.Number, h.Contributions, h.Voided, r.Contributions, r.Voided)
	case h.Unusable != "":
		return nil, fmt.Errorf("%w: round %d's cannot describe it (%s)", ErrNoSums, r.Number, h.Unusable)
	}
	out := &OpenSums{Rows: h.Rows, Donors: h.Donors, Gaps: make([]GapSum, len(gaps))}
	index := make(map[uint256.Int]int, len(gaps))
	for i := range gaps {
		index[gaps[i].ID] = i
	}
	lo, hi := sumsRange(prefixGapSums, r.Number)
	it, err := rd.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: hi})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	found := 0
	for it.First(); it.Valid(); it.Next() {
		var id uint256.Int
		id.SetBytes(it.Key()[9:41])
		g, err := decodeGapSum(it.Value())
		if err != nil {
			return nil, fmt.Errorf("round %d statistics of gap %s: %w", r.Number, id.Dec(), err)
		}
		i, ok := index[id]
		if !ok { // every row's gap is registered, and gaps stay registered
			return nil, fmt.Errorf("round %d statistics of gap %s: %w: not in the registry", r.Number, id.Dec(), ErrBadRecord)
		}
		out.Gaps[i] = GapSum{Direct: g.direct, Donors: g.donors, Roots: g.roots}
		found++
	}
	if err := it.Error(); err != nil {
		return nil, err
	}
	if found == 0 {
		return out, nil
	}
	// The recipient's own cell, if it gave to its gap: looked up by one
	// iterator that reads the bloom filters of the bottom level too (a
	// Get does not: each of a large round's 2,000 lookups, all but a few
	// for a cell that is not there, read a data block of its cells).
	lo, hi = sumsRange(prefixCell, r.Number)
	cells, err := rd.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: hi, UseL6Filters: true})
	if err != nil {
		return nil, err
	}
	defer cells.Close()
	var own [42]byte
	for i := range gaps {
		if out.Gaps[i].Donors == 0 {
			continue
		}
		key := cellKey(r.Number, &gaps[i].ID, recipientDonor(&gaps[i].Recipient, &own))
		out.Gaps[i].Own.Clear()
		if cells.SeekPrefixGE(key) && bytes.Equal(cells.Key(), key) {
			v := cells.Value()
			if len(v) > 32 {
				return nil, fmt.Errorf("round %d statistics of gap %s: %w", r.Number, gaps[i].ID.Dec(), ErrBadRecord)
			}
			out.Gaps[i].Own.SetBytes(v)
		}
		if err := cells.Error(); err != nil {
			return nil, fmt.Errorf("round %d statistics of gap %s: %w", r.Number, gaps[i].ID.Dec(), err)
		}
	}
	return out, nil
}

// sumsChunkCells bounds the cells an update holds in memory before it
// merges them into the stored ones.
var sumsChunkCells = 1 << 20

// sumsUpdate adds rows to a round's sums: the rows' cells are summed in
// memory a chunk at a time, then merged, in key order, into the stored
// cells. An update of more than one chunk deletes the head in its first
// write, so until its last write the sums are stale, never half made.
type sumsUpdate struct {
	s     *Store
	round uint64
	head  sumsHead
	gaps  map[uint256.Int]*gapSum // read once, written at the end
	chunk sumsChunk
	b     *pebble.Batch
	// flushed: a chunk was committed, and the head deleted with it.
	flushed bool
	// empty: no cell is stored yet (a fresh round or a rebuild, before its
	// first chunk is merged), so merging needs no lookups.
	empty bool
	added int // rows added
}

// sumsChunk is the rows of a chunk summed per cell: cells by gap slot and
// donor slot (integer keys: one string lookup per row, the donor's).
type sumsChunk struct {
	donor  map[string]uint32      // donor → slot (checked canonical)
	names  []string               // slot → donor
	rows   []int                  // slot → rows added
	gap    map[uint256.Int]uint32 // gaps past 2^64
	small  map[uint64]uint32      // the others: a cheaper key
	ids    []uint256.Int
	cells  map[uint64]uint32 // gap slot << 32 | donor slot → index in totals
	keys   []uint64          // index → cell key
	totals []uint256.Int
	// inOrder: the gaps are by id, the donors by name and the cells by
	// (gap, donor) already (a fresh import's, sumsfresh.go): ranked has
	// nothing to sort.
	inOrder bool
}

func (c *sumsChunk) reset() { c.presize(0) }

// presize empties the chunk with room for about n rows' cells (at most a
// chunk's), so that a large import's chunk is not regrown (and copied)
// twenty times on the way.
func (c *sumsChunk) presize(n int) {
	n = min(n, sumsChunkCells)
	c.donor, c.gap, c.small, c.cells = make(map[string]uint32, n/4), map[uint256.Int]uint32{}, map[uint64]uint32{}, make(map[uint64]uint32, n)
	c.names, c.rows, c.ids = make([]string, 0, n/4), make([]int, 0, n/4), nil
	c.keys, c.totals = make([]uint64, 0, n), make([]uint256.Int, 0, n)
	c.inOrder = false
}

func (s *Store) newSumsUpdate(round uint64, head sumsHead) *sumsUpdate {
	u := &sumsUpdate{s: s, round: round, head: head, gaps: map[uint256.Int]*gapSum{}, b: s.db.NewBatch()}
	u.chunk.reset()
	return u
}

// unusable gives up describing the round: only the stamp is kept.
func (u *sumsUpdate) unusable(why string) {
	if u.head.Unusable == "" {
		u.head.Unusable = why
	}
	u.chunk.reset()
}

// add counts one row.
func (u *sumsUpdate) add(r *record.Contribution) error {
	u.added++
	if u.head.Unusable != "" {
		return nil
	}
	c := &u.chunk
	c.inOrder = false // (rows added after: in any order)
	d, ok := c.donor[string(r.Donor)]
	if !ok {
		if why := uncountable(r, nil); why != "" {
			u.unusable(why)
			return nil
		}
		d = uint32(len(c.names))
		name := string(r.Donor)
		c.donor[name] = d
		c.names = append(c.names, name)
		c.rows = append(c.rows, 0)
	} else if why := uncountable(r, c.donor); why != "" {
		u.unusable(why)
		return nil
	}
	var g uint32
	if r.Gap.IsUint64() {
		if g, ok = c.small[r.Gap[0]]; !ok {
			g = uint32(len(c.ids))
			c.small[r.Gap[0]] = g
			c.ids = append(c.ids, r.Gap)
		}
	} else if g, ok = c.gap[r.Gap]; !ok {
		g = uint32(len(c.ids))
		c.gap[r.Gap] = g
		c.ids = append(c.ids, r.Gap)
	}
	key := uint64(g)<<32 | uint64(d)
	i, ok := c.cells[key]
	if !ok {
		i = uint32(len(c.totals))
		c.cells[key] = i
		c.keys = append(c.keys, key)
		c.totals = append(c.totals, uint256.Int{})
	}
	if _, over := c.totals[i].AddOverflow(&c.totals[i], &r.Amount); over {
		u.unusable(errCellOverflow)
		return nil
	}
	c.rows[d]++
	if len(c.totals) >= sumsChunkCells {
		return u.flush(true)
	}
	return nil
}

// Why sums cannot describe a round (the head's Unusable): the same
// whichever order the rows came in, so that an import stores the same
// records on every path.
const (
	errCellOverflow = "a donor's total to a gap exceeds 2^256-1"
	errGapOverflow  = "a gap's direct total exceeds 2^256-1"
)

// uncountable says why sums cannot count row ("" if they can); known
// holds donors already found canonical (nil: none).
func uncountable(r *record.Contribution, known map[string]uint32) string {
	switch {
	case len(r.Weight) > 0:
		return "a row has a weight"
	case len(r.Score) > 0:
		return "a row has a score"
	case len(r.Token) > 0:
		return "a row is in another token"
	case r.Amount.IsZero():
		return "a row has amount 0"
	}
	if known != nil {
		return ""
	}
	if d, err := calc.NormalizeDonor(string(r.Donor)); err != nil || d != string(r.Donor) {
		return "a donor is not in canonical form"
	}
	return ""
}

// gap returns gap id's sums, read on first use.
func (u *sumsUpdate) gap(id *uint256.Int) (*gapSum, error) {
	if g, ok := u.gaps[*id]; ok {
		return g, nil
	}
	g := new(gapSum)
	v, ok, err := u.s.get(gapSumKey(u.round, id))
	if err != nil {
		return nil, err
	}
	if ok {
		if *g, err = decodeGapSum(v); err != nil {
			return nil, fmt.Errorf("round %d statistics of gap %s: %w", u.round, id.Dec(), err)
		}
	}
	u.gaps[*id] = g
	return g, nil
}

// sumsPartBytes bounds the batch an update holds: past it the batch is
// committed and the update goes on in a new one. A chunk's records in one
// batch (~120 MB for 2^20 cells) sat in memory as Pebble's flushable
// batches until flushed, several at once: a 10M-row import peaked at
// 1.2 GiB.
var sumsPartBytes = 8 << 20

// commitPart commits the batch when it has grown past sumsPartBytes. The
// first such commit also deletes the head: from then until finish writes
// it anew, the sums are stale (refused, then rebuilt), never counted twice
// (an update cut short after some of its cells were written must not be
// taken again by the next import's hook).
func (u *sumsUpdate) commitPart() error {
	if u.b.Len() < sumsPartBytes {
		return nil
	}
	return u.commitBatch()
}

// commitBatch commits the batch (not synced: finish's is) and starts the
// next; the first such commit also deletes the head (see commitPart).
func (u *sumsUpdate) commitBatch() error {
	if !u.flushed {
		if err := u.b.Delete(roundKey(prefixSumsHead, u.round), nil); err != nil {
			return err
		}
		u.flushed = true
	}
	if err := u.b.Commit(pebble.NoSync); err != nil {
		return u.s.fail(err)
	}
	u.b.Reset()
	at("sums-part") // (the crash tests' stage: a part committed, the head gone)
	return nil
}

// flush merges the chunk's cells and donors into the stored ones; more
// says rows may follow, so the batch is committed now.
func (u *sumsUpdate) flush(more bool) error {
	if u.head.Unusable == "" && len(u.chunk.totals) > 0 {
		if u.b.Empty() && len(u.chunk.totals) > 1<<12 { // room for the chunk's records, up to a part's
			u.b.Close()
			u.b = u.s.db.NewBatchWithSize(min(len(u.chunk.totals)*112+len(u.chunk.names)*72, sumsPartBytes+1<<16))
		}
		if err := u.mergeCells(); err != nil {
			return err
		}
	}
	u.chunk.reset()
	if !more {
		return nil
	}
	u.empty = false
	return u.commitBatch()
}

// mergeCells merges the chunk's cells, in key order, into the stored
// ones and the gaps' sums; then the donors' row counts.
func (u *sumsUpdate) mergeCells() error {
	c := &u.chunk
	gapOrder, donorOrder, order := c.ranked()
	gapRank := make([]uint32, len(gapOrder))
	for r, g := range gapOrder {
		gapRank[g] = uint32(r)
	}
	sums := make([]*gapSum, len(gapOrder))
	for r, g := range gapOrder {
		var err error
		if sums[r], err = u.gap(&c.ids[g]); err != nil {
			return err
		}
	}
	lo, hi := sumsRange(prefixCell, u.round)
	it, err := u.s.db.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: hi})
	if err != nil {
		return err
	}
	defer it.Close()
	m := merger{it: it, off: u.empty}
	var old, sum uint256.Int
	var key []byte
	var val [32]byte
	for _, i := range order {
		g, d := uint32(c.keys[i]>>32), uint32(c.keys[i])
		id, donor, gs := &c.ids[g], c.names[d], sums[gapRank[g]]
		key = cellKey(u.round, id, nil)
		key = append(key, donor...)
		old.Clear()
		if v, ok := m.find(key); ok {
			if len(v) > 32 {
				return fmt.Errorf("round %d statistics cell: %w", u.round, ErrBadRecord)
			}
			old.SetBytes(v)
		}
		if err := it.Error(); err != nil {
			return err
		}
		add := &c.totals[i]
		if _, over := sum.AddOverflow(&old, add); over {
			u.unusable(errCellOverflow)
			return nil
		}
		if _, over := gs.direct.AddOverflow(&gs.direct, add); over {
			u.unusable(errGapOverflow)
			return nil
		}
		if old.IsZero() {
			gs.donors++
		} else {
			r := calc.QFRoot(&old, calc.One)
			gs.roots.Sub(&gs.roots, &r)
		}
		r := calc.QFRoot(&sum, calc.One)
		gs.roots.Add(&gs.roots, &r)
		sum.WriteToArray32(&val)
		if err := u.b.Set(key, val[32-(sum.BitLen()+7)/8:], nil); err != nil {
			return err
		}
		if err := u.commitPart(); err != nil {
			return err
		}
	}
	return u.mergeDonors(donorOrder)
}

// merger finds keys given in increasing order in an iterator: a few Next
// steps when the key is near, a seek otherwise (a chunk's keys are
// merged against the stored ones in one pass).
type merger struct {
	it      *pebble.Iterator
	off     bool // nothing stored: no lookups
	started bool
}

// find returns key's value, if stored.
func (m *merger) find(key []byte) ([]byte, bool) {
	if m.off {
		return nil, false
	}
	valid := false
	if !m.started {
		valid, m.started = m.it.SeekGE(key), true
	} else {
		valid = m.it.Valid()
		for steps := 0; valid && bytes.Compare(m.it.Key(), key) < 0; steps++ {
			if steps == 8 {
				valid = m.it.SeekGE(key)
				break
			}
			valid = m.it.Next()
		}
	}
	if valid && bytes.Equal(m.it.Key(), key) {
		return m.it.Value(), true
	}
	return nil, false
}

// mergeDonors merges the chunk's donors' row counts (order: by name)
// into the stored ones.
func (u *sumsUpdate) mergeDonors(order []uint32) error {
	c := &u.chunk
	lo, hi := sumsRange(prefixDonorRows, u.round)
	it, err := u.s.db.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: hi})
	if err != nil {
		return err
	}
	defer it.Close()
	m := merger{it: it, off: u.empty}
	var key, val []byte
	for _, d := range order {
		key = append(roundKey(prefixDonorRows, u.round)[:9:9], c.names[d]...)
		old := 0
		if v, ok := m.find(key); ok {
			n, k := binary.Uvarint(v)
			if k != len(v) {
				return fmt.Errorf("round %d statistics of donor %s: %w", u.round, c.names[d], ErrBadRecord)
			}
			old = int(n)
		}
		if err := it.Error(); err != nil {
			return err
		}
		if old == 0 {
			u.head.Donors++
		}
		val = binary.AppendUvarint(val[:0], uint64(old+c.rows[d]))
		if err := u.b.Set(key, val, nil); err != nil {
			return err
		}
		if err := u.commitPart(); err != nil {
			return err
		}
	}
	return nil
}

// finish writes the last chunk, the gaps' sums and the head stamped with
// round r's record, synced.
func (u *sumsUpdate) finish(r Round) error {
	defer u.b.Close()
	if done, err := u.ingestFresh(r); done || err != nil {
		return err
	}
	if err := u.flush(false); err != nil {
		return err
	}
	u.head.Contributions, u.head.Voided = r.Contributions, r.Voided
	u.head.Rows += u.added
	if u.head.Unusable == "" {
		for id, g := range u.gaps {
			if err := u.b.Set(gapSumKey(u.round, &id), g.encode(), nil); err != nil {
				return err
			}
		}
	}
	v, err := json.Marshal(u.head)
	if err != nil {
		return err
	}
	if err := u.b.Set(roundKey(prefixSumsHead, u.round), v, nil); err != nil {
		return err
	}
	if err := u.b.Commit(pebble.Sync); err != nil {
		return u.s.fail(err)
	}
	return nil
}

// abandon drops what the update has not written (what it has written is
// stale: the head went with its first chunk).
func (u *sumsUpdate) abandon() { u.b.Close() }

// clearSums deletes round n's sums, committed (not synced: an update
// after it is, and a lost deletion leaves stale, refused sums).
func (s *Store) clearSums(n uint64) error {
	b := s.db.NewBatch()
	defer b.Close()
	if err := clearSumsInto(b, n); err != nil {
		return err
	}
	if err := b.Commit(pebble.NoSync); err != nil {
		return s.fail(err)
	}
	return nil
}

// sumsPrefixes are the key prefixes of a round's sums.
var sumsPrefixes = []byte{prefixSumsHead, prefixGapSums, prefixCell, prefixDonorRows}

// hasSums reports whether any record of round n's sums is stored.
func (s *Store) hasSums(n uint64) (bool, error) {
	for _, p := range sumsPrefixes {
		lo, hi := sumsRange(p, n)
		it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: hi})
		if err != nil {
			return false, err
		}
		found := it.First()
		if err := errors.Join(it.Error(), it.Close()); err != nil {
			return false, err
		}
		if found {
			return true, nil
		}
	}
	return false, nil
}

// clearSumsInto adds to b the deletion of round n's sums.
func clearSumsInto(b *pebble.Batch, n uint64) error {
	for _, p := range sumsPrefixes {
		lo, hi := sumsRange(p, n)
		if err := b.DeleteRange(lo, hi, nil); err != nil {
			return err
		}
	}
	return nil
}

// rebuildSums makes round r's sums anew from its stored rows.
func (s *Store) rebuildSums(r Round) error {
	if err := s.clearSums(r.Number); err != nil {
		return err
	}
	u := s.newSumsUpdate(r.Number, sumsHead{})
	u.empty = true
	if err := s.EachContribution(r.Number, u.add); err != nil {
		u.abandon()
		return err
	}
	return u.finish(r)
}

// completeSums makes open round r's deferred sums (sumsHead.Deferred)
// whole, from its stored rows, before a write changes them, and returns
// their head; ok is false if they are not up to date afterwards (the
// write then leaves them stale). Its cost is a rebuild's, once: the
// writes after it find the cells.
func (s *Store) completeSums(r Round) (h sumsHead, ok bool, err error) {
	done, err := s.rebuildFromBlock(r)
	if err == nil && !done {
		err = s.rebuildSums(r)
	}
	if err != nil {
		return h, false, fmt.Errorf("round %d: making its deferred statistics whole: %w", r.Number, err)
	}
	h, ok, err = s.readSumsHead(s.db, r.Number)
	if err != nil || !ok || h.Deferred || h.Contributions != r.Contributions || h.Voided != r.Voided {
		return h, false, err
	}
	at("completed") // (the crash tests' stage: whole, the write not yet made)
	return h, true, nil
}

// CompleteDeferredSums makes open round r's statistics sums whole if a
// bulk import into the fresh round deferred part of them (see
// sumsHead.Deferred), as the round's next write would: the service's
// ledger calls it when it loads the open round, so that no fund request
// pays for it. The caller must be the round's only writer. Sums are a
// cache: on an error they stay deferred or stale, never wrong.
func (s *Store) CompleteDeferredSums(r Round) error { return s.completeDeferred(r) }

// completeDeferred makes open round r's sums whole if they are deferred
// and up to date (stale ones are rebuilt whole by the next import).
func (s *Store) completeDeferred(r Round) error {
	if !keepsSums(r) {
		return nil
	}
	h, ok, err := s.readSumsHead(s.db, r.Number)
	if err != nil || !ok || !h.Deferred || h.Contributions != r.Contributions || h.Voided != r.Voided {
		return err
	}
	_, _, err = s.completeSums(r)
	return err
}

// rebuildFromBlock makes round r's sums anew from its stored rows as
// rebuildSums does, the same records, but read in parallel key ranges
// ([Store.ReadBlock]) and summed by sorting (buildChunk) on every core;
// done is false, with nothing written, for a round the block cannot carry
// (a row that is not plain, a donor not in canonical form): rebuildSums
// then makes them, or says why they cannot be kept.
func (s *Store) rebuildFromBlock(r Round) (done bool, err error) {
	gaps, err := s.Gaps()
	if err != nil {
		return false, err
	}
	ids := make([]uint256.Int, len(gaps))
	for i := range gaps {
		ids[i] = gaps[i].ID
	}
	slices.SortFunc(ids, func(a, b uint256.Int) int { return a.Cmp(&b) })
	index := make(map[uint256.Int]int32, len(ids))
	for i := range ids {
		index[ids[i]] = int32(i)
	}
	b, err := s.ReadBlock(r.Number, func(id *uint256.Int) (int32, bool) { i, ok := index[*id]; return i, ok }, r.Contributions)
	if errors.Is(err, ErrNeedsRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	names := make([][]byte, len(b.Donors))
	for i, d := range b.Donors {
		if calc.CheckCanonical([]byte(d)) != nil {
			return false, nil
		}
		names[i] = []byte(d)
	}
	rows := make([]bulkrows.Row, b.N)
	perDonor := make([]int, len(names))
	for i := range rows {
		if !b.Row(i, &rows[i]) {
			return false, nil // (ReadBlock's rows all count)
		}
		perDonor[rows[i].Donor]++
	}
	c, ok := buildChunk(ids, names, perDonor, len(rows),
		func(i int) (int32, uint32) { return rows[i].Gap, uint32(rows[i].Donor) },
		func(i int) *uint256.Int { return &rows[i].Amount })
	if !ok {
		return false, nil
	}
	if err := s.clearSums(r.Number); err != nil {
		return false, err
	}
	at("completing") // (the crash tests' stage: the sums cleared, not yet made)
	u := s.newSumsUpdate(r.Number, sumsHead{})
	u.empty, u.chunk, u.added = true, c, len(rows)
	return true, u.finish(r)
}

// voidSums adds to b the voiding of row from open round r's sums (r as
// it was before the void), when they are up to date; stale sums stay so.
func (s *Store) voidSums(b *pebble.Batch, r Round, row *record.Contribution) error {
	return s.rowSums(b, r, row, false)
}

// FundSums adds to b, the batch that adds row to open round r (r as it
// was before the row), the row's counting in the round's statistics sums
// when they are up to date (a ledger fund: one row, a few reads); stale
// sums stay so. The caller is the round's only writer until b is
// applied.
func (s *Store) FundSums(b *pebble.Batch, r Round, row *record.Contribution) error {
	return s.rowSums(b, r, row, true)
}

// rowSums adds to b the adding (add) or voiding of one row in open round
// r's sums, r as it was before.
func (s *Store) rowSums(b *pebble.Batch, r Round, row *record.Contribution, add bool) error {
	if !keepsSums(r) {
		return nil
	}
	h, ok, err := s.readSumsHead(s.db, r.Number)
	if err != nil {
		return err
	}
	if !ok && add && r.Contributions == 0 { // the round's first row: sums start here
		ok = true
	}
	if !ok || h.Contributions != r.Contributions || h.Voided != r.Voided {
		return nil
	}
	if h.Deferred {
		if h, ok, err = s.completeSums(r); err != nil || !ok {
			return err
		}
	}
	if add {
		h.Contributions++
	} else {
		h.Voided++
	}
	put := func() error {
		v, err := json.Marshal(h)
		if err != nil {
			return err
		}
		return b.Set(roundKey(prefixSumsHead, r.Number), v, nil)
	}
	if h.Unusable != "" {
		return put()
	}
	if why := uncountable(row, nil); why != "" {
		h.Unusable = why
		if add {
			return put()
		}
		return b.Delete(roundKey(prefixSumsHead, r.Number), nil) // a row the sums should not hold
	}
	var old uint256.Int
	ck := cellKey(r.Number, &row.Gap, row.Donor)
	if err := getUint(s.db, ck, &old); err != nil {
		return err
	}
	gk := gapSumKey(r.Number, &row.Gap)
	gv, found, err := s.get(gk)
	if err != nil {
		return err
	}
	var g gapSum
	if found {
		if g, err = decodeGapSum(gv); err != nil {
			return err
		}
	}
	dk := donorRowsKey(r.Number, row.Donor)
	rows, err := getCount(s.db, dk)
	if err != nil {
		return err
	}
	var cell uint256.Int
	if add {
		_, over1 := cell.AddOverflow(&old, &row.Amount)
		_, over2 := new(uint256.Int).AddOverflow(&g.direct, &row.Amount)
		if over1 || over2 {
			h.Unusable = errCellOverflow
			return put()
		}
		g.direct.Add(&g.direct, &row.Amount)
		if old.IsZero() {
			g.donors++
		}
		if rows == 0 {
			h.Donors++
		}
		rows++
		h.Rows++
	} else {
		if old.Lt(&row.Amount) || g.direct.Lt(&row.Amount) || g.donors == 0 || rows == 0 || h.Rows == 0 {
			// the sums do not hold the row they should: leave them stale
			return b.Delete(roundKey(prefixSumsHead, r.Number), nil)
		}
		cell.Sub(&old, &row.Amount)
		g.direct.Sub(&g.direct, &row.Amount)
		if cell.IsZero() {
			g.donors--
		}
		if rows == 1 {
			h.Donors--
		}
		rows--
		h.Rows--
	}
	if !old.IsZero() {
		root := calc.QFRoot(&old, calc.One)
		g.roots.Sub(&g.roots, &root)
	}
	if !cell.IsZero() {
		root := calc.QFRoot(&cell, calc.One)
		g.roots.Add(&g.roots, &root)
		err = b.Set(ck, cell.Bytes(), nil)
	} else {
		err = b.Delete(ck, nil)
	}
	if err != nil {
		return err
	}
	if err := b.Set(gk, g.encode(), nil); err != nil {
		return err
	}
	if rows == 0 {
		err = b.Delete(dk, nil)
	} else {
		err = b.Set(dk, binary.AppendUvarint(nil, uint64(rows)), nil)
	}
	if err != nil {
		return err
	}
	return put()
}

func sortBy(x []uint32, cmp func(a, b uint32) int) { slices.SortFunc(x, cmp) }

func compareStrings(a, b string) int { return strings.Compare(a, b) }
