package calc

import (
	"fmt"
	"math/big"
	"strings"
)

// Bps is a weight in basis points: 10000 is weight 1.
type Bps uint32

// One is weight 1, what a donor has unless told otherwise.
const One Bps = 10000

// maxBps bounds weights (x1000) so that the weighted terms stay far from overflow.
const maxBps Bps = 10_000_000

// ParseWeight parses a weight given as a decimal ("1", "0.5", "1.25") with at
// most four decimals, exactly. Weights above 1 boost a donor (the SME signal).
func ParseWeight(s string) (Bps, error) {
	r, ok := new(big.Rat).SetString(s)
	if !ok || strings.ContainsAny(s, "/eE") {
		return 0, fmt.Errorf("%w: %q is not a decimal number", ErrWeight, s)
	}
	if r.Sign() < 0 {
		return 0, fmt.Errorf("%w: %q is negative", ErrWeight, s)
	}
	r.Mul(r, big.NewRat(int64(One), 1))
	if !r.IsInt() {
		return 0, fmt.Errorf("%w: %q has more than 4 decimals", ErrWeight, s)
	}
	if r.Num().Cmp(big.NewInt(int64(maxBps))) > 0 {
		return 0, fmt.Errorf("%w: %q is above the maximum weight 1000", ErrWeight, s)
	}
	return Bps(r.Num().Uint64()), nil
}

// String renders the weight as a decimal.
func (w Bps) String() string {
	r := new(big.Rat).SetFrac64(int64(w), int64(One))
	return strings.TrimRight(strings.TrimRight(r.FloatString(4), "0"), ".")
}

// ScoreScale maps identity scores (e.g. Gitcoin Passport) to weights the way
// Gitcoin does: 0 below Lo, 1 above Hi, 0.5 + 0.5·(score−Lo)/(Hi−Lo) between,
// rounded down to a basis point.
type ScoreScale struct {
	Lo, Hi *big.Rat
	// GrantsStack maps scores as the Grants Stack indexer did, in doubles
	// ([GrantsStackPassport], 50%..100% over Lo..Hi): grants-stack rounds.
	GrantsStack bool
}

// ParseScoreScale parses "LO:HI" with decimal bounds, LO < HI.
func ParseScoreScale(s string) (*ScoreScale, error) {
	lo, hi, ok := strings.Cut(s, ":")
	if !ok {
		return nil, fmt.Errorf("%w: score scale %q: want LO:HI", ErrWeight, s)
	}
	l, err := parseScore(lo)
	if err != nil {
		return nil, err
	}
	h, err := parseScore(hi)
	if err != nil {
		return nil, err
	}
	if l.Cmp(h) >= 0 {
		return nil, fmt.Errorf("%w: score scale %q: LO must be below HI", ErrWeight, s)
	}
	return &ScoreScale{Lo: l, Hi: h}, nil
}

func parseScore(s string) (*big.Rat, error) {
	r, ok := new(big.Rat).SetString(strings.TrimSpace(s))
	if !ok || strings.ContainsAny(s, "/eE") || strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("%w: score %q is not a decimal number", ErrWeight, s)
	}
	return r, nil
}

// Weight maps a decimal score to a weight.
func (sc *ScoreScale) Weight(score string) (Bps, error) {
	if sc.GrantsStack {
		return grantsStackPassport(score, double().SetRat(sc.Lo), double().SetRat(sc.Hi), big.NewFloat(50), big.NewFloat(100))
	}
	r, err := parseScore(score)
	if err != nil {
		return 0, err
	}
	switch {
	case r.Cmp(sc.Lo) < 0:
		return 0, nil
	case r.Cmp(sc.Hi) > 0:
		return One, nil
	}
	// 5000 + floor(5000 · (score−Lo)/(Hi−Lo))
	num := new(big.Rat).Sub(r, sc.Lo)
	num.Quo(num, new(big.Rat).Sub(sc.Hi, sc.Lo))
	num.Mul(num, big.NewRat(int64(One)/2, 1))
	q := new(big.Int).Quo(num.Num(), num.Denom())
	return One/2 + Bps(q.Uint64()), nil
}

// ParseScore checks an identity score's syntax: a decimal number, as a
// score scale reads it.
func ParseScore(s string) (*big.Rat, error) { return parseScore(s) }
