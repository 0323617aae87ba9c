package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/cockroachdb/pebble/v2"
	"github.com/cockroachdb/pebble/v2/objstorage/objstorageprovider"
	"github.com/cockroachdb/pebble/v2/sstable"
	"github.com/cockroachdb/pebble/v2/vfs"
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/record"
)

// The bulk import (`qf import contributions`, [Store.ImportFile]) into a
// round whose mechanism needs no dry run, in memory bounded whatever the
// file's size:
//
//  1. the file is scanned once for each row's key (automatic ids numbered
//     by a first sort on the content), content and place, into an
//     external sort (see sorter) in a temporary folder inside the
//     database folder; the scan also notes whether any row could fail a
//     check (unregistered gap, weight, score, token, zero amount, a total
//     past 2^256-1);
//  2. one merge of the sorted rows with one ordered iterator over the
//     round's stored keys decides each row's verdict (new, duplicate, or
//     conflict: only the first in file order is kept) into one byte per
//     row — a sort held in memory in key ranges on every core, each with
//     its own iterator;
//  3. if a row can fail, the file is scanned again, in order, applying
//     the batch path's checks with the verdicts, so that the same first
//     error in file order is reported and nothing is stored on any error;
//  4. the new rows, numbered in file order, are written into sstables
//     (one per key range), and the round's record and check state into
//     another; all are linked in by one [pebble.DB.Ingest]: all or
//     nothing, even under SIGKILL. A file of fewer than bulkMinRows rows
//     is committed in one batch instead, with the same records.
//
// A temporary folder left by a killed import is removed when the
// database is next opened ([removeLeftovers]).

// tmpPrefix starts the names of the bulk imports' temporary folders in
// the database folder.
const tmpPrefix = "qf-import-"

// Tuning of the bulk path (variables for the tests).
var (
	// bulkMinRows is the smallest file that takes the bulk path: smaller
	// ones go through one batch (an ingest of a few rows would flush the
	// memtable and leave a small sstable per import).
	bulkMinRows uint64 = 10000
	// sortBudget is the arena of each external sort before it spills:
	// a million rows of `qf import contributions` fit (about 80 bytes
	// each), ten million take ten runs.
	sortBudget = 128 << 20
	// testPoint, if set, is called at the named stages of a bulk import
	// ("spilled", "merging", "writing", "sums" — a fresh round's sums'
	// tables written —, "ingesting", "linked" — inside
	// Pebble's ingest, a table linked into the database folder and not
	// yet recorded —, "ingested"): the crash tests kill the process
	// there.
	testPoint func(stage string)
)

func at(stage string) {
	if testPoint != nil {
		testPoint(stage)
	}
}

// Verdicts of the bulk path on each row, in file order.
const (
	vNew       byte = iota + 1 // added by this import
	vDuplicate                 // stored, or earlier in the file, with the same content
	vConflict                  // the first row whose id is stored or earlier with other content
)

// bulk is one bulk import's state.
type bulk struct {
	s        *Store
	r        Round
	known    map[uint256.Int]struct{} // the registered gaps
	tmp      string
	main     *sorter      // every row, by id
	verdict  []byte       // per row
	added    []uint64     // bitset of the vNew rows
	rank     []uint32     // vNew rows before each word of added
	groups   *groupsAhead // the rows grouped by donor for a fresh round's sums (startGroups)
	n        uint64       // rows seen by the first scan
	verdicts              // of all the rows
	rowNotes              // of all the rows
}

// rowNotes is what a first scan notes of the rows it reads: whether the
// checks could fail one, so that the file must be scanned again.
type rowNotes struct {
	badGap bool // a row's gap is not registered
	// special is set by a row with a weight, a score, a token or a zero
	// amount (which the checker looks at), overflow when sumAll (every
	// row's amount) passed 2^256-1.
	special, overflow bool
	sumAll            uint256.Int
}

// entry encodes row, row number n of its scan, as the sort entry e (its
// content kept in *content, reused row after row) and notes it (known:
// the registered gaps); auto says its id is automatic (e's key is then
// its content, numbered after the scan, in content order).
func (f *rowNotes) entry(row *record.Contribution, n uint64, known map[uint256.Int]struct{}, content *[]byte, e *sortEntry) (auto bool) {
	*content = appendContent((*content)[:0], row)
	*e = sortEntry{key: row.ID, content: *content, row: n, line: uint64(max(row.Line, 0))}
	if row.Item {
		e.flags |= entryItem
	}
	if len(row.Weight) > 0 || len(row.Score) > 0 || len(row.Token) > 0 || row.Amount.IsZero() {
		f.special = true
	}
	if _, over := f.sumAll.AddOverflow(&f.sumAll, &row.Amount); over {
		f.overflow = true
	}
	if _, ok := known[row.Gap]; !ok {
		f.badGap = true // the second scan reports it
	}
	if len(row.ID) == 0 {
		e.key, e.content, e.flags = *content, nil, e.flags|entryAuto
		return true
	}
	return false
}

// add takes o's notes (of the rows after f's) into f: the amounts' sum
// passes 2^256-1 if and only if some prefix of it does (no amount is
// negative).
func (f *rowNotes) add(o *rowNotes) {
	f.special = f.special || o.special
	f.badGap = f.badGap || o.badGap
	if _, over := f.sumAll.AddOverflow(&f.sumAll, &o.sumAll); over || o.overflow {
		f.overflow = true
	}
}

// importBulk imports round r's rows from scan on the bulk path (its first
// scan from parts, if not nil, on every core: see collectParts). Files of
// fewer than bulkMinRows rows are committed in one batch (an ingest of a
// few rows would flush the memtable and leave a small sstable per
// import), with the same records.
func (s *Store) importBulk(r Round, known map[uint256.Int]struct{}, scan func(add func(*record.Contribution) error) error, parts FileParts) (ImportStats, error) {
	tmp, err := os.MkdirTemp(s.dir, tmpPrefix)
	if err != nil {
		return ImportStats{}, fmt.Errorf("importing into round %d: %w", r.Number, err)
	}
	defer os.RemoveAll(tmp)
	bk := &bulk{s: s, r: r, tmp: tmp, known: known, main: newSorter(tmp, "rows", sortBudget)}
	bk.main.spilled = func() { at("spilled") }
	scanErr, err := bk.collect(known, scan, parts)
	if err != nil { // (the sort's: the scan's own is scanErr)
		return ImportStats{}, fmt.Errorf("importing into round %d: %w", r.Number, err)
	}
	if scanErr == nil && bk.n >= bulkMinRows {
		bk.startGroups() // (while the verdicts are decided)
		defer bk.waitGroups()
	}
	if err := bk.decide(); err != nil {
		return ImportStats{}, err
	}
	chk, plain, err := s.loadChecker(r)
	if err != nil {
		return ImportStats{}, err
	}
	var st ImportStats
	base := chk.Total()
	var total uint256.Int
	_, over := total.AddOverflow(&base, &bk.sumAll)
	if scanErr == nil && !bk.hasConflict && !bk.badGap && !bk.special && !bk.overflow && !over {
		// Every row is plain (no weight, score or token, an amount above
		// zero), and all of them would not take the round's total past
		// 2^256-1: a second scan would find no error. The new rows'
		// total is what the checker would have summed.
		total.Add(&base, &bk.sumNew)
		chk.SetTotal(&total)
		st = ImportStats{Added: int(bk.newRows), Duplicates: int(bk.n - bk.newRows)}
	} else if st, err = bk.check(known, chk, &plain, scan); err != nil {
		return ImportStats{}, err
	}
	if st.Added == 0 {
		return st, nil
	}
	bk.ranks()
	next := r
	next.Contributions += st.Added
	if bk.n < bulkMinRows {
		err = bk.commit(next, chk, plain)
	} else {
		err = bk.ingest(next, chk, plain, bk.sumsTables(next))
	}
	if err != nil {
		return ImportStats{}, err
	}
	at("ingested")
	return st, s.hookBulk(r.Number, bk)
}

// collectBatch is the bytes of the encoded entries (appendEntry) handed
// from the scan to the sorts at once.
const collectBatch = 256 << 10

// collect is the first scan: every row's key, content and place into the
// sort. An error of scan itself is returned as scanErr, for the second
// scan to report after the rows before it, as one scan would. The scan
// (parsing the file, encoding each row) and the sorts (copying the
// entries into their arenas, spilling runs) run at once, on their own
// goroutines, handing batches of encoded entries from one to the other.
// Given parts, it first tries them on every core (collectParts), and
// scans serially only if that gives up.
func (bk *bulk) collect(known map[uint256.Int]struct{}, scan func(add func(*record.Contribution) error) error, parts FileParts) (scanErr, err error) {
	autos := newSorter(bk.tmp, "auto", sortBudget)
	if parts != nil && bk.collectParts(known, parts, autos, scanCores()) {
		return nil, bk.numberAutos(autos)
	}
	full := make(chan []byte, 2)
	free := make(chan []byte, 3)
	for range 3 {
		free <- make([]byte, 0, collectBatch+1<<10)
	}
	var sortErr error
	var failed atomic.Bool
	done := make(chan struct{})
	go func() { // the sorts
		defer close(done)
		var e sortEntry
		var row uint64 // (entries come in row order)
		for b := range full {
			for rest := b; len(rest) > 0 && sortErr == nil; {
				n, err := decodeEntry(rest, &e)
				if err != nil {
					sortErr = err
					break
				}
				e.row, row = row, row+1
				if e.flags&entryAuto != 0 {
					sortErr = autos.addEncoded(rest[:n], &e)
				} else {
					sortErr = bk.main.addEncoded(rest[:n], &e)
				}
				rest = rest[n:]
			}
			if sortErr != nil {
				failed.Store(true)
			}
			free <- b[:0]
		}
	}()
	var content []byte
	var e sortEntry
	batch := <-free
	scanErr = scan(func(row *record.Contribution) error {
		if failed.Load() {
			return errSortFailed
		}
		bk.rowNotes.entry(row, bk.n, known, &content, &e)
		bk.n++
		batch = appendEntry(batch, &e)
		if len(batch) >= collectBatch {
			full <- batch
			batch = <-free
		}
		return nil
	})
	if len(batch) > 0 {
		full <- batch
	}
	close(full)
	<-done
	if sortErr != nil {
		return nil, sortErr
	}
	if errors.Is(scanErr, errSortFailed) { // (the sorts failed after the last check)
		return nil, scanErr
	}
	return scanErr, bk.numberAutos(autos)
}

// numberAutos adds the rows of automatic ids, sorted by content in autos,
// to the main sort under their ids.
func (bk *bulk) numberAutos(autos *sorter) error {
	if autos.n == 0 {
		return nil
	}
	// Automatic ids: the content's hash and how many identical rows came
	// before in the file (rows of one content come out in file order).
	var prev []byte
	occurrence := 0
	var row record.Contribution
	return autos.each(func(a *sortEntry) error {
		if prev != nil && bytes.Equal(prev, a.key) {
			occurrence++
		} else {
			prev, occurrence = append(prev[:0], a.key...), 0
		}
		if err := decodeContribution(a.key, &row); err != nil {
			return err
		}
		id := autoID(&row, occurrence)
		return bk.main.add(&sortEntry{key: id, content: a.key, row: a.row, line: a.line, flags: a.flags})
	})
}

// verdicts is what deciding (a key range of) the sorted rows found
// besides each row's verdict: the new rows, their amounts, and the
// conflict to report (the first in file order, if any): with a stored row
// (stored is its record) or with an earlier row of the file (earlierLine,
// earlierItem).
type verdicts struct {
	newRows       uint64
	sumNew        uint256.Int
	hasConflict   bool
	conflict      uint64
	conflictStore bool
	stored        []byte
	earlierLine   uint64
	earlierItem   bool
}

// add takes o's findings into v.
func (v *verdicts) add(o *verdicts) {
	v.newRows += o.newRows
	v.sumNew.Add(&v.sumNew, &o.sumNew) // below sumAll: no overflow
	if o.hasConflict && (!v.hasConflict || o.conflict < v.conflict) {
		v.hasConflict, v.conflict, v.conflictStore = true, o.conflict, o.conflictStore
		v.stored, v.earlierLine, v.earlierItem = o.stored, o.earlierLine, o.earlierItem
	}
}

// decider decides the rows of one key range, in (key, row) order, with
// its own iterator over the round's stored rows.
type decider struct {
	bk          *bulk
	it          *pebble.Iterator
	out         verdicts
	prev, first []byte // the current id, its first row's content
	firstLine   uint64 // and its line
	firstItem   bool
	stored      bool   // the current id is stored
	decoded     bool   // its record was decoded
	storedOK    bool   // and decodes
	storedBody  []byte // its content
	key         []byte
	old         record.Contribution
}

func (bk *bulk) newDecider() (*decider, error) {
	it, err := bk.s.rd.NewIter(&pebble.IterOptions{LowerBound: contribKey(bk.r.Number, nil), UpperBound: contribKey(bk.r.Number+1, nil)})
	if err != nil {
		return nil, err
	}
	return &decider{bk: bk, it: it, key: contribKey(bk.r.Number, nil)}, nil
}

// close returns the iterator's error.
func (d *decider) close() error {
	err := d.it.Error()
	if cerr := d.it.Close(); err == nil {
		err = cerr
	}
	return err
}

func (d *decider) entry(e *sortEntry) error {
	bk := d.bk
	auto := e.flags&entryAuto != 0
	if d.prev == nil || !bytes.Equal(d.prev, e.key) {
		d.prev = append(d.prev[:0], e.key...)
		d.stored = false
		if bk.r.Contributions > 0 {
			d.key = append(d.key[:9], e.key...)
			d.stored = seek(d.it, d.key) && bytes.Equal(d.it.Key(), d.key)
			d.decoded = false
		}
		if !d.stored {
			d.first = append(d.first[:0], e.content...)
			d.firstLine, d.firstItem = e.line, e.flags&entryItem != 0
			bk.verdict[e.row] = vNew
			d.out.newRows++
			if !bk.special && !bk.overflow {
				a, ok := contentAmount(e.content)
				if !ok {
					return errBadRun
				}
				d.out.sumNew.Add(&d.out.sumNew, &a) // below sumAll: no overflow
			}
			return nil
		}
	}
	if auto {
		bk.verdict[e.row] = vDuplicate
		return nil
	}
	if d.stored {
		if sameRecord(d.it.Value(), e.content) {
			bk.verdict[e.row] = vDuplicate
			return nil
		}
		if !d.decoded { // (an explicit id can equal another row's automatic one)
			d.storedOK, d.decoded = decodeContribution(d.it.Value(), &d.old) == nil, true
			if d.storedOK {
				d.storedBody = appendContent(d.storedBody[:0], &d.old)
			}
		}
		if d.storedOK && bytes.Equal(d.storedBody, e.content) {
			bk.verdict[e.row] = vDuplicate
			return nil
		}
		// damaged or other content: the second scan reports it
		// (sameAsStored), if no earlier row fails
		if !d.out.hasConflict || e.row < d.out.conflict {
			d.out.hasConflict, d.out.conflict, d.out.conflictStore = true, e.row, true
			d.out.stored = append(d.out.stored[:0], d.it.Value()...)
		}
		bk.verdict[e.row] = vConflict
		return nil
	}
	if bytes.Equal(d.first, e.content) {
		bk.verdict[e.row] = vDuplicate
		return nil
	}
	bk.verdict[e.row] = vConflict
	if !d.out.hasConflict || e.row < d.out.conflict {
		d.out.hasConflict, d.out.conflict, d.out.conflictStore = true, e.row, false
		d.out.earlierLine, d.out.earlierItem = d.firstLine, d.firstItem
	}
	return nil
}

// sameRecord reports whether stored record v is content followed by
// nothing or by an arrival sequence (a uvarint above 0, which never starts
// with the token mark, 0): then it decodes to content. Other records are
// compared decoded (one written by an older version need not be
// canonical).
func sameRecord(v, content []byte) bool {
	if !bytes.HasPrefix(v, content) {
		return false
	}
	rest := v[len(content):]
	if len(rest) == 0 {
		return true
	}
	seq, k := binary.Uvarint(rest)
	return k == len(rest) && seq != 0
}

// decideSplit is the fewest rows a sort held in memory must have to be
// decided in key ranges at once (a variable for the tests).
var decideSplit = 1 << 16

// decide merges the sorted rows with the round's stored keys into each
// row's verdict: a sort held in memory in key ranges on every core (up
// to 4), each with its own iterator; a spilled one in one merge.
func (bk *bulk) decide() error {
	bk.verdict = make([]byte, bk.n)
	at("merging")
	parts := bk.main.parts(min(runtime.GOMAXPROCS(0), 4), decideSplit)
	if parts == nil {
		d, err := bk.newDecider()
		if err != nil {
			return err
		}
		err = bk.main.each(d.entry)
		if cerr := d.close(); err == nil {
			err = cerr
		}
		bk.verdicts.add(&d.out)
		return err
	}
	ds := make([]*decider, len(parts))
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for i, p := range parts {
		d, err := bk.newDecider()
		if err != nil {
			for _, d := range ds[:i] {
				d.close()
			}
			return err
		}
		ds[i] = d
		wg.Go(func() {
			errs[i] = bk.main.eachIn(p[0], p[1], d.entry)
			if err := d.close(); errs[i] == nil {
				errs[i] = err
			}
		})
	}
	wg.Wait()
	for i, d := range ds {
		if errs[i] != nil {
			return errs[i]
		}
		bk.verdicts.add(&d.out)
	}
	return nil
}

// contentAmount reads the amount out of a row's encoded content.
func contentAmount(v []byte) (a uint256.Int, ok bool) {
	n, k := binary.Uvarint(v)
	if k <= 0 || uint64(len(v)-k) < n {
		return a, false
	}
	v = v[k+int(n):] // past the donor
	for range 2 {    // the gap, then the amount
		if len(v) < 1 || v[0] > 32 || len(v) < 1+int(v[0]) {
			return a, false
		}
		a.SetBytes(v[1 : 1+int(v[0])])
		v = v[1+int(v[0]):]
	}
	return a, true
}

// seek positions it at the first key at or after key, which is never
// before its current key: by steps of Next while they are few (a
// re-import walks the stored rows one by one), else by SeekGE.
func seek(it *pebble.Iterator, key []byte) bool {
	if !it.Valid() {
		return it.SeekGE(key)
	}
	for range 16 {
		if bytes.Compare(it.Key(), key) >= 0 {
			return true
		}
		if !it.Next() {
			return false
		}
	}
	return it.SeekGE(key)
}

// errSortFailed stops the scan of a collect whose sorts failed (their
// error is reported).
var errSortFailed = errors.New("the import's sort failed")

// errChanged reports a file whose second scan gave other rows than the
// first.
var errChanged = errors.New("the file changed while it was imported")

// check is the second scan: the batch path's checks, in file order, with
// the verdicts.
func (bk *bulk) check(known map[uint256.Int]struct{}, chk *record.Checker, plain *bool, scan func(add func(*record.Contribution) error) error) (ImportStats, error) {
	var st ImportStats
	var i uint64
	err := scan(func(row *record.Contribution) error {
		if i >= bk.n {
			return errChanged
		}
		v := bk.verdict[i]
		i++
		if _, ok := known[row.Gap]; !ok {
			return &record.FieldError{Field: "gap", Err: &UnregisteredGapError{ID: row.Gap}}
		}
		switch v {
		case vDuplicate:
			st.Duplicates++
			return nil
		case vConflict:
			if i-1 != bk.conflict {
				return errChanged
			}
			if !bk.conflictStore {
				f := firstSeen{line: int(bk.earlierLine), item: bk.earlierItem}
				return &record.FieldError{Field: "id", Err: fmt.Errorf("%w: %q is also at %s with other content", ErrConflict, row.ID, f.where())}
			}
			if err := bk.s.sameAsStored(bk.r.Number, row.ID, bk.stored, encodeContent(row)); err != nil {
				return err
			}
			return errChanged
		case vNew:
		default:
			return errChanged
		}
		if err := chk.Add(row); err != nil {
			return err
		}
		*plain = *plain && plainRow(row)
		st.Added++
		return nil
	})
	if err != nil {
		return st, err
	}
	if i != bk.n || uint64(st.Added) != bk.newRows {
		return st, errChanged
	}
	return st, nil
}

// ranks builds the bitset of new rows and how many come before each
// word: a new row's sequence is the round's count plus its rank.
func (bk *bulk) ranks() {
	bk.added = make([]uint64, (bk.n+63)/64)
	for i, v := range bk.verdict {
		if v == vNew {
			bk.added[i/64] |= 1 << (uint(i) % 64)
		}
	}
	bk.rank = make([]uint32, len(bk.added))
	var sum uint32
	for w, x := range bk.added {
		bk.rank[w] = sum
		sum += uint32(bits.OnesCount64(x))
	}
}

// seq is new row i's arrival sequence.
func (bk *bulk) seq(i uint64) uint64 {
	w := i / 64
	below := bk.added[w] & (1<<(i%64) - 1)
	return uint64(bk.r.Contributions) + uint64(bk.rank[w]) + uint64(bits.OnesCount64(below)) + 1
}

func (bk *bulk) isNew(i uint64) bool { return bk.added[i/64]&(1<<(i%64)) != 0 }

// eachNew calls fn with every new row's key and record, in key order.
func (bk *bulk) eachNew(fn func(key, val []byte) error) error {
	return bk.eachNewOf(bk.main.each, fn)
}

// eachNewOf is eachNew over the sorted rows src gives.
func (bk *bulk) eachNewOf(src func(func(*sortEntry) error) error, fn func(key, val []byte) error) error {
	var val []byte
	key := contribKey(bk.r.Number, nil)
	return src(func(e *sortEntry) error {
		if !bk.isNew(e.row) {
			return nil
		}
		key = append(key[:9], e.key...)
		val = binary.AppendUvarint(append(val[:0], e.content...), bk.seq(e.row))
		return fn(key, val)
	})
}

// commit stores the new rows and round next's record and check state in
// one batch (a small file).
func (bk *bulk) commit(next Round, chk *record.Checker, plain bool) error {
	b := bk.s.db.NewBatch()
	defer b.Close()
	err := bk.eachNew(func(key, val []byte) error { return b.Set(key, val, nil) })
	if err != nil {
		return err
	}
	if err := bk.s.putRound(b, next); err != nil {
		return err
	}
	if _, err := putCheckState(b, next, chk, plain); err != nil {
		return err
	}
	if err := bk.s.commitLocked(b); err != nil {
		return fmt.Errorf("committing contributions: %w", err)
	}
	return nil
}

// sumsTables returns, for an import into a fresh round whose sums it can
// make (see freshChunk), what writes the sums' tables for the import's
// own ingest: the rows and their sums appear at once, and the hook then
// finds them up to date. They are the deferred sums (sumsHead.Deferred):
// what stats and the match read, without the cells and donors' row
// counts that only a later write needs (it makes them then). It returns
// nil otherwise: the hook makes the sums.
func (bk *bulk) sumsTables(next Round) func() ([]string, error) {
	if !bk.freshSumsApply() || bk.r.Voided > 0 || !keepsSums(next) || next.Contributions > sumsMaxImport {
		return nil
	}
	bk.main.sort() // (before the rows' writers and the sums read it at once)
	if _, ok, err := bk.s.readSumsHead(bk.s.db, next.Number); ok || err != nil {
		return nil
	}
	if stored, err := bk.s.hasSums(next.Number); stored || err != nil {
		return nil
	}
	gaps, err := bk.s.Gaps()
	if err != nil {
		return nil
	}
	own := ownDonors(gaps)
	return func() ([]string, error) {
		fg, ok, err := bk.everyRow()
		if err != nil {
			return nil, fmt.Errorf("importing into round %d: summing its statistics: %w", next.Number, err)
		}
		if !ok || int(bk.newRows) != next.Contributions {
			return nil, nil
		}
		d, ok := fg.deferred(own, bk.verdict, bk.newRows)
		if !ok {
			return nil, nil
		}
		paths, err := bk.s.deferredTables(next, bk.tmp, &d)
		if err != nil {
			return nil, fmt.Errorf("importing into round %d: writing its statistics: %w", next.Number, err)
		}
		return paths, nil
	}
}

// ingest writes the new rows and round next's record and check state
// into sstables and links them into the database in one ingest, with the
// tables sums writes (if not nil) at the same time.
func (bk *bulk) ingest(next Round, chk *record.Checker, plain bool, sums func() ([]string, error)) error {
	s := bk.s
	// The rows' tables: one per key range of a sort held in memory,
	// written at once on every core, else one.
	srcs := []func(func(*sortEntry) error) error{bk.main.each}
	if parts := bk.main.parts(min(runtime.GOMAXPROCS(0), 4), decideSplit); parts != nil {
		srcs = srcs[:0]
		for _, p := range parts {
			srcs = append(srcs, func(fn func(*sortEntry) error) error { return bk.main.eachIn(p[0], p[1], fn) })
		}
	}
	var sumsPaths []string
	var sumsErr error
	sumsDone := make(chan struct{})
	go func() {
		defer close(sumsDone)
		if sums != nil {
			if sumsPaths, sumsErr = sums(); sumsErr == nil && len(sumsPaths) > 0 {
				at("sums")
			}
		}
	}()
	var written atomic.Int64
	paths := make([]string, len(srcs))
	counts := make([]int, len(srcs))
	errs := make([]error, len(srcs))
	var wg sync.WaitGroup
	for i, src := range srcs {
		paths[i] = filepath.Join(bk.tmp, fmt.Sprintf("rows-%d.sst", i))
		wg.Go(func() {
			errs[i] = bk.writeTable(paths[i], func(w *sstable.Writer) error {
				return bk.eachNewOf(src, func(key, val []byte) error {
					if written.Add(1) == 2 {
						at("writing")
					}
					counts[i]++
					return w.Set(key, val)
				})
			})
		})
	}
	wg.Wait()
	<-sumsDone
	if sumsErr != nil {
		return sumsErr
	}
	var tables []string
	for i := range srcs {
		if errs[i] != nil {
			return errs[i]
		}
		if counts[i] > 0 { // (a key range with no new row)
			tables = append(tables, paths[i])
		}
	}
	state, err := putCheckState(nil, next, chk, plain)
	if err != nil {
		return err
	}
	round, err := jsonRound(next)
	if err != nil {
		return err
	}
	// One table per record: a table holding both would span every prefix
	// between theirs (the statistics' cells and gap sums among them), and
	// Pebble would then link the sums' tables in above it, in L0, for the
	// next command to compact anew.
	for _, rec := range []struct {
		name     string
		key, val []byte
	}{
		{"checks.sst", roundKey(prefixChecks, next.Number), state},
		{"round.sst", roundKey(prefixRound, next.Number), round},
	} {
		path := filepath.Join(bk.tmp, rec.name)
		if err := bk.writeTable(path, func(w *sstable.Writer) error { return w.Set(rec.key, rec.val) }); err != nil {
			return err
		}
		tables = append(tables, path)
	}
	at("ingesting")
	if err := s.writable(); err != nil {
		return err
	}
	if err := s.db.Ingest(context.Background(), append(tables, sumsPaths...)); err != nil {
		return s.fail(fmt.Errorf("committing contributions: %w", err))
	}
	return nil
}

// writeTable writes one sstable at path with fill, synced.
func (bk *bulk) writeTable(path string, fill func(w *sstable.Writer) error) error {
	fillErr, err := bk.s.writeSST(path, 0, fill)
	if fillErr != nil {
		return fillErr
	}
	if err != nil {
		return fmt.Errorf("importing into round %d: %w", bk.r.Number, err)
	}
	return nil
}

// writeSST writes one sstable at path with fill, with the writer options
// of level: fillErr is fill's error, err the file's (creating or
// closing it).
func (s *Store) writeSST(path string, level int, fill func(w *sstable.Writer) error) (fillErr, err error) {
	f, err := vfs.Default.Create(path, vfs.WriteCategoryUnspecified)
	if err != nil {
		return nil, err
	}
	w := sstable.NewWriter(objstorageprovider.NewFileWritable(f), s.popts.MakeWriterOptions(level, s.db.TableFormat()))
	if err := fill(w); err != nil {
		_ = w.Close()
		return err, nil
	}
	return nil, w.Close()
}

// replay calls fn with every row the import added (for afterImport).
func (bk *bulk) replay(fn func(*record.Contribution) error) error {
	var row record.Contribution
	return bk.main.each(func(e *sortEntry) error {
		if !bk.isNew(e.row) {
			return nil
		}
		row = record.Contribution{}
		if err := decodeContribution(e.content, &row); err != nil {
			return err
		}
		row.ID, row.Seq = e.key, bk.seq(e.row)
		return fn(&row)
	})
}

// linkFS is the file system the store opens Pebble with: the default
// one, with a test point after each hard link (what an ingest does first
// with its tables, before recording them).
type linkFS struct{ vfs.FS }

func (fs linkFS) Link(oldname, newname string) error {
	if err := fs.FS.Link(oldname, newname); err != nil {
		return err
	}
	at("linked")
	return nil
}

// removeLeftovers removes the temporary folders of bulk imports a killed
// process left in the database folder dir (under the database's lock, so
// no import of another process is running).
func removeLeftovers(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), tmpPrefix) {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}
