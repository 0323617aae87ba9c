package app

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/holiman/uint256"
	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/chain"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
)

// configFlags are the round settings shared by `qf calc`, `qf compare`,
// `qf verify round`, `qf watch` and `qf round create`. None reads the
// environment: only the operator's commands do (see [withEnv]), so a
// QF_MECHANISM set for `qf round create` never changes what `qf verify`
// or `qf calc` recompute.
func configFlags() []cli.Flag {
	return []cli.Flag{
		poolFlag(),
		&cli.StringFlag{Name: "mechanism", Value: "qf", Usage: mechanismUsage("`NAME` of the mechanism")},
		paramFlag(),
		capBpsFlagDef(),
		&cli.BoolFlag{Name: "no-upscale", Usage: "when raw subsidies add up to less than the pool, pay them as they are and leave the rest"},
		minAmountFlag(),
		&cli.StringFlag{Name: "score-scale", Usage: "map donors' score column to weights like Gitcoin Passport: `LO:HI`"},
		decimalsFlagDef(),
		&cli.StringFlag{Name: "leaf", Value: "standard", Usage: "leaf encoding `KIND`: standard (gap,recipient,amount) or allo (Allo v2)"},
	}
}

func decimalsFlag(c *cli.Context) (uint8, error) {
	d := c.Uint("decimals")
	if d > 77 {
		return 0, usageErr("--decimals %d: at most 77", d)
	}
	return uint8(d), nil
}

// capBpsFlag reads --cap-bps: 1..10000 when set, 0 (no cap) when not.
func capBpsFlag(c *cli.Context) (uint32, error) {
	if c.IsSet("cap-bps") && (c.Uint("cap-bps") < 1 || c.Uint("cap-bps") > 10000) {
		return 0, fmt.Errorf("--cap-bps %d: %w (omit the flag for no cap)", c.Uint("cap-bps"), calc.ErrCap)
	}
	return uint32(c.Uint("cap-bps")), nil
}

// configFromFlags reads and checks the round settings.
func configFromFlags(c *cli.Context) (calc.Config, payout.Leaf, uint8, error) {
	return readConfig(c, true)
}

// readConfig reads the round settings, checking the mechanism and its
// parameters only when validate is set (qf compare routes them itself).
func readConfig(c *cli.Context, validate bool) (calc.Config, payout.Leaf, uint8, error) {
	var cfg calc.Config
	dec, err := decimalsFlag(c)
	if err != nil {
		return cfg, "", 0, err
	}
	var pool uint256.Int
	switch {
	case c.IsSet("pool"):
		if pool, err = calc.ParseAmount(c.String("pool"), dec); err != nil {
			return cfg, "", 0, fmt.Errorf("--pool: %w", err)
		}
	case c.String("mechanism") != calc.CQFName:
		return cfg, "", 0, usageErr("--pool AMOUNT is required: the matching pool (only --mechanism cqf has none)")
	}
	min, err := calc.ParseAmount(c.String("min-amount"), dec)
	if err != nil {
		return cfg, "", 0, fmt.Errorf("--min-amount: %w", err)
	}
	params, err := calc.ParseParams(c.StringSlice("param"))
	if err != nil {
		return cfg, "", 0, fmt.Errorf("--param: %w", err)
	}
	capBps, err := capBpsFlag(c)
	if err != nil {
		return cfg, "", 0, err
	}
	cfg = calc.Config{Mechanism: c.String("mechanism"), Params: params, Pool: pool, CapBps: capBps,
		NoUpscale: c.Bool("no-upscale"), MinAmount: min, ScoreScale: c.String("score-scale")}
	if len(cfg.Params) == 0 {
		cfg.Params = nil
	}
	if err := cfg.Validate(); err != nil && validate {
		return cfg, "", 0, err
	}
	leaf := payout.Leaf(c.String("leaf"))
	if leaf != payout.LeafStandard && leaf != payout.LeafAllo {
		return cfg, "", 0, usageErr("--leaf %q: want standard or allo", leaf)
	}
	if leaf == payout.LeafAllo && cfg.Mechanism == calc.CQFName {
		return cfg, "", 0, usageErr("--leaf allo: coordinated QF pays refunds too, which Allo's leaves cannot express; use standard")
	}
	return cfg, leaf, dec, nil
}

func gapFlag(c *cli.Context, name string) (uint256.Int, error) {
	g, err := calc.ParseGap(c.String(name))
	if err != nil {
		return g, fmt.Errorf("--%s: %w", name, err)
	}
	return g, nil
}

// Units of the amounts in contribution files and --amount.
const (
	unitsBase  = "base"
	unitsToken = "token"
)

// unitsFlag says which unit a file's amount column (and --amount) is in.
// The default is base units, the integers a chain and the demo data use,
// so a round's --decimals never silently scales a file.
func unitsFlag() cli.Flag {
	return &cli.StringFlag{Name: "units", Value: unitsBase,
		Usage: "`UNIT` of the contributions' amount column and --amount: base (integers in the token's smallest unit, e.g. wei: the default) or token (decimals like 2.5, scaled by the round's --decimals)"}
}

// amountDecimals is the number of decimals amounts in --units are parsed
// with: 0 for base units, the token's decimals for tokens. noDecimals says
// what to do when tokens are asked for but dec is 0.
func amountDecimals(c *cli.Context, dec uint8, noDecimals string) (uint8, error) {
	switch u := c.String("units"); u {
	case unitsBase, "":
		return 0, nil
	case unitsToken:
		if dec == 0 {
			return 0, usageErr("--units token: %s", noDecimals)
		}
		return dec, nil
	default:
		return 0, usageErr("--units %q: want base or token", u)
	}
}

// noDecimalsRound is what to do about --units token in a round created
// without decimals.
func noDecimalsRound(n uint64) string {
	return fmt.Sprintf("round %d has no decimals, so its amounts are base units: drop --units token", n)
}

// withEnv lets flag name of flags fall back to the environment variables
// env. Environment fallbacks are scoped to the commands they belong to
// (TestEnvScoped lists them): a variable meant for the operator's
// commands must not change a verifier's recomputation.
func withEnv(flags []cli.Flag, name string, env ...string) []cli.Flag {
	for _, f := range flags {
		if f.Names()[0] != name {
			continue
		}
		switch f := f.(type) {
		case *cli.StringFlag:
			f.EnvVars = env
		case *cli.Uint64Flag:
			f.EnvVars = env
		default:
			panic(fmt.Sprintf("withEnv: --%s is a %T", name, f))
		}
		return flags
	}
	panic("withEnv: no flag --" + name)
}

// cqfSettingsFromFlags reads qf cqf's --param, and its old spellings
// --sigma, --decay and --linear (hidden; each may not repeat a --param),
// and checks them as a stored cqf round's are.
func cqfSettingsFromFlags(c *cli.Context) (round.CQFSettings, error) {
	params, err := calc.ParseParams(c.StringSlice("param"))
	if err != nil {
		return round.CQFSettings{}, fmt.Errorf("--param: %w", err)
	}
	old := map[string]string{}
	for _, k := range []string{"sigma", "decay"} {
		if c.IsSet(k) {
			old[k] = c.String(k)
		}
	}
	if c.IsSet("linear") {
		old["linear"] = strconv.FormatBool(c.Bool("linear"))
	}
	for _, k := range slices.Sorted(maps.Keys(old)) {
		if _, dup := params[k]; dup {
			return round.CQFSettings{}, usageErr("--%s and --param %s=: give %s once (--param %s=…)", k, k, k, k)
		}
		params[k] = old[k]
	}
	return round.CQFSettingsFor(calc.Config{Mechanism: calc.CQFName, Params: params})
}

// The flags more than one command takes, each declared once: a flag name
// means one thing everywhere (TestFlagsHaveOneMeaning). A command may make
// one required ([required]), give it another default or scope an
// environment fallback to it ([withEnv]); its meaning and usage stay.

func contributionsFileFlag() cli.Flag {
	return &cli.StringFlag{Name: "contributions", Aliases: []string{"c"}, Required: true, Usage: "contributions `FILE` (CSV or JSON: donor, gap, amount, optional id, weight, score; for cqf, the pledges in join order, amount = limit)"}
}

func gapsFileFlag() cli.Flag {
	return &cli.StringFlag{Name: "gaps", Aliases: []string{"g"}, Required: true, Usage: "gap registry `FILE` (CSV or JSON)"}
}

func gapIDFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: "gap", Usage: "gap `ID` (decimal or 0x hex)"}
}

func recipientFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: "recipient", Usage: "the gap's payout `ADDRESS`: donations and the match go there"}
}

func recipientIDFlag() cli.Flag {
	return &cli.StringFlag{Name: "recipient-id", Usage: "the gap's Allo v2 recipientId `ADDRESS` (optional; --leaf allo rounds use it in the gap's leaf)"}
}

// accountFlag names a pledger (proof, claim) or a ledger account (ledger
// journal): whom an amount belongs to.
func accountNameFlag() cli.Flag {
	return &cli.StringFlag{Name: "account", Usage: "whose `ACCOUNT`: a pledger's address (proof, claim: its refund leaf in a cqf round) or a ledger account (ledger journal: pool, agent:NAME, gap:ID)"}
}

func amountFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: "amount", Required: true, Usage: "`AMOUNT`, in base units (qf contribute: in --units)"}
}

func toFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: "to", Required: true, Usage: "the receiving `ACCOUNT`: an address (chain mint) or a ledger account (ledger credit: pool or agent:NAME)"}
}

func tokenFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: "token", Required: true, Usage: tokenUsage}
}

// tokenUsage is --token's one meaning: an ERC-20 token's address (qf
// chain's commands; qf import chain --source allo, the token a round
// counts).
const tokenUsage = "the ERC-20 token's `ADDRESS`"

// revisionFlag is a closed round's revision number (qf revise).
func revisionFlag() *cli.Uint64Flag {
	return &cli.Uint64Flag{Name: "revision", Usage: "the round's revision `N` (qf revise; qf revision list shows them)"}
}

// fromRowsFlag makes qf match compute the round from every stored row
// instead of its statistics sums (round.Closing).
func fromRowsFlag() cli.Flag {
	return &cli.BoolFlag{Name: "from-rows", EnvVars: []string{"QF_FROM_ROWS"},
		Usage: "compute the round from every stored row, not from the statistics sums its imports keep (the default for qf and linear rounds they describe, once checked); the outcome is the same: a verifier's choice"}
}

func poolFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: "pool", Usage: "matching pool `AMOUNT`: base units, or tokens where the command has --decimals (qf demo: tokens of 18 decimals); cqf rounds have none"}
}

func poolSizeFlagDef() *cli.StringFlag {
	return &cli.StringFlag{Name: "pool-size", Usage: "pay at most `AMOUNT` per match (default: the pool account's whole balance)"}
}

func paramFlag() *cli.StringSliceFlag {
	return &cli.StringSliceFlag{Name: "param", Usage: paramUsage()}
}

func capBpsFlagDef() *cli.UintFlag {
	return &cli.UintFlag{Name: "cap-bps", Usage: "cap each gap at `N`/10000 of the pool (1..10000), redistributing the excess"}
}

func minAmountFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: "min-amount", Value: "0", Usage: "contributions below `AMOUNT` count as direct but are not matched"}
}

func decimalsFlagDef() *cli.UintFlag {
	return &cli.UintFlag{Name: "decimals", Usage: "token decimals: lets amounts be written in tokens (\"1.5\"), exactly"}
}

func linearFlag() *cli.BoolFlag {
	return &cli.BoolFlag{Name: "linear", Usage: "the linear fallback h = Σ pay_i(h) (qf cqf: the old spelling of --param linear=true)"}
}

func confirmationsFlag() cli.Flag {
	return &cli.Uint64Flag{Name: "confirmations", Value: 12, EnvVars: []string{"QF_CONFIRMATIONS"}, Usage: "read only blocks `N` or more below the head (when set, or when the node has no finalized block)"}
}

func maxRangeFlag() cli.Flag {
	return &cli.Uint64Flag{Name: "max-range", Value: chain.MaxWindow, Usage: "never ask the node for more than `N` blocks at once"}
}

// timeoutFlag is --timeout with default d (0: none).
func timeoutFlag(d time.Duration) *cli.DurationFlag {
	return &cli.DurationFlag{Name: "timeout", Value: d, Usage: "give up after `DURATION` (0: never) waiting for the node, a receipt or new blocks; a transaction not mined by then may still be: rerun with --replace"}
}

// required makes f required.
func required(f *cli.StringFlag) cli.Flag {
	f.Required = true
	return f
}

// hidden hides f from --help (an old spelling that still works).
func hidden(f *cli.BoolFlag) cli.Flag {
	f.Hidden = true
	return f
}

// withValue gives f the default v in one command.
func withValue(f *cli.StringFlag, v string) cli.Flag {
	f.Value = v
	return f
}

// withParams gives --param the defaults kvs in one command.
func withParams(f *cli.StringSliceFlag, kvs ...string) cli.Flag {
	f.Value = cli.NewStringSlice(kvs...)
	return f
}

// noEnv is f without its environment fallback, in a command where the
// variable does not belong.
func noEnv(f cli.Flag) cli.Flag {
	return withEnv([]cli.Flag{f}, f.Names()[0])[0]
}

// withStringEnv and withDurationEnv give f an environment fallback.
func withStringEnv(f *cli.StringFlag, env ...string) cli.Flag {
	f.EnvVars = env
	return f
}

func withDurationEnv(f *cli.DurationFlag, env ...string) cli.Flag {
	f.EnvVars = env
	return f
}
