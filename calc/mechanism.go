package calc

import (
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"strings"
)

// Raw holds each gap's raw subsidy as an integer numerator over a common
// Scale: gap p's subsidy in base units is Values[p] / Scale.
type Raw struct {
	Values []*big.Int
	Scale  *big.Int
}

// Mechanism turns matchable terms into raw subsidies.
type Mechanism interface {
	// Name is the --mechanism value.
	Name() string
	// Raw computes one raw subsidy per gap; terms are grouped by gap.
	Raw(nGaps int, terms []Term) (Raw, error)
}

// Params are a mechanism's --param k=v settings.
type Params map[string]string

type mechanismInfo struct {
	summary string
	params  []string // accepted parameter names
	build   func(Params) (Mechanism, error)
}

var mechanisms = map[string]mechanismInfo{
	"qf": {
		summary: "classic quadratic funding, exact integer rule (default)",
		build:   func(Params) (Mechanism, error) { return QF{}, nil },
	},
	"linear": {
		summary: "raw subsidy = the weighted direct total (pro-rata matching)",
		build:   func(Params) (Mechanism, error) { return Linear{}, nil },
	},
	"pairwise": {
		summary: "pairwise coordination subsidies; --param M=<bound in base units>",
		params:  []string{"M"},
		build: func(p Params) (Mechanism, error) {
			m, err := p.bound("pairwise", "M", "the pair bound, in base units")
			return Pairwise{M: m}, err
		},
	},
	"cluster": {
		summary: "N_p = M_p² cluster-bounded pairwise; --param D=<bound in base units squared>",
		params:  []string{"D"},
		build: func(p Params) (Mechanism, error) {
			d, err := p.bound("cluster", "D", "the bound, in base units squared")
			return Cluster{D: d}, err
		},
	},
	"cocm": {
		summary: "Gitcoin's connection-oriented cluster match (markov, harsh; gaps as clusters)",
		build:   func(Params) (Mechanism, error) { return COCM{}, nil },
	},
	GrantsStackName: {
		summary: "the Grants Stack indexer's integer QF: no upscale, cap loop; [--param ignore-saturation=true] [--param cap-percent=P]",
		params:  []string{"ignore-saturation", "cap-percent"},
		build:   grantsStackParams,
	},
	CQFName: {
		summary: "coordinated QF: pledges with limits, no pool; --param sigma=<σ> [--param decay=<D>] [--param linear=true]",
		params:  []string{"sigma", "decay", "linear"},
		build: func(p Params) (Mechanism, error) {
			if _, _, err := p.CQF(); err != nil {
				return nil, err
			}
			return nil, fmt.Errorf("%w: %s rounds are solved pledge by pledge", ErrNotPool, CQFName)
		},
	},
}

// CQFName is the mechanism name of coordinated-QF rounds.
const CQFName = "cqf"

// CQF reads a coordinated-QF round's parameters: sigma (the first pledge's
// saturation speed per √base unit, a positive decimal such as 1e-9),
// decay (pledge k gets sigma/(1 + decay·k); default 0, constant) and
// linear (the fallback h = Σ pay_i; default false).
func (p Params) CQF() (CQFPolicy, bool, error) {
	var pol CQFPolicy
	v, ok := p["sigma"]
	if !ok {
		return pol, false, fmt.Errorf("%w: %w", ErrParam, &MissingParamError{Mechanism: CQFName, Name: "sigma", Value: "S", What: "the first pledge's saturation speed per √base unit, about 1/√limit, e.g. sigma=1e-9"})
	}
	if pol.Sigma, ok = new(big.Rat).SetString(v); !ok || pol.Sigma.Sign() <= 0 {
		return pol, false, fmt.Errorf("%w: cqf: sigma=%q must be a positive decimal, e.g. sigma=1e-9", ErrParam, v)
	}
	pol.Decay = new(big.Rat)
	if v, ok := p["decay"]; ok {
		if pol.Decay, ok = new(big.Rat).SetString(v); !ok || pol.Decay.Sign() < 0 {
			return pol, false, fmt.Errorf("%w: cqf: decay=%q must be a non-negative decimal (0 is constant σ)", ErrParam, v)
		}
	}
	linear := false
	if v, ok := p["linear"]; ok {
		var err error
		if linear, err = strconv.ParseBool(v); err != nil {
			return pol, false, fmt.Errorf("%w: cqf: linear=%q must be true or false", ErrParam, v)
		}
	}
	return pol, linear, nil
}

// maxBoundBits bounds --param values: far above any sensible bound, low
// enough that the fixed-point scaling never meets a runaway exponent.
const maxBoundBits = 1024

// bound parses a required positive integer parameter: decimal, 0x hex, or
// an exact power-of-ten form like 25e18.
func (p Params) bound(mech, name, what string) (*big.Int, error) {
	v, ok := p[name]
	if !ok {
		return nil, fmt.Errorf("%w: %w", ErrParam, &MissingParamError{Mechanism: mech, Name: name, Value: "N", What: what})
	}
	n, ok := parseBigInt(v)
	if !ok || n.Sign() <= 0 || n.BitLen() > maxBoundBits {
		return nil, fmt.Errorf("%w: %s: %s=%q must be a positive integer (%s), e.g. %s=25e18", ErrParam, mech, name, v, what, name)
	}
	return n, nil
}

// parseBigInt reads "123", "0x7b" or "123e4" (mantissa times a power of ten).
func parseBigInt(s string) (*big.Int, bool) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		return new(big.Int).SetString(s[2:], 16)
	}
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	n, ok := new(big.Int).SetString(mant, 10)
	if !ok || strings.HasPrefix(mant, "+") {
		return nil, false
	}
	if hasExp {
		e, err := strconv.ParseUint(exp, 10, 16)
		if err != nil || e > 400 {
			return nil, false
		}
		n.Mul(n, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(e)), nil))
	}
	return n, true
}

// Mechanisms lists the mechanism names with one-line summaries, sorted.
func Mechanisms() []string {
	var out []string
	for name, m := range mechanisms {
		out = append(out, fmt.Sprintf("%s: %s", name, m.summary))
	}
	sort.Strings(out)
	return out
}

// NewMechanism returns the named mechanism, checking its parameters.
func NewMechanism(name string, params Params) (Mechanism, error) {
	if name == "" {
		name = "qf"
	}
	m, ok := mechanisms[name]
	if !ok {
		var names []string
		for n := range mechanisms {
			names = append(names, n)
		}
		sort.Strings(names)
		return nil, fmt.Errorf("%w %q (known: %s)", ErrMechanism, name, strings.Join(names, ", "))
	}
	for k := range params {
		known := false
		for _, p := range m.params {
			known = known || p == k
		}
		if !known {
			want := "none"
			if len(m.params) > 0 {
				want = strings.Join(m.params, ", ")
			}
			return nil, fmt.Errorf("%w: mechanism %s takes no parameter %q (accepted: %s)", ErrParam, name, k, want)
		}
	}
	return m.build(params)
}

// ParseParams parses "k=v" strings.
func ParseParams(kvs []string) (Params, error) {
	p := Params{}
	for _, kv := range kvs {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return nil, fmt.Errorf("%w: %q: want key=value", ErrParam, kv)
		}
		if _, dup := p[k]; dup {
			return nil, fmt.Errorf("%w: %q given twice", ErrParam, k)
		}
		p[k] = v
	}
	return p, nil
}

// MechanismParams lists the parameter names a mechanism accepts.
func MechanismParams(name string) []string { return mechanisms[name].params }
