package store

import (
	"github.com/cockroachdb/pebble/v2"

	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/record"
)

// The records layer the ledger (package ledger) builds on: reads of one
// key or a key range, atomic batches applied under the store's writer lock
// with fail-stop on error, and the encodings of the records it shares with
// the store (rounds, contributions, results). Every key is built by the
// functions of keys.go.

// Get reads one record's value (a copy); found is false if it is absent.
func (s *Store) Get(key []byte) (v []byte, found bool, err error) { return s.get(key) }

// NewIter iterates the keys in [lower, upper) of the store (or of the
// snapshot it is). The caller closes it.
func (s *Store) NewIter(lower, upper []byte) (*pebble.Iterator, error) {
	return s.rd.NewIter(&pebble.IterOptions{LowerBound: lower, UpperBound: upper})
}

// NewBatch starts an atomic write; apply it with [Store.Apply] and close it
// (defer b.Close()) either way.
func (s *Store) NewBatch() *pebble.Batch { return s.db.NewBatch() }

// Apply applies b under the store's writer lock (fsynced if sync); a failed
// write fails the store (see [Options.OnFail]): nothing after it is written.
func (s *Store) Apply(b *pebble.Batch, sync bool) error {
	opt := pebble.NoSync
	if sync {
		opt = pebble.Sync
	}
	return s.apply(b, opt)
}

// apply applies a batch under the store's writer lock; a failure fails
// the store.
func (s *Store) apply(b *pebble.Batch, opt *pebble.WriteOptions) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.db.Apply(b, opt); err != nil {
		return s.fail(err)
	}
	return nil
}

// commitLocked applies b, fsynced, for a caller that holds the store's
// writer lock: refused when the store cannot take writes ([Store.Writable]),
// and a failed write fails the store.
func (s *Store) commitLocked(b *pebble.Batch) error {
	if err := s.writable(); err != nil {
		return err
	}
	if err := b.Commit(pebble.Sync); err != nil {
		return s.fail(err)
	}
	return nil
}

// setLocked writes one record, fsynced, for a caller that holds the
// store's writer lock, with [Store.commitLocked]'s refusal and fail-stop.
func (s *Store) setLocked(key, value []byte) error {
	if err := s.writable(); err != nil {
		return err
	}
	if err := s.db.Set(key, value, pebble.Sync); err != nil {
		return s.fail(err)
	}
	return nil
}

// SyncWAL makes every applied write durable. Pebble's WAL is written in
// order, so this covers every batch applied before it, whoever applied it.
func (s *Store) SyncWAL() error {
	if err := s.Failed(); err != nil {
		return err
	}
	if err := s.db.LogData(nil, pebble.Sync); err != nil {
		return s.fail(err)
	}
	return nil
}

// Writable refuses a write when the store has failed or its free space is
// below [Options.MinFree].
func (s *Store) Writable() error { return s.writable() }

// Fail records a storage failure (the store refuses writes from then on)
// and returns it wrapped in [ErrStorage].
func (s *Store) Fail(err error) error { return s.fail(err) }

// Locked runs fn under the store's writer lock (no batch is applied
// meanwhile).
func (s *Store) Locked(fn func() error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fn()
}

// PutRound adds round r's record to b.
func (s *Store) PutRound(b *pebble.Batch, r Round) error { return s.putRound(b, r) }

// CloseInto adds a round's closing to b: its results record (kind
// [PrefixReport] for a pool round's report, [PrefixCQFOutcome] for a
// coordinated-QF outcome), the tree (if any), the root and the closed
// status.
func (s *Store) CloseInto(b *pebble.Batch, r *Round, kind byte, results []byte, tree *merkle.Tree) error {
	return s.closeInto(b, r, kind, results, tree)
}

// RoundExists reports whether round n has a record.
func (s *Store) RoundExists(n uint64) (bool, error) {
	_, ok, err := s.get(roundKey(prefixRound, n))
	return ok, err
}

// PutContribution adds contribution row (id) of round n to b, in the
// store's encoding.
func PutContribution(b *pebble.Batch, n uint64, id []byte, row *record.Contribution) error {
	return b.Set(contribKey(n, id), encodeContribution(row), nil)
}

// DeleteContribution adds the deletion of round n's contribution id to b.
func DeleteContribution(b *pebble.Batch, n uint64, id []byte) error {
	return b.Delete(contribKey(n, id), nil)
}

// HasContribution reports whether round n holds a contribution with id.
func (s *Store) HasContribution(n uint64, id []byte) (bool, error) {
	_, ok, err := s.get(contribKey(n, id))
	return ok, err
}

// NotCQF is the error refusing a coordinated-QF operation on round r.
func NotCQF(r Round) error { return notCQF(r) }
