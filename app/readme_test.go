package app_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qf-dev/qf/app"
)

// readmeCommand returns the fields of the first line of README section
// `section` that starts with prefix, without its trailing comment, with
// the repository's paths made relative to app/ (the test's directory).
func readmeCommand(t *testing.T, readme, section, prefix string) []string {
	t.Helper()
	_, body, found := strings.Cut(readme, "\n## "+section)
	if !found {
		t.Fatalf("README has no section %q", section)
	}
	if end := strings.Index(body, "\n## "); end >= 0 {
		body = body[:end]
	}
	for _, line := range strings.Split(body, "\n") {
		if !strings.HasPrefix(line, prefix) {
			continue
		}
		line, _, _ = strings.Cut(line, "#")
		line = strings.TrimSuffix(strings.TrimSpace(line), "\\")
		line = strings.ReplaceAll(line, "app/demodata/", "demodata/")
		return strings.Fields(line)
	}
	t.Fatalf("README section %q has no line starting %q", section, prefix)
	return nil
}

// runQF runs qf with args (args[0] is "qf") and returns stdout, failing
// the test on a non-zero exit.
func runQF(t *testing.T, args ...string) []byte {
	t.Helper()
	var out, errb bytes.Buffer
	if code := app.Main(args, &out, &errb); code != 0 {
		t.Fatalf("%s: exit %d: %s", strings.Join(args, " "), code, errb.String())
	}
	return out.Bytes()
}

func rootOf(t *testing.T, b []byte, path ...string) string {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	for _, k := range path {
		v = v.(map[string]any)[k]
	}
	return v.(string)
}

// TestREADMEReproducesDemo runs the README's operator commands and its
// verifier's qf calc as written (on the demo data they name) and checks
// that both give qf demo's root: the README, the demo and the sample data
// agree on units.
func TestREADMEReproducesDemo(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	tmp := t.TempDir()
	demo := rootOf(t, runQF(t, "qf", "--db", filepath.Join(tmp, "demo.db"), "--json", "demo"), "report", "root")

	t.Run("operator", func(t *testing.T) {
		db := filepath.Join(tmp, "op.db")
		var match []byte
		for _, prefix := range []string{"qf import gaps", "qf round create", "qf import contributions", "qf match"} {
			args := append(readmeCommand(t, readme, "Operators: run a round", prefix), "--json")
			match = runQF(t, append([]string{"qf", "--db", db}, args[1:]...)...)
		}
		if got := rootOf(t, match, "root"); got != demo {
			t.Errorf("README operator commands give root %s, qf demo %s", got, demo)
		}
	})
	t.Run("verifier calc", func(t *testing.T) {
		args := readmeCommand(t, readme, "Verifiers: recompute a published round", "qf calc")
		for i, a := range args {
			if a == "--out" {
				args[i+1] = filepath.Join(tmp, "mine")
			}
		}
		if got := rootOf(t, runQF(t, append(args, "--json")...), "root"); got != demo {
			t.Errorf("README verifier qf calc gives root %s, qf demo %s", got, demo)
		}
	})
}
