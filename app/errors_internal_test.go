package app

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/chain"
	"github.com/qf-dev/qf/ledger"
	"github.com/qf-dev/qf/site"
	"github.com/qf-dev/qf/store"
)

// advise adds the command line's advice to the libraries' errors: each
// case is a library error as the library returns it (wrapped as a command
// would) and the line qf prints.
func TestAdvise(t *testing.T) {
	gap7 := *uint256.NewInt(7)
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"base units", fmt.Errorf("f.csv:2: amount: %w: %q %w", calc.ErrAmount, "2.5", calc.ErrBaseUnits),
			`f.csv:2: amount: bad amount: "2.5" has a decimal point, but these amounts are integers in base units (amounts in tokens: --units token for contributions, --decimals N for the pool)`},
		{"precision", fmt.Errorf("%w: pairwise: too wide", calc.ErrPrecision), "precision: pairwise: too wide: raise --min-amount to leave dust out of matching"},
		{"not a pool mechanism", fmt.Errorf("%w: cqf rounds are solved pledge by pledge", calc.ErrNotPool), "not a pool mechanism: cqf rounds are solved pledge by pledge (qf cqf; qf match on a stored round)"},
		{"missing parameter", fmt.Errorf("%w: %w", calc.ErrParam, &calc.MissingParamError{Mechanism: "pairwise", Name: "M", Value: "N", What: "the pair bound"}),
			"bad parameter: pairwise needs the parameter M=N (the pair bound): pass --param M=N"},
		{"pool settings", fmt.Errorf("%w: %w", calc.ErrParam, &calc.PoolSettingsError{Settings: []string{"pool", "cap-bps"}}),
			"bad parameter: cqf has no matching pool, so pool, cap-bps do not apply: drop --pool, --cap-bps"},
		{"unregistered gap", fmt.Errorf("c.csv:3: gap: %w", &store.UnregisteredGapError{ID: gap7}), "c.csv:3: gap: unknown gap 7: register it first (qf gap add / qf import gaps)"},
		{"plain unknown gap", fmt.Errorf("%w 7", calc.ErrUnknownGap), "unknown gap 7"},
		{"bad stored row", &store.BadRowError{Round: 3, ID: "old", Err: errors.New("weight: bad")},
			`round 3's stored contribution "old" cannot be computed (weight: bad): void it first (qf contribution void --round 3 --reason TEXT old)`},
		{"round open", fmt.Errorf("round 2: %w", store.ErrRoundOpen), "round 2: round is still open: run qf match first"},
		{"no round", fmt.Errorf("%w: 9", store.ErrNoRound), "no such round: 9 (qf round list shows the rounds)"},
		{"no agent account", fmt.Errorf("%w: %q: %w", ledger.ErrAccount, "agent:ghost", &store.NoAgentError{Name: "ghost"}), `bad account name: "agent:ghost": no such agent (qf agent add ghost first)`},
		{"no agent", fmt.Errorf("%w: ghost", store.ErrNoAgent), "no such agent: ghost (qf agent list shows them)"},
		{"cqf round report", fmt.Errorf("round 1: %w", store.ErrCQFRound), "round 1: a coordinated-QF round has pledge results, not a matching report (qf stats shows each pledge)"},
		{"reason", fmt.Errorf("%w: say why the contribution is voided", store.ErrReason), "bad reason: say why the contribution is voided (--reason TEXT)"},
		{"no contribution", &store.RoundError{Round: 4, Err: fmt.Errorf("%w: round 4 has no contribution %q", store.ErrNoContribution, "x")},
			`no such contribution: round 4 has no contribution "x" (qf contribution list --round 4 shows them)`},
		{"recipient id", fmt.Errorf("%w: gap 1 is registered to A, not B: %w", store.ErrGapExists, store.ErrRecipientID), "gap already registered: gap 1 is registered to A, not B: only its recipientId differs (change it with qf gap set)"},
		{"no parent", fmt.Errorf("%w at a/b: %w", store.ErrNoDatabase, &store.NoParentError{Parent: "a"}),
			"no qf database at a/b: its parent folder a does not exist (the database folder is created, not its parents): check --db or create a first"},
		{"no database", fmt.Errorf("%w at typo", store.ErrNoDatabase), "no qf database at typo: check --db (or QF_DB); a database is started by qf import gaps, qf gap add or qf round create"},
		{"version", fmt.Errorf("%w: d was made by %w (%q)", store.ErrNotQF, store.ErrVersion, "v9"), `not a qf database: d was made by another qf version ("v9"): use that version, or a new --db folder`},
		{"not qf", fmt.Errorf("%w: d is a file, not a database folder", store.ErrNotQF), "not a qf database: d is a file, not a database folder: pass --db a new folder or an existing qf database"},
		{"damaged", fmt.Errorf("%w: d: bad block", store.ErrDamaged), "database damaged: d: bad block: restore the folder from a backup, or rebuild the round in a new --db from its files"},
		{"site: open round", &store.RoundError{Round: 2, Err: fmt.Errorf("%w: round 2 is open", site.ErrNotClosed)}, "round not closed: round 2 is open: match it first (qf match --round 2)"},
		{"site: unsupported", fmt.Errorf("%w: round 3 is a cqf round (refund leaves)", site.ErrUnsupported),
			"no round page for this round: round 3 is a cqf round (refund leaves); publish it with qf export --format bundle (an Allo v2 round: or --format allo)"},
		{"no rpc", chain.ErrNoRPC, "cannot reach the node: no RPC URL (--rpc or QF_RPC)"},
		{"unreachable", fmt.Errorf("%w: refused", chain.ErrUnreachable), "cannot reach the node: refused"},
		{"gap not on contract", fmt.Errorf("gap 7: %w 0xC", chain.ErrUnknownGap), "gap 7: gap not registered on the contract 0xC (the owner registers it with qf chain register-gap)"},
		{"pending", fmt.Errorf("%w: 0xA has 1 transaction(s) not mined yet (nonce 3..3)", chain.ErrPending),
			"signer has a pending transaction: 0xA has 1 transaction(s) not mined yet (nonce 3..3): wait for them, or rerun with --replace to send this one in place of the oldest, with higher fees"},
		{"timeout", fmt.Errorf("donate: %w: 0xT (nonce 3) is still pending; it may yet execute", chain.ErrTimeout),
			"donate: transaction not mined in time: 0xT (nonce 3) is still pending; it may yet execute: check it, or rerun with --replace to send in its place"},
		{"root replaceable", fmt.Errorf("%w: 0xC holds 0xR (%w until 9, 5 s from now); this round's root is 0xS", chain.ErrRootDiffers, chain.ErrReplaceable),
			"the contract already holds a different root: 0xC holds 0xR (replaceable until 9, 5 s from now); this round's root is 0xS: pass --replace-root to post this round's root in its place"},
		{"root differs (claim)", fmt.Errorf("%w: 0xC holds 0xR, the proof is for 0xS", chain.ErrRootDiffers), "the contract already holds a different root: 0xC holds 0xR, the proof is for 0xS"},
		{"no advice", errors.New("reading x: no such file"), "reading x: no such file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := advise(tc.err)
			if got.Error() != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			if !errors.Is(got, tc.err) {
				t.Errorf("advise(err) is not err")
			}
		})
	}
	if advise(nil) != nil {
		t.Error("advise(nil) != nil")
	}
}

// cliAdvice matches what a library's error must not say: a flag, or a qf
// command to run. The CLI adds those (advices, above).
func cliAdvice() *regexp.Regexp {
	var names []string
	for _, c := range New().Commands {
		names = append(names, c.Names()...)
	}
	return regexp.MustCompile(`--[a-z]|\bqf (` + strings.Join(names, "|") + `)\b`)
}

// Libraries return what is wrong, never command-line advice: no error
// string built in a package other than app (and cmd) names a flag or a qf
// command. The exceptions are messages for HTTP clients, who have no
// command line (service), and a description of who holds a lock.
func TestLibraryErrorsGiveNoCLIAdvice(t *testing.T) {
	allowed := map[string]bool{
		"service/server.go: %w: round %d stays open: %w; void it to refund every contribution (qf ledger void-round %d, or POST /api/rounds/%d/void)": true,
		"store/open.go: %w: %s is open in another process (a qf serve, or a long import or match): wait for it or stop it, then retry":                true,
	}
	advice := cliAdvice()
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("..", path)
		if d.IsDir() {
			switch rel {
			case "app", "cmd", "web", "node_modules", "bench", "scripts", ".git":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			x, ok := sel.X.(*ast.Ident)
			if !ok || !(x.Name == "fmt" && sel.Sel.Name == "Errorf" || x.Name == "errors" && sel.Sel.Name == "New") {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			if advice.MatchString(s) && !allowed[filepath.ToSlash(rel)+": "+s] {
				t.Errorf("%s: %q gives command-line advice: return a sentinel or typed error and add the advice in app/errors.go", fset.Position(lit.Pos()), s)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
