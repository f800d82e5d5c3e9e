// Package tfplan reads Terraform plan JSON (`terraform show -json plan.out`)
// into the normalised Terraform document rules read (see rules/README.md).
//
// Resource values come from resource_changes (after, with after_unknown
// marked as model.Unknown and after_sensitive masked), references between
// resources from the configuration (followed into child modules and through
// module inputs), and data sources from planned_values and prior_state.
// Resources that are only deleted are left out: they cannot be findings.
package tfplan

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/gatehq/gate/engine/model"
	"github.com/gatehq/gate/internal/par"
)

// Sensitive replaces values the plan marks sensitive, so that no rule and no
// output can ever print them.
const Sensitive = "<<sensitive>>"

// DefaultMaxFileSize bounds the plan files the reader accepts.
const DefaultMaxFileSize = 2 << 30 // 2 GiB

// Options tune the reader.
type Options struct {
	// Root is the scan root: the document path and positions are relative to it.
	Root string
	// MaxFileSize rejects larger files (0 = DefaultMaxFileSize).
	MaxFileSize int64
	// Explicit marks the file as named by the user (for InputError.Explicit).
	Explicit bool
}

// ReadFile reads one plan file.
func ReadFile(ctx context.Context, path string, opts Options) (*model.Document, *model.InputError) {
	rel := relPath(opts.Root, path)
	fail := func(err error) *model.InputError {
		return &model.InputError{Path: rel, Err: err, Explicit: opts.Explicit}
	}
	if err := ctx.Err(); err != nil {
		return nil, fail(err)
	}
	limit := opts.MaxFileSize
	if limit <= 0 {
		limit = DefaultMaxFileSize
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fail(fmt.Errorf("open plan: %w", err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fail(fmt.Errorf("stat plan: %w", err))
	}
	if st.IsDir() {
		return nil, fail(errors.New("is a directory, not a plan JSON file"))
	}
	if st.Size() > limit {
		return nil, fail(fmt.Errorf("plan is %d bytes, over the %d byte limit", st.Size(), limit))
	}
	b, err := readAll(f, st.Size(), limit)
	if err != nil {
		return nil, fail(fmt.Errorf("read plan: %w", err))
	}
	if int64(len(b)) > limit {
		return nil, fail(fmt.Errorf("plan is over the %d byte limit", limit))
	}
	doc, ierr := Parse(ctx, rel, b)
	if ierr != nil {
		ierr.Explicit = opts.Explicit
		return nil, ierr
	}
	return doc, nil
}

// readAll reads f, whose size was size when it was opened, up to limit+1
// bytes. The buffer is allocated once at the file's size and filled by
// the reads: growing one by doubling copied a 64 MB plan several times
// over, and bytes.Buffer cleared each new buffer before filling it.
func readAll(f io.Reader, size, limit int64) ([]byte, error) {
	b := make([]byte, 0, min(size, limit)+1) // one more byte: EOF is seen without growing
	for int64(len(b)) <= limit {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // the file grew since it was opened
		}
		n, err := f.Read(b[len(b):min(int64(cap(b)), limit+1)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
	}
	return b, nil // over the limit: the caller says so
}

// Parse reads a plan from memory. name is the document path.
func Parse(ctx context.Context, name string, data []byte) (*model.Document, *model.InputError) {
	sum := sha256.Sum256(data)
	file := model.InputFile{Path: name, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data))}
	b, err := decodeText(data)
	if err != nil {
		return nil, &model.InputError{Path: name, Err: err}
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, &model.InputError{Path: name, Err: errors.New("empty file, not a Terraform plan")}
	}
	// A plan is an object: decode it (the decoder checks the syntax of the
	// whole file first). Only a file that is not valid JSON goes through
	// the streaming decoder, for the offset of the error and to tell
	// trailing data from a syntax error.
	trimmed := bytes.TrimSpace(b)
	var (
		plan *planDoc
		se   *json.SyntaxError
	)
	if trimmed[0] == '{' {
		plan, err = decodePlan(b)
	}
	if (trimmed[0] != '{' || errors.As(err, &se)) && !json.Valid(b) {
		dec := json.NewDecoder(bytes.NewReader(b))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, jsonError(name, b, dec, err)
		}
		off := dec.InputOffset()
		line, col := lineCol(b, off)
		msg := "unexpected data after the plan JSON"
		if tok, err := dec.Token(); err != nil {
			msg = fmt.Sprintf("%s: %v", msg, err)
		} else {
			msg = fmt.Sprintf("%s (%v)", msg, tok)
		}
		return nil, &model.InputError{Path: name, Line: line, Column: col, Offset: off, Err: errors.New(msg)}
	}
	if trimmed[0] != '{' {
		return nil, &model.InputError{Path: name, Err: fmt.Errorf("not a Terraform plan: top-level value is not an object")}
	}
	if err != nil {
		if !bytes.Contains(b, []byte(`"format_version"`)) {
			return nil, &model.InputError{Path: name, Err: errors.New("not a Terraform plan: no format_version (produce it with `terraform show -json plan.out`)")}
		}
		return nil, &model.InputError{Path: name, Err: fmt.Errorf("plan: %w", err)}
	}
	if plan.ResourceChanges == nil && !plan.HasPlannedValues && plan.Config == nil {
		var probe struct {
			Values json.RawMessage `json:"values"`
		}
		if json.Unmarshal(b, &probe) == nil && probe.Values != nil {
			return nil, &model.InputError{Path: name, Err: errors.New("this is Terraform state JSON (`terraform show -json` without a plan file), not a plan")}
		}
		return nil, &model.InputError{Path: name, Err: errors.New("not a Terraform plan: no resource_changes, planned_values or configuration")}
	}
	if err := ctx.Err(); err != nil {
		return nil, &model.InputError{Path: name, Err: err}
	}
	resources, notes, err := normalise(plan)
	if err != nil {
		return nil, &model.InputError{Path: name, Err: fmt.Errorf("plan: %w", err)}
	}
	doc := &model.Document{
		Kind:      model.KindTerraform,
		Source:    "plan",
		Path:      name,
		Positions: model.Positions{},
		Files:     []model.InputFile{file},
		Notes:     notes,
	}
	// Lines of every resource address, counted in one pass over the file.
	offs := addressOffsets(b)
	addrs := make([]string, 0, len(offs))
	for a := range offs {
		addrs = append(addrs, a)
	}
	sort.Slice(addrs, func(i, j int) bool { return offs[addrs[i]] < offs[addrs[j]] })
	line, lastNL, pos := 1, int64(-1), int64(0)
	for _, a := range addrs {
		off := offs[a]
		for pos < off {
			if i := bytes.IndexByte(b[pos:off], '\n'); i >= 0 {
				line++
				lastNL = pos + int64(i)
				pos += int64(i) + 1
				continue
			}
			pos = off
		}
		doc.Positions.Set(a, "", model.Position{File: name, Line: line, Column: int(off - lastNL)})
	}
	list := make([]any, len(resources))
	for i, r := range resources {
		list[i] = r
		if _, ok := doc.Positions[r["address"].(string)]; !ok {
			doc.Positions.Set(r["address"].(string), "", model.Position{File: name, Line: 1, Column: 1})
		}
	}
	doc.Input = map[string]any{
		"kind":              model.KindTerraform,
		"source":            "plan",
		"path":              name,
		"terraform_version": plan.TerraformVersion,
		"format_version":    plan.FormatVersion,
		"resources":         list,
	}
	return doc, nil
}

// decodeText strips a UTF-8 byte order mark and decodes UTF-16 (what
// PowerShell's `>` writes), and rejects other non-UTF-8 content.
func decodeText(b []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		le := b[0] == 0xFF
		b = b[2:]
		if len(b)%2 != 0 {
			return nil, errors.New("UTF-16 file with an odd number of bytes (truncated?)")
		}
		u := make([]uint16, len(b)/2)
		for i := range u {
			if le {
				u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
			} else {
				u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
			}
		}
		return []byte(string(utf16.Decode(u))), nil
	}
	if !utf8.Valid(b) {
		return nil, errors.New("not UTF-8 text (binary file?)")
	}
	return b, nil
}

func jsonError(name string, b []byte, dec *json.Decoder, err error) *model.InputError {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := dec.InputOffset()
	msg := err.Error()
	switch {
	case errors.As(err, &se):
		off = se.Offset
		msg = "invalid JSON: " + se.Error()
	case errors.As(err, &te):
		off = te.Offset
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		off = int64(len(b))
		msg = "invalid JSON: unexpected end of file (truncated?)"
	}
	line, col := lineCol(b, off)
	return &model.InputError{Path: name, Line: line, Column: col, Offset: off, Err: errors.New(msg)}
}

// lineCol converts a byte offset to 1-based line and column.
func lineCol(b []byte, off int64) (int, int) {
	if off > int64(len(b)) {
		off = int64(len(b))
	}
	if off < 0 {
		off = 0
	}
	pre := b[:off]
	line := bytes.Count(pre, []byte{'\n'}) + 1
	col := int(off) - bytes.LastIndexByte(pre, '\n')
	return line, col
}

var (
	resourceChangesKey = []byte(`"resource_changes"`)
	addressKey         = []byte(`"address"`)
)

// addressOffsets finds the first `"address": "…"` of every resource change,
// in one pass, so that findings without a .tf location still point at a line
// of the plan. (A hand-written scan: a regular expression over a large plan
// cost a fifth of the parse.)
func addressOffsets(b []byte) map[string]int64 {
	start := bytes.Index(b, resourceChangesKey)
	if start < 0 {
		return nil
	}
	out := map[string]int64{}
	for pos := start; pos < len(b); {
		i := bytes.Index(b[pos:], addressKey)
		if i < 0 {
			break
		}
		at := pos + i
		pos = at + len(addressKey)
		j := skipSpace(b, pos)
		if j >= len(b) || b[j] != ':' {
			continue
		}
		j = skipSpace(b, j+1)
		if j >= len(b) || b[j] != '"' {
			continue
		}
		end := stringEnd(b, j)
		if end < 0 {
			break
		}
		pos = end + 1
		raw := b[j+1 : end]
		var addr string
		if bytes.IndexByte(raw, '\\') < 0 {
			addr = string(raw)
		} else if err := json.Unmarshal(b[j:end+1], &addr); err != nil {
			continue
		}
		if _, seen := out[addr]; !seen {
			out[addr] = int64(at)
		}
	}
	return out
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// stringEnd is the index of the quote closing the JSON string that opens at
// b[open], or -1.
func stringEnd(b []byte, open int) int {
	for i := open + 1; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

func relPath(root, p string) string {
	if root != "" {
		if r, err := filepath.Rel(root, p); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
	}
	return filepath.ToSlash(p)
}

// normalise builds the resource list: one resource per change (built in
// parallel), then data sources (and, in a plan without changes, managed
// resources) from planned values and prior state.
func normalise(p *planDoc) ([]map[string]any, []string, error) {
	refs := configRefs(p.Config)
	var notes []string
	built := make([]map[string]any, len(p.ResourceChanges))
	_ = par.Ranges(len(p.ResourceChanges), minParallel, func(i int) error {
		rc := p.ResourceChanges[i]
		if rc == nil || rc.Change == nil || rc.DeposedKey != "" {
			return nil
		}
		a := rc.Change.Actions
		action := ""
		switch {
		case a.Replace():
			action = "replace"
		case a.Create():
			action = "create"
		case a.Update():
			action = "update"
		case a.NoOp():
			action = "no-op"
		case a.Read():
			action = "read"
		default: // delete, forget: not a finding
			return nil
		}
		values := merge(rc.Change.After, rc.Change.AfterUnknown, rc.Change.AfterSensitive)
		built[i] = resource(rc.Address, rc.ModuleAddress, string(rc.Mode), rc.Type, rc.Name, rc.Index, rc.ProviderName, action, values, refs)
		return nil
	})
	seen := map[string]bool{}
	out := make([]map[string]any, 0, len(built))
	for _, r := range built {
		if r != nil {
			out = append(out, r)
			seen[r["address"].(string)] = true
		}
	}
	// Data sources read during planning appear only in planned values or
	// prior state; managed resources only there (very old plans) too.
	var fromState func(m *stateModule, action string) error
	fromState = func(m *stateModule, action string) error {
		if m == nil {
			return nil
		}
		for _, r := range m.Resources {
			if r == nil || seen[r.Address] {
				continue
			}
			if r.Mode != tfjson.DataResourceMode && len(p.ResourceChanges) > 0 {
				continue
			}
			av, err := r.values()
			if err != nil {
				return err
			}
			values := merge(av, nil, rawSensitive(r.SensitiveValues))
			out = append(out, resource(r.Address, moduleOf(r.Address), string(r.Mode), r.Type, r.Name, r.Index, r.ProviderName, action, values, refs))
			seen[r.Address] = true
		}
		for _, c := range m.ChildModules {
			if err := fromState(c, action); err != nil {
				return err
			}
		}
		return nil
	}
	if err := fromState(p.PlannedValues, "read"); err != nil {
		return nil, nil, fmt.Errorf("planned_values: %w", err)
	}
	if err := fromState(p.PriorState, "read"); err != nil {
		return nil, nil, fmt.Errorf("prior_state: %w", err)
	}
	if p.Complete != nil && !*p.Complete {
		notes = append(notes, "plan is incomplete (deferred changes): resources planned later are not checked")
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i]["address"].(string) < out[j]["address"].(string) })
	return out, notes, nil
}

func rawSensitive(raw json.RawMessage) any {
	if len(raw) == 0 {
		return nil
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return nil
	}
	return v
}

func resource(addr, module, mode, typ, name string, index any, provider, action string, values any, refs map[string]map[string][]string) map[string]any {
	cfg := ConfigAddress(addr)
	vm, ok := values.(map[string]any)
	if !ok {
		vm = map[string]any{}
		if values == model.Unknown {
			vm = map[string]any{}
		}
	}
	r := map[string]any{
		"address":        addr,
		"config_address": cfg,
		"module":         module,
		"mode":           mode,
		"type":           typ,
		"name":           name,
		"index":          normIndex(index),
		"provider":       shortProvider(provider),
		"action":         action,
		"values":         vm,
	}
	rm := map[string]any{}
	for attr, list := range refs[cfg] {
		l := make([]any, len(list))
		for i, s := range list {
			l[i] = s
		}
		rm[attr] = l
	}
	r["refs"] = rm
	return r
}

func normIndex(v any) any {
	switch x := v.(type) {
	case float64, string:
		return x
	case json.Number:
		f, err := x.Float64()
		if err != nil {
			return x.String()
		}
		return f
	case int:
		return float64(x)
	}
	return nil
}

// shortProvider turns "registry.terraform.io/hashicorp/aws" into "aws".
func shortProvider(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		p = p[i+1:]
	}
	return p
}

// moduleOf is the module part of an instance address.
func moduleOf(addr string) string {
	parts := splitAddress(addr)
	var mod []string
	for i := 0; i+1 < len(parts) && parts[i] == "module"; i += 2 {
		mod = append(mod, "module", parts[i+1])
	}
	return strings.Join(mod, ".")
}

// splitAddress splits an address on dots outside brackets and quotes,
// keeping instance keys attached: module.a["x.y"].aws_s3_bucket.b[0] →
// [module a["x.y"] aws_s3_bucket b[0]].
func splitAddress(addr string) []string {
	var parts []string
	depth, inStr, esc := 0, false, false
	start := 0
	for i := 0; i < len(addr); i++ {
		c := addr[i]
		switch {
		case esc:
			esc = false
		case inStr && c == '\\':
			esc = true
		case c == '"':
			inStr = !inStr
		case inStr:
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == '.' && depth == 0:
			parts = append(parts, addr[start:i])
			start = i + 1
		}
	}
	return append(parts, addr[start:])
}

// stripKey removes an instance key: b[0] → b, a["x"] → a.
func stripKey(s string) string {
	if i := strings.IndexByte(s, '['); i >= 0 {
		return s[:i]
	}
	return s
}

// ConfigAddress drops instance keys from an address:
// module.db[0].aws_db_instance.this["a"] → module.db.aws_db_instance.this.
func ConfigAddress(addr string) string {
	parts := splitAddress(addr)
	for i := range parts {
		parts[i] = stripKey(parts[i])
	}
	return strings.Join(parts, ".")
}

// merge overlays after_unknown (true → model.Unknown) and after_sensitive
// (true → Sensitive) on the planned values.
func merge(after, unknown, sensitive any) any {
	v := overlay(after, unknown, model.Unknown)
	return overlay(v, sensitive, Sensitive)
}

func overlay(v, mask any, marker string) any {
	switch m := mask.(type) {
	case bool:
		if m {
			return marker
		}
		return v
	case map[string]any:
		obj, ok := v.(map[string]any)
		if !ok {
			if v != nil {
				return v
			}
			obj = map[string]any{}
		}
		out := make(map[string]any, len(obj)+len(m))
		for k, x := range obj {
			out[k] = x
		}
		for k, sub := range m {
			nv := overlay(obj[k], sub, marker)
			if nv == nil {
				if _, had := obj[k]; !had {
					continue
				}
			}
			out[k] = nv
		}
		return out
	case []any:
		arr, ok := v.([]any)
		if !ok {
			if v != nil {
				return v
			}
			arr = nil
		}
		n := len(arr)
		if len(m) > n {
			n = len(m)
		}
		out := make([]any, n)
		copy(out, arr)
		for i, sub := range m {
			out[i] = overlay(out[i], sub, marker)
		}
		return out
	}
	return v
}

// configRefs maps a resource's config address to attribute path → the config
// addresses it references, through child modules and module inputs.
func configRefs(cfg *tfjson.Config) map[string]map[string][]string {
	out := map[string]map[string][]string{}
	if cfg == nil || cfg.RootModule == nil {
		return out
	}
	var walk func(m *tfjson.ConfigModule, prefix string, inputs map[string][]string, depth int)
	walk = func(m *tfjson.ConfigModule, prefix string, inputs map[string][]string, depth int) {
		if m == nil || depth > 64 {
			return
		}
		resolve := func(refs []string) []string {
			set := map[string]bool{}
			for _, r := range refs {
				if strings.HasPrefix(r, "var.") {
					name := stripKey(splitAddress(r)[1])
					for _, x := range inputs[name] {
						set[x] = true
					}
					continue
				}
				if t := refTarget(r); t != "" {
					set[prefix+t] = true
				}
			}
			l := make([]string, 0, len(set))
			for s := range set {
				l = append(l, s)
			}
			sort.Strings(l)
			return l
		}
		for _, r := range m.Resources {
			if r == nil {
				continue
			}
			attrs := map[string][]string{}
			var exprs func(es map[string]*tfjson.Expression, path string)
			exprs = func(es map[string]*tfjson.Expression, path string) {
				for k, e := range es {
					if e == nil {
						continue
					}
					p := k
					if path != "" {
						p = path + "." + k
					}
					if len(e.References) > 0 {
						if l := resolve(e.References); len(l) > 0 {
							attrs[p] = l
						}
					}
					for _, nb := range e.NestedBlocks {
						exprs(nb, p)
					}
				}
			}
			exprs(r.Expressions, "")
			if len(attrs) > 0 {
				out[prefix+r.Address] = attrs
			}
		}
		for name, call := range m.ModuleCalls {
			if call == nil {
				continue
			}
			in := map[string][]string{}
			for k, e := range call.Expressions {
				if e != nil && len(e.References) > 0 {
					in[k] = resolve(e.References)
				}
			}
			walk(call.Module, prefix+"module."+name+".", in, depth+1)
		}
	}
	walk(cfg.RootModule, "", nil, 0)
	return out
}

// refTarget turns a reference into the config address of what it names:
// aws_kms_key.k.arn → aws_kms_key.k, data.aws_iam_policy_document.p.json →
// data.aws_iam_policy_document.p, module.db.endpoint → module.db. Locals,
// variables and meta-references name no resource.
func refTarget(ref string) string {
	parts := splitAddress(ref)
	for i := range parts {
		parts[i] = stripKey(parts[i])
	}
	switch parts[0] {
	case "var", "local", "each", "count", "path", "self", "terraform":
		return ""
	case "data":
		if len(parts) >= 3 {
			return strings.Join(parts[:3], ".")
		}
		return ""
	case "module":
		if len(parts) >= 2 {
			return strings.Join(parts[:2], ".")
		}
		return ""
	}
	if len(parts) >= 2 {
		return parts[0] + "." + parts[1]
	}
	return ""
}
