package calc

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// Config is everything about a round that decides its payouts.
type Config struct {
	Mechanism string `json:"mechanism"`
	Params    Params `json:"params,omitempty"`
	// Pool is the matching pool in base units.
	Pool uint256.Int `json:"pool"`
	// CapBps caps each gap's match (1..10000); 0 is no cap.
	CapBps uint32 `json:"capBps,omitempty"`
	// NoUpscale leaves the pool partly unspent when raw subsidies fall short.
	NoUpscale bool `json:"noUpscale,omitempty"`
	// MinAmount drops smaller contributions from matching (they still count as direct).
	MinAmount uint256.Int `json:"minAmount"`
	// ScoreScale, if set ("LO:HI"), maps donors' identity scores to weights.
	ScoreScale string `json:"scoreScale,omitempty"`
}

// Validate checks the settings without computing anything.
func (c *Config) Validate() error {
	if c.Mechanism == CQFName {
		return c.validateCQF()
	}
	m, err := NewMechanism(c.Mechanism, c.Params)
	if err != nil {
		return err
	}
	if g, ok := m.(GrantsStack); ok {
		if err := g.validate(c.CapBps, c.NoUpscale); err != nil {
			return err
		}
	}
	if c.CapBps > 10000 {
		return fmt.Errorf("%w: got %d", ErrCap, c.CapBps)
	}
	if c.ScoreScale != "" {
		if _, err := ParseScoreScale(c.ScoreScale); err != nil {
			return err
		}
	}
	return nil
}

// GapResult is one gap's outcome.
type GapResult struct {
	Gap          uint256.Int
	Recipient    common.Address
	RecipientID  common.Address // Allo v2 recipientId, zero if none (see [Gap])
	Contributors int            // distinct donors
	Direct       uint256.Int    // Σ of all contributions
	Raw          *big.Int       // raw subsidy × Result.Scale
	Match        uint256.Int
	Capped       bool
}

// Result is a computed round.
type Result struct {
	Mechanism string
	Pool      uint256.Int
	Scale     *big.Int // raw subsidies are Raw/Scale base units
	Gaps      []GapResult
	Direct    uint256.Int // Σ direct (may not fit if absurd; see Compute)
	Matched   uint256.Int // Σ match ≤ Pool
	Rows      int
	Donors    int
}

// Unspent is the part of the pool not paid out.
func (r *Result) Unspent() uint256.Int {
	var u uint256.Int
	u.Sub(&r.Pool, &r.Matched)
	return u
}

// Compute runs the round's mechanism over a tally and distributes the pool.
// The tally must have been built with cfg.MinAmount.
func Compute(t *Tally, cfg Config) (*Result, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	mech, err := NewMechanism(cfg.Mechanism, cfg.Params)
	if err != nil { // a valid cqf config: no pool to compute
		return nil, err
	}
	terms, err := t.Terms()
	if err != nil {
		return nil, err
	}
	raw, err := mech.Raw(len(t.gaps), terms)
	if err != nil {
		return nil, err
	}
	opts := DistributeOptions{CapBps: cfg.CapBps, NoUpscale: cfg.NoUpscale}
	var dist Distribution
	if d, ok := mech.(PoolDistributor); ok { // a mechanism with its own pool rule (grants-stack)
		dist, err = d.DistributeRaw(&cfg.Pool, raw, opts)
	} else {
		dist, err = Distribute(&cfg.Pool, raw, opts)
	}
	if err != nil {
		return nil, err
	}
	direct, donors, err := t.gapTotals()
	if err != nil {
		return nil, err
	}
	r := &Result{Mechanism: mech.Name(), Pool: cfg.Pool, Scale: raw.Scale, Gaps: make([]GapResult, len(t.gaps)),
		Matched: dist.Total, Rows: len(t.entries), Donors: len(t.donors)}
	for i, g := range t.gaps {
		r.Gaps[i] = GapResult{Gap: g.ID, Recipient: g.Recipient, RecipientID: g.RecipientID, Contributors: donors[i], Direct: direct[i],
			Raw: raw.Values[i], Match: dist.Payouts[i], Capped: dist.Capped[i]}
		if _, over := r.Direct.AddOverflow(&r.Direct, &direct[i]); over {
			return nil, fmt.Errorf("%w: round's direct total", ErrOverflow)
		}
	}
	return r, nil
}

type configJSON struct {
	Mechanism  string `json:"mechanism"`
	Params     Params `json:"params,omitempty"`
	Pool       string `json:"pool"`
	CapBps     uint32 `json:"capBps,omitempty"`
	NoUpscale  bool   `json:"noUpscale,omitempty"`
	MinAmount  string `json:"minAmount,omitempty"`
	ScoreScale string `json:"scoreScale,omitempty"`
}

// MarshalJSON writes amounts as decimal strings.
func (c Config) MarshalJSON() ([]byte, error) {
	j := configJSON{Mechanism: c.Mechanism, Params: c.Params, Pool: c.Pool.Dec(), CapBps: c.CapBps, NoUpscale: c.NoUpscale, ScoreScale: c.ScoreScale}
	if !c.MinAmount.IsZero() {
		j.MinAmount = c.MinAmount.Dec()
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (c *Config) UnmarshalJSON(b []byte) error {
	var j configJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	pool, err := ParseAmount(j.Pool, 0)
	if err != nil {
		return fmt.Errorf("pool: %w", err)
	}
	var min uint256.Int
	if j.MinAmount != "" {
		if min, err = ParseAmount(j.MinAmount, 0); err != nil {
			return fmt.Errorf("minAmount: %w", err)
		}
	}
	*c = Config{Mechanism: j.Mechanism, Params: j.Params, Pool: pool, CapBps: j.CapBps, NoUpscale: j.NoUpscale, MinAmount: min, ScoreScale: j.ScoreScale}
	return nil
}

// validateCQF checks a coordinated-QF round: its parameters, and none of
// the pool settings, which have no meaning without a pool.
func (c *Config) validateCQF() error {
	if _, err := NewMechanism(c.Mechanism, c.Params); !errors.Is(err, ErrNotPool) {
		return err
	}
	var pool []string
	if !c.Pool.IsZero() {
		pool = append(pool, "pool")
	}
	if c.CapBps != 0 {
		pool = append(pool, "cap-bps")
	}
	if c.NoUpscale {
		pool = append(pool, "no-upscale")
	}
	if !c.MinAmount.IsZero() {
		pool = append(pool, "min-amount")
	}
	if c.ScoreScale != "" {
		pool = append(pool, "score-scale")
	}
	if pool != nil {
		return fmt.Errorf("%w: %w", ErrParam, &PoolSettingsError{Settings: pool})
	}
	return nil
}
