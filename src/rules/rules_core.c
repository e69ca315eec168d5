/*
 * rules_core.c
 *		Decisions on control judged against the decree (rules.md, R42-R79).
 *
 * One function per action; each checks its rules in a fixed order and stops at
 * the first violation, so the error a user sees is the most fundamental one
 * (a removed instruction before a wrong decider, a wrong decider before a
 * missing document).  Every denial names its rule id, states the facts and
 * says what would be allowed.  Who may decide is rules_deciders_core.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "calendar_core.h"
#include "rules_core.h"
#include "rules_roadmap_core.h"
#include "term_core.h"

#define deny ic_rules_deny
#define allow ic_rules_allow

bool
ic_rules_deny(IcVerdict *v, IcRuleFamily family, const char *rule, const char *message,
			  const char *hint, const char *detail_fmt,...)
{
	va_list		ap;

	v->allowed = false;
	v->family = family;
	v->rule = rule;
	snprintf(v->message, sizeof(v->message), "%s (%s)", message, rule);
	snprintf(v->hint, sizeof(v->hint), "%s", hint);
	va_start(ap, detail_fmt);
	vsnprintf(v->detail, sizeof(v->detail), detail_fmt, ap);
	va_end(ap);
	return false;
}

bool
ic_rules_allow(IcVerdict *v)
{
	v->allowed = true;
	v->family = IC_FAMILY_NONE;
	v->rule = NULL;
	v->message[0] = v->detail[0] = v->hint[0] = '\0';
	return true;
}

/*
 * A day that happened -- a decision taken, a report given, an instruction
 * received -- has come: refused after today (what names it in the DETAIL);
 * true when it has come or either day is unknown.
 */
bool
ic_rules_check_not_future(IcVerdict *v, IcRuleFamily family, const char *rule, const char *message,
						  const char *hint, const char *what, int64_t instruction_id, int32_t day, int32_t today)
{
	char		a[16],
				b[16];

	if (day == IC_NO_DATE || today == IC_NO_DATE || day <= today)
		return true;
	return deny(v, family, rule, message, hint, "The %s of instruction %lld is dated %s; today is %s.",
				what, (long long) instruction_id, ic_format_day(day, a, sizeof(a)),
				ic_format_day(today, b, sizeof(b)));
}

/* R50.3: a deadline is a working day; the HINT names the next one. */
bool
ic_rules_check_working_day(const IcDecisionContext *ctx, IcVerdict *v, int32_t given,
						   const char *message)
{
	char		a[16],
				b[16],
				hint[IC_VERDICT_TEXT];

	if (ctx->due_rolled == IC_NO_DATE || given == ctx->due_rolled)
		return true;
	snprintf(hint, sizeof(hint), "A deadline is a working day; the next working day is %s.",
			 ic_format_day(ctx->due_rolled, b, sizeof(b)));
	return deny(v, IC_FAMILY_DEADLINE, "R50.3", message, hint,
				"The %s of instruction %lld gives %s, a day off.",
				ic_action_code(ctx->action), (long long) ctx->instruction_id,
				ic_format_day(given, a, sizeof(a)));
}

/* R50.1: a sub-instruction is not due after its parent. */
bool
ic_rules_check_parent_due(const IcDecisionContext *ctx, IcVerdict *v, int32_t due,
						  const char *hint)
{
	char		a[16],
				b[16];

	if (ctx->parent_due_date == IC_NO_DATE || due <= ctx->parent_due_date)
		return true;
	return deny(v, IC_FAMILY_DEADLINE, "R50.1",
				"sub-instruction would be due after its parent", hint,
				"The parent of instruction %lld is due %s; this one would be due %s.",
				(long long) ctx->instruction_id,
				ic_format_day(ctx->parent_due_date, a, sizeof(a)),
				ic_format_day(due, b, sizeof(b)));
}

static bool
check_on_control(const IcDecisionContext *ctx, IcVerdict *v)
{
	if (ctx->on_control)
		return true;
	return deny(v, IC_FAMILY_NOT_ON_CONTROL, "R75",
				"instruction is no longer on control",
				"A removed instruction takes no further decisions or reports; put a new instruction on control if the matter continues.",
				"Instruction %lld was removed from control.",
				(long long) ctx->instruction_id);
}

static bool
check_decider(const IcDecisionContext *ctx, IcVerdict *v)
{
	const char *rule = NULL;
	IcDeciderSet allowed = ic_rules_allowed_deciders(ctx, &rule);
	char		who[256];
	char		hint[IC_VERDICT_TEXT];

	if (ctx->decided_by > IC_DECIDER_INVALID && ctx->decided_by < IC_DECIDER_COUNT &&
		(allowed & IC_DECIDER_BIT(ctx->decided_by)))
		return true;

	ic_decider_set_format(allowed, who, sizeof(who));
	if (allowed == 0 && rule != NULL && strcmp(rule, "R74-1") == 0)
		snprintf(hint, sizeof(hint),
				 "No decider is listed for %s at level %s; an administrator adds one to instruction_control.decision_authority (R74-1).",
				 ic_action_code(ctx->action), ic_control_level_code(ctx->level));
	else if (allowed == 0)
		snprintf(hint, sizeof(hint),
				 "No row of instruction_control.decision_matrix names a decider for %s on this instruction on that day.",
				 ic_action_code(ctx->action));
	else
		snprintf(hint, sizeof(hint), "This decision may be taken by: %s.", who);
	return deny(v, IC_FAMILY_NOT_AUTHORISED, rule ? rule : "R69.1",
				"decider may not take this decision", hint,
				"Decision %s on instruction %lld was taken by %s.",
				ic_action_code(ctx->action), (long long) ctx->instruction_id,
				ctx->decided_by == IC_DECIDER_INVALID ? "nobody (decided_by is empty)"
				: ic_decider_code(ctx->decided_by));
}

static bool
check_later_due(const IcDecisionContext *ctx, IcVerdict *v, const char *rule,
				IcRuleFamily family)
{
	char		a[16],
				b[16];

	if (ctx->new_due_date == IC_NO_DATE)
		return deny(v, family, rule, "new deadline is missing",
					"Give the new due date.",
					"A %s of instruction %lld needs a new due date.",
					ic_action_code(ctx->action), (long long) ctx->instruction_id);
	if (ctx->due_date != IC_NO_DATE && ctx->new_due_date <= ctx->due_date)
		return deny(v, family, rule, "new deadline is not later than the current one",
					"An extension, a transfer or a new deadline moves the due date later.",
					"Instruction %lld is due %s; the new due date given is %s.",
					(long long) ctx->instruction_id,
					ic_format_day(ctx->due_date, a, sizeof(a)),
					ic_format_day(ctx->new_due_date, b, sizeof(b)));
	if (!ic_rules_check_working_day(ctx, v, ctx->new_due_date, "new deadline is not a working day"))
		return false;
	if (!ic_rules_check_parent_due(ctx, v, ctx->new_due_date,
								   "Extend the parent instruction first, or choose a date on or before the parent's."))
		return false;
	return true;
}

/*
 * R69.1 allows one extension or transfer; a repeated one is R72's exceptional
 * case and needs the decision on disciplinary responsibility.  R69.1's
 * «бір реттен асырмай» (no more than once) covers transfers too, while R72
 * relaxes only «қайталап ұзарту» (repeated extension); whether a transfer
 * after an earlier change may pass R72's way, with the review, is the setting
 * instruction_control.repeated_transfer_review (rules.md: a documented,
 * configurable choice; default on: a repeated transfer is read as R72's
 * repeated extension and needs the review; off: R69.4's transfer for
 * monitoring the effect of a result passes without it).  R72.1 (the
 * national action plan) holds at every level, R72.3 for the Security Council,
 * R72.2 otherwise (below PA by analogy, R74-1).
 */
static const char *
repeated_rule(const IcDecisionContext *ctx)
{
	if (ic_kind_is_national_plan(ctx->kind))
		return "R72.1";
	if (ic_kind_is_security_council(ctx->kind))
		return "R72.3";
	return "R72.2";
}

/*
 * Whether R72 asks this decision for the decision on disciplinary
 * responsibility and it was not given: check_repeated() refuses it, and the
 * refusal names the last extension (the glue reads it from the journal only
 * then: ic_rules_needs_extension_history()).
 */
static bool
repeated_without_review(const IcDecisionContext *ctx)
{
	if (ctx->action != IC_ACTION_EXTEND && ctx->action != IC_ACTION_TRANSFER)
		return false;
	if (!ic_rules_is_repeated_extension(ctx) || ctx->disciplinary_review_given)
		return false;
	return !(ctx->action == IC_ACTION_TRANSFER && !ctx->repeated_transfer_needs_review);
}

bool
ic_rules_needs_extension_history(const IcDecisionContext *ctx)
{
	return !ctx->imported && repeated_without_review(ctx);
}

static bool
check_repeated(const IcDecisionContext *ctx, IcVerdict *v)
{
	const char *rule = repeated_rule(ctx);
	bool		transfer = ctx->action == IC_ACTION_TRANSFER;
	char		when[16];
	char		hint[IC_VERDICT_TEXT];

	if (!repeated_without_review(ctx))
		return true;
	if (transfer)
		snprintf(hint, sizeof(hint),
				 "R69.1 allows an extension or transfer «бір реттен асырмай» (no more than once); R72 relaxes «қайталап ұзарту» (repeated extension), and with instruction_control.repeated_transfer_review on a repeated transfer is read the same way: give disciplinary_review, the decision on disciplinary responsibility (%s%s).",
				 rule, ctx->level != IC_LEVEL_PA && !ic_kind_is_national_plan(ctx->kind) ? " by analogy, R74-1" : "");
	else
		snprintf(hint, sizeof(hint),
				 "An extension or transfer is allowed once (R69.1); a repeated extension is allowed in exceptional cases with disciplinary_review, the decision on disciplinary responsibility (%s%s).",
				 rule, ctx->level != IC_LEVEL_PA && !ic_kind_is_national_plan(ctx->kind) ? " by analogy, R74-1" : "");
	return deny(v, IC_FAMILY_REPEATED_EXTENSION, rule,
				transfer ? "repeated transfer needs the decision on disciplinary responsibility"
				: "repeated extension needs the decision on disciplinary responsibility",
				hint,
				"Instruction %lld was already %s on %s by %s (R69.1 allows one extension or transfer).",
				(long long) ctx->instruction_id,
				ctx->last_extension_action == IC_ACTION_TRANSFER ? "transferred" : "extended",
				ic_format_day(ctx->last_extension_on, when, sizeof(when)),
				ic_decider_code(ctx->last_extension_by));
}

/*
 * What every journal decision shares: a date the rules of Decree No. 403
 * govern (in force from 2024-02-01; older history is imported, not judged),
 * not before the instruction was received, not before its latest decision,
 * not in the future; and no content in the journal of a state secret (R14).
 */
bool
ic_rules_check_decision_date(const IcDecisionContext *ctx, IcVerdict *v)
{
	char		a[16],
				b[16];

	if (ctx->decided_on == IC_NO_DATE)
		return deny(v, IC_FAMILY_DECISION_DATE, "journal", "decision has no date",
					"Give decided_on, the day the decision was taken.",
					"The %s of instruction %lld has no decided_on.",
					ic_action_code(ctx->action), (long long) ctx->instruction_id);
	if (ctx->decided_on < IC_RULES_IN_FORCE_FROM && !ctx->imported)
		return deny(v, IC_FAMILY_NOT_IN_FORCE, "Decree No. 403",
					"decision is dated before the rules entered into force",
					"A decision taken before 2024-02-01 was governed by the earlier text; record it through the import path (import_decision()) as the registry's administrator.",
					"The %s of instruction %lld is dated %s; the amended Rules apply from 2024-02-01.",
					ic_action_code(ctx->action), (long long) ctx->instruction_id,
					ic_format_day(ctx->decided_on, a, sizeof(a)));
	if (!ic_rules_check_not_future(v, IC_FAMILY_DECISION_DATE, "journal", "decision is dated in the future",
								   "Record a decision on or after the day it is taken.",
								   ic_action_code(ctx->action), ctx->instruction_id, ctx->decided_on, ctx->today))
		return false;
	if (ctx->received_on != IC_NO_DATE && ctx->decided_on < ctx->received_on)
		return deny(v, IC_FAMILY_DECISION_DATE, "R50.3", "decision is dated before the instruction was received",
					"A decision on an instruction follows its receipt; check decided_on.",
					"Instruction %lld was received %s; the %s is dated %s.",
					(long long) ctx->instruction_id,
					ic_format_day(ctx->received_on, a, sizeof(a)), ic_action_code(ctx->action),
					ic_format_day(ctx->decided_on, b, sizeof(b)));
	if (ctx->last_decided_on != IC_NO_DATE && ctx->decided_on < ctx->last_decided_on)
		return deny(v, IC_FAMILY_DECISION_DATE, "journal", "decision is dated before the instruction's latest decision",
					"Decisions are journaled in the order they are taken; date this one on or after the latest.",
					"The latest decision on instruction %lld is dated %s; this %s is dated %s.",
					(long long) ctx->instruction_id,
					ic_format_day(ctx->last_decided_on, a, sizeof(a)), ic_action_code(ctx->action),
					ic_format_day(ctx->decided_on, b, sizeof(b)));
	if (ctx->state_secret && ctx->has_content)
		return deny(v, IC_FAMILY_SECRECY, "R14",
					"the journal of a state-secret instruction holds no text",
					"Leave basis, reason, disciplinary_review and evidence_ref empty and give paper_ref, the reference of the paper document.",
					"The %s of state-secret instruction %lld gives free text.",
					ic_action_code(ctx->action), (long long) ctx->instruction_id);
	if (ctx->state_secret && ctx->paper_ref_too_long)
		return deny(v, IC_FAMILY_SECRECY, "R14",
					"a paper reference of a state secret is a reference, not a text",
					"Give the registration number and date of the paper document (at most 100 characters).",
					"The %s of state-secret instruction %lld gives a paper_ref longer than a reference.",
					ic_action_code(ctx->action), (long long) ctx->instruction_id);
	return true;
}

static bool
decide_extend(const IcDecisionContext *ctx, IcVerdict *v)
{
	if (!check_on_control(ctx, v) || !ic_rules_check_decision_date(ctx, v) ||
		!check_repeated(ctx, v) || !check_decider(ctx, v) ||
		!check_later_due(ctx, v, "R69.1", IC_FAMILY_DEADLINE) ||
		!ic_rules_check_basis(ctx, v, "R69.1"))
		return false;
	return allow(v);
}

static bool
decide_transfer(const IcDecisionContext *ctx, IcVerdict *v)
{
	const char *rule = ctx->new_regime == IC_REGIME_LONG_TERM ? "R69.4" : "R69.3";

	if (!check_on_control(ctx, v) || !ic_rules_check_decision_date(ctx, v))
		return false;
	if (ctx->new_regime != IC_REGIME_MEDIUM_TERM && ctx->new_regime != IC_REGIME_LONG_TERM)
		return deny(v, IC_FAMILY_TRANSFER, "R69.3",
					"instruction can be transferred only to medium-term or long-term control",
					"Use regime medium_term (R69.3) or long_term (R69.4); to change only the deadline, extend it.",
					"Transfer of instruction %lld to regime %s was asked.",
					(long long) ctx->instruction_id, ic_regime_code(ctx->new_regime));
	if (ctx->new_regime == ctx->regime ||
		(ctx->regime == IC_REGIME_LONG_TERM && ctx->new_regime == IC_REGIME_MEDIUM_TERM))
		return deny(v, IC_FAMILY_TRANSFER, rule,
					"instruction is already under this or a longer control regime",
					"A transfer goes from regular to medium_term or long_term, or from medium_term to long_term.",
					"Instruction %lld is under %s control; transfer to %s was asked.",
					(long long) ctx->instruction_id, ic_regime_code(ctx->regime),
					ic_regime_code(ctx->new_regime));
	if (!ctx->reason_given)
		return deny(v, IC_FAMILY_TRANSFER, rule,
					"transfer states no circumstances",
					ctx->new_regime == IC_REGIME_LONG_TERM
					? "State the objective external circumstances, or the need to monitor the result's effectiveness (R69.4)."
					: "State the objective external circumstances that prevent execution within the original term (R69.3).",
					"The transfer of instruction %lld gives no reason.",
					(long long) ctx->instruction_id);
	if (!check_repeated(ctx, v) || !check_decider(ctx, v) ||
		!check_later_due(ctx, v, rule, IC_FAMILY_TRANSFER) ||
		!ic_rules_check_basis(ctx, v, "R69.1"))
		return false;
	return allow(v);
}

static bool
decide_new_deadline(const IcDecisionContext *ctx, IcVerdict *v)
{
	if (!check_on_control(ctx, v) || !ic_rules_check_decision_date(ctx, v))
		return false;
	if (ctx->new_deadline_reason == IC_REASON_INVALID)
		return deny(v, IC_FAMILY_NEW_DEADLINE, "R70.4",
					"a new deadline is set only because of an emergency, a state of emergency or a quarantine",
					"Give reason emergency, state_of_emergency or quarantine; otherwise extend the deadline (R69.1).",
					"The new deadline for instruction %lld gives no such reason.",
					(long long) ctx->instruction_id);
	if (!check_decider(ctx, v) ||
		!check_later_due(ctx, v, "R70.4", IC_FAMILY_NEW_DEADLINE) ||
		!ic_rules_check_basis(ctx, v, "R70.4"))
		return false;
	return allow(v);
}

static bool
decide_remove(const IcDecisionContext *ctx, IcVerdict *v)
{
	if (!check_on_control(ctx, v) || !ic_rules_check_decision_date(ctx, v))
		return false;
	if (ctx->ground == IC_GROUND_INVALID)
		return deny(v, IC_FAMILY_REMOVAL_GROUNDS, "R75",
					"removal from control needs one of the grounds of the decree",
					"Give ground executed, duplicated, impossible or control_passed.",
					"The removal of instruction %lld names no valid ground.",
					(long long) ctx->instruction_id);
	if (ctx->level != IC_LEVEL_PA && ctx->pa_record_on_control != 0)
		return deny(v, IC_FAMILY_REMOVAL_ORDER, "R79",
					"point controlled at PA level is still on the PA's control",
					"The PA removes its record of the point first; the executing body removes its own record after that.",
					"Instruction %lld is the same point as PA-level instruction %lld, which is still on control.",
					(long long) ctx->instruction_id, (long long) ctx->pa_record_on_control);
	if (ctx->ground == IC_GROUND_CONTROL_PASSED && !ctx->receiving_body_given)
		return deny(v, IC_FAMILY_REMOVAL_GROUNDS, "R75",
					"removal on ground control_passed names no receiving body",
					"Give receiving_body_id, the state body or organisation that takes over control (R75(4)).",
					"The removal of instruction %lld passes control to nobody.",
					(long long) ctx->instruction_id);
	if (ctx->ground == IC_GROUND_CONTROL_PASSED && ctx->executor_directly_subordinate &&
		ctx->receiver_is_government)
		return deny(v, IC_FAMILY_CONTROL_LEVEL, "R42-1.4",
					"control of an instruction to a body directly subordinate to the President is not passed to the Government",
					"R42-1.4 gives the Government the control of the instructions of the other bodies; pass this one's control to the body itself (receiving_body_id) or keep it at the PA.",
					"The responsible body of instruction %lld is directly subordinate and accountable to the President.",
					(long long) ctx->instruction_id);
	if (!check_decider(ctx, v))
		return false;

	if (!ic_rules_check_removal_evidence(ctx, v))
		return false;
	return allow(v);
}

static bool
decide_approve_roadmap(const IcDecisionContext *ctx, IcVerdict *v)
{
	if (!check_on_control(ctx, v) || !ic_rules_check_decision_date(ctx, v))
		return false;
	if (ctx->drafter == IC_DRAFTER_INVALID)
		return deny(v, IC_FAMILY_ROADMAP, "R57",
					"roadmap names no drafting body type",
					"Give drafter central_outside_government, central_interdepartmental, local or executor_only.",
					"The roadmap of instruction %lld has no drafter.",
					(long long) ctx->instruction_id);
	/* R57: the drafter the body fits, then the approver the matrix gives it */
	if (!ic_rules_check_roadmap_drafter(ctx, v) || !check_decider(ctx, v) ||
		!ic_rules_check_roadmap_pa_dates(ctx, v))
		return false;
	if (ctx->drafter == IC_DRAFTER_CENTRAL_OUTSIDE_GOVERNMENT &&
		ctx->touches_government_powers && !ctx->agreed_with_prime_minister)
		return deny(v, IC_FAMILY_ROADMAP, "R57",
					"roadmap touching the Government's powers is approved after agreement with the Prime Minister",
					"Agree the roadmap with the Prime Minister (or the acting PM, or an official he authorises) and record agreed_with_prime_minister.",
					"The roadmap of instruction %lld touches the Government's powers and was not agreed.",
					(long long) ctx->instruction_id);
	return allow(v);
}

/*
 * R50.3: a deadline counted in working days is the calendar's count, so when
 * the calendar changes (a transfer of a day off, the announced day of a
 * forecast holiday) the counted dates move with it.  No position decides
 * that: the calendar's keeper (ic_admin) applies the change, naming the act
 * that made it (the Government's resolution, the Minister's order) as its
 * basis, and the journal writes the dates the calendar counts now.  It is no
 * extension (R69.1 counts none, R72 sees none) and asks for no typed evidence
 * (R69.1, R70.4 name none for it).
 */
static bool
decide_calendar_change(const IcDecisionContext *ctx, IcVerdict *v)
{
	char		a[16],
				b[16];
	bool		moves_due = ctx->counted_due != IC_NO_DATE && ctx->counted_due != ctx->due_date;
	bool		moves_roadmap = ctx->counted_roadmap_due != IC_NO_DATE &&
		ctx->counted_roadmap_due != ctx->roadmap_due_date;

	if (!check_on_control(ctx, v) || !ic_rules_check_decision_date(ctx, v))
		return false;
	if (!ctx->calendar_keeper)
		return deny(v, IC_FAMILY_NOT_AUTHORISED, "R50.3",
					"a calendar change is applied by the calendar's keeper",
					"The registry's administrator (ic_admin), who keeps the calendar, applies a change with apply_calendar_change().",
					"The calendar change of instruction %lld was recorded by a role that does not keep the calendar.",
					(long long) ctx->instruction_id);
	if (ctx->decided_by != IC_DECIDER_INVALID)
		return deny(v, IC_FAMILY_NOT_AUTHORISED, "R50.3",
					"a calendar change is not a decision of a position",
					"Leave decided_by empty and name the act that changed the calendar in basis.",
					"The calendar change of instruction %lld names decider %s.",
					(long long) ctx->instruction_id, ic_decider_code(ctx->decided_by));
	if (!ctx->basis_given)
		return deny(v, IC_FAMILY_MISSING_BASIS, "R50.3",
					"a calendar change names the act that changed the calendar",
					"Give basis, the Government's resolution or the Minister's order on the transfer of days off.",
					"The calendar change of instruction %lld gives no basis.",
					(long long) ctx->instruction_id);
	if (ctx->new_due_date != IC_NO_DATE && ctx->new_due_date != ctx->counted_due)
		return deny(v, IC_FAMILY_DEADLINE, "R50.3",
					"a calendar change sets the date the calendar counts, not a date given",
					"Leave new_due_date empty: the journal writes the date the calendar counts.",
					"The calendar change of instruction %lld gives %s; the calendar counts %s.",
					(long long) ctx->instruction_id, ic_format_day(ctx->new_due_date, a, sizeof(a)),
					ic_format_day(ctx->counted_due, b, sizeof(b)));
	if (!moves_due && !moves_roadmap)
		return deny(v, IC_FAMILY_DEADLINE, "R50.3",
					"the calendar counts the same dates: a calendar change moves nothing",
					"A calendar change moves a due date counted from receipt or signing (R50.3, R51) or an R56 roadmap due date that no decision fixed; calendar_stale_date lists those the calendar now counts otherwise.",
					"Instruction %lld is due %s; the calendar counts %s.",
					(long long) ctx->instruction_id, ic_format_day(ctx->due_date, a, sizeof(a)),
					ic_format_day(ctx->counted_due, b, sizeof(b)));
	return allow(v);
}

static bool
decide_submit_report(const IcDecisionContext *ctx, IcVerdict *v)
{
	char		a[16],
				b[16];

	if (!check_on_control(ctx, v))
		return false;
	/*
	 * R66-1: a report on execution is dated on a real day it could be given:
	 * not before the instruction was received, not in the future (the sweeps
	 * and the forms read it as given on that day).  decided_on is the report's
	 * submitted_on.
	 */
	if (!ic_rules_check_not_future(v, IC_FAMILY_REPORT, "R66-1", "a report is dated in the future",
								   "Give submitted_on, the day the report was submitted: today or earlier.",
								   "report", ctx->instruction_id, ctx->decided_on, ctx->today))
		return false;
	if (ctx->decided_on != IC_NO_DATE && ctx->received_on != IC_NO_DATE && ctx->decided_on < ctx->received_on)
		return deny(v, IC_FAMILY_REPORT, "R66-1", "a report is dated before the instruction was received",
					"A report on an instruction follows its receipt; check submitted_on.",
					"Instruction %lld was received %s; the report is dated %s.",
					(long long) ctx->instruction_id, ic_format_day(ctx->received_on, a, sizeof(a)),
					ic_format_day(ctx->decided_on, b, sizeof(b)));
	if (ctx->is_measures_report && !ctx->has_repeated_extension)
		return deny(v, IC_FAMILY_REPORT, "R72.4",
					"information on measures taken follows a repeated extension only",
					"Submit it as an intermediate or final report, or after a repeated extension.",
					"Instruction %lld has had no repeated extension.",
					(long long) ctx->instruction_id);
	if (!ic_rules_check_report_addressee(ctx, v))	/* R66-1.2 */
		return false;
	return allow(v);
}

bool
ic_rules_decide(const IcDecisionContext *ctx, IcVerdict *v)
{
	switch (ctx->action)
	{
		case IC_ACTION_PUT_ON_CONTROL:
			return ic_rules_decide_put_on_control(ctx, v);
		case IC_ACTION_EXTEND:
			return decide_extend(ctx, v);
		case IC_ACTION_TRANSFER:
			return decide_transfer(ctx, v);
		case IC_ACTION_NEW_DEADLINE:
			return decide_new_deadline(ctx, v);
		case IC_ACTION_REMOVE:
			return decide_remove(ctx, v);
		case IC_ACTION_APPROVE_ROADMAP:
			return decide_approve_roadmap(ctx, v);
		case IC_ACTION_CALENDAR_CHANGE:
			return decide_calendar_change(ctx, v);
		case IC_ACTION_SUBMIT_REPORT:
			return decide_submit_report(ctx, v);
		default:
			return deny(v, IC_FAMILY_BYPASS, "R69.1", "unknown decision",
						"Use put_on_control, extension, transfer, new_deadline, removal, roadmap_approval, calendar_change or report.",
						"Decision code %d is not known.", (int) ctx->action);
	}
}

bool
ic_rules_roadmap_required(int32_t received_on, int32_t due_date,
						  int executing_bodies, bool new_approaches)
{
	if (received_on == IC_NO_DATE || due_date == IC_NO_DATE)
		return false;
	if (due_date <= ic_cal_add_months(received_on, 6))
		return false;
	return executing_bodies >= 2 || new_approaches;
}

int32_t
ic_rules_term_end(int32_t received_on, int unit, int32_t count, int32_t term_due)
{
	if (received_on == IC_NO_DATE)
		return term_due;
	switch (unit)
	{
		case IC_TERM_DAYS:
			return received_on + count;
		case IC_TERM_WEEKS:
			return received_on + 7 * count;
		case IC_TERM_MONTHS:
			return ic_cal_add_months(received_on, count);
		default:
			return term_due;
	}
}
