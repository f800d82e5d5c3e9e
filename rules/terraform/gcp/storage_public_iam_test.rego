package gate.rules.terraform.gcp.storage_public_iam_test

import rego.v1

import data.gate.rules.terraform.gcp.storage_public_iam as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": refs,
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

bucket_ref := {"bucket": ["google_storage_bucket.b"]}

test_member_all_users_fails if {
	m := res("google_storage_bucket_iam_member", "pub", {"bucket": "<<unknown>>", "role": "roles/storage.objectViewer", "member": "allUsers"}, bucket_ref)
	r := rule.deny with input as hcl([m])
	count(r) == 1
	some f in r
	f.resource == "google_storage_bucket_iam_member.pub"
	f.attribute == "member"
}

test_binding_all_authenticated_fails if {
	b := res("google_storage_bucket_iam_binding", "pub", {"role": "roles/storage.objectViewer", "members": ["user:a@example.com", "allAuthenticatedUsers"]}, bucket_ref)
	r := rule.deny with input as hcl([b])
	count(r) == 1
	some f in r
	f.attribute == "members[1]"
}

test_policy_data_source_fails if {
	d := object.union(res("google_iam_policy", "p", {"binding": [{"role": "roles/storage.objectViewer", "members": ["allUsers"]}]}, {}), {"mode": "data", "address": "data.google_iam_policy.p", "config_address": "data.google_iam_policy.p"})
	p := res("google_storage_bucket_iam_policy", "pol", {"policy_data": "<<unknown>>"}, {"policy_data": ["data.google_iam_policy.p"]})
	r := rule.deny with input as hcl([d, p])
	count(r) == 1
	some f in r
	f.resource == "google_storage_bucket_iam_policy.pol"
}

test_acl_role_entity_fails if {
	a := res("google_storage_bucket_acl", "acl", {"role_entity": ["OWNER:user-a@example.com", "READER:allUsers"]}, bucket_ref)
	r := rule.deny with input as hcl([a])
	count(r) == 1
	some f in r
	f.attribute == "role_entity[1]"
}

test_predefined_public_acl_fails if {
	a := res("google_storage_default_object_acl", "acl", {"predefined_acl": "publicRead"}, bucket_ref)
	r := rule.deny with input as hcl([a])
	count(r) == 1
}

test_access_control_fails if {
	a := res("google_storage_bucket_access_control", "ac", {"role": "READER", "entity": "allUsers"}, bucket_ref)
	r := rule.deny with input as hcl([a])
	count(r) == 1
}

test_named_principals_pass if {
	m := res("google_storage_bucket_iam_member", "m", {"role": "roles/storage.admin", "member": "user:jane@example.com"}, bucket_ref)
	b := res("google_storage_bucket_iam_binding", "b", {"role": "roles/storage.admin", "members": ["group:g@example.com"]}, bucket_ref)
	a := res("google_storage_bucket_acl", "acl", {"predefined_acl": "private"}, bucket_ref)
	r := rule.deny with input as hcl([m, b, a])
	count(r) == 0
}

test_unknown_member_passes if {
	m := res("google_storage_bucket_iam_member", "m", {"role": "roles/storage.admin", "member": "<<unknown>>"}, {})
	b := res("google_storage_bucket_iam_binding", "b", {"role": "roles/storage.admin", "members": "<<unknown>>"}, {})
	r := rule.deny with input as hcl([m, b])
	count(r) == 0
}

test_project_iam_not_in_scope if {
	m := res("google_project_iam_member", "m", {"role": "roles/viewer", "member": "allUsers"}, {})
	r := rule.deny with input as hcl([m])
	count(r) == 0
}
