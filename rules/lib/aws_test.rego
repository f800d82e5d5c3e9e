package gate.lib.aws_test

import rego.v1

import data.gate.lib.aws

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]),
	"config_address": sprintf("%s.%s", [t, name]),
	"module": "",
	"mode": "managed",
	"type": t,
	"name": name,
	"index": null,
	"provider": "aws",
	"action": "create",
	"values": values,
	"refs": refs,
}

data_res(t, name, values) := object.union(res(t, name, values, {}), {
	"address": sprintf("data.%s.%s", [t, name]),
	"config_address": sprintf("data.%s.%s", [t, name]),
	"mode": "data",
})

u := "<<unknown>>"

# --- values -----------------------------------------------------------------

test_as_list if {
	aws.as_list(null) == []
	aws.as_list("a") == ["a"]
	aws.as_list(["a", "b"]) == ["a", "b"]
	aws.as_list({"k": 1}) == [{"k": 1}]
}

test_has_unknown_in if {
	aws.has_unknown_in({"a": [1, {"b": u}]})
	not aws.has_unknown_in({"a": [1, {"b": "x"}]})
	aws.no_unknown({"a": 1}) == true
	aws.no_unknown([u]) == false
}

test_empty if {
	aws.empty(null)
	aws.empty("")
	aws.empty([])
	aws.empty({})
	not aws.empty(u)
	not aws.empty(["x"])
}

# --- policy documents ---------------------------------------------------------

admin_json := `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}`

test_json_string_statement_object if {
	r := res("aws_iam_policy", "p", {"policy": admin_json}, {})
	docs := aws.policy_documents(r, "policy")
	count(docs) == 1
	aws.complete(docs)
	sts := aws.statements(docs)
	count(sts) == 1
	st := sts[0]
	aws.allows(st)
	aws.wildcard_action(st)
	aws.wildcard_resource(st)
	st.known
}

test_json_arrays_and_case if {
	j := `{"Statement":[{"Effect":"Deny","Action":["S3:GetObject","IAM:*"],"Resource":["arn:aws:s3:::b/*"]}]}`
	docs := aws.policy_documents(res("aws_iam_policy", "p", {"policy": j}, {}), "policy")
	st := aws.statements(docs)[0]
	aws.denies(st)
	st.actions == ["s3:getobject", "iam:*"]
	not aws.wildcard_resource(st)
}

test_already_decoded_object if {
	o := {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
	docs := aws.policy_documents(res("aws_iam_policy", "p", {"policy": o}, {}), "policy")
	count(aws.statements(docs)) == 1
}

test_invalid_json_gives_nothing if {
	docs := aws.policy_documents(res("aws_iam_policy", "p", {"policy": "{not json"}, {}), "policy")
	count(docs) == 0
	not aws.complete(docs)
}

test_unknown_policy_without_refs_gives_nothing if {
	docs := aws.policy_documents(res("aws_iam_policy", "p", {"policy": u}, {}), "policy")
	count(docs) == 0
}

test_unknown_inside_json_is_incomplete if {
	j := `{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"<<unknown>>"}]}`
	docs := aws.policy_documents(res("aws_iam_policy", "p", {"policy": j}, {}), "policy")
	count(docs) == 1
	not aws.complete(docs)
	st := aws.statements(docs)[0]
	st.known == false
	st.conditions_known == true
}

test_principals_and_conditions if {
	j := `{"Statement":[
		{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"},
		{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root","*"]},"Action":"kms:*","Resource":"*",
		 "Condition":{"StringEquals":{"kms:CallerAccount":"111122223333"}}},
		{"Effect":"Deny","Principal":{"Service":"*"},"Action":"s3:*","Resource":"*",
		 "Condition":{"Bool":{"aws:SecureTransport":false}}}
	]}`
	sts := aws.statements(aws.policy_documents(res("aws_s3_bucket_policy", "p", {"policy": j}, {}), "policy"))
	aws.public_allow(sts[0])
	aws.public_principal(sts[1])
	not aws.public_allow(sts[1])
	sts[1].conditions == [{"test": "StringEquals", "variable": "kms:calleraccount", "values": ["111122223333"]}]
	not aws.public_principal(sts[2])
	sts[2].conditions == [{"test": "Bool", "variable": "aws:securetransport", "values": ["false"]}]
}

test_unknown_condition_is_not_unconditioned if {
	j := `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":"<<unknown>>"}]}`
	st := aws.statements(aws.policy_documents(res("aws_s3_bucket_policy", "p", {"policy": j}, {}), "policy"))[0]
	aws.public_principal(st)
	not aws.unconditioned(st)
	not aws.public_allow(st)
}

doc_ds(values) := data_res("aws_iam_policy_document", "d", values)

test_data_source_statement_blocks if {
	ds := doc_ds({"statement": [
		{"actions": ["*"], "resources": ["*"]},
		{
			"effect": "Deny", "actions": ["s3:*"], "resources": [u],
			"principals": [{"type": "*", "identifiers": ["*"]}],
			"condition": [{"test": "Bool", "variable": "aws:SecureTransport", "values": [false]}],
		},
	]})
	r := res("aws_iam_policy", "p", {"policy": u}, {"policy": ["data.aws_iam_policy_document.d"]})
	docs := aws.policy_documents(r, "policy") with input as {"resources": [ds, r]}
	count(docs) == 1
	not aws.complete(docs)
	sts := aws.statements(docs)
	aws.allows(sts[0])
	aws.wildcard_action(sts[0])
	aws.wildcard_resource(sts[0])
	aws.denies(sts[1])
	aws.public_principal(sts[1])
	sts[1].conditions[0].variable == "aws:securetransport"
	sts[1].conditions[0].values == ["false"]
}

test_data_source_rendered_json_wins if {
	ds := doc_ds({"json": admin_json, "statement": [{"actions": ["s3:GetObject"], "resources": ["*"]}]})
	r := res("aws_iam_policy", "p", {"policy": u}, {"policy": ["data.aws_iam_policy_document.d"]})
	docs := aws.policy_documents(r, "policy") with input as {"resources": [ds, r]}
	aws.complete(docs)
	aws.wildcard_action(aws.statements(docs)[0])
}

test_data_source_merging_is_incomplete if {
	ds := doc_ds({"statement": [{"actions": ["*"], "resources": ["*"]}], "source_policy_documents": [u]})
	r := res("aws_iam_policy", "p", {"policy": u}, {"policy": ["data.aws_iam_policy_document.d"]})
	docs := aws.policy_documents(r, "policy") with input as {"resources": [ds, r]}
	not aws.complete(docs)
	count(aws.statements(docs)) == 1
}

test_data_source_override_is_not_relied_on if {
	ds := doc_ds({"statement": [{"actions": ["*"], "resources": ["*"]}], "override_policy_documents": [u]})
	r := res("aws_iam_policy", "p", {"policy": u}, {"policy": ["data.aws_iam_policy_document.d"]})
	docs := aws.policy_documents(r, "policy") with input as {"resources": [ds, r]}
	count(aws.statements(docs)) == 0
	count(aws.all_statements(docs)) == 1
}

test_managed_resource_is_not_a_policy_document if {
	other := res("aws_iam_policy_document", "d", {"statement": [{"actions": ["*"], "resources": ["*"]}]}, {})
	r := res("aws_iam_policy", "p", {"policy": u}, {"policy": ["aws_iam_policy_document.d"]})
	docs := aws.policy_documents(r, "policy") with input as {"resources": [other, r]}
	count(docs) == 0
}

# --- joins ------------------------------------------------------------------

bucket(name, values) := res("aws_s3_bucket", name, values, {})

child(t, name, values, refs) := res(t, name, values, refs)

test_join_by_reference if {
	b := bucket("a", {"bucket": u})
	c := child("aws_s3_bucket_versioning", "v", {"bucket": u}, {"bucket": ["aws_s3_bucket.a"]})
	inp := {"resources": [b, c]}
	count(aws.configured_by("aws_s3_bucket_versioning", "bucket", b)) == 1 with input as inp
	not aws.not_configured_by("aws_s3_bucket_versioning", "bucket", b) with input as inp
	not aws.maybe_configured_by("aws_s3_bucket_versioning", "bucket", b) with input as inp
}

test_join_by_value if {
	b := object.union(bucket("a", {"bucket": "logs"}), {"action": "no-op"})
	c := child("aws_s3_bucket_versioning", "v", {"bucket": "logs"}, {})
	count(aws.configured_by("aws_s3_bucket_versioning", "bucket", b)) == 1 with input as {"resources": [b, c]}
}

test_other_bucket_by_reference if {
	a := bucket("a", {"bucket": u})
	b := bucket("b", {"bucket": u})
	c := child("aws_s3_bucket_versioning", "v", {"bucket": u}, {"bucket": ["aws_s3_bucket.b"]})
	inp := {"resources": [a, b, c]}
	aws.not_configured_by("aws_s3_bucket_versioning", "bucket", a) with input as inp
	not aws.not_configured_by("aws_s3_bucket_versioning", "bucket", b) with input as inp
}

test_other_bucket_by_literal if {
	a := bucket("a", {"bucket": "data"})
	c := child("aws_s3_bucket_versioning", "v", {"bucket": "logs"}, {})
	aws.not_configured_by("aws_s3_bucket_versioning", "bucket", a) with input as {"resources": [a, c]}
}

test_literal_against_unidentified_bucket_is_unresolved if {
	a := object.union(bucket("a", {"bucket_prefix": "data-"}), {"action": "source"})
	c := child("aws_s3_bucket_versioning", "v", {"bucket": "logs"}, {})
	inp := {"resources": [a, c]}
	aws.maybe_configured_by("aws_s3_bucket_versioning", "bucket", a) with input as inp
	not aws.not_configured_by("aws_s3_bucket_versioning", "bucket", a) with input as inp
}

test_unresolved_variable_blocks_conclusion if {
	a := bucket("a", {"bucket": "data"})
	c := child("aws_s3_bucket_versioning", "v", {"bucket": u}, {})
	inp := {"resources": [a, c]}
	aws.maybe_configured_by("aws_s3_bucket_versioning", "bucket", a) with input as inp
	not aws.not_configured_by("aws_s3_bucket_versioning", "bucket", a) with input as inp
}

test_module_output_reference_is_unresolved if {
	a := bucket("a", {"bucket": "data"})
	c := child("aws_s3_bucket_versioning", "v", {"bucket": u}, {"bucket": ["module.buckets"]})
	not aws.not_configured_by("aws_s3_bucket_versioning", "bucket", a) with input as {"resources": [a, c]}
}

test_data_source_reference_is_unresolved if {
	a := bucket("a", {"bucket": "data"})
	d := data_res("aws_s3_bucket", "x", {"bucket": "data"})
	c := child("aws_s3_bucket_versioning", "v", {"bucket": u}, {"bucket": ["data.aws_s3_bucket.x"]})
	not aws.not_configured_by("aws_s3_bucket_versioning", "bucket", a) with input as {"resources": [a, d, c]}
}

test_missing_attribute_targets_nothing if {
	a := bucket("a", {"bucket": "data"})
	c := child("aws_s3_bucket_versioning", "v", {}, {})
	aws.not_configured_by("aws_s3_bucket_versioning", "bucket", a) with input as {"resources": [a, c]}
}

test_join_through_intermediate if {
	a := bucket("a", {"bucket": u})
	b := bucket("b", {"bucket": u})
	pab := child("aws_s3_bucket_public_access_block", "p", {"bucket": u}, {"bucket": ["aws_s3_bucket.a"]})
	pol := child("aws_s3_bucket_policy", "x", {"bucket": u}, {"bucket": ["aws_s3_bucket_public_access_block.p"]})
	inp := {"resources": [a, b, pab, pol]}
	count(aws.configured_by("aws_s3_bucket_policy", "bucket", a)) == 1 with input as inp
	aws.not_configured_by("aws_s3_bucket_policy", "bucket", b) with input as inp
}

test_no_children_means_not_configured if {
	a := bucket("a", {"bucket": "data"})
	aws.not_configured_by("aws_s3_bucket_versioning", "bucket", a) with input as {"resources": [a]}
}

test_default_vpc_is_same_kind if {
	v := res("aws_vpc", "main", {"cidr_block": "10.0.0.0/16"}, {})
	d := res("aws_default_vpc", "default", {}, {})
	f := child("aws_flow_log", "f", {"vpc_id": u}, {"vpc_id": ["aws_default_vpc.default"]})
	aws.not_configured_by("aws_flow_log", "vpc_id", v) with input as {"resources": [v, d, f]}
}

# --- S3 public access block ---------------------------------------------------

test_flag_maybe_on if {
	a := bucket("a", {"bucket": u})
	p := child("aws_s3_bucket_public_access_block", "p", {"bucket": u, "ignore_public_acls": true}, {"bucket": ["aws_s3_bucket.a"]})
	aws.flag_maybe_on(a, "ignore_public_acls") with input as {"resources": [a, p]}
	not aws.flag_maybe_on(a, "restrict_public_buckets") with input as {"resources": [a, p]}
}

test_flag_maybe_on_account if {
	a := bucket("a", {"bucket": u})
	acct := res("aws_s3_account_public_access_block", "acct", {"restrict_public_buckets": u}, {})
	aws.flag_maybe_on(a, "restrict_public_buckets") with input as {"resources": [a, acct]}
}

test_flag_not_on_for_other_bucket if {
	a := bucket("a", {"bucket": u})
	b := bucket("b", {"bucket": u})
	p := child("aws_s3_bucket_public_access_block", "p", {"bucket": u, "ignore_public_acls": true}, {"bucket": ["aws_s3_bucket.b"]})
	not aws.flag_maybe_on(a, "ignore_public_acls") with input as {"resources": [a, b, p]}
}

test_acls_disabled_maybe if {
	a := bucket("a", {"bucket": u})
	o := child("aws_s3_bucket_ownership_controls", "o", {"bucket": u, "rule": [{"object_ownership": "BucketOwnerEnforced"}]}, {"bucket": ["aws_s3_bucket.a"]})
	aws.acls_disabled_maybe(a) with input as {"resources": [a, o]}
	o2 := json.patch(o, [{"op": "replace", "path": "/values/rule/0/object_ownership", "value": "ObjectWriter"}])
	not aws.acls_disabled_maybe(a) with input as {"resources": [a, o2]}
}

# --- network ------------------------------------------------------------------

test_port_range if {
	aws.port_range("-1", 0, 0) == {"protocol": "all", "from": 0, "to": 65535}
	aws.port_range("all", null, null).protocol == "all"
	aws.port_range(-1, null, null).protocol == "all"
	aws.port_range("tcp", 20, "25") == {"protocol": "tcp", "from": 20, "to": 25}
	aws.port_range("6", 22, 22).protocol == "tcp"
	aws.port_range("UDP", 3389, 3389).protocol == "udp"
	aws.port_range("icmp", -1, -1).protocol == "other"
	not aws.port_range(u, 22, 22)
	not aws.port_range("tcp", u, 22)
}

test_exposes if {
	aws.exposes({"protocol": "all", "from": 0, "to": 65535}, 22, {"tcp"})
	aws.exposes({"protocol": "tcp", "from": 20, "to": 25}, 22, {"tcp"})
	not aws.exposes({"protocol": "tcp", "from": 23, "to": 25}, 22, {"tcp"})
	not aws.exposes({"protocol": "udp", "from": 22, "to": 22}, 22, {"tcp"})
	not aws.exposes({"protocol": "other", "from": -1, "to": -1}, 22, {"tcp"})
	aws.all_ports({"protocol": "tcp", "from": 0, "to": 65535})
	not aws.all_ports({"protocol": "tcp", "from": 0, "to": 1024})
}

test_world_ingress_sources if {
	sg := res(
		"aws_security_group", "sg", {"ingress": [
			{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/8"]},
			{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/8", "0.0.0.0/0"], "ipv6_cidr_blocks": ["::/0"]},
		]},
		{},
	)
	rule := res("aws_security_group_rule", "r", {"type": "ingress", "from_port": 3389, "to_port": 3389, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}, {})
	egress := res("aws_security_group_rule", "e", {"type": "egress", "from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]}, {})
	vpc := res("aws_vpc_security_group_ingress_rule", "v", {"ip_protocol": "-1", "cidr_ipv6": "::/0"}, {})
	unk := res("aws_vpc_security_group_ingress_rule", "w", {"ip_protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_ipv4": u}, {})
	got := {[p.resource.address, p.attribute] | some p in aws.world_ingress} with input as {"resources": [sg, rule, egress, vpc, unk]}
	got == {
		["aws_security_group.sg", "ingress[1].cidr_blocks"],
		["aws_security_group.sg", "ingress[1].ipv6_cidr_blocks"],
		["aws_security_group_rule.r", "cidr_blocks"],
		["aws_vpc_security_group_ingress_rule.v", "cidr_ipv6"],
	}
}

test_port_label if {
	aws.port_label(22) == "22 (SSH)"
	aws.port_label(8080) == "8080"
}

test_may_be_set if {
	r := res("aws_ebs_volume", "v", {"snapshot_id": u}, {})
	aws.may_be_set(r, "snapshot_id") with input as {"source": "hcl"}
	not aws.may_be_set(r, "snapshot_id") with input as {"source": "plan"}
	r2 := res("aws_ebs_volume", "v", {"snapshot_id": u}, {"snapshot_id": ["aws_ebs_snapshot.s"]})
	aws.may_be_set(r2, "snapshot_id") with input as {"source": "plan"}
	aws.may_be_set(res("aws_ebs_volume", "v", {"snapshot_id": "snap-1"}, {}), "snapshot_id") with input as {"source": "plan"}
	not aws.may_be_set(res("aws_ebs_volume", "v", {"snapshot_id": ""}, {}), "snapshot_id") with input as {"source": "plan"}
	not aws.may_be_set(res("aws_ebs_volume", "v", {}, {}), "snapshot_id") with input as {"source": "hcl"}
}

# --- indexes ------------------------------------------------------------------

test_group if {
	aws.group([["b", 1], ["a", 2], ["b", 3], ["c", 4]]) == {"a": [2], "b": [1, 3], "c": [4]}
	aws.group({[["x", "y"], 1], [["x", "y"], 0], [["x", "z"], 2]}) == {["x", "y"]: [0, 1], ["x", "z"]: [2]}
	aws.group([]) == {}
	aws.group([["only", 7]]) == {"only": [7]}
}

test_entry if {
	aws.entry({["a", "b"]: [1]}, ["a", "b"]) == [1]
	aws.entry({["a", "b"]: [1]}, ["a", "c"]) == []
}

test_indexes if {
	b := bucket("a", {"bucket": "a"})
	b2 := object.union(bucket("a", {"bucket": "a2"}), {"address": "aws_s3_bucket.a[1]", "index": 1})
	d := data_res("aws_s3_bucket", "x", {"bucket": "x"})
	inp := {"resources": [b, b2, d]}
	aws.by_address == {"aws_s3_bucket.a": [0, 1], "data.aws_s3_bucket.x": [2]} with input as inp
	aws.managed_by_type == {"aws_s3_bucket": [0, 1]} with input as inp
	aws.by_identity == {"a": [0], "a2": [1]} with input as inp
	aws.address_kinds["data.aws_s3_bucket.x"] == ["data", "aws_s3_bucket"] with input as inp
	count(aws.managed("aws_s3_bucket")) == 2 with input as inp
	count(aws.at_address("aws_s3_bucket.a")) == 2 with input as inp
}

test_unresolved_for_and_unknown_relation if {
	a := bucket("a", {"bucket": "data"})
	c := child("aws_s3_bucket_versioning", "v", {"bucket": u}, {})
	inp := {"resources": [a, c]}
	[x.address | some x in aws.unresolved_for("aws_s3_bucket_versioning", "bucket", a)] == ["aws_s3_bucket_versioning.v"] with input as inp
	aws.maybe_configured_by("aws_s3_bucket_cors_configuration", "bucket", a) with input as inp
	not aws.not_configured_by("aws_s3_bucket_cors_configuration", "bucket", a) with input as inp
}

test_buckets_of if {
	a := bucket("a", {"bucket": "data"})
	b := bucket("b", {"bucket": "logs"})
	by_ref := child("aws_s3_bucket_policy", "p", {"bucket": u}, {"bucket": ["aws_s3_bucket.a"]})
	by_name := child("aws_s3_bucket_policy", "q", {"bucket": "logs"}, {})
	external := child("aws_s3_bucket_policy", "r", {"bucket": "elsewhere"}, {})
	inp := {"resources": [a, b, by_ref, by_name, external]}
	[x.address | some x in aws.buckets_of(by_ref)] == ["aws_s3_bucket.a"] with input as inp
	[x.address | some x in aws.buckets_of(by_name)] == ["aws_s3_bucket.b"] with input as inp
	aws.buckets_of(external) == [] with input as inp
}

test_flag_maybe_on_for_external_bucket if {
	acl := child("aws_s3_bucket_acl", "x", {"bucket": "elsewhere", "acl": "public-read"}, {})
	pab := child("aws_s3_bucket_public_access_block", "x", {"bucket": "elsewhere", "ignore_public_acls": true}, {})
	aws.flag_maybe_on_for(acl, "ignore_public_acls") with input as {"resources": [acl, pab]}
	not aws.flag_maybe_on_for(acl, "ignore_public_acls") with input as {"resources": [acl]}
}
