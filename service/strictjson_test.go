package service

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzStrictObject: whatever the body, strictObject does not panic, and
// what it accepts is one valid JSON object whose keys are exactly the
// allowed names, none twice in any case.
func FuzzStrictObject(f *testing.F) {
	for _, s := range []string{`{"amount":"5"}`, `{"amount":"5","from":"a"}`, `{"amount":"1","Amount":"2"}`,
		`{"amount":{"x":1,"x":2}}`, `[1]`, `{"amount":[{"a":1},{"A":2}]}`, `{} {}`, `{"AMOUNT":1}`, `"x"`, `{"amount":"5"`} {
		f.Add([]byte(s))
	}
	names := map[string]bool{"amount": true, "from": true}
	f.Fuzz(func(t *testing.T, b []byte) {
		if strictObject(b, names) != nil {
			return
		}
		if !json.Valid(b) {
			t.Fatalf("accepted invalid JSON %q", b)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("accepted %q, not an object: %v", b, err)
		}
		var seen []string
		for k := range m {
			if !names[k] {
				t.Fatalf("accepted key %q in %q", k, b)
			}
			for _, o := range seen {
				if strings.EqualFold(o, k) {
					t.Fatalf("accepted %q and %q in %q", o, k, b)
				}
			}
			seen = append(seen, k)
		}
	})
}
