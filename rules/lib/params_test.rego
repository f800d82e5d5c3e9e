package gate.lib.params_test

import data.gate.lib.params

test_fallback_when_not_configured if {
	params.param("GATE-X-001", "min_days", 7) == 7 with data.gate_config.params as {}
}

test_configured_value_wins if {
	params.param("GATE-X-001", "min_days", 7) == 30 with data.gate_config.params as {"GATE-X-001": {"min_days": 30}}
}

test_other_rule_does_not_leak if {
	params.param("GATE-X-001", "min_days", 7) == 7 with data.gate_config.params as {"GATE-Y-001": {"min_days": 30}}
}
