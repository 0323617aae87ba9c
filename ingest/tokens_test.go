package ingest

import (
	"testing"
)

// TestTokenColumns: the token and chain columns are read in canonical
// form, and refused with the field named.
func TestTokenColumns(t *testing.T) {
	const head = "donor,gap,amount,token,chain\n"
	for _, tc := range []struct {
		name, data string
		dec        uint8
		token      string
		chain      string
		err        string
	}{
		{"symbol lower-cased", head + "alice,1,5,ETH,10\n", 0, "eth", "10", ""},
		{"address lower-cased", head + "alice,1,5,0x6B175474E89094C44Da98b954EedeAC495271d0F,\n", 0, "0x6b175474e89094c44da98b954eedeac495271d0f", "", ""},
		{"no token: chain dropped", head + "alice,1,5,,10\n", 0, "", "", ""},
		{"json", `[{"donor":"alice","gap":1,"amount":"5","token":"Dai","chain":1}]`, 0, "dai", "1", ""},
		{"bad token", head + "alice,1,5,e t h,\n", 0, "", "", `c.csv:2: token: bad field: "e t h": a token is an address or a symbol of letters, digits, '.', '_' and '-'`},
		{"bad chain", head + "alice,1,5,eth,op\n", 0, "", "", `c.csv:2: chain: bad field: "op": want a chain id (a whole number, e.g. 10 for Optimism)`},
		{"whole tokens refused", head + "alice,1,5,eth,\n", 6, "", "", "c.csv:2: amount: amounts in another token are in its base units: a contribution in eth gives its amount in eth's base units"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var tok, chain string
			err := Contributions("c.csv", []byte(tc.data), Options{Decimals: tc.dec}, func(r *Row) error {
				tok, chain = string(r.Token), string(r.Chain)
				return nil
			})
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("got %v, want %s", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tok != tc.token || chain != tc.chain {
				t.Fatalf("token %q chain %q, want %q %q", tok, chain, tc.token, tc.chain)
			}
		})
	}
}
