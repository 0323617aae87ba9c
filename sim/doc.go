// Package sim holds qf's simulators: models for choosing a mechanism's
// settings before running a round. They use float64 freely: nothing here
// produces a payout (payouts come from package calc, exactly).
//
// [RunCQF] simulates coordinated QF (see cqf.Solve): agents with private
// valuations arrive one by one and pledge when the leverage makes it worth
// it, under each saturation-speed policy, over many seeded runs.
//
// [RunLR] is the mechanism lab on Buterin, Hitzig and Weyl's Liberal
// Radicalism model: a [Society] of citizens with concave values ([ValueFn])
// of public goods; [SolveEquilibrium] iterates best responses to a Nash
// equilibrium under an [LRRule] (QF, private contributions, capped QF,
// pairwise, SME weights), and [Society.Optimum] is the Samuelson optimum
// each equilibrium is measured against.
package sim
