# Rule parameters, set by the config file (.gate.yaml `params:`), stored by
# the engine at data.gate_config.params[<rule id>][<name>].
package gate.lib.params

import rego.v1

# param(rule_id, name, fallback) is the configured value or the fallback.
param(rule_id, name, fallback) := v if {
	v := data.gate_config.params[rule_id][name]
} else := fallback
