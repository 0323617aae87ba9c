package calc

import (
	"math/big"
	"math/bits"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/internal/wide"
)

// QF is the Buterin–Hitzig–Weyl rule in the spec's exact integer form:
// raw_p = max(0, (Σ isqrt(w·c·10^18))² − 10^18·Σ w·c), with w in basis
// points folded into the constant (w·c·10^18 = c·w_bps·10^14).
type QF struct{}

// Name implements [Mechanism].
func (QF) Name() string { return "qf" }

// qfScale is 10^18: raw_p / 10^18 is the subsidy in base units.
var qfScale = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)

const e14u = 100_000_000_000_000

var (
	e14    = uint256.NewInt(e14u)
	two256 = new(big.Int).Lsh(big.NewInt(1), 256)
)

// Raw implements [Mechanism]. Gaps are independent, so the terms are cut
// at gap boundaries and summed on every core; each gap's value is the same
// whichever core computes it.
func (QF) Raw(nGaps int, terms []Term) (Raw, error) {
	raw := Raw{Values: make([]*big.Int, nGaps), Scale: qfScale}
	parallelByGap(terms, func(part []Term) { qfGaps(part, raw.Values) })
	for g := range raw.Values {
		if raw.Values[g] == nil {
			raw.Values[g] = new(big.Int)
		}
	}
	return raw, nil
}

// qfGaps computes the raw subsidy of every gap in terms (grouped by gap).
func qfGaps(terms []Term, values []*big.Int) {
	var (
		sumS uint256.Int // Σ s: each s < 2^166, so this cannot overflow for < 2^90 terms
		sumC = new(big.Int)
		// sumCW accumulates Σ c·w in uint256 until it would overflow, then spills to sumC.
		sumCW    uint256.Int
		cw, x, s uint256.Int
		k        uint256.Int
		bx       big.Int
	)
	flush := func(g int32) {
		if g < 0 {
			return
		}
		sumC.Add(sumC, sumCW.ToBig())
		sumC.Mul(sumC, e14.ToBig())
		sq := sumS.ToBig()
		sq.Mul(sq, sq)
		sq.Sub(sq, sumC)
		if sq.Sign() < 0 {
			sq.SetInt64(0)
		}
		values[g] = sq
		sumS.Clear()
		sumCW.Clear()
		sumC.SetInt64(0)
	}
	cur := int32(-1)
	for i := range terms {
		t := &terms[i]
		if t.Gap != cur {
			flush(cur)
			cur = t.Gap
		}
		if t.Amount[1]|t.Amount[2]|t.Amount[3] == 0 && t.Weight <= 1<<15 {
			// The usual term, c < 2^64 and w ≤ 2^15 bps: c·w < 2^79 and
			// c·w·10^14 < 2^126, so both products are two words and the
			// root is wide.Sqrt128's.
			hi, lo := bits.Mul64(t.Amount[0], uint64(t.Weight))
			cw = uint256.Int{lo, hi, 0, 0}
			if _, over := sumCW.AddOverflow(&sumCW, &cw); over {
				sumC.Add(sumC, two256)
			}
			xhi, xlo := bits.Mul64(lo, e14u)
			xhi += hi * e14u // hi < 2^15: no overflow
			s.SetUint64(wide.Sqrt128(xhi, xlo))
			sumS.Add(&sumS, &s)
			continue
		}
		k.SetUint64(uint64(t.Weight))
		if _, over := cw.MulOverflow(&t.Amount, &k); over {
			// c·w past 2^256: exact big-number path (amounts this large are rare).
			bx.Mul(t.Amount.ToBig(), big.NewInt(int64(t.Weight)))
			sumC.Add(sumC, &bx)
			bx.Mul(&bx, e14.ToBig())
			s.SetFromBig(isqrtBig(&bx))
		} else {
			if _, over := sumCW.AddOverflow(&sumCW, &cw); over {
				sumC.Add(sumC, two256) // sumCW keeps the low 256 bits
			}
			if _, over := x.MulOverflow(&cw, e14); over {
				bx.Mul(cw.ToBig(), e14.ToBig())
				s.SetFromBig(isqrtBig(&bx))
			} else {
				isqrt(&s, &x)
			}
		}
		sumS.Add(&sumS, &s)
	}
	flush(cur)
}

// Linear makes the raw subsidy the weighted direct total: Σ w·c.
type Linear struct{}

// Name implements [Mechanism].
func (Linear) Name() string { return "linear" }

var linearScale = big.NewInt(int64(One))

// Raw implements [Mechanism].
func (Linear) Raw(nGaps int, terms []Term) (Raw, error) {
	raw := Raw{Values: make([]*big.Int, nGaps), Scale: linearScale}
	for g := range raw.Values {
		raw.Values[g] = new(big.Int)
	}
	w := new(big.Int)
	for i := range terms {
		t := &terms[i]
		w.SetUint64(uint64(t.Weight))
		w.Mul(w, t.Amount.ToBig())
		raw.Values[t.Gap].Add(raw.Values[t.Gap], w)
	}
	return raw, nil
}
