package merkle

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// Payout is one claimable amount: the leaf (gap, recipient, amount).
type Payout struct {
	Gap       uint256.Int
	Recipient common.Address
	Amount    uint256.Int
}

// Values returns the payout as dump values: decimal gap, EIP-55 recipient,
// decimal amount.
func (p Payout) Values() []string {
	return []string{p.Gap.Dec(), p.Recipient.Hex(), p.Amount.Dec()}
}

// Encode returns abi.encode(gap, recipient, amount): three 32-byte words.
func (p Payout) Encode() []byte {
	var b [96]byte
	p.Gap.WriteToSlice(b[0:32])
	copy(b[44:64], p.Recipient[:])
	p.Amount.WriteToSlice(b[64:96])
	return b[:]
}

// LeafHash is the leaf claimMatching recomputes on-chain.
func (p Payout) LeafHash() common.Hash { return newHasher().leaf(p.Encode()) }

// NewPayoutTree builds the tree of payouts under [PayoutEncoding], in the
// order given (qf gives them by ascending gap id). The leaf hashes are
// computed without reflection; they equal the generic encoder's.
func NewPayoutTree(payouts []Payout) (*Tree, error) {
	enc, _ := NewEncoder(PayoutEncoding)
	values := make([][]string, len(payouts))
	leaves := make([]common.Hash, len(payouts))
	h := newHasher()
	for i, p := range payouts {
		values[i] = p.Values()
		leaves[i] = h.leaf(p.Encode())
	}
	return build(enc, values, leaves, Options{})
}

// NewAlloTree builds Allo v2's distribution tree: leaf i is
// (i, recipientId, recipientAddress, amount) with i the position in the
// given order (ascending gap id). qf has no separate recipient id, so the
// recipient address serves as both.
func NewAlloTree(payouts []Payout) (*Tree, error) {
	enc, _ := NewEncoder(AlloEncoding)
	values := make([][]string, len(payouts))
	leaves := make([]common.Hash, len(payouts))
	h := newHasher()
	var b [128]byte
	for i, p := range payouts {
		idx := uint256.NewInt(uint64(i))
		values[i] = []string{idx.Dec(), p.Recipient.Hex(), p.Recipient.Hex(), p.Amount.Dec()}
		b = [128]byte{}
		idx.WriteToSlice(b[0:32])
		copy(b[44:64], p.Recipient[:])
		copy(b[76:96], p.Recipient[:])
		p.Amount.WriteToSlice(b[96:128])
		leaves[i] = h.leaf(b[:])
	}
	return build(enc, values, leaves, Options{})
}
