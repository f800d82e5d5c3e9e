package engine

import (
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/gatehq/gate/engine/model"
)

// joinKinds is gate.lib.aws.join_kinds: for a configuring resource type
// ("child"), the attribute that names its parent and the parent's kind.
// TestJoinKindsMatchRego keeps the two tables equal.
func joinKinds() map[string]map[string]string {
	return map[string]map[string]string{
		"aws_s3_bucket_public_access_block":                  {"bucket": "aws_s3_bucket"},
		"aws_s3_bucket_server_side_encryption_configuration": {"bucket": "aws_s3_bucket"},
		"aws_s3_bucket_versioning":                           {"bucket": "aws_s3_bucket"},
		"aws_s3_bucket_logging":                              {"bucket": "aws_s3_bucket", "target_bucket": "aws_s3_bucket"},
		"aws_s3_bucket_policy":                               {"bucket": "aws_s3_bucket"},
		"aws_s3_bucket_acl":                                  {"bucket": "aws_s3_bucket"},
		"aws_s3_bucket_ownership_controls":                   {"bucket": "aws_s3_bucket"},
		"aws_flow_log":                                       {"vpc_id": "aws_vpc"},
		"aws_security_group_rule":                            {"security_group_id": "aws_security_group"},
		"aws_vpc_security_group_ingress_rule":                {"security_group_id": "aws_security_group"},
		"aws_vpc_security_group_egress_rule":                 {"security_group_id": "aws_security_group"},
	}
}

// parentKind is gate.lib.aws.parent_kind: types that are the same kind of
// parent as another.
func parentKind(t string) string {
	switch t {
	case "aws_default_vpc":
		return "aws_vpc"
	case "aws_default_security_group":
		return "aws_security_group"
	}
	return t
}

// joinIndex builds gate.lib.aws's join indexes (links, literal_links,
// floating, literal_only; see rules/lib/aws.rego for their meaning) in one
// pass over the configuring resources, with the same results as the Rego
// definitions, which stay as the fallback for literal inputs.
type joinIndex struct {
	relations map[string]map[string]string // joinKinds()
	rs        []map[string]any
	byAddress positions
	kinds     map[string][2]string // config address → [mode, type] (first resource there)

	links, literalLinks, floating, literalOnly keyedPositions
}

// keyedPositions maps an array key ([t, name, a]) to ascending positions.
type keyedPositions struct {
	keys map[string][]string
	pos  positions
}

func (k *keyedPositions) add(i int, key ...string) {
	s := strings.Join(key, "\x00")
	if k.keys == nil {
		k.keys = map[string][]string{}
	}
	if _, ok := k.keys[s]; !ok {
		k.keys[s] = key
	}
	k.pos.add(s, i)
}

func (k *keyedPositions) term() *ast.Term {
	obj := ast.NewObject()
	ss := make([]string, 0, len(k.keys))
	for s := range k.keys {
		ss = append(ss, s)
	}
	sort.Strings(ss)
	for _, s := range ss {
		parts := k.keys[s]
		key := make([]*ast.Term, len(parts))
		for j, p := range parts {
			key[j] = ast.StringTerm(p)
		}
		l := k.pos[s]
		ts := make([]*ast.Term, len(l))
		for j, i := range l {
			ts[j] = ast.InternedTerm(i)
		}
		obj.Insert(ast.ArrayTerm(key...), ast.ArrayTerm(ts...))
	}
	return ast.NewTerm(obj)
}

// attrRefs is gate.lib.aws.attr_refs: the references of r's attribute name.
func attrRefs(r map[string]any, name string) []any {
	refs, _ := r["refs"].(map[string]any)
	l, _ := refs[name].([]any)
	return l
}

func knownString(v any) (string, bool) {
	s, ok := v.(string)
	return s, ok && s != model.Unknown
}

// kindAddress: a is the config address of a managed parent of kind.
func (j *joinIndex) kindAddress(a any, kind string) bool {
	s, ok := a.(string)
	if !ok {
		return false
	}
	mt, ok := j.kinds[s]
	return ok && mt[0] == "managed" && parentKind(mt[1]) == kind
}

// intermediates are the managed resources at address a of another kind
// than kind (a resource whose own attribute may lead to the parent).
func (j *joinIndex) intermediates(a any, kind string) []map[string]any {
	s, ok := a.(string)
	if !ok {
		return nil
	}
	var out []map[string]any
	for _, i := range j.byAddress[s] {
		x := j.rs[i]
		typ, _ := x["type"].(string)
		if x["mode"] == "managed" && parentKind(typ) != kind {
			out = append(out, x)
		}
	}
	return out
}

// targets: the config addresses of the parents of kind that c's attribute
// name designates by reference, directly or through one intermediate.
func (j *joinIndex) targets(c map[string]any, name, kind string) []string {
	var out []string
	for _, a := range attrRefs(c, name) {
		if j.kindAddress(a, kind) {
			out = append(out, a.(string))
			continue
		}
		for _, x := range j.intermediates(a, kind) {
			for _, t := range attrRefs(x, name) {
				if j.kindAddress(t, kind) {
					out = append(out, t.(string))
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// floats: c's attribute name may designate any parent.
func (j *joinIndex) floats(c map[string]any, name, kind string) bool {
	refs := attrRefs(c, name)
	values, _ := c["values"].(map[string]any)
	if len(refs) == 0 && values[name] == model.Unknown {
		return true
	}
	for _, a := range refs {
		if !j.resolvable(a, name, kind) {
			return true
		}
	}
	return false
}

func (j *joinIndex) resolvable(a any, name, kind string) bool {
	if j.kindAddress(a, kind) {
		return true
	}
	for _, x := range j.intermediates(a, kind) {
		refs := attrRefs(x, name)
		if len(refs) == 0 {
			continue
		}
		all := true
		for _, r := range refs {
			all = all && j.kindAddress(r, kind)
		}
		if all {
			return true
		}
	}
	return false
}

// build indexes the configuring resource at position i (managed, of a
// type in joinKinds).
func (j *joinIndex) build(i int, c map[string]any, typ string) {
	names := j.relations[typ]
	attrs := make([]string, 0, len(names))
	for name := range names {
		attrs = append(attrs, name)
	}
	sort.Strings(attrs)
	values, _ := c["values"].(map[string]any)
	for _, name := range attrs {
		kind := names[name]
		for _, a := range j.targets(c, name, kind) {
			j.links.add(i, typ, name, a)
		}
		v, known := knownString(values[name])
		if known {
			j.literalLinks.add(i, typ, name, v)
		}
		if j.floats(c, name, kind) {
			j.floating.add(i, typ, name)
		}
		if known && len(attrRefs(c, name)) == 0 {
			j.literalOnly.add(i, typ, name)
		}
	}
}
