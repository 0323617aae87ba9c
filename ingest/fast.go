package ingest

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/internal/bulk"
	"github.com/qf-dev/qf/internal/hugemem"
	"github.com/qf-dev/qf/internal/par"
	"github.com/qf-dev/qf/internal/radix"
)

// The fast path loads a plain CSV file (no quotes, no weight or score
// column) in parallel and groups its rows by sorting instead of hashing:
//
//  1. workers count and parse 1 MiB chunks of lines into compact rows
//     (amount, gap index, the donor, where the line is in the file) and
//     64-bit keys, a 32-bit hash of the id or donor above the row's index;
//  2. one radix sort of the id keys finds repeated ids, then one of the
//     donor keys groups rows by donor (each sort on every core, sharing a
//     buffer); equal hashes are confirmed by comparing the bytes, so a
//     collision never merges two ids or two donors;
//  3. donors are numbered in order of their first kept row, exactly as the
//     row-by-row path numbers them, and the rows go to the sink as one
//     [bulk.Block], which it checks as it adds them (calc.Tally.AddBlock).
//
// It is built to touch little memory (about 64 bytes per row before the
// tally's own): on a virtual machine every fresh page costs a fault that
// takes longer than parsing the lines that fill it.
//
// Anything unusual (a parse error, an unknown gap, a quoted field) makes it
// give up before touching the sink; the row-by-row path then produces the
// result or the exact error.

// fastRow is one parsed line, 40 bytes.
type fastRow struct {
	amount  uint64   // the amount, or, when big, where it is kept (bigRef)
	lineOff uint32   // where the line starts in the file: its id is found again from here (fieldAt)
	gap     uint32   // the gap's index, below 2^28, and the row's flags above
	donor   uint32   // set by numberDonors: the donor's index among the file's donors
	addr    [20]byte // the donor when rowAddr (reading it back from the file, at random, is slower); else donorText's
}

// donorText returns a row's donor as written, when it is not an address:
// addr then holds where it is in the file.
func (r *fastRow) donorText(data []byte) []byte {
	off := binary.LittleEndian.Uint32(r.addr[:4])
	return data[off : off+uint32(r.addr[4])]
}

const (
	rowAddr  = 1 << (28 + iota) // the donor is a 0x address, compared by its 20 bytes
	rowBig                      // the amount does not fit in 64 bits
	rowDup                      // a repeated id: skipped
	gapIndex = 1<<28 - 1        // the bits of gap below the flags
)

func (r *fastRow) has(flag uint32) bool { return r.gap&flag != 0 }

// sameRow reports whether two rows say the same: donor, gap and amount
// (the fast path has no weights or scores).
func sameRow(data []byte, chunks []fastChunk, x, y *fastRow) bool {
	if x.gap&^rowDup != y.gap&^rowDup { // gap index, address and big-amount flags
		return false
	}
	if x.has(rowBig) {
		if chunks[x.amount>>32].bigs[uint32(x.amount)] != chunks[y.amount>>32].bigs[uint32(y.amount)] {
			return false
		}
	} else if x.amount != y.amount {
		return false
	}
	if x.has(rowAddr) {
		return x.addr == y.addr
	}
	return bytes.Equal(x.donorText(data), y.donorText(data))
}

// fieldAt returns column col of the line starting at off, trimmed as the
// parse trims it (the line has no quotes and at least col+1 fields).
func fieldAt(data []byte, off uint32, col int) []byte {
	line := data[off:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	for range col {
		line = line[bytes.IndexByte(line, ',')+1:]
	}
	if i := bytes.IndexByte(line, ','); i >= 0 {
		line = line[:i]
	}
	return trim(line)
}

// fastChunk is a range of whole lines; its rows go to rows[base:base+n],
// its id keys to ids[base:base+nIDs] (base counts the chunk's lines).
type fastChunk struct {
	start, end int
	lines      int // lines in the chunk, blank ones included
	base, n    int // the chunk's rows go to rows[base:base+n] (base counts lines)
	nIDs       int
	ok         bool
	bigs       []uint256.Int // the chunk's amounts of 2^64 or more
}

// recycleRows is the file size, in rows, from which the path hands its
// finished arrays back for reuse (see [hugemem.Recycle]).
const recycleRows = 1 << 18

// bigRef is where a row's big amount is kept: its chunk and its index in
// the chunk's bigs (the row's amount field holds both).
func bigRef(chunk, i int) uint64 { return uint64(chunk)<<32 | uint64(i) }

// key packs a 64-bit hash's top half above a row index.
func key(hash uint64, row int) uint64 { return hash&^(1<<32-1) | uint64(uint32(row)) }

// gapIndexFunc finds a gap's index in the registry ([Sink.GapIndex]).
type gapIndexFunc func(id *uint256.Int) (int32, bool)

// fastBlock tries the fast path on a file for a registry of nGaps gaps: it
// returns the file's rows as one block, donors numbered from 0, and the
// number of rows skipped as repeated ids (when dedup), or reports false
// when the file needs the row-by-row path.
func fastBlock(data []byte, opts Options, gapOf gapIndexFunc, nGaps int, dedup bool) (*bulk.Block, int, bool) {
	if isJSON(data) || len(data) >= 1<<32 || nGaps > gapIndex {
		return nil, 0, false
	}
	lines := &lines{data: data}
	fc, err := contributionHeader("", lines)
	if err != nil || fc.weight >= 0 || fc.score >= 0 || fc.token >= 0 || lines.line != 1 {
		return nil, 0, false
	}
	p := &fastParse{data: data, fc: fc, gapOf: gapOf, seed: maphash.MakeSeed(), decimals: opts.Decimals,
		progress: opts.Progress, from: lines.pos}
	chunks, ok := splitLines(data, lines.pos, chunkBytes)
	if !ok {
		return nil, 0, false // a line past MaxLine: the general path names it
	}
	// Room for the lines the file seems to have (from a sample), a quarter
	// more, and a second pass if that was too little: the lines are counted
	// chunk by chunk while each is in cache, not in a pass of their own.
	rows, keys, n := allocFast(estimateLines(data, lines.pos))
	ids, donors, scratch := keys[:n:n], keys[n:2*n:2*n], keys[2*n:]
	if !p.parseAll(chunks, rows, ids, donors, false) {
		total := 0
		for i := range chunks {
			total += chunks[i].lines
		}
		if total >= 1<<32-1 {
			return nil, 0, false
		}
		rows, keys, n = allocFast(total)
		ids, donors, scratch = keys[:n:n], keys[n:2*n:2*n], keys[2*n:]
		p.parseAll(chunks, rows, ids, donors, true)
	}

	// Close the gaps left by blank lines (rows) and id-less rows (ids).
	nRows, nIDs := 0, 0
	for i := range chunks {
		c := &chunks[i]
		if !c.ok {
			return nil, 0, false
		}
		shift := uint64(c.base - nRows) // keys' row halves move down by this much
		if shift != 0 {
			copy(rows[nRows:], rows[c.base:c.base+c.n])
			for j := c.base; j < c.base+c.n; j++ {
				donors[j] -= shift
			}
			copy(donors[nRows:], donors[c.base:c.base+c.n])
		}
		for j := c.base; j < c.base+c.nIDs; j++ {
			ids[j] -= shift
		}
		copy(ids[nIDs:], ids[c.base:c.base+c.nIDs])
		nRows += c.n
		nIDs += c.nIDs
	}
	if nRows == 0 {
		return nil, 0, false
	}
	rows, ids, donors = rows[:nRows], ids[:nIDs], donors[:nRows]

	// Repeated ids, then donor groups: each sort on every core, one after
	// the other (they share a buffer); the duplicates are marked while the
	// donors sort.
	dups := 0
	var wg sync.WaitGroup
	if dedup {
		radix.SortHigh(ids, scratch, runtime.GOMAXPROCS(0))
		wg.Add(1)
		go func() {
			defer wg.Done()
			dups = markDuplicates(data, rows, ids, fc.id, func(a, b uint32) bool { return sameRow(data, chunks, &rows[a], &rows[b]) })
		}()
	}
	radix.SortHigh(donors, scratch, runtime.GOMAXPROCS(0))
	wg.Wait()
	if dups < 0 {
		return nil, 0, false // an id repeated with other content: the row-by-row path names both lines
	}

	names, ok := numberDonors(data, rows, donors)
	if !ok {
		return nil, 0, false
	}
	if len(rows) >= recycleRows {
		hugemem.Recycle() // the keys and sort buffers: memory for the tally's rows
	}
	return &bulk.Block{Donors: names, N: len(rows), Row: func(i int, c *bulk.Row) bool {
		r := &rows[i]
		if r.has(rowDup) {
			return false
		}
		c.Donor, c.Gap = int32(r.donor), int32(r.gap&gapIndex)
		if r.has(rowBig) {
			c.Amount = chunks[r.amount>>32].bigs[uint32(r.amount)]
		} else {
			c.Amount.SetUint64(r.amount)
		}
		return true
	}}, dups, true
}

// splitLines cuts data[from:] into ranges of about size bytes that end at
// line ends. It looks at most MaxLine bytes past each cut for the line
// end, and reports false when there is none (a line too long to be a row).
func splitLines(data []byte, from, size int) ([]fastChunk, bool) {
	var out []fastChunk
	for start := from; start < len(data); {
		end := min(start+size, len(data))
		if i := bytes.IndexByte(data[end:min(len(data), end+MaxLine+1)], '\n'); i >= 0 {
			end += i + 1
		} else if len(data)-end > MaxLine {
			return nil, false
		} else {
			end = len(data)
		}
		out = append(out, fastChunk{start: start, end: end})
		start = end
	}
	return out, true
}

// chunkBytes is the size the fast path cuts a file into: small enough
// that a chunk counted is still in cache when it is parsed.
var chunkBytes = 1 << 20

// estimateLines guesses how many lines data[from:] has from its first
// 64 KiB, with a quarter to spare.
func estimateLines(data []byte, from int) int {
	sample := data[from:min(from+1<<16, len(data))]
	if len(sample) == 0 {
		return 0
	}
	k := bytes.Count(sample, []byte{'\n'}) + 1
	return int(min(int64(len(data)-from)*int64(k)/int64(len(sample))*5/4+64, 1<<32-2))
}

// allocFast makes room for n rows, and their keys and sort buffer in one
// block (once grouping is done it frees one span the tally's rows fit in).
func allocFast(n int) ([]fastRow, []uint64, int) {
	return hugemem.Make[fastRow](n, n), hugemem.Make[uint64](3*n, 3*n), n
}

// fastParse is what parsing a file's chunks needs.
type fastParse struct {
	data     []byte
	fc       contributionCols
	gapOf    gapIndexFunc
	seed     maphash.Seed
	decimals uint8
	progress func(int)
	from     int // where the rows start (after the header)
}

// parseAll parses the chunks, on every core, into rows, ids and donors,
// which have room for len(rows) lines. Unless counted, each chunk is
// counted by its worker just before it is parsed, and the chunks take
// their bases in file order. It reports false, having counted and based
// every chunk, when the lines do not fit.
func (p *fastParse) parseAll(chunks []fastChunk, rows []fastRow, ids, donors []uint64, counted bool) bool {
	var (
		next      atomic.Int64
		mu        sync.Mutex
		turn      = sync.NewCond(&mu) // chunk i takes its base after chunk i-1
		published int
		running   int
		over      atomic.Bool
		done      int
	)
	par.Do(runtime.GOMAXPROCS(0), func(int) {
		for {
			i := int(next.Add(1)) - 1
			if i >= len(chunks) {
				return
			}
			c := &chunks[i]
			if !counted {
				c.lines = bytes.Count(p.data[c.start:c.end], []byte{'\n'})
				if p.data[c.end-1] != '\n' {
					c.lines++ // a last line without a newline
				}
				mu.Lock()
				for published != i {
					turn.Wait()
				}
				c.base, running = running, running+c.lines
				published++
				turn.Broadcast()
				mu.Unlock()
			}
			if c.base+c.lines > len(rows) {
				over.Store(true)
			}
			if over.Load() {
				continue // count the rest, parse nothing more
			}
			c.ok = parseChunk(p.data, c, i, p.fc, p.gapOf, p.seed, p.decimals, rows, ids, donors)
			if p.progress != nil {
				mu.Lock()
				done += c.end - c.start
				p.progress(p.from + done)
				mu.Unlock()
			}
		}
	})
	return !over.Load()
}

// parseChunk parses a chunk's lines; false means "use the general path".
func parseChunk(data []byte, c *fastChunk, chunk int, fc contributionCols, gapOf gapIndexFunc, seed maphash.Seed, decimals uint8,
	allRows []fastRow, allIDs, allDonors []uint64) bool {
	rows := allRows[c.base:c.base]
	ids := allIDs[c.base:c.base]
	donors := allDonors[c.base:c.base]
	defer func() { c.n, c.nIDs = len(rows), len(ids) }()
	// line starts at 1: a chunk's first line is not the file's, so no BOM
	// is stripped from it.
	lines := &lines{data: data[c.start:c.end], line: 1}
	c.bigs = make([]uint256.Int, 0, c.lines/16) // a guess: a few percent of amounts are 2^64 or more
	var amt, gapID uint256.Int
	var sums checksums // made on the first mixed-case address
	for {
		fields, _, err := lines.next()
		if err == nil && fields == nil {
			return true
		}
		if err != nil || lines.quoted || len(fields) < fc.need {
			return false
		}
		// field trims as the general path does (fieldAt does the same).
		field := func(i int) []byte { return trim(fields[i]) }
		var r fastRow
		row := c.base + len(rows)

		d := field(fc.donor)
		isAddr := hexAddr(d, &r.addr)
		if isAddr && mixedCase(d) {
			if sums == nil {
				sums = checksums{}
			}
			if !sums.ok(d, &r.addr) {
				return false // the general path names the row
			}
		}
		if !isAddr {
			if _, err := calc.NormalizeDonor(string(d)); err != nil { // at most calc.MaxDonorLen bytes
				return false
			}
			binary.LittleEndian.PutUint32(r.addr[:4], uint32(cap(data)-cap(d)))
			r.addr[4] = uint8(len(d))
			donors = append(donors, key(maphash.Bytes(seed, d), row))
		} else {
			r.gap |= rowAddr
			donors = append(donors, key(maphash.Bytes(seed, r.addr[:]), row))
		}
		r.lineOff = uint32(cap(data) - cap(fields[0])) // fields are slices of data

		if gap(field(fc.gap), &gapID) != nil {
			return false
		}
		gi, known := gapOf(&gapID)
		if !known {
			return false
		}
		r.gap |= uint32(gi)

		if amount(field(fc.amount), decimals, &amt) != nil {
			return false
		}
		if amt.IsUint64() {
			r.amount = amt.Uint64()
		} else {
			r.amount = bigRef(chunk, len(c.bigs))
			r.gap |= rowBig
			c.bigs = append(c.bigs, amt)
		}

		if fc.id >= 0 {
			if id := field(fc.id); len(id) > 0 {
				ids = append(ids, key(maphash.Bytes(seed, id), row))
			}
		}
		rows = append(rows, r)
	}
}
