package payout

import (
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/merkle"
)

// Leaf selects the leaf encoding.
type Leaf string

const (
	// LeafStandard is (uint256 gap, address recipient, uint256 amount), what QFRound.claimMatching checks.
	LeafStandard Leaf = "standard"
	// LeafAllo is Allo v2's (uint256 index, address recipientId, address recipientAddress, uint256 amount).
	LeafAllo Leaf = "allo"
)

var (
	// ErrNoPayouts is returned when no gap has a positive match, so there is no tree to build.
	ErrNoPayouts = errors.New("no gap has a positive match: nothing to put in a tree")
	// ErrNotInTree is returned for a proof of a gap that has no leaf.
	ErrNotInTree = errors.New("gap has no leaf in this round's tree (zero match or unknown gap)")
)

// Payouts lists the positive matches in ascending gap order.
func Payouts(r *calc.Result) []merkle.Payout {
	var out []merkle.Payout
	for _, g := range r.Gaps {
		if !g.Match.IsZero() {
			out = append(out, merkle.Payout{Gap: g.Gap, Recipient: g.Recipient, Amount: g.Match})
		}
	}
	return out
}

// Tree builds the round's tree with the given leaf encoding.
func Tree(payouts []merkle.Payout, leaf Leaf) (*merkle.Tree, error) {
	if len(payouts) == 0 {
		return nil, ErrNoPayouts
	}
	switch leaf {
	case LeafStandard, "":
		return merkle.NewPayoutTree(payouts)
	case LeafAllo:
		return merkle.NewAlloTree(payouts)
	}
	return nil, fmt.Errorf("unknown leaf encoding %q (want standard or allo)", leaf)
}

// Proof is the claimant's proof file.
type Proof struct {
	Root      common.Hash   `json:"root"`
	Gap       string        `json:"gap"`
	Recipient Address       `json:"recipient"`
	Amount    string        `json:"amount"`
	Leaf      common.Hash   `json:"leaf"`
	Proof     []common.Hash `json:"proof"`
}

// ProofFor returns the proof file for a gap in a standard payout tree.
func ProofFor(t *merkle.Tree, gap *uint256.Int) (*Proof, error) {
	return ProofForLeaf(t, gap, nil)
}

// ProofForLeaf returns the proof of the leaf paying gap's recipient, or,
// when recipient is set, that address (a tree may then hold several leaves
// per gap, as a coordinated-QF round's refunds do).
func ProofForLeaf(t *merkle.Tree, gap *uint256.Int, recipient *common.Address) (*Proof, error) {
	want := gap.Dec()
	for i, v := range t.Values() {
		if v.Value[0] != want || (recipient != nil && common.HexToAddress(v.Value[1]) != *recipient) {
			continue
		}
		leaf, _ := t.LeafHash(i)
		proof, err := t.Proof(i)
		if err != nil {
			return nil, err
		}
		if proof == nil {
			proof = []common.Hash{}
		}
		return &Proof{Root: t.Root(), Gap: v.Value[0], Recipient: Address(common.HexToAddress(v.Value[1])), Amount: v.Value[2], Leaf: leaf, Proof: proof}, nil
	}
	if recipient != nil {
		return nil, fmt.Errorf("%w: gap %s, account %s (it made no pledge to this gap?)", ErrNotInTree, want, recipient.Hex())
	}
	return nil, fmt.Errorf("%w: gap %s", ErrNotInTree, want)
}

// Check verifies a proof file on its own: the leaf is the hash of (gap,
// recipient, amount) and the proof leads from it to the root.
func (p *Proof) Check() error {
	g, err := calc.ParseGap(p.Gap)
	if err != nil {
		return err
	}
	a, err := calc.ParseAmount(p.Amount, 0)
	if err != nil {
		return err
	}
	leaf := merkle.Payout{Gap: g, Recipient: common.Address(p.Recipient), Amount: a}.LeafHash()
	if leaf != p.Leaf {
		return fmt.Errorf("leaf %s is not the hash of (gap %s, recipient %s, amount %s), which is %s", p.Leaf, p.Gap, p.Recipient.Hex(), p.Amount, leaf)
	}
	if !merkle.Verify(p.Root, leaf, p.Proof) {
		return fmt.Errorf("proof does not lead from leaf %s to root %s (it leads to %s)", leaf, p.Root, merkle.ProcessProof(leaf, p.Proof))
	}
	return nil
}
