package store

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/cockroachdb/pebble/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
)

// Close closes a round with its results in one batch: the report, the tree
// (nil when nothing was matched) and the status. It fails if the round is
// not open, so a round is closed once, or is a cqf round.
func (s *Store) CloseRound(n uint64, rep *payout.Report, tree *merkle.Tree) (Round, error) {
	return s.closeRound(n, 'R', rep, tree)
}

// closeRound closes round n with its results under kind ('R' for pool
// rounds, 'Q' for cqf rounds, which must match the round's mechanism).
func (s *Store) closeRound(n uint64, kind byte, results any, tree *merkle.Tree) (Round, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.Round(n)
	if err != nil {
		return r, err
	}
	if isCQF := r.Config.Mechanism == calc.CQFName; isCQF != (kind == 'Q') {
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
	return r, b.Commit(pebble.Sync)
}

// notCQF refuses a coordinated-QF operation on a pool round.
func notCQF(r Round) error {
	return fmt.Errorf("round %d is a %s round, not %s", r.Number, r.Config.Mechanism, calc.CQFName)
}

// closeInto adds a round's closing to b: its results under key prefix kind
// ('R' a report, 'Q' a coordinated-QF outcome), the tree (if any), the root
// and the closed status.
func (s *Store) closeInto(b *pebble.Batch, r *Round, kind byte, results any, tree *merkle.Tree) error {
	rv, err := json.Marshal(results)
	if err != nil {
		return err
	}
	if err := b.Set(roundKey(kind, r.Number), rv, nil); err != nil {
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
	r, err := s.closed(n)
	if err != nil {
		return nil, err
	}
	if r.Config.Mechanism == calc.CQFName {
		return nil, fmt.Errorf("round %d: %w", n, ErrCQFRound)
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

// ErrCQFRound reports a pool-round operation asked of a coordinated-QF
// round, whose results are pledges, not matches.
var ErrCQFRound = errors.New("a coordinated-QF round has pledge results, not a matching report")

// CloseCQFRound closes a coordinated-QF round with its outcome and tree
// in one batch. It fails if the round is not open or not cqf.
func (s *Store) CloseCQFRound(n uint64, out *round.CQFOutcome) (Round, error) {
	return s.closeRound(n, 'Q', out, out.Tree)
}

// CQFOutcome returns a closed coordinated-QF round's outcome with its tree.
func (s *Store) CQFOutcome(n uint64) (*round.CQFOutcome, error) {
	r, err := s.closed(n)
	if err != nil {
		return nil, err
	}
	if r.Config.Mechanism != calc.CQFName {
		return nil, notCQF(r)
	}
	v, ok, err := s.get(roundKey('Q', n))
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("round %d: %w: no coordinated-QF outcome stored", n, ErrBadRecord)
	}
	var out round.CQFOutcome
	if err := json.Unmarshal(v, &out); err != nil {
		return nil, fmt.Errorf("round %d outcome: %w", n, err)
	}
	if out.Tree, err = s.Tree(n); err != nil && !errors.Is(err, payout.ErrNoPayouts) {
		return nil, err
	}
	return &out, nil
}

// Pledges returns a coordinated-QF round's stored pledges in join order
// (arrival sequence; records without one, from older versions, by id).
func (s *Store) Pledges(n uint64) ([]round.PledgeRow, error) {
	var rows []round.PledgeRow
	var seqs []uint64
	err := s.EachContribution(n, func(r *ingest.Row) error {
		rows = append(rows, round.PledgeFromRow(r))
		seqs = append(seqs, r.Seq)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Sort positions, not the rows (large structs); ids break ties among
	// old records, as EachContribution yields id order.
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(seqs[a], seqs[b]) })
	out := make([]round.PledgeRow, len(rows))
	for i, j := range order {
		out[i] = rows[j]
	}
	return out, nil
}
