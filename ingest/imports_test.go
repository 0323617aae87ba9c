package ingest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestIngestDoesNotKnowTheTally: ingest fills a [Sink]; no code of the
// package (tests aside, which build real tallies) names calc.Tally or
// calc.NewTally.
func TestIngestDoesNotKnowTheTally(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		t.Run(f, func(t *testing.T) {
			file, err := parser.ParseFile(token.NewFileSet(), f, nil, 0)
			require.NoError(t, err)
			ast.Inspect(file, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					if x, ok := sel.X.(*ast.Ident); ok && x.Name == "calc" {
						require.NotContains(t, []string{"Tally", "NewTally"}, sel.Sel.Name, "ingest names calc.%s: use the Sink", sel.Sel.Name)
					}
				}
				return true
			})
		})
	}
}
