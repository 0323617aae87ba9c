package ingest_test

import (
	"bytes"
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
)

// A line longer than any valid row is refused where it is met, naming its
// line, and without copying it: reading a 64 MiB line allocates next to
// nothing, on the row-by-row path, the fast path and the gap registry.
func TestLongLineRefused(t *testing.T) {
	huge := bytes.Repeat([]byte("9"), 64<<20)
	good := "donor,gap,amount\n0x00000000000000000000000000000000000000a1,1,5\n0x00000000000000000000000000000000000000a2,1,7\n"
	const msg = ": line too long: more than 16384 bytes without a line end, longer than any valid row: is this the right file?"
	cases := []struct {
		name, want string
		data       []byte
		load       func(data []byte) error
	}{
		{"contributions, in a row", "c.csv:4" + msg, append([]byte(good+"0x00000000000000000000000000000000000000a3,1,"), huge...), contributions},
		{"contributions, quoted", "c.csv:4" + msg, append([]byte(good+"\"0x00000000000000000000000000000000000000a3\",1,\""), huge...), contributions},
		{"contributions, the header", "c.csv:1" + msg, append([]byte("donor,gap,"), huge...), contributions},
		{"fast path", "c.csv:4" + msg, append([]byte(good+"0x00000000000000000000000000000000000000a3,1,"), huge...), loader},
		{"fast path, after many rows", "c.csv:20004" + msg, append([]byte(good+strings.Repeat("0x00000000000000000000000000000000000000a3,1,5\n", 20000)+"a,1,"), huge...), loader},
		{"gaps", "g.csv:3" + msg, append([]byte("gap,recipient\n1,0x0000000000000000000000000000000000000b01\n2,"), huge...), gaps},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			err := c.load(c.data)
			runtime.ReadMemStats(&after)
			require.EqualError(t, err, c.want)
			require.True(t, errors.Is(err, ingest.ErrLineTooLong))
			require.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(16<<20), "bytes allocated reading a 64 MiB line")
		})
	}
	t.Run("a line of exactly MaxLine bytes is read", func(t *testing.T) {
		line := "0x00000000000000000000000000000000000000a3,1,5," + strings.Repeat(" ", ingest.MaxLine-47)
		require.Len(t, line, ingest.MaxLine)
		got, err := read(t, "c.csv", good+line+"\n", 0)
		require.NoError(t, err)
		require.Len(t, got, 3)
	})
}

func contributions(data []byte) error {
	return ingest.Contributions("c.csv", data, ingest.Options{}, func(*ingest.Row) error { return nil })
}

func loader(data []byte) error {
	t, err := calc.NewTally([]calc.Gap{{ID: *uint256.NewInt(1), Recipient: common.HexToAddress("0x0000000000000000000000000000000000000b01")}}, nil)
	if err != nil {
		return err
	}
	return ingest.NewLoader(t, nil, 0).LoadFile("c.csv", data, ingest.Options{})
}

func gaps(data []byte) error {
	_, err := ingest.Gaps("g.csv", data)
	return err
}
