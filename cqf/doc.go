// Package cqf solves coordinated quadratic funding (CQF) rounds exactly:
// rounds with pledges and no matching pool. Each pledge to a gap names a
// limit; a [Policy] gives it a saturation speed by join order; [Solve]
// finds the fixed point h = Σ √pay_i(h) of a gap's pledges and returns
// every payment and refund, in integer and 64-bit-mantissa software float
// arithmetic (fx) only, the same bits on every platform (see solve.go for
// the convergence argument and the precision it guarantees).
// [JoinLeverage] solves every prefix of a gap's pledges for each pledge's
// leverage when it joined.
//
// A round's parameters (sigma, decay, linear) are read by calc, which owns
// the round's settings ([calc.Params.CQF]); [PolicyOf] turns them into a
// policy. cqf is not a pool mechanism: calc's registry lists it, without a
// [calc.Mechanism]. Computing a stored or file round's cqf match (gaps,
// rows in arrival order, the payout tree) is the round package's.
package cqf
