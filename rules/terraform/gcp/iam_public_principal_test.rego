package gate.rules.terraform.gcp.iam_public_principal_test

import rego.v1

import data.gate.rules.terraform.gcp.iam_public_principal as rule

res(t, name, values) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": {},
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_member_all_users_fails if {
	r := rule.deny with input as hcl([res("google_project_iam_member", "pub", {"role": "roles/viewer", "member": "allUsers"})])
	count(r) == 1
	some f in r
	f.resource == "google_project_iam_member.pub"
	f.attribute == "member"
}

test_policy_json_fails if {
	pd := json.marshal({"bindings": [{"role": "roles/browser", "members": ["allAuthenticatedUsers"]}]})
	r := rule.deny with input as plan([res("google_folder_iam_policy", "p", {"policy_data": pd})])
	count(r) == 1
}

test_named_principals_pass if {
	r := rule.deny with input as hcl([res("google_project_iam_binding", "b", {"role": "roles/viewer", "members": ["group:a@example.com", "domain:example.com"]})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([res("google_project_iam_binding", "b", {"role": "roles/viewer", "members": "<<unknown>>"})])
	count(r) == 0
}
