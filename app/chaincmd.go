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
					tokenFlag(),
					poolFlag(),
					&cli.BoolFlag{Name: "cqf", Usage: "deploy a CQFRound: pledges escrow their limits, no pool, one claim per leaf"},
					&cli.Uint64Flag{Name: "start", Usage: "round start, unix `SECONDS` (default: now)"},
					&cli.DurationFlag{Name: "duration", Value: time.Hour, Usage: "donations are taken for `DURATION` after the start"},
					&cli.DurationFlag{Name: "window", Value: 24 * time.Hour, Usage: "challenge window: a root posted can be replaced for `DURATION`, claims open after it"},
					&cli.DurationFlag{Name: "claim-period", Value: 30 * 24 * time.Hour, Usage: "claims are taken for `DURATION` after the end plus the window; then anyone may sweep what is left"},
					&cli.StringFlag{Name: "sweep-to", Usage: "`ADDRESS` sweep sends what is left to after the claim period (default: the signer)"},
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
					secs := func(name string) uint64 { return uint64(max(c.Duration(name), 0) / time.Second) }
					set := chain.Settings{Token: token, Pool: pool, Start: start, End: start + secs("duration"), Window: secs("window")}
					set.ClaimDeadline = set.End + set.Window + secs("claim-period")
					if c.IsSet("sweep-to") {
						if set.SweepTo, err = addressFlag(c, "sweep-to"); err != nil {
							return err
						}
					}
					if set.Window == 0 {
						return usageErr("--window must be at least 1s: the challenge window in which a wrong root can be replaced")
					}
					if secs("claim-period") == 0 {
						return usageErr("--claim-period must be at least 1s")
					}
					if secs("claim-period") <= set.Window {
						return usageErr("--claim-period must be longer than --window: a root must become final at least one window before the claim deadline")
					}
					return withSigner(c, func(x txCtx) error {
						if set.SweepTo == (common.Address{}) {
							set.SweepTo = x.opts.From
						}
						deploy := chain.DeployRound
						if c.Bool("cqf") {
							deploy = chain.DeployCQFRound
						}
						addr, sent, err := deploy(x.ctx, x.b, x.opts, set)
						if err != nil {
							return err
						}
						return report(c, map[string]any{"address": addr, "tx": sent.Tx, "block": sent.Block, "start": set.Start, "end": set.End,
							"window": set.Window, "claimDeadline": set.ClaimDeadline, "sweepTo": set.SweepTo}, addr.Hex())
					})
				},
			},
			{
				Name:  "register-gap",
				Usage: "register a gap's payout address (and Allo recipientId) on a QFRound or CQFRound, as its owner",
				Description: `Sends registerGap(gap, recipient, recipientId) signed by the contract's owner.
Donations (pledges) to a gap the contract has not registered revert, and a
registration is final: the contract refuses to change it. Registering the
same gap to the same recipient again sends nothing. Registration closes at
the round's end. qf import chain copies every registration into qf's gap
registry.`,
				Flags: append([]cli.Flag{
					contractFlag(),
					required(gapIDFlag()),
					required(recipientFlag()),
					recipientIDFlag(),
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
					var reg chain.Registered
					if reg.Recipient, err = addressFlag(c, "recipient"); err != nil {
						return err
					}
					if c.String("recipient-id") != "" {
						if reg.RecipientID, err = addressFlag(c, "recipient-id"); err != nil {
							return err
						}
					}
					return withSigner(c, func(x txCtx) error {
						rnd, err := chain.OpenAny(x.ctx, x.b, contract)
						if err != nil {
							return err
						}
						res, err := rnd.RegisterGap(x.ctx, x.opts, g.ToBig(), reg)
						if err != nil {
							return err
						}
						if res.AlreadySet {
							return report(c, res, fmt.Sprintf("gap %s already pays %s on %s; nothing sent", g.Dec(), reg.Recipient.Hex(), contract.Hex()))
						}
						return report(c, res, fmt.Sprintf("gap %s registered to %s (tx %s, block %d)", g.Dec(), reg.Recipient.Hex(), res.Tx.Hex(), res.Block))
					})
				},
			},
			{
				Name:  "sweep",
				Usage: "after the claim deadline, send what a round contract still holds to its sweep address",
				Flags: append([]cli.Flag{contractFlag()}, txFlags()...),
				Action: func(c *cli.Context) error {
					contract, err := addressFlag(c, "contract")
					if err != nil {
						return err
					}
					return withSigner(c, func(x txCtx) error {
						rnd, err := chain.OpenAny(x.ctx, x.b, contract)
						if err != nil {
							return err
						}
						sent, err := rnd.Sweep(x.ctx, x.opts)
						if err != nil {
							return err
						}
						return report(c, sent, fmt.Sprintf("swept %s to %s (tx %s, block %d)", contract.Hex(), rnd.SweepTo.Hex(), sent.Tx.Hex(), sent.Block))
					})
				},
			},
			{
				Name:  "mint",
				Usage: "mint test tokens to an address (the round contract, for its matching pool; donors)",
				Flags: append([]cli.Flag{
					tokenFlag(),
					toFlag(),
					amountFlag(),
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
					contractFlag(),
					required(gapIDFlag()),
					amountFlag(),
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
	opts := bind.NewKeyedTransactor(k, id)
	if _, err := chain.CheckPending(ctx, b, opts, c.Bool("replace")); err != nil {
		return err
	}
	return fn(txCtx{ctx: ctx, b: b, opts: opts})
}
