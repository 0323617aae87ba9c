package calc

import (
	"fmt"
	"math/big"
	"sort"
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
