package app

import (
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
)

// showAmount is an amount for people: base units, or in whole tokens
// when the round has decimals (as [show] does with a decimal string).
func showAmount(a *uint256.Int, dec uint8) string {
	if dec == 0 {
		return a.Dec()
	}
	return calc.FormatAmount(a, dec)
}
