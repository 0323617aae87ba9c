package app_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/qf-dev/qf/app"
)

func TestMain(m *testing.M) {
	if dir := os.Getenv("QF_TEST_HOLD_DB"); dir != "" {
		holdDB(dir) // a second process for TestDatabaseInUse
		return
	}
	testscript.Main(m, map[string]func(){
		"qf": func() { os.Exit(app.Main(os.Args, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI scripts in testdata/script: each is a txtar of
// commands with their expected output (see testscript's docs).
func TestScripts(t *testing.T) {
	gitcoin, err := filepath.Abs("../cgrants/testdata/gitcoin")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{Dir: "testdata/script", Setup: func(e *testscript.Env) error {
		e.Setenv("GITCOIN", gitcoin) // the GR1–GR8 dataset, for report.txtar
		return nil
	}, Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){"rows": rowsCmd}})
}

// rowsCmd is the scripts' `rows [-donors D] FILE N [OTHER]`: writes a
// contributions CSV of N rows (ids r0…, donors of 50, or of D with
// -donors, gaps 1 and 2, amounts 1–9) to FILE; row OTHER, if given, has
// its amount raised by 100 (a conflict with the same file stored). Files
// past the bulk import's 10,000 rows are too big to keep in a script.
func rowsCmd(ts *testscript.TestScript, neg bool, args []string) {
	donors := 50
	if len(args) > 1 && args[0] == "-donors" {
		d, err := strconv.Atoi(args[1])
		ts.Check(err)
		donors, args = d, args[2:]
	}
	if neg || len(args) < 2 || len(args) > 3 || donors < 1 {
		ts.Fatalf("usage: rows [-donors D] FILE N [OTHER]")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	other := -1
	if len(args) == 3 {
		other, err = strconv.Atoi(args[2])
		ts.Check(err)
	}
	var b strings.Builder
	b.WriteString("id,donor,gap,amount\n")
	for i := range n {
		amount := 1 + i%9
		if i == other {
			amount += 100
		}
		fmt.Fprintf(&b, "r%d,0x%040x,%d,%d\n", i, 0xa0+i%donors, 1+i%2, amount)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(b.String()), 0o644))
}
