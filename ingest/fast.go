package ingest

import (
	"bytes"
	"hash/maphash"
	"runtime"
	"sync"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/internal/hugemem"
	"github.com/qf-dev/qf/internal/radix"
)

// The fast path loads a plain CSV file (no quotes, no weight or score
// column) in parallel and groups its rows by sorting instead of hashing:
//
//  1. workers parse chunks of lines into compact rows (amount, gap index,
//     where the id and donor are in the file, and 32-bit hashes of both);
//  2. one radix sort of (id hash, row) pairs finds repeated ids, and,
//     concurrently, one of (donor hash, row) pairs groups rows by donor;
//     equal hashes are confirmed by comparing the bytes, so a collision
//     never merges two ids or two donors;
//  3. donors are numbered in order of their first kept row, exactly as the
//     row-by-row path numbers them, and the rows go into the tally.
//
// Anything unusual (a parse error, an unknown gap, a quoted field) makes it
// give up before touching the tally; the row-by-row path then produces the
// result or the exact error.

// fastRow is one parsed line, 48 bytes.
type fastRow struct {
	amount   uint64 // the amount, or, when big, where it is kept (bigRef)
	idOff    uint32 // offset of the id in the file; idLen 0 when none
	donorOff uint32
	gap      int32
	addr     [20]byte // the donor when isAddr
	idLen    uint16
	donorLen uint8
	isAddr   bool // donor is a 0x address, compared by its bytes
	big      bool // amount does not fit in 64 bits
}

// fastChunk is a range of whole lines; its rows go to rows[base:base+n],
// its id pairs to ids[base:base+nIDs] (base counts the chunk's lines).
type fastChunk struct {
	start, end int
	base, n    int
	nIDs       int
	ok         bool
	bigs       []uint256.Int // the chunk's amounts of 2^64 or more
}

// bigRef is where a row's big amount is kept: its chunk and its index in
// the chunk's bigs (the row's amount field holds both).
func bigRef(chunk, i int) uint64 { return uint64(chunk)<<32 | uint64(i) }

// loadFast tries the fast path; it reports false, having changed nothing,
// when the file needs the row-by-row path.
func (l *Loader) loadFast(data []byte, opts Options) bool {
	if l.Tally.Rows() != 0 || len(l.Tally.Donors()) != 0 || isJSON(data) || len(data) >= 1<<32 {
		return false
	}
	lines := &lines{data: data}
	fc, err := contributionHeader("", lines)
	if err != nil || fc.weight >= 0 || fc.score >= 0 || lines.line != 1 {
		return false
	}
	seed := maphash.MakeSeed()
	chunks := splitLines(data, lines.pos, 4*runtime.GOMAXPROCS(0))
	lineCount := countLines(data, chunks)
	if lineCount == 0 || lineCount >= 1<<32-1 {
		return false
	}
	rows := hugemem.Make[fastRow](lineCount, lineCount)
	ids := hugemem.Make[radix.Pair](lineCount, lineCount)
	donors := hugemem.Make[radix.Pair](lineCount, lineCount)
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		done int
		next = make(chan int, len(chunks))
	)
	for i := range chunks {
		next <- i
	}
	close(next)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				c := &chunks[i]
				c.ok = parseChunk(data, c, i, fc, l.Tally, seed, opts.Decimals, rows, ids, donors)
				if opts.Progress != nil {
					mu.Lock()
					done += c.end - c.start
					opts.Progress(lines.pos + done)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()

	// Close the gaps left by blank lines (rows) and id-less rows (ids).
	nRows, nIDs := 0, 0
	for i := range chunks {
		c := &chunks[i]
		if !c.ok {
			return false
		}
		if nRows != c.base {
			copy(rows[nRows:], rows[c.base:c.base+c.n])
			for j := c.base; j < c.base+c.n; j++ {
				donors[j].Val -= uint64(c.base - nRows)
			}
			copy(donors[nRows:], donors[c.base:c.base+c.n])
		}
		for j := c.base; j < c.base+c.nIDs; j++ {
			ids[j].Val -= uint64(c.base - nRows)
		}
		copy(ids[nIDs:], ids[c.base:c.base+c.nIDs])
		nRows += c.n
		nIDs += c.nIDs
	}
	if nRows == 0 {
		return false
	}
	rows, ids, donors = rows[:nRows], ids[:nIDs], donors[:nRows]

	// Repeated ids and donor groups, concurrently.
	dup := hugemem.Make[bool](len(rows), len(rows))
	dups := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		if l.Dedup {
			dups = markDuplicates(data, rows, ids, dup)
		}
	}()
	radix.Sort(donors, 32, nil)
	wg.Wait()

	rowDonor, names := numberDonors(data, rows, donors, dup)
	first := l.Tally.AddDonors(names)
	l.Tally.AddBulk(len(rows), func(i int, c *calc.Contribution) bool {
		if dup[i] {
			return false
		}
		r := &rows[i]
		c.Donor, c.Gap = first+rowDonor[i], r.gap
		if r.big {
			c.Amount = chunks[r.amount>>32].bigs[uint32(r.amount)]
		} else {
			c.Amount.SetUint64(r.amount)
		}
		return true
	})
	l.Duplicates += dups
	return true
}

// splitLines cuts data[from:] into about n ranges that end at line ends.
func splitLines(data []byte, from, n int) []fastChunk {
	var out []fastChunk
	size := (len(data)-from)/n + 1
	for start := from; start < len(data); {
		end := min(start+size, len(data))
		if i := bytes.IndexByte(data[end:], '\n'); i >= 0 {
			end += i + 1
		} else {
			end = len(data)
		}
		out = append(out, fastChunk{start: start, end: end})
		start = end
	}
	return out
}

// countLines counts the chunks' lines on every core (the first pass over a
// mapped file, so also the one that brings it into memory), sets each
// chunk's base and returns the total.
func countLines(data []byte, chunks []fastChunk) int {
	var wg sync.WaitGroup
	for i := range chunks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := &chunks[i]
			c.n = bytes.Count(data[c.start:c.end], []byte{'\n'})
			if data[c.end-1] != '\n' {
				c.n++ // a last line without a newline
			}
		}()
	}
	wg.Wait()
	lines := 0
	for i := range chunks {
		chunks[i].base, lines = lines, lines+chunks[i].n
	}
	return lines
}

// parseChunk parses a chunk's lines; false means "use the general path".
func parseChunk(data []byte, c *fastChunk, chunk int, fc contributionCols, t *calc.Tally, seed maphash.Seed, decimals uint8,
	allRows []fastRow, allIDs, allDonors []radix.Pair) bool {
	rows := allRows[c.base:c.base]
	ids := allIDs[c.base:c.base]
	donors := allDonors[c.base:c.base]
	defer func() { c.n, c.nIDs = len(rows), len(ids) }()
	// line starts at 1: a chunk's first line is not the file's, so no BOM
	// is stripped from it.
	lines := &lines{data: data[c.start:c.end], line: 1}
	var amt, gapID uint256.Int
	for {
		fields, _, err := lines.next()
		if err == nil && fields == nil {
			return true
		}
		if err != nil || lines.quoted || len(fields) < fc.need {
			return false
		}
		// field trims as the general path does and returns the field's
		// offset in the file (fields are slices of data).
		field := func(i int) (int, []byte) {
			f := bytes.TrimSpace(fields[i])
			return cap(data) - cap(f), f
		}
		var r fastRow

		off, d := field(fc.donor)
		if !hexAddr(d, &r.addr) {
			if _, err := calc.NormalizeDonor(string(d)); err != nil { // at most calc.MaxDonorLen bytes
				return false
			}
			donors = append(donors, radix.Pair{Key: maphash.Bytes(seed, d) >> 32, Val: uint64(c.base + len(rows))})
		} else {
			r.isAddr = true
			donors = append(donors, radix.Pair{Key: maphash.Bytes(seed, r.addr[:]) >> 32, Val: uint64(c.base + len(rows))})
		}
		r.donorOff, r.donorLen = uint32(off), uint8(len(d))

		if _, g := field(fc.gap); gap(g, &gapID) != nil {
			return false
		}
		gi, known := t.GapIndex(&gapID)
		if !known {
			return false
		}
		r.gap = gi

		if _, a := field(fc.amount); amount(a, decimals, &amt) != nil {
			return false
		}
		if amt.IsUint64() {
			r.amount = amt.Uint64()
		} else {
			r.amount, r.big = bigRef(chunk, len(c.bigs)), true
			c.bigs = append(c.bigs, amt)
		}

		if fc.id >= 0 {
			off, id := field(fc.id)
			if len(id) > 0 {
				if len(id) > 1<<16-1 {
					return false
				}
				r.idOff, r.idLen = uint32(off), uint16(len(id))
				ids = append(ids, radix.Pair{Key: maphash.Bytes(seed, id) >> 32, Val: uint64(c.base + len(rows))})
			}
		}
		rows = append(rows, r)
	}
}

var hexVal = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c - '0')
	}
	for c := 'a'; c <= 'f'; c++ {
		t[c] = byte(c-'a') + 10
		t[c-'a'+'A'] = byte(c-'a') + 10
	}
	return t
}()

// hexAddr decodes "0x"/"0X" + 40 hex digits of either case: the donors
// calc.NormalizeDonor turns into lower-case addresses.
func hexAddr(b []byte, a *[20]byte) bool {
	if len(b) != 42 || b[0] != '0' || (b[1] != 'x' && b[1] != 'X') {
		return false
	}
	for i := range 20 {
		hi, lo := hexVal[b[2+2*i]], hexVal[b[3+2*i]]
		if hi|lo > 15 {
			return false
		}
		a[i] = hi<<4 | lo
	}
	return true
}

// markDuplicates flags every row whose id appeared on an earlier row and
// returns how many there are.
func markDuplicates(data []byte, rows []fastRow, ids []radix.Pair, dup []bool) int {
	radix.Sort(ids, 32, nil)
	n := 0
	idOf := func(i uint64) []byte { r := &rows[i]; return data[r.idOff : r.idOff+uint32(r.idLen)] }
	var reps []uint64 // distinct ids of the current run
	for s := 0; s < len(ids); {
		e := s + 1
		for e < len(ids) && ids[e].Key == ids[s].Key {
			e++
		}
		// Within a run rows are in file order (the sort is stable): a row
		// is a duplicate if an earlier row of the run has the same id.
		reps = reps[:0]
		for i := s; i < e; i++ {
			row, seen := ids[i].Val, false
			for _, r := range reps {
				if bytes.Equal(idOf(row), idOf(r)) {
					seen = true
					break
				}
			}
			if seen {
				dup[row] = true
				n++
			} else {
				reps = append(reps, row)
			}
		}
		s = e
	}
	return n
}

// numberDonors gives every kept row its donor's index, donors numbered in
// order of first kept row, and returns the donors' canonical names. The
// sorted pairs are split at run boundaries and grouped on every core.
func numberDonors(data []byte, rows []fastRow, donors []radix.Pair, dup []bool) ([]int32, []string) {
	parts := runtime.GOMAXPROCS(0)
	bounds := make([]int, parts+1)
	for i := 1; i < parts; i++ {
		b := max(len(donors)*i/parts, bounds[i-1])
		for b < len(donors) && b > 0 && donors[b].Key == donors[b-1].Key {
			b++
		}
		bounds[i] = b
	}
	bounds[parts] = len(donors)
	groups := hugemem.Make[uint32](len(donors), len(donors)) // sorted position -> group (local to its part)
	firstsOf := make([][]radix.Pair, parts)
	var wg sync.WaitGroup
	for k := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lo, hi := bounds[k], bounds[k+1]
			firstsOf[k] = groupDonors(data, rows, donors[lo:hi], dup, groups[lo:hi])
		}()
	}
	wg.Wait()
	n := 0
	base := make([]uint32, parts)
	for k := range parts {
		base[k] = uint32(n)
		n += len(firstsOf[k])
	}
	firsts := hugemem.Make[radix.Pair](0, n)
	for k := range parts {
		for _, f := range firstsOf[k] {
			firsts = append(firsts, radix.Pair{Key: f.Key, Val: f.Val + uint64(base[k])})
		}
	}
	radix.Sort(firsts, radix.Bits(len(rows)), nil)
	index := make([]int32, len(firsts)) // group -> donor index
	names := make([]string, len(firsts))
	var a arena
	for d, f := range firsts {
		index[f.Val] = int32(d)
		r := &rows[f.Key]
		if r.isAddr {
			names[d] = a.address(&r.addr)
		} else {
			names[d] = a.str(data[r.donorOff : r.donorOff+uint32(r.donorLen)])
		}
	}
	rowDonor := hugemem.Make[int32](len(rows), len(rows))
	for k := range parts {
		for i := bounds[k]; i < bounds[k+1]; i++ {
			if groups[i] == noGroup { // a repeated row whose donor has no other row: never read
				continue
			}
			rowDonor[donors[i].Val] = index[groups[i]+base[k]] // other dup rows get a donor they never use
		}
	}
	return rowDonor, names
}

// noGroup marks a repeated row whose donor appears on no kept row. (A part
// of the sort can hold only such rows, and then has no group to point at.)
const noGroup = ^uint32(0)

// donorRef is what grouping needs of a row, gathered in sorted order.
type donorRef struct {
	addr   [20]byte
	isAddr bool
	dup    bool
}

// groupDonors numbers the distinct donors in runs of equal hash (locally,
// from 0), sets groups[i] for the row at sorted position i, and returns
// each group's first kept row (Key) and number (Idx).
func groupDonors(data []byte, rows []fastRow, donors []radix.Pair, dup []bool, groups []uint32) []radix.Pair {
	// Gather first: a tight loop of independent loads overlaps its cache
	// misses; the grouping below then reads memory in order.
	refs := hugemem.Make[donorRef](len(donors), len(donors))
	for i, p := range donors {
		r := &rows[p.Val]
		refs[i] = donorRef{addr: r.addr, isAddr: r.isAddr, dup: dup[p.Val]}
	}
	firsts := hugemem.Make[radix.Pair](0, len(donors))
	firstPos := hugemem.Make[int](0, len(donors)) // group -> sorted position of its first row
	same := func(i, j int) bool {
		x, y := &refs[i], &refs[j]
		if x.isAddr || y.isAddr {
			return x.isAddr == y.isAddr && x.addr == y.addr
		}
		a, b := &rows[donors[i].Val], &rows[donors[j].Val]
		return bytes.Equal(data[a.donorOff:a.donorOff+uint32(a.donorLen)], data[b.donorOff:b.donorOff+uint32(b.donorLen)])
	}
	for s := 0; s < len(donors); {
		e := s + 1
		for e < len(donors) && donors[e].Key == donors[s].Key {
			e++
		}
		runStart := len(firsts)
		for i := s; i < e; i++ {
			g := -1
			for k := runStart; k < len(firsts); k++ {
				if same(firstPos[k], i) {
					g = k
					break
				}
			}
			if g < 0 {
				if refs[i].dup {
					groups[i] = noGroup // a donor seen only on repeated rows does not exist
					continue
				}
				g = len(firsts)
				firsts = append(firsts, radix.Pair{Key: uint64(donors[i].Val), Val: uint64(g)})
				firstPos = append(firstPos, i)
			}
			groups[i] = uint32(g)
		}
		s = e
	}
	return firsts
}
