/*
 * rules_effect_core.c
 *		What an accepted decision does to its instruction: one pure function,
 *		used by the journal (which decides) and the instruction's guard (which
 *		writes the row), on enums, so both read the same answer.
 */
#include "rules_core.h"

void
ic_rules_effect(const IcDecisionEffect *d, const IcInstructionState *before,
				IcInstructionState *after)
{
	bool		moves_due = d->action == IC_ACTION_EXTEND || d->action == IC_ACTION_TRANSFER ||
		d->action == IC_ACTION_NEW_DEADLINE || d->action == IC_ACTION_CALENDAR_CHANGE;

	*after = *before;
	if (moves_due && d->new_due_date != IC_NO_DATE)
		after->due_date = d->new_due_date;				/* R69.1, R69.3, R69.4, R70.4, R50.3 */
	if (d->action == IC_ACTION_TRANSFER && d->new_regime != IC_REGIME_INVALID)
		after->regime = d->new_regime;					/* R69.3, R69.4 */
	if (d->action == IC_ACTION_REMOVE)
	{
		after->on_control = false;						/* R75 */
		after->removed_on = d->decided_on;
	}
	if (d->roadmap_due_date != IC_NO_DATE)
		after->roadmap_due_date = d->roadmap_due_date;	/* R59; R56 recounted (R50.3) */
	if (d->action == IC_ACTION_EXTEND || d->action == IC_ACTION_TRANSFER)
		after->extensions = before->extensions + 1;	/* R69.1 counts both, never a calendar change */
	after->decision_count = before->decision_count + 1;
	after->last_decision_id = d->decision_id;
	after->last_decided_on = d->decided_on;
}
