package ingest

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/qf-dev/qf/calc"
)

// GapEntry is one registry row with its position.
type GapEntry struct {
	calc.Gap
	Line int
}

// Gaps parses a gap registry (CSV gap,recipient or a JSON array of
// {"gap","recipient"}). A gap listed twice is an error naming both lines.
func Gaps(file string, data []byte) ([]GapEntry, error) {
	var out []GapEntry
	seen := map[string]int{}
	add := func(pos int, item bool, g, r string) error {
		id, err := calc.ParseGap(strings.TrimSpace(g))
		if err != nil {
			return &Error{File: file, Line: pos, Item: item, Field: "gap", Err: err}
		}
		addr, err := ParseAddress(r)
		if err != nil {
			return &Error{File: file, Line: pos, Item: item, Field: "recipient", Err: err}
		}
		if first, dup := seen[id.Dec()]; dup {
			return &Error{File: file, Line: pos, Item: item, Field: "gap", Err: fmt.Errorf("%w: %s is already listed at %d", calc.ErrDuplicateGap, id.Dec(), first)}
		}
		seen[id.Dec()] = pos
		out = append(out, GapEntry{Gap: calc.Gap{ID: id, Recipient: addr}, Line: pos})
		return nil
	}
	if isJSON(data) {
		var items []struct {
			Gap       jsonScalar `json:"gap"`
			Recipient string     `json:"recipient"`
		}
		if err := json.Unmarshal(data, &items); err != nil {
			return nil, &Error{File: file, Err: fmt.Errorf("not a JSON array of gaps: %v", err)}
		}
		for i, it := range items {
			if err := add(i+1, true, string(it.Gap), it.Recipient); err != nil {
				return nil, err
			}
		}
	} else {
		l := &lines{data: data}
		cols, err := header(file, l, []string{"gap", "recipient"}, nil)
		if err != nil {
			return nil, err
		}
		iG, iR := cols["gap"], cols["recipient"]
		for {
			fields, line, err := l.next()
			if err != nil {
				return nil, &Error{File: file, Line: line, Err: err}
			}
			if fields == nil {
				break
			}
			if len(fields) <= max(iG, iR) {
				return nil, &Error{File: file, Line: line, Err: fmt.Errorf("%w: %d fields, want gap and recipient", ErrColumns, len(fields))}
			}
			if err := add(line, false, string(fields[iG]), string(fields[iR])); err != nil {
				return nil, err
			}
		}
	}
	if len(out) == 0 {
		return nil, &Error{File: file, Err: fmt.Errorf("%w: no gaps", ErrEmpty)}
	}
	return out, nil
}

// ParseAddress parses a recipient: 0x and 40 hex digits, in lower or upper
// case or in mixed case that passes its EIP-55 checksum (a mixed-case
// address that fails it is most likely mistyped), and not the zero address
// (a payout to it is burnt).
func ParseAddress(s string) (common.Address, error) {
	s = strings.TrimSpace(s)
	if len(s) != 42 || !(strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X")) || !common.IsHexAddress(s) {
		return common.Address{}, fmt.Errorf("%w: %q", ErrAddress, s)
	}
	if err := calc.CheckAddressCase(s); err != nil {
		return common.Address{}, fmt.Errorf("%w: %w", ErrRecipient, err)
	}
	a := common.HexToAddress(s)
	if a == (common.Address{}) {
		return common.Address{}, fmt.Errorf("%w: %q is the zero address, whose payouts nobody can spend", ErrRecipient, s)
	}
	return a, nil
}
