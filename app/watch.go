package app

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/chain"
	"github.com/qf-dev/qf/merkle"
)

func watchCommand() *cli.Command {
	flags := []cli.Flag{
		rpcFlag(), contractFlag(), chainIDFlag(),
		&cli.StringFlag{Name: "tree", Usage: "the operator's published tree `FILE` (qf tree output): name the differing leaves, not only the root"},
		&cli.BoolFlag{Name: "once", Usage: "check the roots posted so far and exit (0: all agree, 1: a mismatch), for scripts"},
		&cli.DurationFlag{Name: "interval", Value: 15 * time.Second, Usage: "without --once, look for new blocks every `DURATION`"},
		confirmationsFlag(),
		maxRangeFlag(),
		timeoutFlag(0),
	}
	for _, f := range configFlags() {
		switch f.Names()[0] {
		case "mechanism", "param", "cap-bps", "no-upscale", "min-amount":
			flags = append(flags, f)
		}
	}
	return &cli.Command{
		Name:  "watch",
		Usage: "follow a round contract and check every root posted against the round recomputed from the chain",
		Description: `The verifier's side of the challenge window. Reads the contract's
GapRegistered, DonationMade (CQFRound: PledgeMade) and root events from its
deploy block, and for every root the owner posts recomputes the round as qf
match would — the contract's own registry and deposits, a QFRound's
matchingPool as the pool, the mechanism and parameters given here (they
must be the round's published settings) — and reports whether they agree.
With --tree (the operator's published tree) it names every leaf that
differs. A root still inside its window can be replaced by the owner; one
past it is final, so a mismatch must be raised before then.

--once checks the roots posted so far and exits 1 when the latest (the one
claims will use) disagrees; without it qf watch keeps following (a line, or
a JSON object with --json, per root) and exits 1 when stopped if the latest
root disagrees. Blocks are read as qf
import chain reads them: finalized, else --confirmations deep.`,
		Flags:  flags,
		Action: watch,
	}
}

// rootCheck is what qf watch reports about one posted root.
type rootCheck struct {
	chain.RootEvent
	Expected common.Hash      `json:"expected"`
	Agree    bool             `json:"agree"`
	Final    bool             `json:"final"` // its window has closed at the chain's head
	Latest   bool             `json:"latest"`
	Diff     []chain.LeafDiff `json:"differingLeaves,omitempty"`
	TreeRoot *common.Hash     `json:"publishedTreeRoot,omitempty"`
}

func watch(c *cli.Context) error {
	contract, err := addressFlag(c, "contract")
	if err != nil {
		return err
	}
	cfg, err := watchConfig(c)
	if err != nil {
		return err
	}
	var posted *merkle.Tree
	if path := c.String("tree"); path != "" {
		b, err := readFile(path)
		if err != nil {
			return err
		}
		posted = new(merkle.Tree)
		if err := json.Unmarshal(b, posted); err != nil {
			return fmt.Errorf("--tree %s: %w", path, err)
		}
	}
	ctx, cancel := cmdContext(c)
	defer cancel()
	b, _, err := chain.Dial(ctx, c.String("rpc"), wantChainID(c, 0))
	if err != nil {
		return err
	}
	rnd, err := chain.OpenAny(ctx, b, contract)
	if err != nil {
		return err
	}
	if rnd.Kind() == chain.KindCQF && cfg.Mechanism != calc.CQFName {
		return usageErr("%s is a CQFRound: pass --mechanism cqf and the round's --param settings", contract.Hex())
	}
	if rnd.Kind() == chain.KindQF && cfg.Mechanism == calc.CQFName {
		return usageErr("%s is a QFRound: --mechanism cqf needs a CQFRound", contract.Hex())
	}
	w := chain.NewWatcher(rnd)
	w.MaxWindow = c.Uint64("max-range")
	var wrong *common.Hash // the latest root, when it disagrees
	for {
		checks, err := watchStep(ctx, c, b, w, cfg, posted)
		if err != nil {
			if !c.Bool("once") && ctx.Err() != nil {
				break
			}
			return err
		}
		if len(checks) > 0 { // the latest root is the one claims will use
			if latest := checks[len(checks)-1]; latest.Agree {
				wrong = nil
			} else {
				wrong = &latest.NewRoot
			}
		}
		if c.Bool("once") {
			if len(checks) == 0 {
				if err := report(c, []rootCheck{}, fmt.Sprintf("%s: no root posted yet (blocks up to %d read)", contract.Hex(), w.Next-1)); err != nil {
					return err
				}
			} else if wantJSON(c) {
				if err := printJSON(c, checks); err != nil {
					return err
				}
			}
		}
		if !c.Bool("once") || !wantJSON(c) {
			for _, ch := range checks {
				if err := printCheck(c, ch); err != nil {
					return err
				}
			}
		}
		if c.Bool("once") {
			break
		}
		select {
		case <-ctx.Done():
		case <-time.After(c.Duration("interval")):
		}
		if ctx.Err() != nil {
			break
		}
	}
	if wrong != nil {
		// Each root's verdict was printed (JSON too): no {"error"} after it.
		return jsonPrinted(fmt.Errorf("%w: the root %s holds, %s, disagrees with the round recomputed from the chain", errMismatch, contract.Hex(), wrong.Hex()))
	}
	return nil
}

// watchStep reads the blocks up to the safe head and checks the roots
// posted in them (with --once: every root posted so far).
func watchStep(ctx context.Context, c *cli.Context, b chain.Backend, w *chain.Watcher, cfg calc.Config, posted *merkle.Tree) ([]rootCheck, error) {
	head, err := b.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("reading the chain head: %w", err)
	}
	safe, _, ok := safeHead(ctx, c, b, head.Number.Uint64())
	if !ok {
		return nil, nil
	}
	roots, err := w.Poll(ctx, safe)
	if err != nil {
		return nil, err
	}
	if len(roots) == 0 {
		return nil, nil
	}
	exp, err := w.Recompute(cfg)
	if err != nil {
		return nil, fmt.Errorf("recomputing the round from the chain: %w", err)
	}
	var out []rootCheck
	for i, ev := range roots {
		ch := rootCheck{RootEvent: ev, Expected: exp.Root, Agree: ev.NewRoot == exp.Root,
			Final: head.Time >= ev.FinalAt, Latest: i == len(roots)-1}
		if posted != nil && !ch.Agree {
			tr := posted.Root()
			ch.TreeRoot = &tr
			if tr == ev.NewRoot {
				ch.Diff = chain.DiffLeaves(exp.Leaves, posted.Values())
			}
		}
		out = append(out, ch)
	}
	return out, nil
}

func printCheck(c *cli.Context, ch rootCheck) error {
	if wantJSON(c) {
		return printJSON(c, ch)
	}
	state := "inside its challenge window until " + fmt.Sprint(ch.FinalAt)
	if ch.Final {
		state = "final since " + fmt.Sprint(ch.FinalAt)
	}
	if ch.Agree {
		_, err := fmt.Fprintf(c.App.Writer, "block %d: root %s agrees with the round recomputed from the chain (%s)\n", ch.Block, ch.NewRoot.Hex(), state)
		return err
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "block %d: MISMATCH: root %s posted, the chain's events give %s (%s)\n", ch.Block, ch.NewRoot.Hex(), ch.Expected.Hex(), state)
	switch {
	case ch.TreeRoot != nil && *ch.TreeRoot != ch.NewRoot:
		fmt.Fprintf(&sb, "  the published tree has root %s, not the posted one\n", ch.TreeRoot.Hex())
	case len(ch.Diff) > 0:
		for _, d := range ch.Diff {
			fmt.Fprintf(&sb, "  gap %s %s: expected %s, posted %s\n", d.Gap, d.Account, orNone(d.Expected), orNone(d.Posted))
		}
	}
	_, err := fmt.Fprint(c.App.Writer, sb.String())
	return err
}

func orNone(s string) string {
	if s == "" {
		return "no leaf"
	}
	return s
}

// watchConfig is the mechanism and parameters to recompute with (a
// QFRound's pool is its matchingPool).
func watchConfig(c *cli.Context) (calc.Config, error) {
	min, err := calc.ParseAmount(c.String("min-amount"), 0)
	if err != nil {
		return calc.Config{}, fmt.Errorf("--min-amount: %w", err)
	}
	params, err := calc.ParseParams(c.StringSlice("param"))
	if err != nil {
		return calc.Config{}, fmt.Errorf("--param: %w", err)
	}
	capBps, err := capBpsFlag(c)
	if err != nil {
		return calc.Config{}, err
	}
	cfg := calc.Config{Mechanism: c.String("mechanism"), Params: params, CapBps: capBps, NoUpscale: c.Bool("no-upscale"), MinAmount: min}
	if len(cfg.Params) == 0 {
		cfg.Params = nil
	}
	return cfg, nil
}
