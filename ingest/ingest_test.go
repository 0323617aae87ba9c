package ingest_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/ingest"
)

func read(t *testing.T, name, data string, dec uint8) ([]string, error) {
	var out []string
	err := ingest.Contributions(name, []byte(data), ingest.Options{Decimals: dec}, func(r *ingest.Row) error {
		out = append(out, string(r.ID)+"|"+string(r.Donor)+"|"+r.Gap.Dec()+"|"+r.Amount.Dec()+"|"+string(r.Weight))
		return nil
	})
	return out, err
}

func TestContributionFormats(t *testing.T) {
	cases := []struct {
		name, file, data string
		dec              uint8
		want             []string
	}{
		{"columns in any order, extra ignored", "c.csv", "amount,note,gap,donor,id\n5,hi,7,0xaBCdEf0000000000000000000000000000000001,x1\n", 0,
			[]string{"x1|0xabcdef0000000000000000000000000000000001|7|5|"}},
		{"CRLF, BOM, blank lines, hex gap", "c.csv", "\xef\xbb\xbfdonor,gap,amount\r\n\r\nalice,0x10,3\r\n", 0, []string{"|alice|16|3|"}},
		{"quoted fields", "c.csv", "donor,gap,amount,weight\n\"bob, the builder\",1,\"2\",1.5\n", 0, []string{"|bob, the builder|1|2|1.5"}},
		{"decimals", "c.csv", "donor,gap,amount\nalice,1,0.25\n", 6, []string{"|alice|1|250000|"}},
		{"json with numbers and strings", "c.json", `[{"id":"t1","donor":"alice","gap":2,"amount":"10"},{"donor":"bob","gap":"3","amount":7}]`, 0,
			[]string{"t1|alice|2|10|", "|bob|3|7|"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := read(t, c.file, c.data, c.dec)
			require.NoError(t, err)
			require.Equal(t, c.want, got)
		})
	}
}

func TestContributionErrors(t *testing.T) {
	cases := []struct{ name, file, data, want string }{
		{"json missing field", "c.json", `[{"donor":"a","gap":1,"amount":"1"},{"donor":"b","amount":"1"}]`, "c.json: item 2: gap: missing fields: missing"},
		{"json zero", "c.json", `[{"donor":"a","gap":1,"amount":"0"}]`, "c.json: item 1: amount: amount must be greater than zero"},
		{"not json", "c.json", `[{"donor":`, "c.json: not a JSON array of contributions"},
		{"empty", "c.csv", "", "c.csv: bad header: the file is empty"},
		{"header only", "c.csv", "donor,gap,amount\n", "c.csv: no rows: the file has a header but no contributions"},
		{"duplicate column", "c.csv", "donor,gap,amount,gap\n", "c.csv:1: gap: bad header: column \"gap\" appears twice"},
		{"long donor", "c.csv", "donor,gap,amount\n" + string(make([]byte, 0)) + "x" + string(repeat('y', 200)) + ",1,1\n", "c.csv:2: donor: bad donor: longer than 128 bytes"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := read(t, c.file, c.data, 0)
			require.Error(t, err)
			require.Contains(t, err.Error(), c.want)
		})
	}
}

func repeat(c byte, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = c
	}
	return b
}
