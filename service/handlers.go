package service

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

func (s *Server) routes() {
	h := func(pattern string, auth access, fn func(w http.ResponseWriter, r *http.Request, a *store.Agent) error) {
		s.mux.Handle(pattern, s.instrument(pattern, s.authorize(auth, fn)))
	}
	h("POST /api/gaps/{gap}/fund", agentOnly, s.fund)
	h("GET /api/gaps/{gap}/funding", public, s.gapFunding)
	h("GET /api/gaps/funding/stats", public, s.stats)
	h("POST /api/gaps/funding/match", adminOnly, s.match)
	h("POST /api/rounds/{round}/void", adminOnly, s.voidRound)
	h("GET /api/rounds/{round}/proofs/{gap}", public, s.proof)
	h("GET /api/rounds/{round}/tree", public, s.treeDump)
	h("GET /api/me", agentOnly, s.me)
	h("POST /api/accounts/{account}/credit", adminOnly, s.credit)
	h("POST /api/agents", adminOnly, s.addAgent)
	h("GET /healthz", public, s.health)
	s.mux.Handle("GET /metrics", http.HandlerFunc(s.met.serve))
}

// apiError is an error with its HTTP status.
type apiError struct {
	status int
	msg    string
}

func (e *apiError) Error() string { return e.msg }

func httpErr(status int, format string, args ...any) error {
	return &apiError{status, fmt.Sprintf(format, args...)}
}

// statusOf maps library errors to HTTP statuses.
func statusOf(err error) int {
	var ae *apiError
	switch {
	case errors.As(err, &ae):
		return ae.status
	case errors.Is(err, store.ErrInsufficient), errors.Is(err, store.ErrFundLimit), errors.Is(err, ErrMatchFailed):
		return http.StatusUnprocessableEntity
	case errors.Is(err, store.ErrStorage), errors.Is(err, store.ErrLowSpace):
		return http.StatusServiceUnavailable
	case errors.Is(err, store.ErrMatching), errors.Is(err, store.ErrRoundChanged), errors.Is(err, store.ErrRoundClosed):
		return http.StatusConflict
	case errors.Is(err, store.ErrIdempotencyConflict), errors.Is(err, store.ErrAgentExists):
		return http.StatusConflict
	case errors.Is(err, calc.ErrUnknownGap), errors.Is(err, store.ErrNoRound), errors.Is(err, payout.ErrNoPayouts):
		return http.StatusNotFound
	case errors.Is(err, store.ErrNoOpenRound):
		return http.StatusServiceUnavailable
	case errors.Is(err, store.ErrRoundOpen):
		return http.StatusConflict
	case errors.Is(err, calc.ErrAmount), errors.Is(err, store.ErrAccount), errors.Is(err, store.ErrAgentName), errors.Is(err, store.ErrOverflow):
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// decode reads a small JSON body into v, refusing unknown fields, trailing
// data and bodies over MaxBody.
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, MaxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return httpErr(http.StatusRequestEntityTooLarge, "request body over %d bytes", MaxBody)
		}
		if errors.Is(err, io.EOF) {
			return httpErr(http.StatusBadRequest, "empty body: want JSON like {\"amount\":\"1000\"}")
		}
		return httpErr(http.StatusBadRequest, "malformed JSON body: %v", err)
	}
	if dec.More() {
		return httpErr(http.StatusBadRequest, "malformed JSON body: data after the object")
	}
	return nil
}

// amount is a JSON amount in base units: a decimal string or an integer.
type amount struct{ uint256.Int }

func (a *amount) UnmarshalJSON(b []byte) error {
	s := string(b)
	if uq, err := strconv.Unquote(s); err == nil {
		s = uq
	}
	if s == "" || strings.HasPrefix(s, "-") {
		return fmt.Errorf("amount %s: want a positive integer in base units", b)
	}
	if err := a.SetFromDecimal(s); err != nil {
		if errors.Is(err, uint256.ErrBig256Range) {
			return fmt.Errorf("amount %s: over 2^256-1", b)
		}
		return fmt.Errorf("amount %s: want a positive integer in base units", b)
	}
	return nil
}

// positive refuses a missing or zero amount (the parser refuses the rest).
func (a *amount) positive() error {
	if a == nil || a.IsZero() {
		return httpErr(http.StatusBadRequest, "amount: want a positive integer in base units")
	}
	return nil
}

func pathGap(r *http.Request) (uint256.Int, error) {
	var g uint256.Int
	s := r.PathValue("gap")
	if err := g.SetFromDecimal(s); err != nil || g.Dec() != s {
		return g, httpErr(http.StatusBadRequest, "gap %q: want a decimal gap id", s)
	}
	return g, nil
}

func (s *Server) fund(w http.ResponseWriter, r *http.Request, a *store.Agent) error {
	g, err := pathGap(r)
	if err != nil {
		return err
	}
	var body struct {
		Amount *amount `json:"amount"`
		From   string  `json:"from,omitempty"` // optional; must be the caller
	}
	if err := decode(w, r, &body); err != nil {
		return err
	}
	if body.From != "" && body.From != a.Name && body.From != store.AgentAccount(a.Name) {
		return httpErr(http.StatusForbidden, "a key funds only from its own account (%s), not %s", a.Name, body.From)
	}
	if err := body.Amount.positive(); err != nil {
		return err
	}
	key := r.Header.Get("Idempotency-Key")
	if len(key) > 128 {
		return httpErr(http.StatusBadRequest, "Idempotency-Key over 128 bytes")
	}
	rc, replay, err := s.led.FundSync(store.FundRequest{Agent: a.Name, Gap: g, Amount: body.Amount.Int, Key: key})
	if err != nil {
		return err
	}
	status := http.StatusCreated
	if replay {
		w.Header().Set("Idempotent-Replayed", "true")
		status = http.StatusOK
	} else {
		s.met.funds.Add(1)
	}
	writeJSON(w, status, rc)
	return nil
}

// GapFunding is GET /api/gaps/{gap}/funding.
type GapFunding struct {
	Gap            string `json:"gap"`
	Recipient      string `json:"recipient"`
	Escrow         string `json:"escrow"`
	Round          uint64 `json:"round"`
	Direct         string `json:"direct"`
	Contributors   int    `json:"contributors"`
	ProjectedMatch string `json:"projectedMatch"`
	// Pledges, in a cqf round: each pledge's projected payment, refund
	// and leverage (ProjectedMatch is then what they pay in all).
	Pledges []round.CQFPledgeOut `json:"pledges,omitempty"`
	Matches []PastMatch          `json:"matches"`
}

// PastMatch is a gap's match in a closed round (in a cqf round, Direct is
// the pledged limits, Paid what the pledges paid, Refunded the rest).
type PastMatch struct {
	Round    uint64 `json:"round"`
	Direct   string `json:"direct"`
	Match    string `json:"match"`
	Paid     string `json:"paid,omitempty"`
	Refunded string `json:"refunded,omitempty"`
}

func (s *Server) gapFunding(w http.ResponseWriter, r *http.Request, _ *store.Agent) error {
	g, err := pathGap(r)
	if err != nil {
		return err
	}
	gaps, err := s.st.Gaps()
	if err != nil {
		return err
	}
	out := GapFunding{Gap: g.Dec(), Matches: []PastMatch{}, ProjectedMatch: "0"}
	for _, x := range gaps {
		if x.ID == g {
			out.Recipient = x.Recipient.Hex()
		}
	}
	if out.Recipient == "" {
		return fmt.Errorf("%w %s", calc.ErrUnknownGap, g.Dec())
	}
	esc, err := s.led.Balance(store.EscrowAccount(&g))
	if err != nil {
		return err
	}
	out.Escrow = esc.Dec()
	open, tally := s.led.Tally()
	t := tally[g]
	out.Direct, out.Contributors = t.Direct.Dec(), t.Contributors
	if open != nil {
		out.Round = open.Number
		rep, cqf, err := s.projected()
		if err != nil {
			return err
		}
		for _, gr := range rep.Gaps {
			if gr.Gap == out.Gap {
				out.ProjectedMatch = gr.Match
			}
		}
		if cqf != nil {
			for _, gr := range cqf.Gaps {
				if gr.Gap == out.Gap {
					out.Pledges = gr.Pledges
				}
			}
		}
	}
	recs, err := s.led.MatchRecords()
	if err != nil {
		return err
	}
	for _, rec := range recs {
		for _, mg := range rec.Gaps {
			if mg.Gap == out.Gap {
				out.Matches = append(out.Matches, PastMatch{Round: rec.Round, Direct: mg.Direct, Match: mg.Match, Paid: mg.Paid, Refunded: mg.Refunded})
			}
		}
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// Stats is GET /api/gaps/funding/stats. In a cqf round a gap's direct is
// its pledged limits, its match what the pledges would pay, and CQF has
// every pledge.
type Stats struct {
	Round         uint64             `json:"round"`
	Status        store.Status       `json:"status"`
	Mechanism     string             `json:"mechanism"`
	Contributions int                `json:"contributions"`
	Donors        int                `json:"donors"`
	Direct        string             `json:"direct"`
	Pool          string             `json:"pool"` // what a match now would pay out at most
	NextMatch     string             `json:"nextMatch,omitempty"`
	Gaps          []payout.GapReport `json:"gaps"`
	LastMatch     *store.MatchRecord `json:"lastMatch,omitempty"`
	CQF           []round.CQFGapOut  `json:"cqf,omitempty"`
}

func (s *Server) stats(w http.ResponseWriter, _ *http.Request, _ *store.Agent) error {
	open, _ := s.led.Tally()
	if open == nil {
		return store.ErrNoOpenRound
	}
	rep, cqf, err := s.projected()
	if err != nil {
		return err
	}
	out := Stats{Round: open.Number, Status: open.Status, Mechanism: rep.Mechanism, Contributions: rep.Contributions,
		Donors: rep.Donors, Direct: rep.Direct, Pool: rep.Pool, Gaps: rep.Gaps}
	if cqf != nil {
		out.CQF = cqf.Gaps
	}
	if next, ok := s.NextMatch(); ok {
		out.NextMatch = next.Format("2006-01-02T15:04:05Z07:00")
	}
	recs, err := s.led.MatchRecords()
	if err != nil {
		return err
	}
	if len(recs) > 0 {
		out.LastMatch = &recs[len(recs)-1]
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) match(w http.ResponseWriter, _ *http.Request, a *store.Agent) error {
	rec, err := s.MatchAs(store.Origin{Key: a.Name})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, rec)
	return nil
}

func (s *Server) voidRound(w http.ResponseWriter, r *http.Request, a *store.Agent) error {
	n, err := pathRound(r)
	if err != nil {
		return err
	}
	rec, err := s.VoidRound(store.Origin{Key: a.Name}, n)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, rec)
	return nil
}

func pathRound(r *http.Request) (uint64, error) {
	n, err := strconv.ParseUint(r.PathValue("round"), 10, 64)
	if err != nil {
		return 0, httpErr(http.StatusBadRequest, "round %q: want a round number", r.PathValue("round"))
	}
	return n, nil
}

func (s *Server) proof(w http.ResponseWriter, r *http.Request, _ *store.Agent) error {
	n, err := pathRound(r)
	if err != nil {
		return err
	}
	g, err := pathGap(r)
	if err != nil {
		return err
	}
	t, err := s.tree(n)
	if err != nil {
		return err
	}
	p, err := payout.ProofFor(t, &g)
	if err != nil {
		return httpErr(http.StatusNotFound, "%v", err)
	}
	writeJSON(w, http.StatusOK, p)
	return nil
}

func (s *Server) treeDump(w http.ResponseWriter, r *http.Request, _ *store.Agent) error {
	n, err := pathRound(r)
	if err != nil {
		return err
	}
	t, err := s.tree(n)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, t)
	return nil
}

// Balance is an account's balance.
type Balance struct {
	Account string `json:"account"`
	Balance string `json:"balance"`
}

func (s *Server) me(w http.ResponseWriter, _ *http.Request, a *store.Agent) error {
	b, err := s.led.Balance(store.AgentAccount(a.Name))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, Balance{store.AgentAccount(a.Name), b.Dec()})
	return nil
}

func (s *Server) credit(w http.ResponseWriter, r *http.Request, a *store.Agent) error {
	acct := r.PathValue("account")
	if err := store.ValidAccount(acct); err != nil {
		return err
	}
	var body struct {
		Amount *amount `json:"amount"`
	}
	if err := decode(w, r, &body); err != nil {
		return err
	}
	if err := body.Amount.positive(); err != nil {
		return err
	}
	b, err := s.led.CreditFrom(store.Origin{Key: a.Name}, acct, &body.Amount.Int)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, Balance{acct, b.Dec()})
	return nil
}

func (s *Server) addAgent(w http.ResponseWriter, r *http.Request, _ *store.Agent) error {
	var body struct {
		Name  string `json:"name"`
		Admin bool   `json:"admin,omitempty"`
	}
	if err := decode(w, r, &body); err != nil {
		return err
	}
	a, key, err := s.st.AddAgent(body.Name, body.Admin)
	if err != nil {
		return err
	}
	s.agents.Store(a.Name, a)
	writeJSON(w, http.StatusCreated, map[string]any{"name": a.Name, "admin": a.Admin, "key": key})
	return nil
}

func (s *Server) health(w http.ResponseWriter, _ *http.Request, _ *store.Agent) error {
	open, _ := s.led.Tally()
	out := map[string]any{"status": "ok"}
	if open != nil {
		out["round"] = open.Number
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
