package round_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/price"
	"github.com/qf-dev/qf/round"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func readTokens(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "tokens", name))
	require.NoError(t, err)
	return b
}

// computeTokens computes testdata/tokens with contributions file contrib
// and ledger l (nil: none) into USDC (6 decimals).
func computeTokens(t *testing.T, contrib string, l *price.Ledger, cfg calc.Config) (*round.Outcome, error) {
	t.Helper()
	entries, err := ingest.Gaps("gaps.csv", readTokens(t, "gaps.csv"))
	require.NoError(t, err)
	gaps := make([]calc.Gap, len(entries))
	for i, e := range entries {
		gaps[i] = e.Gap
	}
	data := readTokens(t, contrib)
	in := round.Inputs{Gaps: gaps, Config: cfg, Leaf: payout.LeafStandard, Dedup: true, Prices: l, Decimals: 6}
	return round.Compute(in, func(ld *ingest.Loader) error { return ld.LoadFile(contrib, data, ingest.Options{}) })
}

func tokensConfig() calc.Config {
	return calc.Config{Mechanism: "qf", Pool: *uint256.NewInt(100_000_000), MinAmount: *uint256.NewInt(3_000_000)}
}

// TestMultiTokenRound computes a round in five tokens and checks it
// against the same round written in USDC base units by hand
// (testdata/tokens/converted.csv):
//
//	e1: 0.001 ETH × 3000.5                       = 3.0005 USDC      → 3000500
//	d1: 2.5 DAI, stable at face value            = 2.5 USDC         → 2500000 (below the 3 USDC minimum: direct only)
//	p1: 4000000 base units without a token       = 4 USDC           → 4000000
//	u1: 7 USDC, the match token, as it is                           → 7000000
//	w1: 0.00012345 WBTC × 60000.12345678         = 7.40701524… USDC → 7407015
//	w2: 0.0002 WBTC × 60000.12345678             = 12.00002469… USDC → 12000024
//
// (WBTC's price 60000.123456789 is used to 8 decimals.) The two rounds
// must have the same matches and root, and the report the per-token
// totals.
func TestMultiTokenRound(t *testing.T) {
	l, err := price.Parse("prices.csv", readTokens(t, "prices.csv"))
	require.NoError(t, err)
	got, err := computeTokens(t, "contributions.csv", l, tokensConfig())
	require.NoError(t, err)
	want, err := computeTokens(t, "converted.csv", nil, tokensConfig())
	require.NoError(t, err)
	require.Equal(t, want.Report.Root, got.Report.Root)
	require.Equal(t, want.Report.Gaps, got.Report.Gaps)
	t.Run("direct per gap", func(t *testing.T) {
		require.Equal(t, "9500500", got.Report.Gaps[0].Direct.Dec())  // 3000500 + 2500000 + 4000000
		require.Equal(t, "26407039", got.Report.Gaps[1].Direct.Dec()) // 7000000 + 7407015 + 12000024
		require.Equal(t, "35907539", got.Report.Direct.Dec())
	})
	t.Run("per-token totals", func(t *testing.T) {
		type line struct {
			token, chain, used string
			n                  int
			amount, converted  string
		}
		var lines []line
		for _, x := range got.Report.Tokens {
			lines = append(lines, line{x.Token, x.Chain, x.PriceUsed, x.Contributions, x.Amount, x.Converted})
		}
		require.Equal(t, []line{
			{"", "", "", 1, "4000000", "4000000"},
			{"eth", "", "3000.50000000", 1, "1000000000000000", "3000500"},
			{"0x6b175474e89094c44da98b954eedeac495271d0f", "", "1.00000000", 1, "2500000000000000000", "2500000"},
			{"usdc", "", "1.00000000", 1, "7000000", "7000000"},
			{"wbtc", "10", "60000.12345678", 2, "32345", "19407039"},
		}, lines)
	})
	t.Run("without tokens no totals", func(t *testing.T) {
		require.Nil(t, want.Report.Tokens)
	})
	t.Run("golden", func(t *testing.T) {
		b, err := json.MarshalIndent(got.Report, "", " ")
		require.NoError(t, err)
		b = append(b, '\n')
		golden := filepath.Join("testdata", "tokens", "report.golden.json")
		if *update {
			require.NoError(t, os.WriteFile(golden, b, 0o644))
		}
		require.Equal(t, string(readTokens(t, "report.golden.json")), string(b))
	})
	t.Run("replayed from the stored ledger", func(t *testing.T) {
		stored, err := price.Parse("prices.json", l.JSON())
		require.NoError(t, err)
		again, err := computeTokens(t, "contributions.csv", stored, tokensConfig())
		require.NoError(t, err)
		require.Equal(t, got.Report, again.Report)
	})
}

// TestMultiTokenRefusals: what a round with tokens refuses, by name.
func TestMultiTokenRefusals(t *testing.T) {
	l, err := price.Parse("prices.csv", readTokens(t, "prices.csv"))
	require.NoError(t, err)
	for _, tc := range []struct {
		name, file string
		ledger     *price.Ledger
		want       string
	}{
		{"no ledger", "contributions.csv", nil,
			"contributions.csv:2: token: no price for token eth: the round has no price ledger"},
		{"unknown token", "unknown.csv", l,
			"unknown.csv:3: token: no price for token op on chain 10: the ledger has no price for it"},
		{"other chain", "otherchain.csv", l,
			"otherchain.csv:2: token: no price for token wbtc: the ledger prices it with [chain 10]; give the same chain"},
		{"dust", "dust.csv", l,
			"dust.csv:2: amount: cannot convert: 999 base units of eth at 3000.50000000 is 0 base units of the match token: too small to count"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := computeTokens(t, tc.file, tc.ledger, tokensConfig())
			require.EqualError(t, err, tc.want)
		})
	}
}
