package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/cockroachdb/pebble/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/merkle"
)

var (
	// ErrNoRevision reports a revision number a round does not have.
	ErrNoRevision = errors.New("no such revision")
	// ErrBadRevision reports a stored revision that does not decode.
	ErrBadRevision = errors.New("damaged revision record")
)

// Revisions of closed rounds (package round computes them and defines
// their record, round.Revision): the store keeps each as the bytes it is
// handed, beside the round and never in place of it.

func revisionKey(prefix byte, n, rev uint64) []byte {
	k := make([]byte, 17)
	k[0] = prefix
	binary.BigEndian.PutUint64(k[1:], n)
	binary.BigEndian.PutUint64(k[9:], rev)
	return k
}

// AddRevisionRecord stores round n's next revision, in one batch, and
// returns its number: record makes the revision's record (JSON) once its
// number is known, tree is its payout tree (nil when it matches nothing).
// The round must be closed (or submitted), not void and not cqf, with root
// baseRoot (what the revision was computed against); the round's own
// records are not written.
func (s *Store) AddRevisionRecord(n uint64, baseRoot common.Hash, record func(number uint64) ([]byte, error), tree *merkle.Tree) (uint64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.closed(n)
	if err != nil {
		return 0, err
	}
	if r.Config.Mechanism == calc.CQFName {
		return 0, fmt.Errorf("round %d: %w", n, ErrCQFRound)
	}
	if r.Status == StatusVoid {
		return 0, fmt.Errorf("round %d is void: nothing to revise", n)
	}
	if baseRoot != r.Root {
		return 0, fmt.Errorf("round %d: its root is %s, the revision was computed against %s", n, r.Root.Hex(), baseRoot.Hex())
	}
	last, err := s.lastRevision(n)
	if err != nil {
		return 0, err
	}
	number := last + 1
	v, err := record(number)
	if err != nil {
		return 0, err
	}
	if !json.Valid(v) {
		return 0, fmt.Errorf("%w: round %d revision %d is not JSON", ErrBadRevision, n, number)
	}
	b := s.db.NewBatch()
	defer b.Close()
	if err := b.Set(revisionKey(PrefixRevision, n, number), v, nil); err != nil {
		return 0, err
	}
	if tree != nil {
		tv, err := json.Marshal(tree)
		if err != nil {
			return 0, err
		}
		if err := b.Set(revisionKey(PrefixRevisionTree, n, number), tv, nil); err != nil {
			return 0, err
		}
	}
	if err := s.commitLocked(b); err != nil { // s.mu is held above
		return 0, err
	}
	return number, nil
}

func (s *Store) lastRevision(n uint64) (uint64, error) {
	it, err := s.rd.NewIter(&pebble.IterOptions{LowerBound: revisionKey(PrefixRevision, n, 0), UpperBound: roundKey(PrefixRevision, n+1)})
	if err != nil {
		return 0, err
	}
	defer it.Close()
	if !it.Last() {
		return 0, it.Error()
	}
	return binary.BigEndian.Uint64(it.Key()[9:]), nil
}

// RevisionRecords returns round n's revision records in order.
func (s *Store) RevisionRecords(n uint64) ([][]byte, error) {
	if _, err := s.Round(n); err != nil {
		return nil, err
	}
	it, err := s.rd.NewIter(&pebble.IterOptions{LowerBound: revisionKey(PrefixRevision, n, 0), UpperBound: roundKey(PrefixRevision, n+1)})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	out := [][]byte{}
	for ok := it.First(); ok; ok = it.Next() {
		out = append(out, append([]byte(nil), it.Value()...))
	}
	return out, it.Error()
}

// RevisionRecord returns round n's revision rev's record and its tree (nil
// when it matches nothing).
func (s *Store) RevisionRecord(n, rev uint64) ([]byte, *merkle.Tree, error) {
	if _, err := s.Round(n); err != nil {
		return nil, nil, err
	}
	v, ok, err := s.get(revisionKey(PrefixRevision, n, rev))
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		return nil, nil, fmt.Errorf("%w: round %d has no revision %d", ErrNoRevision, n, rev)
	}
	tv, ok, err := s.get(revisionKey(PrefixRevisionTree, n, rev))
	if err != nil || !ok {
		return v, nil, err
	}
	var t merkle.Tree
	if err := json.Unmarshal(tv, &t); err != nil {
		return nil, nil, fmt.Errorf("round %d revision %d tree: %w: %v", n, rev, ErrBadRevision, err)
	}
	return v, &t, nil
}
