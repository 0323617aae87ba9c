package ingest

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
)

// lines iterates over CSV records without allocating for plain lines (no
// quotes): the fast path for million-row files. Quoted lines go through
// encoding/csv. fields are only valid until the next call.
type lines struct {
	data   []byte
	pos    int
	line   int
	fields [][]byte
	quoted bool // the last record had quotes (read by encoding/csv, fields copied)
}

// MaxLine is the longest line a CSV input may have, in bytes. No valid
// row comes near it (a 42-byte address, gap and amount of at most 78
// digits, an id, a weight and a score), so a longer line is refused when
// it is met, before any of it is copied: a hostile or wrong file costs no
// memory.
const MaxLine = 16 << 10

// ErrLineTooLong reports a line longer than [MaxLine].
var ErrLineTooLong = errors.New("line too long")

// next returns the next non-empty record and its 1-based line number.
func (l *lines) next() ([][]byte, int, error) {
	for l.pos < len(l.data) {
		end := bytes.IndexByte(l.data[l.pos:min(len(l.data), l.pos+MaxLine+1)], '\n')
		if end < 0 && len(l.data)-l.pos > MaxLine {
			l.line++
			return nil, l.line, fmt.Errorf("%w: more than %d bytes without a line end, longer than any valid row: is this the right file?", ErrLineTooLong, MaxLine)
		}
		var rec []byte
		if end < 0 {
			rec = l.data[l.pos:]
			l.pos = len(l.data)
		} else {
			rec = l.data[l.pos : l.pos+end]
			l.pos += end + 1
		}
		l.line++
		if n := len(rec); n > 0 && rec[n-1] == '\r' {
			rec = rec[:n-1]
		}
		if l.line == 1 {
			rec = bytes.TrimPrefix(rec, []byte("\xef\xbb\xbf")) // UTF-8 BOM from spreadsheets
		}
		if len(trim(rec)) == 0 {
			continue
		}
		l.fields = l.fields[:0]
		l.quoted = bytes.IndexByte(rec, '"') >= 0
		if l.quoted {
			r := csv.NewReader(bytes.NewReader(rec))
			r.FieldsPerRecord = -1
			rs, err := r.Read()
			if err != nil {
				return nil, l.line, fmt.Errorf("bad CSV quoting: %v", err)
			}
			for _, f := range rs {
				l.fields = append(l.fields, []byte(f))
			}
			return l.fields, l.line, nil
		}
		for {
			i := bytes.IndexByte(rec, ',')
			if i < 0 {
				l.fields = append(l.fields, rec)
				break
			}
			l.fields = append(l.fields, rec[:i])
			rec = rec[i+1:]
		}
		return l.fields, l.line, nil
	}
	return nil, l.line, nil
}

// trim is bytes.TrimSpace with a quick exit for the usual field, whose
// first and last bytes are printable ASCII (Unicode spaces start with a
// byte of 0x80 or more).
func trim(b []byte) []byte {
	if n := len(b); n == 0 || b[0] > ' ' && b[0] < 0x80 && b[n-1] > ' ' && b[n-1] < 0x80 {
		return b
	}
	return bytes.TrimSpace(b)
}

// header maps column names to positions; required names must be present.
func header(file string, l *lines, required, optional []string) (map[string]int, error) {
	fields, line, err := l.next()
	if err != nil {
		return nil, &Error{File: file, Line: line, Err: err}
	}
	if fields == nil {
		return nil, &Error{File: file, Err: fmt.Errorf("%w: the file is empty; the first line must name the columns %s", ErrHeader, strings.Join(required, ","))}
	}
	cols := map[string]int{}
	for i, f := range fields {
		name := strings.ToLower(strings.TrimSpace(string(f)))
		if _, dup := cols[name]; dup && name != "" {
			return nil, &Error{File: file, Line: line, Field: name, Err: fmt.Errorf("%w: column %q appears twice", ErrHeader, name)}
		}
		cols[name] = i
	}
	for _, r := range required {
		if _, ok := cols[r]; !ok {
			return nil, &Error{File: file, Line: line, Field: r, Err: fmt.Errorf("%w: missing column %q (the header needs %s; optional: %s)",
				ErrHeader, r, strings.Join(required, ","), strings.Join(optional, ","))}
		}
	}
	return cols, nil
}

func col(cols map[string]int, name string) int {
	if i, ok := cols[name]; ok {
		return i
	}
	return -1
}

func isJSON(data []byte) bool {
	t := bytes.TrimLeft(data, " \t\r\n\xef\xbb\xbf")
	return len(t) > 0 && (t[0] == '[' || t[0] == '{')
}
