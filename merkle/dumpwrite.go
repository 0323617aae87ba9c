package merkle

import (
	"bufio"
	"encoding/hex"
	"encoding/json"
	"io"
	"strconv"
)

// WriteJSON streams the standard-v1 dump to w indented by one space, byte
// for byte json.MarshalIndent(t, "", " ") followed by a newline, without
// holding the document in memory: a publication's tree.json of 10^5–10^6
// leaves is tens to hundreds of MiB.
func (t *Tree) WriteJSON(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	var b []byte
	flush := func() error {
		_, err := bw.Write(b)
		b = b[:0]
		return err
	}
	b = append(b, "{\n \"format\": "...)
	b = appendString(b, DumpFormat)
	b = append(b, ",\n \"leafEncoding\": "...)
	b = appendStrings(b, t.Encoding(), "  ")
	b = append(b, ",\n \"tree\": ["...)
	for i, h := range t.nodes {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n  \"0x"...)
		b = hex.AppendEncode(b, h[:])
		b = append(b, '"')
		if len(b) > 64<<10 {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	b = append(b, "\n ],\n \"values\": ["...)
	for i, v := range t.values {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n  {\n   \"value\": "...)
		b = appendStrings(b, v.Value, "    ")
		b = append(b, ",\n   \"treeIndex\": "...)
		b = strconv.AppendInt(b, int64(v.TreeIndex), 10)
		b = append(b, "\n  }"...)
		if len(b) > 64<<10 {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	b = append(b, "\n ]\n}\n"...)
	if err := flush(); err != nil {
		return err
	}
	return bw.Flush()
}

// appendStrings appends a JSON array of strings as MarshalIndent lays it
// out, its elements at indent.
func appendStrings(b []byte, ss []string, indent string) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	if len(ss) == 0 {
		return append(b, "[]"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		b = append(b, indent...)
		b = appendString(b, s)
	}
	b = append(b, '\n')
	b = append(b, indent[:len(indent)-1]...)
	return append(b, ']')
}

// appendString appends s as encoding/json writes it: letters and digits
// as they are, anything else through json.Marshal's escaping.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			q, _ := json.Marshal(s)
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}
