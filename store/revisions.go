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
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
)

var (
	// ErrNoRevision reports a revision number a round does not have.
	ErrNoRevision = errors.New("no such revision")
	// ErrBadRevision reports a stored revision that does not decode.
	ErrBadRevision = errors.New("damaged revision record")
)

// RevisionInput is a file a revision was computed with.
type RevisionInput struct {
	File   string `json:"file"`
	SHA256 string `json:"sha256"`
	// Rows is how many donors the file named (coefficients: the donors it
	// overrides; deny list: every donor it lists).
	Rows int `json:"rows"`
}

// Revision is a closed round's calculation rerun with other coefficients
// and/or a deny list, stored beside the round (never in place of it): its
// own report and root, what it changed, and its diff against the round.
type Revision struct {
	Round  uint64      `json:"round"`
	Number uint64      `json:"revision"`
	Root   common.Hash `json:"root"`
	// BaseRoot is the round's root the revision was computed against.
	BaseRoot     common.Hash     `json:"baseRoot"`
	Coefficients *RevisionInput  `json:"coefficients,omitempty"`
	Deny         *RevisionInput  `json:"deny,omitempty"`
	Overrides    round.Overrides `json:"overrides"`
	// DeniedDonors is how many of the deny list's donors contributed to the
	// round, Denied how many contributions the revision left out.
	DeniedDonors int             `json:"deniedDonors"`
	Denied       int             `json:"deniedContributions"`
	Report       *payout.Report  `json:"report"`
	Diff         []round.GapDiff `json:"diff"`
}

func revisionKey(prefix byte, n, rev uint64) []byte {
	k := make([]byte, 17)
	k[0] = prefix
	binary.BigEndian.PutUint64(k[1:], n)
	binary.BigEndian.PutUint64(k[9:], rev)
	return k
}

// AddRevision stores rev (and its tree, nil when it matches nothing) as
// round n's next revision, in one batch, and returns it numbered. The
// round must be closed (or submitted) and not cqf; the round's own
// records are not written.
func (s *Store) AddRevision(n uint64, rev Revision, tree *merkle.Tree) (Revision, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.closed(n)
	if err != nil {
		return rev, err
	}
	if r.Config.Mechanism == calc.CQFName {
		return rev, fmt.Errorf("round %d: %w", n, ErrCQFRound)
	}
	if r.Status == StatusVoid {
		return rev, fmt.Errorf("round %d is void: nothing to revise", n)
	}
	if rev.BaseRoot != r.Root {
		return rev, fmt.Errorf("round %d: its root is %s, the revision was computed against %s", n, r.Root.Hex(), rev.BaseRoot.Hex())
	}
	last, err := s.lastRevision(n)
	if err != nil {
		return rev, err
	}
	rev.Round, rev.Number = n, last+1
	b := s.db.NewBatch()
	defer b.Close()
	v, err := json.Marshal(rev)
	if err != nil {
		return rev, err
	}
	if err := b.Set(revisionKey('V', n, rev.Number), v, nil); err != nil {
		return rev, err
	}
	if tree != nil {
		tv, err := json.Marshal(tree)
		if err != nil {
			return rev, err
		}
		if err := b.Set(revisionKey('W', n, rev.Number), tv, nil); err != nil {
			return rev, err
		}
	}
	return rev, b.Commit(pebble.Sync)
}

func (s *Store) lastRevision(n uint64) (uint64, error) {
	it, err := s.rd.NewIter(&pebble.IterOptions{LowerBound: revisionKey('V', n, 0), UpperBound: roundKey('V', n+1)})
	if err != nil {
		return 0, err
	}
	defer it.Close()
	if !it.Last() {
		return 0, it.Error()
	}
	return binary.BigEndian.Uint64(it.Key()[9:]), nil
}

// Revisions returns round n's revisions in order.
func (s *Store) Revisions(n uint64) ([]Revision, error) {
	if _, err := s.Round(n); err != nil {
		return nil, err
	}
	it, err := s.rd.NewIter(&pebble.IterOptions{LowerBound: revisionKey('V', n, 0), UpperBound: roundKey('V', n+1)})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	out := []Revision{}
	for ok := it.First(); ok; ok = it.Next() {
		var rev Revision
		if err := json.Unmarshal(it.Value(), &rev); err != nil {
			return nil, fmt.Errorf("round %d revision record: %w: %v", n, ErrBadRevision, err)
		}
		out = append(out, rev)
	}
	return out, it.Error()
}

// Revision returns round n's revision rev and its tree (nil when it
// matches nothing).
func (s *Store) Revision(n, rev uint64) (*Revision, *merkle.Tree, error) {
	if _, err := s.Round(n); err != nil {
		return nil, nil, err
	}
	v, ok, err := s.get(revisionKey('V', n, rev))
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		return nil, nil, fmt.Errorf("%w: round %d has no revision %d (qf revision list --round %d)", ErrNoRevision, n, rev, n)
	}
	var out Revision
	if err := json.Unmarshal(v, &out); err != nil {
		return nil, nil, fmt.Errorf("round %d revision %d: %w: %v", n, rev, ErrBadRevision, err)
	}
	tv, ok, err := s.get(revisionKey('W', n, rev))
	if err != nil || !ok {
		return &out, nil, err
	}
	var t merkle.Tree
	if err := json.Unmarshal(tv, &t); err != nil {
		return nil, nil, fmt.Errorf("round %d revision %d tree: %w", n, rev, err)
	}
	return &out, &t, nil
}
