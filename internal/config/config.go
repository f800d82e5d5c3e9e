// Package config reads the gate's configuration file (.gate.yaml), the
// exceptions file (.gate/exceptions.yaml) and SARIF baselines. Every error
// names the file and the line.
package config

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// FileName is the configuration file discovered at the repository root.
const FileName = ".gate.yaml"

// DefaultExceptionsFile is where exceptions live unless the config says otherwise.
const DefaultExceptionsFile = ".gate/exceptions.yaml"

// DefaultMaxExceptionDays bounds how far ahead an exception may expire.
const DefaultMaxExceptionDays = 90

// maxConfigSize bounds configuration and exceptions files.
const maxConfigSize = 1 << 20

// Config is .gate.yaml. Zero values mean "not set": flags and defaults apply.
type Config struct {
	// Path is the file it was read from ("" when none).
	Path       string   `yaml:"-"`
	Frameworks []string `yaml:"frameworks"`
	FailOn     string   `yaml:"fail_on"`
	Unknown    string   `yaml:"unknown"`
	Rules      struct {
		Enable  []string `yaml:"enable"`
		Disable []string `yaml:"disable"`
	} `yaml:"rules"`
	// Params are rule parameters: rule id → name → value.
	Params   Params   `yaml:"params"`
	Exclude  []string `yaml:"exclude"`
	Policies []string `yaml:"policies"`
	// Exceptions is the exceptions file (relative to the config file's directory).
	Exceptions       string `yaml:"exceptions"`
	MaxExceptionDays int    `yaml:"max_exception_days"`
	GitHub           struct {
		Repo     string   `yaml:"repo"`
		Branches []string `yaml:"branches"`
		Snapshot string   `yaml:"snapshot"`
	} `yaml:"github"`
}

// Error is a configuration problem at a file and line.
type Error struct {
	Path string
	Line int
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// readFile reads a small text file, refusing what is too large.
func readFile(ctx context.Context, path string) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxConfigSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxConfigSize {
		return nil, fmt.Errorf("larger than %d bytes", maxConfigSize)
	}
	return b, nil
}

// decodeStrict decodes YAML into v rejecting unknown keys and duplicate
// keys, with the line of the offending key.
func decodeStrict(path string, b []byte, v any) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return nil
		}
		return yamlError(path, err)
	}
	return nil
}

// yamlError turns a yaml error ("line 3: field x not found in type …") into
// an Error with the line.
func yamlError(path string, err error) error {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if strings.HasPrefix(msg, "line ") {
		rest := strings.TrimPrefix(msg, "line ")
		if i := strings.IndexByte(rest, ':'); i > 0 {
			fmt.Sscanf(rest[:i], "%d", &line)
			msg = strings.TrimSpace(rest[i+1:])
		}
	}
	if strings.Contains(msg, "not found in type") {
		// "field foo not found in type config.Config" → "unknown key foo"
		f := strings.Fields(msg)
		if len(f) >= 2 {
			msg = fmt.Sprintf("unknown key %q", f[1])
		}
	}
	return &Error{Path: path, Line: line, Err: errors.New(msg)}
}

// Find returns the .gate.yaml at root, or "" when there is none.
func Find(root string) string {
	p := filepath.Join(root, FileName)
	if _, err := os.Stat(p); err == nil {
		return p
	}
	return ""
}

// Load reads a configuration file.
func Load(ctx context.Context, path string) (*Config, error) {
	b, err := readFile(ctx, path)
	if err != nil {
		return nil, &Error{Path: path, Err: err}
	}
	c := &Config{}
	if err := decodeStrict(path, b, c); err != nil {
		return nil, err
	}
	c.Path = path
	if c.MaxExceptionDays < 0 {
		return nil, &Error{Path: path, Err: errors.New("max_exception_days must not be negative")}
	}
	return c, nil
}

// Params are rule parameters by rule id and name. Their values go to OPA's
// store, so they are JSON-shaped: nil, bool, float64, string, []any and
// map[string]any.
type Params map[string]map[string]any

// UnmarshalYAML reads the params mapping, rejecting what has no JSON form
// (mapping keys that are not strings, infinite or NaN numbers) with the line.
// Timestamps become RFC 3339 strings (YYYY-MM-DD for a date).
func (p *Params) UnmarshalYAML(n *yaml.Node) error {
	if isNull(n) {
		*p = nil
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: params must be a mapping of rule id to parameters", n.Line)
	}
	out := Params{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		id, err := mappingKey(k, "params")
		if err != nil {
			return err
		}
		if _, dup := out[id]; dup {
			return fmt.Errorf("line %d: params: rule %q given twice", k.Line, id)
		}
		kv := map[string]any{}
		out[id] = kv
		if isNull(v) {
			continue
		}
		if v.Kind != yaml.MappingNode {
			return fmt.Errorf("line %d: params.%s must be a mapping of parameter name to value", v.Line, id)
		}
		for j := 0; j+1 < len(v.Content); j += 2 {
			pk, pv := v.Content[j], v.Content[j+1]
			name, err := mappingKey(pk, "params."+id)
			if err != nil {
				return err
			}
			if _, dup := kv[name]; dup {
				return fmt.Errorf("line %d: params.%s: parameter %q given twice", pk.Line, id, name)
			}
			var x any
			if err := pv.Decode(&x); err != nil {
				return fmt.Errorf("line %d: params.%s.%s: %w", pv.Line, id, name, err)
			}
			val, err := jsonValue(x)
			if err != nil {
				return fmt.Errorf("line %d: params.%s.%s: %w", pv.Line, id, name, err)
			}
			kv[name] = val
		}
	}
	*p = out
	return nil
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// mappingKey is the string of a mapping key; other keys are errors.
func mappingKey(k *yaml.Node, where string) (string, error) {
	if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
		return "", fmt.Errorf("line %d: %s: key %q is not a string", k.Line, where, k.Value)
	}
	return k.Value, nil
}

// jsonValue turns what yaml decoded into an interface{} into a JSON-shaped
// value, or says why it cannot.
func jsonValue(v any) (any, error) {
	switch x := v.(type) {
	case nil, bool, string:
		return x, nil
	case int:
		return float64(x), nil
	case int64:
		return float64(x), nil
	case uint64:
		return float64(x), nil
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return nil, fmt.Errorf("%v is not a finite number", x)
		}
		return x, nil
	case time.Time:
		if x.Equal(x.Truncate(24*time.Hour)) && x.Location() == time.UTC {
			return x.Format("2006-01-02"), nil
		}
		return x.Format(time.RFC3339Nano), nil
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			ev, err := jsonValue(e)
			if err != nil {
				return nil, fmt.Errorf("[%d]: %w", i, err)
			}
			out[i] = ev
		}
		return out, nil
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			ev, err := jsonValue(e)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", k, err)
			}
			out[k] = ev
		}
		return out, nil
	case map[any]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			ks, ok := k.(string)
			if !ok {
				return nil, fmt.Errorf("mapping key %v is not a string", k)
			}
			ev, err := jsonValue(e)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", ks, err)
			}
			out[ks] = ev
		}
		return out, nil
	}
	return nil, fmt.Errorf("unsupported value of type %T", v)
}

// Dir is the directory relative paths in the file start from.
func (c *Config) Dir() string {
	if c.Path == "" {
		return "."
	}
	return filepath.Dir(c.Path)
}
