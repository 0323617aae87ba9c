package ingest

import (
	"encoding/json"
	"errors"
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
// {"gap","recipient"}), with an optional Allo v2 recipientId per gap: a
// third CSV column recipient_id (or allo_recipient_id), empty for none, or
// a JSON "recipientId". A gap listed twice is an error naming both lines.
func Gaps(file string, data []byte) ([]GapEntry, error) {
	var out []GapEntry
	seen := map[string]int{}
	add := func(pos int, item bool, g, r, rid, ridField string) error {
		id, err := calc.ParseGap(strings.TrimSpace(g))
		if err != nil {
			return &Error{File: file, Line: pos, Item: item, Field: "gap", Err: err}
		}
		addr, err := ParseAddress(r)
		if err != nil {
			return &Error{File: file, Line: pos, Item: item, Field: "recipient", Err: err}
		}
		rcptID, err := ParseRecipientID(rid)
		if err != nil {
			return &Error{File: file, Line: pos, Item: item, Field: ridField, Err: err}
		}
		if first, dup := seen[id.Dec()]; dup {
			return &Error{File: file, Line: pos, Item: item, Field: "gap", Err: fmt.Errorf("%w: %s is already listed at %d", calc.ErrDuplicateGap, id.Dec(), first)}
		}
		seen[id.Dec()] = pos
		out = append(out, GapEntry{Gap: calc.Gap{ID: id, Recipient: addr, RecipientID: rcptID}, Line: pos})
		return nil
	}
	if isJSON(data) {
		var items []struct {
			Gap         jsonScalar `json:"gap"`
			Recipient   string     `json:"recipient"`
			RecipientID string     `json:"recipientId"`
		}
		if err := json.Unmarshal(data, &items); err != nil {
			return nil, &Error{File: file, Err: fmt.Errorf("not a JSON array of gaps: %v", err)}
		}
		for i, it := range items {
			if err := add(i+1, true, string(it.Gap), it.Recipient, it.RecipientID, "recipientId"); err != nil {
				return nil, err
			}
		}
	} else {
		l := &lines{data: data}
		cols, err := header(file, l, []string{"gap", "recipient"}, []string{"recipient_id"})
		if err != nil {
			return nil, err
		}
		iG, iR := cols["gap"], cols["recipient"]
		iID, idName := col(cols, "recipient_id"), "recipient_id"
		if alt := col(cols, "allo_recipient_id"); alt >= 0 {
			if iID >= 0 {
				return nil, &Error{File: file, Field: "allo_recipient_id", Err: fmt.Errorf("%w: columns recipient_id and allo_recipient_id are the same; keep one", ErrHeader)}
			}
			iID, idName = alt, "allo_recipient_id"
		}
		for {
			fields, line, err := l.next()
			if err != nil {
				return nil, &Error{File: file, Line: line, Err: err}
			}
			if fields == nil {
				break
			}
			if len(fields) <= max(iG, iR, iID) {
				want := "gap and recipient"
				if iID >= 0 {
					want = "gap, recipient and " + idName + " (empty for none)"
				}
				return nil, &Error{File: file, Line: line, Err: fmt.Errorf("%w: %d fields, want %s", ErrColumns, len(fields), want)}
			}
			rid := ""
			if iID >= 0 {
				rid = string(fields[iID])
			}
			if err := add(line, false, string(fields[iG]), string(fields[iR]), rid, idName); err != nil {
				return nil, err
			}
		}
	}
	if len(out) == 0 {
		return nil, &Error{File: file, Err: fmt.Errorf("%w: no gaps", ErrEmpty)}
	}
	return out, nil
}

// ParseRecipientID parses an optional Allo v2 recipientId: empty (or
// blank) for none, which it returns as the zero address; otherwise an
// address as [ParseAddress] takes it. The zero address itself is refused,
// since it would be read back as "none".
func ParseRecipientID(s string) (common.Address, error) {
	if strings.TrimSpace(s) == "" {
		return common.Address{}, nil
	}
	a, err := ParseAddress(s)
	if errors.Is(err, ErrRecipient) && common.HexToAddress(strings.TrimSpace(s)) == (common.Address{}) {
		return common.Address{}, fmt.Errorf("%w: recipientId %q is the zero address; leave it empty for none", ErrRecipient, strings.TrimSpace(s))
	}
	return a, err
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
