/*
 * rules_deciders_core.c
 *		Who may decide: the one answer to "which positions may take this
 *		decision on this instruction", and the rule that says so.
 *
 * At the Presidential Administration's level the decree fixes it (R69.1,
 * R69.2, R70.4, R70.5, R72.1-R72.3, R74, R76.1, R76.4, R77; R57 for roadmaps
 * by who drafted them).  Below it (R74-1) the administrator's table answers,
 * passed in by the caller as ctx->table_deciders.  Pure C.
 */
#include "rules_core.h"

#define ONLY(d) IC_DECIDER_BIT(IC_DECIDER_##d)

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
 * The one answer to "who may decide".  PA level: the decree's own table.
 * Below PA (R74-1): the administrator's table, passed in by the caller.
 */
IcDeciderSet
ic_rules_allowed_deciders(const IcDecisionContext *ctx, const char **rule)
{
	bool		repeated = ic_rules_is_repeated_extension(ctx);
	IcInstructionKind kind = ctx->kind;

	switch (ctx->action)
	{
		case IC_ACTION_PUT_ON_CONTROL:
		case IC_ACTION_SUBMIT_REPORT:
			*rule = NULL;
			return ~(IcDeciderSet) 0;

		case IC_ACTION_APPROVE_ROADMAP:
			*rule = "R57";
			switch (ctx->drafter)
			{
				case IC_DRAFTER_CENTRAL_OUTSIDE_GOVERNMENT:
				case IC_DRAFTER_EXECUTOR_ONLY:
					return ONLY(FIRST_HEAD);
				case IC_DRAFTER_CENTRAL_INTERDEPARTMENTAL:
					return ONLY(DEPUTY_PRIME_MINISTER) | ONLY(HEAD_OF_GOVERNMENT_OFFICE);
				case IC_DRAFTER_LOCAL:
					return ONLY(AKIM);
				default:
					return 0;
			}

		default:
			break;
	}

	/* R72.1: a repeated extension of a national-plan item, at every level */
	if (repeated && kind == IC_KIND_NATIONAL_PLAN)
	{
		*rule = "R72.1";
		return ONLY(PRESIDENT);
	}

	if (ctx->level != IC_LEVEL_PA)
	{
		*rule = "R74-1";
		return ctx->table_deciders;
	}

	if (ctx->action == IC_ACTION_REMOVE)
	{
		if (kind == IC_KIND_PERSONAL || kind == IC_KIND_PERSONAL_PUBLISHED)
		{
			*rule = "R77";
			return ONLY(PRESIDENT);
		}
		if (kind == IC_KIND_SECURITY_COUNCIL)
		{
			*rule = "R76.4";
			return ONLY(PRESIDENT) | ONLY(SECRETARY_SC);
		}
		*rule = "R76.1";
		return ONLY(PRESIDENT) | ONLY(HEAD_OF_PA);
	}

	/*
	 * Extension, transfer, new deadline.  Interpretation (README): R74 names
	 * extension only; it is read as covering every change of a personal
	 * instruction's deadline (transfer, R70.4 new deadline), since its aim is
	 * that only the President moves the deadlines he set himself.
	 */
	if (kind == IC_KIND_PERSONAL)
	{
		*rule = "R74";
		return ONLY(PRESIDENT);
	}
	if (kind == IC_KIND_SECURITY_COUNCIL)
	{
		if (ctx->action == IC_ACTION_NEW_DEADLINE)
		{
			*rule = "R70.5";
			return ONLY(PRESIDENT) | ONLY(SECRETARY_SC);
		}
		if (repeated)
		{
			*rule = "R72.3";
			return ONLY(PRESIDENT) | ONLY(SECRETARY_SC);
		}
		/* Interpretation (revised): R69.2 replaces the Head of the PA, not the President */
		*rule = "R69.2";
		return ONLY(PRESIDENT) | ONLY(SECRETARY_SC);
	}
	if (ctx->action == IC_ACTION_NEW_DEADLINE)
	{
		/* Interpretation: R70.4 names no decider; R69.1's deciders by analogy. */
		*rule = "R70.4";
		return ONLY(PRESIDENT) | ONLY(HEAD_OF_PA);
	}
	if (repeated)
	{
		*rule = "R72.2";
		return ONLY(PRESIDENT) | ONLY(HEAD_OF_PA);
	}
	*rule = "R69.1";
	return ONLY(PRESIDENT) | ONLY(HEAD_OF_PA);
}
