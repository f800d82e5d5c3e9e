package gate.lib.gcp_test

import rego.v1

import data.gate.lib.gcp

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": refs,
}

ds(t, name, values) := object.union(res(t, name, values, {}), {
	"address": sprintf("data.%s.%s", [t, name]),
	"config_address": sprintf("data.%s.%s", [t, name]),
	"mode": "data",
})

test_member_grant if {
	r := res("google_storage_bucket_iam_member", "m", {"role": "roles/storage.objectViewer", "member": "allUsers"}, {})
	gcp.iam_grants(r) == {{"role": "roles/storage.objectViewer", "member": "allUsers", "attr": "member"}}
}

test_members_grants_skip_unknown if {
	r := res("google_project_iam_binding", "b", {"role": "roles/editor", "members": ["user:a@example.com", "<<unknown>>"]}, {})
	gcp.iam_grants(r) == {{"role": "roles/editor", "member": "user:a@example.com", "attr": "members[0]"}}
}

test_unknown_members_no_grants if {
	r := res("google_project_iam_binding", "b", {"role": "roles/editor", "members": "<<unknown>>"}, {})
	gcp.iam_grants(r) == set()
}

test_policy_json_grants if {
	pd := json.marshal({"bindings": [{"role": "roles/viewer", "members": ["allAuthenticatedUsers", "group:g@example.com"]}]})
	r := res("google_storage_bucket_iam_policy", "p", {"policy_data": pd}, {})
	gcp.iam_grants(r) == {
		{"role": "roles/viewer", "member": "allAuthenticatedUsers", "attr": "policy_data"},
		{"role": "roles/viewer", "member": "group:g@example.com", "attr": "policy_data"},
	}
}

test_policy_invalid_json_no_grants if {
	r := res("google_storage_bucket_iam_policy", "p", {"policy_data": "{not json"}, {})
	gcp.iam_grants(r) == set()
}

test_policy_via_data_source if {
	d := ds("google_iam_policy", "p", {"binding": [{"role": "roles/storage.admin", "members": ["allUsers"]}]})
	r := res("google_storage_bucket_iam_policy", "p", {"policy_data": "<<unknown>>"}, {"policy_data": ["data.google_iam_policy.p"]})
	gcp.iam_grants(r) == {{"role": "roles/storage.admin", "member": "allUsers", "attr": "policy_data"}} with input as {"resources": [d, r]}
}

test_public_principal if {
	gcp.public_principal("allUsers")
	gcp.public_principal("allAuthenticatedUsers")
	not gcp.public_principal("user:allUsers@example.com")
}

test_truthy_falsy if {
	gcp.truthy(true)
	gcp.truthy("TRUE")
	gcp.truthy(" 1 ")
	not gcp.truthy("false")
	not gcp.truthy("<<unknown>>")
	not gcp.truthy(1)
	gcp.falsy("FALSE")
	gcp.falsy(false)
	not gcp.falsy("maybe")
}

test_os_login_project_level if {
	pm := res("google_compute_project_metadata", "p", {"metadata": {"enable-oslogin": "TRUE"}}, {})
	vm := res("google_compute_instance", "vm", {"metadata": {}}, {})
	off := res("google_compute_instance", "off", {"metadata": {"enable-oslogin": "FALSE"}}, {})
	gcp.os_login_enabled(vm) with input as {"resources": [pm, vm, off]}
	not gcp.os_login_enabled(off) with input as {"resources": [pm, vm, off]}
	not gcp.os_login_enabled(vm) with input as {"resources": [vm]}
}

test_os_login_instance_boolean_false_overrides_project if {
	pm := res("google_compute_project_metadata", "p", {"metadata": {"enable-oslogin": "TRUE"}}, {})
	off := res("google_compute_instance", "off", {"metadata": {"enable-oslogin": false}}, {})
	not gcp.os_login_enabled(off) with input as {"resources": [pm, off]}
}

test_os_login_project_item if {
	item := res("google_compute_project_metadata_item", "i", {"key": "enable-oslogin", "value": "true"}, {})
	vm := res("google_compute_instance", "vm", {}, {})
	gcp.os_login_enabled(vm) with input as {"resources": [item, vm]}
}

test_duration_seconds if {
	gcp.duration_seconds("7776000s") == 7776000
	gcp.duration_seconds("86400.5s") == 86400.5
	not gcp.duration_seconds("90d")
	not gcp.duration_seconds("<<unknown>>")
	not gcp.duration_seconds(7776000)
}

fw(values) := res("google_compute_firewall", "f", values, {})

test_firewall_internet_ingress if {
	gcp.firewall_internet_ingress(fw({"source_ranges": ["0.0.0.0/0"]}))
	gcp.firewall_internet_ingress(fw({"direction": "INGRESS", "source_ranges": ["10.0.0.0/8", "::/0"]}))
	gcp.firewall_internet_ingress(fw({"disabled": false}))
	gcp.firewall_internet_ingress(fw({"source_ranges": [], "source_tags": null}))
	not gcp.firewall_internet_ingress(fw({"source_tags": ["web"]}))
	not gcp.firewall_internet_ingress(fw({"source_ranges": ["0.0.0.0/0"], "disabled": true}))
	not gcp.firewall_internet_ingress(fw({"source_ranges": ["0.0.0.0/0"], "disabled": "<<unknown>>"}))
	not gcp.firewall_internet_ingress(fw({"source_ranges": ["0.0.0.0/0"], "direction": "EGRESS"}))
	not gcp.firewall_internet_ingress(fw({"source_ranges": "<<unknown>>"}))
	not gcp.firewall_internet_ingress(fw({"source_ranges": ["<<unknown>>"]}))
}

test_firewall_plan_computed_defaults if {
	f := fw({"direction": "<<unknown>>", "source_ranges": "<<unknown>>", "source_tags": null, "source_service_accounts": null})
	gcp.firewall_internet_ingress(f) with input as {"source": "plan", "resources": [f]}
	not gcp.firewall_internet_ingress(f) with input as {"source": "hcl", "resources": [f]}
	g := fw({"direction": "<<unknown>>", "source_ranges": "<<unknown>>", "source_tags": ["web"]})
	not gcp.firewall_internet_ingress(g) with input as {"source": "plan", "resources": [g]}
	h := object.union(fw({"direction": "INGRESS", "source_ranges": "<<unknown>>"}), {"refs": {"source_ranges": ["google_compute_address.a"]}})
	not gcp.firewall_internet_ingress(h) with input as {"source": "plan", "resources": [h]}
}

test_unset if {
	r := res("google_storage_bucket", "b", {"a": null, "b": "<<unknown>>", "c": "<<unknown>>", "d": false}, {"c": ["google_x.y"]})
	gcp.unset(r, "a") with input as {"source": "hcl"}
	gcp.unset(r, "missing") with input as {"source": "hcl"}
	not gcp.unset(r, "b") with input as {"source": "hcl"}
	gcp.unset(r, "b") with input as {"source": "plan"}
	not gcp.unset(r, "c") with input as {"source": "plan"}
	not gcp.unset(r, "d") with input as {"source": "plan"}
}

test_unset_in_nested_ref if {
	r := res("google_sql_database_instance", "d", {}, {"settings.ip_configuration.ssl_mode": ["terraform_data.x"]})
	gcp.unset_in(r, {"ssl_mode": "<<unknown>>", "require_ssl": "<<unknown>>"}, "require_ssl", "settings.ip_configuration.require_ssl") with input as {"source": "plan"}
	not gcp.unset_in(r, {"ssl_mode": "<<unknown>>"}, "ssl_mode", "settings.ip_configuration.ssl_mode") with input as {"source": "plan"}
	not gcp.unset_in(r, {"ssl_mode": "<<unknown>>"}, "ssl_mode", "settings.ip_configuration.ssl_mode") with input as {"source": "hcl"}
	r2 := res("google_sql_database_instance", "d", {}, {"settings.ip_configuration.authorized_networks.value": ["google_compute_address.a"]})
	not gcp.unset_in(r2, {"ip_configuration": "<<unknown>>"}, "ip_configuration", "settings.ip_configuration") with input as {"source": "plan"}
}

test_allow_covers_tcp_port if {
	gcp.allow_covers_tcp_port({"protocol": "tcp", "ports": ["22"]}, 22)
	gcp.allow_covers_tcp_port({"protocol": "TCP", "ports": ["20-25"]}, 22)
	gcp.allow_covers_tcp_port({"protocol": "tcp", "ports": [22]}, 22)
	gcp.allow_covers_tcp_port({"protocol": "tcp"}, 22)
	gcp.allow_covers_tcp_port({"protocol": "tcp", "ports": []}, 22)
	gcp.allow_covers_tcp_port({"protocol": "all"}, 3389)
	gcp.allow_covers_tcp_port({"protocol": 6, "ports": ["22"]}, 22)
	not gcp.allow_covers_tcp_port({"protocol": "udp", "ports": ["22"]}, 22)
	not gcp.allow_covers_tcp_port({"protocol": "tcp", "ports": ["80", "443"]}, 22)
	not gcp.allow_covers_tcp_port({"protocol": "tcp", "ports": "<<unknown>>"}, 22)
	not gcp.allow_covers_tcp_port({"protocol": "tcp", "ports": ["<<unknown>>"]}, 22)
	not gcp.allow_covers_tcp_port({"protocol": "<<unknown>>"}, 22)
	not gcp.allow_covers_tcp_port({"protocol": "icmp"}, 22)
}

test_allow_all_ports if {
	gcp.allow_all_ports({"protocol": "all"})
	gcp.allow_all_ports({"protocol": "udp"})
	gcp.allow_all_ports({"protocol": "tcp", "ports": ["0-65535"]})
	gcp.allow_all_ports({"protocol": "tcp", "ports": ["1-65535"]})
	not gcp.allow_all_ports({"protocol": "tcp", "ports": ["1-1024"]})
	not gcp.allow_all_ports({"protocol": "icmp"})
	not gcp.allow_all_ports({"protocol": "esp"})
}

test_port_range if {
	gcp.port_range("22") == [22, 22]
	gcp.port_range(" 1000 - 2000 ") == [1000, 2000]
	gcp.port_range(443) == [443, 443]
	not gcp.port_range("ssh")
	not gcp.port_range("<<unknown>>")
}

test_nested if {
	r := res("google_sql_database_instance", "db", {"settings": [{"ip_configuration": [{"ssl_mode": "ENCRYPTED_ONLY"}]}]}, {})
	gcp.nested(r, ["settings", "ip_configuration"]) == {"ssl_mode": "ENCRYPTED_ONLY"}
	gcp.nested(r, ["settings"]).ip_configuration[0].ssl_mode == "ENCRYPTED_ONLY"
	not gcp.nested(r, ["settings", "backup_configuration"])
	u := res("google_sql_database_instance", "u", {"settings": "<<unknown>>"}, {})
	not gcp.nested(u, ["settings", "ip_configuration"])
	e := res("google_sql_database_instance", "e", {"settings": []}, {})
	not gcp.nested(e, ["settings"])
}

test_service_account_member if {
	gcp.service_account_member("serviceAccount:ci@p.iam.gserviceaccount.com")
	not gcp.service_account_member("user:a@example.com")
}
