# Rule parameters, set by the config file (.gate.yaml `params:`), stored by
# the engine at data.gate_config.params[<rule id>][<name>].

# METADATA
# title: Rule parameters from the configuration file
# description: >-
#   A library, not a rule: it defines no deny or unknown results, has no
#   controls of its own and is imported by the rules that use it.
package gate.lib.params

import rego.v1

# param(rule_id, name, fallback) is the configured value or the fallback.
param(rule_id, name, fallback) := v if {
	v := data.gate_config.params[rule_id][name]
} else := fallback
