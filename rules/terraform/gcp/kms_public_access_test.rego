package gate.rules.terraform.gcp.kms_public_access_test

import rego.v1

import data.gate.rules.terraform.gcp.kms_public_access as rule

res(t, name, values) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": {},
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

test_member_all_users_fails if {
	m := res("google_kms_crypto_key_iam_member", "pub", {"crypto_key_id": "<<unknown>>", "role": "roles/cloudkms.cryptoKeyDecrypter", "member": "allUsers"})
	r := rule.deny with input as hcl([m])
	count(r) == 1
	some f in r
	f.resource == "google_kms_crypto_key_iam_member.pub"
	f.attribute == "member"
}

test_key_ring_binding_fails if {
	b := res("google_kms_key_ring_iam_binding", "b", {"role": "roles/cloudkms.admin", "members": ["allAuthenticatedUsers"]})
	r := rule.deny with input as hcl([b])
	count(r) == 1
}

test_policy_json_fails if {
	pd := json.marshal({"bindings": [{"role": "roles/cloudkms.cryptoKeyEncrypter", "members": ["allUsers"]}]})
	r := rule.deny with input as {"kind": "terraform", "source": "plan", "resources": [res("google_kms_crypto_key_iam_policy", "p", {"policy_data": pd})]}
	count(r) == 1
}

test_named_principal_passes if {
	m := res("google_kms_crypto_key_iam_member", "m", {"role": "roles/cloudkms.cryptoKeyEncrypterDecrypter", "member": "serviceAccount:app@p.iam.gserviceaccount.com"})
	r := rule.deny with input as hcl([m])
	count(r) == 0
}

test_unknown_passes if {
	m := res("google_kms_crypto_key_iam_member", "m", {"role": "roles/cloudkms.admin", "member": "<<unknown>>"})
	r := rule.deny with input as hcl([m])
	count(r) == 0
}
