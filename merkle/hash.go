package merkle

import (
	"bytes"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// hasher reuses one keccak state: building a tree hashes 2n-1 times and the
// allocation per hash would otherwise dominate.
type hasher struct {
	st  crypto.KeccakState
	buf [64]byte
}

func newHasher() *hasher { return &hasher{st: crypto.NewKeccakState()} }

func (h *hasher) sum(data ...[]byte) common.Hash {
	h.st.Reset()
	for _, d := range data {
		h.st.Write(d)
	}
	var out common.Hash
	h.st.Read(out[:])
	return out
}

// pair hashes two nodes in sorted order, as OpenZeppelin's hashPair and
// MerkleProof._hashPair do.
func (h *hasher) pair(a, b common.Hash) common.Hash {
	if bytes.Compare(a[:], b[:]) > 0 {
		a, b = b, a
	}
	copy(h.buf[:32], a[:])
	copy(h.buf[32:], b[:])
	return h.sum(h.buf[:])
}

// leaf double-hashes an ABI encoding (the "standard" leaf, immune to
// second-preimage attacks with 64-byte inner nodes).
func (h *hasher) leaf(encoded []byte) common.Hash {
	inner := h.sum(encoded)
	return h.sum(inner[:])
}
