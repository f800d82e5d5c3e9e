package gate.rules.terraform.gcp.bigquery_public_dataset_test

import rego.v1

import data.gate.rules.terraform.gcp.bigquery_public_dataset as rule

res(t, name, values) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": {},
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_special_group_fails if {
	ds := res("google_bigquery_dataset", "d", {"dataset_id": "d", "access": [{"role": "OWNER", "user_by_email": "a@example.com"}, {"role": "READER", "special_group": "allAuthenticatedUsers"}]})
	r := rule.deny with input as hcl([ds])
	count(r) == 1
	some f in r
	f.resource == "google_bigquery_dataset.d"
	f.attribute == "access[1].special_group"
}

test_iam_member_access_fails if {
	ds := res("google_bigquery_dataset", "d", {"access": [{"role": "READER", "iam_member": "allUsers"}]})
	a := res("google_bigquery_dataset_access", "a", {"role": "READER", "iam_member": "allUsers"})
	r := rule.deny with input as plan([ds, a])
	count(r) == 2
}

test_iam_resources_fail if {
	r := rule.deny with input as hcl([
		res("google_bigquery_dataset_iam_member", "m", {"role": "roles/bigquery.dataViewer", "member": "allAuthenticatedUsers"}),
		res("google_bigquery_table_iam_binding", "b", {"role": "roles/bigquery.dataViewer", "members": ["allUsers"]}),
	])
	count(r) == 2
}

test_private_dataset_passes if {
	ds := res("google_bigquery_dataset", "d", {"access": [{"role": "READER", "special_group": "projectReaders"}, {"role": "READER", "group_by_email": "g@example.com"}]})
	r := rule.deny with input as hcl([ds, res("google_bigquery_dataset_iam_member", "m", {"role": "roles/bigquery.dataViewer", "member": "group:g@example.com"})])
	count(r) == 0
}

test_unknown_passes if {
	ds := res("google_bigquery_dataset", "d", {"access": [{"role": "READER", "special_group": "<<unknown>>"}]})
	ds2 := res("google_bigquery_dataset", "e", {"access": "<<unknown>>"})
	r := rule.deny with input as hcl([ds, ds2])
	count(r) == 0
}
