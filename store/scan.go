package store

import (
	"fmt"

	"github.com/cockroachdb/pebble/v2"

	"github.com/qf-dev/qf/record"
)

// Reading a round's rows is two jobs: walking Pebble's blocks, and what
// the caller does with each row (a tally's donor lookups, the checks). On
// more than one core they overlap: one goroutine walks the round and
// copies its raw records into batches, the caller's goroutine decodes
// them and calls fn, in key order as before, with the same errors.

// scanBatchRows is how many records a batch carries.
const scanBatchRows = 2048

// scanBatch is raw records: record i's id is arena[ends[2i-1]:ends[2i]]
// and its value arena[ends[2i]:ends[2i+1]] (with ends[-1] = 0).
type scanBatch struct {
	arena []byte
	ends  []int
	err   error // the iterator's error, after the records before it
}

// eachRaw walks round's contribution records in key order on its own
// goroutine and calls fn with each batch, in order, on the caller's. It
// stops at fn's first error and returns it, or returns the iterator's.
func (s *Store) eachRaw(round uint64, fn func(b *scanBatch) error) error {
	it, err := s.rd.NewIter(&pebble.IterOptions{LowerBound: contribKey(round, nil), UpperBound: contribKey(round+1, nil)})
	if err != nil {
		return err
	}
	full := make(chan *scanBatch, 2)
	free := make(chan *scanBatch, 3)
	stop := make(chan struct{})
	for range cap(free) {
		free <- &scanBatch{}
	}
	go func() {
		defer close(full)
		defer it.Close()
		var b *scanBatch
		send := func() bool {
			select {
			case full <- b:
				b = nil
				return true
			case <-stop:
				return false
			}
		}
		for ok := it.First(); ok; ok = it.Next() {
			if b == nil {
				select {
				case b = <-free:
					b.arena, b.ends, b.err = b.arena[:0], b.ends[:0], nil
				case <-stop:
					return
				}
			}
			b.arena = append(b.arena, it.Key()[9:]...)
			b.ends = append(b.ends, len(b.arena))
			b.arena = append(b.arena, it.Value()...)
			b.ends = append(b.ends, len(b.arena))
			if len(b.ends) == 2*scanBatchRows && !send() {
				return
			}
		}
		if err := it.Error(); err != nil {
			if b == nil {
				b = &scanBatch{}
			}
			b.err = err
		}
		if b != nil {
			send()
		}
	}()
	defer func() {
		close(stop)
		for range full { // let the walker finish before the iterator's store may close
		}
	}()
	for b := range full {
		if err := fn(b); err != nil {
			return err
		}
		if b.err != nil {
			return b.err
		}
		free <- b
	}
	return nil
}

// eachStoredRow is [Store.EachStored]'s loop over the raw batches.
func (s *Store) eachStoredRow(round uint64, voids map[string]Void, fn func(r *record.Contribution, v *Void) error) error {
	var row record.Contribution
	return s.eachRaw(round, func(b *scanBatch) error {
		start := 0
		for i := 0; i < len(b.ends); i += 2 {
			id, val := b.arena[start:b.ends[i]], b.arena[b.ends[i]:b.ends[i+1]]
			start = b.ends[i+1]
			row = record.Contribution{ID: id}
			if err := decodeContribution(val, &row); err != nil {
				return fmt.Errorf("round %d contribution %q: %w", round, row.ID, err)
			}
			var v *Void
			if len(voids) > 0 {
				if x, ok := voids[string(row.ID)]; ok {
					v = &x
				}
			}
			if err := fn(&row, v); err != nil {
				return err
			}
		}
		return nil
	})
}
