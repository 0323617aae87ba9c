package merkle

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// Payout is one claimable amount: the leaf (gap, recipient, amount).
// RecipientID is used by Allo leaves only (see [NewAlloTree]).
type Payout struct {
	Gap       uint256.Int
	Recipient common.Address
	Amount    uint256.Int
	// RecipientID is the gap's Allo v2 recipientId; zero when it has none.
	RecipientID common.Address
}

// AlloRecipientID is the recipientId an Allo leaf carries: the gap's
// registered RecipientID, or, when it has none, the payout address (so that
// a round whose Allo recipients are registered under their own payout
// address keeps working).
func (p Payout) AlloRecipientID() common.Address {
	if p.RecipientID != (common.Address{}) {
		return p.RecipientID
	}
	return p.Recipient
}

// EncodeAllo returns abi.encode(index, recipientId, recipientAddress,
// amount): four 32-byte words, with recipientId from [Payout.AlloRecipientID].
func (p Payout) EncodeAllo(index *uint256.Int) []byte {
	var b [128]byte
	index.WriteToSlice(b[0:32])
	id := p.AlloRecipientID()
	copy(b[44:64], id[:])
	copy(b[76:96], p.Recipient[:])
	p.Amount.WriteToSlice(b[96:128])
	return b[:]
}

// AlloLeafHash is the node Allo v2's _validateDistribution recomputes:
// keccak256(bytes.concat(keccak256(abi.encode(index, recipientId,
// recipientAddress, amount)))).
func (p Payout) AlloLeafHash(index *uint256.Int) common.Hash {
	return newHasher().leaf(p.EncodeAllo(index))
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
// given order (qf gives payouts by ascending gap id, so the index is the
// gap's rank among the round's positive matches), recipientId the gap's
// Allo recipientId ([Payout.AlloRecipientID]: the payout address when it
// has none) and recipientAddress its payout address.
//
// Allo's index is only the key of its distributed bitmap (bit index%256 of
// word index/256): any value unique per leaf is valid. Dense positions keep
// a round's claims in ⌈n/256⌉ storage words and match what Grants Stack
// publishes; a gap id, which can be any uint256, would not.
func NewAlloTree(payouts []Payout) (*Tree, error) {
	enc, _ := NewEncoder(AlloEncoding)
	values := make([][]string, len(payouts))
	leaves := make([]common.Hash, len(payouts))
	h := newHasher()
	for i, p := range payouts {
		idx := uint256.NewInt(uint64(i))
		values[i] = []string{idx.Dec(), p.AlloRecipientID().Hex(), p.Recipient.Hex(), p.Amount.Dec()}
		leaves[i] = h.leaf(p.EncodeAllo(idx))
	}
	return build(enc, values, leaves, Options{})
}
