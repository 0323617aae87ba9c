package calc

import (
	"fmt"
	"math/big"
	"strings"
)

// The indexer computes three numbers in JavaScript doubles before they
// become integers: the cap percentage (trunc(Number(pct)·100) basis
// points), the passport coefficient (a sliding scale, then
// trunc(coef·10000)) and the override coefficient (trunc(Number(c)·10000)).
// The doubles' rounding decides the truncation often (0.29·100 is
// 28.999999999999996, so a 0.29% cap is 28 basis points; a passport score
// of 15.01 gives 5004, not 5005). To reproduce those integers without
// float64, each step is evaluated here in IEEE-754 binary64 emulated
// exactly: big.Float at 53 bits, round half to even, which is what every
// double operation does (no value here comes near the double's exponent
// limits; inputs that would are refused). Only these weights and the cap
// see it; every amount stays an integer.

// double returns a zero big.Float with a double's precision and rounding.
func double() *big.Float { return new(big.Float).SetPrec(53).SetMode(big.ToNearestEven) }

// doubleLimit bounds the magnitudes accepted (far inside a double's range).
var doubleLimit = new(big.Rat).SetFrac(new(big.Int).Lsh(big.NewInt(1), 900), big.NewInt(1))

// jsNumber is JavaScript's Number(s) for a plain decimal: the double
// nearest its exact value (ties to even). Exponents and fractions are
// refused: the indexer reads plain decimals.
func jsNumber(what, s string) (*big.Float, error) {
	t := strings.TrimSpace(s)
	r, ok := new(big.Rat).SetString(t)
	if !ok || t == "" || strings.ContainsAny(t, "/eExX_") {
		return nil, fmt.Errorf("%w: %s %q is not a decimal number", ErrWeight, what, s)
	}
	abs := new(big.Rat).Abs(r)
	if abs.Cmp(doubleLimit) > 0 || abs.Sign() != 0 && new(big.Rat).Inv(abs).Cmp(doubleLimit) > 0 {
		return nil, fmt.Errorf("%w: %s %q is out of range", ErrWeight, what, s)
	}
	return double().SetRat(r), nil // SetRat rounds correctly: the exact quotient, rounded once
}

// truncInt is Math.trunc of a double, as an integer.
func truncInt(x *big.Float) *big.Int {
	i, _ := x.Int(nil) // truncates toward zero
	return i
}

// GrantsStackCapBps converts a round's matchingCapAmount, a percentage
// from 0 to 100 with decimals, to basis points exactly as the indexer
// does: trunc(Number(pct)·100) in doubles. So 50.5 is 5050, 50.00005 is
// 5000, and 0.29 is 28.
func GrantsStackCapBps(v string) (uint32, error) {
	p, err := jsNumber("cap-percent", v)
	if err != nil || p.Sign() < 0 || p.Cmp(big.NewFloat(100)) > 0 {
		return 0, fmt.Errorf("%w: grants-stack: cap-percent=%q must be a decimal percentage from 0 to 100, e.g. cap-percent=10", ErrParam, v)
	}
	return uint32(truncInt(double().Mul(p, big.NewFloat(100))).Uint64()), nil
}

// GrantsStackCoefficient converts an override coefficient (the indexer's
// coefficient CSV column) to basis points as the indexer does:
// trunc(Number(c)·10000) in doubles (0.29 is 2899). Negative coefficients
// and ones above the maximum weight are refused.
func GrantsStackCoefficient(c string) (Bps, error) {
	x, err := jsNumber("coefficient", c)
	if err != nil {
		return 0, err
	}
	if x.Sign() < 0 {
		return 0, fmt.Errorf("%w: coefficient %q is negative", ErrWeight, c)
	}
	b := truncInt(double().Mul(x, big.NewFloat(float64(One))))
	if b.Cmp(big.NewInt(int64(maxBps))) > 0 {
		return 0, fmt.Errorf("%w: coefficient %q is above the maximum weight 1000", ErrWeight, c)
	}
	return Bps(b.Uint64()), nil
}

// GrantsStackPassport is the indexer's passport sliding scale
// (src/calculator/votes.ts passportScoreToCoefficient with
// defaultProportionalMatchOptions: scores 15..25, 50%..100%).
type GrantsStackPassport struct {
	ScoreMin, ScoreMax string // decimal scores
	PctMin, PctMax     string // decimal percentages of the match
}

// DefaultGrantsStackPassport is the indexer's default scale.
var DefaultGrantsStackPassport = GrantsStackPassport{ScoreMin: "15", ScoreMax: "25", PctMin: "50", PctMax: "100"}

// Coefficient maps a passport score to basis points as the indexer did,
// step by step in doubles: 0 below ScoreMin, 1 above ScoreMax, else
// perc = PctMin + ((PctMax − PctMin)·(score − ScoreMin)) / (ScoreMax − ScoreMin),
// coefficient perc/100, then trunc(coefficient·10000).
func (p GrantsStackPassport) Coefficient(score string) (Bps, error) {
	var v [4]*big.Float
	for i, s := range []string{p.ScoreMin, p.ScoreMax, p.PctMin, p.PctMax} {
		x, err := jsNumber("passport scale", s)
		if err != nil {
			return 0, err
		}
		v[i] = x
	}
	return grantsStackPassport(score, v[0], v[1], v[2], v[3])
}

// grantsStackPassport is [GrantsStackPassport.Coefficient] over doubles.
func grantsStackPassport(score string, lo, hi, pLo, pHi *big.Float) (Bps, error) {
	sc, err := jsNumber("score", score)
	if err != nil {
		return 0, err
	}
	switch {
	case sc.Cmp(lo) < 0:
		return 0, nil
	case sc.Cmp(hi) > 0:
		return One, nil
	}
	shiftedMax := double().Sub(hi, lo)
	if shiftedMax.Sign() == 0 { // score == lo == hi: the indexer divides 0 by 0
		return 0, fmt.Errorf("%w: passport scale %s..%s is empty", ErrWeight, lo.Text('g', -1), hi.Text('g', -1))
	}
	shifted := double().Sub(sc, lo)
	perc := double().Mul(double().Sub(pHi, pLo), shifted)
	perc = double().Add(pLo, double().Quo(perc, shiftedMax))
	coef := double().Quo(perc, big.NewFloat(100))
	b := truncInt(double().Mul(coef, big.NewFloat(float64(One))))
	if b.Sign() < 0 || b.Cmp(big.NewInt(int64(maxBps))) > 0 {
		return 0, fmt.Errorf("%w: passport coefficient for score %q is out of range", ErrWeight, score)
	}
	return Bps(b.Uint64()), nil
}
