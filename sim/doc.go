// Package sim holds qf's simulators: models for choosing a mechanism's
// settings before running a round. They use float64 freely: nothing here
// produces a payout (payouts come from package calc, exactly).
//
// [RunCQF] simulates coordinated QF (see calc.SolveCQF): agents with private
// valuations arrive one by one and pledge when the leverage makes it worth
// it, under each saturation-speed policy, over many seeded runs.
package sim
