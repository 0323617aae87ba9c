package store

import (
	"context"
	"fmt"
	"hash/maphash"

	"github.com/cockroachdb/pebble/v2"

	"github.com/qf-dev/qf/record"
)

// Hooks for the external tests (package store_test, which may import
// round: round imports store) that write records as older versions did.

// SetRaw writes a record as it is, with no checks.
func (s *Store) SetRaw(key, v []byte) error { return s.db.Set(key, v, pebble.Sync) }

// PutRound writes a round's record as it is.
func (s *Store) PutRoundRaw(r Round) error { return s.putRound(nil, r) }

var (
	ContribKey         = contribKey
	EncodeContribution = encodeContribution
	EncodeContent      = encodeContent
)

// SetSumsChunkCells sets how many cells a statistics update holds before
// merging them (small, to test the chunked merge), and returns the old.
func SetSumsChunkCells(n int) int { old := sumsChunkCells; sumsChunkCells = n; return old }

// SetSumsMaxImport sets how many rows one import's hook sums before the
// sums give up (sumsMaxImport) and returns the old bound.
func SetSumsMaxImport(n int) int { old := sumsMaxImport; sumsMaxImport = n; return old }

// SetSumsPartBytes sets the batch size past which a statistics update
// commits what it has (sumsPartBytes) and returns the old one.
func SetSumsPartBytes(n int) int { old := sumsPartBytes; sumsPartBytes = n; return old }

// AfterImport is the bulk import's hook (hooks.go), under the writer lock.
func (s *Store) AfterImport(round uint64, added func(fn func(*record.Contribution) error) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.afterImport(round, added)
}

// Flush writes the memtables to SSTables (what splitRange cuts at).
func (s *Store) Flush() error { return s.db.Flush() }

// SplitRange is how a round's rows are cut for the parallel read.
func (s *Store) SplitRange(round uint64, parts int) [][]byte {
	return s.splitRange(contribKey(round, nil), contribKey(round+1, nil), parts)
}

// SetSplitMin sets the size from which a round is read in several
// ranges, and returns the old.
func SetSplitMin(n uint64) uint64 { old := splitMin; splitMin = n; return old }

// SetSSTFrom sets the cells from which fresh sums are ingested as an
// SSTable, and returns the old.
func SetSSTFrom(n int) int { old := sstFrom; sstFrom = n; return old }

// ForceIngest makes every ImportFile take the ingest (bulk rows 0) with a
// sort budget of budget bytes (small: every few rows spill a run), until
// the returned function restores the defaults.
func ForceIngest(budget int) func() {
	rows, b := bulkMinRows, sortBudget
	bulkMinRows, sortBudget = 0, budget
	return func() { bulkMinRows, sortBudget = rows, b }
}

// ForceParts makes every ImportFile take the ingest and decide its rows in
// key ranges on several goroutines (with GOMAXPROCS above 1), until the
// returned function restores the defaults.
func ForceParts() func() {
	rows, split := bulkMinRows, decideSplit
	bulkMinRows, decideSplit = 0, 1
	return func() { bulkMinRows, decideSplit = rows, split }
}

// SetTestPoint sets the function the bulk import calls at its stages.
func SetTestPoint(fn func(stage string)) { testPoint = fn }

// TmpPrefix starts the bulk imports' temporary folders.
const TmpPrefix = tmpPrefix

// AutoID is the id a row without one gets.
var AutoID = autoID

// SetImportHook replaces what runs after an import until the returned
// function restores it.
func SetImportHook(fn func(s *Store, round uint64, added func(fn func(*record.Contribution) error) error) error) func() {
	old, oldBulk := importHook, bulkHook
	importHook = fn
	bulkHook = func(s *Store, round uint64, added func(fn func(*record.Contribution) error) error, _ func() (sumsChunk, uint64, bool, error)) error {
		return fn(s, round, added)
	}
	return func() { importHook, bulkHook = old, oldBulk }
}

// TablesAbove lists the sstables outside the bottom level whose first or
// last key starts with one of prefixes (each as "Llevel first..last").
func (s *Store) TablesAbove(prefixes string) ([]string, error) {
	levels, err := s.db.SSTables()
	if err != nil {
		return nil, err
	}
	var out []string
	for l, tables := range levels[:len(levels)-1] {
		for _, t := range tables {
			lo, hi := t.Smallest.UserKey, t.Largest.UserKey
			for _, p := range []byte(prefixes) {
				if len(lo) > 0 && lo[0] == p || len(hi) > 0 && hi[0] == p {
					out = append(out, fmt.Sprintf("L%d %q..%q", l, lo, hi))
					break
				}
			}
		}
	}
	return out, nil
}

// CompactAll compacts every table into the bottom level, as a store that
// has run for a while has most of its records.
func (s *Store) CompactAll() error {
	return s.db.Compact(context.Background(), []byte{0}, []byte{0xff}, true)
}

// RowByRowSums makes bulk imports sum their rows one by one, as other
// imports do, until the returned function restores the defaults.
func RowByRowSums() func() {
	old := freshSums
	freshSums = false
	return func() { freshSums = old }
}

// CollideDonors makes every donor hash alike in the fresh sums, until the
// returned function restores the hash.
func CollideDonors() func() {
	old := donorHash
	donorHash = func(maphash.Seed, []byte) uint64 { return 42 << 32 }
	return func() { donorHash = old }
}

// ImportFileRowByRowSums is ImportFile with the sums made row by row.
func (s *Store) ImportFileRowByRowSums(round uint64, scan func(add func(*record.Contribution) error) error) (ImportStats, error) {
	defer RowByRowSums()()
	return s.ImportFile(round, scan)
}

// CollideSomeDonors makes the donors whose last byte is even hash alike
// in the fresh sums (the others keep their hash), until the returned
// function restores the hash.
func CollideSomeDonors() func() {
	old := donorHash
	donorHash = func(seed maphash.Seed, b []byte) uint64 {
		if len(b) > 0 && b[len(b)-1]%2 == 0 {
			return 42 << 32
		}
		return old(seed, b)
	}
	return func() { donorHash = old }
}
