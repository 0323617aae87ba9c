package service

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// fundBodyBoth decodes b with decodeFund and with the strict decoder alone
// and fails unless they agree: same amount, same from, same error.
func fundBodyBoth(t *testing.T, b string) (fundBody, error) {
	t.Helper()
	w := httptest.NewRecorder()
	fast, ferr := decodeFund(w, httptest.NewRequest("POST", "/api/gaps/1/fund", strings.NewReader(b)))
	var strict fundBody
	serr := decodeBytes([]byte(b), &strict)
	if serr != nil || ferr != nil {
		require.Equal(t, errText(serr), errText(ferr), "body %q", b)
		return fast, ferr
	}
	require.Equal(t, strict.From, fast.From, "body %q", b)
	require.Equal(t, strict.Amount == nil, fast.Amount == nil, "body %q", b)
	if strict.Amount != nil {
		require.Equal(t, strict.Amount.Dec(), fast.Amount.Dec(), "body %q", b)
	}
	return fast, nil
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestDecodeFundFastPath(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		fast       bool   // taken by plainAmount
		amount     string // "" if none
		err        string
	}{
		{"plain", `{"amount":"7"}`, true, "7", ""},
		{"2^256-1", `{"amount":"115792089237316195423570985008687907853269984665640564039457584007913129639935"}`, true, "115792089237316195423570985008687907853269984665640564039457584007913129639935", ""},
		{"zero (refused later as not positive)", `{"amount":"0"}`, true, "0", ""},
		{"2^256", `{"amount":"115792089237316195423570985008687907853269984665640564039457584007913129639936"}`, false, "",
			`malformed JSON body: amount "115792089237316195423570985008687907853269984665640564039457584007913129639936": over 2^256-1`},
		{"leading zero", `{"amount":"007"}`, false, "", `malformed JSON body: amount "007": want a positive integer in base units, in digits only (no sign, leading zero, exponent, fraction or space)`},
		{"sign", `{"amount":"+5"}`, false, "", `malformed JSON body: amount "+5": want a positive integer in base units, in digits only (no sign, leading zero, exponent, fraction or space)`},
		{"empty digits", `{"amount":""}`, false, "", `malformed JSON body: amount "": want a positive integer in base units, in digits only (no sign, leading zero, exponent, fraction or space)`},
		{"escaped digit", `{"amount":"\u0037"}`, false, "7", ""},
		{"number, not string", `{"amount":7}`, false, "7", ""},
		{"spaces", `{ "amount": "7" }`, false, "7", ""},
		{"trailing newline", "{\"amount\":\"7\"}\n", false, "7", ""},
		{"with from", `{"amount":"7","from":"a0"}`, false, "7", ""},
		{"key twice", `{"amount":"7","amount":"8"}`, false, "", `malformed JSON body: key "amount" given twice`},
		{"case variant", `{"Amount":"7"}`, false, "", `malformed JSON body: unknown field "Amount" (did you mean "amount"? field names are case-sensitive)`},
		{"data after", `{"amount":"7"}{}`, false, "", "malformed JSON body: data after the object"},
		{"quote inside", `{"amount":"7"}"}`, false, "", "malformed JSON body: data after the object"},
		{"empty", ``, false, "", `empty body: want JSON like {"amount":"1000"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, fast := plainAmount([]byte(tc.body))
			require.Equal(t, tc.fast, fast)
			got, err := fundBodyBoth(t, tc.body)
			if tc.err != "" {
				require.EqualError(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			if tc.amount == "" {
				require.Nil(t, got.Amount)
			} else {
				require.Equal(t, tc.amount, got.Amount.Dec())
			}
		})
	}
}

// FuzzDecodeFund: the fast path never disagrees with the strict decoder.
//
//	go test ./service -run XXX -fuzz FuzzDecodeFund -fuzztime 200000x
func FuzzDecodeFund(f *testing.F) {
	for _, s := range []string{`{"amount":"7"}`, `{"amount":"007"}`, `{"amount":"1e3"}`, `{"amount":" 5"}`,
		`{"amount":"5","amount":"6"}`, `{"amount":"99999999999999999999999999999999999999999999999999999999999999999999999999999999"}`,
		`{"amount":"7"}"}`, `{"amount":"7\"}`, `{"amount":"٣"}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b string) {
		if len(b) > MaxBody {
			return
		}
		_, _ = fundBodyBoth(t, b)
	})
}
