package calc_test

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
)

// Three gaps, four donors, a pool of 1000 base units. Gap 1's 100 from one
// donor earns no match (one donor is no quadratic subsidy); gap 2's four
// gifts of 25 raw (√25·4)² − 100 = 300; gap 3's 9 and 16 raw (3+4)² − 25 = 24.
// The pool is apportioned 1000·300/324 and 1000·24/324, floored, and the
// leftover base unit goes to the larger remainder: Σ match is the pool exactly.
func ExampleCompute() {
	gaps := []calc.Gap{
		{ID: *uint256.NewInt(1), Recipient: common.HexToAddress("0x00000000000000000000000000000000000000a1")},
		{ID: *uint256.NewInt(2), Recipient: common.HexToAddress("0x00000000000000000000000000000000000000a2")},
		{ID: *uint256.NewInt(3), Recipient: common.HexToAddress("0x00000000000000000000000000000000000000a3")},
	}
	t, err := calc.NewTally(gaps, nil)
	if err != nil {
		panic(err)
	}
	for _, c := range []struct {
		donor       string
		gap, amount uint64
	}{
		{"alice", 1, 100},
		{"alice", 2, 25}, {"bob", 2, 25}, {"carol", 2, 25}, {"dave", 2, 25},
		{"bob", 3, 9}, {"carol", 3, 16},
	} {
		if err := t.Add(c.donor, uint256.NewInt(c.gap), uint256.NewInt(c.amount)); err != nil {
			panic(err)
		}
	}
	res, err := calc.Compute(t, calc.Config{Mechanism: "qf", Pool: *uint256.NewInt(1000)})
	if err != nil {
		panic(err)
	}
	for _, g := range res.Gaps {
		fmt.Printf("gap %s: %d donors, direct %s, match %s\n", g.Gap.Dec(), g.Contributors, g.Direct.Dec(), g.Match.Dec())
	}
	fmt.Printf("matched %s of %s from %d donors\n", res.Matched.Dec(), res.Pool.Dec(), res.Donors)
	// Output:
	// gap 1: 1 donors, direct 100, match 0
	// gap 2: 4 donors, direct 100, match 926
	// gap 3: 2 donors, direct 25, match 74
	// matched 1000 of 1000 from 4 donors
}
