# Helpers for the AWS core rules (S3, IAM, EC2/EBS, VPC, RDS, DynamoDB, KMS).
#
#   - IAM policy documents: a JSON string (policy = jsonencode(...) or a
#     heredoc), an already decoded object, or a data.aws_iam_policy_document
#     reached through refs (HCL: its statement blocks; plan: its json),
#     normalised to one statement shape.
#   - Joins between a resource and the split resources that configure it
#     (aws_s3_bucket_* of provider v4+, aws_flow_log, ...), and the opposite
#     question: can we prove that nothing configures it?
#   - S3 public access block state, security group exposure.
#
# Like gate.lib.terraform, every helper treats the unknown marker as "cannot
# tell": nothing here lets a rule fire on a value not known before apply.

# METADATA
# title: Helpers for the AWS core rules
# description: >-
#   A library, not a rule: it defines no deny or unknown results, has no
#   controls of its own and is imported by the rules that use it.
package gate.lib.aws

import rego.v1

import data.gate.lib.terraform as tf

# ---------------------------------------------------------------------------
# Values

# as_list(v): an array as it is, null as [], anything else as [v] (IAM
# elements such as Statement, Action and Principal.AWS may be either).
as_list(v) := v if is_array(v)

as_list(v) := [] if v == null

as_list(v) := [v] if {
	not is_array(v)
	v != null
}

# has_unknown_in(x): x is, or contains anywhere below it, the unknown marker.
has_unknown_in(x) if {
	walk(x, [_, v])
	tf.is_unknown(v)
}

# no_unknown(x) is true when x holds no unknown marker, false otherwise.
no_unknown(x) := false if has_unknown_in(x)

else := true

# empty(v): null, "", [] or {}.
empty(v) if v == null

empty(v) if {
	is_string(v)
	count(v) == 0
}

empty(v) if {
	is_array(v)
	count(v) == 0
}

empty(v) if {
	is_object(v)
	count(v) == 0
}

# attr_refs(r, name) are the config addresses r's attribute name refers to.
attr_refs(r, name) := object.get(object.get(r, "refs", {}), name, [])

# may_be_set(r, name): an optional attribute that the provider computes when
# it is not configured (snapshot_id, ...) may have been configured: it has a
# non-empty known value, a reference, or an unknown value outside a plan. In
# a plan, an unknown value without any reference is the provider's "computed,
# not configured" placeholder.
may_be_set(r, name) if {
	v := r.values[name]
	tf.known(v)
	not empty(v)
}

may_be_set(r, name) if count(attr_refs(r, name)) > 0

may_be_set(r, name) if {
	tf.is_unknown(r.values[name])
	object.get(input, "source", "") != "plan"
}

# known_string(v): v is a string other than the unknown marker.
known_string(v) if {
	is_string(v)
	tf.known(v)
}

# lower_eq(v, s): v is a known string equal to s ignoring case.
lower_eq(v, s) if {
	known_string(v)
	lower(v) == lower(s)
}

# ---------------------------------------------------------------------------
# IAM policy documents
#
# A normalised document is {"statements": [...], "complete": bool,
# "overridable": bool}:
#   complete    - nothing in it is unknown and nothing is merged in from
#                 elsewhere (source/override documents), so a rule may
#                 conclude that a statement is absent;
#   overridable - statements may be replaced by override documents, so a rule
#                 must not conclude that a statement is present.
# A normalised statement has the keys effect, actions and not_actions (lower
# case), resources, not_resources, principals and not_principals (lists of
# {"type", "id"}; Principal "*" is {"type": "*", "id": "*"}), conditions
# (list of {"test", "variable" (lower case), "values" (strings)}),
# conditions_known and known (false when an unknown marker is inside).

# policy_documents(r, name): the documents attribute name of r holds.
policy_documents(r, name) := policy_documents_of(object.get(r.values, name, null), attr_refs(r, name))

# policy_documents_of(v, refs): the documents for value v whose expression
# referenced refs. Empty when nothing can be read.
policy_documents_of(v, refs) := docs if {
	docs := json_documents(v)
	count(docs) > 0
} else := {d |
	some addr in refs
	some ds in at_address(addr)
	ds.mode == "data"
	ds.type == "aws_iam_policy_document"
	d := data_document(ds)
}

# json_documents(v): v as a document when it is a known JSON string or an
# object already decoded by the reader.
json_documents(v) := {document_from_json(o)} if {
	known_string(v)
	json.is_valid(v)
	o := json.unmarshal(v)
	is_object(o)
} else := {document_from_json(v)} if {
	is_object(v)
} else := set()

document_from_json(o) := {
	"statements": [json_statement(s) | some s in as_list(object.get(o, "Statement", null)); is_object(s)],
	"complete": no_unknown(o),
	"overridable": false,
}

# data_document(ds): a data.aws_iam_policy_document, from its rendered json
# (plan) or from its statement blocks (HCL, or json not known yet).
data_document(ds) := document_from_json(o) if {
	j := ds.values.json
	known_string(j)
	json.is_valid(j)
	o := json.unmarshal(j)
	is_object(o)
} else := {
	"statements": [block_statement(s) | some s in as_list(object.get(ds.values, "statement", null)); is_object(s)],
	"complete": data_document_complete(ds),
	"overridable": data_document_overridable(ds),
}

merge_keys := ["source_policy_documents", "override_policy_documents", "source_json", "override_json"]

override_keys := ["override_policy_documents", "override_json"]

data_document_complete(ds) := false if {
	some k in merge_keys
	not empty(object.get(ds.values, k, null))
} else := no_unknown(object.get(ds.values, "statement", null))

data_document_overridable(ds) if {
	some k in override_keys
	not empty(object.get(ds.values, k, null))
} else := false

json_statement(s) := {
	"effect": str(object.get(s, "Effect", null)),
	"actions": lower_strings(object.get(s, "Action", null)),
	"not_actions": lower_strings(object.get(s, "NotAction", null)),
	"resources": strings(object.get(s, "Resource", null)),
	"not_resources": strings(object.get(s, "NotResource", null)),
	"principals": json_principals(object.get(s, "Principal", null)),
	"not_principals": json_principals(object.get(s, "NotPrincipal", null)),
	"conditions": json_conditions(object.get(s, "Condition", null)),
	"conditions_known": no_unknown(object.get(s, "Condition", null)),
	"known": no_unknown(s),
}

block_statement(s) := {
	"effect": block_effect(object.get(s, "effect", null)),
	"actions": lower_strings(object.get(s, "actions", null)),
	"not_actions": lower_strings(object.get(s, "not_actions", null)),
	"resources": strings(object.get(s, "resources", null)),
	"not_resources": strings(object.get(s, "not_resources", null)),
	"principals": block_principals(object.get(s, "principals", null)),
	"not_principals": block_principals(object.get(s, "not_principals", null)),
	"conditions": [block_condition(c) | some c in as_list(object.get(s, "condition", null)); is_object(c)],
	"conditions_known": no_unknown(object.get(s, "condition", null)),
	"known": no_unknown(s),
}

block_condition(c) := {
	"test": str(object.get(c, "test", null)),
	"variable": lower(str(object.get(c, "variable", null))),
	"values": [scalar_string(x) | some x in as_list(object.get(c, "values", null))],
}

# A statement block without effect is an Allow (the data source default).
block_effect(e) := e if is_string(e)

else := "Allow" if e == null

else := ""

str(v) := v if is_string(v)

else := ""

strings(v) := [x | some x in as_list(v); is_string(x)]

lower_strings(v) := [lower(x) | some x in as_list(v); is_string(x)]

scalar_string(x) := x if is_string(x)

else := sprintf("%v", [x]) if is_boolean(x)

else := sprintf("%v", [x]) if is_number(x)

else := ""

json_principals(p) := [{"type": "*", "id": p}] if is_string(p)

json_principals(p) := [{"type": t, "id": id} |
	some t, ids in p
	some id in as_list(ids)
	is_string(id)
] if is_object(p)

json_principals(p) := [] if {
	not is_string(p)
	not is_object(p)
}

block_principals(ps) := [{"type": str(object.get(p, "type", null)), "id": id} |
	some p in as_list(ps)
	is_object(p)
	some id in as_list(object.get(p, "identifiers", null))
	is_string(id)
]

json_conditions(c) := [{"test": op, "variable": lower(k), "values": [scalar_string(x) | some x in as_list(vals)]} |
	some op, kv in c
	is_object(kv)
	some k, vals in kv
] if is_object(c)

json_conditions(c) := [] if not is_object(c)

# statements(docs): the statements of docs a rule may rely on being present
# (statements of overridable data documents left out).
statements(docs) := [st | some d in docs; not d.overridable; some st in d.statements]

# all_statements(docs): every statement, overridable or not.
all_statements(docs) := [st | some d in docs; some st in d.statements]

# complete(docs): at least one document and every one complete, so the
# absence of a statement is meaningful.
complete(docs) if {
	count(docs) > 0
	every d in docs {
		d.complete
	}
}

allows(st) if st.effect == "Allow"

denies(st) if st.effect == "Deny"

# wildcard_action(st): the statement's Action is "*" (every action of every
# service).
wildcard_action(st) if "*" in st.actions

# wildcard_resource(st): the statement's Resource is "*".
wildcard_resource(st) if "*" in st.resources

# public_principal(st): the Principal is everybody: "*" or {"AWS": "*"}.
public_principal(st) if {
	some p in st.principals
	p.id == "*"
	p.type in {"*", "AWS"}
}

# unconditioned(st): the statement has no Condition and none can be hidden
# in an unknown value.
unconditioned(st) if {
	count(st.conditions) == 0
	st.conditions_known
}

# public_allow(st): an Allow for everybody that no Condition narrows.
public_allow(st) if {
	allows(st)
	public_principal(st)
	unconditioned(st)
}

# ---------------------------------------------------------------------------
# Indexes, evaluated once per document (rules must not scan input.resources
# inside per-resource loops: plans hold thousands of resources).

# The indexes map a key to the positions of resources in input.resources.
# They are built by group() from one comprehension each: multi-value
# partial rules (x[k] contains v) are much slower to build over thousands of
# resources.

# group(pairs): {key: [values]} for a collection of [key, value] pairs, in
# O(n log n): sort the pairs, then cut the sorted list where the key changes.
group(pairs) := {s[b][0]: [s[k][1] | some k in numbers.range(b, group_end(bs, g, count(s)))] |
	s := sort(pairs)
	bs := [j | some j, _ in s; group_start(s, j)]
	some g, b in bs
}

group_start(_, j) if j == 0

group_start(s, j) if {
	j > 0
	s[j][0] != s[j - 1][0]
}

group_end(bs, g, n) := e if {
	g + 1 < count(bs)
	e := bs[g + 1] - 1
} else := n - 1

# The engine builds by_address, managed_by_type, by_identity,
# address_kinds and the joins below (links, literal_links, floating,
# literal_only) in Go (input._index, engine/input.go and engine/joins.go;
# building them here took most of the evaluation time of a large plan). The Rego
# definitions below are used when input._index is absent (unit tests with a
# literal input); a Go test keeps both equal on generated plans.

# by_address[a]: positions of the resources (managed and data) at config
# address a.
by_address := x if {
	x := input._index.by_address
} else := group({[r.config_address, i] | some i, r in input.resources})

# managed_by_type[t]: positions of the managed resources of type t.
managed_by_type := x if {
	x := input._index.managed_by_type
} else := group({[r.type, i] | some i, r in input.resources; r.mode == "managed"})

# by_identity[v]: positions of the managed resources with v as id, arn,
# bucket or name.
by_identity := x if {
	x := input._index.by_identity
} else := group({[v, i] |
	some i, r in input.resources
	r.mode == "managed"
	some k in identity_keys
	v := r.values[k]
	known_string(v)
})

identity_keys := ["id", "arn", "bucket", "name"]

resources_at(ixs) := [input.resources[i] | some i in ixs]

# at_address(a): the resources at config address a.
at_address(a) := resources_at(object.get(by_address, a, []))

# entry(index, key): the positions at key (an array: object.get would read
# an array key as a path), empty when absent.
entry(index, key) := v if {
	v := index[key]
} else := []

# managed(t): the managed resources of type t.
managed(t) := resources_at(managed_ix(t))

managed_ix(t) := object.get(managed_by_type, t, [])

# ---------------------------------------------------------------------------
# Joins between a resource and the resources that configure it
#
# A configuring resource ("child", e.g. aws_s3_bucket_versioning) names its
# parent (the bucket) in one attribute. The child designates a parent by a
# reference in the configuration (refs), directly or through one
# intermediate resource of another kind (bucket =
# aws_s3_bucket_public_access_block.x.bucket), or by a known literal equal to
# the parent's id, arn, bucket or name. A child whose attribute is unknown
# without a resolvable reference (a variable, a data source, another
# module's output) "floats": it may configure any parent, so no rule may
# conclude that a parent is unconfigured.

# join_kinds[t][name]: the kind of parent that attribute name of a resource
# of type t designates. Only these relations are indexed; for any other
# (t, name), maybe_configured_by is true, so a rule cannot fire on it.
join_kinds := {
	"aws_s3_bucket_public_access_block": {"bucket": "aws_s3_bucket"},
	"aws_s3_bucket_server_side_encryption_configuration": {"bucket": "aws_s3_bucket"},
	"aws_s3_bucket_versioning": {"bucket": "aws_s3_bucket"},
	"aws_s3_bucket_logging": {"bucket": "aws_s3_bucket", "target_bucket": "aws_s3_bucket"},
	"aws_s3_bucket_policy": {"bucket": "aws_s3_bucket"},
	"aws_s3_bucket_acl": {"bucket": "aws_s3_bucket"},
	"aws_s3_bucket_ownership_controls": {"bucket": "aws_s3_bucket"},
	"aws_flow_log": {"vpc_id": "aws_vpc"},
	"aws_security_group_rule": {"security_group_id": "aws_security_group"},
	"aws_vpc_security_group_ingress_rule": {"security_group_id": "aws_security_group"},
	"aws_vpc_security_group_egress_rule": {"security_group_id": "aws_security_group"},
}

# Resource types that are the same kind of parent (a flow log on the default
# VPC points at aws_default_vpc).
parent_kind(t) := "aws_vpc" if t == "aws_default_vpc"

else := "aws_security_group" if t == "aws_default_security_group"

else := t

# kind_address(a, kind): a is the config address of a managed parent of kind.
kind_address(a, kind) if {
	[mode, t] := address_kinds[a]
	mode == "managed"
	parent_kind(t) == kind
}

# address_kinds[a]: [mode, type] of the resources at config address a (the
# same for every instance of an address).
address_kinds := x if {
	x := input._index.address_kinds
} else := {r.config_address: [r.mode, r.type] | some r in input.resources}

# intermediate_targets(a, name, kind): the parents an intermediate resource
# at a designates through its own attribute name.
intermediate_targets(a, name, kind) := {t |
	some x in at_address(a)
	x.mode == "managed"
	parent_kind(x.type) != kind
	some t in attr_refs(x, name)
	kind_address(t, kind)
}

# targets(c, name, kind): the config addresses of the parents of kind that
# c's attribute name designates by reference.
targets(c, name, kind) := {t |
	some a in attr_refs(c, name)
	some t in ref_targets(a, name, kind)
}

ref_targets(a, name, kind) := {a} if kind_address(a, kind)

else := intermediate_targets(a, name, kind)

# floats(c, name, kind): c's attribute may designate any parent.
floats(c, name, _) if {
	count(attr_refs(c, name)) == 0
	tf.is_unknown(c.values[name])
}

floats(c, name, kind) if {
	some a in attr_refs(c, name)
	not resolvable(a, name, kind)
}

resolvable(a, _, kind) if kind_address(a, kind)

resolvable(a, name, kind) if {
	some x in at_address(a)
	x.mode == "managed"
	parent_kind(x.type) != kind
	refs := attr_refs(x, name)
	count(refs) > 0
	every r in refs {
		kind_address(r, kind)
	}
}

relation(t, name) := kind if kind := join_kinds[t][name]

# links[[t, name, a]]: positions of the resources of type t whose attribute
# name refers to the parent at config address a.
links := x if {
	x := input._index.links
} else := group({[[t, name, a], i] |
	some t, names in join_kinds
	some i in managed_ix(t)
	c := input.resources[i]
	some name, kind in names
	some a in targets(c, name, kind)
})

# literal_links[[t, name, v]]: positions of the resources of type t whose
# attribute name is the known string v.
literal_links := x if {
	x := input._index.literal_links
} else := group({[[t, name, v], i] |
	some t, names in join_kinds
	some i in managed_ix(t)
	c := input.resources[i]
	some name, _ in names
	v := c.values[name]
	known_string(v)
})

# floating[[t, name]]: positions of the resources of type t whose attribute
# name floats.
floating := x if {
	x := input._index.floating
} else := group({[[t, name], i] |
	some t, names in join_kinds
	some i in managed_ix(t)
	c := input.resources[i]
	some name, kind in names
	floats(c, name, kind)
})

# literal_only[[t, name]]: positions of the resources of type t that name
# their parent by a literal only (no reference).
literal_only := x if {
	x := input._index.literal_only
} else := group({[[t, name], i] |
	some t, names in join_kinds
	some i in managed_ix(t)
	c := input.resources[i]
	some name, _ in names
	count(attr_refs(c, name)) == 0
	known_string(c.values[name])
})

identities(p) := {v | some k in identity_keys; v := p.values[k]; known_string(v)}

# configured_ix(t, name, parent): positions of the managed resources of
# type t whose attribute name designates parent.
configured_ix(t, name, parent) := {i | some i in entry(links, [t, name, parent.config_address])} | {i |
	some v in identities(parent)
	some i in entry(literal_links, [t, name, v])
}

# configured_by(t, name, parent): the managed resources of type t whose
# attribute name designates parent.
configured_by(t, name, parent) := resources_at(configured_ix(t, name, parent))

# configured_set(t, name, parent): configured_by (kept for symmetry with
# unresolved_for; both are arrays).
configured_set(t, name, parent) := configured_by(t, name, parent)

# joins(c, name, parent): c's attribute name designates parent.
joins(c, name, parent) if {
	some i in configured_ix(c.type, name, parent)
	input.resources[i] == c
}

# unresolved_ix(t, name, parent): positions of the resources of type t that
# may configure parent but cannot be resolved: floating ones, and ones naming
# a literal when parent has no known identifier to compare with.
unresolved_ix(t, name, parent) := {i |
	some i in entry(floating, [t, name])
	not i in configured_ix(t, name, parent)
} | {i |
	not identified(parent)
	some i in entry(literal_only, [t, name])
	not i in configured_ix(t, name, parent)
}

# unresolved_for(t, name, parent): those resources.
unresolved_for(t, name, parent) := resources_at(unresolved_ix(t, name, parent))

# maybe_configured_by(t, name, parent): some resource of type t might
# configure parent without being known to (see unresolved_for), or the
# relation is not indexed.
maybe_configured_by(t, name, parent) if count(unresolved_ix(t, name, parent)) > 0

maybe_configured_by(t, name, _) if not relation(t, name)

# not_configured_by(t, name, parent): provably no resource of type t
# configures parent.
not_configured_by(t, name, parent) if {
	relation(t, name)
	count(configured_ix(t, name, parent)) == 0
	not maybe_configured_by(t, name, parent)
}

# identified(parent): a known literal that matches none of parent's
# identifiers cannot designate it: parent has a known identifier, or is being
# created (its id does not exist yet).
identified(parent) if count(identities(parent)) > 0

identified(parent) if parent.action == "create"

# ---------------------------------------------------------------------------
# S3 public access block

pab_flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

# bucket_pabs(b): the aws_s3_bucket_public_access_block resources of bucket b.
bucket_pabs(b) := configured_by("aws_s3_bucket_public_access_block", "bucket", b)

# flag_maybe_on(b, flag): the public access block setting flag may be in
# force for bucket b: true or unknown at account level, in a block joined to
# b, or in a block whose bucket cannot be resolved.
flag_maybe_on(_, flag) if {
	some a in managed("aws_s3_account_public_access_block")
	flag_true_or_unknown(a, flag)
}

flag_maybe_on(b, flag) if {
	some p in configured_set("aws_s3_bucket_public_access_block", "bucket", b)
	flag_true_or_unknown(p, flag)
}

flag_maybe_on(b, flag) if {
	some p in unresolved_for("aws_s3_bucket_public_access_block", "bucket", b)
	flag_true_or_unknown(p, flag)
}

flag_true_or_unknown(p, flag) if tf.is_true(p, flag)

flag_true_or_unknown(p, flag) if tf.is_unknown(p.values[flag])

# acls_disabled_maybe(b): S3 Object Ownership BucketOwnerEnforced may be set
# for bucket b, which disables ACLs altogether.
acls_disabled_maybe(b) if {
	some o in configured_set("aws_s3_bucket_ownership_controls", "bucket", b)
	ownership_enforced_or_unknown(o)
}

acls_disabled_maybe(b) if {
	some o in unresolved_for("aws_s3_bucket_ownership_controls", "bucket", b)
	ownership_enforced_or_unknown(o)
}

ownership_enforced_or_unknown(o) if has_unknown_in(object.get(o.values, "rule", null))

ownership_enforced_or_unknown(o) if {
	some rule in tf.blocks(o, "rule")
	rule.object_ownership == "BucketOwnerEnforced"
}

# buckets_of(c): the aws_s3_bucket resources that c's bucket attribute
# designates, by reference or by a known bucket name, id or arn.
buckets_of(c) := [b | some b in buckets_set(c)]

buckets_set(c) := {b |
	some a in targets(c, "bucket", "aws_s3_bucket")
	some b in at_address(a)
	b.mode == "managed"
	b.type == "aws_s3_bucket"
} | {b |
	v := c.values.bucket
	known_string(v)
	some i in object.get(by_identity, v, [])
	b := input.resources[i]
	b.type == "aws_s3_bucket"
}

# flag_maybe_on_for(c, flag): like flag_maybe_on for the bucket that a
# bucket-level resource c (aws_s3_bucket_acl, aws_s3_bucket_policy)
# configures. When that bucket is not in the document, any public access
# block that may set the flag counts.
flag_maybe_on_for(c, flag) if {
	some b in buckets_set(c)
	flag_maybe_on(b, flag)
}

flag_maybe_on_for(c, flag) if {
	count(buckets_set(c)) == 0
	some t in ["aws_s3_bucket_public_access_block", "aws_s3_account_public_access_block"]
	some p in managed(t)
	flag_true_or_unknown(p, flag)
}

# acls_disabled_maybe_for(c): like acls_disabled_maybe for the bucket c
# configures; when that bucket is not in the document, any ownership
# controls that may disable ACLs count.
acls_disabled_maybe_for(c) if {
	some b in buckets_set(c)
	acls_disabled_maybe(b)
}

acls_disabled_maybe_for(c) if {
	count(buckets_set(c)) == 0
	some o in managed("aws_s3_bucket_ownership_controls")
	ownership_enforced_or_unknown(o)
}

# ---------------------------------------------------------------------------
# Network exposure (security groups, network ACLs)

# world_cidr(c): a CIDR that means every IPv4 or IPv6 address.
world_cidr(c) if c in {"0.0.0.0/0", "::/0"}

# port_range(protocol, from, to): {"protocol", "from", "to"} for a rule's
# protocol and ports: "all" for -1/all (ports 0-65535), "tcp" or "udp" with
# known numeric ports, "other" (icmp, esp, ...). Undefined when unknown.
port_range(protocol, _, _) := {"protocol": "all", "from": 0, "to": 65535} if protocol_name(protocol) == "all"

port_range(protocol, from, to) := {"protocol": p, "from": tf.num(from), "to": tf.num(to)} if {
	p := protocol_name(protocol)
	p in {"tcp", "udp"}
}

port_range(protocol, _, _) := {"protocol": "other", "from": -1, "to": -1} if protocol_name(protocol) == "other"

protocol_name(p) := "all" if {
	p == -1
} else := "all" if {
	known_string(p)
	lower(p) in {"-1", "all"}
} else := "tcp" if {
	p == 6
} else := "tcp" if {
	known_string(p)
	lower(p) in {"tcp", "6"}
} else := "udp" if {
	p == 17
} else := "udp" if {
	known_string(p)
	lower(p) in {"udp", "17"}
} else := "other" if {
	is_number(p)
} else := "other" if {
	known_string(p)
}

# exposes(rng, port, protocols): the range covers port for one of protocols
# ("all" covers every protocol).
exposes(rng, port, _) if {
	rng.protocol == "all"
	rng.from <= port
	port <= rng.to
}

exposes(rng, port, protocols) if {
	rng.protocol in protocols
	rng.from <= port
	port <= rng.to
}

# all_ports(rng): the range opens every port of every protocol, or every
# TCP port.
all_ports(rng) if rng.protocol == "all"

all_ports(rng) if {
	rng.protocol in {"tcp", "udp"}
	rng.from <= 1
	rng.to >= 65535
}

# world_ingress: every security group ingress permission open to the whole
# internet: {"resource", "attribute", "cidr", "range"}. Sources: inline
# ingress blocks of aws_security_group / aws_default_security_group,
# aws_security_group_rule (type ingress) and
# aws_vpc_security_group_ingress_rule.
world_ingress contains {"resource": r, "attribute": sprintf("ingress[%d].%s", [i, key]), "cidr": c, "range": rng} if {
	some t in ["aws_security_group", "aws_default_security_group"]
	some r in managed(t)
	ings := r.values.ingress
	is_array(ings)
	some i, ing in ings
	is_object(ing)
	some key in ["cidr_blocks", "ipv6_cidr_blocks"]
	some c in as_list(object.get(ing, key, null))
	world_cidr(c)
	rng := port_range(object.get(ing, "protocol", null), object.get(ing, "from_port", null), object.get(ing, "to_port", null))
}

world_ingress contains {"resource": r, "attribute": key, "cidr": c, "range": rng} if {
	some r in managed("aws_security_group_rule")
	r.values.type == "ingress"
	some key in ["cidr_blocks", "ipv6_cidr_blocks"]
	some c in as_list(object.get(r.values, key, null))
	world_cidr(c)
	rng := port_range(object.get(r.values, "protocol", null), object.get(r.values, "from_port", null), object.get(r.values, "to_port", null))
}

world_ingress contains {"resource": r, "attribute": key, "cidr": c, "range": rng} if {
	some r in managed("aws_vpc_security_group_ingress_rule")
	some key in ["cidr_ipv4", "cidr_ipv6"]
	c := r.values[key]
	world_cidr(c)
	rng := port_range(object.get(r.values, "ip_protocol", null), object.get(r.values, "from_port", null), object.get(r.values, "to_port", null))
}

# well_known_ports names the ports rule messages mention.
port_names := {
	20: "FTP data", 21: "FTP", 22: "SSH", 23: "Telnet", 135: "MS RPC", 445: "SMB",
	1433: "SQL Server", 1521: "Oracle", 2375: "Docker API", 2376: "Docker API (TLS)",
	3306: "MySQL", 3389: "RDP", 5432: "PostgreSQL", 5900: "VNC", 6379: "Redis",
	9200: "Elasticsearch", 9300: "Elasticsearch transport", 11211: "Memcached",
	27017: "MongoDB",
}

port_label(p) := sprintf("%d (%s)", [p, port_names[p]]) if port_names[p]

else := sprintf("%d", [p])
