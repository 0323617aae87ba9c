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
	ErrNoPayouts = merkle.ErrNoPayouts
	// ErrNotInTree is returned for a proof of a gap that has no leaf.
	ErrNotInTree = errors.New("gap has no leaf in this round's tree (zero match or unknown gap)")
	// ErrAlloRecipient is returned for an Allo tree in which one recipientId
	// would be paid at two addresses: Allo v2 keeps one recipientAddress per
	// recipientId, so one of the leaves could never be distributed.
	ErrAlloRecipient = errors.New("allo recipientId paid at two addresses")
	// ErrAlloTree is returned when a gap's proof in an Allo tree is looked up
	// without the round's report, which alone maps gaps to Allo indices.
	ErrAlloTree = errors.New("the tree has Allo leaves (index, recipientId, recipientAddress, amount)")
	// ErrTreeReport is returned when a round's tree and report disagree.
	ErrTreeReport = errors.New("the round's tree and report disagree")
)

// Payouts lists the positive matches in ascending gap order.
func Payouts(r *calc.Result) []merkle.Payout {
	var out []merkle.Payout
	for _, g := range r.Gaps {
		if !g.Match.IsZero() {
			out = append(out, merkle.Payout{Gap: g.Gap, Recipient: g.Recipient, Amount: g.Match, RecipientID: g.RecipientID})
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
		paid := map[common.Address]*merkle.Payout{}
		for i := range payouts {
			p := &payouts[i]
			id := p.AlloRecipientID()
			if q, ok := paid[id]; ok && q.Recipient != p.Recipient {
				return nil, fmt.Errorf("%w: gaps %s and %s both have recipientId %s but pay %s and %s; give each its own recipientId or the same payout address",
					ErrAlloRecipient, q.Gap.Dec(), p.Gap.Dec(), id.Hex(), q.Recipient.Hex(), p.Recipient.Hex())
			}
			paid[id] = p
		}
		return merkle.NewAlloTree(payouts)
	}
	return nil, fmt.Errorf("unknown leaf encoding %q (want standard or allo)", leaf)
}

// Proof is the claimant's proof file. A proof in an Allo tree also carries
// the leaf's Allo index and recipientId (Recipient is then Allo's
// recipientAddress): its leaf is the hash of (index, recipientId,
// recipientAddress, amount), which is what Allo's distribute checks, and
// Gap says which gap it pays.
type Proof struct {
	Root        common.Hash   `json:"root"`
	Gap         string        `json:"gap"`
	Index       string        `json:"index,omitempty"`
	RecipientID *Address      `json:"recipientId,omitempty"`
	Recipient   Address       `json:"recipient"`
	Amount      string        `json:"amount"`
	Leaf        common.Hash   `json:"leaf"`
	Proof       []common.Hash `json:"proof"`
}

// Allo reports whether p is a proof of an Allo leaf.
func (p *Proof) Allo() bool { return p.Index != "" }

// IsAlloTree reports whether t has Allo leaves.
func IsAlloTree(t *merkle.Tree) bool {
	enc := t.Encoding()
	if len(enc) != len(merkle.AlloEncoding) {
		return false
	}
	for i := range enc {
		if enc[i] != merkle.AlloEncoding[i] {
			return false
		}
	}
	return true
}

// GapProof returns the proof of gap's leaf in a round's tree, whatever its
// leaf encoding; rep is the round's report. In an Allo tree the leaf's
// index is the gap's rank among the report's positive matches (ascending
// gap id, as [Payouts] lists them); the leaf found there must pay the
// report's recipient and match, or the tree and report are not the same
// round's. account picks a cqf refund leaf (standard trees only).
func GapProof(t *merkle.Tree, rep *Report, gap *uint256.Int, account *common.Address) (*Proof, error) {
	if !IsAlloTree(t) {
		return ProofForLeaf(t, gap, account)
	}
	if account != nil {
		return nil, fmt.Errorf("%w: one leaf per gap, no refund leaves", ErrAlloTree)
	}
	want := gap.Dec()
	rank := 0
	var line *GapReport
	for i := range rep.Gaps {
		g := &rep.Gaps[i]
		if g.Gap == want {
			line = g
			break
		}
		if g.Match != nil && !g.Match.IsZero() {
			rank++
		}
	}
	if line == nil || line.Match == nil || line.Match.IsZero() {
		return nil, fmt.Errorf("%w: gap %s", ErrNotInTree, want)
	}
	idx := uint256.NewInt(uint64(rank)).Dec()
	for i, v := range t.Values() {
		if v.Value[0] != idx {
			continue
		}
		recipient, amount := common.HexToAddress(v.Value[2]), v.Value[3]
		id := common.Address(line.Recipient)
		if line.RecipientID != nil {
			id = common.Address(*line.RecipientID)
		}
		if recipient != common.Address(line.Recipient) || amount != line.Match.Dec() || common.HexToAddress(v.Value[1]) != id {
			return nil, fmt.Errorf("%w: leaf %s is (%s, %s, %s), the report has gap %s paying %s to %s (recipientId %s)",
				ErrTreeReport, idx, v.Value[1], v.Value[2], amount, want, line.Match, line.Recipient.Hex(), id.Hex())
		}
		leaf, _ := t.LeafHash(i)
		proof, err := t.Proof(i)
		if err != nil {
			return nil, err
		}
		if proof == nil {
			proof = []common.Hash{}
		}
		rid := Address(common.HexToAddress(v.Value[1]))
		return &Proof{Root: t.Root(), Gap: want, Index: idx, RecipientID: &rid, Recipient: Address(recipient), Amount: amount, Leaf: leaf, Proof: proof}, nil
	}
	return nil, fmt.Errorf("%w: the report gives gap %s index %s, which the tree does not have", ErrTreeReport, want, idx)
}

// ProofFor returns the proof file for a gap in a standard payout tree.
func ProofFor(t *merkle.Tree, gap *uint256.Int) (*Proof, error) {
	return ProofForLeaf(t, gap, nil)
}

// ProofForLeaf returns the proof of the leaf paying gap's recipient, or,
// when recipient is set, that address (a tree may then hold several leaves
// per gap, as a coordinated-QF round's refunds do).
func ProofForLeaf(t *merkle.Tree, gap *uint256.Int, recipient *common.Address) (*Proof, error) {
	if IsAlloTree(t) {
		// Its first value is an index, not a gap: matching on it would
		// return another gap's leaf.
		return nil, fmt.Errorf("%w: its leaves are found by gap with the round's report (GapProof)", ErrAlloTree)
	}
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
// recipient, amount), or for an Allo proof of (index, recipientId,
// recipient, amount), and the proof leads from it to the root.
func (p *Proof) Check() error {
	g, err := calc.ParseGap(p.Gap)
	if err != nil {
		return err
	}
	a, err := calc.ParseAmount(p.Amount, 0)
	if err != nil {
		return err
	}
	var leaf common.Hash
	if p.Allo() {
		idx, err := calc.ParseGap(p.Index)
		if err != nil {
			return fmt.Errorf("index: %w", err)
		}
		if p.RecipientID == nil {
			return fmt.Errorf("an Allo proof (index %s) needs its recipientId", p.Index)
		}
		pay := merkle.Payout{Gap: g, Recipient: common.Address(p.Recipient), Amount: a, RecipientID: common.Address(*p.RecipientID)}
		if leaf = pay.AlloLeafHash(&idx); leaf != p.Leaf {
			return fmt.Errorf("leaf %s is not the hash of (index %s, recipientId %s, recipientAddress %s, amount %s), which is %s", p.Leaf, p.Index, p.RecipientID.Hex(), p.Recipient.Hex(), p.Amount, leaf)
		}
	} else if leaf = (merkle.Payout{Gap: g, Recipient: common.Address(p.Recipient), Amount: a}).LeafHash(); leaf != p.Leaf {
		return fmt.Errorf("leaf %s is not the hash of (gap %s, recipient %s, amount %s), which is %s", p.Leaf, p.Gap, p.Recipient.Hex(), p.Amount, leaf)
	}
	if !merkle.Verify(p.Root, leaf, p.Proof) {
		return fmt.Errorf("proof does not lead from leaf %s to root %s (it leads to %s)", leaf, p.Root, merkle.ProcessProof(leaf, p.Proof))
	}
	return nil
}
