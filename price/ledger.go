package price

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strconv"
	"strings"
	"time"
)

var (
	// ErrHeader reports a ledger file without the columns it needs.
	ErrHeader = errors.New("bad header")
	// ErrPrice reports a price that is not a positive decimal qf can use.
	ErrPrice = errors.New("bad price")
	// ErrField reports a missing or malformed field other than the price.
	ErrField = errors.New("bad field")
	// ErrDuplicate reports a token and chain priced twice.
	ErrDuplicate = errors.New("token priced twice")
	// ErrUnknownToken reports a contribution in a token the ledger has no price for.
	ErrUnknownToken = errors.New("no price for token")
	// ErrNoLedger reports a token in a round that has no price ledger.
	ErrNoLedger = errors.New("the round has no price ledger")
	// ErrNotPriced reports a token the round's ledger does not price.
	ErrNotPriced = errors.New("the ledger has no price for it")
	// ErrConvert reports an amount that converts to nothing or to more than 2^256−1.
	ErrConvert = errors.New("cannot convert")
	// ErrEmpty reports a ledger file with no prices.
	ErrEmpty = errors.New("no prices")
)

// MaxPriceDecimals is the most digits a price may have after the point.
const MaxPriceDecimals = 18

// IndexerDecimals is the precision the Grants Stack indexer keeps of a
// price and of a value: 10^-8.
const IndexerDecimals = 8

// Error is a bad ledger row: it names the file, the line (CSV) or item
// (JSON, 1-based) and the field.
type Error struct {
	File  string
	Line  int
	Item  bool
	Field string
	Err   error
}

func (e *Error) Error() string {
	where := e.File
	if e.Line > 0 {
		if e.Item {
			where += fmt.Sprintf(": item %d", e.Line)
		} else {
			where += fmt.Sprintf(":%d", e.Line)
		}
	}
	if e.Field != "" {
		where += ": " + e.Field
	}
	return where + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// Entry is one token's price. Its JSON form is the ledger's stored and
// published form.
type Entry struct {
	// Token is the token's address (0x and 40 hex digits, stored in lower
	// case) or a symbol (stored in lower case).
	Token string `json:"token"`
	// Chain is the chain id, empty when the round does not say.
	Chain    string `json:"chain,omitempty"`
	Decimals uint8  `json:"decimals"`
	// Price is one whole token's price in whole match tokens, an exact
	// decimal as given.
	Price string `json:"price"`
	// Stable converts the token at face value (price 1), keeping Price for the record.
	Stable bool `json:"stable,omitempty"`
	// Match marks the round's match token: its amounts are taken as they are.
	Match  bool   `json:"match,omitempty"`
	Time   string `json:"time,omitempty"`
	Block  string `json:"block,omitempty"`
	Source string `json:"source"`
	// VoteCap is the Grants Stack indexer's per-token vote cap, in the
	// token's base units (empty: none): in a grants-stack round every
	// contribution in the token counts floor(converted·VoteCap/raw).
	VoteCap string `json:"voteCap,omitempty"`
}

// Key is how contributions name an entry.
func (e *Entry) Key() string { return Key(e.Token, e.Chain) }

// Key joins a token and a chain into a ledger key.
func Key(token, chain string) string { return token + "@" + chain }

// Name is the token as people read it: token, or token on chain N.
func Name(token, chain string) string {
	if chain == "" {
		return token
	}
	return token + " on chain " + chain
}

// P8 is the price used: trunc(price·10^8), or 10^8 for a stable token.
func (e *Entry) P8() *big.Int {
	if e.Stable || e.Match {
		return new(big.Int).Set(pow10(IndexerDecimals))
	}
	p, _ := p8(e.Price)
	return p
}

// Truncated reports whether the price used is below the price given: a
// price with non-zero digits past the 8th after the point (a stable or
// match token's price is not used at all).
func (e *Entry) Truncated() bool {
	_, frac, _ := strings.Cut(e.Price, ".")
	return !e.Stable && !e.Match && len(frac) > IndexerDecimals && strings.Trim(frac[IndexerDecimals:], "0") != ""
}

// Used is the price used, as a decimal with 8 digits after the point.
func (e *Entry) Used() string { return formatFixed(e.P8(), IndexerDecimals) }

// Ledger is a round's prices, one per token and chain, in the order given.
type Ledger struct {
	Entries []Entry
	index   map[string]int
}

// Columns are a ledger CSV's columns: required, then optional.
var Columns = [2][]string{{"token", "decimals", "price", "source"}, {"chain", "time", "block", "stable", "match", "vote_cap"}}

// Parse reads a ledger file (CSV or JSON, by content) named file in errors.
func Parse(file string, data []byte) (*Ledger, error) {
	t := bytes.TrimLeft(data, " \t\r\n\xef\xbb\xbf")
	var rows []rawEntry
	if len(t) > 0 && (t[0] == '[' || t[0] == '{') {
		var items []rawEntry
		if err := json.Unmarshal(t, &items); err != nil {
			return nil, &Error{File: file, Err: fmt.Errorf("%w: not a JSON array of prices: %v", ErrHeader, err)}
		}
		for i := range items {
			items[i].line, items[i].item = i+1, true
		}
		rows = items
	} else {
		var err error
		if rows, err = parseCSV(file, data); err != nil {
			return nil, err
		}
	}
	if len(rows) == 0 {
		return nil, &Error{File: file, Err: fmt.Errorf("%w: the file lists no token", ErrEmpty)}
	}
	l := &Ledger{index: map[string]int{}}
	where := map[string]string{}
	matches := ""
	for _, r := range rows {
		e, field, err := r.entry()
		if err != nil {
			return nil, &Error{File: file, Line: r.line, Item: r.item, Field: field, Err: err}
		}
		pos := fmt.Sprintf("line %d", r.line)
		if r.item {
			pos = fmt.Sprintf("item %d", r.line)
		}
		if first, dup := where[e.Key()]; dup {
			return nil, &Error{File: file, Line: r.line, Item: r.item, Field: "token",
				Err: fmt.Errorf("%w: %s is also at %s; a ledger has one price per token and chain", ErrDuplicate, Name(e.Token, e.Chain), first)}
		}
		if e.Match {
			if matches != "" {
				return nil, &Error{File: file, Line: r.line, Item: r.item, Field: "match",
					Err: fmt.Errorf("%w: a second match token (the first is at %s); a round has one", ErrField, matches)}
			}
			matches = pos
		}
		where[e.Key()] = pos
		l.index[e.Key()] = len(l.Entries)
		l.Entries = append(l.Entries, e)
	}
	return l, nil
}

// Lookup finds the entry for a token and chain.
func (l *Ledger) Lookup(token, chain string) (*Entry, bool) {
	if l == nil {
		return nil, false
	}
	i, ok := l.index[Key(token, chain)]
	if !ok {
		return nil, false
	}
	return &l.Entries[i], true
}

// JSON is the ledger's canonical form: what a store keeps and a
// publication carries as inputs/prices.json. [Parse] reads it back.
func (l *Ledger) JSON() []byte {
	b, _ := json.MarshalIndent(l.Entries, "", " ")
	return append(b, '\n')
}

// Merge adds other's entries to l, returning the merged ledger and how
// many entries were new. An entry already in l with the same content is
// skipped; with other content it is refused: a stored price is final.
func (l *Ledger) Merge(other *Ledger) (*Ledger, int, error) {
	out := &Ledger{index: map[string]int{}}
	if l != nil {
		out.Entries = append(out.Entries, l.Entries...)
		for k, v := range l.index {
			out.index[k] = v
		}
	}
	hasMatch := ""
	for _, e := range out.Entries {
		if e.Match {
			hasMatch = Name(e.Token, e.Chain)
		}
	}
	added := 0
	for _, e := range other.Entries {
		if old, ok := out.Lookup(e.Token, e.Chain); ok {
			if *old != e {
				return nil, 0, fmt.Errorf("%w: %s already has a stored price (%s, decimals %d, from %s); a stored price is final",
					ErrDuplicate, Name(e.Token, e.Chain), old.Price, old.Decimals, old.Source)
			}
			continue
		}
		if e.Match && hasMatch != "" {
			return nil, 0, fmt.Errorf("%w: match: %s is marked as the match token, but %s already is; a round has one", ErrField, Name(e.Token, e.Chain), hasMatch)
		}
		out.index[e.Key()] = len(out.Entries)
		out.Entries = append(out.Entries, e)
		added++
	}
	return out, added, nil
}

// VoteCapped is the first entry with a vote cap, nil if none.
func (l *Ledger) VoteCapped() *Entry {
	for i := range l.Entries {
		if l.Entries[i].VoteCap != "" {
			return &l.Entries[i]
		}
	}
	return nil
}

// ErrVoteCap reports a vote cap in a round whose mechanism has none.
var ErrVoteCap = errors.New("vote caps are the Grants Stack indexer's rule")

// CheckMechanism refuses vote caps unless the round is matched by the
// Grants Stack indexer's rule (mechanism grants-stack).
func (l *Ledger) CheckMechanism(mechanism string) error {
	if e := l.VoteCapped(); e != nil && mechanism != "grants-stack" {
		return fmt.Errorf("%w: %s has vote_cap %s, which only the grants-stack mechanism applies (this round is %s)",
			ErrVoteCap, Name(e.Token, e.Chain), e.VoteCap, mechanism)
	}
	return nil
}

// CheckRound checks the ledger against the round's match-token decimals:
// a match token must have them.
func (l *Ledger) CheckRound(matchDecimals uint8) error {
	for _, e := range l.Entries {
		if e.Match && e.Decimals != matchDecimals {
			return fmt.Errorf("%w: decimals: %s is marked as the match token with %d decimals, but the round's token has %d",
				ErrField, Name(e.Token, e.Chain), e.Decimals, matchDecimals)
		}
	}
	return nil
}

// rawEntry is a ledger row as read, every field as text.
type rawEntry struct {
	Token    scalar `json:"token"`
	Chain    scalar `json:"chain"`
	Decimals scalar `json:"decimals"`
	Price    scalar `json:"price"`
	Stable   scalar `json:"stable"`
	Match    scalar `json:"match"`
	Time     scalar `json:"time"`
	Block    scalar `json:"block"`
	Source   scalar `json:"source"`
	VoteCap  scalar `json:"voteCap"`
	line     int
	item     bool
}

// scalar accepts a JSON string, number or boolean and keeps its text.
type scalar string

func (s *scalar) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var str string
		if err := json.Unmarshal(b, &str); err != nil {
			return err
		}
		*s = scalar(str)
		return nil
	}
	if string(b) == "null" {
		return nil
	}
	*s = scalar(b)
	return nil
}

func parseCSV(file string, data []byte) ([]rawEntry, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, &Error{File: file, Err: fmt.Errorf("%w: the first line must name the columns %s: %v", ErrHeader, strings.Join(Columns[0], ","), err)}
	}
	cols := map[string]int{}
	for i, h := range head {
		name := strings.ToLower(strings.TrimSpace(h))
		if _, dup := cols[name]; dup && name != "" {
			return nil, &Error{File: file, Line: 1, Field: name, Err: fmt.Errorf("%w: column %q appears twice", ErrHeader, name)}
		}
		cols[name] = i
	}
	for _, c := range Columns[0] {
		if _, ok := cols[c]; !ok {
			return nil, &Error{File: file, Line: 1, Field: c, Err: fmt.Errorf("%w: missing column %q (the header needs %s and time or block; optional: %s)",
				ErrHeader, c, strings.Join(Columns[0], ","), strings.Join(Columns[1], ","))}
		}
	}
	_, hasTime := cols["time"]
	_, hasBlock := cols["block"]
	if !hasTime && !hasBlock {
		return nil, &Error{File: file, Line: 1, Field: "time", Err: fmt.Errorf("%w: missing column \"time\" or \"block\": say when each price is from", ErrHeader)}
	}
	var rows []rawEntry
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line := 0
			if pe, ok := err.(*csv.ParseError); ok {
				line = pe.Line
			}
			return nil, &Error{File: file, Line: line, Err: fmt.Errorf("%w: bad CSV: %v", ErrField, err)}
		}
		line, _ := r.FieldPos(0)
		get := func(name string) scalar {
			if i, ok := cols[name]; ok && i < len(rec) {
				return scalar(rec[i])
			}
			return ""
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		rows = append(rows, rawEntry{Token: get("token"), Chain: get("chain"), Decimals: get("decimals"), Price: get("price"),
			Stable: get("stable"), Match: get("match"), Time: get("time"), Block: get("block"), Source: get("source"), VoteCap: get("vote_cap"), line: line})
	}
	return rows, nil
}

// entry checks a row; on error it names the field.
func (r *rawEntry) entry() (Entry, string, error) {
	var e Entry
	var err error
	if e.Token, err = ParseToken(string(r.Token)); err != nil {
		return e, "token", err
	}
	if e.Chain, err = ParseChain(string(r.Chain)); err != nil {
		return e, "chain", err
	}
	d := strings.TrimSpace(string(r.Decimals))
	n, err := strconv.ParseUint(d, 10, 8)
	switch {
	case d == "":
		return e, "decimals", fmt.Errorf("%w: missing: the token's decimals (18 for ETH and DAI, 6 for USDC)", ErrField)
	case err != nil || n > 77:
		return e, "decimals", fmt.Errorf("%w: %q: want a whole number from 0 to 77", ErrField, d)
	}
	e.Decimals = uint8(n)
	if e.Price, err = checkPrice(string(r.Price)); err != nil {
		return e, "price", err
	}
	for _, f := range []struct {
		name string
		in   scalar
		out  *bool
	}{{"stable", r.Stable, &e.Stable}, {"match", r.Match, &e.Match}} {
		s := strings.TrimSpace(string(f.in))
		if s == "" {
			continue
		}
		v, err := strconv.ParseBool(s)
		if err != nil {
			return e, f.name, fmt.Errorf("%w: %q: want true or false", ErrField, s)
		}
		*f.out = v
	}
	if e.Match {
		if p, _ := new(big.Rat).SetString(e.Price); p.Cmp(big.NewRat(1, 1)) != 0 {
			return e, "price", fmt.Errorf("%w: %s: the match token's price is 1", ErrPrice, e.Price)
		}
	}
	e.Time = strings.TrimSpace(string(r.Time))
	if e.Time != "" {
		if _, err := strconv.ParseUint(e.Time, 10, 64); err != nil {
			if _, err := time.Parse(time.RFC3339, e.Time); err != nil {
				return e, "time", fmt.Errorf("%w: %q: want RFC 3339 (2024-05-01T12:00:00Z) or unix seconds", ErrField, e.Time)
			}
		}
	}
	e.Block = strings.TrimSpace(string(r.Block))
	if e.Block != "" {
		b, err := strconv.ParseUint(e.Block, 10, 64)
		if err != nil {
			return e, "block", fmt.Errorf("%w: %q: want a block number", ErrField, e.Block)
		}
		e.Block = strconv.FormatUint(b, 10)
	}
	if e.Time == "" && e.Block == "" {
		return e, "time", fmt.Errorf("%w: missing: give the time or the block the price is from", ErrField)
	}
	if e.Source = strings.TrimSpace(string(r.Source)); e.Source == "" {
		return e, "source", fmt.Errorf("%w: missing: say where the price is from (e.g. coingecko)", ErrField)
	}
	if v := strings.TrimSpace(string(r.VoteCap)); v != "" {
		n, ok := new(big.Int).SetString(v, 10)
		if !ok || n.Sign() <= 0 || n.BitLen() > 256 || strings.HasPrefix(v, "+") {
			return e, "vote_cap", fmt.Errorf("%w: %q: want a positive whole number of the token's base units below 2^256", ErrField, v)
		}
		if e.Match {
			return e, "vote_cap", fmt.Errorf("%w: the match token takes no vote cap", ErrField)
		}
		e.VoteCap = n.String()
	}
	return e, "", nil
}

// ParseToken checks and canonicalizes a token: an address (0x and 40 hex
// digits) or a symbol of letters, digits, '.', '_' and '-', at most 64
// bytes; either is stored in lower case.
func ParseToken(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", fmt.Errorf("%w: missing: name the token (its address or symbol)", ErrField)
	}
	if len(s) > 64 {
		return "", fmt.Errorf("%w: %.20q…: longer than 64 bytes", ErrField, s)
	}
	low := strings.ToLower(s)
	if strings.HasPrefix(low, "0x") {
		if len(low) != 42 || strings.Trim(low[2:], "0123456789abcdef") != "" {
			return "", fmt.Errorf("%w: %q starts with 0x but is not 0x and 40 hex digits", ErrField, s)
		}
		return low, nil
	}
	for _, c := range low {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return "", fmt.Errorf("%w: %q: a token is an address or a symbol of letters, digits, '.', '_' and '-'", ErrField, s)
		}
	}
	return low, nil
}

// ParseChain checks a chain id: empty, or a whole number.
func ParseChain(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return "", fmt.Errorf("%w: %q: want a chain id (a whole number, e.g. 10 for Optimism)", ErrField, s)
	}
	return strconv.FormatUint(n, 10), nil
}

// checkPrice checks a price's text: a positive decimal with at most
// [MaxPriceDecimals] digits after the point whose 8-decimal truncation is
// not 0. It returns the text trimmed.
func checkPrice(s string) (string, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "", fmt.Errorf("%w: missing: one whole token's price in match tokens", ErrPrice)
	case strings.HasPrefix(s, "-"):
		return "", fmt.Errorf("%w: %s is negative; a price is a positive decimal in match tokens", ErrPrice, s)
	}
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" || dot && frac == "" || strings.Trim(whole, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" {
		return "", fmt.Errorf("%w: %q is not a decimal number (digits, at most one point, no exponent)", ErrPrice, s)
	}
	if len(frac) > MaxPriceDecimals {
		return "", fmt.Errorf("%w: %s has %d digits after the point; at most %d", ErrPrice, s, len(frac), MaxPriceDecimals)
	}
	if len(whole) > 40 {
		return "", fmt.Errorf("%w: %s: more than 40 digits before the point", ErrPrice, s)
	}
	p, _ := p8(s)
	if p.Sign() == 0 {
		if strings.Trim(whole+frac, "0") == "" {
			return "", fmt.Errorf("%w: %s is 0; a token without a price cannot be matched: leave it out", ErrPrice, s)
		}
		return "", fmt.Errorf("%w: %s is below 0.00000001, which the 8 decimals prices are used to make 0", ErrPrice, s)
	}
	return s, nil
}

// p8 is trunc(s·10^8) for a checked decimal s.
func p8(s string) (*big.Int, bool) {
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > IndexerDecimals {
		frac = frac[:IndexerDecimals]
	}
	frac += strings.Repeat("0", IndexerDecimals-len(frac))
	return new(big.Int).SetString(whole+frac, 10)
}

// pow10s are 10^0 … 10^(77+8): every power a conversion divides or
// multiplies by. They are shared: never modify one.
var pow10s = func() []*big.Int {
	out := make([]*big.Int, 86)
	for i := range out {
		out[i] = new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(i)), nil)
	}
	return out
}()

// pow10 is 10^n (shared for n ≤ 85: read only).
func pow10(n int) *big.Int {
	if n < len(pow10s) {
		return pow10s[n]
	}
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

// formatFixed writes v/10^dec with exactly dec digits after the point.
func formatFixed(v *big.Int, dec int) string {
	s := v.String()
	if len(s) <= dec {
		s = strings.Repeat("0", dec-len(s)+1) + s
	}
	return s[:len(s)-dec] + "." + s[len(s)-dec:]
}
