package merkle

import (
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
)

// PayoutEncoding is qf's leaf encoding: (gap id, recipient, amount), as the
// round contract's claimMatching hashes it.
var PayoutEncoding = []string{"uint256", "address", "uint256"}

// AlloEncoding is Gitcoin Allo v2 DonationVotingMerkleDistribution's leaf:
// (index, recipientId, recipientAddress, amount).
var AlloEncoding = []string{"uint256", "address", "address", "uint256"}

// ErrEncoding reports a leaf encoding or value that cannot be ABI-encoded.
var ErrEncoding = errors.New("bad leaf value")

// Encoder ABI-encodes leaf values given as strings (the form they take in a
// standard-v1 dump): integers in decimal or 0x hex, addresses and bytes in
// hex, booleans as true/false.
type Encoder struct {
	types []string
	args  abi.Arguments
}

// NewEncoder parses a leaf encoding such as ["uint256","address","uint256"].
func NewEncoder(types []string) (*Encoder, error) {
	if len(types) == 0 {
		return nil, fmt.Errorf("%w: empty leaf encoding", ErrEncoding)
	}
	args := make(abi.Arguments, len(types))
	for i, t := range types {
		typ, err := abi.NewType(t, "", nil)
		if err != nil {
			return nil, fmt.Errorf("%w: type %q: %v", ErrEncoding, t, err)
		}
		args[i] = abi.Argument{Type: typ}
	}
	return &Encoder{types: append([]string(nil), types...), args: args}, nil
}

// Types returns the leaf encoding.
func (e *Encoder) Types() []string { return append([]string(nil), e.types...) }

// Encode returns abi.encode(values...).
func (e *Encoder) Encode(values []string) ([]byte, error) {
	if len(values) != len(e.args) {
		return nil, fmt.Errorf("%w: %d values for %d types", ErrEncoding, len(values), len(e.args))
	}
	goVals := make([]any, len(values))
	for i, v := range values {
		gv, err := convert(e.args[i].Type, v)
		if err != nil {
			return nil, fmt.Errorf("%w: value %d (%s) %q: %v", ErrEncoding, i, e.types[i], v, err)
		}
		goVals[i] = gv
	}
	out, err := e.args.Pack(goVals...)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	return out, nil
}

// LeafHash returns the standard leaf hash of values.
func (e *Encoder) LeafHash(values []string) (common.Hash, error) {
	enc, err := e.Encode(values)
	if err != nil {
		return common.Hash{}, err
	}
	return newHasher().leaf(enc), nil
}

func convert(t abi.Type, v string) (any, error) {
	switch t.T {
	case abi.UintTy, abi.IntTy:
		n, ok := parseBigInt(v)
		if !ok {
			return nil, errors.New("not an integer")
		}
		if t.T == abi.UintTy && n.Sign() < 0 {
			return nil, errors.New("negative")
		}
		bits := t.Size
		if t.T == abi.IntTy {
			bits--
		}
		if n.BitLen() > bits {
			return nil, fmt.Errorf("does not fit %s", t.String())
		}
		// go-ethereum packs *big.Int for every integer width.
		return fitInt(t, n), nil
	case abi.AddressTy:
		if !common.IsHexAddress(v) {
			return nil, errors.New("not a 20-byte hex address")
		}
		return common.HexToAddress(v), nil
	case abi.BoolTy:
		switch v {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
		return nil, errors.New("not true or false")
	case abi.StringTy:
		return v, nil
	case abi.BytesTy:
		b, err := decodeHex(v)
		return b, err
	case abi.FixedBytesTy:
		b, err := decodeHex(v)
		if err != nil {
			return nil, err
		}
		if len(b) != t.Size {
			return nil, fmt.Errorf("want %d bytes, got %d", t.Size, len(b))
		}
		arr := reflectArray(t.Size, b)
		return arr, nil
	}
	return nil, fmt.Errorf("type %s is not supported in leaves", t.String())
}

func parseBigInt(v string) (*big.Int, bool) {
	n := new(big.Int)
	s := v
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var ok bool
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		_, ok = n.SetString(s[2:], 16)
	} else {
		_, ok = n.SetString(s, 10)
	}
	if !ok || s == "" || strings.HasPrefix(s, "+") {
		return nil, false
	}
	if neg {
		n.Neg(n)
	}
	return n, true
}

func decodeHex(v string) ([]byte, error) {
	if !strings.HasPrefix(v, "0x") && !strings.HasPrefix(v, "0X") {
		return nil, errors.New("hex must start with 0x")
	}
	b, err := hexDecode(v[2:])
	if err != nil {
		return nil, err
	}
	return b, nil
}
