package merkle_test

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/merkle"
)

// alloNode is Allo v2's _validateDistribution node, computed independently
// of qf's encoder with go-ethereum's ABI packer:
// keccak256(bytes.concat(keccak256(abi.encode(index, recipientId, recipientAddress, amount)))).
func alloNode(t *testing.T, index uint64, id, addr common.Address, amount *big.Int) common.Hash {
	u, _ := abi.NewType("uint256", "", nil)
	a, _ := abi.NewType("address", "", nil)
	enc, err := abi.Arguments{{Type: u}, {Type: a}, {Type: a}, {Type: u}}.Pack(new(big.Int).SetUint64(index), id, addr, amount)
	require.NoError(t, err)
	return crypto.Keccak256Hash(crypto.Keccak256(enc))
}

// The Allo leaf is Allo v2's node: the gap's recipientId when it has one,
// else its payout address, then the payout address; the index is the
// position.
func TestAlloLeaf(t *testing.T) {
	addr := common.HexToAddress("0x00000000000000000000000000000000000000b1")
	anchor := common.HexToAddress("0xA0000000000000000000000000000000000000a1")
	amount := uint256.NewInt(123456789)
	cases := []struct {
		name   string
		p      merkle.Payout
		index  uint64
		wantID common.Address
		want   string
	}{
		{"recipientId set", merkle.Payout{Gap: *uint256.NewInt(7), Recipient: addr, Amount: *amount, RecipientID: anchor}, 3, anchor,
			"0xa243fb3b0ff54b7a00195f31a134d4d164c04e85a4799488af552542167be858"},
		{"no recipientId: the payout address", merkle.Payout{Gap: *uint256.NewInt(7), Recipient: addr, Amount: *amount}, 0, addr,
			"0x037b36203edf280a16d9bb522866b4b5bbaec6ee1b72b488fb4bcaac4948adad"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.wantID, tc.p.AlloRecipientID())
			got := tc.p.AlloLeafHash(uint256.NewInt(tc.index))
			require.Equal(t, alloNode(t, tc.index, tc.wantID, addr, amount.ToBig()), got)
			require.Equal(t, tc.want, got.Hex())
		})
	}
}

// NewAlloTree equals OpenZeppelin's StandardMerkleTree of the same values
// under AlloEncoding (the generic encoder), and each of its leaves is Allo's
// node for (position, recipientId, recipientAddress, amount).
func TestAlloTreeMatchesGenericEncoder(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 4))
	for _, withIDs := range []bool{false, true} {
		name := map[bool]string{false: "no recipientIds", true: "some recipientIds"}[withIDs]
		t.Run(name, func(t *testing.T) {
			var ps []merkle.Payout
			var values [][]string
			for i := range 37 {
				p := merkle.Payout{Gap: *uint256.NewInt(uint64(10 * i)), Recipient: common.BigToAddress(new(big.Int).SetUint64(r.Uint64() | 1)),
					Amount: uint256.Int{r.Uint64(), r.Uint64() >> 8, 0, 0}}
				id := p.Recipient
				if withIDs && i%3 != 0 {
					p.RecipientID = common.BigToAddress(new(big.Int).SetUint64(r.Uint64() | 1<<63))
					id = p.RecipientID
				}
				ps = append(ps, p)
				values = append(values, []string{uint256.NewInt(uint64(i)).Dec(), id.Hex(), p.Recipient.Hex(), p.Amount.Dec()})
			}
			fast, err := merkle.NewAlloTree(ps)
			require.NoError(t, err)
			generic, err := merkle.New(merkle.AlloEncoding, values, merkle.Options{})
			require.NoError(t, err)
			require.Equal(t, generic.Root(), fast.Root())
			for i, v := range fast.Values() {
				require.Equal(t, values[i], v.Value)
				leaf, err := fast.LeafHash(i)
				require.NoError(t, err)
				require.Equal(t, alloNode(t, uint64(i), common.HexToAddress(values[i][1]), ps[i].Recipient, ps[i].Amount.ToBig()), leaf)
			}
		})
	}
}
