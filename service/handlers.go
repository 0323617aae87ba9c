package service

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"

	"github.com/qf-dev/qf/ledger"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

func (s *Server) routes() {
	h := func(pattern string, auth access, fn func(w http.ResponseWriter, r *http.Request, a *store.Agent) error) {
		s.mux.Handle(pattern, s.authorize(auth, fn))
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
	s.mux.Handle("GET /metrics", s.met.handler())
	s.siteRoutes()
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
	case errors.Is(err, ledger.ErrInsufficient), errors.Is(err, ledger.ErrFundLimit), errors.Is(err, ErrMatchFailed):
		return http.StatusUnprocessableEntity
	case errors.Is(err, store.ErrStorage), errors.Is(err, store.ErrLowSpace):
		return http.StatusServiceUnavailable
	case errors.Is(err, ledger.ErrMatching), errors.Is(err, ledger.ErrRoundChanged), errors.Is(err, store.ErrRoundClosed):
		return http.StatusConflict
	case errors.Is(err, ledger.ErrIdempotencyConflict), errors.Is(err, store.ErrAgentExists):
		return http.StatusConflict
	case errors.Is(err, calc.ErrUnknownGap), errors.Is(err, store.ErrNoRound), errors.Is(err, payout.ErrNoPayouts):
		return http.StatusNotFound
	case errors.Is(err, ledger.ErrNoOpenRound):
		return http.StatusServiceUnavailable
	case errors.Is(err, store.ErrRoundOpen):
		return http.StatusConflict
	case errors.Is(err, ErrBadRoundID):
		return http.StatusBadRequest
	case errors.Is(err, calc.ErrAmount), errors.Is(err, ledger.ErrAccount), errors.Is(err, store.ErrAgentName), errors.Is(err, ledger.ErrOverflow):
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// amount is a JSON amount in base units: a decimal string or an integer.
type amount struct{ uint256.Int }

func (a *amount) UnmarshalJSON(b []byte) error {
	s := string(b)
	if len(b) > 0 && b[0] == '"' {
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("amount %s: %v", b, err)
		}
	}
	if !canonicalDecimal(s) {
		return fmt.Errorf("amount %s: want a positive integer in base units, in digits only (no sign, leading zero, exponent, fraction or space)", b)
	}
	if err := a.SetFromDecimal(s); err != nil {
		if errors.Is(err, uint256.ErrBig256Range) {
			return fmt.Errorf("amount %s: over 2^256-1", b)
		}
		return fmt.Errorf("amount %s: want a positive integer in base units", b)
	}
	return nil
}

// canonicalDecimal is true for 0 and for digits not starting with 0.
func canonicalDecimal(s string) bool {
	if s == "" || len(s) > 1 && s[0] == '0' {
		return false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
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
	body, err := decodeFund(w, r)
	if err != nil {
		return err
	}
	if body.From != "" && body.From != a.Name && body.From != ledger.AgentAccount(a.Name) {
		return httpErr(http.StatusForbidden, "a key funds only from its own account (%s), not %s", a.Name, body.From)
	}
	if err := body.Amount.positive(); err != nil {
		return err
	}
	key := r.Header.Get("Idempotency-Key")
	if key == "" {
		return httpErr(http.StatusBadRequest, "missing Idempotency-Key header: send a unique key per fund request (a retry with the same key returns the first reply)")
	}
	if len(key) > 128 {
		return httpErr(http.StatusBadRequest, "Idempotency-Key over 128 bytes")
	}
	rc, replay, err := s.led.FundSync(ledger.FundRequest{Agent: a.Name, Gap: g, Amount: body.Amount.Int, Key: key, At: s.cfg.Now()})
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
	// NextAfter, when there are more past matches, is the ?after= of the
	// next page.
	NextAfter string `json:"nextAfter,omitempty"`
}

// PastMatch is a gap's match in a closed round (in a cqf round, Direct is
// the pledged limits, Paid what the pledges paid, Refunded the rest).
type PastMatch struct {
	Round    uint64       `json:"round"`
	Direct   *uint256.Int `json:"direct"`
	Match    *uint256.Int `json:"match"`
	Paid     *uint256.Int `json:"paid,omitempty"`
	Refunded *uint256.Int `json:"refunded,omitempty"`
}

func (s *Server) gapFunding(w http.ResponseWriter, r *http.Request, _ *store.Agent) error {
	g, err := pathGap(r)
	if err != nil {
		return err
	}
	after, limit, err := page(r, "after", "round", MaxMatchesPage, MaxMatchesPage)
	if err != nil {
		return err
	}
	// What the reply shows is loaded before it is read (see readEntry).
	k := readKey{kind: readGap, gap: g, after: after, limit: limit}
	e := &readEntry{key: k, ver: s.led.Version(), gver: s.led.GapVersion(&g), last: s.lastMatched()}
	old := s.reads.get(k)
	if old != nil && s.fresh(old, e) && (s.http.StatsRefresh <= 0 || old.gver == e.gver) {
		s.met.readHits.Inc()
		writeJSONBytes(w, http.StatusOK, old.body)
		return nil
	}
	if old != nil && old.last == e.last {
		e.recipient, e.tail = old.recipient, old.tail // no match since: the same gap, the same past matches
	} else {
		gap, ok, err := s.st.Gap(&g)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%w %s", calc.ErrUnknownGap, g.Dec())
		}
		e.recipient = gap.Recipient.Hex()
		ms, more, err := s.gapMatches(&g, after, limit)
		if err != nil {
			return err
		}
		if e.tail, err = matchesTail(ms, more); err != nil {
			return err
		}
	}
	esc, t, err := s.led.GapFigures(&g)
	if err != nil {
		return err
	}
	head := gapHead{Gap: g.Dec(), Recipient: e.recipient, Escrow: esc.Dec(), Direct: t.Direct.Dec(), Contributors: t.Contributors, ProjectedMatch: "0"}
	sn, err := s.projected()
	if err != nil && !errors.Is(err, ledger.ErrNoOpenRound) {
		return err
	}
	if sn != nil {
		head.Round = sn.round
		if i, ok := sn.gap[head.Gap]; ok {
			head.ProjectedMatch = sn.report.Gaps[i].Match.Dec()
		}
		if i, ok := sn.cqfGap[head.Gap]; ok {
			head.Pledges = sn.cqf.Gaps[i].Pledges
		}
	}
	e.sn = sn.number()
	if e.body, err = gapBody(head, e.tail); err != nil {
		return err
	}
	s.reads.put(e)
	writeJSONBytes(w, http.StatusOK, e.body)
	return nil
}

// gapHead is a [GapFunding] reply up to its past matches: the members a
// fund changes, encoded for each new reply, while the matches' part
// (matchesTail) is encoded once per match.
type gapHead struct {
	Gap            string               `json:"gap"`
	Recipient      string               `json:"recipient"`
	Escrow         string               `json:"escrow"`
	Round          uint64               `json:"round"`
	Direct         string               `json:"direct"`
	Contributors   int                  `json:"contributors"`
	ProjectedMatch string               `json:"projectedMatch"`
	Pledges        []round.CQFPledgeOut `json:"pledges,omitempty"`
}

// matchesTail is the end of a GapFunding reply from its "matches" member:
// the page of past matches, the next page's cursor if more, the closing
// brace and the newline json.Encoder ends a reply with.
func matchesTail(ms []ledger.GapMatch, more bool) ([]byte, error) {
	out := make([]PastMatch, 0, len(ms))
	for _, m := range ms {
		out = append(out, PastMatch{Round: m.Round, Direct: m.Direct, Match: m.Match, Paid: m.Paid, Refunded: m.Refunded})
	}
	list, err := json.Marshal(out)
	if err != nil {
		return nil, err
	}
	tail := append([]byte(`,"matches":`), list...)
	if more {
		tail = strconv.AppendQuote(append(tail, `,"nextAfter":`...), strconv.FormatUint(ms[len(ms)-1].Round, 10))
	}
	return append(tail, '}', '\n'), nil
}

// gapBody is the GapFunding reply of head and tail: byte for byte what
// encoding it whole with json.Encoder gives (TestGapBodyIsTheEncoding).
func gapBody(head gapHead, tail []byte) ([]byte, error) {
	h, err := json.Marshal(head)
	if err != nil {
		return nil, err
	}
	body := make([]byte, 0, len(h)-1+len(tail))
	return append(append(body, h[:len(h)-1]...), tail...), nil
}

// lastMatched is the ledger's last match round + 1, 0 if none (the
// readEntry form).
func (s *Server) lastMatched() uint64 {
	if n, ok := s.led.LastMatched(); ok {
		return n + 1
	}
	return 0
}

// fresh is whether a cached reply still shows what a new one would, as
// far as the ledger's version, the last match and the projection go (the
// caller checks the rest of its kind): with StatsRefresh 0, nothing
// changed in the ledger since; with it, the same projection (asking the
// refresher for a new one if the ledger moved) and no match since.
func (s *Server) fresh(old, now *readEntry) bool {
	if old.last != now.last {
		return false
	}
	if s.http.StatsRefresh <= 0 {
		return old.ver == now.ver
	}
	sn := s.proj.cur.Load()
	if old.sn != sn.number() {
		return false
	}
	if sn != nil {
		s.want(sn)
	}
	return true
}

// MaxMatchesPage and MaxGapsPage bound a page of a gap's past matches and
// of /stats' gaps (?limit=); a page without ?limit= has MaxMatchesPage
// matches or DefaultGapsPage gaps. A dashboard polling /stats reads the
// default page: a reply of every gap of a large round (1,000 gaps is
// ~150 KB) costs the server what funding needs.
const (
	MaxMatchesPage  = 100
	MaxGapsPage     = 1000
	DefaultGapsPage = 100
)

// page reads the ?after= cursor (a decimal number; "" is the start) and
// ?limit= (1…maxLimit, default def) of a paginated list.
func page(r *http.Request, cursor, what string, def, maxLimit int) (after uint64, limit int, err error) {
	q := r.URL.Query()
	if v := q.Get(cursor); v != "" {
		if after, err = strconv.ParseUint(v, 10, 64); err != nil || strconv.FormatUint(after, 10) != v {
			return 0, 0, httpErr(http.StatusBadRequest, "?%s=%s: want a %s number (the previous page's nextAfter)", cursor, v, what)
		}
	}
	limit, err = pageLimit(q, def, maxLimit)
	return after, limit, err
}

// gapPage is page for a list of gaps: its ?after= cursor is a gap id, a
// 256-bit decimal number (zero: the start), as the previous page's
// nextAfter gives it.
func gapPage(r *http.Request, def, maxLimit int) (after uint256.Int, limit int, err error) {
	q := r.URL.Query()
	if v := q.Get("after"); v != "" {
		if err := after.SetFromDecimal(v); err != nil || after.Dec() != v {
			return after, 0, httpErr(http.StatusBadRequest, "?after=%s: want a gap number (the previous page's nextAfter)", v)
		}
	}
	limit, err = pageLimit(q, def, maxLimit)
	return after, limit, err
}

// pageLimit reads ?limit= (1…maxLimit, default def).
func pageLimit(q url.Values, def, maxLimit int) (int, error) {
	limit := def
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxLimit || strconv.Itoa(n) != v {
			return 0, httpErr(http.StatusBadRequest, "?limit=%s: want 1 to %d", v, maxLimit)
		}
		limit = n
	}
	return limit, nil
}

// Stats is GET /api/gaps/funding/stats. In a cqf round a gap's direct is
// its pledged limits, its match what the pledges would pay, and CQF has
// every pledge.
type Stats struct {
	Round         uint64              `json:"round"`
	Status        store.Status        `json:"status"`
	Mechanism     string              `json:"mechanism"`
	Contributions int                 `json:"contributions"`
	Donors        int                 `json:"donors"`
	Direct        string              `json:"direct"`
	Pool          string              `json:"pool"` // what a match now would pay out at most
	NextMatch     string              `json:"nextMatch,omitempty"`
	Gaps          []payout.GapReport  `json:"gaps"`
	LastMatch     *ledger.MatchRecord `json:"lastMatch,omitempty"`
	CQF           []round.CQFGapOut   `json:"cqf,omitempty"`
	// NextAfter, when there are more gaps, is the ?after= of the next page.
	NextAfter string `json:"nextAfter,omitempty"`
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request, _ *store.Agent) error {
	after, limit, err := gapPage(r, DefaultGapsPage, MaxGapsPage)
	if err != nil {
		return err
	}
	e := &readEntry{key: readKey{kind: readStats, gap: after, limit: limit}, ver: s.led.Version(), last: s.lastMatched()}
	if t, ok := s.NextMatch(); ok {
		e.next = t.Format("2006-01-02T15:04:05Z07:00")
	}
	// Pollers mostly ask the same page of the same projection: the reply is
	// encoded once.
	if old := s.reads.get(e.key); old != nil && s.fresh(old, e) && old.next == e.next {
		s.met.readHits.Inc()
		writeJSONBytes(w, http.StatusOK, old.body)
		return nil
	}
	sn, err := s.projected()
	if err != nil {
		return err
	}
	last, err := s.lastMatch()
	if err != nil {
		return err
	}
	rep := sn.report
	out := Stats{Round: sn.round, Status: store.StatusOpen, Mechanism: rep.Mechanism, Contributions: rep.Contributions,
		Donors: rep.Donors, Direct: rep.Direct.Dec(), Pool: rep.Pool.Dec(), NextMatch: e.next, LastMatch: last}
	out.Gaps, out.NextAfter = gapsPage(rep.Gaps, &after, limit, func(g payout.GapReport) string { return g.Gap })
	if sn.cqf != nil {
		out.CQF, _ = gapsPage(sn.cqf.Gaps, &after, limit, func(g round.CQFGapOut) string { return g.Gap })
	}
	body, err := json.Marshal(out)
	if err != nil {
		return err
	}
	e.body, e.sn = append(body, '\n'), sn.number()
	s.reads.put(e)
	writeJSONBytes(w, http.StatusOK, e.body)
	return nil
}

// writeJSONBytes writes an encoded reply with its length: one write, not
// chunks (net/http chunks an unsized reply over 2 KiB).
func writeJSONBytes(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// gapsPage is the page of a list in ascending gap order after gap after
// (0: from the start), and the cursor of the next page ("" if none).
func gapsPage[T any](all []T, after *uint256.Int, limit int, gap func(T) string) ([]T, string) {
	i := 0
	if !after.IsZero() {
		i = sort.Search(len(all), func(i int) bool {
			var g uint256.Int
			_ = g.SetFromDecimal(gap(all[i]))
			return g.Gt(after)
		})
	}
	end := min(len(all), i+limit)
	next := ""
	if end < len(all) && end > i {
		next = gap(all[end-1])
	}
	return all[i:end], next
}

func (s *Server) match(w http.ResponseWriter, _ *http.Request, a *store.Agent) error {
	rec, err := s.MatchAs(ledger.Origin{Key: a.Name})
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
	rec, err := s.VoidRound(ledger.Origin{Key: a.Name}, n)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, rec)
	return nil
}

// ErrBadRoundID reports a round id in a path that is not a canonical
// decimal number (no sign or leading zero): a void of "01" must not void
// round 1.
var ErrBadRoundID = errors.New("want a round number")

func pathRound(r *http.Request) (uint64, error) {
	v := r.PathValue("round")
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil || strconv.FormatUint(n, 10) != v { // "01" is not round 1
		return 0, fmt.Errorf("round %q: %w (digits, no sign or leading zero)", v, ErrBadRoundID)
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
	var rep *payout.Report
	if payout.IsAlloTree(t) {
		// An Allo leaf carries an index, not the gap: the report maps them.
		if rep, err = round.StoredReport(s.st, n); err != nil {
			return err
		}
	}
	p, err := payout.GapProof(t, rep, &g, nil)
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
	b, err := s.led.Balance(ledger.AgentAccount(a.Name))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, Balance{ledger.AgentAccount(a.Name), b.Dec()})
	return nil
}

func (s *Server) credit(w http.ResponseWriter, r *http.Request, a *store.Agent) error {
	acct := r.PathValue("account")
	if err := ledger.ValidAccount(acct); err != nil {
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
	b, err := s.led.CreditFrom(ledger.Origin{Key: a.Name}, acct, &body.Amount.Int)
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

// health answers without a lock: the open round's number is an atomic.
func (s *Server) health(w http.ResponseWriter, _ *http.Request, _ *store.Agent) error {
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "round": s.openRound.Load()})
	return nil
}
