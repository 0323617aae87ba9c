package cqf

import "github.com/qf-dev/qf/calc"

// PolicyOf reads a coordinated-QF round's parameters ([calc.Params.CQF]):
// its speed policy and whether it uses the linear fallback.
func PolicyOf(p calc.Params) (Policy, bool, error) {
	sigma, decay, linear, err := p.CQF()
	if err != nil {
		return Policy{}, false, err
	}
	return Policy{Sigma: sigma, Decay: decay}, linear, nil
}
