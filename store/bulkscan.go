package store

import (
	"errors"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/internal/hugemem"
	"github.com/qf-dev/qf/internal/par"
	"github.com/qf-dev/qf/record"
)

// The bulk import's first scan on every core (collectParts): a file cut
// into parts of whole lines (FileParts, e.g. ingest.Parts) is scanned
// part by part on every core, each row encoded once, straight into the
// sort's arena: the workers take blocks of the arena in turn, and each
// part's refs go to its own span of one array (a part has at most as many
// rows as lines, and the lines before each part are known before any is
// scanned). Rows are numbered within their part while it is scanned, and
// in the file once all are: the rows of the parts before, plus the place
// in the part (refs hold the rows, see sorter). Anything the serial scan
// would stop at — a part that fails to scan, an arena past its budget —
// drops the whole attempt, and the serial scan runs instead, from the
// start: its errors and their lines are the only ones reported.

// FileParts is a file's rows cut into parts, in file order, that can be
// scanned at once ([ingest.Parts]): together, in order, the same rows as
// the whole file's scan, and an error in a part where that scan would
// report one.
type FileParts interface {
	Len() int        // the number of parts
	Size() int64     // the bytes of all the parts
	Lines(k int) int // at least as many as part k's rows
	// Scan calls add with each row of part k in order (Line the file's);
	// an error stops it and is returned, maybe wrapped.
	Scan(k int, add func(*record.Contribution) error) error
}

// ImportFileParts is [Store.ImportFile] whose bulk import scans the file
// first in parts, on every core (parts, when not nil, must give the rows
// scan gives): same records, statistics and errors. Any part that fails
// to scan makes the import scan it whole instead, and report what that
// scan reports.
func (s *Store) ImportFileParts(round uint64, scan func(add func(*record.Contribution) error) error, parts FileParts) (ImportStats, error) {
	return s.importRows(round, scan, nil, true, parts)
}

// partsBlock is the arena bytes a worker of collectParts takes at once.
const partsBlock = 64 << 10

// errStopParts stops the other parts of a collectParts that gave up.
var errStopParts = errors.New("the parallel scan gave up")

// partArena is a sorter's arena shared by the workers of collectParts.
type partArena struct {
	once  sync.Once
	bytes []byte
	next  atomic.Int64 // bytes handed out
	limit int64
}

// block hands out a block of at least need bytes and where it starts,
// or nil past the limit.
func (a *partArena) block(need int) ([]byte, int) {
	a.once.Do(func() { a.bytes = hugemem.Make[byte](int(a.limit), int(a.limit+a.limit/8)) }) // (room for the automatic ids' entries)
	n := int64(max(need, partsBlock))
	hi := a.next.Add(n)
	if hi > a.limit {
		return nil, 0
	}
	return a.bytes[hi-n : hi-n : hi], int(hi - n)
}

// partWriter is a worker's current block of an arena.
type partWriter struct {
	a     *partArena
	cur   []byte // a block, len the part written
	start int    // where cur is in the arena
}

// put encodes e into the arena and returns its ref (row as in e), or false
// when the arena is full.
func (w *partWriter) put(e *sortEntry) (sortRef, bool) {
	need := entryMax(len(e.key), len(e.content))
	if len(w.cur)+need > cap(w.cur) {
		if w.cur, w.start = w.a.block(need); w.cur == nil {
			return sortRef{}, false
		}
	}
	at := len(w.cur)
	w.cur = appendEntry(w.cur, e)
	return sortRef{pfx: keyPrefix(e.key), off: uint32(w.start + at), n: uint32(len(w.cur) - at), row: e.row}, true
}

// partFound is what the scan of one part found.
type partFound struct {
	rows  uint64    // rows in the part
	main  int       // of them with an id: refs at the part's span of the main refs
	autos []sortRef // the refs of the others
	rowNotes
}

// collectParts is collect's first scan of parts on cores goroutines, into
// new sorters for bk.main and autos (which must be empty). It reports
// false, leaving bk and autos as they were, when the serial scan must
// run: a part failed, or the rows would not fit in memory.
func (bk *bulk) collectParts(known map[uint256.Int]struct{}, parts FileParts, autos *sorter, cores int) bool {
	np := parts.Len()
	if np == 0 || bk.n != 0 || autos.n != 0 || int64(bk.main.budget)+int64(bk.main.budget)/8 > math.MaxUint32 {
		return false // (refs hold 32-bit offsets)
	}
	if parts.Size() > int64(bk.main.budget) {
		return false // (a row's entry is about its line's size: the sort would spill, and the scan give up late)
	}
	span := make([]int, np+1) // part k's refs go to [span[k], span[k+1])
	for k := range np {
		span[k+1] = span[k] + parts.Lines(k)
	}
	if span[np] == 0 {
		return false
	}
	main := newSorter(bk.main.dir, bk.main.name, bk.main.budget)
	main.spilled = bk.main.spilled
	refs := hugemem.Make[sortRef](span[np], span[np])
	arenas := [2]*partArena{{limit: int64(main.budget)}, {limit: int64(autos.budget)}}
	found := make([]partFound, np)
	var stop atomic.Bool
	par.Chunks(np, 1, cores, func() func(int) {
		w := [2]partWriter{{a: arenas[0]}, {a: arenas[1]}}
		var content []byte
		var e sortEntry
		return func(k int) {
			if stop.Load() {
				return
			}
			var f partFound // (in found[k] once done: parts side by side share cache lines)
			room := span[k+1] - span[k]
			err := parts.Scan(k, func(row *record.Contribution) error {
				if stop.Load() || f.rows >= uint64(room) {
					return errStopParts
				}
				auto := f.rowNotes.entry(row, f.rows, known, &content, &e)
				f.rows++
				into := &w[0]
				if auto {
					into = &w[1]
				}
				ref, ok := into.put(&e)
				if !ok {
					return errStopParts
				}
				if auto {
					f.autos = append(f.autos, ref)
				} else {
					refs[span[k]+f.main] = ref
					f.main++
				}
				return nil
			})
			if err != nil {
				stop.Store(true)
			}
			found[k] = f
		}
	})
	if stop.Load() {
		return false
	}
	// Number the rows in the file, close the spans' gaps (blank lines,
	// automatic ids), and sum what the parts found as the serial scan
	// would have (rowNotes.add).
	base := make([]uint64, np+1)
	nAutos := 0
	for k := range np {
		base[k+1] = base[k] + found[k].rows
		nAutos += len(found[k].autos)
	}
	if base[np] == 0 {
		return false // (the serial scan says the file has no rows)
	}
	par.Chunks(np, 1, cores, func() func(int) {
		return func(k int) {
			f := &found[k]
			for i := range refs[span[k] : span[k]+f.main] {
				refs[span[k]+i].row += base[k]
			}
			for i := range f.autos {
				f.autos[i].row += base[k]
			}
		}
	})
	n := 0
	for k := range np {
		if span[k] != n {
			copy(refs[n:], refs[span[k]:span[k]+found[k].main])
		}
		n += found[k].main
	}
	main.refs, main.n = refs[:n], uint64(n)
	if a := arenas[0]; a.bytes != nil {
		main.arena = a.bytes[:a.next.Load()]
	}
	if nAutos > 0 {
		autos.refs = hugemem.Make[sortRef](0, nAutos)
		for k := range np {
			autos.refs = append(autos.refs, found[k].autos...)
		}
		autos.arena, autos.n = arenas[1].bytes[:arenas[1].next.Load()], uint64(nAutos)
	}
	at("scanned parts")
	bk.main, bk.n = main, base[np]
	for k := range np {
		bk.rowNotes.add(&found[k].rowNotes)
	}
	return true
}

// scanCores is how many goroutines the parallel first scan runs on (a
// variable for the tests).
var scanCores = func() int { return runtime.GOMAXPROCS(0) }
