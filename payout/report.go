package payout

import (
	"github.com/ethereum/go-ethereum/common"

	"github.com/qf-dev/qf/calc"
)

// Report is the published outcome of a round, as `qf calc --json` prints it
// and the store keeps it. Amounts are decimal strings in base units.
type Report struct {
	Root          common.Hash `json:"root"`
	Leaf          Leaf        `json:"leaf,omitempty"`
	Pool          string      `json:"pool"`
	Mechanism     string      `json:"mechanism"`
	Matched       string      `json:"matched"`
	Unspent       string      `json:"unspent"`
	Direct        string      `json:"direct"`
	Contributions int         `json:"contributions"`
	Donors        int         `json:"donors"`
	// Voided counts a stored round's voided contributions, which the
	// figures leave out.
	Voided int         `json:"voided,omitempty"`
	Gaps   []GapReport `json:"gaps"`
}

// GapReport is one gap's line in a [Report].
type GapReport struct {
	Gap       string  `json:"gap"`
	Recipient Address `json:"recipient"`
	// RecipientID is the gap's Allo v2 recipientId, when it has one.
	RecipientID  *Address `json:"recipientId,omitempty"`
	Contributors int      `json:"contributors"`
	Direct       string   `json:"direct"`
	Match        string   `json:"match"`
	Capped       bool     `json:"capped,omitempty"`
}

// NewReport summarizes a result; root is the tree's root (zero if no tree).
func NewReport(r *calc.Result, root common.Hash, leaf Leaf) *Report {
	u := r.Unspent()
	rep := &Report{Root: root, Leaf: leaf, Pool: r.Pool.Dec(), Mechanism: r.Mechanism, Matched: r.Matched.Dec(), Unspent: u.Dec(),
		Direct: r.Direct.Dec(), Contributions: r.Rows, Donors: r.Donors, Gaps: make([]GapReport, len(r.Gaps))}
	for i, g := range r.Gaps {
		rep.Gaps[i] = GapReport{Gap: g.Gap.Dec(), Recipient: Address(g.Recipient), Contributors: g.Contributors, Direct: g.Direct.Dec(), Match: g.Match.Dec(), Capped: g.Capped}
		if g.RecipientID != (common.Address{}) {
			id := Address(g.RecipientID)
			rep.Gaps[i].RecipientID = &id
		}
	}
	return rep
}
