package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/price"
	"github.com/qf-dev/qf/store"
)

// priceCommand is `qf price`: a round's price ledger.
func priceCommand() *cli.Command {
	return &cli.Command{
		Name:  "price",
		Usage: "a multi-token round's price ledger: import and list its prices",
		Description: `Contributions may carry a token (and chain) column: their amount is then in
that token's base units, converted into the round's match token by the
round's price ledger. A ledger file (CSV or JSON) lists per token: token
(address or symbol), chain (optional), decimals, price (one whole token in
whole match tokens, an exact decimal), time or block (when the price is
from), source, and optionally stable (true: converted at face value, 1) and
match (true: the round's match token, taken as it is). See "Coming from
Grants Stack" in the README for the conversion rule.`,
		Subcommands: []*cli.Command{
			{
				Name:      "import",
				Usage:     "store a price ledger file with an open round (one price per token and chain; a stored price is final)",
				ArgsUsage: "FILE",
				Flags:     []cli.Flag{roundFlag()},
				Action: func(c *cli.Context) error {
					path, err := oneArg(c, "FILE")
					if err != nil {
						return err
					}
					if !c.IsSet("round") {
						return usageErr("--round NUMBER is required: the round the prices are for")
					}
					l, err := readLedger(path)
					if err != nil {
						return err
					}
					return withStore(c, func(s *store.Store) error {
						n := c.Uint64("round")
						added, err := s.ImportPrices(n, l)
						if err != nil {
							return err
						}
						// Say where a price is used to fewer digits than given.
						truncated := []map[string]string{}
						lines := ""
						for _, e := range l.Entries {
							if e.Truncated() {
								truncated = append(truncated, map[string]string{"token": e.Token, "chain": e.Chain, "price": e.Price, "used": e.Used()})
								lines += fmt.Sprintf("\n%s: price %s is used as %s (8 decimals, as the Grants Stack indexer)", price.Name(e.Token, e.Chain), e.Price, e.Used())
							}
						}
						return report(c, map[string]any{"round": n, "added": added, "prices": len(l.Entries), "truncated": truncated},
							fmt.Sprintf("round %d: %d prices added (%d already stored)%s", n, added, len(l.Entries)-added, lines))
					})
				},
			},
			{
				Name:      "list",
				Usage:     "list a round's stored prices",
				ArgsUsage: "[ROUND]",
				Flags:     []cli.Flag{roundFlag()},
				Action: func(c *cli.Context) error {
					return withRound(c, func(s *store.Store, n uint64) error {
						if _, err := s.Round(n); err != nil {
							return err
						}
						l, err := s.Prices(n)
						if err != nil {
							return err
						}
						entries := []price.Entry{}
						if l != nil {
							entries = l.Entries
						}
						if wantJSON(c) {
							return printJSON(c, entries)
						}
						if len(entries) == 0 {
							fmt.Fprintf(c.App.Writer, "round %d has no prices: every contribution is in its match token (qf price import --round %d FILE)\n", n, n)
							return nil
						}
						printPrices(c, entries)
						return nil
					})
				},
			},
		},
	}
}

func printPrices(c *cli.Context, entries []price.Entry) {
	w := tabwriter.NewWriter(c.App.Writer, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "token\tchain\tdecimals\tprice\tused\ttime/block\tsource")
	for _, e := range entries {
		used := e.Used()
		switch {
		case e.Match:
			used += " (match token)"
		case e.Stable:
			used += " (stable, face value)"
		}
		when := e.Time
		if e.Block != "" {
			when = "block " + e.Block
		}
		fmt.Fprintf(w, "%s\t%s\t%d\t%s\t%s\t%s\t%s\n", e.Token, e.Chain, e.Decimals, e.Price, used, when, e.Source)
	}
	w.Flush()
}

// readLedger reads a price ledger file.
func readLedger(path string) (*price.Ledger, error) {
	b, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return price.Parse(filepath.Base(path), b)
}

// pricesFlag is --prices FILE: a multi-token round's ledger, for the
// commands that compute from files.
func pricesFlag() cli.Flag {
	return &cli.StringFlag{Name: "prices", Usage: "price ledger `FILE` (CSV or JSON) converting contributions with a token column into the match token (needs --decimals: the match token's)"}
}

// filePrices reads --prices, checked against the match token's decimals.
func filePrices(c *cli.Context, dec uint8) (*price.Ledger, error) {
	path := c.String("prices")
	if path == "" {
		return nil, nil
	}
	if dec == 0 {
		return nil, usageErr("--prices: prices are in whole match tokens: add --decimals N (the match token's)")
	}
	l, err := readLedger(path)
	if err != nil {
		return nil, err
	}
	if err := l.CheckRound(dec); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return l, nil
}

// printTokens prints a report's per-token totals, if it has any: each
// token's contributions, their sum in its base units and in the match
// token (shown in tokens when dec is known), and the price used.
func printTokens(c *cli.Context, tokens []price.Total, dec uint8) {
	if len(tokens) == 0 {
		return
	}
	w := tabwriter.NewWriter(c.App.Writer, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "token\tcontributions\tamount (base units)\tconverted\tprice used\t")
	for _, t := range tokens {
		name, used := price.Name(t.Token, t.Chain), t.PriceUsed
		if t.Token == "" {
			name, used = "(match token)", "-"
		}
		fmt.Fprintf(w, "%s\t%d\t%s\t%s\t%s\t\n", name, t.Contributions, t.Amount, show(t.Converted, dec), used)
	}
	w.Flush()
}

// withPricesInput adds --prices, in its canonical JSON form, to a
// publication's inputs (as inputs/prices.json): what qf verify bundle
// converts the contributions with.
func withPricesInput(c *cli.Context, inputs []bundleInput, dec uint8) ([]bundleInput, error) {
	l, err := filePrices(c, dec)
	if err != nil || l == nil {
		return inputs, err
	}
	return append(inputs, bundleInput{role: "prices", ext: ".json", data: l.JSON()}), nil
}

// errPledgeToken refuses a coordinated-QF pledge in another token: its
// refund is paid in the round's token.
var errPledgeToken = errors.New("coordinated QF pledges are in the round's token (a refund is paid in it): leave the token column empty")

// compareTokens compares recomputed per-token totals (and the prices they
// were converted at) with a published report's.
func compareTokens(got, pub []price.Total) []string {
	var d []string
	if len(got) != len(pub) {
		return []string{fmt.Sprintf("tokens: recomputed %d per-token totals, published %d", len(got), len(pub))}
	}
	for i := range got {
		if got[i] != pub[i] {
			d = append(d, fmt.Sprintf("tokens: %s: recomputed %+v, published %+v", price.Name(got[i].Token, got[i].Chain), got[i], pub[i]))
		}
	}
	return d
}
