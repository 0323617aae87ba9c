// Package calc computes quadratic funding matches with exact integer
// arithmetic. It is pure: no I/O, no storage, no clocks, no floats.
//
// A round is computed in three steps:
//
//  1. A [Tally] sums each donor's contributions to each gap (c_pi). A donor
//     who gave to a gap twice counts once, with the sum. Contributions below
//     the round's minimum still count as direct funding but not for matching.
//
//  2. A [Mechanism] turns the tally into each gap's raw subsidy. For the
//     default "qf" rule every implementation reproduces the same integers:
//
//     s_pi  = isqrt(c_pi · 10^18)
//     raw_p = max(0, (Σ_i s_pi)² − 10^18 · Σ_i c_pi)
//
//     so raw_p is the classic (Σ√c)² − Σc scaled by 10^18. With donor weights
//     w (basis points) the rule is the same with w·c in place of c, evaluated
//     without intermediate rounding: s = isqrt(c · w_bps · 10^14).
//
//  3. [Distribute] apportions the matching pool over the raw subsidies:
//     floor(budget · raw_p / Σraw), then the leftover base units one each to
//     the largest remainders (ties to the lower gap id), so Σ payouts is
//     exactly the pool and never above it. Caps fix gaps at
//     floor(pool·N/10000) and apportion the rest again until none exceeds it.
//
// [Compute] runs all three from a [Config]. For "qf" and "linear", whose
// raw value is a sum over cells, [ComputeFromSums] gives the same [Result]
// from per-gap sums (Σ [QFRoot], Σ c·w, direct, donors): what an open
// round's statistics keep up to date as contributions arrive.
//
// The "grants-stack" mechanism ([GrantsStack]) is the Grants Stack
// indexer's rule instead: scores q = (Σ isqrt(c))² − Σ isqrt(c)² per
// project, paid as they are below saturation and floor(q·M/Σq) above, then
// the indexer's cap loop; it distributes its own pool ([PoolDistributor]).
// Its conformance cases are in testdata/grantsstack. The few steps the
// indexer took in doubles (cap percentage, Passport and override
// coefficients) are emulated exactly with 53-bit big.Float.
//
// Coordinated QF has no pool and no distribution step: it is listed in the
// registry ([Mechanisms]) with its parameters ([Params.CQF]), but has no
// [Mechanism]; the cqf package solves its rounds.
//
// Errors are the sentinels of errors.go (and [MissingParamError],
// [PoolSettingsError]); they say what is wrong and name no flag or
// command: the CLI adds what to do (app/errors.go).
package calc
