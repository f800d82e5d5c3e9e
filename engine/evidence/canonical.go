package evidence

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

//go:embed schema/evidence-record.schema.json
var schemaJSON []byte

// Schema is the JSON Schema (draft 2020-12) of a record.
func Schema() []byte { return bytes.Clone(schemaJSON) }

// Errors a record can fail with (wrapped, with detail, in a *Problem).
var (
	ErrNotJSON      = errors.New("not valid JSON (truncated or corrupted)")
	ErrNotCanonical = errors.New("not in canonical form: the file was edited")
	ErrDigest       = errors.New("content does not match its digest: the record was edited")
	ErrSchema       = errors.New("does not match the evidence record schema")
	ErrChain        = errors.New("hash chain broken")
	ErrSequence     = errors.New("sequence broken")
	ErrRepository   = errors.New("record from another repository")
	ErrName         = errors.New("file name does not match the record")
	ErrIndex        = errors.New("database index does not match the record")
)

// canonical encodes v in the canonical form: object keys sorted, two-space
// indent, no HTML escaping, one trailing newline.
func canonical(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("canonical JSON: %w", err)
	}
	return buf.Bytes(), nil
}

// digestOf is the SHA-256 (hex) of the canonical form of v without its
// "digest" member. v is not modified.
func digestOf(v map[string]any) (string, error) {
	c := make(map[string]any, len(v))
	for k, x := range v {
		if k != "digest" {
			c[k] = x
		}
	}
	b, err := canonical(c)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// Seal sets the record's place in its log (seq 0 and prev "" for a record on
// its own) and its digest, and returns its canonical bytes: what is stored.
func (r *Record) Seal(seq int64, prev string) ([]byte, error) {
	r.Sequence, r.PrevDigest, r.Digest = seq, prev, ""
	v, err := marshalRecord(r)
	if err != nil {
		return nil, err
	}
	d, err := digestOf(v)
	if err != nil {
		return nil, err
	}
	r.Digest = d
	v["digest"] = d
	return canonical(v)
}

// Checker parses and checks records against the embedded schema. It is
// immutable and safe for concurrent use.
type Checker struct {
	schema *jsonschema.Schema
}

// NewChecker compiles the embedded schema.
func NewChecker() (*Checker, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return nil, fmt.Errorf("evidence record schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(SchemaID, doc); err != nil {
		return nil, fmt.Errorf("evidence record schema: %w", err)
	}
	s, err := c.Compile(SchemaID)
	if err != nil {
		return nil, fmt.Errorf("evidence record schema: %w", err)
	}
	return &Checker{schema: s}, nil
}

// Parse checks one stored record on its own — valid JSON, byte-for-byte
// canonical, content matching its digest, valid against the schema — and
// decodes it. Its place in a log (sequence, chain, repository) is checked by
// Verify.
func (c *Checker) Parse(data []byte) (*Record, error) {
	v, err := decodeValue(data)
	if err != nil {
		return nil, err
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%w: a record is a JSON object, this is a %s", ErrSchema, jsonKind(v))
	}
	canon, err := canonical(obj)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(canon, data) {
		return nil, fmt.Errorf("%w (first difference at %s)", ErrNotCanonical, firstDiff(data, canon))
	}
	recorded, _ := obj["digest"].(string)
	d, err := digestOf(obj)
	if err != nil {
		return nil, err
	}
	if d != recorded {
		return nil, fmt.Errorf("%w (recorded %s, content hashes to %s)", ErrDigest, short(recorded), short(d))
	}
	if err := c.schema.Validate(obj); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSchema, err)
	}
	var r Record
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSchema, err)
	}
	if _, err := r.Started(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSchema, err)
	}
	return &r, nil
}

// decodeValue decodes exactly one JSON value, numbers as json.Number.
func decodeValue(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		var se *json.SyntaxError
		switch {
		case errors.As(err, &se):
			return nil, fmt.Errorf("%w: %s: %v", ErrNotJSON, position(data, se.Offset), err)
		case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
			return nil, fmt.Errorf("%w: the file ends at %s inside a JSON value (truncated)", ErrNotJSON, position(data, int64(len(data))))
		}
		return nil, fmt.Errorf("%w: %v", ErrNotJSON, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%w: data after the record at %s", ErrNotJSON, position(data, dec.InputOffset()))
	}
	return v, nil
}

// position renders a byte offset as "line L, byte N".
func position(data []byte, off int64) string {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	return fmt.Sprintf("line %d (byte %d)", line, off)
}

func firstDiff(a, b []byte) string {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return position(a, int64(i))
		}
	}
	return position(a, int64(n))
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case []any:
		return "array"
	case string:
		return "string"
	case bool:
		return "boolean"
	case json.Number:
		return "number"
	}
	return fmt.Sprintf("%T", v)
}

// short is a digest's first 12 characters, for messages.
func short(d string) string {
	if len(d) > 12 {
		return d[:12]
	}
	if d == "" {
		return "nothing"
	}
	return d
}

var hexDigest = regexp.MustCompile(`^[0-9a-f]{64}$`)

// IsDigest reports whether s is a SHA-256 digest in lowercase hex.
func IsDigest(s string) bool { return hexDigest.MatchString(s) }
