# METADATA
# title: Backup plan keeps recovery points long enough
# description: >-
#   When every rule of a backup plan deletes its recovery points (and their
#   copies) sooner than the required retention, data lost or corrupted and
#   noticed late cannot be restored. A plan passes when at least one rule
#   keeps recovery points for the required number of days, or for ever.
# custom:
#   id: GATE-AWS-BAK-001
#   severity: medium
#   remediation: |-
#     Keep at least one rule's recovery points for the required period:
#     ```hcl
#     resource "aws_backup_plan" "this" {
#       name = "daily"
#       rule {
#         rule_name         = "daily"
#         target_vault_name = aws_backup_vault.this.name
#         schedule          = "cron(0 3 * * ? *)"
#         lifecycle {
#           delete_after = 35
#         }
#       }
#     }
#     ```
#   resource_types: [aws_backup_plan]
#   sources: [plan, hcl]
#   params:
#     min_retention_days: 35
#   controls:
#     soc2: [A1.2]
#     iso27001_2022: [A.8.13]
#     nist_csf_2: [PR.DS-11]
#     nist_800_53r5: [CP-9]
package gate.rules.terraform.aws.backup_plan_retention

import rego.v1

import data.gate.lib.params
import data.gate.lib.terraform as tf

min_days := params.param("GATE-AWS-BAK-001", "min_retention_days", 35)

deny contains tf.finding(p, "rule", msg) if {
	some p in tf.resources("aws_backup_plan")
	rules := p.values.rule
	is_array(rules)
	count(rules) > 0
	every r in rules {
		is_object(r)
	}
	every r in rules {
		short_lived(r)
	}
	longest := max([retention(r) | some r in rules])
	msg := sprintf("Backup plan %s deletes every recovery point after at most %v days, less than the required %v", [p.address, longest, min_days])
}

# short_lived(r): the rule's recovery points, and every copy it makes, have
# a known delete_after below the minimum.
short_lived(r) if {
	delete_after(r) < min_days
	not copies_unknown(r)
	every c in copies(r) {
		delete_after(c) < min_days
	}
}

copies_unknown(r) if tf.is_unknown(r.copy_action)

copies(r) := [c | cs := r.copy_action; is_array(cs); some c in cs]

# delete_after(x) is the known lifecycle.delete_after of a rule or copy
# action; undefined without a lifecycle (kept for ever) or when unknown.
delete_after(x) := tf.num(ls[0].delete_after) if {
	ls := x.lifecycle
	is_array(ls)
	count(ls) > 0
	is_object(ls[0])
}

retention(r) := max(array.concat([delete_after(r)], [delete_after(c) | some c in copies(r)]))
