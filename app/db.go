package app

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/store"
)

// startsDatabase are the commands that may start a new database (in a
// folder that does not exist yet, under one that does, or an empty one);
// every other command needs an existing qf database and says so.
var startsDatabase = map[string]bool{
	"qf import gaps": true, "qf gap add": true, "qf round create": true, "qf demo": true,
	"qf agent add": true, "qf ledger credit": true,
}

// withStore opens the database named by --db for the length of fn. A
// corrupt database, found on opening or while fn reads it (Pebble panics
// on some corruption), is one error saying what to do.
func withStore(c *cli.Context, fn func(*store.Store) error) (err error) {
	dir := c.String("db")
	mode := store.MustExist
	if startsDatabase[commandPath(c)] {
		mode = store.MayCreate
	}
	s, err := store.OpenMode(dir, mode)
	if err != nil {
		return err
	}
	defer func() {
		if p := recover(); p != nil {
			if !isCorruption(p) {
				panic(p)
			}
			err = store.Damaged(dir, p)
		}
		if cerr := s.Close(); cerr != nil && err == nil {
			err = store.Explain(dir, cerr)
		}
		if derr := s.Damage(); derr != nil && (err == nil || !errors.Is(err, store.ErrDamaged)) {
			err = derr // found while reading, maybe in the background
		}
	}()
	return store.Explain(dir, fn(s))
}

// commandPath is the running command's full name: "qf round create".
func commandPath(c *cli.Context) string {
	var names []string
	for _, x := range c.Lineage() {
		if x.Command == nil || x.Command.Name == c.App.Name {
			break // the app's own root command
		}
		names = append(names, x.Command.Name)
	}
	slices.Reverse(names)
	return strings.Join(append([]string{"qf"}, names...), " ")
}

// isCorruption reports whether a recovered panic is Pebble finding a
// corrupt file.
func isCorruption(p any) bool {
	if e, ok := p.(error); ok && store.Explain("", e) != e {
		return true
	}
	s := strings.ToLower(fmt.Sprint(p))
	return strings.Contains(s, "corrupt") || strings.Contains(s, "checksum") || strings.Contains(s, "invalid table")
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

// emitJSON writes v as the file name in the --out folder when given, else
// to stdout (see [outFile]).
func emitJSON(c *cli.Context, name string, v any) error {
	if path := outFile(c, name); path != "" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("--out: %w", err)
		}
		if err := writeJSON(path, v); err != nil {
			return err
		}
		if wantJSON(c) { // the outcome, not the file again
			return printJSON(c, map[string]any{"out": path})
		}
		return nil
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
		if r.Status == store.StatusOpen {
			return printJSON(c, r)
		}
		// a closed round always has a root, the zero hash for an empty tree
		return printJSON(c, struct {
			store.Round
			Root common.Hash `json:"root"`
		}{r, r.Root})
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
	if r.Status != store.StatusOpen {
		fmt.Fprintf(w, "  root        %s\n", r.Root.Hex())
	}
	if r.SubmitTx != ([32]byte{}) {
		fmt.Fprintf(w, "  submit tx   %s\n", r.SubmitTx.Hex())
	}
	return nil
}
