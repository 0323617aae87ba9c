package app_test

import (
	"os"
	"path/filepath"
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
	}})
}
