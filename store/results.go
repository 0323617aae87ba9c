package store

import (
	"encoding/json"
	"fmt"

	"github.com/cockroachdb/pebble/v2"

	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
)

// Close closes a round with its results in one batch: the report, the tree
// (nil when nothing was matched) and the status. It fails if the round is
// not open, so a round is closed once.
func (s *Store) CloseRound(n uint64, rep *payout.Report, tree *merkle.Tree) (Round, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.Round(n)
	if err != nil {
		return r, err
	}
	if r.Status != StatusOpen {
		return r, fmt.Errorf("%w: round %d is already %s (root %s)", ErrRoundClosed, n, r.Status, r.Root)
	}
	b := s.db.NewBatch()
	defer b.Close()
	if err := s.closeInto(b, &r, rep, tree); err != nil {
		return r, err
	}
	return r, b.Commit(pebble.Sync)
}

// closeInto adds a round's closing to b: the report, the tree (if any),
// the root and the closed status.
func (s *Store) closeInto(b *pebble.Batch, r *Round, rep *payout.Report, tree *merkle.Tree) error {
	rv, err := json.Marshal(rep)
	if err != nil {
		return err
	}
	if err := b.Set(roundKey('R', r.Number), rv, nil); err != nil {
		return err
	}
	if tree != nil {
		tv, err := json.Marshal(tree)
		if err != nil {
			return err
		}
		if err := b.Set(roundKey('T', r.Number), tv, nil); err != nil {
			return err
		}
		r.Root = tree.Root()
	}
	r.Status = StatusClosed
	return s.putRound(b, *r)
}

// Report returns a closed round's results.
func (s *Store) Report(n uint64) (*payout.Report, error) {
	if _, err := s.closed(n); err != nil {
		return nil, err
	}
	v, _, err := s.get(roundKey('R', n))
	if err != nil {
		return nil, err
	}
	var rep payout.Report
	return &rep, json.Unmarshal(v, &rep)
}

// Tree returns a closed round's tree, validated on load.
func (s *Store) Tree(n uint64) (*merkle.Tree, error) {
	if _, err := s.closed(n); err != nil {
		return nil, err
	}
	v, ok, err := s.get(roundKey('T', n))
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("round %d: %w", n, payout.ErrNoPayouts)
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
