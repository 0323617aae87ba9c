package calc

import (
	"fmt"
	"math/big"
	"slices"
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

// MechanismInfo describes a mechanism of the registry, for help texts.
type MechanismInfo struct {
	Name string
	// Summary is one line, lower case, without a final period.
	Summary string
	// Pool is false for coordinated QF, whose rounds have pledges and no
	// pool: it has no [Mechanism], and is solved by the cqf package.
	Pool bool
	// Params are the --param names it accepts, in the order documented.
	Params []ParamInfo
}

// ParamInfo describes one mechanism parameter.
type ParamInfo struct {
	Name string
	// Help says what the value is, with an example.
	Help     string
	Required bool
}

type mechanismInfo struct {
	MechanismInfo
	build func(Params) (Mechanism, error) // nil: not a pool mechanism
}

// registry lists the mechanisms, the default first.
var registry = []mechanismInfo{
	{MechanismInfo: MechanismInfo{Name: "qf", Summary: "classic quadratic funding, the exact integer rule", Pool: true},
		build: func(Params) (Mechanism, error) { return QF{}, nil }},
	{MechanismInfo: MechanismInfo{Name: "linear", Summary: "raw subsidy = the weighted direct total (pro-rata matching)", Pool: true},
		build: func(Params) (Mechanism, error) { return Linear{}, nil }},
	{MechanismInfo: MechanismInfo{Name: "pairwise", Summary: "pairwise coordination subsidies, each pair bounded", Pool: true,
		Params: []ParamInfo{{Name: "M", Help: "the pair bound, in base units (e.g. M=25e18)", Required: true}}},
		build: func(p Params) (Mechanism, error) {
			m, err := p.bound("pairwise", "M", "the pair bound, in base units")
			return Pairwise{M: m}, err
		}},
	{MechanismInfo: MechanismInfo{Name: "cluster", Summary: "N_p = M_p² cluster-bounded pairwise", Pool: true,
		Params: []ParamInfo{{Name: "D", Help: "the bound, in base units squared (e.g. D=625e36)", Required: true}}},
		build: func(p Params) (Mechanism, error) {
			d, err := p.bound("cluster", "D", "the bound, in base units squared")
			return Cluster{D: d}, err
		}},
	{MechanismInfo: MechanismInfo{Name: "cocm", Summary: "Gitcoin's connection-oriented cluster match (markov, harsh; gaps as clusters)", Pool: true},
		build: func(Params) (Mechanism, error) { return COCM{}, nil }},
	{MechanismInfo: MechanismInfo{Name: GrantsStackName, Summary: "the Grants Stack indexer's integer QF: no upscale, its cap loop", Pool: true,
		Params: []ParamInfo{
			{Name: "ignore-saturation", Help: "true scales matches up to the pool even when the scores sum below it"},
			{Name: "cap-percent", Help: "cap each project at P percent of the pool (e.g. cap-percent=10)"},
		}},
		build: grantsStackParams},
	{MechanismInfo: MechanismInfo{Name: CQFName, Summary: "coordinated QF: pledges with limits, no pool",
		Params: []ParamInfo{
			{Name: "sigma", Help: "the first pledge's saturation speed per √base unit (e.g. sigma=1e-9)", Required: true},
			{Name: "decay", Help: "pledge k gets sigma/(1 + decay·k) (default 0, constant)"},
			{Name: "linear", Help: "true uses the linear fallback h = Σ pay_i"},
		}}},
}

// mechanisms indexes the registry by name.
var mechanisms = func() map[string]*mechanismInfo {
	m := make(map[string]*mechanismInfo, len(registry))
	for i := range registry {
		m[registry[i].Name] = &registry[i]
	}
	return m
}()

// CQFName is the mechanism name of coordinated-QF rounds.
const CQFName = "cqf"

// CQF reads a coordinated-QF round's parameters: sigma (the first pledge's
// saturation speed per √base unit, a positive decimal such as 1e-9),
// decay (pledge k gets sigma/(1 + decay·k); default 0, constant) and
// linear (the fallback h = Σ pay_i; default false). The cqf package turns
// them into its policy.
func (p Params) CQF() (sigma, decay *big.Rat, linear bool, err error) {
	v, ok := p["sigma"]
	if !ok {
		return nil, nil, false, fmt.Errorf("%w: %w", ErrParam, &MissingParamError{Mechanism: CQFName, Name: "sigma", Value: "S", What: "the first pledge's saturation speed per √base unit, about 1/√limit, e.g. sigma=1e-9"})
	}
	if sigma, ok = new(big.Rat).SetString(v); !ok || sigma.Sign() <= 0 {
		return nil, nil, false, fmt.Errorf("%w: cqf: sigma=%q must be a positive decimal, e.g. sigma=1e-9", ErrParam, v)
	}
	decay = new(big.Rat)
	if v, ok := p["decay"]; ok {
		if decay, ok = new(big.Rat).SetString(v); !ok || decay.Sign() < 0 {
			return nil, nil, false, fmt.Errorf("%w: cqf: decay=%q must be a non-negative decimal (0 is constant σ)", ErrParam, v)
		}
	}
	if v, ok := p["linear"]; ok {
		if linear, err = strconv.ParseBool(v); err != nil {
			return nil, nil, false, fmt.Errorf("%w: cqf: linear=%q must be true or false", ErrParam, v)
		}
	}
	return sigma, decay, linear, nil
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

// Mechanisms describes every mechanism, the default first, then in the
// order of the README.
func Mechanisms() []MechanismInfo {
	out := make([]MechanismInfo, len(registry))
	for i := range registry {
		out[i] = registry[i].MechanismInfo
	}
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
	names := MechanismParams(name)
	for k := range params {
		if !slices.Contains(names, k) {
			want := "none"
			if len(names) > 0 {
				want = strings.Join(names, ", ")
			}
			return nil, fmt.Errorf("%w: mechanism %s takes no parameter %q (accepted: %s)", ErrParam, name, k, want)
		}
	}
	if m.build == nil {
		if _, _, _, err := params.CQF(); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%w: %s rounds are solved pledge by pledge", ErrNotPool, name)
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
func MechanismParams(name string) []string {
	m, ok := mechanisms[name]
	if !ok {
		return nil
	}
	names := make([]string, len(m.Params))
	for i, p := range m.Params {
		names[i] = p.Name
	}
	return names
}
