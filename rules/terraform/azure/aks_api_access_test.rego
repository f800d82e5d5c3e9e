package gate.rules.terraform.azure.aks_api_access_test

import rego.v1

import data.gate.rules.terraform.azure.aks_api_access as rule

aks(name, values) := {
	"address": sprintf("azurerm_kubernetes_cluster.%s", [name]),
	"config_address": sprintf("azurerm_kubernetes_cluster.%s", [name]),
	"module": "", "mode": "managed", "type": "azurerm_kubernetes_cluster", "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_public_without_ranges_fails if {
	r := rule.deny with input as {"resources": [aks("k", {"name": "k"})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_kubernetes_cluster.k"
	f.attribute == "api_server_access_profile"
}

test_empty_profile_fails if {
	r := rule.deny with input as {"resources": [aks("k", {"api_server_access_profile": [{"authorized_ip_ranges": []}], "api_server_authorized_ip_ranges": []})]}
	count(r) == 1
}

test_open_range_fails if {
	r := rule.deny with input as {"resources": [aks("k", {"api_server_access_profile": [{"authorized_ip_ranges": ["0.0.0.0/0"]}]})]}
	count(r) == 1
	some f in r
	f.attribute == "api_server_access_profile[0].authorized_ip_ranges"
}

test_v3_top_level_ranges_pass if {
	r := rule.deny with input as {"resources": [aks("k", {"api_server_authorized_ip_ranges": ["203.0.113.0/24"]})]}
	count(r) == 0
}

test_profile_ranges_pass if {
	r := rule.deny with input as {"resources": [aks("k", {"api_server_access_profile": [{"authorized_ip_ranges": ["203.0.113.0/24"]}]})]}
	count(r) == 0
}

test_private_cluster_passes if {
	r := rule.deny with input as {"resources": [aks("k", {"private_cluster_enabled": true})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [
		aks("a", {"private_cluster_enabled": "<<unknown>>"}),
		aks("b", {"api_server_access_profile": "<<unknown>>"}),
		aks("c", {"api_server_access_profile": [{"authorized_ip_ranges": "<<unknown>>"}]}),
		aks("d", {"api_server_authorized_ip_ranges": "<<unknown>>"}),
	]}
	count(r) == 0
}
