package round

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/cqf"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/record"
)

// ErrRefundAddress reports a coordinated-QF pledger that is not an
// address: its refund is a leaf, so it must be payable.
var ErrRefundAddress = errors.New("coordinated QF pledgers must be 0x addresses (refunds are paid to them)")

// IsPledgerAddress reports whether a (canonical) donor can be paid a
// refund: a full 0x address. It is [record.IsPledgerAddress].
func IsPledgerAddress(donor string) bool { return record.IsPledgerAddress(donor) }

// PledgeRow is one pledge as read, in join order.
type PledgeRow struct {
	Line  int    // in its file; 0 for a stored pledge
	ID    string // a stored pledge's id
	Donor string // canonical
	Gap   uint256.Int
	Limit uint256.Int
}

// where names the row in an error: its file line or its stored id.
func (r *PledgeRow) where() string {
	if r.ID != "" {
		return fmt.Sprintf("pledge %q", r.ID)
	}
	return fmt.Sprintf("line %d", r.Line)
}

// PledgeFromRow turns a stored contribution of a cqf round into a pledge.
func PledgeFromRow(r *ingest.Row) PledgeRow {
	return PledgeRow{Line: r.Line, ID: string(r.ID), Donor: string(r.Donor), Gap: r.Gap, Limit: r.Amount}
}

// CQFSettingsFor reads a cqf round's settings from its configuration.
func CQFSettingsFor(cfg calc.Config) (CQFSettings, error) {
	if cfg.Mechanism != calc.CQFName {
		return CQFSettings{}, fmt.Errorf("%w: mechanism %q is not %s", calc.ErrMechanism, cfg.Mechanism, calc.CQFName)
	}
	if err := cfg.Validate(); err != nil {
		return CQFSettings{}, err
	}
	pol, linear, err := cqf.PolicyOf(cfg.Params)
	return CQFSettings{Policy: pol, Linear: linear}, err
}

// CQFPledgeOut is one pledge's outcome.
type CQFPledgeOut struct {
	Line         int          `json:"line,omitempty"`
	ID           string       `json:"id,omitempty"`
	Donor        string       `json:"donor"`
	Limit        *uint256.Int `json:"limit"`
	Sigma        string       `json:"sigma"`
	Pay          *uint256.Int `json:"pay"`
	Refund       *uint256.Int `json:"refund"`
	Leverage     float64      `json:"leverage"`               // on the margin
	JoinLeverage float64      `json:"joinLeverage,omitempty"` // immediate, when it joined
}

// CQFGapOut is one gap's outcome.
type CQFGapOut struct {
	Gap       string         `json:"gap"`
	Recipient string         `json:"recipient"`
	H         string         `json:"h"`
	Total     *uint256.Int   `json:"total"` // Σ pay: the recipient's leaf
	Limits    *uint256.Int   `json:"limits"`
	Pledges   []CQFPledgeOut `json:"pledges"`
}

// CQFOutcome is a computed coordinated-QF round: per gap the solution,
// and one tree whose leaves pay each recipient Σ pay and each pledger its
// refunds, so Σ leaves = Σ limits exactly.
type CQFOutcome struct {
	Gaps   []CQFGapOut  `json:"gaps"`
	Root   common.Hash  `json:"root"`
	Limits *uint256.Int `json:"limits"`
	Leaves *uint256.Int `json:"leaves"`
	// Refunds is Σ (limit − pay): leaves too, unless refunds go through
	// a ledger (CQFSettings.LedgerRefunds).
	Refunds *uint256.Int `json:"refunds"`
	Tree    *merkle.Tree `json:"-"`
}

// CQFSettings are a coordinated-QF round's settings.
type CQFSettings struct {
	Policy cqf.Policy
	Linear bool
	// JoinLeverage also computes each pledge's immediate leverage (solves
	// every prefix: up to cqf.MaxJoin pledges per gap, and an error
	// above).
	JoinLeverage bool
	// LedgerRefunds is for pledgers that are ledger accounts (any donor
	// id, as in qf serve): their refunds are credited by the ledger, so the
	// tree holds only the recipients' leaves and Σ leaves + Σ refunds =
	// Σ limits.
	LedgerRefunds bool
	// JoinLeverageUpTo, when JoinLeverage is off, computes it for the gaps
	// with at most this many pledges and leaves it out for larger ones.
	JoinLeverageUpTo int
	// TopUpsJoin gives every pledge its own place in the join order, a
	// second pledge by the same pledger to the same gap included (its
	// refund still adds up into one leaf). On-chain rounds use it: merged,
	// a tiny first pledge would hold an early place for a later large one.
	TopUpsJoin bool
}

// joinLeverage says whether a gap of n pledges gets immediate leverage.
func (s CQFSettings) joinLeverage(n int) bool {
	return s.JoinLeverage || n <= s.JoinLeverageUpTo
}

// ComputeCQF solves each gap's pledges (σ by join order within the gap; a
// pledger's repeated pledges to a gap count as one, at the first one's
// place, with the summed limit, unless set.TopUpsJoin) and builds the
// payout tree.
func ComputeCQF(gaps []calc.Gap, rows []PledgeRow, set CQFSettings) (*CQFOutcome, error) {
	index := map[uint256.Int]int{}
	for i, g := range gaps {
		index[g.ID] = i
	}
	type entry struct {
		line  int
		id    string
		name  string // the donor as stored
		donor common.Address
		limit uint256.Int
	}
	perGap := make([][]entry, len(gaps))
	seen := map[[2]string]int{}
	for _, r := range rows {
		gi, ok := index[r.Gap]
		if !ok {
			return nil, fmt.Errorf("%s: gap: %w: %s", r.where(), calc.ErrUnknownGap, r.Gap.Dec())
		}
		if !set.LedgerRefunds && !IsPledgerAddress(r.Donor) {
			return nil, fmt.Errorf("%s: donor %q: %w", r.where(), r.Donor, ErrRefundAddress)
		}
		key := [2]string{r.Gap.Dec(), r.Donor}
		if at, ok := seen[key]; ok && !set.TopUpsJoin {
			e := &perGap[gi][at]
			if _, over := e.limit.AddOverflow(&e.limit, &r.Limit); over {
				return nil, fmt.Errorf("%s: limit: %w", r.where(), calc.ErrOverflow)
			}
			continue
		}
		seen[key] = len(perGap[gi])
		perGap[gi] = append(perGap[gi], entry{line: r.Line, id: r.ID, name: r.Donor, donor: common.HexToAddress(r.Donor), limit: r.Limit})
	}
	out := &CQFOutcome{}
	var payouts []merkle.Payout
	limits, leaves, refunds := new(big.Int), new(big.Int), new(big.Int)
	for gi, es := range perGap {
		if len(es) == 0 {
			continue
		}
		g := gaps[gi]
		ls := make([]uint256.Int, len(es))
		for i, e := range es {
			ls[i] = e.limit
		}
		ps := set.Policy.Pledges(ls)
		sol, err := cqf.Solve(ps, set.Linear)
		if err != nil {
			return nil, fmt.Errorf("gap %s: %w", g.ID.Dec(), err)
		}
		var join []*big.Rat
		if set.joinLeverage(len(ps)) {
			if join, err = cqf.JoinLeverage(ps, set.Linear); err != nil {
				return nil, fmt.Errorf("gap %s: %w", g.ID.Dec(), err)
			}
		}
		gl := new(big.Int)
		// One leaf per address in the gap: the recipient's Σ pay plus, if
		// it pledged too, its refund.
		amounts := map[common.Address]*uint256.Int{g.Recipient: new(uint256.Int).Set(&sol.Total)}
		order := []common.Address{g.Recipient}
		gout := CQFGapOut{Gap: g.ID.Dec(), Recipient: g.Recipient.Hex(), H: sol.H.Text('g', 15), Total: new(uint256.Int).Set(&sol.Total)}
		for i, e := range es {
			gl.Add(gl, e.limit.ToBig())
			donor := e.donor.Hex()
			if set.LedgerRefunds {
				donor = e.name
			}
			po := CQFPledgeOut{Line: e.line, ID: e.id, Donor: donor, Limit: new(uint256.Int).Set(&e.limit), Sigma: ps[i].Sigma.RatString(),
				Pay: new(uint256.Int).Set(&sol.Pay[i]), Refund: new(uint256.Int).Set(&sol.Refund[i]), Leverage: sol.Leverage[i]}
			if join != nil && join[i] != nil {
				po.JoinLeverage, _ = join[i].Float64()
			}
			gout.Pledges = append(gout.Pledges, po)
			refunds.Add(refunds, sol.Refund[i].ToBig())
			if set.LedgerRefunds {
				continue
			}
			if a, ok := amounts[e.donor]; ok {
				a.Add(a, &sol.Refund[i]) // Σ ≤ Σ limits of the gap < 2^256: checked below
			} else {
				amounts[e.donor] = new(uint256.Int).Set(&sol.Refund[i])
				order = append(order, e.donor)
			}
		}
		if gout.Limits, err = amount256("gap "+g.ID.Dec()+"'s limits", gl); err != nil {
			return nil, err
		}
		limits.Add(limits, gl)
		for _, a := range order {
			leaves.Add(leaves, amounts[a].ToBig())
			if !amounts[a].IsZero() {
				payouts = append(payouts, merkle.Payout{Gap: g.ID, Recipient: a, Amount: *amounts[a]})
			}
		}
		out.Gaps = append(out.Gaps, gout)
	}
	paid := leaves
	if set.LedgerRefunds {
		paid = new(big.Int).Add(leaves, refunds)
	}
	if limits.Cmp(paid) != 0 { // the invariant the escrow relies on
		return nil, fmt.Errorf("coordinated QF: leaves %s (refunds %s) ≠ limits %s", leaves, refunds, limits)
	}
	var err error
	for _, f := range []struct {
		dst  **uint256.Int
		name string
		v    *big.Int
	}{{&out.Limits, "the limits", limits}, {&out.Leaves, "the leaves", leaves}, {&out.Refunds, "the refunds", refunds}} {
		if *f.dst, err = amount256(f.name, f.v); err != nil {
			return nil, err
		}
	}
	if len(payouts) > 0 {
		tree, err := payout.Tree(payouts, payout.LeafStandard)
		if err != nil {
			return nil, err
		}
		out.Tree, out.Root = tree, tree.Root()
	}
	return out, nil
}

// amount256 is a sum as an amount: an error, naming it, past 2^256−1.
func amount256(name string, v *big.Int) (*uint256.Int, error) {
	z, over := uint256.FromBig(v)
	if over || v.Sign() < 0 {
		return nil, fmt.Errorf("%w: coordinated QF: %s total %s", calc.ErrOverflow, name, v)
	}
	return z, nil
}
