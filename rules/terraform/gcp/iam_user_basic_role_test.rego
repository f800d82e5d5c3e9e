package gate.rules.terraform.gcp.iam_user_basic_role_test

import rego.v1

import data.gate.rules.terraform.gcp.iam_user_basic_role as rule

res(t, name, values) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": {},
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_user_owner_fails if {
	r := rule.deny with input as hcl([res("google_project_iam_member", "o", {"role": "roles/owner", "member": "user:alice@example.com"})])
	count(r) == 1
	some f in r
	f.resource == "google_project_iam_member.o"
	f.attribute == "member"
}

test_binding_editor_fails_per_user if {
	b := res("google_project_iam_binding", "e", {"role": "roles/editor", "members": ["user:a@example.com", "group:g@example.com", "user:b@example.com"]})
	r := rule.deny with input as plan([b])
	count(r) == 2
}

test_group_and_predefined_pass if {
	r := rule.deny with input as hcl([
		res("google_project_iam_member", "a", {"role": "roles/owner", "member": "group:owners@example.com"}),
		res("google_project_iam_member", "b", {"role": "roles/viewer", "member": "user:a@example.com"}),
		res("google_project_iam_member", "c", {"role": "roles/compute.admin", "member": "user:a@example.com"}),
	])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([res("google_project_iam_member", "a", {"role": "roles/owner", "member": "<<unknown>>"})])
	count(r) == 0
}
