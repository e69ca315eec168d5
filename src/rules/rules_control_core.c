/*
 * rules_control_core.c
 *		Putting an instruction on control, judged against the decree: secrecy
 *		(R14, R50.2), the level (R42-1) and the record it was passed down
 *		from (R42-1.1), the control approval's fields (R4.5), and where the
 *		deadline comes from (R50.1-R50.3, R51); and whom a report on it may
 *		be addressed to (R66-1.2).
 *
 * The glue computes every candidate date (from the term, from signing, the
 * next working day) with the calendar and passes them in; this file only
 * compares, so the unit tests pin every case without a server.
 */
#include <stdio.h>

#include "rules_core.h"
#include "rules_dates_core.h"

#define deny ic_rules_deny

static bool
check_secrecy(const IcDecisionContext *ctx, IcVerdict *v)
{
	if (!ctx->state_secret)
		return true;
	if (ctx->has_content)
		return deny(v, IC_FAMILY_SECRECY, "R14",
					"content of a state-secret instruction is not stored",
					"Leave content, final_result and completion_form empty and give paper_card_ref, the reference of the paper card.",
					"Instruction %lld is marked state_secret and carries text.",
					(long long) ctx->instruction_id);
	if (!ctx->has_paper_card)
		return deny(v, IC_FAMILY_SECRECY, "R50.2",
					"state-secret instruction needs a paper card reference",
					"Give paper_card_ref: the deadline of a state-secret instruction is kept on its paper card.",
					"Instruction %lld is marked state_secret and has no paper_card_ref.",
					(long long) ctx->instruction_id);
	if (ctx->paper_ref_too_long)
		return deny(v, IC_FAMILY_SECRECY, "R14",
					"a paper reference of a state secret is a reference, not a text",
					"Give the registration number and date of the paper card (at most 100 characters).",
					"The paper_card_ref of instruction %lld is longer than a reference.",
					(long long) ctx->instruction_id);
	return true;
}

/*
 * R42-1.1 decides where an instruction is *first* placed; a record created by
 * passing control down (R42-1.4, R74-1, R75(4)) is valid at the lower level
 * whatever its kind.  R42-1.2 is the exception to R42-1.1: a personal
 * instruction of local character without public resonance goes to the
 * Government or a central or local body (R42-1.3).
 */
static bool
check_level(const IcDecisionContext *ctx, IcVerdict *v)
{
	bool		local_only = ctx->local_character && !ctx->public_resonance;

	if (ic_kind_requires_pa_control(ctx->kind) && ctx->level != IC_LEVEL_PA &&
		!ctx->passed_down && !local_only)
		return deny(v, IC_FAMILY_CONTROL_LEVEL, "R42-1.1",
					"instruction of this kind is put on control of the Presidential Administration",
					"Put it on control at level pa; the PA can pass control down later (R75(4)): register the lower record with upper_record_id naming the PA's record.",
					"Instruction %lld of kind %s was put on control at level %s.",
					(long long) ctx->instruction_id,
					ic_instruction_kind_code(ctx->kind),
					ic_control_level_code(ctx->level));
	if (ctx->level == IC_LEVEL_PA && local_only)
		return deny(v, IC_FAMILY_CONTROL_LEVEL, "R42-1.2",
					"instruction of a current (local) character is not put on PA control",
					"Put it on control of the Government, a central or a local body (R42-1.3), or record public_resonance if the matter caused it.",
					"Instruction %lld is marked local_character without public_resonance.",
					(long long) ctx->instruction_id);
	return true;
}

/*
 * R42-1.1, records passed down (rules.md, round 3): a lower record names its
 * upper record (upper_record_id) only when it is the same act and point (the
 * point held in two registers, R79), or when the upper record was removed on
 * ground control_passed naming this record's controlling body (R75(4)).  Any
 * other higher record does not make a record "passed down".
 */
static bool
check_upper_record(const IcDecisionContext *ctx, IcVerdict *v)
{
	if (!ctx->upper_record_given || ctx->upper_same_point || ctx->upper_passed_to_body)
		return true;
	return deny(v, IC_FAMILY_CONTROL_LEVEL, "R42-1.1",
				"a record is passed down only from the record of the same act and point, or by a removal passing control to its body",
				"Name in upper_record_id the higher record of the same act and point, or first record that record's removal on ground control_passed with receiving_body_id = this record's controlling_body_id (R75(4)).",
				"Instruction %lld names an upper record of another act or point that did not pass control to its controlling body.",
				(long long) ctx->instruction_id);
}

/*
 * R4.5, Appendix 5: a control approval fixes, for each point, the completion
 * form, the responsible executor and the PA structural unit responsible for
 * control (the deadline and the level are checked elsewhere).  Reading (issue
 * 18, round 3): required for EVERY point put on control at level pa, whatever
 * its deadline source -- the fields are those of the point's control, not of
 * the document its deadline came from; a state secret keeps no completion
 * form (R14).  Imports of history (import_instruction()) and restored rows
 * (restore_mode) are not judged here: they carry what was recorded.
 */
static bool
check_control_approval(const IcDecisionContext *ctx, IcVerdict *v)
{
	const char *missing = NULL;
	char		hint[IC_VERDICT_TEXT];

	if (ctx->level != IC_LEVEL_PA)
		return true;
	if (!ctx->pa_unit_given)
		missing = "pa_unit";
	else if (!ctx->completion_form_given && !ctx->state_secret)
		missing = "completion_form";
	else if (!ctx->responsible_given)
		missing = "responsible_body_id";
	if (missing == NULL)
		return true;
	snprintf(hint, sizeof(hint),
			 "Give %s: a control approval (Appendix 5) fixes for each point the completion form, the responsible state body and the PA structural unit responsible for control.",
			 missing);
	return deny(v, IC_FAMILY_CONTROL_LEVEL, "R4.5",
				"a point put on control at level pa needs the fields Appendix 5 requires",
				hint,
				"Instruction %lld at level pa (deadline source %s) has no %s.",
				(long long) ctx->instruction_id,
				ctx->deadline_source == IC_SOURCE_NONE ? "(none)" : ic_deadline_source_code(ctx->deadline_source),
				missing);
}

/* R50.3: received on or after day, the day signer (it, its act) signed; IC_NO_DATE: none */
static bool
check_received_after(const IcDecisionContext *ctx, IcVerdict *v, int32_t day, const char *signer,
					 const char *message, const char *hint)
{
	char		a[16],
				b[16];

	if (day == IC_NO_DATE || ctx->received_on >= day)
		return true;
	return deny(v, IC_FAMILY_DEADLINE, "R50.3", message, hint,
				"Instruction %lld is received %s; %s was signed %s.",
				(long long) ctx->instruction_id, ic_format_day(ctx->received_on, a, sizeof(a)),
				signer, ic_format_day(day, b, sizeof(b)));
}

static bool
check_deadline(const IcDecisionContext *ctx, IcVerdict *v)
{
	char		a[16],
				b[16];

	if (ctx->received_on == IC_NO_DATE)
		return deny(v, IC_FAMILY_DEADLINE, "R50.3",
					"instruction has no day of receipt",
					"Give received_on: deadlines are counted from the day the instruction is received.",
					"Instruction %lld has no received_on.", (long long) ctx->instruction_id);
	if (ctx->received_on < IC_RULES_IN_FORCE_FROM)
		return deny(v, IC_FAMILY_NOT_IN_FORCE, "Decree No. 403",
					"instruction was received before the rules entered into force",
					"An instruction received before 2024-02-01 was governed by the earlier text; record it through the import path (import_instruction()) as the registry's administrator.",
					"Instruction %lld was received %s; the amended Rules apply from 2024-02-01.",
					(long long) ctx->instruction_id, ic_format_day(ctx->received_on, a, sizeof(a)));
	if (!ic_rules_check_received_by_today(ctx, v))
		return false;
	if (!check_received_after(ctx, v, ctx->signed_on, "it", "instruction is received before it was signed",
							  "Check received_on and signed_on: an instruction is received on or after the day it is signed.") ||
		!check_received_after(ctx, v, ctx->act_signed_on, "its act", "instruction is received before its act was signed",
							  "Check received_on and the act's signed_on: a point of an act reaches the body on or after the day the act is signed."))
		return false;
	if (ctx->due_date == IC_NO_DATE)
		return deny(v, IC_FAMILY_DEADLINE, "R50.2",
					"instruction has no deadline",
					"Give a term (counted from received_on, R50.3) or a due date with its deadline_source; when the act sets none, the PA sets it (deadline_source pa, R50.2).",
					"Instruction %lld has neither a term nor a due date.",
					(long long) ctx->instruction_id);
	if (ctx->explicit_due)
	{
		if (ctx->term_due != IC_NO_DATE && ctx->due_date != ctx->term_due)
		{
			char		hint[IC_VERDICT_TEXT];
			char		c[16];

			snprintf(hint, sizeof(hint),
					 "Leave due_date empty (it is counted from the term), or give the date the term gives: %s.",
					 ic_format_day(ctx->term_due, b, sizeof(b)));
			return deny(v, IC_FAMILY_DEADLINE, "R50.3", "due date contradicts the term", hint,
						"Instruction %lld: the term counted from %s ends %s; the due date given is %s.",
						(long long) ctx->instruction_id,
						ic_format_day(ctx->received_on, a, sizeof(a)), b,
						ic_format_day(ctx->due_date, c, sizeof(c)));
		}
		if (ctx->term_due == IC_NO_DATE &&
			ctx->deadline_source != IC_SOURCE_ACT && ctx->deadline_source != IC_SOURCE_CONTROL_APPROVAL &&
			ctx->deadline_source != IC_SOURCE_RESOLUTION && ctx->deadline_source != IC_SOURCE_PA)
			return deny(v, IC_FAMILY_DEADLINE, "R50.2",
						"a due date given without a term must say where it comes from",
						"Give deadline_source: act or control_approval or resolution (R50.1), or pa when the PA sets it (R50.2).",
						"Instruction %lld gives due date %s with deadline_source %s.",
						(long long) ctx->instruction_id, ic_format_day(ctx->due_date, a, sizeof(a)),
						ctx->deadline_source == IC_SOURCE_NONE ? "(none)" : ic_deadline_source_code(ctx->deadline_source));
		if (!ic_rules_check_working_day(ctx, v, ctx->due_date, "due date is not a working day"))
			return false;
		if (ctx->personal_due != IC_NO_DATE && ctx->term_due == IC_NO_DATE &&
			ctx->due_date > ctx->personal_due && ctx->deadline_source != IC_SOURCE_ACT)
		{
			char		hint[IC_VERDICT_TEXT];

			snprintf(hint, sizeof(hint),
					 "A personal instruction is executed within two weeks of signing, by %s, unless its text sets another term (deadline_source act).",
					 ic_format_day(ctx->personal_due, b, sizeof(b)));
			return deny(v, IC_FAMILY_DEADLINE, "R51",
						"personal instruction would be due later than two weeks after signing", hint,
						"Instruction %lld would be due %s.",
						(long long) ctx->instruction_id, ic_format_day(ctx->due_date, a, sizeof(a)));
		}
	}
	if (ctx->due_date < ctx->received_on)
		return deny(v, IC_FAMILY_DEADLINE, "R50.3",
					"due date is before the instruction was received",
					"Deadlines are counted from the day of receipt; give a due date on or after received_on.",
					"Instruction %lld was received %s and would be due %s.",
					(long long) ctx->instruction_id,
					ic_format_day(ctx->received_on, a, sizeof(a)),
					ic_format_day(ctx->due_date, b, sizeof(b)));
	return ic_rules_check_parent_due(ctx, v, ctx->due_date,
									 "Give a due date on or before the parent's.");
}

bool
ic_rules_decide_put_on_control(const IcDecisionContext *ctx, IcVerdict *v)
{
	if (!check_secrecy(ctx, v) || !check_upper_record(ctx, v) || !check_level(ctx, v) ||
		!check_deadline(ctx, v) || !check_control_approval(ctx, v))
		return false;
	return ic_rules_allow(v);
}

#define D(x) IC_DECIDER_BIT(IC_DECIDER_##x)

/*
 * Whom a report may be addressed to.  R66-1.2: intermediate reports go, by
 * area of supervision, to the Secretary of the SC, the Head of the
 * President's Office, or an Assistant or Adviser (for a Security Council
 * decision: its Secretary).  R66-3.5, R66-1.3: a risk goes to the responsible
 * PA unit and, through it, to the Head of the PA, the State Counsellor or the
 * Secretary of the SC.  Final reports and information on measures (R72.4) go
 * to the PA.  Below PA level (R74-1, by analogy) a report goes to the level's
 * own head, as escalations do (escalation_addressee()): the Prime Minister, a
 * Deputy Prime Minister or the Head of the Government Office; the akim; the
 * first head.
 */
IcDeciderSet
ic_rules_report_addressees(IcReportKind kind, IcInstructionKind ikind, IcControlLevel level,
						   const char **rule)
{
	*rule = kind == IC_REPORT_RISK ? "R66-3.5" : kind == IC_REPORT_MEASURES ? "R72.4" : "R66-1.2";
	if (kind == IC_REPORT_INVALID)
		return 0;
	if (level != IC_LEVEL_PA)
		*rule = "R74-1";
	switch (level)
	{
		case IC_LEVEL_PA:
			if (kind == IC_REPORT_INTERMEDIATE)
				return ikind == IC_KIND_SECURITY_COUNCIL ? D(SECRETARY_SC) :
					D(SECRETARY_SC) | D(HEAD_OF_PRESIDENTS_OFFICE) | D(ASSISTANT_OR_ADVISER);
			if (kind == IC_REPORT_RISK)
				return D(PA_UNIT_HEAD) | D(HEAD_OF_PA) | D(STATE_COUNSELLOR) | D(SECRETARY_SC);
			return D(PA_UNIT_HEAD) | D(HEAD_OF_PA) | D(STATE_COUNSELLOR) | D(SECRETARY_SC) |
				D(HEAD_OF_PRESIDENTS_OFFICE) | D(ASSISTANT_OR_ADVISER);
		case IC_LEVEL_GOVERNMENT:
			return D(PRIME_MINISTER) | D(DEPUTY_PRIME_MINISTER) | D(HEAD_OF_GOVERNMENT_OFFICE);
		case IC_LEVEL_LOCAL:
			return D(AKIM);
		case IC_LEVEL_CENTRAL:
		case IC_LEVEL_ORGANISATION:
			return D(FIRST_HEAD);
		default:
			return 0;
	}
}

#undef D

/* R66-1.2: a report's addressee, when given, receives reports at this level. */
bool
ic_rules_check_report_addressee(const IcDecisionContext *ctx, IcVerdict *v)
{
	const char *rule;
	IcDeciderSet allowed;
	char		hint[IC_VERDICT_TEXT];
	size_t		len;

	if (ctx->report_addressee == IC_DECIDER_INVALID)
		return true;			/* not given */
	allowed = ic_rules_report_addressees(ctx->report_kind, ctx->kind, ctx->level, &rule);
	if (allowed == 0 || (allowed & IC_DECIDER_BIT(ctx->report_addressee)))
		return true;
	len = (size_t) snprintf(hint, sizeof(hint), "Address it to");
	for (int d = 1; d < IC_DECIDER_COUNT && len < sizeof(hint); d++)
		if (allowed & IC_DECIDER_BIT(d))
			len += (size_t) snprintf(hint + len, sizeof(hint) - len, " %s", ic_decider_code((IcDecider) d));
	if (len < sizeof(hint))
		snprintf(hint + len, sizeof(hint) - len, "%s",
				 ctx->level == IC_LEVEL_PA ? " (by area of supervision)." :
				 " (below PA level the level's own head, by analogy, R74-1).");
	return deny(v, IC_FAMILY_REPORT, rule,
				"report is addressed to an official who does not receive it at this level of control",
				hint,
				"A %s report on instruction %lld (kind %s, level %s) is addressed to %s (R66-1.2).",
				ic_report_kind_code(ctx->report_kind), (long long) ctx->instruction_id,
				ic_instruction_kind_code(ctx->kind), ic_control_level_code(ctx->level),
				ic_decider_code(ctx->report_addressee));
}
