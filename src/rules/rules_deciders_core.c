/*
 * rules_deciders_core.c
 *		Who may decide: the one answer to "which positions may take this
 *		decision on this instruction", and the rule that says so.
 *
 * The answer is data: the decision matrix (rules_matrix_core.h), whose rows
 * the decree gives at PA level (R69.1, R69.2, R70.4, R70.5, R72.1-R72.3,
 * R74, R76.1, R76.4, R77; R57 for roadmaps by who drafted them) and the
 * administrator gives below it (R74-1).  Pure C.
 */
#include "rules_matrix_core.h"

static bool
is_deadline_change(IcAction a)
{
	return a == IC_ACTION_EXTEND || a == IC_ACTION_TRANSFER;
}

bool
ic_rules_is_repeated_extension(const IcDecisionContext *ctx)
{
	return is_deadline_change(ctx->action) && ctx->prior_extensions > 0;
}

/*
 * The one answer to "who may decide": the decision matrix, tried in
 * precedence order on the decision's day (today for who_may_decide()).
 * Putting on control and reports are not decisions of a position, nor is a
 * calendar change (R50.3: the calendar's keeper applies it).
 */
IcDeciderSet
ic_rules_allowed_deciders(const IcDecisionContext *ctx, const char **rule)
{
	const IcMatrixRow *row;

	if (ctx->action == IC_ACTION_PUT_ON_CONTROL || ctx->action == IC_ACTION_SUBMIT_REPORT)
	{
		*rule = NULL;
		return ~(IcDeciderSet) 0;
	}
	if (ctx->action == IC_ACTION_CALENDAR_CHANGE)
	{
		/* no position: the calendar's keeper applies the act that changed it (R50.3) */
		*rule = "R50.3";
		return 0;
	}
	row = ic_matrix_match(ctx->matrix, ctx,
						  ctx->decided_on != IC_NO_DATE ? ctx->decided_on : ctx->today);
	if (row == NULL)
	{
		*rule = ctx->level != IC_LEVEL_PA ? "R74-1" : "matrix";
		return 0;
	}
	*rule = row->rule;
	return row->deciders;
}
