package service_test

import (
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/service"
	"github.com/qf-dev/qf/store"
)

// GET /api/rounds/{round}/proofs/{gap} of a --leaf allo round serves the
// gap's own Allo leaf (it used to take the gap id for the leaf's index).
func TestAlloRoundProofOverHTTP(t *testing.T) {
	st, err := store.Open(t.TempDir())
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, st.Close()) })
	anchor := common.BigToAddress(big.NewInt(0xa2))
	gaps := []calc.Gap{
		{ID: *uint256.NewInt(1), Recipient: common.BigToAddress(big.NewInt(0xb1))},
		{ID: *uint256.NewInt(2), Recipient: common.BigToAddress(big.NewInt(0xb2)), RecipientID: anchor},
	}
	_, err = st.AddGaps(gaps)
	require.NoError(t, err)
	cfg := calc.Config{Pool: *uint256.NewInt(1000)}
	r, err := st.CreateRound(store.Round{Config: cfg, Leaf: string(payout.LeafAllo)})
	require.NoError(t, err)
	rows := []*ingest.Row{
		{ID: []byte("x1"), Donor: []byte("d1"), Gap: *uint256.NewInt(1), Amount: *uint256.NewInt(100)},
		{ID: []byte("x2"), Donor: []byte("d2"), Gap: *uint256.NewInt(1), Amount: *uint256.NewInt(100)},
		{ID: []byte("x3"), Donor: []byte("d1"), Gap: *uint256.NewInt(2), Amount: *uint256.NewInt(400)},
		{ID: []byte("x4"), Donor: []byte("d3"), Gap: *uint256.NewInt(2), Amount: *uint256.NewInt(100)},
	}
	_, err = st.Import(r.Number, func(add func(*ingest.Row) error) error {
		for _, row := range rows {
			if err := add(row); err != nil {
				return err
			}
		}
		return nil
	})
	require.NoError(t, err)
	out, err := round.Compute(round.Inputs{Gaps: gaps, Config: cfg, Leaf: payout.LeafAllo}, func(l *ingest.Loader) error {
		return st.EachContribution(r.Number, l.Add)
	})
	require.NoError(t, err)
	_, err = round.CloseStored(st, r.Number, out.Report, out.Tree)
	require.NoError(t, err)

	srv, err := service.New(st, service.Config{HTTP: service.HTTPConfig{PerIP: -1, PerKey: -1}})
	require.NoError(t, err)
	h := httptest.NewServer(srv.Handler())
	t.Cleanup(h.Close)
	get := func(path string) (int, []byte) {
		resp, err := http.Get(h.URL + path)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		return resp.StatusCode, b
	}
	for _, tc := range []struct {
		gap, index string
		id         common.Address
	}{{"1", "0", gaps[0].Recipient}, {"2", "1", anchor}} {
		t.Run("gap "+tc.gap, func(t *testing.T) {
			code, body := get("/api/rounds/1/proofs/" + tc.gap)
			require.Equal(t, 200, code, string(body))
			var p payout.Proof
			require.NoError(t, json.Unmarshal(body, &p))
			require.NoError(t, p.Check())
			require.Equal(t, tc.gap, p.Gap)
			require.Equal(t, tc.index, p.Index)
			require.Equal(t, tc.id, common.Address(*p.RecipientID))
			require.Equal(t, out.Tree.Root(), p.Root)
		})
	}
	code, body := get("/api/rounds/1/proofs/3")
	require.Equal(t, 404, code, string(body))
}
