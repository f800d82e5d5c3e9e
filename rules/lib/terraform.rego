# Helpers for rules over Terraform documents (plan JSON and HCL source share
# one shape; see rules/README.md). Every helper treats an unknown value
# ("known after apply", an unresolved reference or variable) as "cannot
# tell": it never makes a rule fire.

# METADATA
# title: Helpers for rules over Terraform documents
# description: >-
#   A library, not a rule: it defines no deny or unknown results, has no
#   controls of its own and is imported by the rules that use it.
package gate.lib.terraform

import rego.v1

# The marker readers put where a value is not known before apply.
unknown_value := "<<unknown>>"

# is_unknown(v) is true when v is the unknown marker.
is_unknown(v) if v == unknown_value

# known(v) is true when v is defined and not the unknown marker.
known(v) if not is_unknown(v)

# resources(t) lists managed resources of type t (data sources excluded).
# The engine hands rules an index of the resources by mode and type
# (input._index, built in Go from the same values), so each call is a
# lookup: a plan of N resources costs O(N) however many rules ask. Without
# the index (unit tests with a literal input) the lists are built here.
resources(t) := rs if {
	rs := input._index.managed[t]
} else := rs if {
	not input._index
	rs := _managed[t]
} else := []

# data_sources(t) lists data sources of type t.
data_sources(t) := rs if {
	rs := input._index.data[t]
} else := rs if {
	not input._index
	rs := _data[t]
} else := []

_types contains r.type if some r in input.resources

_managed[t] := rs if {
	some t in _types
	rs := [r | some r in input.resources; r.type == t; r.mode == "managed"]
}

_data[t] := rs if {
	some t in _types
	rs := [r | some r in input.resources; r.type == t; r.mode == "data"]
}

# finding builds the object a rule adds to its deny set.
finding(r, attr, msg) := {"resource": r.address, "attribute": attr, "msg": msg}

# attr(r, path) is the value at path (a key or an array of keys/indices) in
# r.values, undefined when absent.
attr(r, path) := v if {
	is_array(path)
	v := object.get(r.values, path, null)
	v != null
} else := v if {
	is_string(path)
	v := r.values[path]
	v != null
}

# is_false(r, path): the attribute is known and false.
is_false(r, path) if attr(r, path) == false

# is_true(r, path): the attribute is known and true.
is_true(r, path) if attr(r, path) == true

# missing(r, path): the attribute is absent or null (and not unknown).
# The unknown marker is a value, so an unknown attribute is never missing.
missing(r, path) if {
	is_array(path)
	object.get(r.values, path, null) == null
}

missing(r, path) if {
	is_string(path)
	object.get(r.values, path, null) == null
}

# missing_or_false(r, path): absent, null or false.
missing_or_false(r, path) if missing(r, path)

missing_or_false(r, path) if is_false(r, path)

# block(r, name) is the first element of a nested block, undefined if the
# block is absent, empty or unknown.
block(r, name) := b if {
	bs := r.values[name]
	is_array(bs)
	count(bs) > 0
	b := bs[0]
	is_object(b)
}

# blocks(r, name) iterates over the nested blocks called name (none when the
# list is absent or unknown).
blocks(r, name) := [b | bs := r.values[name]; is_array(bs); some b in bs; is_object(b)]

# has_unknown(r, name): the attribute or block is unknown, or contains an
# unknown value anywhere below it.
has_unknown(r, name) if is_unknown(r.values[name])

has_unknown(r, name) if {
	some path, v in walk(r.values[name])
	is_unknown(v)
}

# refers(child, attr, parent): child's attribute attr refers to parent, by a
# reference in the configuration or, where both are known, by value (id, arn,
# bucket or name).
refers(child, attr_name, parent) if parent.config_address in child.refs[attr_name]

refers(child, attr_name, parent) if {
	v := child.values[attr_name]
	known(v)
	is_string(v)
	some k in ["id", "arn", "bucket", "name"]
	pv := parent.values[k]
	known(pv)
	v == pv
}

# open_cidr(c): a CIDR (or Azure prefix) that means "the whole internet".
open_cidr(c) if c in {"0.0.0.0/0", "::/0", "*", "0.0.0.0", "Internet", "Any", "any", "internet"}

# port_in_range(p, from, to): p lies in [from, to]; from/to may be numbers or
# strings, and a protocol of all ports is written by callers as 0..65535.
port_in_range(p, from, to) if {
	f := to_number(from)
	t := to_number(to)
	f <= p
	p <= t
}

# number_known(v): v is a known number (numbers in HCL may arrive as strings).
number_known(v) if is_number(v)

number_known(v) if {
	is_string(v)
	known(v)
	regex.match(`^-?[0-9]+(\.[0-9]+)?$`, v)
}

# num(v) converts a known number or numeric string to a number.
num(v) := to_number(v) if number_known(v)
