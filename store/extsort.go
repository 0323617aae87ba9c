package store

import (
	"bufio"
	"bytes"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"

	"github.com/qf-dev/qf/internal/hugemem"
	"github.com/qf-dev/qf/internal/par"
	"github.com/qf-dev/qf/internal/radix"
)

// The external sort of a bulk import ([Store.ImportFile]): entries (a
// sort key, the row's encoded content, its place in the file) are
// appended to an arena; when the arena passes its budget it is sorted and
// spilled to a run file in the import's temporary folder; reading the
// entries back merges the runs (and what is left in memory) in (key, row)
// order. Memory is the budget plus a read buffer per run, whatever the
// file's size.
//
// An entry's row is kept in its ref, not in the arena (a run file writes
// it before the entry): the parallel first scan ([bulk.collectParts])
// encodes its entries before it knows how many rows come before them.

// sortEntry is one row of a bulk import, as the sorter keeps it. Its
// slices are only valid until the next entry is read.
type sortEntry struct {
	key     []byte // what entries sort by: the contribution id (or content, to number automatic ids)
	content []byte // encodeContent of the row
	row     uint64 // place in the file (0-based, in scan order): not encoded by appendEntry
	line    uint64 // the row's Line
	flags   byte   // entryAuto, entryItem
}

const (
	entryAuto byte = 1 << iota // the id is automatic (a hash of the content)
	entryItem                  // Line numbers a JSON item
)

// appendEntry encodes e, but for its row, after b.
func appendEntry(b []byte, e *sortEntry) []byte {
	b = binary.AppendUvarint(b, uint64(len(e.key)))
	b = append(b, e.key...)
	b = binary.AppendUvarint(b, uint64(len(e.content)))
	b = append(b, e.content...)
	b = binary.AppendUvarint(b, e.line)
	return append(b, e.flags)
}

// errTooBig reports a sort budget past 4 GiB.
var errTooBig = errors.New("sort budget too large")

// errBadRun reports a temporary run file that does not decode (the
// import's own file was damaged under it).
var errBadRun = errors.New("damaged temporary sort file")

// entryMax is the most bytes appendEntry writes for an entry of a key and
// content of these lengths.
func entryMax(key, content int) int { return key + content + 3*binary.MaxVarintLen64 + 1 }

// decodeEntry reads the entry at the start of b into e (aliasing b), but
// for its row, and returns its length.
func decodeEntry(b []byte, e *sortEntry) (int, error) {
	size := len(b)
	take := func() ([]byte, bool) {
		n, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			return nil, false
		}
		out := b[k : k+int(n)]
		b = b[k+int(n):]
		return out, true
	}
	num := func() (uint64, bool) {
		n, k := binary.Uvarint(b)
		if k <= 0 {
			return 0, false
		}
		b = b[k:]
		return n, true
	}
	var ok1, ok2, ok3 bool
	e.key, ok1 = take()
	e.content, ok2 = take()
	e.line, ok3 = num()
	if !ok1 || !ok2 || !ok3 || len(b) < 1 {
		return 0, errBadRun
	}
	e.flags = b[0]
	return size - len(b) + 1, nil
}

// sortRef is an arena entry in the sort: the first 8 bytes of its key
// (big-endian, zero-padded) compare most pairs without touching the arena.
type sortRef struct {
	pfx    uint64
	off, n uint32 // the entry is arena[off:off+n]
	row    uint64
}

func keyPrefix(k []byte) uint64 {
	var b [8]byte
	copy(b[:], k)
	return binary.BigEndian.Uint64(b[:])
}

// sorter sorts entries in bounded memory.
type sorter struct {
	dir    string // where runs go
	name   string // run files are name-N
	budget int    // arena bytes before a spill
	arena  []byte
	refs   []sortRef
	sorted bool
	runs   []string
	n      uint64 // entries added
	// keep, when set, leaves the refs as they were added untouched by the
	// sort (it sorts into a new array), for a reader that took them before
	// (startGroups).
	keep bool
	// spare and spareOf are the parallel sort's arrays kept for its next
	// run (spare: the refs' array before the last sort).
	spare   []sortRef
	spareOf []uint8
	// spilled, if set, is called after each run is written (crash tests).
	spilled func()
}

func newSorter(dir, name string, budget int) *sorter {
	return &sorter{dir: dir, name: name, budget: budget}
}

func (s *sorter) add(e *sortEntry) error {
	off, err := s.reserve(entryMax(len(e.key), len(e.content)))
	if err != nil {
		return err
	}
	s.arena = appendEntry(s.arena, e)
	return s.push(off, e)
}

// addEncoded adds the entry b encodes (appendEntry), which decodes to e
// (with e.row set).
func (s *sorter) addEncoded(b []byte, e *sortEntry) error {
	off, err := s.reserve(len(b))
	if err != nil {
		return err
	}
	s.arena = append(s.arena, b...)
	return s.push(off, e)
}

// reserve makes room for an entry of up to need bytes and its ref, and
// returns where it goes in the arena.
func (s *sorter) reserve(need int) (int, error) {
	if len(s.arena)+need > cap(s.arena) {
		s.arena = grow(s.arena, need, 1<<20, s.budget+s.budget/8)
	}
	if len(s.refs) == cap(s.refs) {
		s.refs = grow(s.refs, 1, 1<<14, s.budget/48)
	}
	off := len(s.arena)
	if off+need > math.MaxUint32 {
		return 0, errTooBig
	}
	return off, nil
}

// push refs entry e, just appended to the arena at off, and spills the
// arena once past its budget.
func (s *sorter) push(off int, e *sortEntry) error {
	s.refs = append(s.refs, sortRef{pfx: keyPrefix(e.key), off: uint32(off), n: uint32(len(s.arena) - off), row: e.row})
	s.sorted = false
	s.n++
	if len(s.arena) >= s.budget {
		return s.spill()
	}
	return nil
}

// keyAt is the key of the arena entry at off.
func (s *sorter) keyAt(off uint32) []byte {
	n, k := binary.Uvarint(s.arena[off:])
	return s.arena[int(off)+k : int(off)+k+int(n)]
}

func (s *sorter) sort() {
	if s.sorted {
		return
	}
	s.sortOn(min(runtime.GOMAXPROCS(0), 4))
	s.sorted = true
}

// compare is the order of the sort: keys by bytes, then rows.
func (s *sorter) compare(a, b sortRef) int {
	if a.pfx != b.pfx {
		if a.pfx < b.pfx {
			return -1
		}
		return 1
	}
	if c := bytes.Compare(s.keyAt(a.off), s.keyAt(b.off)); c != 0 {
		return c
	}
	switch {
	case a.row < b.row:
		return -1
	case a.row > b.row:
		return 1
	}
	return 0
}

// sortParallel is the fewest refs sorted on several cores (a variable
// for the tests): below it one comparison sort is quicker than the
// partition.
var sortParallel = 1 << 15

// sortOn sorts the refs on up to cores goroutines: a sample of the key
// prefixes cuts them into ranges of prefixes (refs of one prefix fall in
// one range), the refs are moved range by range into a new array, and
// each range is sorted on its own by a radix sort of its prefixes; runs
// of equal prefixes are then ordered by compare. The order is compare's,
// as one comparison sort gives it.
func (s *sorter) sortOn(cores int) {
	n := len(s.refs)
	if cores < 2 || n < max(sortParallel, 2) {
		s.sortInPlace()
		return
	}
	// Splitters: prefixes of an even sample, ranges of about n/buckets
	// refs each (more ranges than cores: they are handed out as they
	// finish).
	buckets := min(max(8*cores, n>>14), 256) // ranges that fit in a core's cache
	sample := make([]uint64, 0, 32*buckets)
	for i := range cap(sample) {
		sample = append(sample, s.refs[int(uint64(i)*uint64(n)/uint64(cap(sample)))].pfx)
	}
	slices.Sort(sample)
	if sample[0] == sample[len(sample)-1] {
		s.sortInPlace() // one prefix (almost) throughout: nothing to cut
		return
	}
	var split []uint64 // range b holds prefixes in [split[b-1], split[b])
	for b := 1; b < buckets; b++ {
		x := sample[b*len(sample)/buckets]
		if len(split) == 0 || x > split[len(split)-1] {
			split = append(split, x)
		}
	}
	buckets = len(split) + 1
	bucketOf := func(pfx uint64) uint8 { // (below 256)
		lo, hi := 0, len(split) // the first splitter above pfx
		for lo < hi {
			m := (lo + hi) / 2
			if split[m] <= pfx {
				lo = m + 1
			} else {
				hi = m
			}
		}
		return uint8(lo)
	}
	// Count each part's refs per range, then move them (a part's refs of
	// a range after the previous part's).
	if cap(s.spareOf) < n {
		s.spareOf = hugemem.Make[uint8](n, n)
	}
	of := s.spareOf[:n]
	counts := make([][]int, cores)
	par.Do(cores, func(k int) {
		lo, hi := par.Span(n, cores, k)
		c := make([]int, buckets)
		for i := lo; i < hi; i++ {
			b := bucketOf(s.refs[i].pfx)
			of[i] = b
			c[b]++
		}
		counts[k] = c
	})
	starts := make([]int, buckets+1)
	sum := 0
	for b := range buckets {
		starts[b] = sum
		for k := range cores {
			c := counts[k][b]
			counts[k][b] = sum
			sum += c
		}
	}
	starts[buckets] = n
	out := s.spare[:0]
	if cap(out) < n {
		out = hugemem.Make[sortRef](n, cap(s.refs))
	}
	out = out[:n]
	par.Do(cores, func(k int) {
		lo, hi := par.Span(n, cores, k)
		c := counts[k]
		for i := lo; i < hi; i++ {
			b := of[i]
			out[c[b]] = s.refs[i]
			c[b]++
		}
	})
	// Sort each range: its prefixes with their places by radix, then
	// the refs put in that order, then runs of one prefix by compare.
	par.Chunks(buckets, 1, cores, func() func(int) {
		var pairs, scratch []radix.Pair
		var tmp []sortRef
		return func(b int) {
			part := out[starts[b]:starts[b+1]]
			if len(part) < 2 {
				return
			}
			pairs = slices.Grow(pairs[:0], len(part))[:len(part)]
			scratch = slices.Grow(scratch[:0], len(part))
			tmp = slices.Grow(tmp[:0], len(part))[:len(part)]
			for i := range part {
				pairs[i] = radix.Pair{Key: part[i].pfx, Val: uint64(i)}
			}
			radix.Sort(pairs, 64, scratch)
			for i, p := range pairs {
				tmp[i] = part[p.Val]
			}
			copy(part, tmp)
			for i := 0; i < len(part); {
				j := i + 1
				for j < len(part) && part[j].pfx == part[i].pfx {
					j++
				}
				if j-i > 1 {
					slices.SortFunc(part[i:j], s.compare)
				}
				i = j
			}
		}
	})
	// The refs' array becomes the next sort's (a spilling import sorts
	// once a run: no array per run left for the garbage collector, and
	// its faults), unless a reader took it (keep).
	if !s.keep {
		s.spare = s.refs[:0]
	}
	s.refs = out
}

// sortInPlace sorts the refs with one comparison sort: in place, or,
// when keep is set, a copy of them.
func (s *sorter) sortInPlace() {
	if s.keep {
		s.refs = slices.Clone(s.refs)
	}
	slices.SortFunc(s.refs, s.compare)
}

// grow makes room for need more elements in x: a small first size, then
// the whole budget at once (fresh pages, touched once, no copy of a
// growing arena), then doubling.
func grow[T any](x []T, need, first, budget int) []T {
	c := first
	switch {
	case cap(x) >= budget:
		c = 2 * cap(x)
	case cap(x) >= first:
		c = budget
	}
	c = max(c, len(x)+need)
	grown := hugemem.Make[T](len(x), c) // a fault per 2 MiB, not per 4 KiB
	copy(grown, x)
	return grown
}

// spill writes the arena, sorted, to a new run file and empties it.
func (s *sorter) spill() error {
	if len(s.refs) == 0 {
		return nil
	}
	s.sort()
	path := filepath.Join(s.dir, fmt.Sprintf("%s-%d", s.name, len(s.runs)))
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("sorting the import: %w", err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	var n []byte
	for _, r := range s.refs {
		n = binary.AppendUvarint(binary.AppendUvarint(n[:0], uint64(r.n)), r.row)
		if _, err := w.Write(n); err != nil {
			f.Close()
			return fmt.Errorf("sorting the import: %w", err)
		}
		if _, err := w.Write(s.arena[r.off : r.off+r.n]); err != nil {
			f.Close()
			return fmt.Errorf("sorting the import: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("sorting the import: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("sorting the import: %w", err)
	}
	s.runs = append(s.runs, path)
	s.arena, s.refs = s.arena[:0], s.refs[:0]
	if s.spilled != nil {
		s.spilled()
	}
	return nil
}

// each calls fn for every entry in (key, row) order. It may be called
// again (each call reads the runs anew); no entry may be added after it.
func (s *sorter) each(fn func(e *sortEntry) error) error {
	if len(s.runs) == 0 {
		s.sort()
		var e sortEntry
		for _, r := range s.refs {
			if _, err := decodeEntry(s.arena[r.off:], &e); err != nil {
				return err
			}
			e.row = r.row
			if err := fn(&e); err != nil {
				return err
			}
		}
		return nil
	}
	if err := s.spill(); err != nil { // what is left in memory becomes the last run
		return err
	}
	s.arena, s.refs, s.spare, s.spareOf = nil, nil, nil, nil // read from the runs from now on
	h := make(runHeap, 0, len(s.runs))
	defer func() {
		for _, r := range h {
			r.f.Close()
		}
	}()
	for _, path := range s.runs {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("sorting the import: %w", err)
		}
		r := &runReader{f: f, r: bufio.NewReaderSize(f, 256<<10)}
		ok, err := r.next()
		if err != nil {
			f.Close()
			return err
		}
		if !ok {
			f.Close()
			continue
		}
		h = append(h, r)
	}
	heap.Init(&h)
	for len(h) > 0 {
		r := h[0]
		if err := fn(&r.e); err != nil {
			return err
		}
		ok, err := r.next()
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(&h, 0)
		} else {
			r.f.Close()
			heap.Pop(&h)
		}
	}
	return nil
}

// parts splits a sort held in memory (not spilled) of at least min
// entries into n ranges of refs, [lo, hi), cut between keys (the entries
// of one key stay in one range): nil if it cannot be split.
func (s *sorter) parts(n, min int) [][2]int {
	if len(s.runs) > 0 || n < 2 || len(s.refs) < min {
		return nil
	}
	s.sort()
	var out [][2]int
	lo := 0
	for i := 1; i < n; i++ {
		cut := max(lo, i*len(s.refs)/n)
		for cut > 0 && cut < len(s.refs) && bytes.Equal(s.keyAt(s.refs[cut].off), s.keyAt(s.refs[cut-1].off)) {
			cut++
		}
		if cut > lo && cut < len(s.refs) {
			out = append(out, [2]int{lo, cut})
			lo = cut
		}
	}
	return append(out, [2]int{lo, len(s.refs)})
}

// eachIn is each over the sorted refs [lo, hi) of a sort held in memory
// (see parts); ranges may be read at once on several goroutines.
func (s *sorter) eachIn(lo, hi int, fn func(e *sortEntry) error) error {
	var e sortEntry
	for _, r := range s.refs[lo:hi] {
		if _, err := decodeEntry(s.arena[r.off:], &e); err != nil {
			return err
		}
		e.row = r.row
		if err := fn(&e); err != nil {
			return err
		}
	}
	return nil
}

// runReader reads a run file's entries in order: each is its length and
// row (uvarints) and the entry.
type runReader struct {
	f   *os.File
	r   *bufio.Reader
	buf []byte
	e   sortEntry
}

func (r *runReader) next() (bool, error) {
	n, err := binary.ReadUvarint(r.r)
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("sorting the import: %w", err)
	}
	if n > 1<<32 {
		return false, errBadRun
	}
	row, err := binary.ReadUvarint(r.r)
	if err != nil {
		return false, fmt.Errorf("sorting the import: %w", err)
	}
	r.buf = slices.Grow(r.buf[:0], int(n))[:n]
	if _, err := io.ReadFull(r.r, r.buf); err != nil {
		return false, fmt.Errorf("sorting the import: %w", err)
	}
	_, err = decodeEntry(r.buf, &r.e)
	r.e.row = row
	return true, err
}

// runHeap orders the runs by their current entry.
type runHeap []*runReader

func (h runHeap) Len() int { return len(h) }
func (h runHeap) Less(i, j int) bool {
	if c := bytes.Compare(h[i].e.key, h[j].e.key); c != 0 {
		return c < 0
	}
	return h[i].e.row < h[j].e.row
}
func (h runHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)   { *h = append(*h, x.(*runReader)) }
func (h *runHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
