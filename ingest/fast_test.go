package ingest

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/internal/bulk"
)

// registry is gaps 1..20 and one id past 2^64.
func registry() []calc.Gap {
	var gaps []calc.Gap
	for i := 1; i <= 20; i++ {
		gaps = append(gaps, calc.Gap{ID: *uint256.NewInt(uint64(i)), Recipient: common.BigToAddress(big.NewInt(int64(0xB000 + i)))})
	}
	huge, _ := uint256.FromBig(new(big.Int).Lsh(big.NewInt(1), 70))
	return append(gaps, calc.Gap{ID: *huge, Recipient: common.HexToAddress("0x00000000000000000000000000000000000000ff")})
}

// randomCSV writes a contributions file with everything the fast path must
// treat exactly as the row-by-row path: repeated and missing ids, one
// address in several spellings (EIP-55 mixed case among them), non-address donors, hex and huge gap ids,
// amounts past 2^64, padding, blank lines, CRLF, a recipient donating to
// its own gap, and no final newline.
func randomCSV(r *rand.Rand, rows int, withID bool) string {
	var b strings.Builder
	if withID {
		b.WriteString("id,donor,gap,amount,note\n")
	} else {
		b.WriteString("donor, gap ,amount\n")
	}
	addrs := make([]string, 30)
	for i := range addrs {
		addrs[i] = fmt.Sprintf("%040x", r.Uint64()<<32|uint64(i))
	}
	names := []string{"alice", "bob", "not-an-address", "zoë", strings.Repeat("g", 40), "1234567890"}
	// what a row says, drawn once per id: a repeated id repeats it, in
	// another spelling (case, hex gap, padding) but the same content.
	type content struct {
		name, addr int // names[name] when addr < 0
		gap        int // 0: 2^70
		amount     string
	}
	said := map[string]content{}
	for i := range rows {
		id := ""
		if withID && r.IntN(10) != 0 {
			id = fmt.Sprint("t", r.IntN(rows))
		}
		c, again := said[id]
		if !again || id == "" {
			c = content{name: r.IntN(len(names)), addr: -1, gap: 1 + r.IntN(20), amount: fmt.Sprint(1 + r.Uint64N(1e18))}
			if r.IntN(5) != 0 {
				c.addr = r.IntN(len(addrs))
			}
			switch r.IntN(10) {
			case 0:
				c.gap = 0
			case 2:
				c.gap, c.addr = 3, -2 // gap 3's recipient
			}
			if r.IntN(8) == 0 {
				c.amount = new(big.Int).Lsh(big.NewInt(int64(1+r.IntN(1000))), 64+uint(r.IntN(100))).String()
			}
			said[id] = c
		}
		var donor string
		switch {
		case c.addr == -1:
			donor = names[c.name]
		case c.addr == -2:
			donor = "0x000000000000000000000000000000000000b003"
		default:
			a := addrs[c.addr]
			switch r.IntN(4) {
			case 0: // EIP-55 mixed case
				donor = common.HexToAddress(a).Hex()
			case 1:
				donor = "0x" + strings.ToUpper(a)
			case 2:
				donor = "0X" + a
			default:
				donor = "0x" + a
			}
		}
		gap := fmt.Sprint(c.gap)
		switch {
		case c.gap == 0:
			gap = "1180591620717411303424" // 2^70
		case r.IntN(10) == 1:
			gap = fmt.Sprintf("0x%x", c.gap)
		}
		amount := c.amount
		if r.IntN(8) == 1 {
			amount = " " + amount + " "
		}
		if withID {
			fmt.Fprintf(&b, "%s,%s,%s,%s,x", id, donor, gap, amount)
		} else {
			fmt.Fprintf(&b, "%s,%s,%s", donor, gap, amount)
		}
		switch {
		case i == rows-1:
		case r.IntN(20) == 0:
			b.WriteString("\r\n\n")
		default:
			b.WriteString("\n")
		}
	}
	return b.String()
}

type loaded struct {
	tally *calc.Tally
	dups  int
	res   *calc.Result
}

func load(t *testing.T, data string, fast bool, min uint64) (loaded, error) {
	t.Helper()
	tl, err := calc.NewTally(registry(), uint256.NewInt(min))
	require.NoError(t, err)
	l := NewLoader(tl, nil, 0)
	l.Dedup = true
	if fast {
		done, err := l.loadFast([]byte(data), Options{})
		require.NoError(t, err)
		require.True(t, done, "the fast path gave up")
	} else if err := Contributions("c.csv", []byte(data), Options{}, l.Add); err != nil {
		return loaded{}, err
	}
	res, err := calc.Compute(tl, calc.Config{Mechanism: "qf", Pool: *uint256.NewInt(1e18), MinAmount: *uint256.NewInt(min)})
	require.NoError(t, err)
	return loaded{tally: tl, dups: l.Duplicates, res: res}, nil
}

func TestFastPathEqualsRowByRow(t *testing.T) {
	for seed := range uint64(30) {
		for _, withID := range []bool{true, false} {
			t.Run(fmt.Sprintf("seed%d/id=%v", seed, withID), func(t *testing.T) {
				if seed%2 == 1 {
					smallChunks(t, 100+int(seed)) // many chunks, each counted and based in turn
				}
				r := rand.New(rand.NewPCG(seed, 99))
				data := randomCSV(r, 1+r.IntN(3000), withID)
				min := uint64(0)
				if seed%3 == 0 {
					min = 5e17
				}
				fast, err := load(t, data, true, min)
				require.NoError(t, err)
				slow, err := load(t, data, false, min)
				require.NoError(t, err)
				require.Equal(t, slow.dups, fast.dups, "duplicates")
				require.Equal(t, slow.tally.Donors(), fast.tally.Donors(), "donors, in order of first row")
				require.Equal(t, slow.tally.Rows(), fast.tally.Rows())
				ft, err := fast.tally.Terms()
				require.NoError(t, err)
				st, err := slow.tally.Terms()
				require.NoError(t, err)
				require.Equal(t, st, ft)
				require.Equal(t, slow.res, fast.res)
			})
		}
	}
}

// TestFastPathGivesUp: inputs the fast path leaves to the row-by-row path,
// which then gives the result or the exact error.
func TestFastPathGivesUp(t *testing.T) {
	cases := []struct{ name, data, err string }{
		{"quoted field", "donor,gap,amount\n\"a,b\",1,5\n", ""},
		{"weight column", "donor,gap,amount,weight\na,1,5,2\n", ""},
		{"unknown gap", "donor,gap,amount\na,1,5\nb,99,5\n", "c.csv:3: gap: unknown gap 99: add it to the gap registry first"},
		{"an id repeated with another gap", "id,donor,gap,amount\nx,a,1,5\nx,a,99,5\n", `c.csv:3: id: an id names one contribution: "x" is also at line 2 with other content`},
		{"an id repeated with another amount", "id,donor,gap,amount\nx,a,1,5\ny,b,1,5\nx,a,1,6\n", `c.csv:4: id: an id names one contribution: "x" is also at line 2 with other content`},
		{"an id repeated with another donor", "id,donor,gap,amount\nx,a,1,5\nx,b,1,5\n", `c.csv:3: id: an id names one contribution: "x" is also at line 2 with other content`},
		{"zero amount", "donor,gap,amount\na,1,0\n", "c.csv:2: amount: amount must be greater than zero"},
		{"bad donor", "donor,gap,amount\n,1,5\n", "c.csv:2: donor: bad donor: empty"},
		{"too few fields", "donor,gap,amount\na,1\n", "c.csv:2: missing fields: 2 fields, the header has 3 columns"},
		{"header only", "donor,gap,amount\n\n", "c.csv: no rows: the file has a header but no contributions"},
		{"bad EIP-55 checksum", "donor,gap,amount\n0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed,1,5\n0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD,1,5\n",
			`c.csv:3: donor: bad donor: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD" fails its EIP-55 checksum (the checksummed form is 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed): check the address, or write it in lower case`},
		{"0x id that is no address", "donor,gap,amount\na,1,5\n0xabc,1,5\n", `c.csv:3: donor: bad donor: "0xabc" starts with 0x but is not an address (0x and 40 hex digits)`},
		{"40 hex digits without 0x", "donor,gap,amount\n5aaeb6053f3e94c9b9a09f33669435e7ef1beaed,1,5\n",
			`c.csv:2: donor: bad donor: "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed" is 40 hex digits: write an address with its 0x (0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed)`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tl, err := calc.NewTally(registry(), nil)
			require.NoError(t, err)
			l := NewLoader(tl, nil, 0)
			l.Dedup = true
			done, err := l.loadFast([]byte(c.data), Options{})
			require.NoError(t, err)
			require.False(t, done)
			require.Zero(t, tl.Rows(), "nothing added before giving up")
			err = l.LoadFile("c.csv", []byte(c.data), Options{})
			if c.err == "" {
				require.NoError(t, err)
				return
			}
			require.EqualError(t, err, c.err)
		})
	}
}

// FuzzFastPath: whenever the fast path accepts a file, the row-by-row path
// accepts it too and builds the same tally.
func FuzzFastPath(f *testing.F) {
	r := rand.New(rand.NewPCG(1, 1))
	f.Add(randomCSV(r, 40, true))
	f.Add(randomCSV(r, 40, false))
	f.Add("donor,gap,amount\na,1,5\n\nA,0x1,6\r\n")
	f.Fuzz(func(t *testing.T, data string) {
		tl, err := calc.NewTally(registry(), nil)
		require.NoError(t, err)
		l := NewLoader(tl, nil, 0)
		l.Dedup = true
		done, err := l.loadFast([]byte(data), Options{})
		require.NoError(t, err, "the tally refused the fast path's block")
		if !done {
			return
		}
		slow, err := load(t, data, false, 0)
		require.NoError(t, err, "the fast path accepted a file the row-by-row path rejects")
		require.Equal(t, slow.dups, l.Duplicates)
		require.Equal(t, slow.tally.Donors(), tl.Donors())
		ft, err := tl.Terms()
		require.NoError(t, err)
		st, err := slow.tally.Terms()
		require.NoError(t, err)
		require.Equal(t, st, ft)
	})
}

// TestFastPathChunkStarts: a chunk may start on any line; only the file's
// first line loses a byte-order mark, as in the row-by-row path.
func TestFastPathChunkStarts(t *testing.T) {
	var b strings.Builder
	b.WriteString("\xef\xbb\xbfdonor,gap,amount\n")
	for i := range 400 {
		fmt.Fprintf(&b, "\xef\xbb\xbfd%d,%d,%d\n", i%7, 1+i%20, 1+i)
	}
	fast, err := load(t, b.String(), true, 0)
	require.NoError(t, err)
	slow, err := load(t, b.String(), false, 0)
	require.NoError(t, err)
	require.Equal(t, slow.tally.Donors(), fast.tally.Donors())
	require.Equal(t, slow.res, fast.res)
}

// smallChunks makes the fast path cut files into chunks of about n bytes
// for the rest of the test.
func smallChunks(t *testing.T, n int) {
	old := chunkBytes
	chunkBytes = n
	t.Cleanup(func() { chunkBytes = old })
}

// TestFastPathMoreLinesThanEstimated: a file whose first 64 KiB has long
// lines and the rest short ones has more lines than the sample suggests;
// the fast path counts them all, makes room and parses again, with the
// same result as the row-by-row path.
func TestFastPathMoreLinesThanEstimated(t *testing.T) {
	smallChunks(t, 4096)
	var b strings.Builder
	b.WriteString("id,donor,gap,amount,note\n")
	for i := range 300 {
		fmt.Fprintf(&b, "l%d,0x%040x,%d,%d,%s\n", i, i%17, 1+i%20, 1+i, strings.Repeat("x", 300))
	}
	for i := range 40_000 {
		fmt.Fprintf(&b, "s%d,d%d,%d,%d,\n", i, i%101, 1+i%20, 1+i)
	}
	data := b.String()
	require.Less(t, estimateLines([]byte(data), len("id,donor,gap,amount,note\n")), 40_300, "the test needs an estimate that is too small")
	fast, err := load(t, data, true, 0)
	require.NoError(t, err)
	slow, err := load(t, data, false, 0)
	require.NoError(t, err)
	require.Equal(t, slow.tally.Donors(), fast.tally.Donors())
	require.Equal(t, slow.res, fast.res)
}

// TestRepeatedIDInAnotherSpelling: an id repeated with the same content in
// another spelling (address case, hex gap, padding) is one contribution on
// both paths.
func TestRepeatedIDInAnotherSpelling(t *testing.T) {
	data := "id,donor,gap,amount\nx,0xaa00000000000000000000000000000000000001,1,5\nx,0XAA00000000000000000000000000000000000001,0x1, 5\ny,a,2,5\n"
	for _, fast := range []bool{true, false} {
		t.Run(fmt.Sprint("fast=", fast), func(t *testing.T) {
			got, err := load(t, data, fast, 0)
			require.NoError(t, err)
			require.Equal(t, 1, got.dups)
			require.Equal(t, 2, got.tally.Rows())
		})
	}
}

// The tally is the sink every round uses.
var _ Sink = (*calc.Tally)(nil)

// refusingSink is a tally that refuses every block.
type refusingSink struct{ *calc.Tally }

func (refusingSink) AddBlock(*bulk.Block) error { return calc.ErrBlockChanged }

// TestFastPathBlockRefused: a block the sink refuses is the file's error,
// and nothing of it is stored.
func TestFastPathBlockRefused(t *testing.T) {
	tl, err := calc.NewTally(registry(), nil)
	require.NoError(t, err)
	l := NewLoader(refusingSink{tl}, nil, 0)
	err = l.LoadFile("c.csv", []byte("donor,gap,amount\na,1,5\n"), Options{})
	require.EqualError(t, err, "c.csv: a bulk row read differently the second time")
	require.ErrorIs(t, err, calc.ErrBlockChanged)
	require.Zero(t, tl.Rows())
	require.Empty(t, tl.Donors())
}
