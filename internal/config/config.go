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
	"os"
	"path/filepath"
	"strings"

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
	Params   map[string]map[string]any `yaml:"params"`
	Exclude  []string                  `yaml:"exclude"`
	Policies []string                  `yaml:"policies"`
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
	for id, kv := range c.Params {
		for k, v := range kv {
			kv[k] = normalise(v)
		}
		c.Params[id] = kv
	}
	return c, nil
}

// normalise turns yaml's map[string]interface{} trees and ints into the
// JSON-shaped values OPA takes.
func normalise(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = normalise(e)
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = normalise(e)
		}
		return x
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case uint64:
		return float64(x)
	}
	return v
}

// Dir is the directory relative paths in the file start from.
func (c *Config) Dir() string {
	if c.Path == "" {
		return "."
	}
	return filepath.Dir(c.Path)
}
