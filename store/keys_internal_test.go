package store

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"
)

// Every key prefix declared in keys.go is a different byte: two records
// under one prefix would be read, ranged over and deleted as each other
// (the checks' 'k'+round key once sat inside the cells' 'k'+round range,
// and clearing a round's sums deleted it).
func TestKeyPrefixesAreDistinct(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "keys.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[rune]string{}
	n := 0
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				var v rune
				switch lit := vs.Values[i].(type) {
				case *ast.BasicLit:
					if lit.Kind == token.CHAR {
						r, _, _, err := strconv.UnquoteChar(lit.Value[1:len(lit.Value)-1], '\'')
						if err != nil {
							t.Fatalf("%s: %v", name.Name, err)
						}
						v = r
					} else {
						x, err := strconv.ParseInt(lit.Value, 0, 32)
						if err != nil {
							t.Fatalf("%s: %v", name.Name, err)
						}
						v = rune(x)
					}
				default:
					t.Fatalf("%s: a prefix is a literal byte", name.Name)
				}
				if other, dup := seen[v]; dup {
					t.Errorf("%s and %s are both %q", other, name.Name, v)
				}
				seen[v] = name.Name
				n++
			}
		}
	}
	if n < 20 {
		t.Fatalf("found %d prefixes in keys.go; the test no longer reads it", n)
	}
}
