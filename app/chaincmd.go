package app

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/chain"
)

// chainCommand holds the helpers for trying the on-chain flow on a test
// chain (geth --dev, anvil, a testnet): deploy, mint, donate.
func chainCommand() *cli.Command {
	amountFlag := func(name, usage string) cli.Flag {
		return &cli.StringFlag{Name: name, Usage: usage, Required: true}
	}
	return &cli.Command{
		Name:  "chain",
		Usage: "deploy and use QFRound and CQFRound contracts on a test chain",
		Subcommands: []*cli.Command{
			{
				Name:  "deploy-token",
				Usage: "deploy the mintable test ERC-20 (anyone can mint it: test chains only); prints its address",
				Flags: txFlags(),
				Action: func(c *cli.Context) error {
					return withSigner(c, func(x txCtx) error {
						addr, sent, err := chain.DeployToken(x.ctx, x.b, x.opts)
						if err != nil {
							return err
						}
						return report(c, map[string]any{"address": addr, "tx": sent.Tx, "block": sent.Block}, addr.Hex())
					})
				},
			},
			{
				Name:  "deploy-round",
				Usage: "deploy a QFRound (--cqf: a CQFRound) owned by the signer; prints its address",
				Flags: append([]cli.Flag{
					&cli.StringFlag{Name: "token", Usage: "donation token `ADDRESS` (ERC-20)", Required: true},
					&cli.StringFlag{Name: "pool", Usage: "matching pool `AMOUNT` in base units (QFRound only)"},
					&cli.BoolFlag{Name: "cqf", Usage: "deploy a CQFRound: pledges escrow their limits, no pool, one claim per leaf"},
					&cli.Uint64Flag{Name: "start", Usage: "round start, unix `SECONDS` (default: now)"},
					&cli.DurationFlag{Name: "duration", Value: time.Hour, Usage: "donations are taken for `DURATION` after the start"},
				}, txFlags()...),
				Action: func(c *cli.Context) error {
					token, err := addressFlag(c, "token")
					if err != nil {
						return err
					}
					var pool *big.Int
					switch {
					case c.Bool("cqf") && c.IsSet("pool"):
						return usageErr("--pool: a CQFRound has no matching pool (pledges pay)")
					case !c.Bool("cqf"):
						if !c.IsSet("pool") {
							return usageErr("--pool AMOUNT is required: the QFRound's matching pool (or --cqf for a CQFRound)")
						}
						if pool, err = bigAmount(c, "pool"); err != nil {
							return err
						}
					}
					start := c.Uint64("start")
					if !c.IsSet("start") {
						start = uint64(time.Now().Unix())
					}
					end := start + uint64(c.Duration("duration")/time.Second)
					return withSigner(c, func(x txCtx) error {
						deploy := func() (common.Address, chain.Sent, error) {
							return chain.DeployRound(x.ctx, x.b, x.opts, token, pool, start, end)
						}
						if c.Bool("cqf") {
							deploy = func() (common.Address, chain.Sent, error) {
								return chain.DeployCQFRound(x.ctx, x.b, x.opts, token, start, end)
							}
						}
						addr, sent, err := deploy()
						if err != nil {
							return err
						}
						return report(c, map[string]any{"address": addr, "tx": sent.Tx, "block": sent.Block, "start": start, "end": end}, addr.Hex())
					})
				},
			},
			{
				Name:  "mint",
				Usage: "mint test tokens to an address (the round contract, for its matching pool; donors)",
				Flags: append([]cli.Flag{
					&cli.StringFlag{Name: "token", Usage: "test token `ADDRESS`", Required: true},
					&cli.StringFlag{Name: "to", Usage: "receiving `ADDRESS`", Required: true},
					amountFlag("amount", "`AMOUNT` in base units"),
				}, txFlags()...),
				Action: func(c *cli.Context) error {
					token, err := addressFlag(c, "token")
					if err != nil {
						return err
					}
					to, err := addressFlag(c, "to")
					if err != nil {
						return err
					}
					amount, err := bigAmount(c, "amount")
					if err != nil {
						return err
					}
					return withSigner(c, func(x txCtx) error {
						sent, err := chain.NewToken(x.b, token).Mint(x.ctx, x.opts, to, amount)
						if err != nil {
							return err
						}
						return report(c, sent, fmt.Sprintf("minted %s to %s (tx %s)", amount, to.Hex(), sent.Tx.Hex()))
					})
				},
			},
			{
				Name:    "donate",
				Aliases: []string{"pledge"},
				Usage:   "approve and donate tokens to a gap from the signer's account (on a CQFRound: pledge them as a limit)",
				Flags: append([]cli.Flag{
					contractFlag("the QFRound or CQFRound contract `ADDRESS`"),
					&cli.StringFlag{Name: "gap", Usage: "gap `ID`", Required: true},
					amountFlag("amount", "`AMOUNT` in base units"),
				}, txFlags()...),
				Action: func(c *cli.Context) error {
					contract, err := addressFlag(c, "contract")
					if err != nil {
						return err
					}
					g, err := gapFlag(c, "gap")
					if err != nil {
						return err
					}
					amount, err := bigAmount(c, "amount")
					if err != nil {
						return err
					}
					return withSigner(c, func(x txCtx) error {
						rnd, err := chain.OpenAny(x.ctx, x.b, contract)
						if err != nil {
							return err
						}
						sent, err := rnd.Donate(x.ctx, x.opts, g.ToBig(), amount)
						if err != nil {
							return err
						}
						verb := "donated"
						if rnd.Kind() == chain.KindCQF {
							verb = "pledged"
						}
						return report(c, sent, fmt.Sprintf("%s %s to gap %s (tx %s, block %d)", verb, amount, g.Dec(), sent.Tx.Hex(), sent.Block))
					})
				},
			},
		},
	}
}

func bigAmount(c *cli.Context, name string) (*big.Int, error) {
	a, err := calc.ParseAmount(c.String(name), 0)
	if err != nil {
		return nil, fmt.Errorf("--%s: %w", name, err)
	}
	return a.ToBig(), nil
}

// txCtx is a connected node and a signer on its chain.
type txCtx struct {
	ctx  context.Context
	b    chain.Backend
	opts *bind.TransactOpts
}

// withSigner connects to --rpc (checking --chain-id), loads the key and
// runs fn.
func withSigner(c *cli.Context, fn func(txCtx) error) error {
	k, err := signingKey(c)
	if err != nil {
		return err
	}
	ctx, cancel := cmdContext(c)
	defer cancel()
	b, id, err := chain.Dial(ctx, c.String("rpc"), wantChainID(c, 0))
	if err != nil {
		return err
	}
	return fn(txCtx{ctx: ctx, b: b, opts: bind.NewKeyedTransactor(k, id)})
}
