package gate.rules.terraform.gcp.storage_logging_test

import rego.v1

import data.gate.rules.terraform.gcp.storage_logging as rule

bucket(name, values, refs) := {
	"address": sprintf("google_storage_bucket.%s", [name]), "config_address": sprintf("google_storage_bucket.%s", [name]),
	"module": "", "mode": "managed", "type": "google_storage_bucket", "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": refs,
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

test_absent_fails if {
	r := rule.deny with input as hcl([bucket("a", {"name": "a"}, {})])
	count(r) == 1
	some f in r
	f.resource == "google_storage_bucket.a"
	f.attribute == "logging"
}

test_logging_by_reference_passes_and_target_skipped if {
	logs := bucket("logs", {"name": "logs"}, {})
	app := bucket("app", {"name": "app", "logging": [{"log_bucket": "<<unknown>>"}]}, {"logging.log_bucket": ["google_storage_bucket.logs"]})
	r := rule.deny with input as hcl([logs, app])
	count(r) == 0
}

test_logging_by_name_target_skipped if {
	logs := bucket("logs", {"name": "acme-logs"}, {})
	app := bucket("app", {"name": "app", "logging": [{"log_bucket": "acme-logs"}]}, {})
	r := rule.deny with input as {"kind": "terraform", "source": "plan", "resources": [logs, app]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([bucket("a", {"logging": "<<unknown>>"}, {})])
	count(r) == 0
}

test_empty_log_bucket_fails if {
	r := rule.deny with input as hcl([bucket("a", {"logging": [{"log_bucket": ""}]}, {})])
	count(r) == 1
}

test_plan_computed_block_fails if {
	r := rule.deny with input as {"kind": "terraform", "source": "plan", "resources": [bucket("a", {"logging": "<<unknown>>"}, {})]}
	count(r) == 1
}
