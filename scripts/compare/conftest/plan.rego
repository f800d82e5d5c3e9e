# Adapter for conftest: builds the gate's Terraform document (see
# rules/README.md, "Terraform input shape") from the raw plan JSON that
# conftest passes as input, in Rego, the way engine/input/tfplan does it in
# Go. The compare script evaluates the gate's own rules against it:
#
#	results := [...] with input as data.gate.compare.plan.document
#
# What it reproduces: resources from resource_changes (deposed instances and
# delete-only changes left out; action create, update, no-op, replace or
# read); values = after with after_unknown marked "<<unknown>>" and
# after_sensitive masked "<<sensitive>>"; config_address, module, index and
# short provider name; refs from the configuration's expression references,
# followed into child modules and through module inputs (var.*); data
# sources (and, in plans without resource_changes, managed resources) from
# planned_values and prior_state.
#
# Limits where Rego has no recursion: unknown/sensitive masks are applied to
# a nesting depth of four (block → list → block → attribute), modules to a
# depth of four, nested expression blocks to a depth of two. The synthetic
# plans of fixtures/gen stay well inside these.
package gate.compare.plan

import rego.v1

unknown_marker := "<<unknown>>"

sensitive_marker := "<<sensitive>>"

document := {
	"kind": "terraform",
	"source": "plan",
	"path": "",
	"terraform_version": object.get(input, "terraform_version", ""),
	"format_version": object.get(input, "format_version", ""),
	"resources": array.concat(changed, from_state),
}

# ---------------------------------------------------------------------------
# Resources from resource_changes

changed := [r |
	some rc in object.get(input, "resource_changes", [])
	is_object(rc)
	is_object(rc.change)
	object.get(rc, "deposed", "") == ""
	action := action_of(object.get(rc.change, "actions", []))
	values := ov1(
		ov1(object.get(rc.change, "after", null), object.get(rc.change, "after_unknown", false), unknown_marker),
		object.get(rc.change, "after_sensitive", false),
		sensitive_marker,
	)
	r := resource(rc, object.get(rc, "module_address", ""), action, values)
]

action_of(a) := "replace" if {
	count(a) == 2
	{x | some x in a} == {"create", "delete"}
} else := "create" if {
	a == ["create"]
} else := "update" if {
	a == ["update"]
} else := "no-op" if {
	a == ["no-op"]
} else := "read" if {
	a == ["read"]
}

resource(x, module, action, values) := {
	"address": x.address,
	"config_address": cfg,
	"module": module,
	"mode": object.get(x, "mode", ""),
	"type": object.get(x, "type", ""),
	"name": object.get(x, "name", ""),
	"index": index_of(object.get(x, "index", null)),
	"provider": short_provider(object.get(x, "provider_name", "")),
	"action": action,
	"values": as_object(values),
	"refs": object.get(config_refs, cfg, {}),
} if {
	cfg := config_address(x.address)
}

index_of(i) := i if is_number(i) else := i if is_string(i) else := null

short_provider(p) := parts[count(parts) - 1] if {
	parts := split(p, "/")
}

# config_address drops instance keys: module.a["x"].aws_s3_bucket.b[0] →
# module.a.aws_s3_bucket.b.
config_address(addr) := regex.replace(addr, `\[("(\\.|[^"\\])*"|[^\]"])*\]`, "")

# ---------------------------------------------------------------------------
# Data sources (and managed resources of plans without resource_changes) from
# planned_values and prior_state

change_addresses := {rc.address | some rc in object.get(input, "resource_changes", []); is_object(rc)}

has_changes if count(object.get(input, "resource_changes", [])) > 0

state_roots := [m |
	some m in [
		object.get(object.get(input, "planned_values", {}), "root_module", null),
		object.get(object.get(object.get(input, "prior_state", {}), "values", {}), "root_module", null),
	]
	is_object(m)
]

state_modules := [m |
	some root in state_roots
	some m in array.concat([root], children(root))
]

children(m) := [c3 |
	some c1 in object.get(m, "child_modules", [])
	some c3 in array.concat([c1], [c2 |
		some x in object.get(c1, "child_modules", [])
		some c2 in array.concat([x], object.get(x, "child_modules", []))
	])
]

state_resources := [r | some m in state_modules; some r in object.get(m, "resources", [])]

# The first occurrence of each address wins (planned_values before
# prior_state), like the gate's reader.
from_state := [r |
	some i, s in state_resources
	is_object(s)
	not s.address in change_addresses
	state_candidate(s)
	not seen_before(i, s.address)
	values := ov1(object.get(s, "values", {}), state_sensitive(s), sensitive_marker)
	r := resource(s, module_of(s.address), "read", values)
]

state_candidate(s) if s.mode == "data"

state_candidate(s) if not has_changes

state_sensitive(s) := v if {
	v := s.sensitive_values
	is_object(v)
} else := false

seen_before(i, addr) if {
	some j, o in state_resources
	j < i
	o.address == addr
	state_candidate(o)
}

module_of(addr) := concat(".", array.slice(parts, 0, prefix_len(parts))) if {
	parts := split(config_address(addr), ".")
}

# prefix_len(parts): how many leading parts name the module (module.a.module.b).
prefix_len(parts) := n if {
	n := count(parts) - 3
	n >= 0
	n % 2 == 0
	parts[n] == "data"
} else := n if {
	n := max([count(parts) - 2, 0])
}

# ---------------------------------------------------------------------------
# References from the configuration

# config_modules: every module of the configuration with the address prefix
# of its resources and its inputs (variable name → config addresses the
# module call's argument references), to a depth of four.
config_root := m if {
	m := input.configuration.root_module
	is_object(m)
}

config_modules := array.concat(modules0, array.concat(modules1, array.concat(modules2, array.concat(modules3, modules4))))

modules0 := [{"prefix": "", "module": config_root, "inputs": {}}]

modules1 := module_calls(modules0)

modules2 := module_calls(modules1)

modules3 := module_calls(modules2)

modules4 := module_calls(modules3)

module_calls(parents) := [{"prefix": prefix, "module": call.module, "inputs": call_inputs(p, call)} |
	some p in parents
	some name, call in object.get(p.module, "module_calls", {})
	is_object(call)
	is_object(object.get(call, "module", null))
	prefix := concat("", [p.prefix, "module.", name, "."])
]

call_inputs(p, call) := {k: resolve(p, e.references) |
	some k, e in object.get(call, "expressions", {})
	is_object(e)
	count(object.get(e, "references", [])) > 0
}

# config_refs: config address → attribute path → referenced config addresses.
config_refs := {addr: attrs |
	some m in config_modules
	some r in object.get(m.module, "resources", [])
	is_object(r)
	attrs := resource_refs(m, object.get(r, "expressions", {}))
	count(attrs) > 0
	addr := concat("", [m.prefix, r.address])
}

# resource_refs: attribute path → targets, for top-level expressions and
# nested blocks (block.attr, block.inner.attr).
resource_refs(m, es) := {path: l |
	some path, refs in expression_refs(es)
	l := resolve(m, refs)
	count(l) > 0
}

expression_refs(es) := object.union_n([top, nested1, nested2]) if {
	top := {k: e.references |
		some k, e in es
		is_object(e)
		is_array(e.references)
		count(e.references) > 0
	}
	nested1 := {p: refs |
		some k, blocks in es
		is_array(blocks)
		some p, refs in block_refs(k, blocks)
	}
	nested2 := {p: refs |
		some k, blocks in es
		is_array(blocks)
		some b in blocks
		is_object(b)
		some k2, inner in b
		is_array(inner)
		some p, refs in block_refs(concat(".", [k, k2]), inner)
	}
}

# block_refs(prefix, blocks): the references of the attributes of nested
# blocks, merged over the blocks (the gate's reader keeps one list per path).
block_refs(prefix, blocks) := {p: refs |
	some b in blocks
	is_object(b)
	some k, e in b
	is_object(e)
	is_array(e.references)
	count(e.references) > 0
	p := concat(".", [prefix, k])
	refs := [x | some b2 in blocks; is_object(b2); some x in object.get(object.get(b2, k, {}), "references", [])]
}

# resolve(m, refs): the sorted config addresses refs name, inside module m;
# var.X stands for what the module call's argument X references.
resolve(m, refs) := sort({t |
	some ref in refs
	is_string(ref)
	some t in targets(m, ref)
})

targets(m, ref) := object.get(m.inputs, strip_keys(split(ref, ".")[1]), []) if {
	startswith(ref, "var.")
} else := [concat("", [m.prefix, t])] if {
	t := ref_target(ref)
	t != ""
} else := []

strip_keys(s) := regex.replace(s, `\[("(\\.|[^"\\])*"|[^\]"])*\]`, "")

# ref_target: the config address a reference names (aws_kms_key.k.arn →
# aws_kms_key.k; data.x.y.json → data.x.y; module.db.out → module.db);
# locals, variables and meta-references name none.
ref_target(ref) := "" if {
	parts := split(strip_keys(ref), ".")
	parts[0] in {"var", "local", "each", "count", "path", "self", "terraform"}
} else := concat(".", array.slice(parts, 0, 3)) if {
	parts := split(strip_keys(ref), ".")
	parts[0] == "data"
	count(parts) >= 3
} else := concat(".", array.slice(parts, 0, 2)) if {
	parts := split(strip_keys(ref), ".")
	parts[0] == "module"
	count(parts) >= 2
} else := concat(".", array.slice(parts, 0, 2)) if {
	parts := split(strip_keys(ref), ".")
	not parts[0] in {"data", "module"}
	count(parts) >= 2
} else := ""

# ---------------------------------------------------------------------------
# Values: after_unknown and after_sensitive masks overlaid on the values,
# as engine/input/tfplan's overlay does (a mask of true replaces the value
# with the marker; objects and lists are followed element by element).

object_or_null(v) if is_object(v)

object_or_null(v) if v == null

array_or_null(v) if is_array(v)

array_or_null(v) if v == null

as_object(v) := v if is_object(v) else := {}

as_array(v) := v if is_array(v) else := []

element(a, i, fallback) := a[i] if i < count(a) else := fallback

# keep: a key absent from the values is added only when the mask gives it a
# value (the marker).
keep(o, k, _) if k in object.keys(o)

keep(_, _, x) if x != null

ov1(v, m, mk) := mk if {
	m == true
} else := ov1_obj(v, m, mk) if {
	is_object(m)
	object_or_null(v)
} else := ov1_arr(v, m, mk) if {
	is_array(m)
	array_or_null(v)
} else := v

ov1_obj(v, m, mk) := {k: x |
	o := as_object(v)
	ks := object.keys(o) | object.keys(m)
	some k in ks
	x := ov2(object.get(o, k, null), object.get(m, k, false), mk)
	keep(o, k, x)
}

ov1_arr(v, m, mk) := [x |
	a := as_array(v)
	n := max([count(a), count(m)])
	n > 0
	some i in numbers.range(0, n - 1)
	x := ov2(element(a, i, null), element(m, i, false), mk)
]

ov2(v, m, mk) := mk if {
	m == true
} else := ov2_obj(v, m, mk) if {
	is_object(m)
	object_or_null(v)
} else := ov2_arr(v, m, mk) if {
	is_array(m)
	array_or_null(v)
} else := v

ov2_obj(v, m, mk) := {k: x |
	o := as_object(v)
	ks := object.keys(o) | object.keys(m)
	some k in ks
	x := ov3(object.get(o, k, null), object.get(m, k, false), mk)
	keep(o, k, x)
}

ov2_arr(v, m, mk) := [x |
	a := as_array(v)
	n := max([count(a), count(m)])
	n > 0
	some i in numbers.range(0, n - 1)
	x := ov3(element(a, i, null), element(m, i, false), mk)
]

ov3(v, m, mk) := mk if {
	m == true
} else := ov3_obj(v, m, mk) if {
	is_object(m)
	object_or_null(v)
} else := ov3_arr(v, m, mk) if {
	is_array(m)
	array_or_null(v)
} else := v

ov3_obj(v, m, mk) := {k: x |
	o := as_object(v)
	ks := object.keys(o) | object.keys(m)
	some k in ks
	x := ov4(object.get(o, k, null), object.get(m, k, false), mk)
	keep(o, k, x)
}

ov3_arr(v, m, mk) := [x |
	a := as_array(v)
	n := max([count(a), count(m)])
	n > 0
	some i in numbers.range(0, n - 1)
	x := ov4(element(a, i, null), element(m, i, false), mk)
]

ov4(v, m, mk) := mk if {
	m == true
} else := ov4_obj(v, m, mk) if {
	is_object(m)
	object_or_null(v)
} else := ov4_arr(v, m, mk) if {
	is_array(m)
	array_or_null(v)
} else := v

ov4_obj(v, m, mk) := {k: x |
	o := as_object(v)
	ks := object.keys(o) | object.keys(m)
	some k in ks
	x := ov5(object.get(o, k, null), object.get(m, k, false), mk)
	keep(o, k, x)
}

ov4_arr(v, m, mk) := [x |
	a := as_array(v)
	n := max([count(a), count(m)])
	n > 0
	some i in numbers.range(0, n - 1)
	x := ov5(element(a, i, null), element(m, i, false), mk)
]

ov5(_, m, mk) := mk if m == true

ov5(v, m, _) := v if m != true
