package app

import (
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/store"
)

// withStore opens the database named by --db for the length of fn.
func withStore(c *cli.Context, fn func(*store.Store) error) error {
	s, err := store.Open(c.String("db"))
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s)
}

// withRound resolves the round number (--round or the one argument) and
// opens the database for fn.
func withRound(c *cli.Context, fn func(s *store.Store, n uint64) error) error {
	n, err := roundNumber(c)
	if err != nil {
		return err
	}
	return withStore(c, func(s *store.Store) error { return fn(s, n) })
}

// emitJSON writes v to --out FILE when given, else to stdout.
func emitJSON(c *cli.Context, v any) error {
	if path := c.String("out"); path != "" {
		return writeJSON(path, v)
	}
	return printJSON(c, v)
}

func roundFlag() cli.Flag {
	return &cli.Uint64Flag{Name: "round", Aliases: []string{"r"}, Usage: "round `NUMBER`", EnvVars: []string{"QF_ROUND"}}
}

func roundNumber(c *cli.Context) (uint64, error) {
	if c.IsSet("round") {
		return c.Uint64("round"), nil
	}
	if c.Args().Len() == 1 {
		n, err := strconv.ParseUint(c.Args().First(), 10, 64)
		if err != nil {
			return 0, usageErr("round %q is not a number", c.Args().First())
		}
		return n, nil
	}
	return 0, usageErr("which round? pass --round N (qf round list shows them)")
}

func printRound(c *cli.Context, r store.Round) error {
	if wantJSON(c) {
		return printJSON(c, r)
	}
	w := c.App.Writer
	fmt.Fprintf(w, "round %d", r.Number)
	if r.Name != "" {
		fmt.Fprintf(w, " (%s)", r.Name)
	}
	fmt.Fprintf(w, ": %s\n", r.Status)
	if r.Config.Mechanism == calc.CQFName {
		fmt.Fprintln(w, "  pool        none (pledges pay)")
	} else {
		fmt.Fprintf(w, "  pool        %s\n", show(r.Config.Pool.Dec(), r.Decimals))
	}
	fmt.Fprintf(w, "  mechanism   %s", r.Config.Mechanism)
	for _, k := range slices.Sorted(maps.Keys(r.Config.Params)) {
		fmt.Fprintf(w, " %s=%s", k, r.Config.Params[k])
	}
	fmt.Fprintln(w)
	if r.Config.CapBps > 0 {
		fmt.Fprintf(w, "  cap         %d bps\n", r.Config.CapBps)
	}
	if r.Config.NoUpscale {
		fmt.Fprintln(w, "  no-upscale  yes")
	}
	if !r.Config.MinAmount.IsZero() {
		fmt.Fprintf(w, "  min amount  %s\n", show(r.Config.MinAmount.Dec(), r.Decimals))
	}
	if r.Config.ScoreScale != "" {
		fmt.Fprintf(w, "  score scale %s\n", r.Config.ScoreScale)
	}
	fmt.Fprintf(w, "  decimals    %d\n  leaf        %s\n  contributions %d\n", r.Decimals, r.Leaf, r.Contributions)
	if r.Root != ([32]byte{}) {
		fmt.Fprintf(w, "  root        %s\n", r.Root.Hex())
	}
	if r.SubmitTx != ([32]byte{}) {
		fmt.Fprintf(w, "  submit tx   %s\n", r.SubmitTx.Hex())
	}
	return nil
}
