package payout

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/price"
)

// Report is the published outcome of a round, as `qf calc --json` prints it
// and the store keeps it. Amounts are in base units, as quoted decimals
// in JSON (uint256's encoding).
type Report struct {
	Root          common.Hash  `json:"root"`
	Leaf          Leaf         `json:"leaf,omitempty"`
	Pool          *uint256.Int `json:"pool"`
	Mechanism     string       `json:"mechanism"`
	Matched       *uint256.Int `json:"matched"`
	Unspent       *uint256.Int `json:"unspent"`
	Direct        *uint256.Int `json:"direct"`
	Contributions int          `json:"contributions"`
	Donors        int          `json:"donors"`
	// Voided counts a stored round's voided contributions, which the
	// figures leave out.
	Voided int         `json:"voided,omitempty"`
	Gaps   []GapReport `json:"gaps"`
	// Settings and Inputs are set on a publication's report.json (qf calc
	// --out, qf export --format bundle): with them the folder is enough to
	// recompute the round (qf verify bundle).
	Settings *Settings `json:"settings,omitempty"`
	Inputs   []Input   `json:"inputs,omitempty"`
	// Tokens are a multi-token round's per-token totals, with the price
	// each token was converted at (absent for a round without a price
	// ledger).
	Tokens []price.Total `json:"tokens,omitempty"`
}

// GapReport is one gap's line in a [Report].
type GapReport struct {
	Gap       string  `json:"gap"`
	Recipient Address `json:"recipient"`
	// RecipientID is the gap's Allo v2 recipientId, when it has one.
	RecipientID  *Address     `json:"recipientId,omitempty"`
	Contributors int          `json:"contributors"`
	Direct       *uint256.Int `json:"direct"`
	Match        *uint256.Int `json:"match"`
	Capped       bool         `json:"capped,omitempty"`
}

// NewReport summarizes a result; root is the tree's root (zero if no tree).
func NewReport(r *calc.Result, root common.Hash, leaf Leaf) *Report {
	u := r.Unspent()
	rep := &Report{Root: root, Leaf: leaf, Pool: new(uint256.Int).Set(&r.Pool), Mechanism: r.Mechanism, Matched: new(uint256.Int).Set(&r.Matched),
		Unspent: &u, Direct: new(uint256.Int).Set(&r.Direct), Contributions: r.Rows, Donors: r.Donors, Gaps: make([]GapReport, len(r.Gaps))}
	for i, g := range r.Gaps {
		rep.Gaps[i] = GapReport{Gap: g.Gap.Dec(), Recipient: Address(g.Recipient), Contributors: g.Contributors,
			Direct: new(uint256.Int).Set(&g.Direct), Match: new(uint256.Int).Set(&g.Match), Capped: g.Capped}
		if g.RecipientID != (common.Address{}) {
			id := Address(g.RecipientID)
			rep.Gaps[i].RecipientID = &id
		}
	}
	return rep
}

// Settings are every setting a published round was computed with, so a
// verifier needs nothing but the publication: amounts in base units.
type Settings struct {
	Mechanism  string      `json:"mechanism"`
	Params     calc.Params `json:"params"`
	Pool       string      `json:"pool"`
	CapBps     uint32      `json:"capBps"`
	NoUpscale  bool        `json:"noUpscale"`
	MinAmount  string      `json:"minAmount"`
	ScoreScale string      `json:"scoreScale"`
	Decimals   uint8       `json:"decimals"`
	Leaf       Leaf        `json:"leaf"`
	// Units is the unit of the contributions file's amount column: "base"
	// or "token" (scaled by Decimals).
	Units string `json:"units"`
}

// NewSettings records a round's settings.
func NewSettings(cfg calc.Config, decimals uint8, leaf Leaf, units string) *Settings {
	p := cfg.Params
	if p == nil {
		p = calc.Params{}
	}
	return &Settings{Mechanism: cfg.Mechanism, Params: p, Pool: cfg.Pool.Dec(), CapBps: cfg.CapBps, NoUpscale: cfg.NoUpscale,
		MinAmount: cfg.MinAmount.Dec(), ScoreScale: cfg.ScoreScale, Decimals: decimals, Leaf: leaf, Units: units}
}

// Config is the calc configuration the settings describe.
func (s *Settings) Config() (calc.Config, error) {
	cfg := calc.Config{Mechanism: s.Mechanism, Params: s.Params, CapBps: s.CapBps, NoUpscale: s.NoUpscale, ScoreScale: s.ScoreScale}
	if len(cfg.Params) == 0 {
		cfg.Params = nil
	}
	var err error
	if cfg.Pool, err = calc.ParseAmount(s.Pool, 0); err != nil {
		return cfg, fmt.Errorf("settings: pool: %w", err)
	}
	if cfg.MinAmount, err = calc.ParseAmount(s.MinAmount, 0); err != nil {
		return cfg, fmt.Errorf("settings: minAmount: %w", err)
	}
	return cfg, cfg.Validate()
}

// Input is a published input file and its SHA-256 (hex).
type Input struct {
	Role   string `json:"role"` // "contributions" or "gaps"
	File   string `json:"file"` // path inside the publication
	SHA256 string `json:"sha256"`
}

// ErrReportAmount reports a report whose JSON lacks an amount.
var ErrReportAmount = errors.New("report amount missing")

// UnmarshalJSON reads a report (amounts as quoted decimals) and checks
// that every amount is there, so that no reader meets a nil one.
func (r *Report) UnmarshalJSON(b []byte) error {
	type plain Report
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		v    *uint256.Int
	}{{"pool", p.Pool}, {"matched", p.Matched}, {"unspent", p.Unspent}, {"direct", p.Direct}} {
		if f.v == nil {
			return fmt.Errorf("%w: %s", ErrReportAmount, f.name)
		}
	}
	for i, g := range p.Gaps {
		if g.Direct == nil || g.Match == nil {
			return fmt.Errorf("%w: gaps[%d] (gap %q) needs direct and match", ErrReportAmount, i, g.Gap)
		}
	}
	*r = Report(p)
	return nil
}
