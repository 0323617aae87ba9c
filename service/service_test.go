package service_test

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/qf-dev/qf/ledger"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/service"
	"github.com/qf-dev/qf/store"
)

// 50 agents × 200 concurrent fund requests through the real HTTP server:
// each agent can afford 150 of them. Every acknowledged request is in the
// ledger exactly once, the other 50 are refused for want of balance, no
// account is overdrawn, and retrying every acknowledged request with its
// idempotency key moves nothing.
func TestConcurrentFunding(t *testing.T) {
	const agents, perAgent, amount, afford = 50, 200, 10, 150
	e := newEnv(t, agents, amount*afford, service.Config{})
	type ack struct {
		agent, key string
		rc         ledger.Receipt
	}
	var mu sync.Mutex
	var acks []ack
	refused := map[string]int{}
	var wg sync.WaitGroup
	for a := range agents {
		agent := fmt.Sprintf("a%d", a)
		for w := range 4 { // four connections per agent at once
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := w; i < perAgent; i += 4 {
					key := fmt.Sprintf("%s-%d", agent, i)
					code, body, _ := e.do(t, "POST", fmt.Sprintf("/api/gaps/%d/fund", 1+i%3), agent, `{"amount":"10"}`, "Idempotency-Key", key)
					mu.Lock()
					switch code {
					case http.StatusCreated:
						acks = append(acks, ack{agent, key, decodeJSON[ledger.Receipt](t, body)})
					case http.StatusUnprocessableEntity:
						require.Contains(t, string(body), "insufficient balance")
						refused[agent]++
					default:
						t.Errorf("%s: %d %s", key, code, body)
					}
					mu.Unlock()
				}
			}()
		}
	}
	wg.Wait()
	require.Len(t, acks, agents*afford)
	for a := range agents {
		agent := fmt.Sprintf("a%d", a)
		require.Equal(t, perAgent-afford, refused[agent], agent)
		require.Zero(t, e.balance(t, ledger.AgentAccount(agent)), agent)
	}
	// Every acknowledged contribution is stored once, under its receipt's id.
	stored := map[string]int{}
	require.NoError(t, e.st.EachContribution(1, func(r *ingest.Row) error { stored[string(r.ID)]++; return nil }))
	require.Len(t, stored, len(acks))
	for _, a := range acks {
		require.Equal(t, 1, stored[a.rc.ID], a.key)
	}
	escrow := e.balance(t, "gap:1") + e.balance(t, "gap:2") + e.balance(t, "gap:3")
	require.EqualValues(t, agents*afford*amount, escrow)
	_, err := e.srv.Ledger().Check()
	require.NoError(t, err)

	for _, a := range acks[:500] {
		code, body, replay := e.do(t, "POST", "/api/gaps/"+a.rc.Gap+"/fund", a.agent, `{"amount":"10"}`, "Idempotency-Key", a.key)
		require.Equal(t, http.StatusOK, code)
		require.True(t, replay)
		require.Equal(t, a.rc, decodeJSON[ledger.Receipt](t, body))
	}
	require.EqualValues(t, agents*afford*amount, e.balance(t, "gap:1")+e.balance(t, "gap:2")+e.balance(t, "gap:3"))
}

// Authentication and authorization: every refusal moves nothing.
func TestAuth(t *testing.T) {
	e := newEnv(t, 2, 1000, service.Config{})
	aliceSecret := strings.SplitN(e.keys["a0"], ".", 2)[1]
	for _, tc := range []struct {
		name, method, path, body string
		header                   []string
		code                     int
		msg                      string
	}{
		{"missing key", "POST", "/api/gaps/1/fund", `{"amount":"5"}`, nil, 401, "missing API key"},
		{"wrong key", "POST", "/api/gaps/1/fund", `{"amount":"5"}`, []string{"Authorization", "Bearer a0.deadbeef"}, 401, "invalid API key"},
		{"one agent's secret under another's name", "POST", "/api/gaps/1/fund", `{"amount":"5"}`, []string{"Authorization", "Bearer a1." + aliceSecret}, 401, "invalid API key"},
		{"unknown agent", "POST", "/api/gaps/1/fund", `{"amount":"5"}`, []string{"Authorization", "Bearer zed." + aliceSecret}, 401, "invalid API key"},
		{"not a bearer", "POST", "/api/gaps/1/fund", `{"amount":"5"}`, []string{"Authorization", "Basic " + e.keys["a0"]}, 401, "missing API key"},
		{"from another agent's account", "POST", "/api/gaps/1/fund", `{"amount":"5","from":"a1"}`, []string{"Authorization", "Bearer " + e.keys["a0"]}, 403, "a key funds only from its own account"},
		{"agent runs a match", "POST", "/api/gaps/funding/match", ``, []string{"Authorization", "Bearer " + e.keys["a0"]}, 403, "needs the admin key"},
		{"agent credits itself", "POST", "/api/accounts/agent:a0/credit", `{"amount":"5"}`, []string{"Authorization", "Bearer " + e.keys["a0"]}, 403, "needs the admin key"},
		{"agent adds an agent", "POST", "/api/agents", `{"name":"x"}`, []string{"X-API-Key", e.keys["a0"]}, 403, "needs the admin key"},
		{"no key for a balance", "GET", "/api/me", ``, nil, 401, "missing API key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body, _ := e.do(t, tc.method, tc.path, "", tc.body, tc.header...)
			require.Equal(t, tc.code, code, string(body))
			require.Contains(t, decodeJSON[map[string]string](t, body)["error"], tc.msg)
			require.NotContains(t, string(body), aliceSecret)
			require.EqualValues(t, 1000, e.balance(t, "agent:a0"))
			require.EqualValues(t, 1000, e.balance(t, "agent:a1"))
			require.Zero(t, e.balance(t, "gap:1"))
			require.EqualValues(t, 1_000_000, e.balance(t, "pool"))
		})
	}
	// /api/me shows the caller's own balance only.
	code, body, _ := e.do(t, "GET", "/api/me", "a1", "")
	require.Equal(t, 200, code)
	require.Equal(t, service.Balance{Account: "agent:a1", Balance: "1000"}, decodeJSON[service.Balance](t, body))
	// The admin may credit and add agents; the new key works at once.
	for _, body := range []string{`{"amount":"7","amount":"7000"}`, `{"amount":"07"}`, `{"Amount":"7"}`} {
		code, resp, _ := e.do(t, "POST", "/api/accounts/agent:a1/credit", "ops", body)
		require.Equal(t, 400, code, "%s: %s", body, resp)
	}
	code, body, _ = e.do(t, "POST", "/api/agents", "ops", `{"name":"x","name":"y"}`)
	require.Equal(t, 400, code, string(body))
	require.Contains(t, string(body), `key \"name\" given twice`)
	code, body, _ = e.do(t, "POST", "/api/accounts/agent:a1/credit", "ops", `{"amount":"7"}`)
	require.Equal(t, 200, code, string(body))
	require.EqualValues(t, 1007, e.balance(t, "agent:a1"))
	code, body, _ = e.do(t, "POST", "/api/agents", "ops", `{"name":"newbie"}`)
	require.Equal(t, 201, code, string(body))
	e.keys["newbie"] = decodeJSON[map[string]any](t, body)["key"].(string)
	code, _, _ = e.do(t, "GET", "/api/me", "newbie", "")
	require.Equal(t, 200, code)
	code, _, _ = e.do(t, "POST", "/api/agents", "ops", `{"name":"newbie"}`)
	require.Equal(t, 409, code)
}

// Bad input gets a 4xx naming the problem, and nothing moves.
func TestBadInput(t *testing.T) {
	e := newEnv(t, 1, 1000, service.Config{})
	code, _, _ := e.do(t, "POST", "/api/gaps/1/fund", "a0", `{"amount":"1"}`, "Idempotency-Key", "k")
	require.Equal(t, 201, code)
	for _, tc := range []struct {
		name, path, body string
		header           []string
		code             int
		msg              string
	}{
		{"malformed JSON", "/api/gaps/1/fund", `{"amount":`, nil, 400, "malformed JSON body"},
		{"empty body", "/api/gaps/1/fund", ``, nil, 400, "empty body"},
		{"trailing data", "/api/gaps/1/fund", `{"amount":"1"} {}`, nil, 400, "data after the object"},
		{"unknown field", "/api/gaps/1/fund", `{"amount":"1","amt":2}`, nil, 400, `unknown field "amt"`},
		{"no amount", "/api/gaps/1/fund", `{}`, nil, 400, "amount: want a positive integer"},
		{"zero", "/api/gaps/1/fund", `{"amount":"0"}`, nil, 400, "amount: want a positive integer"},
		{"negative", "/api/gaps/1/fund", `{"amount":"-5"}`, nil, 400, "want a positive integer"},
		{"negative number", "/api/gaps/1/fund", `{"amount":-5}`, nil, 400, "want a positive integer"},
		{"fraction", "/api/gaps/1/fund", `{"amount":"1.5"}`, nil, 400, "want a positive integer"},
		{"float", "/api/gaps/1/fund", `{"amount":1e3}`, nil, 400, "want a positive integer"},
		{"over 2^256-1", "/api/gaps/1/fund", `{"amount":"115792089237316195423570985008687907853269984665640564039457584007913129639936"}`, nil, 400, "over 2^256-1"},
		{"more than the balance", "/api/gaps/1/fund", `{"amount":"1000"}`, nil, 422, "insufficient balance: agent:a0 holds 999, needs 1000"},
		{"unknown gap", "/api/gaps/9/fund", `{"amount":"1"}`, nil, 404, "unknown gap 9"},
		{"gap not a number", "/api/gaps/x1/fund", `{"amount":"1"}`, nil, 400, `gap "x1": want a decimal gap id`},
		{"oversized body", "/api/gaps/1/fund", `{"amount":"1","from":"` + strings.Repeat("a", 5000) + `"}`, nil, 413, "request body over 4096 bytes"},
		{"key reused for another request", "/api/gaps/2/fund", `{"amount":"1"}`, []string{"Idempotency-Key", "k"}, 409, "idempotency key already used"},
		{"key too long", "/api/gaps/1/fund", `{"amount":"1"}`, []string{"Idempotency-Key", strings.Repeat("k", 129)}, 400, "Idempotency-Key over 128 bytes"},
		{"no idempotency key", "/api/gaps/1/fund", `{"amount":"1"}`, []string{"Idempotency-Key", ""}, 400, "missing Idempotency-Key header: send a unique key per fund request"},
		{"duplicate key", "/api/gaps/1/fund", `{"amount":"1","amount":"500"}`, nil, 400, `malformed JSON body: key "amount" given twice`},
		{"case-variant duplicate", "/api/gaps/1/fund", `{"amount":"1","Amount":"500"}`, nil, 400, `malformed JSON body: key "amount" given twice (as "Amount" too; keys are matched ignoring case)`},
		{"mis-cased key", "/api/gaps/1/fund", `{"AMOUNT":"1"}`, nil, 400, `malformed JSON body: unknown field "AMOUNT" (did you mean "amount"? field names are case-sensitive)`},
		{"not an object", "/api/gaps/1/fund", `["amount","1"]`, nil, 400, "malformed JSON body: want a JSON object, got ["},
		{"plus sign", "/api/gaps/1/fund", `{"amount":"+5"}`, nil, 400, `amount "+5": want a positive integer in base units, in digits only (no sign, leading zero, exponent, fraction or space)`},
		{"leading zeros", "/api/gaps/1/fund", `{"amount":"007"}`, nil, 400, `amount "007": want a positive integer in base units, in digits only`},
		{"exponent string", "/api/gaps/1/fund", `{"amount":"1e3"}`, nil, 400, `amount "1e3": want a positive integer in base units, in digits only`},
		{"leading space", "/api/gaps/1/fund", `{"amount":" 5"}`, nil, 400, `amount " 5": want a positive integer in base units, in digits only`},
		{"trailing space", "/api/gaps/1/fund", `{"amount":"5 "}`, nil, 400, `amount "5 ": want a positive integer in base units, in digits only`},
		{"hex", "/api/gaps/1/fund", `{"amount":"0x5"}`, nil, 400, `amount "0x5": want a positive integer in base units, in digits only`},
		{"escaped digits", "/api/gaps/1/fund", `{"amount":"\u002b5"}`, nil, 400, `want a positive integer in base units, in digits only`},
		{"null", "/api/gaps/1/fund", `{"amount":null}`, nil, 400, "amount: want a positive integer"},
		{"duplicate from", "/api/gaps/1/fund", `{"amount":"1","from":"a0","FROM":"a0"}`, nil, 400, `key "from" given twice`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body, _ := e.do(t, "POST", tc.path, "a0", tc.body, tc.header...)
			require.Equal(t, tc.code, code, string(body))
			require.Contains(t, decodeJSON[map[string]string](t, body)["error"], tc.msg)
			require.EqualValues(t, 999, e.balance(t, "agent:a0"))
			require.EqualValues(t, 1, e.balance(t, "gap:1")+e.balance(t, "gap:2")+e.balance(t, "gap:9"))
		})
	}
	for _, tc := range []struct{ path, msg string }{
		{"/api/rounds/1/tree", "still open"},
		{"/api/rounds/7/tree", "no such round"},
		{"/api/rounds/x/tree", "want a round number"},
		{"/api/gaps/9/funding", "unknown gap"},
		{"/api/nothing", "no such endpoint"},
		{"/api/gaps/1/fund", "method GET not allowed here (allowed: POST)"},
	} {
		code, body, _ := e.do(t, "GET", tc.path, "", "")
		require.GreaterOrEqual(t, code, 400, tc.path)
		require.Less(t, code, 500, tc.path)
		require.Contains(t, decodeJSON[map[string]string](t, body)["error"], tc.msg)
	}
}

// A round funded over HTTP, matched by the admin: escrows receive the
// matches, the proofs verify against the stored root, the next round is
// open and the stats say so.
func TestMatchOverHTTP(t *testing.T) {
	e := newEnv(t, 3, 1000, service.Config{})
	for _, f := range []struct {
		agent, gap, amount string
	}{{"a0", "1", "100"}, {"a1", "1", "100"}, {"a2", "2", "400"}, {"a0", "1", "21"}} {
		code, body, _ := e.do(t, "POST", "/api/gaps/"+f.gap+"/fund", f.agent, `{"amount":"`+f.amount+`"}`)
		require.Equal(t, 201, code, string(body))
	}
	code, body, _ := e.do(t, "GET", "/api/gaps/1/funding", "", "")
	require.Equal(t, 200, code)
	gf := decodeJSON[service.GapFunding](t, body)
	require.Equal(t, "221", gf.Direct)
	require.Equal(t, 2, gf.Contributors, "a0 gave twice: one contributor")
	require.Equal(t, "1000000", gf.ProjectedMatch, "gap 2 has one donor, so gap 1 takes the whole pool")

	code, body, _ = e.do(t, "POST", "/api/gaps/funding/match", "ops", "")
	require.Equal(t, 200, code, string(body))
	rec := decodeJSON[ledger.MatchRecord](t, body)
	require.Equal(t, "1000000", rec.Matched.Dec())
	require.EqualValues(t, 1_000_221, e.balance(t, "gap:1"))
	require.EqualValues(t, 400, e.balance(t, "gap:2"))
	require.Zero(t, e.balance(t, "pool"))

	code, body, _ = e.do(t, "GET", "/api/rounds/1/proofs/1", "", "")
	require.Equal(t, 200, code, string(body))
	p := decodeJSON[payout.Proof](t, body)
	require.NoError(t, p.Check())
	require.Equal(t, rec.Root, p.Root.Hex())
	require.Equal(t, "1000000", p.Amount)
	code, body, _ = e.do(t, "GET", "/api/rounds/1/proofs/2", "", "")
	require.Equal(t, 404, code, string(body))
	code, body, _ = e.do(t, "GET", "/api/rounds/1/tree", "", "")
	require.Equal(t, 200, code)
	var tree merkle.Tree
	require.NoError(t, tree.UnmarshalJSON(body))
	require.Equal(t, rec.Root, tree.Root().Hex())

	code, body, _ = e.do(t, "GET", "/api/gaps/funding/stats", "", "")
	require.Equal(t, 200, code)
	st := decodeJSON[service.Stats](t, body)
	require.EqualValues(t, 2, st.Round)
	require.Equal(t, store.StatusOpen, st.Status)
	require.Zero(t, st.Contributions)
	require.EqualValues(t, 1, st.LastMatch.Round)
	code, body, _ = e.do(t, "GET", "/api/gaps/1/funding", "", "")
	require.Equal(t, 200, code)
	require.Equal(t, []service.PastMatch{{Round: 1, Direct: uint256.MustFromDecimal("221"), Match: uint256.MustFromDecimal("1000000")}}, decodeJSON[service.GapFunding](t, body).Matches)

	code, body, _ = e.do(t, "GET", "/healthz", "", "")
	require.Equal(t, 200, code)
	require.JSONEq(t, `{"status":"ok","round":2}`, string(body))
	code, body, _ = e.do(t, "GET", "/metrics", "", "")
	require.Equal(t, 200, code)
	require.Contains(t, string(body), `qf_http_requests_total{code="201",route="POST /api/gaps/{gap}/fund"} 4`)
	require.Contains(t, string(body), "qf_contributions_total 4\n")
	require.Contains(t, string(body), "qf_matches_total 1\n")
	_, err := e.srv.Ledger().Check()
	require.NoError(t, err)
}
