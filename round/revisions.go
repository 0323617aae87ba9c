package round

import (
	"encoding/json"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/store"
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
	BaseRoot     common.Hash    `json:"baseRoot"`
	Coefficients *RevisionInput `json:"coefficients,omitempty"`
	Deny         *RevisionInput `json:"deny,omitempty"`
	Overrides    Overrides      `json:"overrides"`
	// DeniedDonors is how many of the deny list's donors contributed to the
	// round, Denied how many contributions the revision left out.
	DeniedDonors int            `json:"deniedDonors"`
	Denied       int            `json:"deniedContributions"`
	Report       *payout.Report `json:"report"`
	Diff         []GapDiff      `json:"diff"`
}

// AddRevision stores rev (and its tree, nil when it matches nothing) as
// round n's next revision and returns it numbered; the round's own records
// are not written (see [store.Store.AddRevisionRecord]).
func AddRevision(s *store.Store, n uint64, rev Revision, tree *merkle.Tree) (Revision, error) {
	_, err := s.AddRevisionRecord(n, rev.BaseRoot, func(number uint64) ([]byte, error) {
		rev.Round, rev.Number = n, number
		return json.Marshal(rev)
	}, tree)
	return rev, err
}

// Revisions returns round n's revisions in order.
func Revisions(s *store.Store, n uint64) ([]Revision, error) {
	recs, err := s.RevisionRecords(n)
	if err != nil {
		return nil, err
	}
	out := make([]Revision, 0, len(recs))
	for _, v := range recs {
		var rev Revision
		if err := json.Unmarshal(v, &rev); err != nil {
			return nil, fmt.Errorf("round %d revision record: %w: %v", n, store.ErrBadRevision, err)
		}
		out = append(out, rev)
	}
	return out, nil
}

// StoredRevision returns round n's revision rev and its tree (nil when it
// matches nothing).
func StoredRevision(s *store.Store, n, rev uint64) (*Revision, *merkle.Tree, error) {
	v, tree, err := s.RevisionRecord(n, rev)
	if err != nil {
		return nil, nil, err
	}
	var out Revision
	if err := json.Unmarshal(v, &out); err != nil {
		return nil, nil, fmt.Errorf("round %d revision %d: %w: %v", n, rev, store.ErrBadRevision, err)
	}
	return &out, tree, nil
}
