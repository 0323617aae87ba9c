package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/maphash"
	"slices"

	"github.com/cockroachdb/pebble/v2"

	"github.com/qf-dev/qf/record"
)

// ImportFile is [Store.Import] for a scan that can be run twice and gives
// the same rows each time (a file parsed twice): what `qf import
// contributions` does, with the same checks, results and errors as
// [Store.Import], in the same order (the first failing row in file order).
//
// Into a qf or linear round it is a bulk import in bounded memory (see
// bulk.go and the package documentation): sorted externally, merged once
// with the stored keys, and linked in with one Pebble ingest, all or
// nothing. Into other rounds it takes Import's batch path, with a first
// run of scan that only collects the rows' ids: they are sorted and
// looked up in one ordered pass over the round's stored rows instead of
// one random lookup per row. Whether a stored row has the same content is
// decided there by a seeded 64-bit hash of the content (as the duplicates
// within one import are): no input can aim at a collision.
func (s *Store) ImportFile(round uint64, scan func(add func(*record.Contribution) error) error) (ImportStats, error) {
	return s.importRows(round, scan, nil, true, nil)
}

// errTooManyRows stops a first run past 2^31-1 rows (the probes number
// rows in 31 bits): the import then looks each row up instead.
var errTooManyRows = errors.New("too many rows to sort")

// Verdicts of the first run on each row's id, in scan order.
const (
	idNew   byte = iota // not stored
	idSame              // stored with the same content (or an automatic id: the same row)
	idOther             // stored with other content
)

// storedIDs is what the first run of a replayable import learned about
// each row's id. Only the first row (in scan order) whose id is stored
// with other content keeps the stored record: the import stops there.
type storedIDs struct {
	verdict []byte
	first   int // index of the first idOther row, -1 if none
	value   []byte
}

// at answers for row i: stored, and the stored record when its content
// differs (same is true when it is a duplicate). known is false when the
// first run did not see row i: look it up instead.
func (p *storedIDs) at(i int) (stored, same bool, value []byte, known bool) {
	if p == nil || i >= len(p.verdict) {
		return false, false, nil, false
	}
	switch p.verdict[i] {
	case idNew:
		return false, false, nil, true
	case idSame:
		return true, true, nil, true
	}
	if i != p.first {
		return false, false, nil, false
	}
	return true, false, p.value, true
}

// probe is one row's id in the first run: its key at [off:off+n) of the
// arena, the hash of its content, its place in the scan (row), and
// whether its id is automatic (24 bytes: a million rows take 24 MiB).
type probe struct {
	off  int
	hash uint64
	n    uint32
	row  uint32 // bit 31: automatic id
}

const autoBit = 1 << 31

func (q *probe) index() int { return int(q.row &^ autoBit) }

// lookupStored is the first run of a replayable import into round: every
// row's key (automatic ids numbered as the import numbers them), sorted,
// then looked up in one pass of an iterator over the round's stored rows.
// An error of scan itself is left for the second run to report, after the
// rows before it, as a single run would.
func (s *Store) lookupStored(round uint64, scan func(add func(*record.Contribution) error) error) (*storedIDs, error) {
	seed := maphash.MakeSeed()
	var arena []byte
	var probes []probe
	occurrences := map[string]int{}
	var content []byte
	tooMany := false
	_ = scan(func(row *record.Contribution) error {
		if len(probes) >= autoBit-1 {
			tooMany = true
			return errTooManyRows
		}
		content = appendContent(content[:0], row)
		id := row.ID
		auto := len(id) == 0
		if auto {
			tuple := string(content)
			id = autoID(row, occurrences[tuple])
			occurrences[tuple]++
		}
		off := len(arena)
		arena = binary.BigEndian.AppendUint64(append(arena, prefixContribution), round)
		arena = append(arena, id...)
		q := probe{off: off, n: uint32(len(arena) - off), hash: maphash.Bytes(seed, content), row: uint32(len(probes))}
		if auto {
			q.row |= autoBit
		}
		probes = append(probes, q)
		return nil
	})
	if tooMany { // not worth sorting: look each row up as Import does
		return nil, nil
	}
	p := &storedIDs{verdict: make([]byte, len(probes)), first: -1}
	if len(probes) == 0 {
		return p, nil
	}
	key := func(q *probe) []byte { return arena[q.off : q.off+int(q.n)] }
	slices.SortFunc(probes, func(a, b probe) int {
		if c := bytes.Compare(key(&a), key(&b)); c != 0 {
			return c
		}
		return a.index() - b.index()
	})
	it, err := s.rd.NewIter(&pebble.IterOptions{LowerBound: contribKey(round, nil), UpperBound: contribKey(round+1, nil)})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var (
		prev       []byte
		found      bool
		storedHash uint64
		decoded    bool
		damaged    bool
	)
	for i := range probes {
		q := &probes[i]
		k := key(q)
		if prev == nil || !bytes.Equal(k, prev) {
			prev, decoded = k, false
			found = it.SeekGE(k) && bytes.Equal(it.Key(), k)
		}
		if !found {
			continue // idNew
		}
		i := q.index()
		if q.row&autoBit != 0 {
			p.verdict[i] = idSame
			continue
		}
		if !decoded {
			var old record.Contribution
			damaged = decodeContribution(it.Value(), &old) != nil // the second run reports it
			if !damaged {
				storedHash = maphash.Bytes(seed, encodeContent(&old))
			}
			decoded = true
		}
		if !damaged && q.hash == storedHash {
			p.verdict[i] = idSame
			continue
		}
		p.verdict[i] = idOther
		if p.first < 0 || i < p.first {
			p.first, p.value = i, bytes.Clone(it.Value())
		}
	}
	return p, it.Error()
}
