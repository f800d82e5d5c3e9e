# METADATA
# title: Network ACL does not open SSH or RDP to the internet
# description: >-
#   Network ACLs are the subnet-level filter behind security groups; an
#   allow entry for SSH (22/tcp) or RDP (3389/tcp, udp) from 0.0.0.0/0 or ::/0
#   removes that second layer for remote administration. The rule reads the
#   ingress blocks of aws_network_acl and aws_default_network_acl and
#   aws_network_acl_rule entries that are not egress, and fails an allow
#   entry from an all-addresses CIDR whose protocol and ports cover 22 or
#   3389, unless a deny entry of the same ACL with a lower rule number (or an
#   unknown one) for the same CIDR covers the port first. Unknown CIDRs,
#   protocols, ports or actions do not fire.
# custom:
#   id: GATE-AWS-VPC-002
#   severity: medium
#   remediation: |-
#     Allow administration ports only from known networks:
#     ```hcl
#     resource "aws_network_acl_rule" "ssh" {
#       network_acl_id = aws_network_acl.private.id
#       rule_number    = 100
#       egress         = false
#       protocol       = "tcp"
#       rule_action    = "allow"
#       cidr_block     = "10.20.0.0/16"
#       from_port      = 22
#       to_port        = 22
#     }
#     ```
#   resource_types: [aws_network_acl, aws_default_network_acl, aws_network_acl_rule]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1, CC6.6]
#     iso27001_2022: [A.8.20, A.8.22]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [AC-17, SC-7]
package gate.rules.terraform.aws.vpc_nacl_remote_admin_open

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

admin_ports := {22: {"tcp"}, 3389: {"tcp", "udp"}}

# entries: every ingress entry of every ACL:
# {"r", "attr", "acl", "number", "action", "cidr", "range"}; number, action,
# cidr and range are null when not known.
entries contains entry(r, sprintf("ingress[%d].%s", [i, key]), r.config_address, e, "rule_no", "action", key) if {
	some t in ["aws_network_acl", "aws_default_network_acl"]
	some r in aws.managed(t)
	ings := r.values.ingress
	is_array(ings)
	some i, e in ings
	is_object(e)
	some key in ["cidr_block", "ipv6_cidr_block"]
	not aws.empty(object.get(e, key, null))
}

entries contains entry(r, key, acl_key(r), r.values, "rule_number", "rule_action", key) if {
	some r in aws.managed("aws_network_acl_rule")
	object.get(r.values, "egress", false) == false
	some key in ["cidr_block", "ipv6_cidr_block"]
	not aws.empty(object.get(r.values, key, null))
}

entry(r, attr, acl, e, number_key, action_key, cidr_key) := {
	"r": r,
	"attr": attr,
	"acl": acl,
	"number": known_number(object.get(e, number_key, null)),
	"action": known_lower(object.get(e, action_key, null)),
	"cidr": known_value(object.get(e, cidr_key, null)),
	"range": range_of(e),
}

range_of(e) := rng if {
	rng := aws.port_range(object.get(e, "protocol", null), object.get(e, "from_port", null), object.get(e, "to_port", null))
} else := null

known_number(v) := tf.num(v) if tf.number_known(v)

else := null

known_lower(v) := lower(v) if aws.known_string(v)

else := null

known_value(v) := v if aws.known_string(v)

else := null

# acl_key(rule): what a standalone rule's network_acl_id designates, in the
# form the inline entries use (the ACL's config address) when it is a
# reference, else its literal value.
acl_key(r) := concat(",", sort(refs)) if {
	refs := aws.attr_refs(r, "network_acl_id")
	count(refs) > 0
} else := v if {
	v := r.values.network_acl_id
	aws.known_string(v)
} else := sprintf("unresolved:%s", [r.address])

deny contains tf.finding(e.r, e.attr, msg) if {
	some e in entries
	e.action == "allow"
	aws.world_cidr(e.cidr)
	e.range != null
	ports := sort([port |
		some port, protocols in admin_ports
		aws.exposes(e.range, port, protocols)
		not shadowed(e, port)
	])
	count(ports) > 0
	msg := sprintf("%s allows inbound traffic from %s to port %s", [e.r.address, e.cidr, concat(" and ", [aws.port_label(x) | some x in ports])])
}

# shadowed(e, port): a deny entry of the same ACL may match the same traffic
# before e does.
shadowed(e, port) if {
	some d in entries
	d.acl == e.acl
	d.action != "allow"
	earlier(d, e)
	same_source(d, e)
	covers(d, port)
}

earlier(d, _) if d.number == null

earlier(_, e) if e.number == null

earlier(d, e) if d.number < e.number

same_source(d, _) if d.cidr == null

same_source(d, e) if d.cidr == e.cidr

covers(d, _) if d.range == null

covers(d, port) if aws.exposes(d.range, port, {"tcp", "udp"})
