package layout

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/qf-dev/qf/"

// imports returns, for each non-test .go file of package dir (relative to
// the module root), the qf packages it imports (relative to the module).
func imports(t *testing.T, dir string) map[string][]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("package %s has no Go files", dir)
	}
	out := map[string][]string{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		af, err := parser.ParseFile(fset, f, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, is := range af.Imports {
			p, err := strconv.Unquote(is.Path.Value)
			if err != nil {
				t.Fatal(err)
			}
			if rest, ok := strings.CutPrefix(p, module); ok {
				out[filepath.Base(f)] = append(out[filepath.Base(f)], rest)
			}
		}
	}
	return out
}

// TestImportRules: each package imports only the qf packages below it.
// An allowed entry ending in "/" allows every package under it.
func TestImportRules(t *testing.T) {
	for _, tc := range []struct {
		pkg   string
		allow []string
	}{
		{pkg: "calc", allow: []string{"internal/"}},
		{pkg: "merkle", allow: []string{"internal/"}},
		{pkg: "price", allow: []string{"calc", "internal/"}},
		{pkg: "cqf", allow: []string{"calc", "internal/"}},
		{pkg: "record", allow: []string{"calc", "price", "cqf"}},
		{pkg: "ingest", allow: []string{"calc", "price", "cqf", "record", "internal/"}},
		{pkg: "payout", allow: []string{"calc", "price", "cqf", "merkle", "internal/"}},
		{pkg: "store", allow: []string{"calc", "price", "cqf", "merkle", "record", "internal/"}},
		{pkg: "round", allow: []string{"calc", "price", "cqf", "ingest", "merkle", "payout", "record", "store", "internal/"}},
		{pkg: "ledger", allow: []string{"calc", "price", "cqf", "merkle", "record", "store", "internal/"}},
		{pkg: "site", allow: []string{"calc", "price", "cqf", "ingest", "merkle", "payout", "record", "round", "store", "internal/"}},
		{pkg: "service", allow: []string{"calc", "price", "cqf", "ledger", "merkle", "payout", "record", "round", "site", "store", "internal/"}},
	} {
		t.Run(tc.pkg, func(t *testing.T) {
			for file, imps := range imports(t, tc.pkg) {
				for _, imp := range imps {
					if !slices.ContainsFunc(tc.allow, func(a string) bool {
						return a == imp || strings.HasSuffix(a, "/") && strings.HasPrefix(imp, a)
					}) {
						t.Errorf("%s/%s imports %s; %s may import only %v", tc.pkg, file, imp, tc.pkg, tc.allow)
					}
				}
			}
		})
	}
}

// TestCLIStartsTheService: the CLI imports the service only to start it
// and configure it (serve.go, serveflags.go). Computing rounds goes
// through round, the ledger commands through ledger.
func TestCLIStartsTheService(t *testing.T) {
	allowed := []string{"serve.go", "serveflags.go"}
	for file, imps := range imports(t, "app") {
		if slices.Contains(imps, "service") && !slices.Contains(allowed, file) {
			t.Errorf("app/%s imports service; only %v may (compute rounds through round)", file, allowed)
		}
	}
}
