package service

import (
	"bytes"
	"net/http"
)

// fundBody is POST /api/gaps/{gap}/fund's body.
type fundBody struct {
	Amount *amount `json:"amount"`
	From   string  `json:"from,omitempty"` // optional; must be the caller
}

// decodeFund reads a fund body. The body almost every client sends,
// exactly {"amount":"DIGITS"} with DIGITS canonical (no sign, leading
// zero, space or exponent) and under 2^256, is read directly: the strict
// decoder's two passes were a tenth of the fund handler's own CPU. Every
// other body, including any spacing or key order, goes through [decode],
// so what is accepted and refused, and the errors, are the same.
func decodeFund(w http.ResponseWriter, r *http.Request) (fundBody, error) {
	var body fundBody
	b, err := readBody(w, r)
	if err != nil {
		return body, err
	}
	if a, ok := plainAmount(b); ok {
		body.Amount = a
		return body, nil
	}
	return body, decodeBytes(b, &body)
}

var (
	amountPrefix = []byte(`{"amount":"`)
	amountSuffix = []byte(`"}`)
)

// plainAmount parses b if it is exactly {"amount":"DIGITS"} with DIGITS a
// canonical decimal under 2^256; ok false sends it to the strict decoder.
func plainAmount(b []byte) (*amount, bool) {
	digits, ok := bytes.CutPrefix(b, amountPrefix)
	if !ok {
		return nil, false
	}
	if digits, ok = bytes.CutSuffix(digits, amountSuffix); !ok || len(digits) > 78 || !canonicalDecimal(string(digits)) {
		return nil, false
	}
	a := new(amount)
	if err := a.SetFromDecimal(string(digits)); err != nil {
		return nil, false // over 2^256-1: the strict decoder says so
	}
	return a, true
}
