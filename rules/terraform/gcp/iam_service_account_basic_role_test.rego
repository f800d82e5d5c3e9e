package gate.rules.terraform.gcp.iam_service_account_basic_role_test

import rego.v1

import data.gate.rules.terraform.gcp.iam_service_account_basic_role as rule

res(t, name, values) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": {},
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_member_editor_fails if {
	m := res("google_project_iam_member", "ci", {"role": "roles/editor", "member": "serviceAccount:ci@proj.iam.gserviceaccount.com"})
	r := rule.deny with input as hcl([m])
	count(r) == 1
	some f in r
	f.resource == "google_project_iam_member.ci"
	f.attribute == "member"
}

test_binding_owner_fails if {
	b := res("google_organization_iam_binding", "o", {"role": "roles/owner", "members": ["group:admins@example.com", "serviceAccount:123-compute@developer.gserviceaccount.com"]})
	r := rule.deny with input as plan([b])
	count(r) == 1
	some f in r
	f.attribute == "members[1]"
}

test_service_agents_pass if {
	b := res("google_project_iam_binding", "e", {"role": "roles/editor", "members": [
		"serviceAccount:123@cloudservices.gserviceaccount.com",
		"serviceAccount:service-123@containerregistry.iam.gserviceaccount.com",
		"serviceAccount:x@gcp-sa-foo.iam.gserviceaccount.com",
	]})
	r := rule.deny with input as hcl([b])
	count(r) == 0
}

test_predefined_role_and_user_pass if {
	r := rule.deny with input as hcl([
		res("google_project_iam_member", "a", {"role": "roles/storage.admin", "member": "serviceAccount:ci@proj.iam.gserviceaccount.com"}),
		res("google_project_iam_member", "b", {"role": "roles/editor", "member": "user:a@example.com"}),
	])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([
		res("google_project_iam_member", "a", {"role": "roles/editor", "member": "<<unknown>>"}),
		res("google_project_iam_member", "b", {"role": "<<unknown>>", "member": "serviceAccount:ci@proj.iam.gserviceaccount.com"}),
	])
	count(r) == 0
}

test_bucket_iam_not_in_scope if {
	r := rule.deny with input as hcl([res("google_storage_bucket_iam_member", "a", {"role": "roles/editor", "member": "serviceAccount:ci@proj.iam.gserviceaccount.com"})])
	count(r) == 0
}
