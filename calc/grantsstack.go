package calc

import (
	"errors"
	"fmt"
	"math/big"
	"strconv"

	"github.com/holiman/uint256"
)

// GrantsStackName is the mechanism name of the Grants Stack indexer's rule.
const GrantsStackName = "grants-stack"

// ErrGrantsStack reports a round the Grants Stack rule refuses, as the
// indexer's own checks do (a cap loop that would pay above the pool).
var ErrGrantsStack = errors.New("grants-stack")

// GrantsStack is the linear QF of Gitcoin's Grants Stack indexer
// (gitcoinco/grants-stack-indexer src/calculator, over gitcoinco/pluralistic.js
// src/linear.ts), with its integer rules:
//
//   - a donor's amount to a project is the sum of their votes, times their
//     coefficient (weight) truncated to a basis point: floor(c·w_bps/10000);
//   - s_i = isqrt(c_i) and r_i = c_i − s_i²; a project with at least two
//     contributors scores q = (Σ s_i)² + Σ r_i − Σ c_i = (Σ s_i)² − Σ s_i²,
//     one with a single contributor scores 0;
//   - with T = Σ q over the round and pool M: match = floor(q·M / T); if
//     T < M and saturation is not ignored, match = q (no upscale);
//   - with a cap C = floor(M·capBps/10000) the cap loop runs (see
//     [GrantsStackCapLoop]).
//
// Raw values are the scores q at Scale 1; the mechanism distributes the
// pool itself ([GrantsStack.DistributeRaw]), so [Compute] does not apportion
// largest remainders for it.
type GrantsStack struct {
	// IgnoreSaturation scales matches up to the pool even when T < M.
	IgnoreSaturation bool
	// CapBps, if not 0, is the cap from --param cap-percent (in basis points).
	CapBps uint32
}

// Name implements [Mechanism].
func (GrantsStack) Name() string { return GrantsStackName }

var oneScale = big.NewInt(1)

// Raw implements [Mechanism]: each gap's score q as an integer (Scale 1).
func (GrantsStack) Raw(nGaps int, terms []Term) (Raw, error) {
	raw := Raw{Values: make([]*big.Int, nGaps), Scale: oneScale}
	for g := range raw.Values {
		raw.Values[g] = new(big.Int)
	}
	var (
		amounts []*big.Int
		cur     int32 = -1
	)
	flush := func() {
		if cur >= 0 {
			raw.Values[cur] = GrantsStackScore(amounts).Score
		}
		amounts = amounts[:0]
	}
	w := new(big.Int)
	for i := range terms {
		t := &terms[i]
		if t.Gap != cur {
			flush()
			cur = t.Gap
		}
		amounts = append(amounts, GrantsStackWeighted(t.Amount.ToBig(), w.SetUint64(uint64(t.Weight))))
	}
	flush()
	return raw, nil
}

// GrantsStackWeighted is the indexer's coefficient step: floor(c·w_bps/10000).
func GrantsStackWeighted(c, wBps *big.Int) *big.Int {
	v := new(big.Int).Mul(c, wBps)
	return v.Quo(v, big.NewInt(int64(One)))
}

// GrantsStackProject is one project's sums under the Grants Stack rule.
type GrantsStackProject struct {
	Contributors       int      // contributor entries (including zero amounts)
	SumOfSqrt          *big.Int // Σ isqrt(c_i)
	SumOfSqrtRemainder *big.Int // Σ (c_i − isqrt(c_i)²)
	TotalReceived      *big.Int // Σ c_i
	Score              *big.Int // (Σ s)² + Σ r − Σ c if Contributors > 1, else 0
}

// GrantsStackScore computes one project's sums from its contributors'
// (coefficient-applied) amounts.
func GrantsStackScore(amounts []*big.Int) GrantsStackProject {
	p := GrantsStackProject{Contributors: len(amounts), SumOfSqrt: new(big.Int),
		SumOfSqrtRemainder: new(big.Int), TotalReceived: new(big.Int), Score: new(big.Int)}
	for _, c := range amounts {
		s := new(big.Int).Sqrt(c) // floor square root, exact
		r := new(big.Int).Mul(s, s)
		r.Sub(c, r)
		p.SumOfSqrt.Add(p.SumOfSqrt, s)
		p.SumOfSqrtRemainder.Add(p.SumOfSqrtRemainder, r)
		p.TotalReceived.Add(p.TotalReceived, c)
	}
	if p.Contributors > 1 {
		p.Score.Mul(p.SumOfSqrt, p.SumOfSqrt)
		p.Score.Add(p.Score, p.SumOfSqrtRemainder)
		p.Score.Sub(p.Score, p.TotalReceived) // = (Σs)² − Σs² ≥ 0
	}
	return p
}

// GrantsStackMatches are the per-project outcomes of [GrantsStackMatch].
type GrantsStackMatches struct {
	MatchedWithoutCap []*big.Int
	Matched           []*big.Int
	// CapOverflow is matchedWithoutCap − cap, as the indexer reports it
	// (negative below the cap; 0 when there is no cap).
	CapOverflow []*big.Int
	Capped      []bool
}

// GrantsStackMatch turns project scores into matches: floor(q·M/T), or q
// itself when T < M and saturation is not ignored, then the cap loop when
// capAmount is not nil.
func GrantsStackMatch(scores []*big.Int, pool *big.Int, capAmount *big.Int, ignoreSaturation bool) (GrantsStackMatches, error) {
	n := len(scores)
	m := GrantsStackMatches{MatchedWithoutCap: make([]*big.Int, n), Matched: make([]*big.Int, n),
		CapOverflow: make([]*big.Int, n), Capped: make([]bool, n)}
	total := new(big.Int)
	for _, q := range scores {
		total.Add(total, q)
	}
	unsaturated := total.Cmp(pool) < 0 && !ignoreSaturation
	for i, q := range scores {
		v := new(big.Int)
		switch {
		case unsaturated:
			v.Set(q)
		case total.Sign() > 0:
			v.Mul(q, pool)
			v.Quo(v, total)
		}
		m.MatchedWithoutCap[i] = v
		m.Matched[i] = new(big.Int).Set(v)
		m.CapOverflow[i] = new(big.Int)
	}
	if capAmount == nil {
		return m, nil
	}
	for i := range scores {
		m.CapOverflow[i].Sub(m.MatchedWithoutCap[i], capAmount)
	}
	return m, GrantsStackCapLoop(m.Matched, m.Capped, pool, capAmount)
}

// GrantsStackCapLoop applies the indexer's cap loop to matched in place:
// every match above the cap is set to it and the overflow O summed; the
// matches strictly below the cap (sum U) each gain floor(m·O/U); repeat
// until no overflow or nothing below the cap. A match exactly at the cap
// neither gives nor takes. Each pass caps at least one more project, so the
// loop ends within len(matched) passes, and each pass hands out at most O,
// so Σ matched never grows past its starting sum.
func GrantsStackCapLoop(matched []*big.Int, capped []bool, pool, capAmount *big.Int) error {
	for pass := 0; pass <= len(matched); pass++ {
		overflow, uncapped, after := new(big.Int), new(big.Int), new(big.Int)
		for i, v := range matched {
			switch v.Cmp(capAmount) {
			case 1:
				overflow.Add(overflow, new(big.Int).Sub(v, capAmount))
				v.Set(capAmount)
				capped[i] = true
			case -1:
				uncapped.Add(uncapped, v)
			}
			after.Add(after, v)
		}
		if uncapped.Sign() == 0 || overflow.Sign() == 0 {
			return nil
		}
		if new(big.Int).Add(overflow, after).Cmp(pool) > 0 {
			return fmt.Errorf("%w: cap loop would pay %s of a pool of %s", ErrGrantsStack, new(big.Int).Add(overflow, after), pool)
		}
		for _, v := range matched {
			if v.Cmp(capAmount) < 0 {
				add := new(big.Int).Mul(v, overflow)
				v.Add(v, add.Quo(add, uncapped))
			}
		}
	}
	return fmt.Errorf("%w: cap loop did not settle", ErrGrantsStack) // unreachable: each pass caps one more
}

// DistributeRaw distributes the pool the Grants Stack way over the scores
// of [GrantsStack.Raw]. The cap is opts.CapBps (--cap-bps) or the
// mechanism's cap-percent, never both; opts.NoUpscale is the rule's own
// default and conflicts only with ignore-saturation.
func (g GrantsStack) DistributeRaw(pool *uint256.Int, raw Raw, opts DistributeOptions) (Distribution, error) {
	n := len(raw.Values)
	d := Distribution{Payouts: make([]uint256.Int, n), Capped: make([]bool, n)}
	if raw.Scale.Cmp(oneScale) != 0 {
		return d, fmt.Errorf("%w: scores must be integers (scale 1)", ErrGrantsStack)
	}
	if err := g.validate(opts.CapBps, opts.NoUpscale); err != nil {
		return d, err
	}
	capBps := opts.CapBps
	if g.CapBps != 0 {
		capBps = g.CapBps
	}
	if capBps > 10000 {
		return d, fmt.Errorf("%w: got %d", ErrCap, capBps)
	}
	poolB := pool.ToBig()
	var capB *big.Int
	if capBps > 0 {
		capB = new(big.Int).Mul(poolB, big.NewInt(int64(capBps)))
		capB.Quo(capB, big.NewInt(10000))
	}
	m, err := GrantsStackMatch(raw.Values, poolB, capB, g.IgnoreSaturation)
	if err != nil {
		return d, err
	}
	total := new(big.Int)
	for i, v := range m.Matched {
		total.Add(total, v)
		d.Payouts[i].SetFromBig(v)
		d.Capped[i] = m.Capped[i]
	}
	if total.Cmp(poolB) > 0 { // the rule cannot do this; refuse rather than overpay
		return d, fmt.Errorf("%w: matches %s exceed the pool %s", ErrGrantsStack, total, poolB)
	}
	d.Total.SetFromBig(total)
	return d, nil
}

// validate checks the round's pool settings against the parameters.
func (g GrantsStack) validate(capBps uint32, noUpscale bool) error {
	if noUpscale && g.IgnoreSaturation {
		return fmt.Errorf("%w: grants-stack: no-upscale and the parameter ignore-saturation=true contradict each other", ErrParam)
	}
	if capBps != 0 && g.CapBps != 0 {
		return fmt.Errorf("%w: grants-stack: give the cap once, as cap-bps or as the parameter cap-percent", ErrParam)
	}
	return nil
}

// PoolDistributor is a mechanism that distributes its pool by its own rule
// instead of [Distribute]'s largest remainders.
type PoolDistributor interface {
	DistributeRaw(pool *uint256.Int, raw Raw, opts DistributeOptions) (Distribution, error)
}

// grantsStackParams reads ignore-saturation=true|false and cap-percent=P.
func grantsStackParams(p Params) (Mechanism, error) {
	var g GrantsStack
	if v, ok := p["ignore-saturation"]; ok {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return nil, fmt.Errorf("%w: grants-stack: ignore-saturation=%q must be true or false", ErrParam, v)
		}
		g.IgnoreSaturation = b
	}
	if v, ok := p["cap-percent"]; ok {
		bps, err := GrantsStackCapBps(v)
		if err != nil {
			return nil, err
		}
		if bps == 0 {
			return nil, fmt.Errorf("%w: grants-stack: cap-percent=%q truncates to 0 basis points (no project could be matched)", ErrParam, v)
		}
		g.CapBps = bps
	}
	return g, nil
}

// GrantsStackVoteCap is the indexer's per-token vote cap: a vote of amount
// (in its token) worth amountRoundToken is counted as
// floor(amountRoundToken·cap/amount). The indexer applies it to every vote
// in a capped token, below the cap too (a vote under the cap counts for
// more than it paid); this reproduces that. price.VoteCap applies it to a
// multi-token round's rows (a price ledger's vote_cap column).
func GrantsStackVoteCap(amount, amountRoundToken, voteCap *big.Int) (*big.Int, error) {
	if amount.Sign() <= 0 {
		return nil, fmt.Errorf("%w: vote cap: the vote's token amount must be positive", ErrAmount)
	}
	v := new(big.Int).Mul(amountRoundToken, voteCap)
	return v.Quo(v, amount), nil
}
