/*
 * rules_effect_test.c
 *		Unit tests of ic_rules_effect() (rules_core.c): what a decision does to
 *		its instruction, one pure function (R69.1, R69.3, R69.4, R70.4, R75,
 *		R59, R57, R56, R50.3).  The verdicts on decisions are rules_test.c's.
 */
#include "rules_core.h"
#include "unit.h"

#define DAY_2025_03_03 9193		/* days since 2000-01-01 */

int
main(void)
{
	IcInstructionState before = {DAY_2025_03_03, IC_REGIME_REGULAR, true, IC_NO_DATE, IC_NO_DATE, 0, 0, 0, IC_NO_DATE};
	IcInstructionState after;
	IcDecisionEffect ext = {IC_ACTION_EXTEND, 7, DAY_2025_03_03 + 30, IC_REGIME_INVALID, DAY_2025_03_03 - 1, IC_NO_DATE};
	IcDecisionEffect tr = {IC_ACTION_TRANSFER, 8, DAY_2025_03_03 + 400, IC_REGIME_LONG_TERM, DAY_2025_03_03, DAY_2025_03_03 + 14};
	IcDecisionEffect nd = {IC_ACTION_NEW_DEADLINE, 9, DAY_2025_03_03 + 60, IC_REGIME_MEDIUM_TERM, DAY_2025_03_03, IC_NO_DATE};
	IcDecisionEffect rm = {IC_ACTION_REMOVE, 10, DAY_2025_03_03 + 5, IC_REGIME_INVALID, DAY_2025_03_03 + 2, IC_NO_DATE};
	IcDecisionEffect rdm = {IC_ACTION_APPROVE_ROADMAP, 11, DAY_2025_03_03 + 5, IC_REGIME_LONG_TERM, DAY_2025_03_03 + 3, IC_NO_DATE};
	IcDecisionEffect cal = {IC_ACTION_CALENDAR_CHANGE, 12, DAY_2025_03_03 - 1, IC_REGIME_INVALID, DAY_2025_03_03 - 10, DAY_2025_03_03 - 20};
	IcDecisionEffect cal_roadmap = {IC_ACTION_CALENDAR_CHANGE, 13, IC_NO_DATE, IC_REGIME_INVALID, DAY_2025_03_03 - 10, DAY_2025_03_03 - 20};

	ic_rules_effect(&ext, &before, &after);
	CHECK(after.due_date == DAY_2025_03_03 + 30 && after.extensions == 1 && after.decision_count == 1 &&
		  after.last_decision_id == 7 && after.last_decided_on == DAY_2025_03_03 - 1 &&
		  after.regime == IC_REGIME_REGULAR && after.on_control, "effect of an extension (R69.1)");
	ic_rules_effect(&tr, &before, &after);
	CHECK(after.due_date == DAY_2025_03_03 + 400 && after.regime == IC_REGIME_LONG_TERM &&
		  after.roadmap_due_date == DAY_2025_03_03 + 14 && after.extensions == 1,
		  "effect of a transfer to long-term control: regime, due, roadmap due (R69.4, R59), counted");
	ic_rules_effect(&nd, &before, &after);
	CHECK(after.due_date == DAY_2025_03_03 + 60 && after.extensions == 0 && after.regime == IC_REGIME_REGULAR &&
		  after.decision_count == 1, "effect of a new deadline: not counted, no regime (R70.4)");
	ic_rules_effect(&rm, &before, &after);
	CHECK(!after.on_control && after.removed_on == DAY_2025_03_03 + 2 && after.due_date == DAY_2025_03_03 &&
		  after.extensions == 0, "effect of a removal: status and day, deadline kept (R75)");
	ic_rules_effect(&rdm, &before, &after);
	CHECK(after.due_date == DAY_2025_03_03 && after.regime == IC_REGIME_REGULAR && after.on_control &&
		  after.decision_count == 1 && after.last_decision_id == 11, "effect of a roadmap approval: journaled only (R57)");
	ic_rules_effect(&cal, &before, &after);
	CHECK(after.due_date == DAY_2025_03_03 - 1 && after.roadmap_due_date == DAY_2025_03_03 - 20 &&
		  after.extensions == 0 && after.regime == IC_REGIME_REGULAR && after.decision_count == 1 &&
		  after.last_decision_id == 12, "effect of a calendar change: the counted dates, not an extension (R50.3, R69.1)");
	ic_rules_effect(&cal_roadmap, &before, &after);
	CHECK(after.due_date == DAY_2025_03_03 && after.roadmap_due_date == DAY_2025_03_03 - 20 && after.extensions == 0,
		  "effect of a calendar change of the roadmap only: the due date kept (R56, R50.3)");

	return UNIT_SUMMARY();
}
