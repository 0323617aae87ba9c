package store

import (
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
)

// Gap looks one gap up in the registry.
func (s *Store) Gap(id *uint256.Int) (calc.Gap, bool, error) {
	v, ok, err := s.get(gapKey(id))
	if err != nil || !ok {
		return calc.Gap{}, ok, err
	}
	return decodeGap(id, v), true, nil
}
