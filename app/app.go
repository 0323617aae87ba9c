// Package app is the qf command line: it parses flags, reads and writes
// files, and calls the library packages (calc, merkle, store, round,
// payout). cmd/qf only runs [New].
//
// Flags that several commands take are declared once (flags.go,
// chainflags.go, serveflags.go) and mean the same everywhere; environment
// fallbacks are scoped to their commands (TestEnvScoped). --out is always
// a folder (out.go). The libraries' errors say what is wrong; errors.go
// adds, in one table, what to do about them on the command line.
package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/urfave/cli/v2"
)

// New returns the qf application.
func New() *cli.App {
	a := &cli.App{
		Name:  "qf",
		Usage: "run quadratic funding rounds off-chain and pay them out through Merkle proofs",
		Description: `qf computes each gap's (project's) match with exact integer arithmetic,
builds an OpenZeppelin-compatible Merkle tree of (gap, recipient, amount)
leaves and hands every recipient a proof to claim on-chain.

Operators: round create, gap add / import gaps, import contributions,
contribute, contribution list / void, gap set, match, stats, tree, revise, revision; on-chain: import chain
(--source allo for an Allo v2 strategy), submit, chain.
Service: serve, agent, ledger (the design's --qf-contribute, --qf-stats and
--qf-match are contribute, stats and match; ledger fund and ledger match for
a service's ledger).
Verifiers: calc, verify (round, tree, proof, bundle DIR, clrfund).  Claimants: proof, claim.
Units: contribution amounts (file columns and --amount) are integers in the
token's base units (wei) unless --units token says they are tokens (2.5),
scaled by the round's --decimals; --pool and --min-amount are in tokens when
--decimals is given.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "db", Value: "./qf.db", EnvVars: []string{"QF_DB"}, Usage: "Pebble database `DIR`"},
			&cli.BoolFlag{Name: "json", EnvVars: []string{"QF_JSON"}, Usage: "machine-readable JSON output"},
		},
		Commands: []*cli.Command{
			calcCommand(), compareCommand(), roundCommand(), gapCommand(), importCommand(), contributeCommand(), contributionCommand(),
			matchCommand(), statsCommand(), proofCommand(), treeCommand(), exportCommand(), verifyCommand(), submitCommand(), claimCommand(), watchCommand(), chainCommand(), demoCommand(), reportCommand(), simulateCommand(), cqfCommand(),
			serveCommand(), agentCommand(), ledgerCommand(), priceCommand(),
			reviseCommand(), revisionCommand(),
		},
		HideHelpCommand: true,
		ExitErrHandler:  func(*cli.Context, error) {}, // Main prints and exits
	}
	addJSONFlag(a.Commands)
	return a
}

// addJSONFlag lets --json follow any command too (qf stats --json), not only
// precede it: urfave/cli v2 parses a flag only on the command that defines it.
func addJSONFlag(cmds []*cli.Command) {
	for _, c := range cmds {
		if len(c.Subcommands) > 0 {
			addJSONFlag(c.Subcommands)
			continue
		}
		c.Flags = append(c.Flags, &cli.BoolFlag{Name: "json", Usage: "machine-readable JSON output"})
	}
}

// newApp is [New]; tests swap it to reach paths no input reaches.
var newApp = New

// Main runs qf with args and returns the exit status: 0 on success, 1 on
// any error (printed as one line on stderr and, with --json, as
// {"error": …} on stdout), 2 on an internal error (a bug: a panic, caught
// here and printed as one line too).
func Main(args []string, stdout, stderr io.Writer) (code int) {
	a := newApp()
	a.Writer, a.ErrWriter = stdout, stderr
	args = reorderArgs(a, args)
	asJSON := jsonRequested(args)
	defer func() {
		if p := recover(); p != nil {
			err := fmt.Errorf("internal error (a bug in qf; please report it with the command line): %v", p)
			fmt.Fprintf(stderr, "qf: %s\n", oneLine(err))
			if asJSON {
				printErrorJSON(stdout, err)
			}
			code = 2
		}
	}()
	if err := advise(a.Run(args)); err != nil {
		fmt.Fprintf(stderr, "qf: %s\n", oneLine(err))
		if asJSON {
			printErrorJSON(stdout, err)
		}
		return 1
	}
	return 0
}

// jsonRequested reports whether args or QF_JSON ask for JSON output.
func jsonRequested(args []string) bool {
	for _, a := range args[1:] {
		if a == "--" {
			break
		}
		if a == "--json" || a == "-json" || a == "--json=true" {
			return true
		}
	}
	v, err := strconv.ParseBool(os.Getenv("QF_JSON"))
	return err == nil && v
}

// failure is the JSON a failed command prints with --json.
type failure struct {
	Error string `json:"error"`
	// Differences are what a failed verification found, each one line.
	Differences []string `json:"differences,omitempty"`
}

// printedError is a failure whose JSON the command printed itself.
type printedError struct{ error }

func (e printedError) Unwrap() error { return e.error }

// jsonPrinted marks err (if any) as already reported in the command's JSON.
func jsonPrinted(err error) error {
	if err == nil {
		return nil
	}
	return printedError{err}
}

func printErrorJSON(w io.Writer, err error) {
	if errors.As(err, new(printedError)) {
		return
	}
	f := failure{Error: oneLine(err)}
	var m *mismatchError
	if errors.As(err, &m) {
		f.Differences = m.diffs
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(f)
}

func oneLine(err error) string {
	s := err.Error()
	for i, c := range s {
		if c == '\n' {
			return s[:i]
		}
	}
	return s
}

// wantJSON reports whether --json was given, before the command (qf --json
// stats) or after it (qf stats --json): each command defines its own flag,
// which shadows the global one, so every level is asked.
func wantJSON(c *cli.Context) bool {
	for _, x := range c.Lineage() {
		if x.Bool("json") {
			return true
		}
	}
	return false
}

// errUsage marks a command-line mistake.
var errUsage = errors.New("usage")

func usageErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, args...))
}

func printJSON(c *cli.Context, v any) error {
	enc := json.NewEncoder(c.App.Writer)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func readFile(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return b, nil
}
