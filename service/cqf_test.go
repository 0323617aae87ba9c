package service_test

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/qf-dev/qf/ledger"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/service"
)

// TestCQFOverHTTP: a service running coordinated-QF rounds. Agents pledge
// through POST fund (the limit is escrowed), the stats project every
// pledge's payment, and the match pays each gap's recipient Σ pay (its
// escrow keeps it, its leaf proves it) while every refund goes back to its
// pledger's account. Payments equal those of the same pledges solved as a
// file round with addresses, so ledger refunds change nothing but who
// carries them.
func TestCQFOverHTTP(t *testing.T) {
	cfg := service.Config{Round: calc.Config{Mechanism: calc.CQFName, Params: calc.Params{"sigma": "0.001", "decay": "0.5"}}}
	const balance = 10_000_000
	e := newEnv(t, 3, balance, cfg)
	pledges := []struct {
		agent string
		gap   uint64
		limit uint64
	}{{"a0", 1, 4_000_000}, {"a1", 2, 9_000_000}, {"a1", 1, 1_000_000}, {"a0", 1, 2_000_000}, {"a2", 1, 3_000_000}}
	for i, p := range pledges {
		code, body, _ := e.do(t, "POST", fmt.Sprintf("/api/gaps/%d/fund", p.gap), p.agent, fmt.Sprintf(`{"amount":"%d"}`, p.limit), "Idempotency-Key", fmt.Sprint("k", i))
		require.Equal(t, 201, code, string(body))
	}
	require.EqualValues(t, 10_000_000, e.balance(t, "gap:1"), "limits are escrowed")

	// The same pledges as a file round, donors as addresses, in join order.
	gaps, err := e.st.Gaps()
	require.NoError(t, err)
	agentOf := map[string]string{}
	var rows []round.PledgeRow
	for i, p := range pledges {
		addr := common.BigToAddress(big.NewInt(int64(0xa0 + p.agent[1] - '0'))).Hex()
		agentOf[addr] = p.agent
		rows = append(rows, round.PledgeRow{Line: i + 2, Donor: strings.ToLower(addr), Gap: *uint256.NewInt(p.gap), Limit: *uint256.NewInt(p.limit)})
	}
	set, err := round.CQFSettingsFor(cfg.Round)
	require.NoError(t, err)
	want, err := round.ComputeCQF(gaps, rows, set)
	require.NoError(t, err)

	code, body, _ := e.do(t, "GET", "/api/gaps/1/funding", "", "")
	require.Equal(t, 200, code, string(body))
	gf := decodeJSON[service.GapFunding](t, body)
	require.Equal(t, want.Gaps[0].Total.Dec(), gf.ProjectedMatch)
	require.Len(t, gf.Pledges, 3, "a0's second pledge joins its first")
	for i, p := range gf.Pledges {
		require.Equal(t, want.Gaps[0].Pledges[i].Pay, p.Pay, "pledge %d", i)
		require.Equal(t, want.Gaps[0].Pledges[i].Refund, p.Refund, "pledge %d", i)
	}
	require.Equal(t, []string{"a0", "a1", "a2"}, []string{gf.Pledges[0].Donor, gf.Pledges[1].Donor, gf.Pledges[2].Donor})
	code, body, _ = e.do(t, "GET", "/api/gaps/funding/stats", "", "")
	require.Equal(t, 200, code, string(body))
	st := decodeJSON[service.Stats](t, body)
	require.Equal(t, "cqf", st.Mechanism)
	require.Equal(t, "0", st.Pool)
	require.Equal(t, "19000000", st.Direct)
	require.Len(t, st.CQF, 2)

	code, body, _ = e.do(t, "POST", "/api/gaps/funding/match", "ops", "")
	require.Equal(t, 200, code, string(body))
	rec := decodeJSON[ledger.MatchRecord](t, body)
	require.Equal(t, 2, rec.GapsFunded)
	paid := uint64(0)
	for gi, g := range want.Gaps {
		total := g.Total.ToBig()
		paid += total.Uint64()
		require.Equal(t, total.Uint64(), e.balance(t, "gap:"+g.Gap), "gap %s keeps what its pledges pay", g.Gap)
		require.Equal(t, g.Total.Dec(), rec.Gaps[gi].Paid.Dec())
		code, body, _ := e.do(t, "GET", "/api/rounds/1/proofs/"+g.Gap, "", "")
		require.Equal(t, 200, code, string(body))
		p := decodeJSON[payout.Proof](t, body)
		require.NoError(t, p.Check())
		require.Equal(t, rec.Root, p.Root.Hex())
		require.Equal(t, g.Total.Dec(), p.Amount)
		require.Equal(t, g.Recipient, common.Address(p.Recipient).Hex())
	}
	require.Equal(t, fmt.Sprint(paid), rec.Matched.Dec())
	// Each agent is left with its balance less what its pledges paid.
	spent := map[string]uint64{}
	for _, g := range want.Gaps {
		for _, p := range g.Pledges {
			pay, _ := p.Pay.ToBig(), true
			spent[agentOf[p.Donor]] += pay.Uint64()
		}
	}
	for _, a := range []string{"a0", "a1", "a2"} {
		require.Positive(t, spent[a])
		require.Equal(t, balance-spent[a], e.balance(t, "agent:"+a), a)
	}
	_, err = e.srv.Ledger().Check()
	require.NoError(t, err, "escrows = pledges − refunds")

	code, body, _ = e.do(t, "GET", "/api/rounds/1/tree", "", "")
	require.Equal(t, 200, code)
	require.Equal(t, 2, countLeaves(t, body), "recipients only: refunds went through the ledger")
	code, body, _ = e.do(t, "GET", "/api/gaps/1/funding", "", "")
	require.Equal(t, 200, code)
	past := decodeJSON[service.GapFunding](t, body).Matches
	require.Len(t, past, 1)
	require.Equal(t, "10000000", past[0].Direct.Dec())
	require.Equal(t, want.Gaps[0].Total.Dec(), past[0].Paid.Dec())

	// The next round is cqf too.
	code, body, _ = e.do(t, "POST", "/api/gaps/3/fund", "a2", `{"amount":"5"}`)
	require.Equal(t, 201, code, string(body))
	code, body, _ = e.do(t, "GET", "/api/gaps/funding/stats", "", "")
	require.Equal(t, 200, code)
	require.Equal(t, "cqf", decodeJSON[service.Stats](t, body).Mechanism)

	_, err = service.New(e.st, service.Config{Round: cfg.Round, PoolSize: uint256.NewInt(5)})
	require.ErrorContains(t, err, "cqf rounds have no pool")
}

func countLeaves(t *testing.T, dump []byte) int {
	v := decodeJSON[struct{ Values []any }](t, dump)
	return len(v.Values)
}
