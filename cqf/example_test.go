package cqf_test

import (
	"fmt"
	"math/big"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/cqf"
)

// Five pledges to one gap, limits 1…5 million base units, the k-th with
// saturation speed 1/(1000·k). (A float64 bisection in Python gives the
// same h, 7125.5143656, and the same floored payments.)
func ExampleSolve() {
	var ps []cqf.Pledge
	for k := int64(1); k <= 5; k++ {
		ps = append(ps, cqf.Pledge{Limit: *uint256.NewInt(uint64(k) * 1_000_000), Sigma: big.NewRat(1, 1000*k)})
	}
	sol, err := cqf.Solve(ps, false)
	if err != nil {
		panic(err)
	}
	fmt.Printf("h = %.10g\n", sol.H)
	for i := range ps {
		fmt.Printf("limit %s pays %s, refund %s, leverage %.3f\n", ps[i].Limit.Dec(), sol.Pay[i].Dec(), sol.Refund[i].Dec(), sol.Leverage[i])
	}
	fmt.Println("recipient gets", sol.Total.Dec())
	// Output:
	// h = 7125.514366
	// limit 1000000 pays 911236, refund 88764, leverage 1.314
	// limit 2000000 pays 1651590, refund 348410, leverage 1.214
	// limit 3000000 pays 2238927, refund 761073, leverage 1.162
	// limit 4000000 pays 2697411, refund 1302589, leverage 1.126
	// limit 5000000 pays 3052362, refund 1947638, leverage 1.098
	// recipient gets 10551526
}
