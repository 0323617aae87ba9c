package store

import (
	"encoding/json"

	"github.com/holiman/uint256"
)

// Hooks for matchsums_test.go (package store_test): damage an open
// round's statistics sums or check state as a bug or a bad disk might,
// each through a direct write of the record.

// DamageGapSums rewrites gap's sums record in round n with edit.
func (s *Store) DamageGapSums(n uint64, gap *uint256.Int, edit func(direct *uint256.Int, donors *int, roots *uint256.Int)) error {
	v, _, err := s.get(gapSumKey(n, gap))
	if err != nil {
		return err
	}
	g, err := decodeGapSum(v)
	if err != nil {
		return err
	}
	edit(&g.direct, &g.donors, &g.roots)
	return s.SetRaw(gapSumKey(n, gap), g.encode())
}

// DamageCell sets round n's cell (gap, donor) to total.
func (s *Store) DamageCell(n uint64, gap *uint256.Int, donor string, total *uint256.Int) error {
	return s.SetRaw(cellKey(n, gap, []byte(donor)), total.Bytes())
}

// DamageSumsHead rewrites round n's sums head with edit.
func (s *Store) DamageSumsHead(n uint64, edit func(contributions, voided, rows, donors *int)) error {
	h, _, err := s.readSumsHead(s.db, n)
	if err != nil {
		return err
	}
	edit(&h.Contributions, &h.Voided, &h.Rows, &h.Donors)
	v, err := json.Marshal(h)
	if err != nil {
		return err
	}
	return s.SetRaw(roundKey(prefixSumsHead, n), v)
}

// DamageCheckState rewrites round n's check state with edit.
func (s *Store) DamageCheckState(n uint64, edit func(contributions, voided *uint64, plain *bool, total *uint256.Int)) error {
	v, _, err := s.get(roundKey(prefixChecks, n))
	if err != nil {
		return err
	}
	c, _ := decodeCheckState(v)
	edit(&c.contributions, &c.voided, &c.plain, &c.total)
	return s.SetRaw(roundKey(prefixChecks, n), c.encode())
}
