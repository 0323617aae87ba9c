package store

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/cockroachdb/pebble/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/merkle"
)

// CloseRound closes a round with its results in one batch: the report
// record (the JSON of a payout.Report, as package round encodes it), the
// tree (nil when nothing was matched) and the status. It fails if the
// round is not open, so a round is closed once, or is a cqf round.
func (s *Store) CloseRound(n uint64, report []byte, tree *merkle.Tree) (Round, error) {
	return s.closeRound(n, PrefixReport, report, tree)
}

// closeRound closes round n with its results under kind ('R' for pool
// rounds, 'Q' for cqf rounds, which must match the round's mechanism).
func (s *Store) closeRound(n uint64, kind byte, results []byte, tree *merkle.Tree) (Round, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.Round(n)
	if err != nil {
		return r, err
	}
	if isCQF := r.Config.Mechanism == calc.CQFName; isCQF != (kind == PrefixCQFOutcome) {
		if isCQF {
			return r, fmt.Errorf("round %d: %w", n, ErrCQFRound)
		}
		return r, notCQF(r)
	}
	if r.Status != StatusOpen {
		return r, fmt.Errorf("%w: round %d is already %s (root %s)", ErrRoundClosed, n, r.Status, r.Root)
	}
	b := s.db.NewBatch()
	defer b.Close()
	if err := s.closeInto(b, &r, kind, results, tree); err != nil {
		return r, err
	}
	return r, s.commitLocked(b) // s.mu is held above
}

// notCQF refuses a coordinated-QF operation on a pool round.
func notCQF(r Round) error {
	return fmt.Errorf("round %d is a %s round, not %s", r.Number, r.Config.Mechanism, calc.CQFName)
}

// closeInto adds a round's closing to b: its results record under key
// prefix kind ('R' a report, 'Q' a coordinated-QF outcome; nil is stored
// as JSON null), the tree (if any), the root and the closed status.
func (s *Store) closeInto(b *pebble.Batch, r *Round, kind byte, results []byte, tree *merkle.Tree) error {
	if results == nil {
		results = []byte("null")
	}
	if !json.Valid(results) {
		return fmt.Errorf("%w: round %d's results are not JSON", ErrBadRecord, r.Number)
	}
	if err := b.Set(roundKey(kind, r.Number), results, nil); err != nil {
		return err
	}
	if tree != nil {
		tv, err := json.Marshal(tree)
		if err != nil {
			return err
		}
		if err := b.Set(roundKey(prefixTree, r.Number), tv, nil); err != nil {
			return err
		}
		r.Root = tree.Root()
	}
	r.Status = StatusClosed
	if err := clearSumsInto(b, r.Number); err != nil { // an open round's statistics: no use once closed
		return err
	}
	return s.putRound(b, *r)
}

// ReportRecord returns a closed pool round's report record (the JSON
// package round stored with [Store.CloseRound]; round.StoredReport decodes
// it).
func (s *Store) ReportRecord(n uint64) ([]byte, error) {
	r, err := s.closed(n)
	if err != nil {
		return nil, err
	}
	if r.Config.Mechanism == calc.CQFName {
		return nil, fmt.Errorf("round %d: %w", n, ErrCQFRound)
	}
	v, _, err := s.get(roundKey(PrefixReport, n))
	return v, err
}

// Tree returns a closed round's tree, validated on load.
func (s *Store) Tree(n uint64) (*merkle.Tree, error) {
	if _, err := s.closed(n); err != nil {
		return nil, err
	}
	v, ok, err := s.get(roundKey(prefixTree, n))
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("round %d: %w", n, merkle.ErrNoPayouts)
	}
	var t merkle.Tree
	if err := json.Unmarshal(v, &t); err != nil {
		return nil, fmt.Errorf("round %d tree: %w", n, err)
	}
	return &t, nil
}

func (s *Store) closed(n uint64) (Round, error) {
	r, err := s.Round(n)
	if err != nil {
		return r, err
	}
	if r.Status == StatusOpen {
		return r, fmt.Errorf("round %d: %w", n, ErrRoundOpen)
	}
	return r, nil
}

// ErrCQFRound reports a pool-round operation asked of a coordinated-QF
// round, whose results are pledges, not matches.
var ErrCQFRound = errors.New("a coordinated-QF round has pledge results, not a matching report")

// CloseCQFRound closes a coordinated-QF round with its outcome record
// (the JSON of a round.CQFOutcome) and tree in one batch. It fails if the
// round is not open or not cqf.
func (s *Store) CloseCQFRound(n uint64, outcome []byte, tree *merkle.Tree) (Round, error) {
	return s.closeRound(n, PrefixCQFOutcome, outcome, tree)
}

// CQFOutcomeRecord returns a closed coordinated-QF round's outcome record
// with its tree (nil if the round paid nothing); round.StoredCQFOutcome
// decodes it.
func (s *Store) CQFOutcomeRecord(n uint64) ([]byte, *merkle.Tree, error) {
	r, err := s.closed(n)
	if err != nil {
		return nil, nil, err
	}
	if r.Config.Mechanism != calc.CQFName {
		return nil, nil, notCQF(r)
	}
	v, ok, err := s.get(roundKey(PrefixCQFOutcome, n))
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		return nil, nil, fmt.Errorf("round %d: %w: no coordinated-QF outcome stored", n, ErrBadRecord)
	}
	tree, err := s.Tree(n)
	if err != nil && !errors.Is(err, merkle.ErrNoPayouts) {
		return nil, nil, err
	}
	return v, tree, nil
}
