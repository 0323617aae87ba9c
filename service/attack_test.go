package service_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/qf-dev/qf/ledger"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/service"
	"github.com/qf-dev/qf/store"
)

// The attacks of a hostile agent and a careless operator on the running
// service; every one ends with the ledger check passing.

func checkLedger(t *testing.T, e *env) ledger.CheckReport {
	t.Helper()
	rep, err := e.srv.Ledger().Check()
	require.NoError(t, err)
	require.Equal(t, rep.Supply, rep.Sum)
	return rep
}

// 32 copies of one fund request with one idempotency key, sent at once:
// one moves tokens (201), the others replay its receipt (200).
func TestAttackSameKeyRace(t *testing.T) {
	e := newEnv(t, 1, 1000, service.Config{})
	var wg sync.WaitGroup
	codes := make([]int, 32)
	ids := make([]string, 32)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			code, body, _ := e.do(t, "POST", "/api/gaps/1/fund", "a0", `{"amount":"100"}`, "Idempotency-Key", "once")
			codes[i] = code
			if code < 300 {
				ids[i] = decodeJSON[ledger.Receipt](t, body).ID
			}
		}()
	}
	wg.Wait()
	created := 0
	for i, c := range codes {
		require.Contains(t, []int{201, 200}, c)
		if c == 201 {
			created++
		}
		require.Equal(t, ids[0], ids[i])
	}
	require.Equal(t, 1, created)
	require.EqualValues(t, 900, e.balance(t, "agent:a0"))
	require.EqualValues(t, 100, e.balance(t, "gap:1"))
	checkLedger(t, e)
}

// One key sent at once with different bodies: one wins, the others are
// refused with 409 (or replay it, if they asked the same), nothing else
// moves.
func TestAttackSameKeyDifferentBodiesRace(t *testing.T) {
	e := newEnv(t, 1, 1000, service.Config{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	created, conflicts := 0, 0
	for i := range 24 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			code, body, _ := e.do(t, "POST", fmt.Sprintf("/api/gaps/%d/fund", 1+i%2), "a0", fmt.Sprintf(`{"amount":"%d"}`, 1+i%3), "Idempotency-Key", "k")
			mu.Lock()
			defer mu.Unlock()
			switch code {
			case 201:
				created++
			case 409:
				conflicts++
				require.Contains(t, string(body), "idempotency key already used for a different request")
			case 200:
			default:
				t.Errorf("%d %s", code, body)
			}
		}()
	}
	wg.Wait()
	require.Equal(t, 1, created)
	require.Positive(t, conflicts)
	moved := 1000 - e.balance(t, "agent:a0")
	require.Contains(t, []uint64{1, 2, 3}, moved)
	require.Equal(t, moved, e.balance(t, "gap:1")+e.balance(t, "gap:2"))
	checkLedger(t, e)
}

// Funds race matches and voids: every acknowledged fund is stored exactly
// once (in the round its receipt names, or refunded by a void), nothing
// is double-spent, and the ledger check passes.
func TestAttackFundsRaceMatchesAndVoids(t *testing.T) {
	const agents, each = 8, 10_000
	e := newEnv(t, agents, each, service.Config{})
	stop := make(chan struct{})
	var admin sync.WaitGroup
	admin.Add(1)
	go func() { // the admin matches and voids while agents fund
		defer admin.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if i%3 == 2 {
				code, body, _ := e.do(t, "GET", "/healthz", "", "")
				require.Equal(t, 200, code)
				n := decodeJSON[map[string]any](t, body)["round"].(float64)
				code, body, _ = e.do(t, "POST", fmt.Sprintf("/api/rounds/%d/void", int(n)), "ops", "")
				require.Contains(t, []int{200, 409}, code, string(body))
			} else {
				code, body, _ := e.do(t, "POST", "/api/gaps/funding/match", "ops", "")
				require.Contains(t, []int{200, 409}, code, string(body))
			}
		}
	}()
	var mu sync.Mutex
	acked := map[string]ledger.Receipt{}
	var wg sync.WaitGroup
	for a := range agents {
		wg.Add(1)
		go func() {
			defer wg.Done()
			agent := fmt.Sprintf("a%d", a)
			for i := range 60 {
				key := fmt.Sprintf("%s-%d", agent, i)
				code, body, _ := e.do(t, "POST", fmt.Sprintf("/api/gaps/%d/fund", 1+i%3), agent, `{"amount":"7"}`, "Idempotency-Key", key)
				require.Contains(t, []int{201, 503}, code, string(body))
				if code == 201 {
					mu.Lock()
					acked[key] = decodeJSON[ledger.Receipt](t, body)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	admin.Wait()
	require.NotEmpty(t, acked)
	// Every acknowledged contribution is stored once, in its receipt's
	// round, and a retry replays the receipt as it is now.
	open, _ := e.srv.Ledger().Tally()
	stored := map[string]uint64{}
	for n := uint64(1); n <= open.Number; n++ {
		require.NoError(t, e.st.EachContribution(n, func(r *ingest.Row) error {
			_, dup := stored[string(r.ID)]
			require.False(t, dup, "contribution %s stored twice", r.ID)
			stored[string(r.ID)] = n
			return nil
		}))
	}
	for key, rc := range acked {
		require.Equal(t, rc.Round <= open.Number, true)
		n, ok := stored[rc.ID]
		require.True(t, ok, "acknowledged %s (%s) is not stored", key, rc.ID)
		agent := strings.SplitN(key, "-", 2)[0]
		code, body, replay := e.do(t, "POST", "/api/gaps/"+rc.Gap+"/fund", agent, `{"amount":"7"}`, "Idempotency-Key", key)
		require.Equal(t, 200, code, string(body))
		require.True(t, replay)
		require.Equal(t, n, decodeJSON[ledger.Receipt](t, body).Round, "the receipt names the round %s is stored in", rc.ID)
	}
	rep := checkLedger(t, e)
	require.Equal(t, len(acked), rep.Contributions+rep.Unfunded)
}

// A void and a match of the same round at once: one of them closes it and
// the other gets 409 — or the void goes first and the match (which takes
// whatever round is open) closes the next, empty round. Never are one
// round's contributions both matched and refunded.
func TestAttackVoidRacesMatch(t *testing.T) {
	e := newEnv(t, 3, 1000, service.Config{})
	round := uint64(1)
	for range 10 {
		for a := range 3 {
			code, body, _ := e.do(t, "POST", "/api/gaps/1/fund", fmt.Sprintf("a%d", a), `{"amount":"5"}`)
			require.Equal(t, 201, code, string(body))
		}
		var wg sync.WaitGroup
		var codes [2]int
		var bodies [2][]byte
		wg.Add(2)
		go func() {
			defer wg.Done()
			codes[0], bodies[0], _ = e.do(t, "POST", "/api/gaps/funding/match", "ops", "")
		}()
		go func() {
			defer wg.Done()
			codes[1], bodies[1], _ = e.do(t, "POST", fmt.Sprintf("/api/rounds/%d/void", round), "ops", "")
		}()
		wg.Wait()
		switch codes {
		case [2]int{200, 409}, [2]int{409, 200}:
			round++
		case [2]int{200, 200}:
			m, v := decodeJSON[ledger.MatchRecord](t, bodies[0]), decodeJSON[ledger.MatchRecord](t, bodies[1])
			require.Equal(t, round, v.Round)
			require.Equal(t, store.StatusVoid, v.Status)
			require.Equal(t, round+1, m.Round, "the match closed the round after the voided one")
			require.Equal(t, "0", m.Matched.Dec())
			round += 2
		default:
			t.Fatalf("round %d: %v %s %s", round, codes, bodies[0], bodies[1])
		}
		open, _ := e.srv.Ledger().Tally()
		require.Equal(t, round, open.Number)
		checkLedger(t, e)
	}
	require.EqualValues(t, 3*1000+1_000_000, e.balance(t, "agent:a0")+e.balance(t, "agent:a1")+e.balance(t, "agent:a2")+e.balance(t, "gap:1")+e.balance(t, "pool"))
}

// Path tricks on the gap and round ids: only the canonical decimal is a
// gap or a round; everything else is a 400 naming it (or the mux's 404),
// and nothing moves.
func TestAttackPathTricks(t *testing.T) {
	e := newEnv(t, 1, 1000, service.Config{})
	max := "115792089237316195423570985008687907853269984665640564039457584007913129639935"
	for _, tc := range []struct {
		name, method, path string
		code               int
		msg                string
	}{
		{"hex gap", "POST", "/api/gaps/0x1/fund", 400, `gap "0x1": want a decimal gap id`},
		{"leading zero gap", "POST", "/api/gaps/01/fund", 400, `gap "01": want a decimal gap id`},
		{"signed gap", "POST", "/api/gaps/+1/fund", 400, `gap "+1": want a decimal gap id`},
		{"negative gap", "POST", "/api/gaps/-1/fund", 400, `gap "-1": want a decimal gap id`},
		{"gap 2^256", "POST", "/api/gaps/115792089237316195423570985008687907853269984665640564039457584007913129639936/fund", 400, "want a decimal gap id"},
		{"gap 2^256-1, unknown", "POST", "/api/gaps/" + max + "/fund", 404, "unknown gap " + max},
		{"huge gap id", "POST", "/api/gaps/" + strings.Repeat("9", 3000) + "/fund", 400, "want a decimal gap id"},
		{"gap 0", "POST", "/api/gaps/0/fund", 404, "unknown gap 0"},
		{"escaped slash", "POST", "/api/gaps/1%2F2/fund", 400, `gap "1/2": want a decimal gap id`},
		{"space", "POST", "/api/gaps/%201/fund", 400, `gap " 1": want a decimal gap id`},
		{"leading zero round void", "POST", "/api/rounds/01/void", 400, `round "01": want a round number`},
		{"signed round void", "POST", "/api/rounds/+1/void", 400, `round "+1": want a round number`},
		{"round 2^64", "POST", "/api/rounds/18446744073709551616/void", 400, "want a round number"},
		{"leading zero round proof", "GET", "/api/rounds/01/proofs/1", 400, `round "01": want a round number`},
		{"leading zero gap proof", "GET", "/api/rounds/1/proofs/01", 400, `gap "01": want a decimal gap id`},
		{"leading zero gap funding", "GET", "/api/gaps/01/funding", 400, `gap "01": want a decimal gap id`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			who := "a0"
			if strings.Contains(tc.path, "/void") {
				who = "ops"
			}
			code, body, _ := e.do(t, tc.method, tc.path, who, `{"amount":"1"}`)
			require.Equal(t, tc.code, code, string(body))
			require.Contains(t, decodeJSON[map[string]string](t, body)["error"], tc.msg)
			require.EqualValues(t, 1000, e.balance(t, "agent:a0"))
			open, _ := e.srv.Ledger().Tally()
			require.EqualValues(t, 1, open.Number, "nothing voided")
		})
	}
	checkLedger(t, e)
}

// Amounts at the edges of 2^256: a credit that would take the supply
// past 2^256-1 is refused whole; an agent holding all but the pool can
// fund it all, once; nothing wraps.
func TestAttackAmountEdges(t *testing.T) {
	e := newEnv(t, 2, 1, service.Config{})
	max := "115792089237316195423570985008687907853269984665640564039457584007913129639935"
	maxMinusPool := "115792089237316195423570985008687907853269984665640564039457584007913128639933" // 2^256-1 - 1,000,002 (pool and a0, a1 hold 1 each)
	for _, tc := range []struct {
		name, account, amount string
		code                  int
		msg                   string
	}{
		{"2^256-1 over the pool", "agent:a0", max, 400, "exceeds 2^256-1: total supply"},
		{"2^256", "agent:a0", max[:len(max)-1] + "6", 400, "over 2^256-1"},
		{"into an escrow", "gap:1", "5", 400, "escrows move only through fund and match"},
		{"to the admin", "agent:ops", "5", 400, "admin keys hold no tokens"},
		{"to a ghost", "agent:ghost", "5", 400, "no such agent"},
		{"to an unknown gap", "gap:999", "5", 400, "escrows move only through fund and match"},
		{"empty agent name", "agent:", "5", 400, `bad agent name: "": want 1 to 64 characters`},
		{"unknown kind", "treasury", "5", 400, "bad account name"},
		{"all of the rest", "agent:a0", maxMinusPool, 200, ""},
		{"one more", "agent:a1", "1", 400, "exceeds 2^256-1: total supply"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body, _ := e.do(t, "POST", "/api/accounts/"+tc.account+"/credit", "ops", `{"amount":"`+tc.amount+`"}`)
			require.Equal(t, tc.code, code, string(body))
			if tc.msg != "" {
				require.Contains(t, decodeJSON[map[string]string](t, body)["error"], tc.msg)
			}
			checkLedger(t, e)
		})
	}
	code, body, _ := e.do(t, "POST", "/api/gaps/1/fund", "a0", `{"amount":"`+maxMinusPool+`"}`, "Idempotency-Key", "all")
	require.Equal(t, 201, code, string(body))
	code, body, _ = e.do(t, "POST", "/api/gaps/2/fund", "a0", `{"amount":"2"}`)
	require.Equal(t, 422, code, string(body))
	code, body, replay := e.do(t, "POST", "/api/gaps/1/fund", "a0", `{"amount":"`+maxMinusPool+`"}`, "Idempotency-Key", "all")
	require.Equal(t, 200, code, string(body))
	require.True(t, replay)
	rep := checkLedger(t, e)
	require.Equal(t, max, rep.Supply)
	require.Equal(t, maxMinusPool, rep.Escrow)
	require.EqualValues(t, 1, e.balance(t, "agent:a0"))
	// The admin's key funds nothing (it holds no tokens).
	code, body, _ = e.do(t, "POST", "/api/gaps/1/fund", "ops", `{"amount":"1"}`)
	require.Equal(t, 422, code, string(body))
	require.Contains(t, string(body), "insufficient balance: agent:ops holds 0")
	// The match of a round holding nearly 2^256 in direct funding still
	// keeps the books: the pool is at most what it holds.
	code, body, _ = e.do(t, "POST", "/api/gaps/funding/match", "ops", "")
	require.Contains(t, []int{200, 422}, code, string(body))
	checkLedger(t, e)
	code, body, _ = e.do(t, "GET", "/healthz", "", "")
	require.Equal(t, 200, code, string(body))
}

// Idempotency keys across a match and a void: a retry replays the first
// receipt and moves nothing, whatever closed meanwhile; the same key with
// another body is still a conflict; /stats after a void shows the new,
// empty round at once.
func TestAttackReplayAcrossMatchAndVoid(t *testing.T) {
	e := newEnv(t, 2, 1000, service.Config{})
	code, body, _ := e.do(t, "POST", "/api/gaps/1/fund", "a0", `{"amount":"10"}`, "Idempotency-Key", "m")
	require.Equal(t, 201, code, string(body))
	first := decodeJSON[ledger.Receipt](t, body)
	code, body, _ = e.do(t, "POST", "/api/gaps/funding/match", "ops", "")
	require.Equal(t, 200, code, string(body))
	code, body, replay := e.do(t, "POST", "/api/gaps/1/fund", "a0", `{"amount":"10"}`, "Idempotency-Key", "m")
	require.Equal(t, 200, code, string(body))
	require.True(t, replay)
	require.Equal(t, first, decodeJSON[ledger.Receipt](t, body))
	code, body, _ = e.do(t, "POST", "/api/gaps/2/fund", "a0", `{"amount":"10"}`, "Idempotency-Key", "m")
	require.Equal(t, 409, code, string(body))
	require.EqualValues(t, 990, e.balance(t, "agent:a0"))

	// Round 2: fund, read /stats (cached), void, read again.
	code, body, _ = e.do(t, "POST", "/api/gaps/2/fund", "a1", `{"amount":"30"}`, "Idempotency-Key", "v")
	require.Equal(t, 201, code, string(body))
	code, body, _ = e.do(t, "GET", "/api/gaps/funding/stats", "", "")
	require.Equal(t, 200, code)
	st := decodeJSON[service.Stats](t, body)
	require.EqualValues(t, 2, st.Round)
	require.Equal(t, 1, st.Contributions)
	code, body, _ = e.do(t, "POST", "/api/rounds/2/void", "ops", "")
	require.Equal(t, 200, code, string(body))
	require.EqualValues(t, 1000, e.balance(t, "agent:a1"), "refunded")
	code, body, _ = e.do(t, "GET", "/api/gaps/funding/stats", "", "")
	require.Equal(t, 200, code)
	st = decodeJSON[service.Stats](t, body)
	require.EqualValues(t, 3, st.Round)
	require.Zero(t, st.Contributions)
	require.Equal(t, "0", st.Direct)
	require.Equal(t, store.StatusVoid, st.LastMatch.Status)
	code, body, _ = e.do(t, "GET", "/api/gaps/2/funding", "", "")
	require.Equal(t, 200, code)
	gf := decodeJSON[service.GapFunding](t, body)
	require.Equal(t, "0", gf.Direct)
	require.Zero(t, gf.Contributors)
	// A retry of the voided fund replays its receipt: it does not fund
	// round 3 behind the agent's back.
	code, body, replay = e.do(t, "POST", "/api/gaps/2/fund", "a1", `{"amount":"30"}`, "Idempotency-Key", "v")
	require.Equal(t, 200, code, string(body))
	require.True(t, replay)
	require.EqualValues(t, 2, decodeJSON[ledger.Receipt](t, body).Round)
	require.EqualValues(t, 1000, e.balance(t, "agent:a1"))
	checkLedger(t, e)
}

// Header tricks: only "Authorization: Bearer KEY" or "X-API-Key: KEY"
// authenticates, a bad Authorization is not rescued by a good X-API-Key,
// and a revoked or rotated key stops at once, while a retry under the new
// key replays the first receipt (keys are bound to the agent, not to the
// API key).
func TestAttackHeadersAndKeys(t *testing.T) {
	e := newEnv(t, 2, 1000, service.Config{})
	for _, tc := range []struct {
		name   string
		header []string
		code   int
	}{
		{"bearer with extra spaces", []string{"Authorization", "Bearer   " + e.keys["a0"] + "  "}, 201},
		{"x-api-key", []string{"X-API-Key", e.keys["a0"]}, 201},
		{"bad authorization, good x-api-key", []string{"Authorization", "Bearer nope.nope", "X-API-Key", e.keys["a0"]}, 401},
		{"basic scheme, good x-api-key", []string{"Authorization", "Basic " + e.keys["a0"], "X-API-Key", e.keys["a0"]}, 401},
		{"key without secret", []string{"X-API-Key", "a0"}, 401},
		{"key with empty secret", []string{"X-API-Key", "a0."}, 401},
		{"key with a newline-free suffix", []string{"X-API-Key", e.keys["a0"] + "x"}, 401},
		{"another agent's name, own secret", []string{"X-API-Key", "a1." + strings.SplitN(e.keys["a0"], ".", 2)[1]}, 401},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := e.balance(t, "agent:a0")
			code, body, _ := e.do(t, "POST", "/api/gaps/1/fund", "", `{"amount":"1"}`, tc.header...)
			require.Equal(t, tc.code, code, string(body))
			if code != 201 {
				require.Equal(t, before, e.balance(t, "agent:a0"))
			}
			require.EqualValues(t, 1000, e.balance(t, "agent:a1"))
		})
	}
	code, body, _ := e.do(t, "POST", "/api/gaps/2/fund", "a1", `{"amount":"50"}`, "Idempotency-Key", "before-rotation")
	require.Equal(t, 201, code, string(body))
	first := decodeJSON[ledger.Receipt](t, body)
	_, key, err := e.srv.RotateAgent("a1")
	require.NoError(t, err)
	old := e.keys["a1"]
	code, _, _ = e.do(t, "POST", "/api/gaps/2/fund", "", `{"amount":"50"}`, "X-API-Key", old, "Idempotency-Key", "before-rotation")
	require.Equal(t, 401, code, "the old key is dead, even for a replay")
	code, _, _ = e.do(t, "POST", "/api/gaps/2/fund", "", `{"amount":"50"}`, "X-API-Key", old, "Idempotency-Key", "fresh")
	require.Equal(t, 401, code)
	e.keys["a1"] = key
	code, body, replay := e.do(t, "POST", "/api/gaps/2/fund", "a1", `{"amount":"50"}`, "Idempotency-Key", "before-rotation")
	require.Equal(t, 200, code, string(body))
	require.True(t, replay)
	require.Equal(t, first, decodeJSON[ledger.Receipt](t, body))
	require.EqualValues(t, 950, e.balance(t, "agent:a1"))
	_, err = e.srv.RevokeAgent("a1")
	require.NoError(t, err)
	for _, path := range []string{"/api/gaps/2/fund", "/api/me"} {
		method := "POST"
		if path == "/api/me" {
			method = "GET"
		}
		code, _, _ = e.do(t, method, path, "a1", `{"amount":"1"}`)
		require.Equal(t, 401, code, path)
	}
	code, body, _ = e.do(t, "POST", "/api/accounts/agent:a1/credit", "ops", `{"amount":"1"}`)
	require.Equal(t, 400, code, string(body))
	require.Contains(t, string(body), "the agent was revoked")
	code, body, _ = e.do(t, "POST", "/api/agents", "ops", `{"name":"a1"}`)
	require.Equal(t, 409, code, "a revoked name is not handed out again: %s", body)
	require.EqualValues(t, 950, e.balance(t, "agent:a1"))
	checkLedger(t, e)
}

// JSON tricks beyond TestBadInput: every one is a 400 (or a 403 for a
// foreign "from") and moves nothing.
func TestAttackJSONTricks(t *testing.T) {
	e := newEnv(t, 2, 1000, service.Config{})
	for _, tc := range []struct {
		name, body string
		code       int
		msg        string
	}{
		{"byte order mark", "\ufeff{\"amount\":\"1\"}", 400, "malformed JSON body"},
		{"invalid utf-8 in a key", "{\"amount\":\"1\",\"fr\xffom\":\"a0\"}", 400, "malformed JSON body"},
		{"json null", `null`, 400, "malformed JSON body"},
		{"a bare number", `5`, 400, "malformed JSON body"},
		{"nested object amount", `{"amount":{"amount":"1"}}`, 400, "want a positive integer"},
		{"array amount", `{"amount":["1"]}`, 400, "want a positive integer"},
		{"bool amount", `{"amount":true}`, 400, "want a positive integer"},
		{"number 1.0", `{"amount":1.0}`, 400, "want a positive integer"},
		{"number -0", `{"amount":-0}`, 400, "want a positive integer"},
		{"number over 2^256", `{"amount":115792089237316195423570985008687907853269984665640564039457584007913129639936}`, 400, "over 2^256-1"},
		{"from with another case", `{"amount":"1","from":"A0"}`, 403, "a key funds only from its own account"},
		{"from another account form", `{"amount":"1","from":"agent:a1"}`, 403, "a key funds only from its own account"},
		{"from the pool", `{"amount":"1","from":"pool"}`, 403, "a key funds only from its own account"},
		{"from an escrow", `{"amount":"1","from":"gap:2"}`, 403, "a key funds only from its own account"},
		{"comment", `{"amount":"1" /* x */}`, 400, "malformed JSON body"},
		{"deep nesting", `{"x":` + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + `}`, 413, "request body over"},
		{"escaped key duplicate", `{"amount":"1","\u0061mount":"900"}`, 400, `key "amount" given twice`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body, _ := e.do(t, "POST", "/api/gaps/1/fund", "a0", tc.body)
			require.Equal(t, tc.code, code, string(body))
			require.Contains(t, decodeJSON[map[string]string](t, body)["error"], tc.msg)
			require.EqualValues(t, 1000, e.balance(t, "agent:a0"))
			require.EqualValues(t, 1000, e.balance(t, "agent:a1"))
			require.Zero(t, e.balance(t, "gap:1")+e.balance(t, "gap:2"))
		})
	}
	checkLedger(t, e)
}
