package ledger

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/holiman/uint256"
	"github.com/qf-dev/qf/store"
)

// IdempotencyTTL is how long a fund's idempotency key is kept: a retry
// within it returns the first receipt; after it the key is forgotten and
// may be used again (a retry that late moves tokens again). Each match
// deletes the expired records (up to 100,000 at a time).
const IdempotencyTTL = 24 * time.Hour

type idemRecord struct {
	Request string    `json:"request"` // the route and canonical body asked
	Receipt Receipt   `json:"receipt"`
	At      time.Time `json:"at,omitzero"` // zero: kept before keys expired
}

// fundRequestText is a fund's route and canonical body, what an
// idempotency key is bound to.
func fundRequestText(gap, amount *uint256.Int) string {
	return "POST /api/gaps/" + gap.Dec() + "/fund {\"amount\":\"" + amount.Dec() + "\"}"
}

// maxPrune bounds the expired idempotency records one match deletes.
const maxPrune = 100_000

// expiredKeys lists the idempotency records older than IdempotencyTTL at
// at (up to maxPrune), for a match to delete: read from a snapshot,
// outside the ledger's lock.
func expiredKeys(s *store.Store, at time.Time) ([][]byte, error) {
	it, err := s.NewIter([]byte{store.PrefixIdempotency}, []byte{store.PrefixIdempotency + 1})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out [][]byte
	for it.First(); it.Valid() && len(out) < maxPrune; it.Next() {
		var rec struct {
			At time.Time `json:"at"`
		}
		if err := json.Unmarshal(it.Value(), &rec); err != nil {
			return nil, fmt.Errorf("idempotency record %q: %w", it.Key(), err)
		}
		if !rec.At.IsZero() && at.Sub(rec.At) >= IdempotencyTTL {
			out = append(out, append([]byte(nil), it.Key()...))
		}
	}
	return out, it.Error()
}
