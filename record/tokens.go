package record

import (
	"errors"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/price"
)

// MatchAmount is r's amount in the match token's base units: as it is for
// a row without a token, converted by conv (which counts it) for one with.
// A row with a token and no conv (the round has no price ledger) is
// refused.
func MatchAmount(conv *price.Converter, r *Contribution) (*uint256.Int, error) {
	if len(r.Token) == 0 {
		if conv != nil {
			conv.Plain(&r.Amount)
		}
		return &r.Amount, nil
	}
	if conv == nil {
		return nil, &FieldError{Field: "token", Err: price.UnknownToken(nil, string(r.Token), string(r.Chain))}
	}
	a, err := conv.Convert(r.Token, r.Chain, &r.Amount)
	if err != nil {
		field := "token"
		if errors.Is(err, price.ErrConvert) {
			field = "amount"
		}
		return nil, &FieldError{Field: field, Err: err}
	}
	return &a, nil
}
