/*
 * rules_dates_core.c
 *		The dates the rules derive (rules_dates_core.h): the deadline's source
 *		on control (R50.3, R51), information on measures (R72.4), a roadmap
 *		after a transfer to long-term control (R59).  Pure: no PostgreSQL
 *		headers.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "calendar_core.h"
#include "instruction_kind_core.h"
#include "rules_core.h"
#include "rules_dates_core.h"
#include "term_core.h"

const IcTerm ic_personal_term = {14, IC_TERM_DAYS};

static IcCalStatus
fault_at(IcCalStatus st, IcDateFault *fault, int32_t day, const char *what)
{
	if (st != IC_CAL_OK && fault != NULL)
	{
		fault->day = day;
		fault->what = what;
	}
	return st;
}

IcCalStatus
ic_rules_deadline(const IcCalCore *cal, IcDecisionContext *ctx, const IcTerm *term,
				  int32_t given_due, int32_t *term_end, IcDateFault *fault)
{
	IcCalStatus st;

	ctx->term_due = ctx->personal_due = ctx->due_rolled = IC_NO_DATE;
	ctx->explicit_due = given_due != IC_NO_DATE;
	ctx->due_date = given_due;
	*term_end = IC_NO_DATE;

	/* the candidate dates: from the term (R50.3), from signing (R51), rolled */
	if (term != NULL && ctx->received_on != IC_NO_DATE)
	{
		st = ic_cal_term_deadline(cal, ctx->received_on, term, &ctx->term_due);
		if (st != IC_CAL_OK)
			return fault_at(st, fault, ctx->received_on, "the deadline counted");
		*term_end = ic_rules_term_end(ctx->received_on, (int) term->unit, term->count, ctx->term_due);	/* R56 */
	}
	if (ic_kind_is_personal(ctx->kind) && ctx->signed_on != IC_NO_DATE)
	{
		st = ic_cal_term_deadline(cal, ctx->signed_on, &ic_personal_term, &ctx->personal_due);
		if (st != IC_CAL_OK)
			return fault_at(st, fault, ctx->signed_on, "the deadline counted");
	}
	if (given_due != IC_NO_DATE)
	{
		st = ic_cal_roll_forward(cal, given_due, &ctx->due_rolled);
		if (st != IC_CAL_OK)
			return fault_at(st, fault, given_due, "rolling forward");
		if (ctx->term_due != IC_NO_DATE)
			ctx->deadline_source = IC_SOURCE_TERM;	/* must equal the term's (R50.3) */
	}
	else if (ctx->term_due != IC_NO_DATE)
	{
		ctx->due_date = ctx->term_due;
		ctx->deadline_source = IC_SOURCE_TERM;
	}
	else if (ctx->personal_due != IC_NO_DATE)
	{
		ctx->due_date = ctx->personal_due;
		ctx->deadline_source = IC_SOURCE_TWO_WEEKS;
	}
	return IC_CAL_OK;
}

IcCalStatus
ic_rules_measures_due(const IcCalCore *cal, const IcDecisionContext *ctx, int32_t *due,
					  IcDateFault *fault)
{
	int32_t		month_later;

	*due = IC_NO_DATE;
	if (!ic_rules_is_repeated_extension(ctx) || ctx->decided_on == IC_NO_DATE)
		return IC_CAL_OK;
	/* R72.4: within one month, on a working day */
	month_later = ic_cal_add_months(ctx->decided_on, 1);
	return fault_at(ic_cal_roll_forward(cal, month_later, due), fault, month_later,
					"rolling forward");
}

IcCalStatus
ic_rules_roadmap_due_on_transfer(const IcCalCore *cal, const IcDecisionContext *ctx,
								 bool roadmap_exists, int32_t *due, IcDateFault *fault)
{
	*due = IC_NO_DATE;
	if (ctx->action != IC_ACTION_TRANSFER || ctx->new_regime != IC_REGIME_LONG_TERM ||
		roadmap_exists || ctx->decided_on == IC_NO_DATE)
		return IC_CAL_OK;
	/*
	 * R59: long-term control needs a roadmap, drafted and approved as in R57.
	 * R59 names no term: its 10 working days are borrowed from R56, counted
	 * from the transfer.  A roadmap the instruction already has (under R56 or
	 * before) is that roadmap: roadmap_exists.
	 */
	return fault_at(ic_cal_add(cal, ctx->decided_on, IC_ROADMAP_WORKING_DAYS, due), fault,
					ctx->decided_on, "counting working days");
}

bool
ic_rules_check_imported_card(const IcDecisionContext *ctx, IcVerdict *verdict)
{
	/* history as it was recorded: real dates, a deadline, no content of a secret */
	if (ctx->due_date == IC_NO_DATE || ctx->received_on == IC_NO_DATE)
		return ic_rules_deny(verdict, IC_FAMILY_DEADLINE, "R50.3",
							 "an imported instruction gives its day of receipt and its due date",
							 "Give received_on and due_date as the registry held them.", "%s", "");
	if (!ic_rules_check_received_by_today(ctx, verdict))
		return false;
	if (ctx->state_secret && (ctx->has_content || !ctx->has_paper_card))
		return ic_rules_deny(verdict, IC_FAMILY_SECRECY, "R14",
							 "an imported state-secret instruction holds only its requisites",
							 "Leave content, final_result and completion_form empty and give paper_card_ref.",
							 "%s", "");
	return ic_rules_allow(verdict);
}

bool
ic_rules_check_received_by_today(const IcDecisionContext *ctx, IcVerdict *verdict)
{
	if (!ic_rules_check_not_future(verdict, IC_FAMILY_DEADLINE, "R50.3", "instruction is received in the future",
								   "Give received_on, the day the instruction reached the body: today or earlier (the term is counted from it).",
								   "receipt", ctx->instruction_id, ctx->received_on, ctx->today))
		return false;
	return ic_rules_allow(verdict);
}
