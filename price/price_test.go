package price

import (
	"errors"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/holiman/uint256"
)

const dai = "0x6b175474e89094c44da98b954eedeac495271d0f"

// TestConvert checks conversions worked out by hand (the comment of each
// case is the arithmetic).
func TestConvert(t *testing.T) {
	for _, tc := range []struct {
		name  string
		entry Entry
		raw   string
		m     uint8
		want  string
	}{
		// 1.5 ETH × 3000.12345678 = 4500.18518517 USDC, floored to 6 decimals.
		{"eth into usdc", Entry{Token: "eth", Decimals: 18, Price: "3000.12345678"}, "1500000000000000000", 6, "4500185185"},
		// 10 DAI × 0.99985 = 9.9985 USDC.
		{"dai into usdc at market", Entry{Token: dai, Decimals: 18, Price: "0.99985"}, "10000000000000000000", 6, "9998500"},
		// stable: 10 DAI at face value = 10 USDC.
		{"dai into usdc at face value", Entry{Token: dai, Decimals: 18, Price: "0.99985", Stable: true}, "10000000000000000000", 6, "10000000"},
		// the price is used to 8 decimals: 1 × 0.12345678 (not …789).
		{"price truncated to 8 decimals", Entry{Token: "x", Decimals: 18, Price: "0.123456789"}, "1000000000000000000", 18, "123456780000000000"},
		// the value is kept to 10^-8 match tokens: 0.123456789012345678 → 0.12345678.
		{"value truncated to 1e-8", Entry{Token: "x", Decimals: 18, Price: "1"}, "123456789012345678", 18, "123456780000000000"},
		// 0.000001 USDC × 1.0001 = 0.0000010001 → 0.00000100 DAI (10^12 wei).
		{"usdc dust into dai", Entry{Token: "usdc", Decimals: 6, Price: "1.0001"}, "1", 18, "1000000000000"},
		// 0.00012345 BTC × 61234.5 = 7.559399025 → 7.55939902.
		{"wbtc into dai", Entry{Token: "wbtc", Decimals: 8, Price: "61234.5"}, "12345", 18, "7559399020000000000"},
		// 2 tokens of 0 decimals × 2.5 = 5 match tokens with 2 decimals.
		{"no decimals", Entry{Token: "t", Decimals: 0, Price: "2.5"}, "2", 2, "500"},
		// the match token is taken as it is, below 10^-8 too.
		{"match token as it is", Entry{Token: dai, Decimals: 18, Price: "1", Match: true}, "123456789012345678", 18, "123456789012345678"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			raw := uint256.MustFromDecimal(tc.raw)
			got, err := Convert(&tc.entry, raw, tc.m)
			if err != nil {
				t.Fatal(err)
			}
			if got.Dec() != tc.want {
				t.Fatalf("got %s, want %s", got.Dec(), tc.want)
			}
		})
	}
}

func TestConvertRefuses(t *testing.T) {
	for _, tc := range []struct {
		name  string
		entry Entry
		raw   string
		m     uint8
		want  string
	}{
		{"worth less than a base unit", Entry{Token: "eth", Decimals: 18, Price: "1"}, "1", 6,
			"cannot convert: 1 base units of eth at 1.00000000 is 0 base units of the match token: too small to count"},
		{"above 2^256-1", Entry{Token: "t", Chain: "10", Decimals: 0, Price: "1000"}, "115792089237316195423570985008687907853269984665640564039457584007913129639935", 18,
			"cannot convert: 115792089237316195423570985008687907853269984665640564039457584007913129639935 base units of t on chain 10 at 1000.00000000 is more than 2^256−1 base units of the match token"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Convert(&tc.entry, uint256.MustFromDecimal(tc.raw), tc.m)
			if err == nil || err.Error() != tc.want || !errors.Is(err, ErrConvert) {
				t.Fatalf("got %v, want %s", err, tc.want)
			}
		})
	}
}

const head = "token,chain,decimals,price,block,source\n"

func TestParseRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, file, data, want string
		is                     error
	}{
		{"negative price", "prices.csv", head + dai + ",1,18,-1.5,100,coingecko\n",
			"prices.csv:2: price: bad price: -1.5 is negative; a price is a positive decimal in match tokens", ErrPrice},
		{"too many decimals", "prices.csv", head + dai + ",1,18,0.1234567890123456789,100,coingecko\n",
			"prices.csv:2: price: bad price: 0.1234567890123456789 has 19 digits after the point; at most 18", ErrPrice},
		{"missing token", "prices.csv", head + "eth,1,18,3000,100,coingecko\n,1,18,1,100,coingecko\n",
			"prices.csv:3: token: bad field: missing: name the token (its address or symbol)", ErrField},
		{"duplicate token", "prices.csv", head + dai + ",1,18,1,100,coingecko\neth,1,18,3000,100,coingecko\n0x6B175474E89094C44Da98b954EedeAC495271d0F,1,18,1.01,200,coingecko\n",
			"prices.csv:4: token: token priced twice: " + dai + " on chain 1 is also at line 2; a ledger has one price per token and chain", ErrDuplicate},
		{"duplicate token in JSON", "prices.json", `[{"token":"ETH","decimals":18,"price":"3000","time":"1700000000","source":"s"},{"token":"eth","decimals":18,"price":3001,"time":"1700000001","source":"s"}]`,
			"prices.json: item 2: token: token priced twice: eth is also at item 1; a ledger has one price per token and chain", ErrDuplicate},
		{"zero price", "prices.csv", head + "eth,1,18,0.000,100,coingecko\n",
			"prices.csv:2: price: bad price: 0.000 is 0; a token without a price cannot be matched: leave it out", ErrPrice},
		{"price below 1e-8", "prices.csv", head + "shib,1,18,0.000000009,100,coingecko\n",
			"prices.csv:2: price: bad price: 0.000000009 is below 0.00000001, which the 8 decimals prices are used to make 0", ErrPrice},
		{"price with exponent", "prices.csv", head + "eth,1,18,3e3,100,coingecko\n",
			`prices.csv:2: price: bad price: "3e3" is not a decimal number (digits, at most one point, no exponent)`, ErrPrice},
		{"missing price", "prices.csv", head + "eth,1,18,,100,coingecko\n",
			"prices.csv:2: price: bad price: missing: one whole token's price in match tokens", ErrPrice},
		{"decimals above 77", "prices.csv", head + "eth,1,78,1,100,coingecko\n",
			`prices.csv:2: decimals: bad field: "78": want a whole number from 0 to 77`, ErrField},
		{"bad address", "prices.csv", head + "0x6b17,1,18,1,100,coingecko\n",
			`prices.csv:2: token: bad field: "0x6b17" starts with 0x but is not 0x and 40 hex digits`, ErrField},
		{"bad chain", "prices.csv", head + "eth,optimism,18,1,100,coingecko\n",
			`prices.csv:2: chain: bad field: "optimism": want a chain id (a whole number, e.g. 10 for Optimism)`, ErrField},
		{"no time or block", "prices.csv", head + "eth,1,18,1,,coingecko\n",
			"prices.csv:2: time: bad field: missing: give the time or the block the price is from", ErrField},
		{"bad time", "prices.json", `[{"token":"eth","decimals":18,"price":"1","time":"yesterday","source":"s"}]`,
			`prices.json: item 1: time: bad field: "yesterday": want RFC 3339 (2024-05-01T12:00:00Z) or unix seconds`, ErrField},
		{"missing source", "prices.csv", head + "eth,1,18,1,100,\n",
			"prices.csv:2: source: bad field: missing: say where the price is from (e.g. coingecko)", ErrField},
		{"missing column", "prices.csv", "token,decimals,price,block\neth,18,1,100\n",
			`prices.csv:1: source: bad header: missing column "source" (the header needs token,decimals,price,source and time or block; optional: chain,time,block,stable,match,vote_cap)`, ErrHeader},
		{"no time column", "prices.csv", "token,decimals,price,source\neth,18,1,s\n",
			`prices.csv:1: time: bad header: missing column "time" or "block": say when each price is from`, ErrHeader},
		{"no rows", "prices.csv", head, "prices.csv: no prices: the file lists no token", ErrEmpty},
		{"match token priced", "prices.csv", "token,decimals,price,block,source,match\nusdc,6,1.01,1,s,true\n",
			"prices.csv:2: price: bad price: 1.01: the match token's price is 1", ErrPrice},
		{"two match tokens", "prices.csv", "token,decimals,price,block,source,match\nusdc,6,1,1,s,true\ndai,18,1.0,1,s,true\n",
			"prices.csv:3: match: bad field: a second match token (the first is at line 2); a round has one", ErrField},
		{"negative vote cap", "prices.csv", "token,decimals,price,block,source,vote_cap\ngcv,18,1,1,s,-5\n",
			`prices.csv:2: vote_cap: bad field: "-5": want a positive whole number of the token's base units below 2^256`, ErrField},
		{"vote cap on the match token", "prices.csv", "token,decimals,price,block,source,match,vote_cap\nusdc,6,1,1,s,true,5\n",
			"prices.csv:2: vote_cap: bad field: the match token takes no vote cap", ErrField},
		{"bad stable", "prices.csv", "token,decimals,price,block,source,stable\nusdc,6,1,1,s,maybe\n",
			`prices.csv:2: stable: bad field: "maybe": want true or false`, ErrField},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.file, []byte(tc.data))
			if err == nil || err.Error() != tc.want {
				t.Fatalf("got  %v\nwant %s", err, tc.want)
			}
			if !errors.Is(err, tc.is) {
				t.Fatalf("%v is not %v", err, tc.is)
			}
		})
	}
}

func TestParseRoundTrip(t *testing.T) {
	data := "Token,Chain,Decimals,Price,Time,Block,Source,Stable,Match\n" +
		"0x6B175474E89094C44Da98b954EedeAC495271d0F, 1 ,18, 0.99985 ,2024-05-01T12:00:00Z,,coingecko,true,\n" +
		"ETH,1,18,3000.123456789,,19000000,coingecko,,\n" +
		"usdc,1,6,1,1714564800,,operator,,true\n"
	l, err := Parse("p.csv", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Token: dai, Chain: "1", Decimals: 18, Price: "0.99985", Stable: true, Time: "2024-05-01T12:00:00Z", Source: "coingecko"},
		{Token: "eth", Chain: "1", Decimals: 18, Price: "3000.123456789", Block: "19000000", Source: "coingecko"},
		{Token: "usdc", Chain: "1", Decimals: 6, Price: "1", Match: true, Time: "1714564800", Source: "operator"},
	}
	for i := range want {
		t.Run(want[i].Token, func(t *testing.T) {
			if l.Entries[i] != want[i] {
				t.Fatalf("got %+v, want %+v", l.Entries[i], want[i])
			}
		})
	}
	for i, want := range []bool{false, true, false} {
		if got := l.Entries[i].Truncated(); got != want {
			t.Fatalf("entry %d truncated %v, want %v", i, got, want)
		}
	}
	if got := l.Entries[1].Used(); got != "3000.12345678" {
		t.Fatalf("price used %s, want 3000.12345678", got)
	}
	back, err := Parse("prices.json", l.JSON())
	if err != nil {
		t.Fatal(err)
	}
	if string(back.JSON()) != string(l.JSON()) {
		t.Fatalf("JSON round trip changed the ledger:\n%s\n%s", l.JSON(), back.JSON())
	}
	if err := l.CheckRound(18); err == nil || err.Error() != "bad field: decimals: usdc on chain 1 is marked as the match token with 6 decimals, but the round's token has 18" {
		t.Fatalf("CheckRound: %v", err)
	}
}

func TestMerge(t *testing.T) {
	a, _ := Parse("a.csv", []byte(head+"eth,1,18,3000,100,cg\n"))
	same, _ := Parse("b.csv", []byte(head+"eth,1,18,3000,100,cg\ndai,1,18,1,100,cg\n"))
	other, _ := Parse("c.csv", []byte(head+"eth,1,18,3100,200,cg\n"))
	m, added, err := a.Merge(same)
	if err != nil || added != 1 || len(m.Entries) != 2 {
		t.Fatalf("merge: %v, %d added, %d entries", err, added, len(m.Entries))
	}
	if _, ok := m.Lookup("dai", "1"); !ok {
		t.Fatal("dai missing after merge")
	}
	_, _, err = m.Merge(other)
	if err == nil || err.Error() != "token priced twice: eth on chain 1 already has a stored price (3000, decimals 18, from cg); a stored price is final" {
		t.Fatalf("merge of another price: %v", err)
	}
}

func TestConverterTotals(t *testing.T) {
	l, err := Parse("p.csv", []byte(head+"eth,,18,2000,1,cg\ndai,,18,1,1,cg\n"))
	if err != nil {
		t.Fatal(err)
	}
	c := l.Converter(6, false)
	for _, x := range []struct{ token, raw string }{{"eth", "1000000000000000000"}, {"eth", "500000000000000000"}, {"dai", "3000000000000000000"}} {
		if _, err := c.Convert([]byte(x.token), nil, uint256.MustFromDecimal(x.raw)); err != nil {
			t.Fatal(err)
		}
	}
	c.Plain(uint256.NewInt(7))
	if _, err := c.Convert([]byte("wbtc"), nil, uint256.NewInt(1)); err == nil || err.Error() != "no price for token wbtc: the ledger has no price for it" {
		t.Fatalf("unknown token: %v", err)
	}
	if _, err := c.Convert([]byte("eth"), []byte("10"), uint256.NewInt(1)); err == nil || err.Error() != "no price for token eth on chain 10: the ledger prices it with [no chain]; give the same chain" {
		t.Fatalf("unknown chain: %v", err)
	}
	tot := c.Totals()
	want := []struct {
		token     string
		n         int
		amount    string
		converted string
	}{{"", 1, "7", "7"}, {"eth", 2, "1500000000000000000", "3000000000"}, {"dai", 1, "3000000000000000000", "3000000"}}
	if len(tot) != len(want) {
		t.Fatalf("%d totals, want %d", len(tot), len(want))
	}
	for i, w := range want {
		if tot[i].Token != w.token || tot[i].Contributions != w.n || tot[i].Amount != w.amount || tot[i].Converted != w.converted {
			t.Errorf("total %d: %+v, want %+v", i, tot[i], w)
		}
	}
}

// TestVoteCap: the indexer's own case (src/test/calculator/votes.test.ts,
// "returns capped vote if capping is defined for token"): a vote of 20
// GcV worth 50 match tokens, under a cap of 10 GcV, counts
// 50·10/20 = 25; grants-stack rounds apply it, others refuse the ledger.
func TestVoteCap(t *testing.T) {
	l, err := Parse("p.csv", []byte("token,decimals,price,block,source,vote_cap\ngcv,18,2.5,1,s,10000000000000000000\n"))
	if err != nil {
		t.Fatal(err)
	}
	raw := uint256.MustFromDecimal("20000000000000000000")
	for _, tc := range []struct {
		name string
		caps bool
		want string
	}{{"grants-stack applies it", true, "25000000000000000000"}, {"without caps the price alone", false, "50000000000000000000"}} {
		t.Run(tc.name, func(t *testing.T) {
			c := l.Converter(18, tc.caps)
			got, err := c.Convert([]byte("gcv"), nil, raw)
			if err != nil {
				t.Fatal(err)
			}
			if got.Dec() != tc.want {
				t.Fatalf("got %s, want %s", got.Dec(), tc.want)
			}
			if tot := c.Totals(); tot[0].Converted != tc.want || (tot[0].VoteCap != "") != tc.caps {
				t.Fatalf("totals %+v", tot[0])
			}
		})
	}
	t.Run("a vote counting 0 refused", func(t *testing.T) {
		tiny, _ := Parse("p.csv", []byte("token,decimals,price,block,source,vote_cap\ngcv,18,2.5,1,s,1\n"))
		_, err := tiny.Converter(6, true).Convert([]byte("gcv"), nil, raw)
		if err == nil || err.Error() != "cannot convert: 20000000000000000000 base units of gcv under its vote cap 1 count 0 base units of the match token: too small to count" {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("other mechanisms refuse it", func(t *testing.T) {
		if err := l.CheckMechanism("grants-stack"); err != nil {
			t.Fatal(err)
		}
		err := l.CheckMechanism("qf")
		if err == nil || err.Error() != "vote caps are the Grants Stack indexer's rule: gcv has vote_cap 10000000000000000000, which only the grants-stack mechanism applies (this round is qf)" {
			t.Fatalf("got %v", err)
		}
	})
}

// BenchmarkConvert: one row through a converter (the per-row cost a
// multi-token round adds to loading).
func BenchmarkConvert(b *testing.B) {
	l, err := Parse("p.csv", []byte(head+"eth,10,18,3000.123456789,1,cg\n"))
	if err != nil {
		b.Fatal(err)
	}
	c := l.Converter(6, false)
	raw := uint256.MustFromDecimal("1234567890123456789")
	token, chain := []byte("eth"), []byte("10")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Convert(token, chain, raw); err != nil {
			b.Fatal(err)
		}
	}
}

// TestFastConvertAgrees: the 256-bit path gives the big.Int reference's
// answer whenever it answers, over random amounts, prices and decimals
// (seeded: the same cases every run), edges included.
func TestFastConvertAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(22, 3))
	max := new(uint256.Int).SetAllOne()
	answered := 0
	for i := range 20000 {
		e := Entry{Token: "t", Decimals: uint8(r.IntN(78))}
		// a price of up to 40 digits before the point and 18 after
		whole := strconv.FormatUint(r.Uint64()>>uint(r.IntN(64)), 10)
		if r.IntN(4) == 0 {
			whole += strconv.FormatUint(r.Uint64(), 10) + strconv.FormatUint(r.Uint64(), 10)
		}
		frac := strconv.FormatUint(r.Uint64(), 10)
		e.Price = whole + "." + frac[:min(len(frac), 1+r.IntN(18))]
		if _, err := checkPrice(e.Price); err != nil {
			continue
		}
		var raw uint256.Int
		switch r.IntN(4) {
		case 0:
			raw.Set(max)
		case 1:
			raw.SetUint64(1 + r.Uint64()>>uint(r.IntN(64)))
		default:
			raw = uint256.Int{r.Uint64(), r.Uint64(), r.Uint64() >> uint(r.IntN(64)), r.Uint64() >> uint(r.IntN(64))}
		}
		m := uint8(r.IntN(78))
		var p8u uint256.Int
		p8u.SetFromBig(e.P8())
		want, err := Convert(&e, &raw, m)
		got, ok := fastConvert(&e, &p8u, &raw, m)
		if !ok {
			continue
		}
		answered++
		if err != nil || got != want {
			t.Fatalf("case %d: %s raw %s d %d m %d: fast %s, reference %s (%v)", i, e.Price, raw.Dec(), e.Decimals, m, got.Dec(), want.Dec(), err)
		}
	}
	if answered < 5000 {
		t.Fatalf("the fast path answered only %d cases", answered)
	}
}

func TestSumCarries(t *testing.T) {
	var s sum
	max := new(uint256.Int).SetAllOne()
	s.add(max)
	s.add(max)
	s.add(uint256.NewInt(3))
	// 2·(2^256−1) + 3 = 2^257 + 1
	if got, want := s.String(), "231584178474632390847141970017375815706539969331281128078915168015826259279873"; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}
