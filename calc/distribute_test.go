package calc_test

import (
	"math/big"
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
)

func raws(scale int64, vs ...int64) calc.Raw {
	r := calc.Raw{Scale: big.NewInt(scale)}
	for _, v := range vs {
		r.Values = append(r.Values, big.NewInt(v))
	}
	return r
}

func TestDistribute(t *testing.T) {
	cases := []struct {
		name   string
		pool   uint64
		raw    calc.Raw
		opts   calc.DistributeOptions
		want   []uint64
		capped []bool
	}{
		{"pro rata exact", 100, raws(1, 1, 3), calc.DistributeOptions{}, []uint64{25, 75}, nil},
		{"largest remainder", 10, raws(1, 1, 1, 1), calc.DistributeOptions{}, []uint64{4, 3, 3}, nil},
		{"equal remainders go to the lower gap id", 10, raws(1, 2, 5, 8), calc.DistributeOptions{}, []uint64{2, 3, 5}, nil},
		{"leftover goes to the largest remainders", 10, raws(1, 1, 2, 4), calc.DistributeOptions{}, []uint64{1, 3, 6}, nil},
		{"zero raw gets nothing", 7, raws(1, 0, 1, 0, 1), calc.DistributeOptions{}, []uint64{0, 4, 0, 3}, nil},
		{"nothing to match", 7, raws(1, 0, 0), calc.DistributeOptions{}, []uint64{0, 0}, nil},
		{"no-upscale below pool pays raw", 100, raws(10, 105, 299), calc.DistributeOptions{NoUpscale: true}, []uint64{10, 29}, nil},
		{"no-upscale above pool scales down", 10, raws(1, 50, 50), calc.DistributeOptions{NoUpscale: true}, []uint64{5, 5}, nil},
		{"cap redistributes", 100, raws(1, 90, 5, 5), calc.DistributeOptions{CapBps: 5000}, []uint64{50, 25, 25}, []bool{true, false, false}},
		{"cap cascades", 100, raws(1, 60, 30, 10), calc.DistributeOptions{CapBps: 4000}, []uint64{40, 40, 20}, []bool{true, true, false}},
		{"every gap capped leaves the rest", 100, raws(1, 1, 1), calc.DistributeOptions{CapBps: 3000}, []uint64{30, 30}, []bool{true, true}},
		{"cap with no-upscale", 100, raws(1, 45, 5), calc.DistributeOptions{CapBps: 1000, NoUpscale: true}, []uint64{10, 5}, []bool{true, false}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := calc.Distribute(uint256.NewInt(c.pool), c.raw, c.opts)
			require.NoError(t, err)
			var got []uint64
			for _, p := range d.Payouts {
				got = append(got, p.Uint64())
			}
			require.Equal(t, c.want, got)
			if c.capped != nil {
				require.Equal(t, c.capped, d.Capped)
			}
		})
	}
	_, err := calc.Distribute(uint256.NewInt(1), raws(1, 1), calc.DistributeOptions{CapBps: 10001})
	require.ErrorIs(t, err, calc.ErrCap)
}

// FuzzDistribute checks the invariants on arbitrary inputs: Σ payouts never
// exceeds the pool; equals it by default unless everything is capped or
// nothing has a subsidy; no payout exceeds the cap; a larger raw subsidy
// never gets less (without caps).
func FuzzDistribute(f *testing.F) {
	f.Add(uint64(1000), uint64(3), uint64(5), uint64(7), uint64(0), uint16(0), false)
	f.Add(^uint64(0), uint64(1), uint64(1), uint64(1<<40), uint64(9), uint16(3333), true)
	f.Fuzz(func(t *testing.T, pool, a, b, c, d uint64, capBps uint16, noUp bool) {
		capBps %= 10001
		raw := calc.Raw{Scale: big.NewInt(1000), Values: []*big.Int{
			new(big.Int).SetUint64(a), new(big.Int).SetUint64(b), new(big.Int).SetUint64(c), new(big.Int).SetUint64(d)}}
		p := uint256.NewInt(pool)
		dist, err := calc.Distribute(p, raw, calc.DistributeOptions{CapBps: uint32(capBps), NoUpscale: noUp})
		require.NoError(t, err)
		sum := new(big.Int)
		allCapped, anyRaw := true, false
		capAmt := new(big.Int).Quo(new(big.Int).Mul(p.ToBig(), big.NewInt(int64(capBps))), big.NewInt(10000))
		for i, pay := range dist.Payouts {
			sum.Add(sum, pay.ToBig())
			if raw.Values[i].Sign() > 0 {
				anyRaw = true
				allCapped = allCapped && dist.Capped[i]
			}
			if capBps > 0 {
				require.LessOrEqual(t, pay.ToBig().Cmp(capAmt), 0, "payout above cap")
			}
		}
		require.Equal(t, sum.String(), dist.Total.Dec())
		require.LessOrEqual(t, sum.Cmp(p.ToBig()), 0, "Σ payouts above pool")
		total := new(big.Int).Add(new(big.Int).Add(raw.Values[0], raw.Values[1]), new(big.Int).Add(raw.Values[2], raw.Values[3]))
		upscaled := !noUp || total.Cmp(new(big.Int).Mul(p.ToBig(), raw.Scale)) >= 0
		if upscaled && anyRaw && (capBps == 0 || !allCapped) {
			require.Equal(t, p.Dec(), dist.Total.Dec(), "default mode pays the whole pool")
		}
		if capBps == 0 {
			for i := range raw.Values {
				for j := range raw.Values {
					if raw.Values[i].Cmp(raw.Values[j]) > 0 {
						require.GreaterOrEqual(t, dist.Payouts[i].Cmp(&dist.Payouts[j]), 0, "monotone")
					}
				}
			}
		}
	})
}
