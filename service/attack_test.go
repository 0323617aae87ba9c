package service_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/service"
	"github.com/qf-dev/qf/store"
)

// The attacks of a hostile agent and a careless operator on the running
// service; every one ends with the ledger check passing.

func checkLedger(t *testing.T, e *env) store.CheckReport {
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
				ids[i] = decodeJSON[store.Receipt](t, body).ID
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
	acked := map[string]store.Receipt{}
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
					acked[key] = decodeJSON[store.Receipt](t, body)
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
		require.Equal(t, n, decodeJSON[store.Receipt](t, body).Round, "the receipt names the round %s is stored in", rc.ID)
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
			m, v := decodeJSON[store.MatchRecord](t, bodies[0]), decodeJSON[store.MatchRecord](t, bodies[1])
			require.Equal(t, round, v.Round)
			require.Equal(t, store.StatusVoid, v.Status)
			require.Equal(t, round+1, m.Round, "the match closed the round after the voided one")
			require.Equal(t, "0", m.Matched)
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
