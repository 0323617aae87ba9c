package clrfund

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
)

var (
	// ErrNoTally reports a round file without a tally: nothing to recompute.
	ErrNoTally = errors.New("no tally in the file: nothing to recompute")
	// ErrField reports a missing or malformed field.
	ErrField = errors.New("bad field")
	// ErrFormula reports an unknown formula name.
	ErrFormula = errors.New("unknown formula (want v1, v2 or auto)")
)

// Formula is one of clr.fund's allocation formulas.
type Formula string

// The formulas clr.fund has used.
const (
	FormulaV1 Formula = "v1" // xDAI rounds, 2020–2021
	FormulaV2 Formula = "v2" // the "alpha" formula (Arbitrum rounds, 2023)
)

// Project is one published recipient.
type Project struct {
	Index     int      // vote option (recipientIndex)
	Name      string   //
	Recipient string   //
	State     string   // Accepted, Removed, …
	Allocated *big.Int // published allocatedAmount; nil when the file has none
}

// Round is a published round's numbers.
type Round struct {
	Pool     *big.Int   // round.matchingPoolSize
	Factor   *big.Int   // round.voiceCreditFactor
	Tally    []*big.Int // tally.results.tally, by vote option
	Spent    []*big.Int // tally.totalVoiceCreditsPerVoteOption.tally
	Projects []Project
}

type file struct {
	Round *struct {
		MatchingPoolSize  *string `json:"matchingPoolSize"`
		VoiceCreditFactor *string `json:"voiceCreditFactor"`
	} `json:"round"`
	Projects []struct {
		RecipientIndex   *int    `json:"recipientIndex"`
		Name             string  `json:"name"`
		RecipientAddress string  `json:"recipientAddress"`
		State            string  `json:"state"`
		AllocatedAmount  *string `json:"allocatedAmount"`
	} `json:"projects"`
	Tally *struct {
		Results *struct {
			Tally []string `json:"tally"`
		} `json:"results"`
		Spent *struct {
			Tally []string `json:"tally"`
		} `json:"totalVoiceCreditsPerVoteOption"`
	} `json:"tally"`
}

// Parse reads a clr.fund round file (the front end's round JSON). Errors
// name the field.
func Parse(b []byte) (*Round, error) {
	var f file
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("not a clr.fund round file: %w", err)
	}
	if f.Round == nil {
		return nil, fmt.Errorf("%w: round: missing", ErrField)
	}
	r := &Round{}
	var err error
	if r.Pool, err = number("round.matchingPoolSize", f.Round.MatchingPoolSize); err != nil {
		return nil, err
	}
	if r.Factor, err = number("round.voiceCreditFactor", f.Round.VoiceCreditFactor); err != nil {
		return nil, err
	}
	if r.Factor.Sign() == 0 {
		return nil, fmt.Errorf("%w: round.voiceCreditFactor: zero", ErrField)
	}
	if f.Tally == nil {
		return nil, ErrNoTally
	}
	if f.Tally.Results == nil {
		return nil, fmt.Errorf("%w: tally.results.tally: missing", ErrField)
	}
	if f.Tally.Spent == nil {
		return nil, fmt.Errorf("%w: tally.totalVoiceCreditsPerVoteOption.tally: missing", ErrField)
	}
	if r.Tally, err = numbers("tally.results.tally", f.Tally.Results.Tally); err != nil {
		return nil, err
	}
	if r.Spent, err = numbers("tally.totalVoiceCreditsPerVoteOption.tally", f.Tally.Spent.Tally); err != nil {
		return nil, err
	}
	if len(r.Tally) != len(r.Spent) {
		return nil, fmt.Errorf("%w: tally.results.tally has %d options, totalVoiceCreditsPerVoteOption %d", ErrField, len(r.Tally), len(r.Spent))
	}
	for i, p := range f.Projects {
		where := fmt.Sprintf("projects[%d]", i)
		if p.RecipientIndex == nil {
			if p.AllocatedAmount != nil {
				return nil, fmt.Errorf("%w: %s.recipientIndex: missing for a project with an allocatedAmount", ErrField, where)
			}
			continue // rejected before it got a vote option
		}
		if p.AllocatedAmount == nil && *p.RecipientIndex >= len(r.Tally) {
			continue // registered after this round's tally
		}
		if *p.RecipientIndex < 0 || *p.RecipientIndex >= len(r.Tally) {
			return nil, fmt.Errorf("%w: %s.recipientIndex %d: the tally has %d options", ErrField, where, *p.RecipientIndex, len(r.Tally))
		}
		pr := Project{Index: *p.RecipientIndex, Name: p.Name, Recipient: p.RecipientAddress, State: p.State}
		if p.AllocatedAmount != nil {
			if pr.Allocated, err = number(where+".allocatedAmount", p.AllocatedAmount); err != nil {
				return nil, err
			}
		}
		r.Projects = append(r.Projects, pr)
	}
	return r, nil
}

func number(field string, s *string) (*big.Int, error) {
	if s == nil {
		return nil, fmt.Errorf("%w: %s: missing", ErrField, field)
	}
	n, ok := new(big.Int).SetString(*s, 10)
	if !ok || n.Sign() < 0 {
		return nil, fmt.Errorf("%w: %s: %q is not a non-negative integer", ErrField, field, *s)
	}
	return n, nil
}

func numbers(field string, ss []string) ([]*big.Int, error) {
	out := make([]*big.Int, len(ss))
	for i := range ss {
		n, err := number(fmt.Sprintf("%s[%d]", field, i), &ss[i])
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}

// Allocate computes every vote option's allocation with formula f.
func Allocate(r *Round, f Formula) ([]*big.Int, error) {
	S, T, Q := new(big.Int), new(big.Int), new(big.Int)
	for i := range r.Tally {
		S.Add(S, r.Spent[i])
		T.Add(T, r.Tally[i])
		Q.Add(Q, new(big.Int).Mul(r.Tally[i], r.Tally[i]))
	}
	out := make([]*big.Int, len(r.Tally))
	switch f {
	case FormulaV1:
		for i, t := range r.Tally {
			a := new(big.Int)
			if T.Sign() > 0 {
				a.Quo(new(big.Int).Mul(r.Pool, t), T)
			}
			out[i] = a.Add(a, new(big.Int).Mul(r.Spent[i], r.Factor))
		}
	case FormulaV2:
		one := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
		den := new(big.Int).Mul(r.Factor, new(big.Int).Sub(Q, S))
		alpha := new(big.Int)
		if den.Sign() > 0 {
			// B − S·v with B = pool + S·v is the pool.
			alpha.Quo(new(big.Int).Mul(r.Pool, one), den)
		}
		for i, t := range r.Tally {
			x := new(big.Int).Mul(alpha, r.Factor)
			x.Mul(x, new(big.Int).Mul(t, t))
			x.Add(x, new(big.Int).Mul(new(big.Int).Mul(one, r.Factor), r.Spent[i]))
			x.Sub(x, new(big.Int).Mul(new(big.Int).Mul(alpha, r.Factor), r.Spent[i]))
			out[i] = x.Quo(x, one)
		}
	default:
		return nil, fmt.Errorf("%w: %q", ErrFormula, f)
	}
	return out, nil
}

// Check is one project's published and recomputed allocation.
type Check struct {
	Index     int    `json:"index"`
	Name      string `json:"name"`
	Published string `json:"published"`
	Computed  string `json:"computed"`
	Diff      string `json:"diff"` // computed − published, base units
}

// Report is a round verified with one formula.
type Report struct {
	Formula  Formula  `json:"formula"`
	Projects int      `json:"projects"` // with a published allocation
	Exact    bool     `json:"exact"`    // every one equal to the wei
	MaxDiff  *big.Int `json:"maxDiff"`  // largest |diff|
	Differ   []Check  `json:"differ"`   // the projects that differ
}

// Verify recomputes r with formula f, or with "auto" both formulas, keeping
// the one that agrees exactly, else the closer one.
func Verify(r *Round, f Formula) (*Report, error) {
	if f == "auto" || f == "" {
		v2, err := Verify(r, FormulaV2)
		if err != nil || v2.Exact {
			return v2, err
		}
		v1, err := Verify(r, FormulaV1)
		if err != nil || v1.Exact || v1.MaxDiff.Cmp(v2.MaxDiff) <= 0 {
			return v1, err
		}
		return v2, nil
	}
	alloc, err := Allocate(r, f)
	if err != nil {
		return nil, err
	}
	rep := &Report{Formula: f, MaxDiff: new(big.Int), Differ: []Check{}}
	for _, p := range r.Projects {
		if p.Allocated == nil {
			continue
		}
		rep.Projects++
		d := new(big.Int).Sub(alloc[p.Index], p.Allocated)
		if d.Sign() != 0 {
			rep.Differ = append(rep.Differ, Check{Index: p.Index, Name: p.Name, Published: p.Allocated.String(), Computed: alloc[p.Index].String(), Diff: d.String()})
			if a := new(big.Int).Abs(d); a.Cmp(rep.MaxDiff) > 0 {
				rep.MaxDiff = a
			}
		}
	}
	rep.Exact = len(rep.Differ) == 0
	return rep, nil
}
