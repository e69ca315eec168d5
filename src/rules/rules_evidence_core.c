/*
 * rules_evidence_core.c
 *		The documents a decision rests on, by kind: the basis of an extension,
 *		a transfer or a new deadline (R69.1, R70.4) and the evidence of a
 *		removal from control (R75, R76-1).
 *
 * The one idea: evidence is typed.  R69.1 names two documents -- an expert
 * conclusion of the PA unit, or the PA's agreement (with the visas of its
 * officials) to a proposal of the Government or of the executing body -- and
 * R70.4 an expert conclusion or a letter of the responsible executor; each is
 * a kind of the decision's evidence set, so a refusal can name the kind that
 * is missing.  Below PA level (R74-1 "by analogy") the controlling body's
 * unit gives the conclusion, the memo and the agreement the decree asks of
 * the PA (rules.md, R75(3) revised, round 3); the PA's own document, where
 * the PA gave one, serves too.  At PA level only the PA's documents count.
 * Pure C.
 */
#include <stdio.h>
#include <string.h>

#include "rules_core.h"

#define EB(e) IC_EVIDENCE_BIT(IC_EVIDENCE_##e)

/*
 * The evidence set as the rules read it at the decision's level: below PA a
 * document of the controlling body's unit stands for the PA unit's.
 */
static IcEvidenceSet
effective_evidence(const IcDecisionContext *ctx)
{
	IcEvidenceSet e = ctx->evidence;

	if (ctx->level == IC_LEVEL_PA)
		return e;
	if (e & EB(BODY_EXPERT_CONCLUSION))
		e |= EB(PA_EXPERT_CONCLUSION);
	if (e & EB(BODY_UNIT_MEMO))
		e |= EB(PA_UNIT_MEMO);
	if (e & EB(BODY_AGREEMENT))
		e |= EB(PA_AGREEMENT);
	return e;
}

/* What a HINT names: below PA, the controlling body's kinds (R74-1). */
static IcEvidenceSet
shown_need(const IcDecisionContext *ctx, IcEvidenceSet need)
{
	IcEvidenceSet shown = need;

	if (ctx->level == IC_LEVEL_PA)
		return need;
	if (need & EB(PA_EXPERT_CONCLUSION))
		shown = (shown & ~EB(PA_EXPERT_CONCLUSION)) | EB(BODY_EXPERT_CONCLUSION);
	if (need & EB(PA_UNIT_MEMO))
		shown = (shown & ~EB(PA_UNIT_MEMO)) | EB(BODY_UNIT_MEMO);
	if (need & EB(PA_AGREEMENT))
		shown = (shown & ~EB(PA_AGREEMENT)) | EB(BODY_AGREEMENT);
	return shown;
}

static void
format_evidence(IcEvidenceSet set, const char *sep, char *buf, size_t len)
{
	size_t		used = 0;

	buf[0] = '\0';
	for (int e = 0; e < IC_EVIDENCE_COUNT; e++)
	{
		int			n;

		if (!(set & IC_EVIDENCE_BIT(e)))
			continue;
		n = snprintf(buf + used, len - used, "%s%s", used ? sep : "",
					 ic_evidence_code((IcEvidence) e));
		if (n < 0 || (size_t) n >= len - used)
			break;
		used += (size_t) n;
	}
	if (used == 0)
		snprintf(buf, len, "(none)");
}

/*
 * The basis of an extension or transfer (R69.1: the PA unit's expert
 * conclusion, or the PA's agreement to a proposal) or of a new deadline
 * (R70.4: the expert conclusion, or the responsible executor's letter);
 * any one kind is enough.
 */
IcEvidenceSet
ic_rules_basis_kinds(IcAction action)
{
	if (action == IC_ACTION_NEW_DEADLINE)
		return EB(PA_EXPERT_CONCLUSION) | EB(EXECUTOR_LETTER);
	if (action == IC_ACTION_EXTEND || action == IC_ACTION_TRANSFER)
		return EB(PA_EXPERT_CONCLUSION) | EB(PA_AGREEMENT);
	return 0;
}

/*
 * R69.1, R70.4: the decision rests on a document of a kind the rule names.
 * Typed evidence, when given, must hold one of them (IC114, the HINT names
 * the kinds).  A decision naming no kind is refused (issue 18: the expert
 * conclusion and the agreed proposal are told apart, so the kind is named);
 * the superuser setting instruction_control.typed_basis = off -- the opt-out
 * for 0.2 clients, ctx->typed_basis_required false -- judges it on its
 * free-text basis as 0.2 did.
 */
bool
ic_rules_check_basis(const IcDecisionContext *ctx, IcVerdict *v, const char *rule)
{
	IcEvidenceSet need = ic_rules_basis_kinds(ctx->action);
	char		needed[256],
				given[256],
				hint[IC_VERDICT_TEXT];

	if (ctx->evidence == 0 && !ctx->typed_basis_required && ctx->basis_given)
		return true;			/* an untyped basis, as 0.2 recorded it */
	if (ctx->evidence != 0 && (effective_evidence(ctx) & need) != 0)
		return true;
	format_evidence(shown_need(ctx, need), " or ", needed, sizeof(needed));
	format_evidence(ctx->evidence, ", ", given, sizeof(given));
	snprintf(hint, sizeof(hint),
			 "Give evidence %s%s: %s.", needed,
			 ctx->level != IC_LEVEL_PA ? " (the controlling body's unit stands for the PA's below PA level, R74-1)" : "",
			 ctx->action == IC_ACTION_NEW_DEADLINE
			 ? "the expert conclusion of the unit, or the letter of the responsible executing body"
			 : "the expert conclusion of the unit, or the agreement (with visas) to the proposal of the Government or the executing body");
	return ic_rules_deny(v, IC_FAMILY_MISSING_BASIS, rule,
						 ctx->evidence == 0 && !ctx->basis_given ? "decision has no basis"
						 : "decision lacks the required kind of basis",
						 hint,
						 "The %s of instruction %lld gives evidence: %s%s.",
						 ic_action_code(ctx->action), (long long) ctx->instruction_id, given,
						 ctx->basis_given ? " and a free-text basis" : "");
}

/*
 * Evidence R75 and R76-1 ask for, as a set of which ALL are needed ("all")
 * or ANY one is enough, in the PA's kinds (effective_evidence() maps the
 * controlling body's onto them below PA level).
 */
static IcEvidenceSet
required_evidence(const IcDecisionContext *ctx, bool *all, const char **rule)
{
	*all = true;
	*rule = "R75";
	switch (ctx->ground)
	{
		case IC_GROUND_EXECUTED:
			*rule = "R76-1";
			switch (ctx->category)
			{
				case IC_CATEGORY_MONUMENT:
					return EB(PA_UNIT_MEMO);
				case IC_CATEGORY_CONSTRUCTION:
					return EB(EXECUTOR_FINAL_REPORT);
				case IC_CATEGORY_DIGITALISATION:
					return EB(EXECUTOR_FINAL_REPORT) | EB(PA_UNIT_MEMO);
				case IC_CATEGORY_NAMED_LAW:
					return EB(LAW_SIGNED);
				case IC_CATEGORY_LAW_AMENDMENTS:
					return EB(PA_EXPERT_CONCLUSION);
				case IC_CATEGORY_EVENT_OR_NAMING:
					return EB(EVENT_HELD);
				default:
					*rule = "R75";
					*all = false;
					return EB(OFFICIAL_REPORT) | EB(ACT_ADOPTED) | EB(LAW_SIGNED);
			}
		case IC_GROUND_DUPLICATED:
			return EB(NEW_INSTRUCTION);
		case IC_GROUND_IMPOSSIBLE:
			/*
			 * R75(3): established by an expert conclusion, not the executor's
			 * own report; the PA's at PA level, the controlling body's below.
			 */
			return EB(PA_EXPERT_CONCLUSION);
		case IC_GROUND_CONTROL_PASSED:
			return EB(CONTROL_PASSED_DECISION);
		default:
			return 0;
	}
}

/* R75, R76-1: the removal gives the evidence its ground (and category) needs. */
bool
ic_rules_check_removal_evidence(const IcDecisionContext *ctx, IcVerdict *v)
{
	IcEvidenceSet need;
	IcEvidenceSet have = effective_evidence(ctx);
	bool		all;
	const char *rule;
	char		needed[256],
				given[256],
				hint[IC_VERDICT_TEXT];

	need = required_evidence(ctx, &all, &rule);
	if (all ? (have & need) == need : (have & need) != 0)
		return true;
	format_evidence(shown_need(ctx, need), all ? " and " : " or ", needed, sizeof(needed));
	format_evidence(ctx->evidence, ", ", given, sizeof(given));
	snprintf(hint, sizeof(hint), "Ground %s%s%s needs evidence: %s%s.",
			 ic_ground_code(ctx->ground),
			 ctx->category != IC_CATEGORY_NONE && ctx->ground == IC_GROUND_EXECUTED ? " for category " : "",
			 ctx->category != IC_CATEGORY_NONE && ctx->ground == IC_GROUND_EXECUTED ? ic_category_code(ctx->category) : "",
			 needed,
			 ctx->level != IC_LEVEL_PA && shown_need(ctx, need) != need
			 ? " (below PA level the controlling body's unit gives it, R74-1; the PA's own serves too)" : "");
	return ic_rules_deny(v, IC_FAMILY_REMOVAL_GROUNDS, rule,
						 "removal from control lacks the required evidence", hint,
						 "The removal of instruction %lld gives evidence: %s.",
						 (long long) ctx->instruction_id, given);
}
