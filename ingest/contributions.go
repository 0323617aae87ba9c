package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/record"
)

// Row is one contribution (the record type shared with the store). Byte
// slices are only valid during the callback.
type Row = record.Contribution

// Options control how amounts are read.
type Options struct {
	// Decimals lets amounts be written in whole tokens ("1.5"); 0 means base units.
	Decimals uint8
	// Progress, if set, is called now and then with the bytes read so far.
	Progress func(done int)
}

// ContributionColumns are the CSV columns: required, then optional.
var ContributionColumns = [2][]string{{"donor", "gap", "amount"}, {"id", "weight", "score", "token", "chain"}}

// contributionCols are the positions of a contributions file's columns
// (-1 for an absent optional one) and the number of fields a row needs.
type contributionCols struct{ donor, gap, amount, id, weight, score, token, chain, need int }

// contributionHeader reads the header line of a contributions CSV file.
func contributionHeader(file string, l *lines) (contributionCols, error) {
	cols, err := header(file, l, ContributionColumns[0], ContributionColumns[1])
	if err != nil {
		return contributionCols{}, err
	}
	c := contributionCols{donor: cols["donor"], gap: cols["gap"], amount: cols["amount"],
		id: col(cols, "id"), weight: col(cols, "weight"), score: col(cols, "score"), token: col(cols, "token"), chain: col(cols, "chain")}
	c.need = max(c.donor, c.gap, c.amount, c.id, c.weight, c.score, c.token, c.chain) + 1
	return c, nil
}

// Contributions parses a contributions file (CSV or JSON, by content) and
// calls fn for each row in order. An error from fn stops the scan and is
// returned wrapped with the row's position.
func Contributions(file string, data []byte, opts Options, fn func(*Row) error) error {
	if isJSON(data) {
		return contributionsJSON(file, data, opts, fn)
	}
	l := &lines{data: data}
	cols, err := contributionHeader(file, l)
	if err != nil {
		return err
	}
	n, err := csvRows(file, l, cols, opts, fn, true)
	if err != nil {
		return err
	}
	if n == 0 {
		return &Error{File: file, Err: fmt.Errorf("%w: the file has a header but no contributions", ErrEmpty)}
	}
	return nil
}

// csvRows calls fn for each row l has left, in order, and returns how
// many it read; with progress, opts.Progress is called every 65536 rows.
// It is the whole scan of [Contributions] after the header, and of each
// part of [ContributionParts].
func csvRows(file string, l *lines, cols contributionCols, opts Options, fn func(*Row) error, progress bool) (int, error) {
	iDonor, iGap, iAmount, iID, iWeight, iScore, need := cols.donor, cols.gap, cols.amount, cols.id, cols.weight, cols.score, cols.need
	var row Row
	var donorBuf [42]byte
	sums := checksums{}
	n := 0
	for {
		fields, line, err := l.next()
		if err != nil {
			return n, &Error{File: file, Line: line, Err: err}
		}
		if fields == nil {
			break
		}
		if len(fields) < need {
			return n, &Error{File: file, Line: line, Err: fmt.Errorf("%w: %d fields, the header has %d columns", ErrColumns, len(fields), need)}
		}
		row = Row{Line: line}
		if iID >= 0 {
			row.ID = bytes.TrimSpace(fields[iID])
		}
		if row.Donor, err = donor(fields[iDonor], &donorBuf, sums); err != nil {
			return n, &Error{File: file, Line: line, Field: "donor", Err: err}
		}
		if err := gap(fields[iGap], &row.Gap); err != nil {
			return n, &Error{File: file, Line: line, Field: "gap", Err: err}
		}
		if err := amount(fields[iAmount], opts.Decimals, &row.Amount); err != nil {
			return n, &Error{File: file, Line: line, Field: "amount", Err: err}
		}
		if iWeight >= 0 {
			row.Weight = bytes.TrimSpace(fields[iWeight])
		}
		if iScore >= 0 {
			row.Score = bytes.TrimSpace(fields[iScore])
		}
		if cols.token >= 0 {
			var chain []byte
			if cols.chain >= 0 {
				chain = fields[cols.chain]
			}
			if field, err := tokenFields(&row, fields[cols.token], chain, opts.Decimals); err != nil {
				return n, &Error{File: file, Line: line, Field: field, Err: err}
			}
		}
		if err := fn(&row); err != nil {
			return n, wrapRowErr(file, line, false, err)
		}
		n++
		if progress && opts.Progress != nil && n&0xffff == 0 {
			opts.Progress(l.pos)
		}
	}
	return n, nil
}

// wrapRowErr attaches a position to a consumer's error, keeping a field the
// consumer named with [FieldError].
func wrapRowErr(file string, line int, item bool, err error) error {
	if fe, ok := err.(*FieldError); ok {
		return &Error{File: file, Line: line, Item: item, Field: fe.Field, Err: fe.Err}
	}
	return &Error{File: file, Line: line, Item: item, Err: err}
}

// FieldError lets a row callback blame a field (e.g. "gap" for an unknown gap).
type FieldError = record.FieldError

// donor canonicalizes without allocating for addresses; sums caches the
// checksums of mixed-case ones.
func donor(b []byte, buf *[42]byte, sums checksums) ([]byte, error) {
	b = bytes.TrimSpace(b)
	if lowerHexAddr(b) { // the common case, 8 characters at a time
		copy(buf[:], b)
		buf[1] = 'x'
		return buf[:], nil
	}
	if len(b) == 42 && b[0] == '0' && (b[1] == 'x' || b[1] == 'X') {
		buf[0], buf[1] = '0', 'x'
		ok := true
		lower, upper := 0, 0
		for i := 2; i < 42; i++ {
			c := b[i]
			switch {
			case c >= '0' && c <= '9':
			case c >= 'a' && c <= 'f':
				lower++
			case c >= 'A' && c <= 'F':
				c += 'a' - 'A'
				upper++
			default:
				ok = false
			}
			buf[i] = c
		}
		if ok && (lower == 0 || upper == 0) {
			return buf[:], nil
		}
		var a [20]byte
		if ok && hexAddr(b, &a) && sums.ok(b, &a) {
			return buf[:], nil
		}
	}
	s, err := calc.NormalizeDonor(string(b)) // checks a mixed-case address's checksum
	return []byte(s), err
}

func gap(b []byte, z *uint256.Int) error {
	b = trim(b)
	if v, ok := parseUint(b); ok {
		z.SetUint64(v)
		return nil
	}
	g, err := calc.ParseGap(string(b))
	*z = g
	return err
}

func amount(b []byte, decimals uint8, z *uint256.Int) error {
	b = trim(b)
	if v, ok := parseUint(b); ok && decimals == 0 {
		z.SetUint64(v)
	} else if hi, lo, ok := parseUint128(b); ok && decimals == 0 {
		*z = uint256.Int{lo, hi, 0, 0}
	} else {
		a, err := calc.ParseAmount(string(b), decimals)
		if err != nil {
			return err
		}
		*z = a
	}
	if z.IsZero() {
		return calc.ErrZeroAmount
	}
	return nil
}

// jsonScalar accepts "123" or 123.
type jsonScalar string

func (s *jsonScalar) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var str string
		if err := json.Unmarshal(b, &str); err != nil {
			return err
		}
		*s = jsonScalar(str)
		return nil
	}
	if string(b) == "null" {
		return nil
	}
	if _, err := strconv.ParseFloat(string(b), 64); err != nil { // syntax check only; the text is kept exactly
		return fmt.Errorf("not a number or string: %s", b)
	}
	*s = jsonScalar(b)
	return nil
}

type jsonContribution struct {
	ID     jsonScalar `json:"id"`
	Donor  string     `json:"donor"`
	Gap    jsonScalar `json:"gap"`
	Amount jsonScalar `json:"amount"`
	Weight jsonScalar `json:"weight"`
	Score  jsonScalar `json:"score"`
	Token  string     `json:"token"`
	Chain  jsonScalar `json:"chain"`
}

func contributionsJSON(file string, data []byte, opts Options, fn func(*Row) error) error {
	var items []jsonContribution
	if err := json.Unmarshal(data, &items); err != nil {
		return &Error{File: file, Err: fmt.Errorf("not a JSON array of contributions: %v", err)}
	}
	if len(items) == 0 {
		return &Error{File: file, Err: fmt.Errorf("%w: the array is empty", ErrEmpty)}
	}
	var buf [42]byte
	sums := checksums{}
	for i, it := range items {
		pos := i + 1
		for _, req := range []struct{ name, v string }{{"donor", it.Donor}, {"gap", string(it.Gap)}, {"amount", string(it.Amount)}} {
			if req.v == "" {
				return &Error{File: file, Line: pos, Item: true, Field: req.name, Err: fmt.Errorf("%w: missing", ErrColumns)}
			}
		}
		row := Row{Line: pos, Item: true, ID: []byte(it.ID), Weight: []byte(it.Weight), Score: []byte(it.Score)}
		var err error
		if row.Donor, err = donor([]byte(it.Donor), &buf, sums); err != nil {
			return &Error{File: file, Line: pos, Item: true, Field: "donor", Err: err}
		}
		if err := gap([]byte(it.Gap), &row.Gap); err != nil {
			return &Error{File: file, Line: pos, Item: true, Field: "gap", Err: err}
		}
		if err := amount([]byte(it.Amount), opts.Decimals, &row.Amount); err != nil {
			return &Error{File: file, Line: pos, Item: true, Field: "amount", Err: err}
		}
		if field, err := tokenFields(&row, []byte(it.Token), []byte(it.Chain), opts.Decimals); err != nil {
			return &Error{File: file, Line: pos, Item: true, Field: field, Err: err}
		}
		if err := fn(&row); err != nil {
			return wrapRowErr(file, pos, true, err)
		}
	}
	return nil
}
