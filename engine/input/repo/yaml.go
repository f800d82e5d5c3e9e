package repo

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/gatehq/gate/engine/model"
)

// Limits of the YAML converter. The parse tree itself is bounded by the file
// size limit; these bound what aliases can multiply it into.
const (
	// maxAliasValues is how many values alias expansion may produce in one
	// file. Anchors are used in workflows to share a few steps; a billion
	// laughs needs millions.
	maxAliasValues = 100_000
	// maxValues bounds the values of one file, aliases included.
	maxValues = 200_000
	// maxStructure bounds the lines and YAML indicators (, : - [ {) of one
	// file, checked before parsing: yaml.v3 builds a node per value, about
	// 300 bytes and 10µs each, so a 10 MB file of one-character items would
	// take gigabytes and tens of seconds. Real workflows have a few thousand.
	maxStructure = 200_000
	// maxDepth bounds nesting (yaml.v3 stops at 10000 while parsing).
	maxDepth = 500
)

// errEmpty is returned for a YAML file without a document.
var errEmpty = errors.New("file is empty: no YAML document")

// posError is an error at a place in a file.
type posError struct {
	Line, Column int
	Err          error
}

func (e *posError) Error() string { return e.Err.Error() }
func (e *posError) Unwrap() error { return e.Err }

func errAt(line, col int, format string, args ...any) *posError {
	return &posError{Line: line, Column: col, Err: fmt.Errorf(format, args...)}
}

// yamlLineRE finds the line yaml.v3 puts in its messages ("yaml: line 5: …").
var yamlLineRE = regexp.MustCompile(`line (\d+)`)

// decodeYAML parses one YAML document and converts it to JSON-shaped values
// (map[string]any, []any, string, json.Number, float64, bool, nil),
// recording in pos the position of every key and sequence item under file.
// Duplicate keys, several documents, recursive or excessive aliases and
// non-scalar keys are errors with a line.
func decodeYAML(file string, data []byte, pos model.Positions) (v any, err error) {
	if err := checkText(data); err != nil {
		return nil, err
	}
	if n := structure(data); n > maxStructure {
		return nil, fmt.Errorf("file has %d lines and YAML indicators, more than the %d a configuration file may have: refusing to parse it", n, maxStructure)
	}
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, fmt.Errorf("YAML parser failed: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errEmpty
		}
		return nil, yamlError(err, data)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, yamlError(err, data)
	default:
		return nil, errAt(extra.Line, extra.Column, "a second YAML document starts here: the file must hold exactly one")
	}
	c := &converter{file: file, pos: pos, lines: splitLines(data), active: map[*yaml.Node]bool{}}
	if len(doc.Content) == 0 {
		return nil, errEmpty
	}
	root := doc.Content[0]
	val, _, err := c.convert(root, "", -1)
	if err != nil {
		return nil, err
	}
	return val, nil
}

// parserProblems are the messages of yaml.v3's parser (not its scanner). For
// them yaml.v3 prints a 0-based line: the start of the construct being parsed
// or the problem itself.
var parserProblems = []string{
	"did not find expected ',' or ']'", "did not find expected ',' or '}'",
	"did not find expected '-' indicator", "did not find expected <document start>",
	"did not find expected key", "did not find expected node content",
	"found duplicate %TAG directive", "found duplicate %YAML directive",
	"found incompatible YAML document", "found undefined tag handle",
}

var unknownAnchorRE = regexp.MustCompile(`unknown anchor '(.*)' referenced`)

// yamlError turns a yaml.v3 error into one with a 1-based line.
func yamlError(err error, data []byte) error {
	var pe *posError
	if errors.As(err, &pe) {
		return pe
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		rest := strings.TrimPrefix(msg, m[0]+": ")
		for _, p := range parserProblems {
			if rest == p {
				line++
				break
			}
		}
		return &posError{Line: line, Err: fmt.Errorf("invalid YAML: %s", rest)}
	}
	if m := unknownAnchorRE.FindStringSubmatch(msg); m != nil {
		if i := bytes.Index(data, []byte("*"+m[1])); i >= 0 {
			line, col := lineCol(data, i)
			return &posError{Line: line, Column: col, Err: fmt.Errorf("invalid YAML: alias *%s refers to no anchor defined before it", m[1])}
		}
	}
	return fmt.Errorf("invalid YAML: %s", msg)
}

// checkText rejects content that is not text: a NUL byte (outside UTF-16
// with a byte-order mark, which the YAML parser decodes) or invalid UTF-8.
func checkText(data []byte) error {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := lineCol(data, i)
		return errAt(line, col, "binary content (NUL byte): not a text file")
	}
	if utf8.Valid(data) {
		return nil
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			line, col := lineCol(data, i)
			return errAt(line, col, "invalid UTF-8 byte 0x%02x: not a UTF-8 text file", data[i])
		}
		i += size
	}
	return nil
}

// structure counts what can start a YAML value: lines and the indicators
// , : - [ {. It bounds the number of nodes the parser would build.
func structure(data []byte) int {
	n := 0
	for _, b := range data {
		switch b {
		case '\n', ',', ':', '-', '[', '{':
			n++
		}
	}
	return n
}

// lineCol turns a byte offset into a 1-based line and column (in bytes).
func lineCol(data []byte, off int) (int, int) {
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return line, off - start + 1
}

func splitLines(data []byte) []string {
	return strings.Split(string(data), "\n")
}

// converter turns a yaml.v3 node tree into JSON-shaped values.
type converter struct {
	file     string
	pos      model.Positions
	lines    []string
	active   map[*yaml.Node]bool // anchors being expanded (cycle detection)
	inAlias  int                 // > 0 while expanding an alias
	outer    *yaml.Node          // the outermost alias being expanded
	values   int
	expanded int
	depth    int
}

// simpleKeyRE is what a key may look like to be joined with a dot.
var simpleKeyRE = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// childPath joins a mapping key to a path: a.b for simple keys, a["b.c"]
// otherwise. rules/repo/lib/repo.rego mirrors it.
func childPath(path, key string) string {
	if !simpleKeyRE.MatchString(key) {
		return path + `["` + key + `"]`
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

func indexPath(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

func (c *converter) count(n *yaml.Node) error {
	c.values++
	if c.values > maxValues {
		return errAt(n.Line, n.Column, "more than %d values: refusing to read further", maxValues)
	}
	if c.inAlias > 0 {
		c.expanded++
		if c.expanded > maxAliasValues {
			return errAt(c.outer.Line, c.outer.Column, "alias expansion exceeds %d values (a billion-laughs document?)", maxAliasValues)
		}
	}
	return nil
}

// convert returns the value of n and the last line it spans. indent is the
// indentation of the key or sequence dash n hangs from (-1 for the root),
// used to find where a block scalar ends.
func (c *converter) convert(n *yaml.Node, path string, indent int) (any, int, error) {
	c.depth++
	defer func() { c.depth-- }()
	if c.depth > maxDepth {
		return nil, 0, errAt(n.Line, n.Column, "nesting deeper than %d levels", maxDepth)
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, n.Line, nil
		}
		return c.convert(n.Content[0], path, indent)
	case yaml.AliasNode:
		target := n.Alias
		if target == nil {
			return nil, 0, errAt(n.Line, n.Column, "alias *%s refers to no anchor", n.Value)
		}
		if c.active[target] {
			return nil, 0, errAt(n.Line, n.Column, "alias *%s refers to a node that contains it (recursive alias)", n.Value)
		}
		c.active[target] = true
		if c.inAlias == 0 {
			c.outer = n
		}
		c.inAlias++
		v, _, err := c.convert(target, path, indent)
		c.inAlias--
		delete(c.active, target)
		// The alias occupies one line where it is used.
		return v, n.Line, err
	case yaml.ScalarNode:
		if err := c.count(n); err != nil {
			return nil, 0, err
		}
		return scalar(n), c.scalarEnd(n, indent), nil
	case yaml.SequenceNode:
		if err := c.count(n); err != nil {
			return nil, 0, err
		}
		out := make([]any, 0, len(n.Content))
		end := n.Line
		for i, item := range n.Content {
			p := indexPath(path, i)
			v, e, err := c.convert(item, p, max(item.Column-3, 0))
			if err != nil {
				return nil, 0, err
			}
			e = max(e, item.Line)
			c.pos.Set(c.file, p, model.Position{File: c.file, Line: item.Line, Column: item.Column, EndLine: e})
			out = append(out, v)
			end = max(end, e)
		}
		return out, end, nil
	case yaml.MappingNode:
		return c.mapping(n, path)
	}
	return nil, 0, errAt(n.Line, n.Column, "unsupported YAML node")
}

func (c *converter) mapping(n *yaml.Node, path string) (any, int, error) {
	if err := c.count(n); err != nil {
		return nil, 0, err
	}
	out := map[string]any{}
	end := n.Line
	if len(n.Content)%2 != 0 {
		return nil, 0, errAt(n.Line, n.Column, "malformed mapping")
	}
	// Merge keys (<<) first: explicit keys override what they bring in.
	for i := 0; i < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !isMergeKey(k) {
			continue
		}
		if err := c.merge(out, v, path); err != nil {
			return nil, 0, err
		}
		end = max(end, v.Line)
	}
	seen := map[string]int{}
	for i := 0; i < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if isMergeKey(k) {
			continue
		}
		key, err := c.key(k)
		if err != nil {
			return nil, 0, err
		}
		if first, dup := seen[key]; dup {
			return nil, 0, errAt(k.Line, k.Column, "duplicate key %q (first defined at line %d)", key, first)
		}
		seen[key] = k.Line
		p := childPath(path, key)
		val, e, err := c.convert(v, p, k.Column-1)
		if err != nil {
			return nil, 0, err
		}
		e = max(e, k.Line)
		c.pos.Set(c.file, p, model.Position{File: c.file, Line: k.Line, Column: k.Column, EndLine: e})
		out[key] = val
		end = max(end, e)
	}
	return out, end, nil
}

func isMergeKey(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Style == 0 && (k.Tag == "" || k.ShortTag() == "!!merge")
}

// merge copies the keys of the mapping (or sequence of mappings) v into out,
// keeping keys already there.
func (c *converter) merge(out map[string]any, v *yaml.Node, path string) error {
	src := v
	if src.Kind == yaml.AliasNode {
		src = src.Alias
	}
	var sources []*yaml.Node
	switch {
	case src != nil && src.Kind == yaml.MappingNode:
		sources = []*yaml.Node{v}
	case src != nil && src.Kind == yaml.SequenceNode:
		// Earlier mappings take precedence over later ones.
		sources = src.Content
	default:
		return errAt(v.Line, v.Column, "merge key (<<) needs a mapping or a sequence of mappings")
	}
	for _, s := range sources {
		t := s
		if t.Kind == yaml.AliasNode {
			t = t.Alias
		}
		if t == nil || t.Kind != yaml.MappingNode {
			return errAt(s.Line, s.Column, "merge key (<<) needs a mapping or a sequence of mappings")
		}
		val, _, err := c.convert(s, path, -1)
		if err != nil {
			return err
		}
		m, _ := val.(map[string]any)
		for k, x := range m {
			if _, ok := out[k]; !ok {
				out[k] = x
			}
		}
	}
	return nil
}

// key returns the string form of a mapping key.
func (c *converter) key(k *yaml.Node) (string, error) {
	n := k
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind != yaml.ScalarNode {
		return "", errAt(k.Line, k.Column, "mapping key is not a scalar")
	}
	if err := c.count(k); err != nil {
		return "", err
	}
	return n.Value, nil
}

// scalar converts a scalar node by its resolved tag.
func scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if err := n.Decode(&b); err == nil {
			return b
		}
	case "!!int":
		var i int64
		if err := n.Decode(&i); err == nil {
			return json.Number(strconv.FormatInt(i, 10))
		}
		var u uint64
		if err := n.Decode(&u); err == nil {
			return json.Number(strconv.FormatUint(u, 10))
		}
	case "!!float":
		var f float64
		if err := n.Decode(&f); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return f
		}
	}
	return n.Value
}

// scalarEnd is the last line of a scalar: for block scalars (| and >) the
// last non-blank line indented deeper than the key the scalar hangs from.
func (c *converter) scalarEnd(n *yaml.Node, indent int) int {
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 || indent < 0 {
		return n.Line
	}
	end := n.Line
	for l := n.Line + 1; l <= len(c.lines); l++ {
		text := strings.TrimRight(c.lines[l-1], "\r")
		trimmed := strings.TrimLeft(text, " ")
		if trimmed == "" {
			continue
		}
		if len(text)-len(trimmed) <= indent {
			break
		}
		end = l
	}
	return end
}
