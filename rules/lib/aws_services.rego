# Helpers shared by the AWS service rules (CloudTrail, load balancers,
# Lambda, ECR, EKS, messaging, data stores, backup …). Like
# gate.lib.terraform, every helper treats an unknown value as "cannot tell":
# nothing here makes a rule fire on a value that is not known before apply.

# METADATA
# title: Helpers for the AWS service rules
# description: >-
#   A library, not a rule: it defines no deny or unknown results, has no
#   controls of its own and is imported by the rules that use it.
package gate.lib.aws_services

import rego.v1

import data.gate.lib.terraform as tf

# as_array(v) is v when it is an array and [v] otherwise (IAM policy
# elements such as Statement, Action and Principal.AWS may be either).
as_array(v) := v if is_array(v)

as_array(v) := [v] if not is_array(v)

# eq_ci(v, s): v is a known string equal to s ignoring case.
eq_ci(v, s) if {
	is_string(v)
	tf.known(v)
	lower(v) == lower(s)
}

# str_attr(r, name) is the attribute when it is a known string.
str_attr(r, name) := v if {
	v := r.values[name]
	is_string(v)
	tf.known(v)
}

# present(r, name): the attribute is set to a non-empty value or is unknown
# (an unknown value may be anything, so callers treat it as set).
present(r, name) if tf.is_unknown(r.values[name])

present(r, name) if {
	v := r.values[name]
	v != null
	v != ""
	not empty_collection(v)
}

empty_collection(v) if {
	is_array(v)
	count(v) == 0
}

empty_collection(v) if {
	is_object(v)
	count(v) == 0
}

# policy_document(v) is an IAM-style policy document: v decoded when it is a
# known, valid JSON string, or v itself when a reader already decoded it
# (jsonencode in HCL). Undefined for an unknown or malformed policy.
policy_document(v) := doc if {
	is_string(v)
	tf.known(v)
	json.is_valid(v)
	doc := json.unmarshal(v)
	is_object(doc)
} else := v if {
	is_object(v)
}

# statements(doc) lists the statement objects of a policy document.
statements(doc) := [s | some s in as_array(doc.Statement); is_object(s)]

# public_principal(p): a policy Principal that names everybody: "*",
# {"AWS": "*"} or an AWS list containing "*".
public_principal(p) if p == "*"

public_principal(p) if {
	is_object(p)
	some v in as_array(p.AWS)
	v == "*"
}

# unconditional_public_allow(s): an Allow statement for everybody with no
# Condition that could narrow it (source account, organization, VPC …).
unconditional_public_allow(s) if {
	s.Effect == "Allow"
	public_principal(s.Principal)
	no_condition(s)
}

no_condition(s) if not "Condition" in object.keys(s)

no_condition(s) if s.Condition == null

no_condition(s) if {
	is_object(s.Condition)
	count(s.Condition) == 0
}

# referenced_by(parent, child_type, attr): some managed child_type resource
# points at parent through attr (by configuration reference or known value).
referenced_by(parent, child_type, attr) if {
	some c in tf.resources(child_type)
	tf.refers(c, attr, parent)
}

# unresolved_reference(child_type, attr, parent_type): some managed
# child_type resource has an unknown attr whose references name no managed
# parent_type resource of this document (a variable, a data source, another
# module's output). It may point at any parent, so a rule that needs "no
# child refers to this parent" cannot conclude anything.
unresolved_reference(child_type, attr, parent_type) if {
	some c in tf.resources(child_type)
	tf.is_unknown(c.values[attr])
	not refers_to_type(c, attr, parent_type)
}

refers_to_type(c, attr, parent_type) if {
	some a in c.refs[attr]
	some p in tf.resources(parent_type)
	p.config_address == a
}

# alb(r): the aws_lb / aws_alb is an Application Load Balancer
# (load_balancer_type absent or null means "application").
alb(r) if {
	r.type in {"aws_lb", "aws_alb"}
	tf.missing(r, "load_balancer_type")
}

alb(r) if {
	r.type in {"aws_lb", "aws_alb"}
	r.values.load_balancer_type == "application"
}

# refers_via(child, attr, parent, keys): like tf.refers, and also by a known
# value equal to one of the parent's attributes named in keys (for parents
# addressed by an identifier such as cluster_identifier).
refers_via(child, attr, parent, keys) if tf.refers(child, attr, parent)

refers_via(child, attr, parent, keys) if {
	v := child.values[attr]
	is_string(v)
	tf.known(v)
	some k in keys
	parent.values[k] == v
}

# referenced_via(parent, child_type, attr, keys): some managed child_type
# resource points at parent (see refers_via).
referenced_via(parent, child_type, attr, keys) if {
	some c in tf.resources(child_type)
	refers_via(c, attr, parent, keys)
}

# trail_data_events_only(t): the CloudTrail trail selects data events only
# (every event selector excludes management events), i.e. it is a
# supplementary trail, not the account's audit trail. Selectors holding any
# unknown value count as data-only so that rules relying on this never fire
# on them.
trail_data_events_only(t) if {
	sels := tf.blocks(t, "event_selector")
	count(sels) > 0
	every s in sels {
		s.include_management_events != true
		s.include_management_events != null
	}
}

trail_data_events_only(t) if {
	sels := tf.blocks(t, "advanced_event_selector")
	count(sels) > 0
	every s in sels {
		not selects_management_events(s)
	}
}

trail_data_events_only(t) if tf.has_unknown(t, "event_selector")

trail_data_events_only(t) if tf.has_unknown(t, "advanced_event_selector")

selects_management_events(s) if {
	some f in s.field_selector
	f.field == "eventCategory"
	some v in f.equals
	v == "Management"
}
