package hcl

import (
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/gatehq/gate/engine/model"
)

// moduleInst is one instance of a module being evaluated.
type moduleInst struct {
	r          *reader
	cfg        *moduleConfig
	instPath   string   // "" at the root, "module.a[0].module.b" below
	cfgPath    string   // the same without instance keys
	depth      int      // 0 at the root
	stack      []string // module directories from the root down to this one
	pathModule string   // path.module: the directory relative to the root module
	vars       map[string]cty.Value
	varRefs    map[string][]string
	locals     map[string]cty.Value
	localRefs  map[string][]string
}

// inputVal is a value given to a variable (module argument or tfvars).
type inputVal struct {
	val  cty.Value
	refs []string
	rng  hcl.Range
}

// iterVar is a dynamic block iterator in scope.
type iterVar struct {
	val  cty.Value
	refs []string
}

// scope holds what an expression inside one block instance can see besides
// the module's variables and locals.
type scope struct {
	count    cty.Value // the "count" object, cty.NilVal when not counted
	each     cty.Value // the "each" object, cty.NilVal without for_each
	eachRefs []string
	iters    map[string]iterVar
}

func (sc *scope) withIter(name string, iv iterVar) *scope {
	n := *sc
	n.iters = make(map[string]iterVar, len(sc.iters)+1)
	for k, v := range sc.iters {
		n.iters[k] = v
	}
	n.iters[name] = iv
	return &n
}

// stopped reports whether evaluation must stop: cancelled, or out of budget.
func (r *reader) stopped() bool {
	return r.ctx.Err() != nil || r.budget.exhausted
}

// run evaluates the module instance: variables, locals, resources, then
// child modules.
func (mi *moduleInst) run(inputs map[string]inputVal, root bool) {
	mi.resolveVars(inputs, root)
	mi.evalLocals()
	mi.emitSuppressions()
	for _, rd := range mi.cfg.resources {
		if mi.r.stopped() {
			return
		}
		mi.evalResource(rd)
	}
	for _, mc := range mi.cfg.calls {
		if mi.r.stopped() {
			return
		}
		mi.evalCall(mc)
	}
}

// pythonBool recognises the capitalised booleans of other languages.
func pythonBool(name string) (value, ok bool) {
	switch name {
	case "True", "TRUE":
		return true, true
	case "False", "FALSE":
		return false, true
	}
	return false, false
}

// attrStep returns the attribute name at step i of a traversal.
func attrStep(tr hcl.Traversal, i int) (string, bool) {
	if len(tr) <= i {
		return "", false
	}
	switch s := tr[i].(type) {
	case hcl.TraverseAttr:
		return s.Name, true
	case hcl.TraverseIndex:
		if s.Key.Type() == cty.String && s.Key.IsKnown() && !s.Key.IsNull() {
			return s.Key.AsString(), true
		}
	}
	return "", false
}

// eval evaluates an expression in the module instance and scope. It returns
// the value (partially unknown where it refers to resources, data sources,
// module outputs or unknown variables) and the config addresses it refers
// to, directly or through locals, variables, for_each and iterators.
func (mi *moduleInst) eval(expr hcl.Expression, sc *scope) (cty.Value, []string) {
	r := mi.r
	vars := map[string]cty.Value{}
	var refs [][]string
	varNames, localNames := map[string]bool{}, map[string]bool{}
	allVars, allLocals, usesVar, usesLocal := false, false, false, false
	for _, tr := range expr.Variables() {
		root := tr.RootName()
		if iv, ok := sc.iters[root]; ok {
			vars[root] = iv.val
			refs = append(refs, iv.refs)
			continue
		}
		switch root {
		case "var":
			usesVar = true
			if name, ok := attrStep(tr, 1); ok {
				varNames[name] = true
				refs = append(refs, mi.varRefs[name])
			} else {
				allVars = true
			}
		case "local":
			usesLocal = true
			if name, ok := attrStep(tr, 1); ok {
				localNames[name] = true
				refs = append(refs, mi.localRefs[name])
			} else {
				allLocals = true
			}
		case "count":
			vars[root] = cty.DynamicVal
			if sc.count != cty.NilVal {
				vars[root] = sc.count
			}
		case "each":
			vars[root] = cty.DynamicVal
			if sc.each != cty.NilVal {
				vars[root] = sc.each
				refs = append(refs, sc.eachRefs)
			}
		case "path":
			vars[root] = cty.ObjectVal(map[string]cty.Value{
				"module": cty.StringVal(mi.pathModule), "root": cty.StringVal("."), "cwd": cty.StringVal("."),
			})
		case "terraform":
			vars[root] = cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal("default")})
		case "self":
			vars[root] = cty.DynamicVal
		case "data":
			vars[root] = cty.DynamicVal
			if t, ok := attrStep(tr, 1); ok {
				if n, ok := attrStep(tr, 2); ok {
					refs = append(refs, []string{joinAddr(mi.cfgPath, "data."+t+"."+n)})
				}
			}
		case "module":
			vars[root] = cty.DynamicVal
			if n, ok := attrStep(tr, 1); ok {
				refs = append(refs, []string{joinAddr(mi.cfgPath, "module."+n)})
			}
		default:
			if b, ok := pythonBool(root); ok && len(tr) == 1 {
				// True/False: invalid in Terraform (which wants true/false)
				// but common in samples; read as the boolean meant.
				vars[root] = cty.BoolVal(b)
				r.note("%s: %s is not a Terraform boolean (true/false); read as %t", rangeString(tr.SourceRange()), root, b)
				continue
			}
			// A resource type: every attribute of a resource is known only
			// after apply.
			vars[root] = cty.DynamicVal
			if n, ok := attrStep(tr, 1); ok {
				refs = append(refs, []string{joinAddr(mi.cfgPath, root+"."+n)})
			}
		}
	}
	if usesVar {
		vars["var"] = pick(mi.vars, varNames, allVars)
	}
	if usesLocal {
		vars["local"] = pick(mi.locals, localNames, allLocals)
	}
	if !r.budget.charge(r.astSizes[sizeKey(expr)] * nodeCost) {
		r.checkBudget(expr.Range())
		return cty.DynamicVal, unionSorted(refs...)
	}
	v, diags := expr.Value(&hcl.EvalContext{Variables: vars, Functions: r.funcs})
	if diags.HasErrors() {
		r.noteDiags(diags)
	}
	if v == cty.NilVal {
		v = cty.DynamicVal
	}
	v = r.admit(v, expr.Range())
	return v, unionSorted(refs...)
}

// sizeKey is the key of an expression in reader.astSizes.
func sizeKey(expr hcl.Expression) hclsyntax.Expression {
	e, _ := expr.(hclsyntax.Expression)
	return e
}

// admit charges an evaluated value to the budget and checks its depth; a
// value that cannot be admitted becomes unknown and an input error.
func (r *reader) admit(v cty.Value, rng hcl.Range) cty.Value {
	size, depth := measure(v, r.budget.left)
	ok := r.budget.charge(size)
	r.checkBudget(rng)
	if !ok {
		return cty.DynamicVal
	}
	if depth > maxValueDepth {
		r.inputError(&rng, "", fmt.Errorf("value nested deeper than %d levels", maxValueDepth))
		return cty.DynamicVal
	}
	return v
}

// checkBudget reports the spent budget once, at the expression being read.
func (r *reader) checkBudget(rng hcl.Range) {
	if r.budget.exhausted && !r.budgetReported {
		r.budgetReported = true
		r.inputError(&rng, "", fmt.Errorf(
			"evaluation budget exhausted here: the configuration is too large or too expensive to evaluate statically"))
	}
}

// pick builds the object of the named values (all of them when all is set).
func pick(values map[string]cty.Value, names map[string]bool, all bool) cty.Value {
	out := map[string]cty.Value{}
	for name, v := range values {
		if all || names[name] {
			out[name] = v
		}
	}
	return cty.ObjectVal(out)
}

// noteDiags records the first error of an evaluation as a note.
func (r *reader) noteDiags(diags hcl.Diagnostics) {
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		if d.Subject != nil {
			r.note("%s: %s; the value is read as unknown", rangeString(*d.Subject), msg)
		} else {
			r.note("%s; the value is read as unknown", msg)
		}
		return
	}
}

// resolveVars gives each declared variable its value: the input (module
// argument or tfvars), else the default, else unknown.
func (mi *moduleInst) resolveVars(inputs map[string]inputVal, root bool) {
	r := mi.r
	mi.vars = map[string]cty.Value{}
	mi.varRefs = map[string][]string{}
	for _, vd := range mi.cfg.variables {
		in, have := inputs[vd.name]
		val := in.val
		if have && val.IsNull() && !vd.nullable {
			have = false
		}
		if !have && vd.def != nil {
			val, _ = mi.eval(vd.def, &scope{})
			have = true
		}
		if have {
			val = mi.convertVar(vd, val)
		} else {
			val = cty.DynamicVal
		}
		if vd.sensitive {
			val = val.Mark(sensitiveMark)
		}
		mi.vars[vd.name] = val
		if have {
			mi.varRefs[vd.name] = in.refs
		}
	}
	names := make([]string, 0, len(inputs))
	for name := range inputs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if r.findVar(mi.cfg, name) == nil {
			what := "module " + mi.cfgPath + " has no variable"
			if root {
				what = "value for undeclared variable"
			}
			r.note("%s: %s %q; ignored", rangeString(inputs[name].rng), what, name)
		}
	}
}

// convertVar applies a variable's type constraint (and optional-attribute
// defaults) to a value; a value that does not convert is kept as written.
func (mi *moduleInst) convertVar(vd *varDecl, val cty.Value) cty.Value {
	v, pvm := val.UnmarkDeepWithPaths()
	if vd.defaults != nil {
		v = vd.defaults.Apply(v)
	}
	if vd.typ != cty.DynamicPseudoType {
		c, err := convert.Convert(v, vd.typ)
		if err != nil {
			mi.r.note("%s: the value of variable %q does not match its type (%s); read as written",
				rangeString(vd.block.DefRange()), vd.name, err)
		} else {
			v = c
		}
	}
	return v.MarkWithPaths(pvm)
}

// evalLocals evaluates local values in dependency order; values in a cycle
// are unknown.
func (mi *moduleInst) evalLocals() {
	r := mi.r
	mi.locals = map[string]cty.Value{}
	mi.localRefs = map[string][]string{}
	decls := mi.cfg.locals
	index := make(map[string]int, len(decls))
	for i, d := range decls {
		index[d.name] = i
	}
	indeg := make([]int, len(decls))
	dependents := make([][]int, len(decls))
	for i, d := range decls {
		seen := map[int]bool{}
		for _, tr := range d.attr.Expr.Variables() {
			if tr.RootName() != "local" {
				continue
			}
			name, ok := attrStep(tr, 1)
			if !ok {
				continue
			}
			j, ok := index[name]
			if !ok || seen[j] {
				continue
			}
			seen[j] = true
			indeg[i]++
			dependents[j] = append(dependents[j], i)
		}
	}
	var queue []int
	for i := range decls {
		if indeg[i] == 0 {
			queue = append(queue, i)
		}
	}
	for len(queue) > 0 {
		if r.stopped() {
			break
		}
		i := queue[0]
		queue = queue[1:]
		d := decls[i]
		v, refs := mi.eval(d.attr.Expr, &scope{})
		mi.locals[d.name] = v
		mi.localRefs[d.name] = refs
		for _, k := range dependents[i] {
			indeg[k]--
			if indeg[k] == 0 {
				queue = append(queue, k)
			}
		}
	}
	for i, d := range decls {
		if _, ok := mi.locals[d.name]; !ok {
			if indeg[i] > 0 && !r.stopped() {
				r.note("%s: local.%s is part of a dependency cycle; read as unknown", rangeString(d.attr.SrcRange), d.name)
			}
			mi.locals[d.name] = cty.DynamicVal
		}
	}
}

// instance is one expansion of a block with count or for_each.
type instance struct {
	key   string // address suffix: "", "[0]" or `["a"]`
	index any    // count index (float64), for_each key (string) or nil
	sc    *scope
}

// expand evaluates count or for_each of a resource or module block.
func (mi *moduleInst) expand(body *hclsyntax.Body, what string) []instance {
	r := mi.r
	countAttr, feAttr := body.Attributes["count"], body.Attributes["for_each"]
	if countAttr != nil && feAttr != nil {
		r.note("%s: both count and for_each are set; count is used", what)
	}
	switch {
	case countAttr != nil:
		v, _ := mi.eval(countAttr.Expr, &scope{})
		n, why := countOf(v)
		if why != "" {
			r.note("%s: %s: %s; read as one instance with index null", rangeString(countAttr.SrcRange), what, why)
			return []instance{{sc: &scope{count: cty.ObjectVal(map[string]cty.Value{"index": cty.UnknownVal(cty.Number)})}}}
		}
		if n > maxInstances {
			r.note("%s: %s: count is %d; only the first %d instances are read", rangeString(countAttr.SrcRange), what, n, maxInstances)
			n = maxInstances
		}
		out := make([]instance, n)
		for i := range out {
			out[i] = instance{
				key:   fmt.Sprintf("[%d]", i),
				index: float64(i),
				sc:    &scope{count: cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(int64(i))})},
			}
		}
		return out
	case feAttr != nil:
		v, refs := mi.eval(feAttr.Expr, &scope{})
		keys, vals, why := mi.forEachOf(v, rangeString(feAttr.SrcRange)+": "+what)
		if why != "" {
			r.note("%s: %s: %s; read as one instance with index null", rangeString(feAttr.SrcRange), what, why)
			return []instance{{sc: &scope{
				each:     cty.ObjectVal(map[string]cty.Value{"key": cty.UnknownVal(cty.String), "value": cty.DynamicVal}),
				eachRefs: refs,
			}}}
		}
		if len(keys) > maxInstances {
			r.note("%s: %s: for_each has %d elements; only the first %d instances are read", rangeString(feAttr.SrcRange), what, len(keys), maxInstances)
			keys, vals = keys[:maxInstances], vals[:maxInstances]
		}
		out := make([]instance, len(keys))
		for i, k := range keys {
			out[i] = instance{
				key:   instanceKey(cty.StringVal(k)),
				index: k,
				sc: &scope{
					each:     cty.ObjectVal(map[string]cty.Value{"key": cty.StringVal(k), "value": vals[i]}),
					eachRefs: refs,
				},
			}
		}
		return out
	}
	return []instance{{sc: &scope{}}}
}

// countOf reads a count value; why explains a value that cannot be used.
func countOf(v cty.Value) (int64, string) {
	v, _ = v.UnmarkDeep()
	if !v.IsKnown() {
		return 0, "count is not known before apply"
	}
	if v.IsNull() {
		return 0, "count is null"
	}
	nv, err := convert.Convert(v, cty.Number)
	if err != nil {
		return 0, "count is not a number"
	}
	if !nv.IsKnown() || nv.IsNull() {
		return 0, "count is not known before apply"
	}
	bf := nv.AsBigFloat()
	if bf.IsInf() || !bf.IsInt() || bf.Sign() < 0 {
		return 0, fmt.Sprintf("count %s is not a whole number of zero or more", bf.Text('g', 10))
	}
	n, acc := bf.Int64()
	if acc != big.Exact {
		return maxInstances + 1, ""
	}
	return n, ""
}

// forEachOf reads a for_each value into sorted keys and values.
func (mi *moduleInst) forEachOf(v cty.Value, what string) ([]string, []cty.Value, string) {
	v, marks := v.Unmark()
	if !v.IsKnown() {
		return nil, nil, "for_each is not known before apply"
	}
	if v.IsNull() {
		return nil, nil, "for_each is null"
	}
	ty := v.Type()
	type kv struct {
		k string
		v cty.Value
	}
	var elems []kv
	switch {
	case ty.IsMapType() || ty.IsObjectType():
		for it := v.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			elems = append(elems, kv{k.AsString(), ev.WithMarks(marks)})
		}
	case ty.IsSetType() || ty.IsListType() || ty.IsTupleType():
		if !ty.IsSetType() {
			mi.r.note("%s: for_each is a list; Terraform wants a map or a set of strings (toset()); read as a set", what)
		}
		seen := map[string]bool{}
		for it := v.ElementIterator(); it.Next(); {
			_, ev := it.Element()
			ev, _ = ev.UnmarkDeep()
			if !ev.IsKnown() {
				return nil, nil, "for_each has elements not known before apply"
			}
			sv, err := convert.Convert(ev, cty.String)
			if err != nil || sv.IsNull() || !sv.IsKnown() {
				return nil, nil, "for_each must be a map or a set of strings"
			}
			s := sv.AsString()
			if !seen[s] {
				seen[s] = true
				elems = append(elems, kv{s, cty.StringVal(s).WithMarks(marks)})
			}
		}
	default:
		return nil, nil, "for_each must be a map or a set of strings"
	}
	sort.SliceStable(elems, func(i, j int) bool { return elems[i].k < elems[j].k })
	keys := make([]string, len(elems))
	vals := make([]cty.Value, len(elems))
	for i, e := range elems {
		keys[i], vals[i] = e.k, e.v
	}
	return keys, vals, ""
}

// providerName is the provider's local name: the provider meta-argument's
// root, else the resource type up to the first "_".
func providerName(body *hclsyntax.Body, typ string) string {
	if a := body.Attributes["provider"]; a != nil {
		if tr, diags := hcl.AbsTraversalForExpr(a.Expr); !diags.HasErrors() && len(tr) > 0 {
			return tr.RootName()
		}
	}
	if i := strings.IndexByte(typ, '_'); i > 0 {
		return typ[:i]
	}
	return typ
}

func resourceMetaAttr(name string) bool {
	switch name {
	case "count", "for_each", "provider", "depends_on":
		return true
	}
	return false
}

func resourceMetaBlock(name string) bool {
	switch name {
	case "lifecycle", "provisioner", "connection":
		return true
	}
	return false
}

func moduleMetaAttr(name string) bool {
	switch name {
	case "source", "version", "count", "for_each", "providers", "depends_on":
		return true
	}
	return false
}

// posFunc records the position of an attribute path of the current instance.
type posFunc func(path string, rng hcl.Range)

// evalResource evaluates every instance of a resource or data block.
func (mi *moduleInst) evalResource(rd *resourceDecl) {
	r := mi.r
	defRng := rd.block.DefRange()
	defer func() {
		if p := recover(); p != nil {
			r.inputError(&defRng, "", fmt.Errorf("internal error evaluating %s: %v", rd.localAddr(), p))
		}
	}()
	cfgAddr := joinAddr(mi.cfgPath, rd.localAddr())
	provider := providerName(rd.block.Body, rd.typ)
	for _, in := range mi.expand(rd.block.Body, cfgAddr) {
		if r.stopped() {
			return
		}
		addr := joinAddr(mi.instPath, rd.localAddr()) + in.key
		pos := func(path string, rng hcl.Range) {
			p := position(rng)
			r.positions.Set(addr, path, p)
			r.positions.Set(cfgAddr, path, p)
			r.budget.charge(elementCost)
		}
		pos("", defRng)
		values := map[string]any{}
		refs := refSet{}
		mi.evalBody(rd.block.Body, in.sc, "", "", values, refs, pos, true)
		r.checkBudget(defRng)
		r.resources = append(r.resources, map[string]any{
			"address":        addr,
			"config_address": cfgAddr,
			"module":         mi.instPath,
			"mode":           rd.mode,
			"type":           rd.typ,
			"name":           rd.name,
			"index":          in.index,
			"provider":       provider,
			"action":         "source",
			"values":         values,
			"refs":           refs.json(),
		})
	}
}

// evalBody evaluates the attributes and nested blocks of a body into out.
// attrPath is the position path of the body ("rule[0]"), refPath its refs
// path ("rule"); top is set for the resource body itself, whose
// meta-arguments are left out.
func (mi *moduleInst) evalBody(body *hclsyntax.Body, sc *scope, attrPath, refPath string,
	out map[string]any, refs refSet, pos posFunc, top bool) {
	for _, name := range sortedAttrNames(body) {
		if top && resourceMetaAttr(name) {
			continue
		}
		a := body.Attributes[name]
		v, rs := mi.eval(a.Expr, sc)
		out[name] = toJSON(v)
		refs.add(joinPath(refPath, name), rs)
		p := joinPath(attrPath, name)
		pos(p, a.SrcRange)
		literalPositions(p, a.Expr, pos, 0)
	}
	for _, b := range body.Blocks {
		if mi.r.stopped() {
			return
		}
		if top && resourceMetaBlock(b.Type) {
			continue
		}
		if b.Type == "dynamic" {
			mi.evalDynamic(b, sc, attrPath, refPath, out, refs, pos)
			continue
		}
		child := map[string]any{}
		i := appendBlock(out, b.Type, child)
		p := fmt.Sprintf("%s[%d]", joinPath(attrPath, b.Type), i)
		if i == 0 {
			pos(joinPath(attrPath, b.Type), b.DefRange())
		}
		pos(p, b.DefRange())
		mi.evalBody(b.Body, sc, p, joinPath(refPath, b.Type), child, refs, pos, false)
	}
}

// appendBlock appends a nested block value to out[name] and returns its index.
func appendBlock(out map[string]any, name string, v any) int {
	list, _ := out[name].([]any)
	list = append(list, v)
	out[name] = list
	return len(list) - 1
}

// evalDynamic expands a dynamic block. With an unknown for_each the block
// list gets one unknown element.
func (mi *moduleInst) evalDynamic(b *hclsyntax.Block, sc *scope, attrPath, refPath string,
	out map[string]any, refs refSet, pos posFunc) {
	r := mi.r
	if len(b.Labels) != 1 {
		r.note("%s: dynamic block needs one label; skipped", rangeString(b.DefRange()))
		return
	}
	name := b.Labels[0]
	refKey := joinPath(refPath, name)
	blockPath := joinPath(attrPath, name)
	var content *hclsyntax.Block
	for _, c := range b.Body.Blocks {
		if c.Type == "content" {
			content = c
			break
		}
	}
	feAttr := b.Body.Attributes["for_each"]
	if feAttr == nil || content == nil {
		r.note("%s: dynamic %q block needs for_each and content; read as unknown", rangeString(b.DefRange()), name)
		i := appendBlock(out, name, unknownJSON())
		pos(fmt.Sprintf("%s[%d]", blockPath, i), b.DefRange())
		return
	}
	iterName := name
	if it := b.Body.Attributes["iterator"]; it != nil {
		if kw := hcl.ExprAsKeyword(it.Expr); kw != "" {
			iterName = kw
		}
	}
	v, feRefs := mi.eval(feAttr.Expr, sc)
	v, marks := v.Unmark()
	if !v.IsKnown() || v.IsNull() || !v.CanIterateElements() || (v.Type().IsSetType() && !v.IsWhollyKnown()) {
		if v.IsKnown() && !v.IsNull() && !v.CanIterateElements() {
			r.note("%s: dynamic %q for_each is not a collection; read as unknown", rangeString(feAttr.SrcRange), name)
		}
		i := appendBlock(out, name, unknownJSON())
		if i == 0 {
			pos(blockPath, b.DefRange())
		}
		pos(fmt.Sprintf("%s[%d]", blockPath, i), b.DefRange())
		refs.add(refKey, feRefs)
		return
	}
	n := 0
	for it := v.ElementIterator(); it.Next(); {
		if r.stopped() {
			return
		}
		if n >= maxInstances {
			r.note("%s: dynamic %q has more than %d elements; only the first %d are read",
				rangeString(b.DefRange()), name, maxInstances, maxInstances)
			break
		}
		n++
		k, ev := it.Element()
		if v.Type().IsSetType() {
			k = ev
		}
		iv := iterVar{
			val:  cty.ObjectVal(map[string]cty.Value{"key": k, "value": ev.WithMarks(marks)}),
			refs: feRefs,
		}
		child := map[string]any{}
		i := appendBlock(out, name, child)
		p := fmt.Sprintf("%s[%d]", blockPath, i)
		if i == 0 {
			pos(blockPath, b.DefRange())
		}
		pos(p, b.DefRange())
		mi.evalBody(content.Body, sc.withIter(iterName, iv), p, refKey, child, refs, pos, false)
	}
}

func unknownJSON() any { return toJSON(cty.DynamicVal) }

// literalPositions records positions inside object and tuple constructors
// written in the source ("tags.env", "cidr_blocks[0]").
func literalPositions(path string, expr hclsyntax.Expression, pos posFunc, depth int) {
	if depth > 32 {
		return
	}
	switch e := expr.(type) {
	case *hclsyntax.ObjectConsExpr:
		for _, item := range e.Items {
			key, ok := literalKey(item.KeyExpr)
			if !ok {
				continue
			}
			p := keySegment(path, key)
			pos(p, hcl.RangeBetween(item.KeyExpr.Range(), item.ValueExpr.Range()))
			literalPositions(p, item.ValueExpr, pos, depth+1)
		}
	case *hclsyntax.TupleConsExpr:
		for i, ex := range e.Exprs {
			p := fmt.Sprintf("%s[%d]", path, i)
			pos(p, ex.Range())
			literalPositions(p, ex, pos, depth+1)
		}
	}
}

// literalKey returns an object key written as a name or a plain string.
func literalKey(expr hclsyntax.Expression) (string, bool) {
	if kw := hcl.ExprAsKeyword(expr); kw != "" {
		return kw, true
	}
	if k, ok := expr.(*hclsyntax.ObjectConsKeyExpr); ok {
		expr = k.Wrapped
	}
	t, ok := expr.(*hclsyntax.TemplateExpr)
	if !ok || !t.IsStringLiteral() {
		return "", false
	}
	v, diags := t.Value(nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

// evalCall follows a module call: local sources are read with the call's
// arguments as the child's variables; remote sources are noted.
func (mi *moduleInst) evalCall(mc *moduleCall) {
	r := mi.r
	cfgAddr := joinAddr(mi.cfgPath, "module."+mc.name)
	defRng := mc.block.DefRange()
	srcRng := defRng
	if a := mc.block.Body.Attributes["source"]; a != nil {
		srcRng = a.SrcRange
	}
	record := func(followed bool, reason string) {
		if r.moduleSeen[cfgAddr] {
			return
		}
		r.moduleSeen[cfgAddr] = true
		e := map[string]any{"address": cfgAddr, "source": mc.source, "followed": followed}
		if reason != "" {
			e["reason"] = reason
		}
		r.moduleList = append(r.moduleList, e)
	}
	if !mc.sourceOK {
		r.note("%s: %s has no literal source string; not followed", rangeString(defRng), cfgAddr)
		record(false, "module source is not a literal string")
		return
	}
	if !isLocalSource(mc.source) {
		r.note("%s: remote module source %q not followed", cfgAddr, mc.source)
		record(false, "remote module source not followed")
		return
	}
	dir := filepath.Clean(filepath.Join(mi.cfg.dir, filepath.FromSlash(strings.ReplaceAll(mc.source, `\`, "/"))))
	for i, d := range mi.stack {
		if d == dir {
			var chain []string
			for _, s := range mi.stack[i:] {
				chain = append(chain, r.rel(s))
			}
			chain = append(chain, r.rel(dir))
			r.inputError(&srcRng, "", fmt.Errorf("%s: module cycle: %s", cfgAddr, strings.Join(chain, " -> ")))
			record(false, "module cycle")
			return
		}
	}
	if mi.depth+1 > maxModuleDepth {
		r.inputError(&srcRng, "", fmt.Errorf("%s: modules nested deeper than %d levels", cfgAddr, maxModuleDepth))
		record(false, fmt.Sprintf("modules nested deeper than %d levels", maxModuleDepth))
		return
	}
	cfg, err := r.loadModule(dir)
	if err != nil {
		r.inputError(&srcRng, "", fmt.Errorf("%s: local module %q: %w", cfgAddr, mc.source, err))
		record(false, "local module directory not readable")
		return
	}
	if cfg.tfFiles == 0 {
		r.note("%s: module directory %s has no .tf files", cfgAddr, r.rel(dir))
	}
	record(true, "")
	pathModule := "."
	if rel, err := filepath.Rel(r.rootDir, dir); err == nil {
		pathModule = filepath.ToSlash(rel)
	}
	stack := append(append([]string(nil), mi.stack...), dir)
	for _, in := range mi.expand(mc.block.Body, cfgAddr) {
		if r.stopped() {
			return
		}
		instPath := joinAddr(mi.instPath, "module."+mc.name) + in.key
		r.positions.Set(instPath, "", position(defRng))
		r.positions.Set(cfgAddr, "", position(defRng))
		inputs := map[string]inputVal{}
		for _, name := range sortedAttrNames(mc.block.Body) {
			if moduleMetaAttr(name) {
				continue
			}
			a := mc.block.Body.Attributes[name]
			v, refs := mi.eval(a.Expr, in.sc)
			inputs[name] = inputVal{val: v, refs: refs, rng: a.SrcRange}
		}
		child := &moduleInst{r: r, cfg: cfg, instPath: instPath, cfgPath: cfgAddr, depth: mi.depth + 1,
			stack: stack, pathModule: pathModule}
		child.run(inputs, false)
	}
}

// rootInputs loads the variable files of the root module in Terraform's
// order: terraform.tfvars, terraform.tfvars.json, *.auto.tfvars(.json) in
// lexical order, then the -var-file paths; later values win.
func (r *reader) rootInputs() map[string]inputVal {
	inputs := map[string]inputVal{}
	for _, name := range []string{"terraform.tfvars", "terraform.tfvars.json"} {
		p := filepath.Join(r.rootDir, name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			r.loadVarFile(p, false, inputs)
		}
	}
	if entries, err := os.ReadDir(r.rootDir); err == nil {
		for _, e := range entries {
			n := e.Name()
			if e.IsDir() || ignoredFile(n) || !(strings.HasSuffix(n, ".auto.tfvars") || strings.HasSuffix(n, ".auto.tfvars.json")) {
				continue
			}
			r.loadVarFile(filepath.Join(r.rootDir, n), false, inputs)
		}
	}
	for _, f := range r.opts.VarFiles {
		abs, err := filepath.Abs(f)
		if err != nil {
			r.errs = append(r.errs, &model.InputError{Path: filepath.ToSlash(f), Err: err, Explicit: true})
			continue
		}
		r.loadVarFile(abs, true, inputs)
	}
	return inputs
}

// loadVarFile reads one variables file into inputs. Variables files hold
// constant values only.
func (r *reader) loadVarFile(abs string, explicit bool, inputs map[string]inputVal) {
	if r.stopped() {
		return
	}
	kind := kindVarsHCL
	if strings.HasSuffix(abs, ".json") {
		kind = kindVarsJSON
	}
	sf := r.parseFile(abs, kind, explicit)
	if sf == nil {
		return
	}
	var attrs hcl.Attributes
	var diags hcl.Diagnostics
	var ctx *hcl.EvalContext
	if sf.jsonBody != nil {
		attrs, diags = sf.jsonBody.JustAttributes()
	} else {
		attrs, diags = sf.body.JustAttributes()
		ctx = &hcl.EvalContext{Functions: map[string]function.Function{sizeFuncName: r.funcs[sizeFuncName]}}
	}
	if diags.HasErrors() {
		r.errs = append(r.errs, diagError(sf.rel, diags, explicit))
		return
	}
	names := make([]string, 0, len(attrs))
	for n := range attrs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		a := attrs[n]
		v, d := a.Expr.Value(ctx)
		if d.HasErrors() {
			r.errs = append(r.errs, diagError(sf.rel, d, explicit))
			continue
		}
		inputs[n] = inputVal{val: r.admit(v, a.Range), rng: a.Range}
	}
}
