package hcl

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// moduleConfig is the static configuration of one module directory.
type moduleConfig struct {
	dir       string
	tfFiles   int // .tf files present, whether or not they parsed
	variables []*varDecl
	locals    []*localDecl
	resources []*resourceDecl
	calls     []*moduleCall
	ignores   []attachedIgnore

	resByAddr   map[string]*resourceDecl // first declaration of each address
	varByName   map[string]*varDecl
	localByName map[string]*localDecl
}

type varDecl struct {
	name      string
	block     *hclsyntax.Block
	def       hclsyntax.Expression // nil: no default
	typ       cty.Type
	defaults  *typeexpr.Defaults
	sensitive bool
	nullable  bool
}

type localDecl struct {
	name string
	attr *hclsyntax.Attribute
}

type resourceDecl struct {
	mode  string // "managed" or "data"
	typ   string
	name  string
	block *hclsyntax.Block
}

// localAddr is the resource's address inside its module.
func (d *resourceDecl) localAddr() string {
	if d.mode == "data" {
		return "data." + d.typ + "." + d.name
	}
	return d.typ + "." + d.name
}

type moduleCall struct {
	name     string
	block    *hclsyntax.Block
	source   string
	sourceOK bool
}

// attachedIgnore is a gate:ignore comment and the block it is attached to.
type attachedIgnore struct {
	localAddr string
	c         ignoreComment
}

// loadModule parses the .tf files of a module directory, once.
func (r *reader) loadModule(dir string) (*moduleConfig, error) {
	if cfg, ok := r.modules[dir]; ok {
		return cfg, nil
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("module directory: %w", err)
	}
	if !st.IsDir() {
		return nil, errors.New("module source is not a directory")
	}
	names, jsonNames, err := tfFiles(dir)
	if err != nil {
		return nil, fmt.Errorf("list module directory: %w", err)
	}
	cfg := &moduleConfig{dir: dir, tfFiles: len(names), resByAddr: map[string]*resourceDecl{},
		varByName: map[string]*varDecl{}, localByName: map[string]*localDecl{}}
	r.modules[dir] = cfg
	for _, n := range jsonNames {
		r.note("%s: JSON configuration files (*.tf.json) are not read", r.rel(filepath.Join(dir, n)))
	}
	var primary, overrides []*srcFile
	for _, name := range names {
		if err := r.ctx.Err(); err != nil {
			return cfg, nil
		}
		sf := r.parseFile(filepath.Join(dir, name), kindConfig, false)
		if sf == nil {
			continue
		}
		if name == "override.tf" || strings.HasSuffix(name, "_override.tf") {
			overrides = append(overrides, sf)
		} else {
			primary = append(primary, sf)
		}
	}
	for _, sf := range primary {
		r.addFile(cfg, sf)
	}
	for _, sf := range overrides {
		r.mergeOverride(cfg, sf)
	}
	for _, sf := range append(primary, overrides...) {
		r.attachIgnores(cfg, sf)
	}
	return cfg, nil
}

// addFile adds the declarations of one primary file.
func (r *reader) addFile(cfg *moduleConfig, sf *srcFile) {
	for _, b := range sf.body.Blocks {
		switch b.Type {
		case "resource", "data":
			if len(b.Labels) != 2 {
				r.note("%s: %s block needs a type and a name label; skipped", rangeString(b.DefRange()), b.Type)
				continue
			}
			mode := "managed"
			if b.Type == "data" {
				mode = "data"
			}
			d := &resourceDecl{mode: mode, typ: b.Labels[0], name: b.Labels[1], block: b}
			if o := cfg.resByAddr[d.localAddr()]; o != nil {
				r.note("%s: %s is declared twice (also at %s); both are read",
					rangeString(b.DefRange()), d.localAddr(), rangeString(o.block.DefRange()))
			} else {
				cfg.resByAddr[d.localAddr()] = d
			}
			cfg.resources = append(cfg.resources, d)
		case "module":
			if len(b.Labels) != 1 {
				r.note("%s: module block needs one name label; skipped", rangeString(b.DefRange()))
				continue
			}
			mc := &moduleCall{name: b.Labels[0], block: b}
			mc.source, mc.sourceOK = literalString(b.Body.Attributes["source"])
			cfg.calls = append(cfg.calls, mc)
		case "variable":
			if len(b.Labels) != 1 {
				r.note("%s: variable block needs one name label; skipped", rangeString(b.DefRange()))
				continue
			}
			if r.findVar(cfg, b.Labels[0]) != nil {
				r.note("%s: variable %q is declared twice; the first is used", rangeString(b.DefRange()), b.Labels[0])
				continue
			}
			vd := r.varDecl(b)
			cfg.variables = append(cfg.variables, vd)
			cfg.varByName[vd.name] = vd
		case "locals":
			names := sortedAttrNames(b.Body)
			for _, name := range names {
				a := b.Body.Attributes[name]
				if r.findLocal(cfg, name) != nil {
					r.note("%s: local value %q is declared twice; the first is used", rangeString(a.SrcRange), name)
					continue
				}
				ld := &localDecl{name: name, attr: a}
				cfg.locals = append(cfg.locals, ld)
				cfg.localByName[name] = ld
			}
		}
	}
}

func (r *reader) findVar(cfg *moduleConfig, name string) *varDecl { return cfg.varByName[name] }

func (r *reader) findLocal(cfg *moduleConfig, name string) *localDecl { return cfg.localByName[name] }

func (r *reader) varDecl(b *hclsyntax.Block) *varDecl {
	vd := &varDecl{name: b.Labels[0], block: b, typ: cty.DynamicPseudoType, nullable: true}
	if a := b.Body.Attributes["default"]; a != nil {
		vd.def = a.Expr
	}
	if a := b.Body.Attributes["type"]; a != nil {
		ty, defaults, diags := typeexpr.TypeConstraintWithDefaults(a.Expr)
		if diags.HasErrors() {
			r.note("%s: variable %q has an invalid type constraint; its value is not converted",
				rangeString(a.SrcRange), vd.name)
		} else {
			vd.typ, vd.defaults = ty, defaults
		}
	}
	if v, ok := r.literalBool(b.Body.Attributes["sensitive"]); ok {
		vd.sensitive = v
	}
	if v, ok := r.literalBool(b.Body.Attributes["nullable"]); ok {
		vd.nullable = v
	}
	return vd
}

// literalBool evaluates a constant boolean attribute.
func (r *reader) literalBool(a *hclsyntax.Attribute) (value, ok bool) {
	if a == nil {
		return false, false
	}
	v, diags := a.Expr.Value(&hcl.EvalContext{Functions: r.funcs})
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.Bool {
		return false, false
	}
	return v.True(), true
}

// literalString returns the value of an attribute written as a plain string.
func literalString(a *hclsyntax.Attribute) (string, bool) {
	if a == nil {
		return "", false
	}
	t, ok := a.Expr.(*hclsyntax.TemplateExpr)
	if !ok || !t.IsStringLiteral() {
		return "", false
	}
	v, diags := t.Value(nil)
	if diags.HasErrors() || v.Type() != cty.String || !v.IsKnown() || v.IsNull() {
		return "", false
	}
	return v.AsString(), true
}

// isLocalSource reports whether a module source is a local path.
func isLocalSource(src string) bool {
	return strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../") ||
		strings.HasPrefix(src, `.\`) || strings.HasPrefix(src, `..\`) || src == "." || src == ".."
}

// mergeOverride applies an override file the way Terraform does: each block
// merges into the primary block of the same address (attributes replace
// attributes; nested blocks of a type replace all blocks of that type).
func (r *reader) mergeOverride(cfg *moduleConfig, sf *srcFile) {
	for _, b := range sf.body.Blocks {
		switch b.Type {
		case "resource", "data":
			if len(b.Labels) != 2 {
				continue
			}
			mode := "managed"
			if b.Type == "data" {
				mode = "data"
			}
			addr := (&resourceDecl{mode: mode, typ: b.Labels[0], name: b.Labels[1]}).localAddr()
			d := cfg.resByAddr[addr]
			if d != nil {
				d.block = mergeBlock(d.block, b)
			} else {
				r.note("%s: override for %s.%s has no block to override; ignored", rangeString(b.DefRange()), b.Labels[0], b.Labels[1])
			}
		case "module":
			if len(b.Labels) != 1 {
				continue
			}
			matched := false
			for _, mc := range cfg.calls {
				if mc.name == b.Labels[0] {
					mc.block = mergeBlock(mc.block, b)
					if _, ok := b.Body.Attributes["source"]; ok {
						mc.source, mc.sourceOK = literalString(b.Body.Attributes["source"])
					}
					matched = true
				}
			}
			if !matched {
				r.note("%s: override for module %q has no block to override; ignored", rangeString(b.DefRange()), b.Labels[0])
			}
		case "variable":
			if len(b.Labels) != 1 {
				continue
			}
			for i, vd := range cfg.variables {
				if vd.name == b.Labels[0] {
					cfg.variables[i] = r.varDecl(mergeBlock(vd.block, b))
					cfg.varByName[vd.name] = cfg.variables[i]
				}
			}
		case "locals":
			for _, name := range sortedAttrNames(b.Body) {
				if l := r.findLocal(cfg, name); l != nil {
					l.attr = b.Body.Attributes[name]
				} else {
					r.note("%s: override for local value %q has no value to override; ignored",
						rangeString(b.Body.Attributes[name].SrcRange), name)
				}
			}
		}
	}
}

// mergeBlock returns a copy of orig with the override's content merged in.
func mergeBlock(orig, over *hclsyntax.Block) *hclsyntax.Block {
	attrs := make(hclsyntax.Attributes, len(orig.Body.Attributes)+len(over.Body.Attributes))
	for k, v := range orig.Body.Attributes {
		attrs[k] = v
	}
	for k, v := range over.Body.Attributes {
		attrs[k] = v
	}
	replaced := map[string]bool{}
	for _, b := range over.Body.Blocks {
		replaced[blockTypeName(b)] = true
	}
	var blocks hclsyntax.Blocks
	for _, b := range orig.Body.Blocks {
		if !replaced[blockTypeName(b)] {
			blocks = append(blocks, b)
		}
	}
	blocks = append(blocks, over.Body.Blocks...)
	nb := *orig
	nb.Body = &hclsyntax.Body{Attributes: attrs, Blocks: blocks, SrcRange: orig.Body.SrcRange, EndRange: orig.Body.EndRange}
	return &nb
}

// blockTypeName is the type a nested block produces (a dynamic block
// produces blocks of its label).
func blockTypeName(b *hclsyntax.Block) string {
	if b.Type == "dynamic" && len(b.Labels) == 1 {
		return b.Labels[0]
	}
	return b.Type
}

// attachIgnores finds the block each gate:ignore comment of a file belongs to.
func (r *reader) attachIgnores(cfg *moduleConfig, sf *srcFile) {
	for _, c := range sf.ignores {
		var target *hclsyntax.Block
		for _, b := range sf.body.Blocks {
			rng := b.Range()
			if b.DefRange().Start.Line == c.target || (rng.Start.Line <= c.target && c.target <= rng.End.Line) {
				target = b
				break
			}
		}
		addr := ""
		if target != nil {
			switch {
			case (target.Type == "resource") && len(target.Labels) == 2:
				addr = target.Labels[0] + "." + target.Labels[1]
			case target.Type == "data" && len(target.Labels) == 2:
				addr = "data." + target.Labels[0] + "." + target.Labels[1]
			case target.Type == "module" && len(target.Labels) == 1:
				addr = "module." + target.Labels[0]
			}
		}
		if addr == "" {
			r.errs = append(r.errs, ignoreError(c.pos, errors.New(
				"gate:ignore comment is not directly above (or on the first line of) a resource, data or module block")))
			continue
		}
		cfg.ignores = append(cfg.ignores, attachedIgnore{localAddr: addr, c: c})
	}
}

// sortedAttrNames lists a body's attribute names in source order.
func sortedAttrNames(b *hclsyntax.Body) []string {
	names := make([]string, 0, len(b.Attributes))
	for n := range b.Attributes {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		a, c := b.Attributes[names[i]].SrcRange, b.Attributes[names[j]].SrcRange
		if a.Filename != c.Filename {
			return a.Filename < c.Filename
		}
		if a.Start.Byte != c.Start.Byte {
			return a.Start.Byte < c.Start.Byte
		}
		return names[i] < names[j]
	})
	return names
}
