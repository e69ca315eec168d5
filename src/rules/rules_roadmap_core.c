/*
 * rules_roadmap_core.c
 *		R57 for a roadmap: the drafter read from the body, and the PA's
 *		dates (rules_roadmap_core.h).
 *
 * R57 names the approver by who drafted the roadmap: a central body directly
 * subordinate to the President or outside the Government -- its first head;
 * another central body (inside the Government) with interdepartmental
 * measures -- the supervising Deputy Prime Minister or the Head of the
 * Government Office; a local executive body -- the akim; a roadmap of the
 * executor and its subordinate organisations only -- the executor's first
 * head.  The drafter class is declared with the roadmap (only the drafter
 * knows whether its measures are interdepartmental), but whether the body is
 * inside the Government, outside it or local is the body's own data
 * (state_body.body_type, inside_government, directly_subordinate_to_president):
 * a declaration the body contradicts is refused, so the approver the
 * decision matrix derives from the drafter is the body's.
 *
 * "Келісу ... бес жұмыс күні ішінде жүзеге асырылады": the PA's agreement,
 * where needed, within 5 working days counted from the roadmap's submission
 * to the PA.  An agreement is dated after the submission it answers and
 * after the approval it agrees (rules.md, R57, round 3).
 */
#include <string.h>

#include "rules_roadmap_core.h"

IcDrafterBody
ic_rules_drafter_body(const char *body_type, bool inside_government,
					  bool directly_subordinate_to_president)
{
	if (body_type == NULL)
		return IC_DRAFTER_BODY_UNKNOWN;
	if (strcmp(body_type, "local") == 0)
		return IC_DRAFTER_BODY_LOCAL;
	if (strcmp(body_type, "organisation") == 0)
		return IC_DRAFTER_BODY_ORGANISATION;
	if (strcmp(body_type, "government") == 0)
		return IC_DRAFTER_BODY_INSIDE_GOVERNMENT;
	if (strcmp(body_type, "central") == 0)
		return inside_government && !directly_subordinate_to_president
			? IC_DRAFTER_BODY_INSIDE_GOVERNMENT : IC_DRAFTER_BODY_OUTSIDE_GOVERNMENT;
	return IC_DRAFTER_BODY_OTHER;
}

bool
ic_rules_drafter_fits_body(IcDrafterBody body, IcDrafter drafter)
{
	/* every executor may draft a roadmap of its own and its organisations' measures */
	if (drafter == IC_DRAFTER_EXECUTOR_ONLY)
		return true;
	switch (body)
	{
		case IC_DRAFTER_BODY_UNKNOWN:
			return true;
		case IC_DRAFTER_BODY_OUTSIDE_GOVERNMENT:
			return drafter == IC_DRAFTER_CENTRAL_OUTSIDE_GOVERNMENT;
		case IC_DRAFTER_BODY_INSIDE_GOVERNMENT:
			return drafter == IC_DRAFTER_CENTRAL_INTERDEPARTMENTAL;
		case IC_DRAFTER_BODY_LOCAL:
			return drafter == IC_DRAFTER_LOCAL;
		case IC_DRAFTER_BODY_ORGANISATION:
		case IC_DRAFTER_BODY_OTHER:
			return false;
	}
	return false;
}

/*
 * R57 approvers read from the body (who_may_decide(id, 'roadmap_approval')):
 * the deciders of every drafter class the drafting body fits -- its own and
 * its organisations' measures always (its first head), interdepartmental
 * ones by its place inside or outside the Government, or as a local body.
 * Nothing is declared: the same reading of state_body the roadmap trigger
 * checks a declared drafter against (ic_rules_drafter_fits_body()).
 */
IcDeciderSet
ic_rules_roadmap_approvers(const IcDecisionContext *ctx, IcDrafterBody body, const char **rule)
{
	IcDecisionContext c = *ctx;
	IcDeciderSet all = 0;

	*rule = "R57";
	c.action = IC_ACTION_APPROVE_ROADMAP;
	for (int d = IC_DRAFTER_CENTRAL_OUTSIDE_GOVERNMENT; d <= IC_DRAFTER_EXECUTOR_ONLY; d++)
	{
		const char *r = NULL;

		if (!ic_rules_drafter_fits_body(body, (IcDrafter) d))
			continue;
		c.drafter = (IcDrafter) d;
		all |= ic_rules_allowed_deciders(&c, &r);
		if (r != NULL)
			*rule = r;
	}
	return all;
}

static const char *
body_words(IcDrafterBody body)
{
	switch (body)
	{
		case IC_DRAFTER_BODY_OUTSIDE_GOVERNMENT:
			return "a central body outside the Government or directly subordinate to the President";
		case IC_DRAFTER_BODY_INSIDE_GOVERNMENT:
			return "a body inside the Government";
		case IC_DRAFTER_BODY_LOCAL:
			return "a local executive body";
		case IC_DRAFTER_BODY_ORGANISATION:
			return "an organisation";
		default:
			return "not an executing body R57 names";
	}
}

static const char *
body_hint(IcDrafterBody body)
{
	switch (body)
	{
		case IC_DRAFTER_BODY_OUTSIDE_GOVERNMENT:
			return "Give drafter central_outside_government (approved by its first head, after the Prime Minister's agreement where it touches the Government's powers) or executor_only (R57).";
		case IC_DRAFTER_BODY_INSIDE_GOVERNMENT:
			return "Give drafter central_interdepartmental (approved by the supervising Deputy Prime Minister or the Head of the Government Office) or executor_only (R57).";
		case IC_DRAFTER_BODY_LOCAL:
			return "Give drafter local (approved by the akim) or executor_only (R57).";
		default:
			return "Give drafter executor_only (approved by its first head), or name the executing body that drafted the roadmap in drafted_by_body_id (R57).";
	}
}

bool
ic_rules_check_roadmap_drafter(const IcDecisionContext *ctx, IcVerdict *v)
{
	if (ic_rules_drafter_fits_body(ctx->drafter_body, ctx->drafter))
		return true;
	return ic_rules_deny(v, IC_FAMILY_ROADMAP, "R57",
						 "roadmap drafter does not fit the drafting body", body_hint(ctx->drafter_body),
						 "The roadmap of instruction %lld declares drafter %s; body %lld, which drafted it, is %s.",
						 (long long) ctx->instruction_id, ic_drafter_code(ctx->drafter),
						 (long long) ctx->drafter_body_id, body_words(ctx->drafter_body));
}

bool
ic_rules_check_roadmap_pa_dates(const IcDecisionContext *ctx, IcVerdict *v)
{
	int32_t		sub = ctx->pa_submitted_on;
	int32_t		agr = ctx->pa_agreed_on;
	char		a[16],
				b[16];

	if (sub != IC_NO_DATE)
	{
		if (ctx->received_on != IC_NO_DATE && sub < ctx->received_on)
			return ic_rules_deny(v, IC_FAMILY_ROADMAP, "R57",
								 "roadmap is submitted to the PA before the instruction was received",
								 "Give submitted_to_pa_on, the day the roadmap was submitted to the PA: on or after the day of receipt (R50.3, R57).",
								 "Instruction %lld was received %s; its roadmap's submission to the PA is dated %s.",
								 (long long) ctx->instruction_id, ic_format_day(ctx->received_on, a, sizeof(a)),
								 ic_format_day(sub, b, sizeof(b)));
		if (ctx->today != IC_NO_DATE && sub > ctx->today)
			return ic_rules_deny(v, IC_FAMILY_ROADMAP, "R57",
								 "roadmap submission to the PA is dated in the future",
								 "Record the submission on or after the day it is made.",
								 "The roadmap of instruction %lld is submitted to the PA on %s; today is %s.",
								 (long long) ctx->instruction_id, ic_format_day(sub, a, sizeof(a)),
								 ic_format_day(ctx->today, b, sizeof(b)));
	}
	if (agr == IC_NO_DATE)
		return true;
	if (sub == IC_NO_DATE)
		return ic_rules_deny(v, IC_FAMILY_ROADMAP, "R57",
							 "roadmap agreed with the PA was not submitted to the PA",
							 "Record submitted_to_pa_on first: the PA's 5 working days for agreeing run from the submission (R57).",
							 "The roadmap of instruction %lld gives agreed_with_pa_on %s and no submitted_to_pa_on.",
							 (long long) ctx->instruction_id, ic_format_day(agr, a, sizeof(a)));
	if (ctx->decided_on != IC_NO_DATE && agr < ctx->decided_on)
		return ic_rules_deny(v, IC_FAMILY_ROADMAP, "R57",
							 "roadmap is agreed with the PA before it was approved",
							 "The PA agrees the approved roadmap (R57); check agreed_with_pa_on and approved_on.",
							 "The roadmap of instruction %lld was approved on %s; agreed_with_pa_on is %s.",
							 (long long) ctx->instruction_id, ic_format_day(ctx->decided_on, a, sizeof(a)),
							 ic_format_day(agr, b, sizeof(b)));
	if (agr < sub)
		return ic_rules_deny(v, IC_FAMILY_ROADMAP, "R57",
							 "roadmap is agreed with the PA before it was submitted",
							 "The PA agrees a roadmap after its submission, within 5 working days of it (R57); check agreed_with_pa_on.",
							 "The roadmap of instruction %lld was submitted to the PA on %s; agreed_with_pa_on is %s.",
							 (long long) ctx->instruction_id, ic_format_day(sub, a, sizeof(a)),
							 ic_format_day(agr, b, sizeof(b)));
	if (ctx->today != IC_NO_DATE && agr > ctx->today)
		return ic_rules_deny(v, IC_FAMILY_ROADMAP, "R57",
							 "roadmap agreement with the PA is dated in the future",
							 "Record the PA's agreement on or after the day it is given.",
							 "The roadmap of instruction %lld is agreed with the PA on %s; today is %s.",
							 (long long) ctx->instruction_id, ic_format_day(agr, a, sizeof(a)),
							 ic_format_day(ctx->today, b, sizeof(b)));
	return true;
}
