# Helpers for rules over Google Cloud resources (the `google` and
# `google-beta` Terraform providers). Like gate.lib.terraform, every helper
# treats an unknown value as "cannot tell": it never makes a rule fire.

# METADATA
# title: Helpers for the Google Cloud rules
# description: >-
#   A library, not a rule: it defines no deny or unknown results, has no
#   controls of its own and is imported by the rules that use it.
package gate.lib.gcp

import rego.v1

import data.gate.lib.terraform as tf

# ---------------------------------------------------------------------------
# IAM
# ---------------------------------------------------------------------------

# The principals that mean "anyone": every internet user and every holder of
# any Google account.
public_principals := {"allUsers", "allAuthenticatedUsers"}

# public_principal(m): m is allUsers or allAuthenticatedUsers.
public_principal(m) if m in public_principals

# Basic (formerly "primitive") roles that can change almost everything in a
# project, folder or organization.
basic_write_roles := {"roles/owner", "roles/editor"}

# IAM resources that grant roles on a project, a folder or an organization.
hierarchy_iam_types := {
	"google_project_iam_member", "google_project_iam_binding", "google_project_iam_policy",
	"google_folder_iam_member", "google_folder_iam_binding", "google_folder_iam_policy",
	"google_organization_iam_member", "google_organization_iam_binding", "google_organization_iam_policy",
}

# iam_resources(types) lists the managed resources whose type is in types.
iam_resources(types) := [r | some t in types; some r in tf.resources(t)]

# iam_grants(r) is the set of grants {"role", "member", "attr"} made by a
# google_*_iam_member (member), google_*_iam_binding (members) or
# google_*_iam_policy (policy_data, as JSON or through the
# data.google_iam_policy it references) resource. Only known members are
# listed; attr names the attribute that holds the member.
iam_grants(r) := ((_member_grants(r) | _members_grants(r)) | _policy_json_grants(r)) | _policy_data_source_grants(r)

_role(r) := role if {
	role := r.values.role
	is_string(role)
} else := ""

_member_grants(r) := {g |
	m := r.values.member
	is_string(m)
	tf.known(m)
	g := {"role": _role(r), "member": m, "attr": "member"}
}

_members_grants(r) := {g |
	ms := r.values.members
	is_array(ms)
	some i, m in ms
	is_string(m)
	tf.known(m)
	g := {"role": _role(r), "member": m, "attr": sprintf("members[%d]", [i])}
}

_policy_json_grants(r) := {g |
	pd := r.values.policy_data
	is_string(pd)
	tf.known(pd)
	json.is_valid(pd)
	p := json.unmarshal(pd)
	is_object(p)
	some b in _policy_bindings(p)
	some m in _binding_members(b)
	g := {"role": _binding_role(b), "member": m, "attr": "policy_data"}
}

_policy_data_source_grants(r) := {g |
	some d in tf.data_sources("google_iam_policy")
	d.config_address in object.get(object.get(r, "refs", {}), "policy_data", [])
	some b in tf.blocks(d, "binding")
	some m in _binding_members(b)
	g := {"role": _binding_role(b), "member": m, "attr": "policy_data"}
}

_policy_bindings(p) := [b | bs := p.bindings; is_array(bs); some b in bs; is_object(b)]

_binding_members(b) := [m | ms := b.members; is_array(ms); some m in ms; is_string(m); tf.known(m)]

_binding_role(b) := role if {
	role := b.role
	is_string(role)
} else := ""

# service_account_member(m): the principal is a service account.
service_account_member(m) if {
	is_string(m)
	startswith(m, "serviceAccount:")
}

# ---------------------------------------------------------------------------
# Metadata and boolean-like strings
# ---------------------------------------------------------------------------

# truthy(v): a boolean true or a string Compute Engine reads as true.
truthy(v) if v == true

truthy(v) if {
	is_string(v)
	lower(trim_space(v)) in {"true", "1", "yes", "y", "on"}
}

# falsy(v): a boolean false or a string Compute Engine reads as false.
falsy(v) if v == false

falsy(v) if {
	is_string(v)
	lower(trim_space(v)) in {"false", "0", "no", "n", "off"}
}

# metadata(r) is the metadata map of an instance, template or project
# metadata resource, undefined when absent or unknown.
metadata(r) := m if {
	m := r.values.metadata
	is_object(m)
}

# metadata_known(r): the metadata map is absent/null (no keys) or known.
metadata_known(r) if tf.missing(r, "metadata")

metadata_known(r) if metadata(r)

# metadata_value(r, key) is the value of a metadata key, undefined if absent.
metadata_value(r, key) := v if {
	v := metadata(r)[key]
	v != null
}

# metadata_has(r, key): the metadata map sets key (to any non-null value).
metadata_has(r, key) if metadata_value(r, key) != null

# metadata_unknown(r, key): the value of key is unknown.
metadata_unknown(r, key) if tf.is_unknown(metadata_value(r, key))

# project_os_login_enabled: a google_compute_project_metadata or
# google_compute_project_metadata_item in this document turns OS Login on
# for the project.
project_os_login_enabled if {
	some p in tf.resources("google_compute_project_metadata")
	truthy(metadata_value(p, "enable-oslogin"))
}

project_os_login_enabled if {
	some p in tf.resources("google_compute_project_metadata_item")
	p.values.key == "enable-oslogin"
	truthy(p.values.value)
}

# os_login_enabled(r): OS Login applies to the instance or template r (its
# own metadata turns it on, or the project's does and r does not turn it
# off). With OS Login, metadata SSH keys are ignored.
os_login_enabled(r) if truthy(metadata_value(r, "enable-oslogin"))

os_login_enabled(r) if {
	project_os_login_enabled
	not metadata_has(r, "enable-oslogin")
}

# ---------------------------------------------------------------------------
# Durations
# ---------------------------------------------------------------------------

# duration_seconds(s) is the number of seconds in a Google duration string
# such as "7776000s" or "86400.5s"; undefined for anything else.
duration_seconds(s) := to_number(m[1]) if {
	is_string(s)
	ms := regex.find_all_string_submatch_n(`^([0-9]+(\.[0-9]+)?)s$`, s, 1)
	count(ms) == 1
	m := ms[0]
}

# ---------------------------------------------------------------------------
# VPC firewall rules (google_compute_firewall)
# ---------------------------------------------------------------------------

# The source ranges that mean "the whole internet".
internet_ranges := {"0.0.0.0/0", "::/0"}

# firewall_internet_ingress(r): r is an enabled INGRESS rule whose sources
# include the whole internet: a source range of 0.0.0.0/0 or ::/0, or no
# source at all (Compute Engine then applies the rule to 0.0.0.0/0). An
# unset direction is INGRESS (in a plan it is computed, see unset).
firewall_internet_ingress(r) if {
	_firewall_ingress(r)
	tf.missing_or_false(r, "disabled")
	_internet_source(r)
}

_firewall_ingress(r) if unset(r, "direction")

_firewall_ingress(r) if r.values.direction == "INGRESS"

_internet_source(r) if {
	some c in _list(r, "source_ranges")
	c in internet_ranges
}

_internet_source(r) if {
	_empty(r, "source_ranges")
	_empty(r, "source_tags")
	_empty(r, "source_service_accounts")
}

_list(r, k) := l if {
	l := r.values[k]
	is_array(l)
} else := []

_empty(r, k) if unset(r, k)

_empty(r, k) if r.values[k] == []

# allow_protocol(a) is the lower-case protocol of an allow block (a number
# is turned into its decimal string); undefined when unknown.
allow_protocol(a) := lower(p) if {
	p := a.protocol
	is_string(p)
	tf.known(p)
} else := format_int(p, 10) if {
	p := a.protocol
	is_number(p)
}

# tcp_protocols / udp_protocols: names and numbers of the protocols.
tcp_protocols := {"tcp", "6"}

port_protocols := {"tcp", "6", "udp", "17", "sctp", "132"}

# allow_no_ports(a): the allow block names no ports, so it covers them all.
allow_no_ports(a) if object.get(a, "ports", null) == null

allow_no_ports(a) if a.ports == []

# allow_covers_tcp_port(a, port): the allow block admits TCP traffic to port.
allow_covers_tcp_port(a, _) if allow_protocol(a) == "all"

allow_covers_tcp_port(a, _) if {
	allow_protocol(a) in tcp_protocols
	allow_no_ports(a)
}

allow_covers_tcp_port(a, port) if {
	allow_protocol(a) in tcp_protocols
	ps := a.ports
	is_array(ps)
	some spec in ps
	port_spec_covers(spec, port)
}

# allow_all_ports(a): the allow block admits every protocol, or every port
# of TCP, UDP or SCTP.
allow_all_ports(a) if allow_protocol(a) == "all"

allow_all_ports(a) if {
	allow_protocol(a) in port_protocols
	allow_no_ports(a)
}

allow_all_ports(a) if {
	allow_protocol(a) in port_protocols
	ps := a.ports
	is_array(ps)
	some spec in ps
	[lo, hi] := port_range(spec)
	lo <= 1
	hi >= 65535
}

# port_range(spec) is [low, high] for a port spec: a number, "22" or
# "1000-2000"; undefined for anything else (an unknown value included).
port_range(spec) := [spec, spec] if is_number(spec)

port_range(spec) := [n, n] if {
	is_string(spec)
	regex.match(`^\s*[0-9]+\s*$`, spec)
	n := to_number(trim_space(spec))
}

port_range(spec) := [lo, hi] if {
	is_string(spec)
	ms := regex.find_all_string_submatch_n(`^\s*([0-9]+)\s*-\s*([0-9]+)\s*$`, spec, 1)
	count(ms) == 1
	lo := to_number(ms[0][1])
	hi := to_number(ms[0][2])
}

# port_spec_covers(spec, port): the port spec includes port.
port_spec_covers(spec, port) if {
	[lo, hi] := port_range(spec)
	lo <= port
	port <= hi
}

# ---------------------------------------------------------------------------
# Nested blocks
# ---------------------------------------------------------------------------

# nested(r, path) is the object at a path of single nested blocks, e.g.
# nested(r, ["settings", "ip_configuration"]) is
# settings[0].ip_configuration[0]; undefined if a block on the way is
# absent, empty or unknown.
nested(r, path) := v if {
	full := [x | some p in path; some x in [p, 0]]
	v := object.get(r.values, full, null)
	is_object(v)
}

# any_unknown(x): x is the unknown marker or holds one anywhere below it.
any_unknown(x) if x == tf.unknown_value

any_unknown(x) if {
	walk(x, [_, v])
	v == tf.unknown_value
}

# ---------------------------------------------------------------------------
# Provider defaults
# ---------------------------------------------------------------------------

# In a plan, an Optional+Computed attribute the configuration leaves unset is
# unknown ("known after apply") and takes the provider's default; in HCL the
# same attribute is simply absent. An unknown that comes from a reference to
# another resource is a real "cannot tell". The helpers below tell the two
# apart: a plan value that is unknown while the configuration references
# nothing at (or below) its path is an unset attribute. In HCL an unknown is
# an unresolved variable or reference and never counts as unset.

# referenced(r, path): refs name a resource for the dotted attribute path
# (e.g. "settings.ip_configuration.ssl_mode") or for a path below it.
referenced(r, path) if {
	some k, l in object.get(r, "refs", {})
	_under(k, path)
	count(l) > 0
}

_under(k, path) if k == path

_under(k, path) if startswith(k, concat("", [path, "."]))

# computed_default(r, attr): attr is a top-level attribute that is unknown
# in a plan only because the provider computes its default.
computed_default(r, attr) if {
	input.source == "plan"
	tf.is_unknown(r.values[attr])
	not referenced(r, attr)
}

# unset(r, attr): the top-level attribute is absent, null, or a computed
# default in a plan.
unset(r, attr) if tf.missing(r, attr)

unset(r, attr) if computed_default(r, attr)

# unset_in(r, obj, key, refpath): obj[key] (obj a nested block of r, refpath
# the dotted path of key) is absent, null, or a computed default in a plan.
unset_in(_, obj, key, _) if object.get(obj, key, null) == null

unset_in(r, obj, key, refpath) if {
	input.source == "plan"
	obj[key] == tf.unknown_value
	not referenced(r, refpath)
}

# ---------------------------------------------------------------------------
# Cloud SQL (google_sql_database_instance)
# ---------------------------------------------------------------------------

sql_types := {"google_sql_database_instance"}

# sql_settings(r) is settings[0] of a Cloud SQL instance, undefined when the
# block is absent or unknown.
sql_settings(r) := nested(r, ["settings"])

# sql_replica(r): r is, or may be, a read replica: it names (or references)
# a primary, says it is a replica, or has a replica configuration. An
# unknown master_instance_name in a plan is the computed value of a primary
# and is not counted; in HCL it is an unresolved variable and is.
sql_replica(r) if {
	m := r.values.master_instance_name
	is_string(m)
	tf.known(m)
	m != ""
}

sql_replica(r) if count(object.get(object.get(r, "refs", {}), "master_instance_name", [])) > 0

sql_replica(r) if {
	tf.is_unknown(r.values.master_instance_name)
	not computed_default(r, "master_instance_name")
}

sql_replica(r) if r.values.instance_type == "READ_REPLICA_INSTANCE"

sql_replica(r) if {
	rc := r.values.replica_configuration
	is_array(rc)
	count(rc) > 0
}

# sql_engine(r) is "POSTGRES", "MYSQL" or "SQLSERVER" for a known
# database_version.
sql_engine(r) := e if {
	v := r.values.database_version
	is_string(v)
	some e in ["POSTGRES", "MYSQL", "SQLSERVER"]
	startswith(v, e)
}

# sql_flag(r, name) is the set of values the database flag name is given
# (empty when the flag is not set).
sql_flag(r, name) := {v |
	s := sql_settings(r)
	fs := s.database_flags
	is_array(fs)
	some f in fs
	is_object(f)
	f.name == name
	v := object.get(f, "value", null)
}

# sql_flags_known(r): the database_flags list is absent or holds no unknown
# value, so a flag that sql_flag(r, name) does not list is really not set.
sql_flags_known(r) if {
	s := sql_settings(r)
	not any_unknown(object.get(s, "database_flags", []))
}

# ---------------------------------------------------------------------------
# Compute Engine instances and templates
# ---------------------------------------------------------------------------

# Resources that create VMs from their own metadata, service account and
# network interfaces.
instance_types := {"google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"}

# instances lists the managed instances and instance templates.
instances := [r | some t in instance_types; some r in tf.resources(t)]

# os_login_undetermined(r): whether OS Login applies to r cannot be told:
# r's own enable-oslogin value, its metadata map, or the project's OS Login
# setting in this document is unknown.
os_login_undetermined(r) if tf.is_unknown(r.values.metadata)

os_login_undetermined(r) if tf.is_unknown(metadata_value(r, "enable-oslogin"))

os_login_undetermined(_) if {
	some p in tf.resources("google_compute_project_metadata")
	tf.is_unknown(p.values.metadata)
}

os_login_undetermined(_) if {
	some p in tf.resources("google_compute_project_metadata")
	tf.is_unknown(metadata_value(p, "enable-oslogin"))
}

os_login_undetermined(_) if {
	some p in tf.resources("google_compute_project_metadata_item")
	tf.is_unknown(p.values.key)
}

os_login_undetermined(_) if {
	some p in tf.resources("google_compute_project_metadata_item")
	p.values.key == "enable-oslogin"
	tf.is_unknown(p.values.value)
}

# ---------------------------------------------------------------------------
# GKE (google_container_cluster, google_container_node_pool)
# ---------------------------------------------------------------------------

# clusters lists the managed GKE clusters.
clusters := tf.resources("google_container_cluster")

# autopilot(r): the cluster is an Autopilot cluster.
autopilot(r) if r.values.enable_autopilot == true

# node_configs lists every node configuration in the document as
# {"resource", "config", "path"}: a cluster's default node_config, the
# node_config of each inline node_pool block, and that of each
# google_container_node_pool. path is where the node_config block sits.
node_configs contains {"resource": r, "config": c, "path": "node_config[0]"} if {
	some t in ["google_container_cluster", "google_container_node_pool"]
	some r in tf.resources(t)
	c := nested(r, ["node_config"])
}

node_configs contains {"resource": r, "config": c, "path": sprintf("node_pool[%d].node_config[0]", [i])} if {
	some r in clusters
	some i, p in tf.blocks(r, "node_pool")
	cs := p.node_config
	is_array(cs)
	count(cs) > 0
	c := cs[0]
	is_object(c)
}

# node_pool_managements lists {"resource", "management", "path"} for every
# node pool's management block (inline node_pool blocks and
# google_container_node_pool resources).
node_pool_managements contains {"resource": r, "management": m, "path": "management[0]"} if {
	some r in tf.resources("google_container_node_pool")
	m := nested(r, ["management"])
}

node_pool_managements contains {"resource": r, "management": m, "path": sprintf("node_pool[%d].management[0]", [i])} if {
	some r in clusters
	some i, p in tf.blocks(r, "node_pool")
	ms := p.management
	is_array(ms)
	count(ms) > 0
	m := ms[0]
	is_object(m)
}

# cluster_node_pools(c) lists the google_container_node_pool resources that
# belong to cluster c (by reference, or by a known equal name or id).
cluster_node_pools(c) := [p | some p in tf.resources("google_container_node_pool"); tf.refers(p, "cluster", c)]
