# Helpers for azurerm rules (package gate.lib.azure).
#
# The azurerm provider renamed many attributes between major versions
# (v3 `enable_https_traffic_only` -> v4 `https_traffic_only_enabled`, v3
# `enable_non_ssl_port` -> v4 `non_ssl_port_enabled`, ...). Rules pass the
# alternative spellings as a list, v4 name first. Like gate.lib.terraform,
# nothing here ever treats the unknown marker as a value that makes a rule
# fire.
package gate.lib.azure

import rego.v1

import data.gate.lib.terraform as tf

# lc(v) is v in lower case when v is a string, "" otherwise (never errors).
lc(v) := lower(v) if is_string(v)

else := ""

# strings(v) lists the strings in v: [v] for a string, the string elements
# of an array, [] for anything else (null, unknown list, number).
strings(v) := [v] if is_string(v)

else := [x | some x in v; is_string(x)] if is_array(v)

else := []

# present(r, names) lists the names whose value is set (known or unknown).
present(r, names) := [n | some n in names; object.get(r.values, n, null) != null]

# attr_name(r, names) is the spelling the configuration uses, for the
# finding's attribute path: the first present name, else the first name.
attr_name(r, names) := p[0] if {
	p := present(r, names)
	count(p) > 0
} else := names[0]

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
# internet in an NSG rule or firewall list.
internet_prefix(p) if lc(p) in {"*", "0.0.0.0", "0.0.0.0/0", "::/0", "internet", "any"}

# ipv4_int(s) is the dotted-quad IPv4 address s as a number.
ipv4_int(s) := n if {
	is_string(s)
	regex.match(`^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$`, s)
	p := [to_number(x) | some x in split(s, ".")]
	every x in p {
		x <= 255
	}
	n := ((((p[0] * 256) + p[1]) * 256) + p[2]) * 256 + p[3]
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
# "20-30", or a number) includes port.
port_spec_covers(spec, _) if {
	is_string(spec)
	trim_space(spec) == "*"
}

port_spec_covers(spec, port) if {
	is_number(spec)
	spec == port
}

port_spec_covers(spec, port) if {
	is_string(spec)
	regex.match(`^\s*[0-9]+\s*$`, spec)
	to_number(trim_space(spec)) == port
}

port_spec_covers(spec, port) if {
	lo_hi := port_range(spec)
	lo_hi[0] <= port
	port <= lo_hi[1]
}

# port_range(spec) is [from, to] of an "A-B" port range string.
port_range(spec) := [to_number(m[0][1]), to_number(m[0][2])] if {
	is_string(spec)
	m := regex.find_all_string_submatch_n(`^\s*([0-9]+)\s*-\s*([0-9]+)\s*$`, spec, 1)
	count(m) == 1
}

# port_spec_all(spec): the specification admits every port.
port_spec_all(spec) if {
	is_string(spec)
	trim_space(spec) == "*"
}

port_spec_all(spec) if {
	lo_hi := port_range(spec)
	lo_hi[0] <= 1
	lo_hi[1] >= 65535
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
	strings(object.get(rule, "source_address_prefix", null)),
	strings(object.get(rule, "source_address_prefixes", null)),
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
# "*").
exposes_port(rule, port, protocols) if {
	inbound_allow(rule)
	lc(object.get(rule, "protocol", "")) in protocols
	internet_source(rule)
	some spec in dest_ports(rule)
	port_spec_covers(spec, port)
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
	some ref in object.get(child.refs, a, [])
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
