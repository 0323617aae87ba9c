package store

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/cockroachdb/pebble/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/record"
)

// A gap's value is its recipient (20 bytes), followed by its Allo v2
// recipientId (20 bytes) when it has one: registries written before
// recipientIds read back unchanged.

func gapValue(g *calc.Gap) []byte {
	if g.RecipientID == (common.Address{}) {
		return g.Recipient[:]
	}
	return append(append(make([]byte, 0, 40), g.Recipient[:]...), g.RecipientID[:]...)
}

func decodeGap(id *uint256.Int, v []byte) calc.Gap {
	g := calc.Gap{ID: *id, Recipient: common.BytesToAddress(v[:min(len(v), 20)])}
	if len(v) >= 40 {
		g.RecipientID = common.BytesToAddress(v[20:40])
	}
	return g
}

// gapString names a gap's recipient and recipientId (if any).
func gapString(g *calc.Gap) string {
	if g.RecipientID == (common.Address{}) {
		return g.Recipient.Hex() + " (no recipientId)"
	}
	return g.Recipient.Hex() + " (recipientId " + g.RecipientID.Hex() + ")"
}

// payee names a gap's recipient, with its recipientId if it has one.
func payee(g *calc.Gap) string {
	if g.RecipientID == (common.Address{}) {
		return g.Recipient.Hex()
	}
	return gapString(g)
}

// AddGaps registers gaps in one batch. Re-registering a gap to the same
// recipient and recipientId is a no-op; to a different one it is an error
// and nothing is stored. It returns how many gaps were new.
func (s *Store) AddGaps(gaps []calc.Gap) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.db.NewBatch()
	defer b.Close()
	added := 0
	seen := map[uint256.Int]bool{}
	for _, g := range gaps {
		if seen[g.ID] {
			return 0, fmt.Errorf("%w: gap %s listed twice", calc.ErrDuplicateGap, g.ID.Dec())
		}
		seen[g.ID] = true
		v, ok, err := s.get(gapKey(&g.ID))
		if err != nil {
			return 0, err
		}
		if ok {
			if !bytes.Equal(v, gapValue(&g)) {
				have := decodeGap(&g.ID, v)
				if have.Recipient == g.Recipient {
					return 0, fmt.Errorf("%w: gap %s is registered to %s, not %s: %w", ErrGapExists, g.ID.Dec(), gapString(&have), gapString(&g), ErrRecipientID)
				}
				return 0, fmt.Errorf("%w: gap %s is registered to %s, not %s", ErrGapExists, g.ID.Dec(), common.BytesToAddress(v[:20]).Hex(), g.Recipient.Hex())
			}
			continue
		}
		if err := b.Set(gapKey(&g.ID), gapValue(&g), nil); err != nil {
			return 0, err
		}
		added++
	}
	return added, s.commitLocked(b) // s.mu is held above
}

// Gaps returns the registry in ascending gap order.
func (s *Store) Gaps() ([]calc.Gap, error) {
	it, err := s.rd.NewIter(&pebble.IterOptions{LowerBound: []byte{prefixGap}, UpperBound: []byte{prefixGap + 1}})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out []calc.Gap
	for it.First(); it.Valid(); it.Next() {
		var id uint256.Int
		id.SetBytes32(it.Key()[1:])
		out = append(out, decodeGap(&id, it.Value()))
	}
	return out, it.Error()
}

// ErrGapInUse reports changing the recipient of a gap that a closed round
// pays.
var ErrGapInUse = errors.New("gap is in a closed round")

// SetGap changes a registered gap's recipient and recipientId, while no
// closed round depends on it: no closed or submitted round has a (not
// voided) contribution to it, since such a round's results and tree name
// the old recipient and are final. Open rounds take the new recipient when
// they are computed. It returns the previous entry; setting the same one
// changes nothing.
func (s *Store) SetGap(g calc.Gap) (calc.Gap, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok, err := s.get(gapKey(&g.ID))
	if err != nil {
		return calc.Gap{}, err
	}
	if !ok {
		return calc.Gap{}, &UnregisteredGapError{ID: g.ID}
	}
	prev := decodeGap(&g.ID, v)
	if prev == g {
		return prev, nil
	}
	rounds, err := s.Rounds()
	if err != nil {
		return prev, err
	}
	errFound := errors.New("found")
	for _, r := range rounds {
		if r.Status == StatusOpen {
			// Deferred sums hold only the recipients' own cells: the new
			// recipient's is among the others, made first.
			if err := s.completeDeferred(r); err != nil {
				return prev, err
			}
			continue
		}
		err := s.EachContribution(r.Number, func(row *record.Contribution) error {
			if row.Gap == g.ID {
				return errFound
			}
			return nil
		})
		if errors.Is(err, errFound) {
			return prev, fmt.Errorf("%w: round %d is %s and pays gap %s's recipient %s; a closed round's recipients are final (register a new gap for the new recipient)",
				ErrGapInUse, r.Number, r.Status, g.ID.Dec(), payee(&prev))
		}
		if err != nil {
			return prev, err
		}
	}
	return prev, s.setLocked(gapKey(&g.ID), gapValue(&g)) // s.mu is held above
}
