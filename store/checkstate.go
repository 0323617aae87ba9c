package store

import (
	"encoding/binary"
	"fmt"

	"github.com/cockroachdb/pebble/v2"
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/cqf"
	"github.com/qf-dev/qf/record"
)

// checkState is the round state an import's checks ([record.Checker])
// start from, kept under prefixChecks beside the round's record and
// written in the same batch or ingest as the rows it sums. It holds only
// when the round's record still counts contributions and voids (any other
// writer — the service's funds, a void — changes a count and so makes it
// stale), and it is used only when plain: no stored row has a weight, a
// score under a score scale, a token (whose match amount follows the
// price ledger), and the round is not coordinated QF (whose checker sums
// per pledger and gap). Otherwise the checker is loaded from every stored
// row, as before the state was kept (and for databases written before).
type checkState struct {
	contributions, voided uint64
	plain                 bool
	total                 uint256.Int
}

// encode is uvarint contributions, uvarint voided, a plain byte (1 or 0),
// then the total as 32 bytes big-endian.
func (c *checkState) encode() []byte {
	v := binary.AppendUvarint(nil, c.contributions)
	v = binary.AppendUvarint(v, c.voided)
	p := byte(0)
	if c.plain {
		p = 1
	}
	v = append(v, p)
	t := c.total.Bytes32()
	return append(v, t[:]...)
}

func decodeCheckState(v []byte) (checkState, bool) {
	var c checkState
	var k int
	if c.contributions, k = binary.Uvarint(v); k <= 0 {
		return c, false
	}
	v = v[k:]
	if c.voided, k = binary.Uvarint(v); k <= 0 {
		return c, false
	}
	v = v[k:]
	if len(v) != 33 || v[0] > 1 {
		return c, false
	}
	c.plain = v[0] == 1
	c.total.SetBytes(v[1:])
	return c, true
}

// putCheckState adds round r's check state after an import to b (nil: the
// returned value only).
func putCheckState(b *pebble.Batch, r Round, chk *record.Checker, plain bool) ([]byte, error) {
	c := checkState{contributions: uint64(r.Contributions), voided: uint64(r.Voided), plain: plain && chk.Plain(), total: chk.Total()}
	v := c.encode()
	if b == nil {
		return v, nil
	}
	return v, b.Set(roundKey(prefixChecks, r.Number), v, nil)
}

// plainRow reports whether a row leaves a round's check state plain.
func plainRow(row *record.Contribution) bool { return len(row.Token) == 0 }

// loadChecker returns round r's checker with its stored rows taken, and
// whether they are plain (see [checkState]): from the round's check state
// when it holds and is plain, else from every stored row.
func (s *Store) loadChecker(r Round) (*record.Checker, bool, error) {
	if r.Config.Mechanism != calc.CQFName && r.Contributions > 0 {
		v, ok, err := s.get(roundKey(prefixChecks, r.Number))
		if err != nil {
			return nil, false, err
		}
		if ok {
			if c, ok := decodeCheckState(v); ok && c.plain && c.contributions == uint64(r.Contributions) && c.voided == uint64(r.Voided) {
				chk, err := s.newChecker(r)
				if err != nil {
					return nil, false, err
				}
				chk.SetTotal(&c.total)
				return chk, true, nil
			}
		}
	}
	return s.checker(r)
}

// newChecker returns round r's checker with no row taken.
func (s *Store) newChecker(r Round) (*record.Checker, error) {
	var scale *calc.ScoreScale
	var err error
	if r.Config.ScoreScale != "" {
		if scale, err = calc.ParseScoreScale(r.Config.ScoreScale); err != nil {
			return nil, err
		}
	}
	chk := record.NewChecker(scale)
	if chk.Prices, err = s.converter(r); err != nil {
		return nil, err
	}
	if r.Config.Mechanism == calc.CQFName {
		chk.LimitPledges(cqf.MaxLimit)
	}
	return chk, nil
}

// checker returns a round's checker loaded with its stored, not voided,
// rows, and whether they are plain (no token). A stored row that fails
// (written by a version that checked less) is reported with what to do
// about it.
func (s *Store) checker(r Round) (*record.Checker, bool, error) {
	chk, err := s.newChecker(r)
	if err != nil {
		return nil, false, err
	}
	plain := true
	if r.Contributions == 0 {
		return chk, plain, nil
	}
	err = s.EachContribution(r.Number, func(row *record.Contribution) error {
		where := "" // named only by the weight and score checks: no Sprintf per plain row
		if len(row.Weight) > 0 || len(row.Score) > 0 {
			where = fmt.Sprintf("in stored row %q", row.ID)
		}
		if err := chk.Stored(row, where); err != nil {
			return &BadRowError{Round: r.Number, ID: string(row.ID), Err: err}
		}
		plain = plain && plainRow(row)
		return nil
	})
	return chk, plain, err
}
