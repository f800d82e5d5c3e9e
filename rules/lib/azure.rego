# Helpers for azurerm rules (package gate.lib.azure).
#
# The azurerm provider renamed many attributes between major versions
# (v3 `enable_https_traffic_only` -> v4 `https_traffic_only_enabled`, v3
# `enable_non_ssl_port` -> v4 `non_ssl_port_enabled`, ...). Rules pass the
# alternative spellings as a list, v4 name first. Like gate.lib.terraform,
# nothing here ever treats the unknown marker as a value that makes a rule
# fire.

# METADATA
# title: Helpers for the Azure rules
# description: >-
#   A library, not a rule: it defines no deny or unknown results, has no
#   controls of its own and is imported by the rules that use it.
package gate.lib.azure

import rego.v1

import data.gate.lib.terraform as tf

# lc(v) is v in lower case when v is a string, "" otherwise (never errors).
lc(v) := lower(v) if is_string(v)

else := ""

# string_list(v) lists the strings in v: [v] for a string, the string elements
# of an array, [] for anything else (null, unknown list, number).
string_list(v) := [v] if is_string(v)

else := [x | some x in v; is_string(x)] if is_array(v)

else := []

# explicit_false(r, names) is the first of names whose value is false.
explicit_false(r, names) := ns[0] if {
	ns := [n | some n in names; object.get(r.values, n, null) == false]
	count(ns) > 0
}

# explicit_true(r, names) is the first of names whose value is true.
explicit_true(r, names) := ns[0] if {
	ns := [n | some n in names; object.get(r.values, n, null) == true]
	count(ns) > 0
}

# off_or_default_off(r, names): a setting whose provider default is false is
# off: every spelling is absent, null or false (none is true or unknown).
off_or_default_off(r, names) if {
	every n in names {
		object.get(r.values, n, null) in {null, false}
	}
}

# on_or_default_on(r, names): a setting whose provider default is true is
# on: every spelling is absent, null or true (none is false or unknown).
on_or_default_on(r, names) if {
	every n in names {
		object.get(r.values, n, null) in {null, true}
	}
}

# weak_tls(v): v names TLS 1.0 or 1.1 in any of the spellings Azure uses
# ("TLS1_0", "1.1", "TLSv1", "TLSv1.1", "TLS1.0").
weak_tls(v) if lc(v) in {"tls1_0", "tls1_1", "1.0", "1.1", "tlsv1", "tlsv1.0", "tlsv1.1", "tls1.0", "tls1.1"}

# internet_prefix(p): an address prefix or service tag that admits the whole
# internet in an NSG rule or firewall list (any CIDR with prefix length 0,
# such as 0.0.0.0/0 or ::/0, counts).
internet_prefix(p) if lc(p) in {"*", "0.0.0.0", "0.0.0.0/0", "::/0", "internet", "any"}

internet_prefix(p) if {
	is_string(p)
	regex.match(`^[0-9A-Fa-f.:]*/0$`, trim_space(p))
}

# ipv4_int(s) is the dotted-quad IPv4 address s as a number.
ipv4_int(s) := n if {
	is_string(s)
	regex.match(`^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$`, s)
	p := [to_number(x) | some x in split(s, ".")]
	every x in p {
		x <= 255
	}
	n := (((((p[0] * 256) + p[1]) * 256) + p[2]) * 256) + p[3]
}

# internet_wide_range(start, end): a firewall range of at least half the IPv4
# space (2^31 addresses), such as 0.0.0.0-255.255.255.255. The Azure special
# rule 0.0.0.0-0.0.0.0 ("allow Azure services") is a single address and does
# not match.
internet_wide_range(start, end) if {
	a := ipv4_int(start)
	b := ipv4_int(end)
	(b - a) + 1 >= 2147483648
}

# port_spec_covers(spec, port): an NSG port specification ("*", "22",
# "20-30", a number, or a comma-separated list of those) includes port.
port_spec_covers(spec, port) if {
	some piece in port_pieces(spec)
	piece_covers(piece, port)
}

# port_spec_all(spec): the specification admits every port.
port_spec_all(spec) if {
	some piece in port_pieces(spec)
	piece_all(piece)
}

# port_pieces(spec) splits a port specification on commas; a number is one
# piece; anything else has none.
port_pieces(spec) := [trim_space(x) | some x in split(spec, ",")] if is_string(spec)

else := [spec] if is_number(spec)

else := []

piece_covers(piece, _) if piece == "*"

piece_covers(piece, port) if {
	is_number(piece)
	piece == port
}

piece_covers(piece, port) if {
	is_string(piece)
	regex.match(`^[0-9]+$`, piece)
	to_number(piece) == port
}

piece_covers(piece, port) if {
	lo_hi := port_range(piece)
	lo_hi[0] <= port
	port <= lo_hi[1]
}

piece_all(piece) if piece == "*"

piece_all(piece) if {
	lo_hi := port_range(piece)
	lo_hi[0] <= 1
	lo_hi[1] >= 65535
}

# port_range(piece) is [from, to] of an "A-B" port range string.
port_range(piece) := [to_number(m[0][1]), to_number(m[0][2])] if {
	is_string(piece)
	m := regex.find_all_string_submatch_n(`^\s*([0-9]+)\s*-\s*([0-9]+)\s*$`, piece, 1)
	count(m) == 1
}

# nsg_rules is every security rule in the document with the resource that
# holds it and the attribute path prefix of the rule inside that resource:
# inline `security_rule` blocks of azurerm_network_security_group
# ("security_rule[2]") and standalone azurerm_network_security_rule
# resources ("").
nsg_rules contains {"resource": r, "path": sprintf("security_rule[%d]", [i]), "rule": sr} if {
	some r in tf.resources("azurerm_network_security_group")
	srs := r.values.security_rule
	is_array(srs)
	some i, sr in srs
	is_object(sr)
}

nsg_rules contains {"resource": r, "path": "", "rule": r.values} if {
	some r in tf.resources("azurerm_network_security_rule")
}

# rule_path(entry, attr) is the attribute path of attr inside an nsg_rules entry.
rule_path(entry, attr) := attr if entry.path == ""

else := sprintf("%s.%s", [entry.path, attr])

# inbound_allow(rule): the rule allows inbound traffic.
inbound_allow(rule) if {
	lc(object.get(rule, "direction", "")) == "inbound"
	lc(object.get(rule, "access", "")) == "allow"
}

# source_prefixes(rule) lists the rule's source prefixes (single and list form).
source_prefixes(rule) := array.concat(
	string_list(object.get(rule, "source_address_prefix", null)),
	string_list(object.get(rule, "source_address_prefixes", null)),
)

# dest_ports(rule) lists the rule's destination port specifications.
dest_ports(rule) := array.concat(
	port_values(object.get(rule, "destination_port_range", null)),
	port_values(object.get(rule, "destination_port_ranges", null)),
)

port_values(v) := [v] if is_string(v)

else := [v] if is_number(v)

else := [x | some x in v; is_string(x)] if is_array(v)

else := []

# internet_source(rule): one of the rule's sources is the whole internet.
internet_source(rule) if {
	some p in source_prefixes(rule)
	internet_prefix(p)
}

# source_attr(rule) names the source attribute the rule uses.
source_attr(rule) := "source_address_prefix" if {
	internet_prefix(object.get(rule, "source_address_prefix", ""))
} else := "source_address_prefixes"

# exposes_port(rule, port, protocols): an inbound allow rule from the
# internet that admits port over one of protocols (lower case: "tcp", "udp",
# "*"). Callers also check `not shadowed(entry, port, protocols)`.
exposes_port(rule, port, protocols) if {
	inbound_allow(rule)
	lc(object.get(rule, "protocol", "")) in protocols
	internet_source(rule)
	some spec in dest_ports(rule)
	port_spec_covers(spec, port)
}

# shadowed(e, port, protocols): a rule of the same NSG with a lower priority
# number (evaluated first) denies inbound traffic from the internet to port
# for every protocol of `protocols` that e allows, so e's allow never applies
# to that port.
shadowed(e, port, protocols) if {
	some d in internet_denies
	same_nsg(e, d)
	denies_before(d.rule, e.rule)
	blocks_protocols(d.rule, e.rule, protocols)
	some spec in dest_ports(d.rule)
	port_spec_covers(spec, port)
}

# shadowed_all(e, protocols): as shadowed, for a deny rule covering every port.
shadowed_all(e, protocols) if {
	some d in internet_denies
	same_nsg(e, d)
	denies_before(d.rule, e.rule)
	blocks_protocols(d.rule, e.rule, protocols)
	some spec in dest_ports(d.rule)
	port_spec_all(spec)
}

# internet_denies are the inbound Deny rules from the internet, collected
# once per evaluation: shadowed() compares an allow only with these, not
# with every rule of the document.
internet_denies contains d if {
	some d in nsg_rules
	lc(object.get(d.rule, "direction", "")) == "inbound"
	lc(object.get(d.rule, "access", "")) == "deny"
	internet_source(d.rule)
}

denies_before(d, r) if {
	lc(object.get(d, "direction", "")) == "inbound"
	lc(object.get(d, "access", "")) == "deny"
	tf.num(object.get(d, "priority", null)) < tf.num(object.get(r, "priority", null))
	internet_source(d)
}

blocks_protocols(d, _, _) if lc(object.get(d, "protocol", "")) == "*"

blocks_protocols(d, r, protocols) if {
	dp := lc(object.get(d, "protocol", ""))
	dp != ""
	every p in allowed_protocols(r, protocols) {
		p == dp
	}
}

# allowed_protocols(r, protocols) are the concrete protocols of `protocols`
# that rule r allows ("*" allows them all).
allowed_protocols(r, protocols) := {p | some p in protocols; p != "*"} if {
	lc(object.get(r, "protocol", "")) == "*"
} else := {lc(object.get(r, "protocol", ""))}

# same_nsg(a, b): two nsg_rules entries belong to the same security group
# (inline rules of one resource, standalone rules joined to it by
# network_security_group_name, or standalone rules naming the same group).
same_nsg(a, b) if {
	a.path != ""
	b.path != ""
	a.resource.address == b.resource.address
}

same_nsg(a, b) if {
	a.path != ""
	b.path == ""
	tf.refers(b.resource, "network_security_group_name", a.resource)
}

same_nsg(a, b) if {
	a.path == ""
	b.path != ""
	tf.refers(a.resource, "network_security_group_name", b.resource)
}

same_nsg(a, b) if {
	a.path == ""
	b.path == ""
	ra := object.get(object.get(a.resource, "refs", {}), "network_security_group_name", [])
	count(ra) > 0
	ra == object.get(object.get(b.resource, "refs", {}), "network_security_group_name", [])
}

same_nsg(a, b) if {
	a.path == ""
	b.path == ""
	n := a.resource.values.network_security_group_name
	tf.known(n)
	n == b.resource.values.network_security_group_name
	g := a.resource.values.resource_group_name
	tf.known(g)
	g == b.resource.values.resource_group_name
}

# joined(child, attrs, parent): child refers to parent through one of the
# attributes attrs (by reference, or by equal known id/name).
joined(child, attrs, parent) if {
	some a in attrs
	tf.refers(child, a, parent)
}

# unresolved(child, attrs): the attributes that say which resource child
# configures are all unknown and none of their references names a resource
# or data source of the document, so the target cannot be told (a variable,
# a module output, a for_each value).
unresolved(child, attrs) if {
	vals := [v | some a in attrs; v := object.get(child.values, a, null); v != null]
	count(vals) > 0
	every v in vals {
		tf.is_unknown(v)
	}
	not has_resource_ref(child, attrs)
}

has_resource_ref(child, attrs) if {
	some a in attrs
	some ref in object.get(object.get(child, "refs", {}), a, [])
	some r in input.resources
	r.config_address == ref
}

# any_unresolved(type, attrs): some resource of type has an unresolved target.
any_unresolved(type, attrs) if {
	some c in tf.resources(type)
	unresolved(c, attrs)
}

# setting_off(v): a server configuration value that turns a setting off
# ("off", "OFF", "0", "false", "no").
setting_off(v) if lc(v) in {"off", "0", "false", "no"}
