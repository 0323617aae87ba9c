package ingest_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/ingest"
)

// rowText is everything a row says, its line included.
func rowText(r *ingest.Row) string {
	return fmt.Sprintf("%d %v|%s|%s|%s|%s|%s|%s|%s|%s", r.Line, r.Item, r.ID, r.Donor, r.Gap.Dec(), r.Amount.Dec(), r.Weight, r.Score, r.Token, r.Chain)
}

// scanParts scans p's parts one after the other: every row, and the
// first error (the rows of the parts after it are not scanned).
func scanParts(p *ingest.Parts) ([]string, error) {
	var out []string
	for k := range p.Len() {
		lines := 0
		err := p.Scan(k, func(r *ingest.Row) error {
			out = append(out, rowText(r))
			lines++
			return nil
		})
		if err != nil {
			return out, err
		}
		if lines > p.Lines(k) {
			return out, fmt.Errorf("part %d: %d rows, more than its %d lines", k, lines, p.Lines(k))
		}
	}
	return out, nil
}

// partsFiles are CSV files whose parts must scan as the whole file does.
var partsFiles = []struct{ name, data string }{
	{"plain", "id,donor,gap,amount\nc0,0xbf99d373afba8217d92b7c2a97d0d542dd00aa19,343,330000000000000000\nc1,alice,1,5\nc2,bob,2,7\n"},
	{"CRLF", "id,donor,gap,amount\r\nc0,alice,1,5\r\nc1,bob,2,7\r\n"},
	{"no final newline", "id,donor,gap,amount\nc0,alice,1,5\nc1,bob,2,7"},
	{"BOM", "\xef\xbb\xbfid,donor,gap,amount\nc0,alice,1,5\nc1,bob,2,7\n"},
	{"blank lines", "id,donor,gap,amount\n\nc0,alice,1,5\n  \n\r\nc1,bob,2,7\n\n"},
	{"automatic ids", "donor,gap,amount\nalice,1,5\nalice,1,5\nbob,2,7\n"},
	{"weights and scores", "id,donor,gap,amount,weight,score\nc0,alice,1,5,1.5,\nc1,bob,2,7,,0.3\n"},
	{"tokens", "id,donor,gap,amount,token,chain\nc0,alice,1,5,USDC,10\nc1,bob,2,7,,\n"},
	{"quoted field", "id,donor,gap,amount\nc0,\"alice\",1,5\nc1,bob,2,7\n"},
	{"mixed-case address", "id,donor,gap,amount\nc0,0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed,1,5\nc1,0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed,2,7\n"},
	{"bad amount", "id,donor,gap,amount\nc0,alice,1,5\nc1,bob,2,x\nc2,carol,3,1\n"},
	{"zero amount", "id,donor,gap,amount\nc0,alice,1,5\nc1,bob,2,0\n"},
	{"too few fields", "id,donor,gap,amount\nc0,alice,1,5\nc1,bob\n"},
	{"bad quoting", "id,donor,gap,amount\nc0,alice,1,5\nc1,\"bob,2,7\n"},
	{"bad checksum", "id,donor,gap,amount\nc0,alice,1,5\nc1,0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD,2,7\n"},
	{"header only", "id,donor,gap,amount\n"},
}

// TestContributionPartsScanAsContributions: a file cut at every size
// from one byte to the whole file gives, part after part, exactly the
// rows of Contributions (lines included), and the first part that fails
// fails with Contributions' error, after the same rows.
func TestContributionPartsScanAsContributions(t *testing.T) {
	for _, f := range partsFiles {
		t.Run(f.name, func(t *testing.T) {
			var want []string
			wantErr := ingest.Contributions("c.csv", []byte(f.data), ingest.Options{Decimals: 0}, func(r *ingest.Row) error {
				want = append(want, rowText(r))
				return nil
			})
			for size := 1; size <= len(f.data); size++ {
				for _, cores := range []int{1, 2, 4} {
					p, ok := ingest.ContributionParts("c.csv", []byte(f.data), ingest.Options{}, size, cores)
					require.True(t, ok, "size %d", size)
					got, err := scanParts(p)
					if wantErr != nil && strings.Contains(wantErr.Error(), "no contributions") {
						require.NoError(t, err, "size %d", size) // (parts leave that check to the caller)
						require.Empty(t, got)
						continue
					}
					require.Equal(t, want, got, "size %d, %d cores", size, cores)
					if wantErr == nil {
						require.NoError(t, err, "size %d", size)
					} else {
						require.EqualError(t, err, wantErr.Error(), "size %d", size)
					}
				}
			}
		})
	}
}

// TestContributionPartsRefuses: what ContributionParts leaves to the
// whole file's scan.
func TestContributionPartsRefuses(t *testing.T) {
	for _, tc := range []struct{ name, data string }{
		{"JSON", `[{"donor":"alice","gap":1,"amount":5}]`},
		{"no header", "donor,gap\nalice,1\n"},
		{"a blank line before the header", "\nid,donor,gap,amount\nc0,alice,1,5\n"},
		{"empty", ""},
		{"a line too long", "id,donor,gap,amount\nc0,alice,1,5\n" + strings.Repeat("x", ingest.MaxLine+10) + "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, ok := ingest.ContributionParts("c.csv", []byte(tc.data), ingest.Options{}, 8, 2)
			require.False(t, ok)
		})
	}
}

// TestContributionPartsProgress: progress is told the end of the parts
// done, in order, ending at the file's end; Size is the rows' bytes.
func TestContributionPartsProgress(t *testing.T) {
	data := "id,donor,gap,amount\nc0,alice,1,5\nc1,bob,2,7\nc2,carol,3,9\n"
	var seen []int
	p, ok := ingest.ContributionParts("c.csv", []byte(data), ingest.Options{Progress: func(done int) { seen = append(seen, done) }}, 1, 1)
	require.True(t, ok)
	require.Equal(t, 3, p.Len())
	for _, k := range []int{1, 0, 2} { // part 1 done first: nothing to tell until part 0 is
		require.NoError(t, p.Scan(k, func(*ingest.Row) error { return nil }))
	}
	require.Equal(t, []int{strings.Index(data, "c2"), len(data)}, seen)
	require.Equal(t, int64(len(data)-strings.Index(data, "c0")), p.Size())
}

// TestContributionPartsOfABigFile: a file longer than what is read for
// its header, cut in parts of several sizes, scans as Contributions.
func TestContributionPartsOfABigFile(t *testing.T) {
	var b strings.Builder
	b.WriteString("\xef\xbb\xbfid,donor,gap,amount\r\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "c%d,0x%040x,%d,%d\r\n", i, i%77, 1+i%5, 1+i)
		if i%500 == 0 {
			b.WriteString("\r\n")
		}
	}
	data := []byte(b.String())
	require.Greater(t, len(data), 2*ingest.MaxLine+8)
	var want []string
	require.NoError(t, ingest.Contributions("c.csv", data, ingest.Options{}, func(r *ingest.Row) error {
		want = append(want, rowText(r))
		return nil
	}))
	for _, size := range []int{1, 100, 4096, 16 << 10, 40000, len(data)} {
		t.Run(fmt.Sprint(size, " bytes"), func(t *testing.T) {
			p, ok := ingest.ContributionParts("c.csv", data, ingest.Options{}, size, 2)
			require.True(t, ok)
			got, err := scanParts(p)
			require.NoError(t, err)
			require.Equal(t, want, got)
		})
	}
}

// FuzzContributionParts: any file ContributionParts takes scans, part
// after part, as Contributions does: the same rows, then the same error.
// Run longer with go test -fuzz FuzzContributionParts -fuzztime 5000x ./ingest/.
func FuzzContributionParts(f *testing.F) {
	for _, pf := range partsFiles {
		f.Add([]byte(pf.data), uint16(3))
	}
	f.Add([]byte("donor,gap,amount,id\n\n\"a,b\",1,2,x\r\nq,1,0x10,y\n"), uint16(1))
	f.Fuzz(func(t *testing.T, data []byte, size uint16) {
		p, ok := ingest.ContributionParts("c.csv", data, ingest.Options{Decimals: 2}, int(size)+1, 2)
		if !ok {
			return
		}
		var want []string
		wantErr := ingest.Contributions("c.csv", data, ingest.Options{Decimals: 2}, func(r *ingest.Row) error {
			want = append(want, rowText(r))
			return nil
		})
		got, err := scanParts(p)
		if wantErr != nil && strings.Contains(wantErr.Error(), "no contributions") {
			require.NoError(t, err)
			require.Empty(t, got)
			return
		}
		require.Equal(t, want, got)
		if wantErr == nil {
			require.NoError(t, err)
		} else {
			require.EqualError(t, err, wantErr.Error())
		}
	})
}
