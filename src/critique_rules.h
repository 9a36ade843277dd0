/*
 * The rule registry: one line per rule unit, in the order of docs/rules.md.
 * A unit is a `const struct critique_rule rule_xxx` defined in one of the
 * critique_*.c files (one per family).  Adding a rule is writing its unit
 * and adding its line here; the engine, `napkin rules`, `napkin explain`,
 * docs/rules.md and SARIF pick it up from this list.
 */
#ifndef NAPKIN_CRITIQUE_RULES_H
#define NAPKIN_CRITIQUE_RULES_H

#include "critique.h"

#define CRITIQUE_RULES(X) \
	X(rule_spof001) X(rule_spof002) X(rule_spof003) X(rule_spof004) \
	X(rule_spof005) X(rule_spof006) \
	X(rule_edge001) X(rule_edge002) X(rule_edge003) X(rule_edge004) \
	X(rule_cach001) X(rule_cach002) X(rule_cach003) \
	X(rule_scal001) \
	X(rule_asyn001) X(rule_asyn002) X(rule_asyn003) X(rule_asyn004) X(rule_asyn005) \
	X(rule_data001) X(rule_data002) \
	X(rule_srvl001) \
	X(rule_modl001) X(rule_modl002) X(rule_modl003) \
	X(rule_lat001) X(rule_capa001)

#define CRITIQUE_DECLARE_RULE(unit) extern const struct critique_rule unit;
CRITIQUE_RULES(CRITIQUE_DECLARE_RULE)
#undef CRITIQUE_DECLARE_RULE

#endif
