package service

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
)

// decode reads a small JSON object body into v (a pointer to a struct),
// strictly: bodies over MaxBody, malformed JSON, data after the object,
// a key given twice (also in another case: encoding/json would let the
// last one win) and a key that is not exactly one of v's field names are
// refused with a 400 (413 for the size) that names the problem.
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	b, err := readBody(w, r)
	if err != nil {
		return err
	}
	return decodeBytes(b, v)
}

// readBody reads a request body of at most MaxBody bytes.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return nil, httpErr(http.StatusRequestEntityTooLarge, "request body over %d bytes", MaxBody)
		}
		return nil, httpErr(http.StatusBadRequest, "reading the request body: %v", err)
	}
	return b, nil
}

// decodeBytes is [decode] of a body already read.
func decodeBytes(b []byte, v any) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return httpErr(http.StatusBadRequest, "empty body: want JSON like {\"amount\":\"1000\"}")
	}
	if err := strictObject(b, fieldNames(v)); err != nil {
		return httpErr(http.StatusBadRequest, "malformed JSON body: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return httpErr(http.StatusBadRequest, "malformed JSON body: %v", err)
	}
	return nil
}

// fieldNames are the JSON names of the struct v points to.
func fieldNames(v any) map[string]bool {
	t := reflect.TypeOf(v).Elem()
	out := map[string]bool{}
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == "" {
			name = t.Field(i).Name
		}
		out[name] = true
	}
	return out
}

// strictObject checks that b is one JSON object, nothing after it, whose
// keys are in names, spelled exactly, and given once; nested objects'
// keys are checked for repeats too.
func strictObject(b []byte, names map[string]bool) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return fmt.Errorf("want a JSON object, got %s", describe(tok))
	}
	if err := object(dec, names); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("data after the object")
	}
	return nil
}

// object checks the rest of an object whose '{' was read; names nil
// allows any key (nested objects).
func object(dec *json.Decoder, names map[string]bool) error {
	seen := map[string]string{} // lower case → as given
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key := tok.(string) // the decoder only gives strings here
		low := strings.ToLower(key)
		if prev, ok := seen[low]; ok {
			if prev == key {
				return fmt.Errorf("key %q given twice", key)
			}
			return fmt.Errorf("key %q given twice (as %q too; keys are matched ignoring case)", prev, key)
		}
		seen[low] = key
		if names != nil && !names[key] {
			for n := range names {
				if strings.EqualFold(n, key) {
					return fmt.Errorf("unknown field %q (did you mean %q? field names are case-sensitive)", key, n)
				}
			}
			return fmt.Errorf("json: unknown field %q", key)
		}
		if err := value(dec); err != nil {
			return err
		}
	}
	_, err := dec.Token() // '}'
	return err
}

func value(dec *json.Decoder) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('{'):
		return object(dec, nil)
	case json.Delim('['):
		for dec.More() {
			if err := value(dec); err != nil {
				return err
			}
		}
		_, err = dec.Token()
	}
	return err
}

func describe(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		return string(t)
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%v", tok)
}
