package gate.rules.terraform.gcp.iam_audit_config_test

import rego.v1

import data.gate.rules.terraform.gcp.iam_audit_config as rule

res(t, name, values) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": {},
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

cfg(types) := [{"log_type": t} | some t in types]

test_missing_data_read_fails if {
	r := rule.deny with input as hcl([res("google_project_iam_audit_config", "a", {"service": "allServices", "audit_log_config": cfg(["ADMIN_READ", "DATA_WRITE"])})])
	count(r) == 1
	some f in r
	f.resource == "google_project_iam_audit_config.a"
	f.attribute == "audit_log_config"
	contains(f.msg, "DATA_READ")
}

test_exempted_members_fail if {
	c := [{"log_type": "ADMIN_READ"}, {"log_type": "DATA_READ", "exempted_members": ["user:a@example.com"]}, {"log_type": "DATA_WRITE"}]
	r := rule.deny with input as plan([res("google_organization_iam_audit_config", "o", {"service": "allServices", "audit_log_config": c})])
	count(r) == 1
	some f in r
	f.attribute == "audit_log_config[1].exempted_members"
}

test_complete_passes if {
	c := [{"log_type": "ADMIN_READ", "exempted_members": []}, {"log_type": "DATA_READ"}, {"log_type": "DATA_WRITE"}]
	r := rule.deny with input as hcl([res("google_folder_iam_audit_config", "f", {"service": "allServices", "audit_log_config": c})])
	count(r) == 0
}

test_per_service_not_judged if {
	r := rule.deny with input as hcl([res("google_project_iam_audit_config", "s", {"service": "storage.googleapis.com", "audit_log_config": cfg(["DATA_READ"])})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([
		res("google_project_iam_audit_config", "a", {"service": "allServices", "audit_log_config": "<<unknown>>"}),
		res("google_project_iam_audit_config", "b", {"service": "allServices", "audit_log_config": [{"log_type": "<<unknown>>"}]}),
		res("google_project_iam_audit_config", "c", {"service": "<<unknown>>", "audit_log_config": []}),
	])
	count(r) == 0
}
