package app_test

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/qf-dev/qf/app"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"qf": func() { os.Exit(app.Main(os.Args, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI scripts in testdata/script: each is a txtar of
// commands with their expected output (see testscript's docs).
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script"})
}
