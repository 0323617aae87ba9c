package ingest

import (
	"errors"
	"fmt"

	"github.com/qf-dev/qf/price"
)

// ErrTokenUnits reports a contribution in a token other than the match
// token whose amount was read in whole tokens: such amounts are always in
// the token's own base units.
var ErrTokenUnits = errors.New("amounts in another token are in its base units")

// tokenFields reads a row's token and chain columns into r. A chain is
// kept only with a token (a row without one is in the match token).
// decimals is the unit the amount was read in: a row with a token must
// have been read in base units.
func tokenFields(r *Row, token, chain []byte, decimals uint8) (string, error) {
	t := trim(token)
	if len(t) == 0 {
		return "", nil
	}
	tok, err := price.ParseToken(string(t))
	if err != nil {
		return "token", err
	}
	ch, err := price.ParseChain(string(chain))
	if err != nil {
		return "chain", err
	}
	if decimals != 0 {
		return "amount", fmt.Errorf("%w: a contribution in %s gives its amount in %s's base units",
			ErrTokenUnits, price.Name(tok, ch), tok)
	}
	r.Token = []byte(tok)
	if ch != "" {
		r.Chain = []byte(ch)
	}
	return "", nil
}
