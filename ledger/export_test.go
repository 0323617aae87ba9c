package ledger

import "github.com/holiman/uint256"

// GapStripe is gapStripe, for the tests.
func GapStripe(g *uint256.Int) int { return gapStripe(g) }
