package gate.rules.terraform.gcp.kms_rotation_test

import rego.v1

import data.gate.rules.terraform.gcp.kms_rotation as rule

key(name, values) := {
	"address": sprintf("google_kms_crypto_key.%s", [name]), "config_address": sprintf("google_kms_crypto_key.%s", [name]),
	"module": "", "mode": "managed", "type": "google_kms_crypto_key", "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": {"key_ring": ["google_kms_key_ring.keyring"]},
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

# The regula cryptokey_rotate case: 90 days passes, 90 days + 2 s fails,
# no rotation fails.
test_regula_case if {
	r := rule.deny with input as {"kind": "terraform", "source": "plan", "resources": [
		key("valid_key_1", {"purpose": "ENCRYPT_DECRYPT", "rotation_period": "7776000s", "skip_initial_version_creation": null, "version_template": "<<unknown>>"}),
		key("invalid_key_1", {"purpose": "ENCRYPT_DECRYPT", "rotation_period": null, "version_template": "<<unknown>>"}),
		key("invalid_key_2", {"purpose": "ENCRYPT_DECRYPT", "rotation_period": "7776002s", "version_template": "<<unknown>>"}),
	]}
	{f.resource | some f in r} == {"google_kms_crypto_key.invalid_key_1", "google_kms_crypto_key.invalid_key_2"}
	every f in r {
		f.attribute == "rotation_period"
	}
}

test_absent_fails if {
	r := rule.deny with input as hcl([key("a", {"name": "a"})])
	count(r) == 1
	some f in r
	f.resource == "google_kms_crypto_key.a"
}

test_hsm_key_without_rotation_fails if {
	r := rule.deny with input as hcl([key("a", {"version_template": [{"algorithm": "GOOGLE_SYMMETRIC_ENCRYPTION", "protection_level": "HSM"}]})])
	count(r) == 1
}

test_short_period_passes if {
	r := rule.deny with input as hcl([key("a", {"rotation_period": "2592000s"})])
	count(r) == 0
}

test_param_override if {
	r := rule.deny with input as hcl([key("a", {"rotation_period": "2592000s"})])
		with data.gate_config.params as {"GATE-GCP-KMS-001": {"max_days": 7}}
	count(r) == 1
}

test_non_rotatable_keys_skipped if {
	r := rule.deny with input as hcl([
		key("sign", {"purpose": "ASYMMETRIC_SIGN"}),
		key("mac", {"purpose": "MAC"}),
		key("imp", {"import_only": true}),
		key("ekm", {"version_template": [{"algorithm": "EXTERNAL_SYMMETRIC_ENCRYPTION", "protection_level": "EXTERNAL"}]}),
	])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([
		key("a", {"rotation_period": "<<unknown>>"}),
		key("b", {"purpose": "<<unknown>>"}),
		key("c", {"import_only": "<<unknown>>"}),
		key("d", {"version_template": "<<unknown>>"}),
		key("e", {"version_template": [{"algorithm": "GOOGLE_SYMMETRIC_ENCRYPTION", "protection_level": "<<unknown>>"}]}),
	])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(key("a", {}), {"mode": "data", "address": "data.google_kms_crypto_key.a"})
	r := rule.deny with input as hcl([d])
	count(r) == 0
}
