package gate.rules.terraform.gcp.compute_default_sa_full_scope_test

import rego.v1

import data.gate.rules.terraform.gcp.compute_default_sa_full_scope as rule

res(t, name, values) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": {},
}

vm(name, values) := res("google_compute_instance", name, values)

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_no_email_full_scope_fails if {
	r := rule.deny with input as hcl([vm("a", {"service_account": [{"scopes": ["cloud-platform"]}]})])
	count(r) == 1
	some f in r
	f.resource == "google_compute_instance.a"
	f.attribute == "service_account[0].scopes"
}

test_default_email_fails if {
	sa := {"email": "123456789012-compute@developer.gserviceaccount.com", "scopes": ["https://www.googleapis.com/auth/cloud-platform"]}
	r := rule.deny with input as plan([res("google_compute_instance_template", "t", {"service_account": [sa]})])
	count(r) == 1
}

test_plan_computed_email_fails if {
	sa := {"email": "<<unknown>>", "scopes": ["https://www.googleapis.com/auth/cloud-platform"]}
	r := rule.deny with input as plan([vm("a", {"service_account": [sa]})])
	count(r) == 1
}

test_dedicated_account_passes if {
	sa := {"email": "app@proj.iam.gserviceaccount.com", "scopes": ["cloud-platform"]}
	sa2 := {"email": "example@developer.gserviceaccount.com", "scopes": ["cloud-platform"]}
	r := rule.deny with input as hcl([vm("a", {"service_account": [sa]}), vm("b", {"service_account": [sa2]})])
	count(r) == 0
}

test_default_account_limited_scopes_passes if {
	sa := {"scopes": ["https://www.googleapis.com/auth/logging.write", "monitoring"]}
	r := rule.deny with input as hcl([vm("a", {"service_account": [sa]}), vm("b", {})])
	count(r) == 0
}

test_unknown_passes if {
	sa := {"email": "<<unknown>>", "scopes": ["cloud-platform"]}
	sa2 := {"scopes": "<<unknown>>"}
	r := rule.deny with input as hcl([vm("a", {"service_account": [sa]}), vm("b", {"service_account": [sa2]})])
	count(r) == 0
	r2 := rule.deny with input as plan([object.union(vm("c", {"service_account": [sa]}), {"refs": {"service_account.email": ["google_service_account.app"]}})])
	count(r2) == 0
}
