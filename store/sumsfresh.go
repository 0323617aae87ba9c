package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"hash/maphash"
	"runtime"
	"slices"
	"sync/atomic"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/internal/hugemem"
	"github.com/qf-dev/qf/internal/par"
	"github.com/qf-dev/qf/internal/radix"
)

// The statistics sums of a bulk import into a fresh round (one with no
// rows before it), made from the import's rows while they are still in
// the sort's memory, on every core, by sorting instead of hashing:
//
//  1. as soon as the first scan ends, while the verdicts are decided,
//     every row is read on every core into a compact row (donor, gap
//     index, amount) (startGroups, gatherGroups);
//  2. one radix sort of 32-bit donor hashes above row indices groups the
//     rows by donor (equal hashes are told apart by the donor's bytes,
//     so a collision never merges two donors); once the verdicts are
//     known, rows that are not new are left out (keepNew);
//  3. one radix sort of (gap rank, donor) keys puts the rows in cell
//     order, and adjacent rows of a cell are summed.
//
// The import writes the deferred sums ([sumsHead.Deferred]: freshGroups,
// then deferred): each gap's sums, the recipients' own cells and the
// head, what stats and the match read. The whole sums (buildChunk: the
// donors ranked by name, the cells in key order) are the chunk the
// row-by-row update ([sumsUpdate.add]) would have built, written the same
// way ([sumsUpdate.finish]): the same records, byte for byte
// (TestFreshSumsAgreeWithRowByRow, TestRebuildFromBlockIsRebuild). A
// row-by-row update of a million rows made a hash lookup per row in tables
// of 200,000 donors and a million cells, a cache miss each: most of the
// import's time; writing the whole sums' million keys was half of what
// was left.

// donorHash hashes a donor's bytes for grouping (a variable: a test makes
// every donor collide).
var donorHash = func(seed maphash.Seed, b []byte) uint64 { return maphash.Bytes(seed, b) }

// freshSums turns the path on (a variable: a test compares it with the
// row-by-row update).
var freshSums = true

// freshRow is one new row for the sums (no pointer: a million of them
// are neither scanned by the garbage collector nor copied with write
// barriers).
type freshRow struct {
	amount   uint256.Int
	donorOff uint32 // the donor is the sorter's arena[donorOff:donorOff+donorLen]
	donorLen uint32
	gap      int32  // index among the registered gaps, ascending id order
	row      uint32 // place in the file
}

// freshChunk builds the sums chunk of the rows the import added to a
// fresh round, from its sort held in memory, and the number of rows it
// holds; ok is false, with nothing built, when a row is not plain (a
// weight, a score, a token, a zero amount), a donor is not canonical, or
// the sort spilled: the row-by-row update then finds out why. The chunk's
// cells, gaps and donors are in key order, so that writing it sorts
// nothing.
func (bk *bulk) freshChunk() (c sumsChunk, added uint64, ok bool, err error) {
	fg, ok, err := bk.freshGroups()
	if !ok || err != nil {
		return c, 0, false, err
	}
	rows, donorOf := fg.rows, fg.donorOf
	c, ok = buildChunk(fg.ids, fg.names, fg.perDonor, len(rows),
		func(i int) (int32, uint32) { return rows[i].gap, donorOf[i] },
		func(i int) *uint256.Int { return &rows[i].amount })
	if !ok {
		return sumsChunk{}, 0, false, nil
	}
	return c, bk.newRows, true, nil
}

// buildChunk builds, on every core, the chunk of n rows: row i's gap (an
// index into ids, the registered gaps ascending) and donor (an index into
// names, canonical and distinct; perDonor counts their rows), amount its
// amount. The donors are ranked by name, the gaps by id, and one radix
// sort of (gap rank, donor rank) keys puts the rows in cell order;
// adjacent rows of a cell are summed. ok is false if a cell's total
// passes 2^256-1.
func buildChunk(ids []uint256.Int, names [][]byte, perDonor []int, n int, row func(i int) (gap int32, donor uint32), amount func(i int) *uint256.Int) (c sumsChunk, ok bool) {
	procs := max(1, min(runtime.GOMAXPROCS(0), 4))
	var bad atomic.Bool
	donorOrder := byName(names)
	donorRank := make([]uint32, len(names))
	for r, d := range donorOrder {
		donorRank[d] = uint32(r)
	}

	// The gaps that have rows, ranked by id.
	gapRank := rankPresent(ids, n, func(i int) int32 { g, _ := row(i); return g }, &c.ids)

	// 3. The rows in cell order, summed per cell.
	pairs := hugemem.Make[radix.Pair](n, n)
	par.Do(procs, func(k int) {
		lo, hi := par.Span(n, procs, k)
		for i := lo; i < hi; i++ {
			g, d := row(i)
			pairs[i] = radix.Pair{Key: uint64(gapRank[g])<<32 | uint64(donorRank[d]), Val: uint64(i)}
		}
	})
	radix.Sort(pairs, 32+radix.Bits(len(c.ids)), hugemem.Make[radix.Pair](n, n))
	// Summed per cell on every core, each part of the pairs (never
	// cutting a cell) into its own span of the cells.
	cut := par.Cut(n, procs, func(i int) bool { return pairs[i].Key == pairs[i-1].Key })
	first := make([]int, procs+1) // part k's cells start at first[k]
	par.Do(procs, func(k int) {
		for i := cut[k]; i < cut[k+1]; i++ {
			if i == cut[k] || pairs[i].Key != pairs[i-1].Key {
				first[k+1]++
			}
		}
	})
	for k := range procs {
		first[k+1] += first[k]
	}
	c.keys, c.totals = hugemem.Make[uint64](first[procs], first[procs]), hugemem.Make[uint256.Int](first[procs], first[procs])
	par.Do(procs, func(k int) {
		cell := first[k]
		for i, hi := cut[k], cut[k+1]; i < hi; cell++ {
			key := pairs[i].Key
			total := &c.totals[cell]
			for ; i < hi && pairs[i].Key == key; i++ {
				if _, over := total.AddOverflow(total, amount(int(pairs[i].Val))); over {
					bad.Store(true)
				}
			}
			c.keys[cell] = key
		}
	})
	if bad.Load() {
		return sumsChunk{}, false
	}
	c.names = make([]string, len(names))
	c.rows = make([]int, len(names))
	for r, d := range donorOrder {
		c.names[r] = string(names[d])
		c.rows[r] = perDonor[d]
	}
	// (the lookup tables are for adding rows: none are added to this chunk)
	c.donor, c.gap, c.small, c.cells = map[string]uint32{}, map[uint256.Int]uint32{}, map[uint64]uint32{}, map[uint64]uint32{}
	c.inOrder = true
	return c, true
}

// freshGroups is the new rows of an import into a fresh round grouped by
// donor (see freshChunk).
type freshGroups struct {
	rows     []freshRow    // the new rows (every row until keepNew)
	donorOf  []uint32      // row → its donor (from group)
	names    [][]byte      // donor → its bytes (canonical; aliasing the sort's arena; from group)
	arena    []byte        // the sort's: a row's donor is arena[donorOff:donorOff+donorLen]
	perDonor []int         // donor → its rows (from group)
	ids      []uint256.Int // the registered gaps, ascending: a row's gap indexes it
	// byHash is the rows (low 32 bits) in runs of one donor hash (high
	// 32 bits), cut into bounds' parts (a part never cuts a run): every
	// row, until keepNew leaves some out (it then drops byHash).
	byHash []uint64
	bounds []int
	seed   maphash.Seed // of the hashes
}

// donorBytes is row r's donor, in the sort's arena.
func (fg *freshGroups) donorBytes(r *freshRow) []byte {
	return fg.arena[r.donorOff : r.donorOff+r.donorLen]
}

// rankPresent appends to present the ids (ascending) of the gaps that
// n rows have (row i's is gap(i), an index into ids), and returns each
// gap's rank among them.
func rankPresent(ids []uint256.Int, n int, gap func(i int) int32, present *[]uint256.Int) []uint32 {
	has := make([]bool, len(ids))
	for i := range n {
		has[gap(i)] = true
	}
	rank := make([]uint32, len(ids))
	for g := range ids {
		if has[g] {
			rank[g] = uint32(len(*present))
			*present = append(*present, ids[g])
		}
	}
	return rank
}

// freshGroups makes steps 1 and 2 of freshChunk: the new rows, grouped
// by donor, every donor checked canonical; ok is false, with nothing
// made, when the sums cannot be made so (see freshChunk). The grouping
// of every row (gatherGroups) may have started as soon as the scan
// ended (startGroups), while the rows' verdicts were decided; the rows
// that are not new are then left out.
func (bk *bulk) freshGroups() (fg freshGroups, ok bool, err error) {
	if fg, ok, err = bk.everyRow(); !ok || err != nil {
		return fg, false, err
	}
	fg.group()
	return fg.keepNew(bk.verdict, bk.newRows)
}

// everyRow is every row of the import, read and in runs of one donor
// hash (gatherGroups), its donors not yet numbered (group) and the rows
// that are not new still in (keepNew).
func (bk *bulk) everyRow() (fg freshGroups, ok bool, err error) {
	if !bk.freshSumsApply() || bk.newRows == 0 || bk.newRows >= 1<<31 {
		return fg, false, nil
	}
	if bk.groups == nil {
		bk.startGroups()
	}
	g := bk.groups
	<-g.done
	if !g.ok || g.err != nil {
		return fg, false, g.err
	}
	return g.fg, true, nil
}

// freshSumsApply reports whether the import's sort can give its sums:
// the path is on, the round had no rows before, the sort is held in
// memory, and no row is special or past 2^256-1 in all (the row-by-row
// update says why the sums cannot be kept).
func (bk *bulk) freshSumsApply() bool {
	return freshSums && bk.r.Contributions == 0 && len(bk.main.runs) == 0 && !bk.special && !bk.overflow
}

// groupsAhead is a grouping of every row of an import started early.
type groupsAhead struct {
	done chan struct{}
	fg   freshGroups
	ok   bool
	err  error
}

// startGroups starts the grouping of every row of the import by donor
// (gatherGroups) on its own goroutine, once the first scan is done (the
// arena no longer changes), so that it runs while the verdicts are
// decided; freshGroups takes its result.
func (bk *bulk) startGroups() {
	g := &groupsAhead{done: make(chan struct{})}
	bk.groups = g
	if !bk.freshSumsApply() || bk.n == 0 || bk.n > uint64(sumsMaxImport) || bk.r.Voided > 0 {
		close(g.done) // (more rows than sumsMaxImport: the sums are given up)
		return
	}
	// The refs as they are, in any order, which the verdicts' sort leaves be
	// (it sorts into a new array).
	if len(bk.main.refs) != int(bk.n) {
		close(g.done)
		return
	}
	bk.main.keep = true
	refs := bk.main.refs
	go func() {
		defer close(g.done)
		g.fg, g.ok, g.err = bk.gatherGroups(refs)
	}()
}

// waitGroups waits for a grouping started early, if any.
func (bk *bulk) waitGroups() {
	if bk.groups != nil {
		<-bk.groups.done
	}
}

// keepNew leaves out of fg the rows whose verdict is not new (a
// duplicate of an earlier row, which has the same donor). ok is false if
// a donor is then left without rows, which a duplicate cannot cause: the
// hook's row-by-row update then makes the sums.
func (fg freshGroups) keepNew(verdict []byte, newRows uint64) (freshGroups, bool, error) {
	if uint64(len(fg.rows)) == newRows {
		return fg, true, nil
	}
	n := int(newRows)
	rows, donorOf := hugemem.Make[freshRow](0, n), hugemem.Make[uint32](0, n)
	perDonor := make([]int, len(fg.names))
	for i := range fg.rows {
		if verdict[fg.rows[i].row] == vNew {
			rows = append(rows, fg.rows[i])
			donorOf = append(donorOf, fg.donorOf[i])
			perDonor[fg.donorOf[i]]++
		}
	}
	if len(rows) != n || slices.Contains(perDonor, 0) {
		return freshGroups{}, false, nil
	}
	fg.rows, fg.donorOf, fg.perDonor = rows, donorOf, perDonor
	fg.byHash, fg.bounds = nil, nil
	return fg, true, nil
}

// gatherGroups reads every row of the import (refs: the sort's, in any
// order) from the sort's arena on every core (no sort, no verdict
// needed), checks its donor canonical, and sorts them by the donor's
// hash; ok is false when a row is not plain or a donor not canonical.
func (bk *bulk) gatherGroups(refs []sortRef) (fg freshGroups, ok bool, err error) {
	arena := bk.main.arena
	ids := make([]uint256.Int, 0, len(bk.known))
	for id := range bk.known {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b uint256.Int) int { return a.Cmp(&b) })
	index := make(map[uint256.Int]int32, len(ids))
	for i := range ids {
		index[ids[i]] = int32(i)
	}
	procs := max(1, min(runtime.GOMAXPROCS(0), 4))
	var bad atomic.Bool

	// 1. Every row, with its donor's hash.
	n := len(refs)
	rows := hugemem.Make[freshRow](n, n)
	keys := hugemem.Make[uint64](n, n)
	seed := maphash.MakeSeed()
	errs := make([]error, procs)
	par.Do(procs, func(k int) {
		var e sortEntry
		var gap uint256.Int
		var d []byte
		lo, hi := par.Span(n, procs, k)
		for i := lo; i < hi && !bad.Load(); i++ {
			ref := &refs[i]
			if _, err := decodeEntry(arena[ref.off:ref.off+ref.n], &e); err != nil {
				errs[k] = err
				return
			}
			r := &rows[i]
			if !plainContent(e.content, &d, &gap, &r.amount) {
				bad.Store(true)
				return
			}
			g, known := index[gap]
			if !known {
				bad.Store(true)
				return
			}
			// (checked while its bytes are in cache: once per donor, at
			// random in the arena, took longer)
			if !lowerHexAddr(d) && calc.CheckCanonical(d) != nil {
				bad.Store(true)
				return
			}
			// d aliases the arena: where it starts is told by its capacity
			r.donorOff, r.donorLen, r.gap, r.row = uint32(cap(arena)-cap(d)), uint32(len(d)), g, uint32(ref.row)
			if len(d) > 0 && &arena[r.donorOff] != &d[0] { // (a decoder that cut the capacity)
				bad.Store(true)
				return
			}
			keys[i] = donorHash(seed, d)&^(1<<32-1) | uint64(i)
		}
	})
	if err := errors.Join(errs...); err != nil {
		return fg, false, err
	}
	if bad.Load() {
		return fg, false, nil
	}

	// 2. The rows in runs of one donor hash, cut into parts that never cut
	// a run.
	radix.SortHigh(keys, hugemem.Make[uint64](n, n), procs)
	bounds := par.Cut(n, procs, func(i int) bool { return keys[i]>>32 == keys[i-1]>>32 })
	return freshGroups{rows: rows, ids: ids, byHash: keys, bounds: bounds, arena: arena, seed: seed}, true, nil
}

// group numbers fg's donors, told apart by their bytes within each run of
// one hash, on every core (each part numbers its own, then the parts'
// numbers are offset), once.
func (fg *freshGroups) group() {
	if fg.donorOf != nil || fg.byHash == nil {
		return
	}
	rows, keys, bounds := fg.rows, fg.byHash, fg.bounds
	donor := fg.donorBytes
	n, procs := len(rows), len(bounds)-1
	donorOf := hugemem.Make[uint32](n, n)
	partFirst := make([][]uint32, procs) // each donor's first row
	partRows := make([][]int, procs)
	par.Do(procs, func(k int) {
		lo, hi := bounds[k], bounds[k+1]
		first := make([]uint32, 0, (hi-lo)/2+16) // (room enough: no regrowth, and its faults, on the way)
		perDonor := make([]int, 0, (hi-lo)/2+16)
		var run []uint32 // the part's donors of the current hash
		for i := lo; i < hi; {
			j := i
			for j < hi && keys[j]>>32 == keys[i]>>32 {
				j++
			}
			run = run[:0]
			for _, key := range keys[i:j] {
				row := uint32(key)
				d := -1
				for _, cand := range run {
					if bytes.Equal(donor(&rows[first[cand]]), donor(&rows[row])) {
						d = int(cand)
						break
					}
				}
				if d < 0 {
					d = len(first)
					first = append(first, row)
					perDonor = append(perDonor, 0)
					run = append(run, uint32(d))
				}
				donorOf[row] = uint32(d)
				perDonor[d]++
			}
			i = j
		}
		partFirst[k], partRows[k] = first, perDonor
	})
	var names [][]byte // aliasing the arena
	var perDonor []int
	offset := make([]uint32, procs)
	for k := range procs {
		offset[k] = uint32(len(names))
		for _, row := range partFirst[k] {
			names = append(names, donor(&rows[row]))
		}
		perDonor = append(perDonor, partRows[k]...)
	}
	par.Do(procs, func(k int) {
		if offset[k] == 0 {
			return
		}
		for _, key := range keys[bounds[k]:bounds[k+1]] {
			donorOf[uint32(key)] += offset[k]
		}
	})
	fg.donorOf, fg.names, fg.perDonor = donorOf, names, perDonor
}

// lowerHex marks the bytes of lower-case hex digits.
var lowerHex = func() (t [256]bool) {
	for _, c := range "0123456789abcdef" {
		t[c] = true
	}
	return t
}()

// lowerHexAddr reports whether d is "0x" and 40 lower-case hex digits:
// an address in the canonical form of a donor (calc.CheckCanonical).
func lowerHexAddr(d []byte) bool {
	if len(d) != 42 || d[0] != '0' || d[1] != 'x' {
		return false
	}
	ok := true
	for _, c := range d[2:] {
		ok = ok && lowerHex[c]
	}
	return ok
}

// byName returns the indices of names in the names' byte order: a radix
// sort of their first 8 bytes (zero-padded, big-endian: an order that
// agrees with the bytes'), then each run of equal first bytes sorted by
// the whole names.
func byName(names [][]byte) []uint32 {
	pairs := make([]radix.Pair, len(names))
	for i, name := range names {
		var b [8]byte
		copy(b[:], name)
		pairs[i] = radix.Pair{Key: binary.BigEndian.Uint64(b[:]), Val: uint64(i)}
	}
	radix.Sort(pairs, 64, nil)
	order := make([]uint32, len(names))
	for i := range pairs {
		order[i] = uint32(pairs[i].Val)
	}
	for i := 0; i < len(pairs); {
		j := i + 1
		for j < len(pairs) && pairs[j].Key == pairs[i].Key {
			j++
		}
		if j-i > 1 {
			slices.SortFunc(order[i:j], func(a, b uint32) int { return bytes.Compare(names[a], names[b]) })
		}
		i = j
	}
	return order
}

// plainContent reads a row's encoded content (encodeContent) into donor
// (aliasing v), gap and amount, and reports whether the row is plain: an
// amount above zero, no weight, no score, no token.
func plainContent(v []byte, donor *[]byte, gap, amount *uint256.Int) bool {
	n, k := binary.Uvarint(v)
	if k <= 0 || uint64(len(v)-k) < n {
		return false
	}
	*donor = v[k : k+int(n)]
	v = v[k+int(n):]
	for _, z := range []*uint256.Int{gap, amount} {
		if len(v) < 1 || v[0] > 32 || len(v) < 1+int(v[0]) {
			return false
		}
		z.SetBytes(v[1 : 1+int(v[0])])
		v = v[1+int(v[0]):]
	}
	// an empty weight and an empty score, and nothing after (no token)
	return len(v) == 2 && v[0] == 0 && v[1] == 0 && !amount.IsZero()
}

// plainRecord is plainContent for a stored record (encodeContribution):
// the content, then, when known, its arrival sequence (above zero: a
// token's mark is a zero byte).
func plainRecord(v []byte, donor *[]byte, gap, amount *uint256.Int) bool {
	n, k := binary.Uvarint(v)
	if k <= 0 || uint64(len(v)-k) < n {
		return false
	}
	end := k + int(n)
	for range 2 { // the gap, the amount
		if len(v) < end+1 || v[end] > 32 || len(v) < end+1+int(v[end]) {
			return false
		}
		end += 1 + int(v[end])
	}
	if len(v) < end+2 || v[end] != 0 || v[end+1] != 0 { // an empty weight and score
		return false
	}
	if rest := v[end+2:]; len(rest) > 0 {
		seq, k := binary.Uvarint(rest)
		if k != len(rest) || seq == 0 {
			return false
		}
	}
	return plainContent(v[:end+2], donor, gap, amount)
}

// deferredSums are the deferred sums (sumsHead.Deferred) of a fresh
// import's new rows: each gap's sums, the cells of a gap's recipient to
// it, and the head's counts.
type deferredSums struct {
	ids          []uint256.Int // the gaps with rows, ascending
	sums         []gapSum      // theirs
	own          []ownCell     // by ascending gap
	rows, donors int
}

// ownCell is a gap's recipient's total to it.
type ownCell struct {
	gap   int    // index in ids
	donor []byte // the recipient, as a donor
	total uint256.Int
}

// deferred makes the deferred sums of the new rows (verdict: every
// row's, newRows of them new) of every row in runs of one donor hash (own:
// each gap's recipient as a donor, see ownDonors), on every core, donor
// by donor: each part of the hash order (whole runs) tells each run's
// donors apart by their bytes, sorts each donor's new rows by gap (a
// few), sums each cell, and adds its total and its root to its part's
// sums of the gap; the parts' sums are then added. No cell is
// kept: no key is written per cell or donor but the recipients' own. ok
// is false when a gap's direct total passes 2^256-1 (the hook's update
// then says why the sums cannot be kept), when there are fewer cells than
// sstFrom (the hook's batch then writes the whole sums, as cheaply), or
// when the rows are not every row's (keepNew ran).
func (fg *freshGroups) deferred(own map[uint256.Int]string, verdict []byte, newRows uint64) (d deferredSums, ok bool) {
	if fg.byHash == nil {
		return d, false
	}
	donor := func(row uint32) []byte { return fg.donorBytes(&fg.rows[row]) }
	// Each gap's recipient, and its hash as byHash holds it: a donor is
	// compared with it only when their hashes agree (its bytes, at
	// random in the arena, are then read for a few cells, not all).
	ownOf := make([]string, len(fg.ids))
	ownHash := make([]uint32, len(fg.ids))
	for g := range fg.ids {
		ownOf[g] = own[fg.ids[g]]
		ownHash[g] = uint32(donorHash(fg.seed, []byte(ownOf[g])) >> 32)
	}
	type cellRow struct {
		donor uint32
		gap   int32
		row   uint32
	}
	type part struct {
		sums                     []gapSum // by registered gap
		own                      []ownCell
		rows, donors, all, cells int // (all: donors of any row, new or not)
		bad                      bool
	}
	procs := len(fg.bounds) - 1
	parts := make([]part, procs)
	par.Do(procs, func(k int) {
		p := &parts[k]
		p.sums = make([]gapSum, len(fg.ids))
		var run []cellRow
		var firsts []uint32 // the run's donors: each one's first row
		var total uint256.Int
		keys := fg.byHash[fg.bounds[k]:fg.bounds[k+1]]
		for i := 0; i < len(keys) && !p.bad; {
			j := i + 1
			for j < len(keys) && keys[j]>>32 == keys[i]>>32 {
				j++
			}
			hash := uint32(keys[i] >> 32)
			// The run's donors, told apart by their bytes (one, but for a
			// hash collision), and its new rows.
			run, firsts = run[:0], firsts[:0]
			for _, key := range keys[i:j] {
				row := uint32(key)
				d := -1
				for f, first := range firsts {
					if bytes.Equal(donor(first), donor(row)) {
						d = f
						break
					}
				}
				if d < 0 {
					d = len(firsts)
					firsts = append(firsts, row)
				}
				if verdict[fg.rows[row].row] == vNew {
					run = append(run, cellRow{donor: uint32(d), gap: fg.rows[row].gap, row: row})
				}
			}
			p.all += len(firsts)
			i = j
			if len(run) > 1 {
				slices.SortFunc(run, func(a, b cellRow) int {
					if a.donor != b.donor {
						return cmp.Compare(a.donor, b.donor)
					}
					return cmp.Compare(a.gap, b.gap)
				})
			}
			for a := 0; a < len(run); {
				b := a
				total.Clear()
				for ; b < len(run) && run[b].donor == run[a].donor && run[b].gap == run[a].gap; b++ {
					total.Add(&total, &fg.rows[run[b].row].amount) // (the file's total fits)
				}
				if a == 0 || run[a].donor != run[a-1].donor {
					p.donors++
				}
				g := run[a].gap
				gs := &p.sums[g]
				if _, o := gs.direct.AddOverflow(&gs.direct, &total); o {
					p.bad = true
					break
				}
				gs.donors++
				root := calc.QFRoot(&total, calc.One)
				gs.roots.Add(&gs.roots, &root)
				if hash == ownHash[g] {
					if name := donor(run[a].row); string(name) == ownOf[g] {
						p.own = append(p.own, ownCell{gap: int(g), donor: name, total: total})
					}
				}
				p.cells++
				p.rows += b - a
				a = b
			}
		}
	})
	sums := make([]gapSum, len(fg.ids))
	cells, all := 0, 0
	for k := range parts {
		p := &parts[k]
		if p.bad {
			return deferredSums{}, false
		}
		cells += p.cells
		d.rows += p.rows
		d.donors += p.donors
		all += p.all
		for g := range sums {
			q := &p.sums[g]
			if _, o := sums[g].direct.AddOverflow(&sums[g].direct, &q.direct); o {
				return deferredSums{}, false
			}
			sums[g].donors += q.donors
			sums[g].roots.Add(&sums[g].roots, &q.roots)
		}
	}
	if cells < sstFrom || uint64(d.rows) != newRows || d.donors != all { // (a donor of duplicates alone cannot be)
		return deferredSums{}, false
	}
	rank := make([]int, len(fg.ids))
	for g := range fg.ids {
		if sums[g].donors > 0 {
			rank[g] = len(d.ids)
			d.ids = append(d.ids, fg.ids[g])
			d.sums = append(d.sums, sums[g])
		}
	}
	for k := range parts {
		for _, c := range parts[k].own {
			c.gap = rank[c.gap]
			d.own = append(d.own, c)
		}
	}
	slices.SortFunc(d.own, func(a, b ownCell) int { return cmp.Compare(a.gap, b.gap) })
	return d, true
}
