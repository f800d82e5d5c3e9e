package gate.lib.aws_services_test

import rego.v1

import data.gate.lib.aws_services as aws

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]),
	"config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": refs,
}

test_as_array if {
	aws.as_array("x") == ["x"]
	aws.as_array(["x", "y"]) == ["x", "y"]
	aws.as_array({"a": 1}) == [{"a": 1}]
}

test_eq_ci if {
	aws.eq_ci("https", "HTTPS")
	not aws.eq_ci("<<unknown>>", "<<UNKNOWN>>")
	not aws.eq_ci(443, "443")
	not aws.eq_ci("http", "https")
}

test_str_attr if {
	aws.str_attr({"values": {"a": "x"}}, "a") == "x"
	not aws.str_attr({"values": {"a": "<<unknown>>"}}, "a")
	not aws.str_attr({"values": {"a": 1}}, "a")
	not aws.str_attr({"values": {}}, "a")
}

test_present if {
	aws.present({"values": {"k": "arn:aws:kms:x"}}, "k")
	aws.present({"values": {"k": "<<unknown>>"}}, "k")
	aws.present({"values": {"k": ["a"]}}, "k")
	not aws.present({"values": {"k": ""}}, "k")
	not aws.present({"values": {"k": null}}, "k")
	not aws.present({"values": {"k": []}}, "k")
	not aws.present({"values": {"k": {}}}, "k")
	not aws.present({"values": {}}, "k")
}

test_policy_document_from_string if {
	doc := aws.policy_document(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}`)
	doc.Version == "2012-10-17"
}

test_policy_document_from_object if {
	doc := aws.policy_document({"Statement": {"Effect": "Allow"}})
	count(aws.statements(doc)) == 1
}

test_policy_document_rejects_bad_input if {
	not aws.policy_document("<<unknown>>")
	not aws.policy_document("{not json")
	not aws.policy_document(`["a"]`)
	not aws.policy_document(42)
}

test_statements_skip_non_objects if {
	count(aws.statements({"Statement": [{"Effect": "Allow"}, "junk", 3]})) == 1
	count(aws.statements({"Version": "2012-10-17"})) == 0
}

test_public_principal if {
	aws.public_principal("*")
	aws.public_principal({"AWS": "*"})
	aws.public_principal({"AWS": ["arn:aws:iam::111122223333:root", "*"]})
	not aws.public_principal({"AWS": "arn:aws:iam::111122223333:root"})
	not aws.public_principal({"Service": "lambda.amazonaws.com"})
	not aws.public_principal("<<unknown>>")
}

test_unconditional_public_allow if {
	aws.unconditional_public_allow({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"})
	aws.unconditional_public_allow({"Effect": "Allow", "Principal": "*", "Condition": {}})
	aws.unconditional_public_allow({"Effect": "Allow", "Principal": "*", "Condition": null})
	not aws.unconditional_public_allow({"Effect": "Deny", "Principal": "*"})
	not aws.unconditional_public_allow({"Effect": "Allow", "Principal": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1"}}})
	not aws.unconditional_public_allow({"Effect": "Allow", "Principal": "*", "Condition": "<<unknown>>"})
}

test_referenced_by_reference if {
	parent := res("aws_secretsmanager_secret", "db", {"name": "db"}, {})
	child := res("aws_secretsmanager_secret_rotation", "db", {"secret_id": "<<unknown>>"}, {"secret_id": ["aws_secretsmanager_secret.db"]})
	aws.referenced_by(parent, "aws_secretsmanager_secret_rotation", "secret_id") with input as {"resources": [parent, child]}
}

test_referenced_by_ignores_data_sources if {
	parent := res("aws_secretsmanager_secret", "db", {"name": "db"}, {})
	child := object.union(res("aws_secretsmanager_secret_rotation", "db", {"secret_id": "db"}, {}), {"mode": "data"})
	not aws.referenced_by(parent, "aws_secretsmanager_secret_rotation", "secret_id") with input as {"resources": [parent, child]}
}

test_unresolved_reference if {
	parent := res("aws_secretsmanager_secret", "db", {"name": "db"}, {})
	by_var := res("aws_secretsmanager_secret_rotation", "x", {"secret_id": "<<unknown>>"}, {})
	aws.unresolved_reference("aws_secretsmanager_secret_rotation", "secret_id", "aws_secretsmanager_secret") with input as {"resources": [parent, by_var]}
	by_data := res("aws_secretsmanager_secret_rotation", "y", {"secret_id": "<<unknown>>"}, {"secret_id": ["data.aws_secretsmanager_secret.shared"]})
	aws.unresolved_reference("aws_secretsmanager_secret_rotation", "secret_id", "aws_secretsmanager_secret") with input as {"resources": [parent, by_data]}
}

test_resolved_reference_is_not_unresolved if {
	parent := res("aws_secretsmanager_secret", "db", {"name": "db"}, {})
	child := res("aws_secretsmanager_secret_rotation", "db", {"secret_id": "<<unknown>>"}, {"secret_id": ["aws_secretsmanager_secret.db"]})
	literal := res("aws_secretsmanager_secret_rotation", "other", {"secret_id": "arn:aws:secretsmanager:us-east-1:111122223333:secret:x"}, {})
	not aws.unresolved_reference("aws_secretsmanager_secret_rotation", "secret_id", "aws_secretsmanager_secret") with input as {"resources": [parent, child, literal]}
}

test_refers_via_extra_key if {
	cluster := res("aws_redshift_cluster", "a", {"cluster_identifier": "analytics"}, {})
	logging := res("aws_redshift_logging", "a", {"cluster_identifier": "analytics"}, {})
	aws.refers_via(logging, "cluster_identifier", cluster, ["cluster_identifier"])
	not aws.refers_via(logging, "cluster_identifier", cluster, ["id"])
	aws.referenced_via(cluster, "aws_redshift_logging", "cluster_identifier", ["cluster_identifier"]) with input as {"resources": [cluster, logging]}
}

test_alb if {
	aws.alb(res("aws_lb", "a", {}, {}))
	aws.alb(res("aws_alb", "a", {"load_balancer_type": "application"}, {}))
	aws.alb(res("aws_lb", "a", {"load_balancer_type": null}, {}))
	not aws.alb(res("aws_lb", "a", {"load_balancer_type": "network"}, {}))
	not aws.alb(res("aws_lb", "a", {"load_balancer_type": "<<unknown>>"}, {}))
	not aws.alb(res("aws_elb", "a", {}, {}))
}

test_trail_data_events_only if {
	aws.trail_data_events_only({"values": {"event_selector": [{"include_management_events": false}]}})
	aws.trail_data_events_only({"values": {"event_selector": "<<unknown>>"}})
	aws.trail_data_events_only({"values": {"advanced_event_selector": [{"field_selector": [{"field": "eventCategory", "equals": ["Data"]}]}]}})
	not aws.trail_data_events_only({"values": {}})
	not aws.trail_data_events_only({"values": {"event_selector": [{"read_write_type": "All"}]}})
	not aws.trail_data_events_only({"values": {"event_selector": [{"include_management_events": false}, {"include_management_events": true}]}})
	not aws.trail_data_events_only({"values": {"advanced_event_selector": [{"field_selector": [{"field": "eventCategory", "equals": ["Management"]}]}]}})
}
