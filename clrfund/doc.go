// Package clrfund recomputes published clr.fund rounds from their tallies.
//
// clr.fund runs QF under MACI: votes are encrypted, so what a round
// publishes is, per vote option (project), the tally t_p (Σ of √votes) and
// the voice credits spent s_p, together with the matching pool and the voice
// credit factor v (token base units per voice credit). Each project's
// allocatedAmount follows from those with one of two integer formulas
// ([FormulaV1], [FormulaV2]), which [Allocate] evaluates exactly with
// math/big, and [Verify] compares with what the round published.
//
//	v1: payout_p = floor(pool · t_p / Σ t) + s_p · v
//	v2: α = floor((B − S·v) · 10^18 / (v · (Σ t_p² − S))), B = pool + S·v, S = Σ s_p
//	    payout_p = floor((α·v·t_p² + 10^18·v·s_p − α·v·s_p) / 10^18)
package clrfund
