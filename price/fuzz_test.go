package price

import (
	"testing"

	"github.com/holiman/uint256"
)

// FuzzParse: any file either parses into a ledger whose canonical JSON
// parses back to the same ledger, every entry of which converts without
// panicking, or is refused with an error naming the file.
func FuzzParse(f *testing.F) {
	f.Add([]byte("token,chain,decimals,price,block,source,stable,match,vote_cap\neth,10,18,3000.123456789,1,cg,,,\nusdc,10,6,1,1,op,,true,\ngcv,,18,2.5,1,op,,,10\n"))
	f.Add([]byte(`[{"token":"0x6B175474E89094C44Da98b954EedeAC495271d0F","decimals":18,"price":"0.9998","time":"2024-05-01T12:00:00Z","source":"s","stable":true}]`))
	f.Add([]byte("token,decimals,price,time,source\n\"a,b\",1,1,1,s\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Parse("f.csv", data)
		if err != nil {
			if e, ok := err.(*Error); !ok || e.File != "f.csv" {
				t.Fatalf("error %v does not name the file", err)
			}
			return
		}
		back, err := Parse("f.json", l.JSON())
		if err != nil {
			t.Fatalf("canonical form refused: %v\n%s", err, l.JSON())
		}
		if string(back.JSON()) != string(l.JSON()) {
			t.Fatalf("canonical form changed:\n%s\n%s", l.JSON(), back.JSON())
		}
		c := l.Converter(18, true)
		for _, e := range l.Entries {
			for _, raw := range []*uint256.Int{uint256.NewInt(1), uint256.MustFromDecimal("1000000000000000000000"), new(uint256.Int).SetAllOne()} {
				_, _ = c.Convert([]byte(e.Token), []byte(e.Chain), raw)
			}
		}
	})
}
