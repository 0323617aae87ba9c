package price

import (
	"fmt"
	"math/big"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
)

// Convert converts raw, an amount in e's token's base units, to base units
// of a match token with m decimals, by the rule in the package doc. It
// refuses a result of 0 (the amount is worth less than a base unit of the
// match token) or above 2^256−1.
func Convert(e *Entry, raw *uint256.Int, m uint8) (uint256.Int, error) {
	return convert(e, e.P8(), raw, m)
}

// convert is [Convert] with e's price used, p8, given.
func convert(e *Entry, p8 *big.Int, raw *uint256.Int, m uint8) (uint256.Int, error) {
	var out uint256.Int
	if e.Match {
		return *raw, nil
	}
	v := new(big.Int).Mul(raw.ToBig(), p8)
	v.Quo(v, pow10(int(e.Decimals))) // v8: 10^-8 match tokens, truncated as the indexer truncates
	if m >= IndexerDecimals {
		v.Mul(v, pow10(int(m)-IndexerDecimals))
	} else {
		v.Quo(v, pow10(IndexerDecimals-int(m)))
	}
	if v.Sign() == 0 {
		return out, fmt.Errorf("%w: %s base units of %s at %s is 0 base units of the match token: too small to count",
			ErrConvert, raw.Dec(), Name(e.Token, e.Chain), e.Used())
	}
	if out.SetFromBig(v) {
		return out, fmt.Errorf("%w: %s base units of %s at %s is more than 2^256−1 base units of the match token",
			ErrConvert, raw.Dec(), Name(e.Token, e.Chain), e.Used())
	}
	return out, nil
}

// Total is what a round's contributions in one token add up to, with the
// price they were converted at: a line of a report's per-token totals.
type Total struct {
	// Token is empty for contributions without a token (given in the
	// match token's base units).
	Token    string `json:"token"`
	Chain    string `json:"chain,omitempty"`
	Decimals uint8  `json:"decimals"`
	// Price is the ledger's price, PriceUsed the one converted at (8
	// decimals; 1 for a stable or match token).
	Price     string `json:"price,omitempty"`
	PriceUsed string `json:"priceUsed,omitempty"`
	Stable    bool   `json:"stable,omitempty"`
	Match     bool   `json:"match,omitempty"`
	Time      string `json:"time,omitempty"`
	Block     string `json:"block,omitempty"`
	Source    string `json:"source,omitempty"`
	// VoteCap is the token's vote cap, when a grants-stack round applied one.
	VoteCap string `json:"voteCap,omitempty"`
	// Contributions counts the rows in the token; Amount sums them in the
	// token's base units, Converted in the match token's.
	Contributions int    `json:"contributions"`
	Amount        string `json:"amount"`
	Converted     string `json:"converted"`
}

// Converter converts a round's contributions and sums them per token.
type Converter struct {
	l      *Ledger
	m      uint8
	caps   bool
	p8s    []*big.Int    // each entry's price used
	p8u    []uint256.Int // the same, for the fast path
	counts []int
	raw    []sum
	conv   []sum
	plainN int
	plain  sum
}

// sum adds up uint256 values exactly: lo plus carries·2^256.
type sum struct {
	lo      uint256.Int
	carries uint64
}

func (s *sum) add(x *uint256.Int) {
	if _, over := s.lo.AddOverflow(&s.lo, x); over {
		s.carries++
	}
}

func (s *sum) String() string {
	v := new(big.Int).Lsh(new(big.Int).SetUint64(s.carries), 256)
	return v.Add(v, s.lo.ToBig()).String()
}

// pow10u are 10^0 … 10^77 as uint256 values (read only).
var pow10u = func() []uint256.Int {
	out := make([]uint256.Int, 78)
	for i := range out {
		out[i].SetFromBig(pow10(i))
	}
	return out
}()

// fastConvert is [convert] in 256-bit arithmetic (a 512-bit product): it
// reports false when it cannot give convert's answer (an intermediate or
// the result beyond 2^256−1, or a result of 0) and convert must decide.
func fastConvert(e *Entry, p8 *uint256.Int, raw *uint256.Int, m uint8) (uint256.Int, bool) {
	var v uint256.Int
	if e.Match {
		return *raw, true
	}
	if _, over := v.MulDivOverflow(raw, p8, &pow10u[e.Decimals]); over {
		return v, false
	}
	if m >= IndexerDecimals {
		if _, over := v.MulOverflow(&v, &pow10u[m-IndexerDecimals]); over {
			return v, false
		}
	} else {
		v.Div(&v, &pow10u[IndexerDecimals-m])
	}
	return v, !v.IsZero()
}

// Converter returns a converter into a match token with m decimals.
// voteCaps applies the entries' vote caps (grants-stack rounds).
func (l *Ledger) Converter(m uint8, voteCaps bool) *Converter {
	n := len(l.Entries)
	c := &Converter{l: l, m: m, caps: voteCaps, counts: make([]int, n), p8u: make([]uint256.Int, n), raw: make([]sum, n), conv: make([]sum, n)}
	for i := range l.Entries {
		c.p8s = append(c.p8s, l.Entries[i].P8())
		c.p8u[i].SetFromBig(c.p8s[i]) // below 10^49: a checked price has at most 40 digits before the point
	}
	return c
}

// Convert converts raw in token (on chain) and counts it. Token and chain
// are in canonical form ([ParseToken], [ParseChain]).
func (c *Converter) Convert(token, chain []byte, raw *uint256.Int) (uint256.Int, error) {
	i, ok := c.l.index[Key(string(token), string(chain))]
	if !ok {
		return uint256.Int{}, c.Unknown(string(token), string(chain))
	}
	e := &c.l.Entries[i]
	out, ok := fastConvert(e, &c.p8u[i], raw, c.m)
	var err error
	if !ok {
		if out, err = convert(e, c.p8s[i], raw, c.m); err != nil {
			return out, err
		}
	}
	if c.caps && e.VoteCap != "" {
		if out, err = VoteCap(e, raw, &out); err != nil {
			return out, err
		}
	}
	c.counts[i]++
	c.raw[i].add(raw)
	c.conv[i].add(&out)
	return out, nil
}

// Plain counts a contribution without a token (in match-token base units).
func (c *Converter) Plain(amount *uint256.Int) {
	c.plainN++
	c.plain.add(amount)
}

// Unknown is the error for a token the ledger does not price.
func (c *Converter) Unknown(token, chain string) error {
	var l *Ledger
	if c != nil {
		l = c.l
	}
	return UnknownToken(l, token, chain)
}

// UnknownToken is the error for a token l does not price (l may be nil:
// the round has no ledger).
func UnknownToken(l *Ledger, token, chain string) error {
	if l == nil {
		return fmt.Errorf("%w %s: %w", ErrUnknownToken, Name(token, chain), ErrNoLedger)
	}
	var on []string
	for _, e := range l.Entries {
		if e.Token == token {
			on = append(on, "chain "+e.Chain)
			if e.Chain == "" {
				on[len(on)-1] = "no chain"
			}
		}
	}
	if len(on) > 0 {
		return fmt.Errorf("%w %s: the ledger prices it with %v; give the same chain", ErrUnknownToken, Name(token, chain), on)
	}
	return fmt.Errorf("%w %s: %w", ErrUnknownToken, Name(token, chain), ErrNotPriced)
}

// Totals are the per-token totals: contributions without a token first
// (when there are any), then every ledger entry in the ledger's order.
func (c *Converter) Totals() []Total {
	var out []Total
	if c.plainN > 0 {
		out = append(out, Total{Decimals: c.m, Contributions: c.plainN, Amount: c.plain.String(), Converted: c.plain.String()})
	}
	for i, e := range c.l.Entries {
		out = append(out, Total{Token: e.Token, Chain: e.Chain, Decimals: e.Decimals, Price: e.Price, PriceUsed: e.Used(),
			Stable: e.Stable, Match: e.Match, Time: e.Time, Block: e.Block, Source: e.Source, VoteCap: capOf(c, &e),
			Contributions: c.counts[i], Amount: c.raw[i].String(), Converted: c.conv[i].String()})
	}
	return out
}

// VoteCap applies e's vote cap to a contribution of raw base units worth
// converted: the indexer's floor(converted·cap/raw) (calc.GrantsStackVoteCap),
// applied to every contribution in the token, below the cap too. A result
// of 0 is refused like a conversion to 0.
func VoteCap(e *Entry, raw, converted *uint256.Int) (uint256.Int, error) {
	var out uint256.Int
	voteCap, _ := new(big.Int).SetString(e.VoteCap, 10)
	v, err := calc.GrantsStackVoteCap(raw.ToBig(), converted.ToBig(), voteCap)
	if err != nil {
		return out, err
	}
	if v.Sign() == 0 {
		return out, fmt.Errorf("%w: %s base units of %s under its vote cap %s count 0 base units of the match token: too small to count",
			ErrConvert, raw.Dec(), Name(e.Token, e.Chain), e.VoteCap)
	}
	if out.SetFromBig(v) {
		return out, fmt.Errorf("%w: %s base units of %s under its vote cap %s count more than 2^256−1 base units of the match token",
			ErrConvert, raw.Dec(), Name(e.Token, e.Chain), e.VoteCap)
	}
	return out, nil
}

func capOf(c *Converter, e *Entry) string {
	if c.caps {
		return e.VoteCap
	}
	return ""
}
