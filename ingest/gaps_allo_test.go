package ingest_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/ingest"
)

// A registry may give each gap an Allo recipientId: a third CSV column
// (recipient_id or allo_recipient_id, empty for none) or a JSON field.
func TestGapsRecipientID(t *testing.T) {
	const b1, a1 = "0x00000000000000000000000000000000000000b1", "0x00000000000000000000000000000000000000a1"
	const b2 = "0x00000000000000000000000000000000000000b2"
	ok := []struct {
		name, data string
		ids        []string // per gap; "" for none
	}{
		{"csv recipient_id", "gap,recipient,recipient_id\n1," + b1 + "," + a1 + "\n2," + b2 + ",\n", []string{a1, ""}},
		{"csv allo_recipient_id, any column order", "allo_recipient_id,gap,recipient\n" + a1 + ",1," + b1 + "\n,2," + b2 + "\n", []string{a1, ""}},
		{"csv without the column", "gap,recipient\n1," + b1 + "\n", []string{""}},
		{"json", `[{"gap":1,"recipient":"` + b1 + `","recipientId":"` + a1 + `"},{"gap":"2","recipient":"` + b2 + `"}]`, []string{a1, ""}},
	}
	for _, tc := range ok {
		t.Run(tc.name, func(t *testing.T) {
			gs, err := ingest.Gaps("gaps", []byte(tc.data))
			require.NoError(t, err)
			require.Len(t, gs, len(tc.ids))
			for i, id := range tc.ids {
				want := common.Address{}
				if id != "" {
					want = common.HexToAddress(id)
				}
				require.Equal(t, want, gs[i].RecipientID, "gap %d", i)
			}
		})
	}
	bad := []struct{ name, data, err string }{
		{"zero recipientId", "gap,recipient,recipient_id\n1," + b1 + ",0x0000000000000000000000000000000000000000\n",
			`gaps:2: recipient_id: bad recipient: recipientId "0x0000000000000000000000000000000000000000" is the zero address; leave it empty for none`},
		{"not an address", "gap,recipient,allo_recipient_id\n1," + b1 + ",0x1234\n",
			`gaps:2: allo_recipient_id: not a 20-byte 0x address: "0x1234"`},
		{"bad checksum", "gap,recipient,recipient_id\n1," + b1 + ",0x00000000000000000000000000000000000000aB\n",
			`gaps:2: recipient_id: bad recipient: "0x00000000000000000000000000000000000000aB" fails its EIP-55 checksum (the checksummed form is 0x00000000000000000000000000000000000000AB): check the address, or write it in lower case`},
		{"short row", "gap,recipient,recipient_id\n1," + b1 + "\n",
			"gaps:2: missing fields: 2 fields, want gap, recipient and recipient_id (empty for none)"},
		{"both columns", "gap,recipient,recipient_id,allo_recipient_id\n1," + b1 + ",,\n",
			"gaps: allo_recipient_id: bad header: columns recipient_id and allo_recipient_id are the same; keep one"},
		{"json zero recipientId", `[{"gap":1,"recipient":"` + b1 + `","recipientId":"0x0000000000000000000000000000000000000000"}]`,
			`gaps: item 1: recipientId: bad recipient: recipientId "0x0000000000000000000000000000000000000000" is the zero address; leave it empty for none`},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ingest.Gaps("gaps", []byte(tc.data))
			require.Error(t, err)
			require.Equal(t, tc.err, err.Error())
		})
	}
}
