/*
 * rules_dates_test.c
 *		Unit tests of the dates the rules derive (rules_dates_core.c): the
 *		deadline's source on control (R50.3, R51), information on measures
 *		after a repeated extension (R72.4), a roadmap after a transfer to
 *		long-term control (R59), the checks of an imported card (R50.3, R14),
 *		and when a judgement needs the last extension (R72).  Tables of cases
 *		over a calendar of 2025 with the Nauryz holidays (21, 24, 25 March).
 */
#include <stdint.h>
#include <string.h>

#include "calendar_core.h"
#include "rules_core.h"
#include "rules_dates_core.h"
#include "unit.h"

#define NDAYS 365
static uint8_t working[NDAYS];
static int32_t cum[NDAYS + 1];
static int32_t work[NDAYS];
static IcCalCore cal;

static int32_t
ymd(int y, int m, int d)
{
	return ic_cal_from_ymd(y, m, d);
}

static void
build(void)
{
	int32_t		first = ymd(2025, 1, 1);

	for (int i = 0; i < NDAYS; i++)
		working[i] = ic_cal_iso_dow(first + i) <= 5;
	working[ymd(2025, 3, 21) - first] = 0;
	working[ymd(2025, 3, 24) - first] = 0;
	working[ymd(2025, 3, 25) - first] = 0;
	working[ymd(2025, 5, 1) - first] = 0;
	ic_cal_build(&cal, first, NDAYS, working, cum, work);
}

static IcDecisionContext
decision(IcAction action, int prior, int32_t decided_on)
{
	IcDecisionContext c;

	memset(&c, 0, sizeof(c));
	c.action = action;
	c.instruction_id = 7;
	c.kind = IC_KIND_ACT_POINT;
	c.level = IC_LEVEL_PA;
	c.on_control = true;
	c.prior_extensions = prior;
	c.decided_on = decided_on;
	c.new_regime = IC_REGIME_INVALID;
	c.repeated_transfer_needs_review = true;
	return c;
}

/* R72.4: one month after a repeated extension, rolled to a working day. */
static void
test_measures_due(void)
{
	static const struct
	{
		const char *name;
		IcAction	action;
		int			prior;
		int			decided[3];
		IcCalStatus status;
		int			due[3];		/* {0} for IC_NO_DATE */
	}			cases[] = {
		{"R72.4: a repeated extension, a working day a month on", IC_ACTION_EXTEND, 1, {2025, 3, 10}, IC_CAL_OK, {2025, 4, 10}},
		{"R72.4: a month on is a holiday: the next working day", IC_ACTION_EXTEND, 2, {2025, 2, 21}, IC_CAL_OK, {2025, 3, 26}},
		{"R72.4: a month on is a Saturday: Monday", IC_ACTION_EXTEND, 1, {2025, 4, 12}, IC_CAL_OK, {2025, 5, 12}},
		{"R72.4: the 31st, a shorter month: its last day", IC_ACTION_EXTEND, 1, {2025, 1, 31}, IC_CAL_OK, {2025, 2, 28}},
		{"R72.4: a repeated transfer too", IC_ACTION_TRANSFER, 1, {2025, 3, 10}, IC_CAL_OK, {2025, 4, 10}},
		{"R72.4: not after a first extension", IC_ACTION_EXTEND, 0, {2025, 3, 10}, IC_CAL_OK, {0}},
		{"R72.4: not after a new deadline", IC_ACTION_NEW_DEADLINE, 1, {2025, 3, 10}, IC_CAL_OK, {0}},
		{"R72.4: not after a removal", IC_ACTION_REMOVE, 1, {2025, 3, 10}, IC_CAL_OK, {0}},
		{"R72.4: a month on outside the calendar: IC002", IC_ACTION_EXTEND, 1, {2025, 12, 15}, IC_CAL_INPUT_OUT_OF_RANGE, {0}},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		IcDecisionContext c = decision(cases[i].action, cases[i].prior,
									   ymd(cases[i].decided[0], cases[i].decided[1], cases[i].decided[2]));
		int32_t		want = cases[i].due[0] ? ymd(cases[i].due[0], cases[i].due[1], cases[i].due[2]) : IC_NO_DATE;
		int32_t		due = 12345;
		IcDateFault fault = {0, NULL};
		IcCalStatus st = ic_rules_measures_due(&cal, &c, &due, &fault);

		CHECK(st == cases[i].status, "%s: status %d", cases[i].name, (int) st);
		if (st == IC_CAL_OK)
			CHECK(due == want, "%s: due %d, want %d", cases[i].name, due, want);
		else
			CHECK(fault.day == ymd(2026, 1, 15) && fault.what != NULL &&
				  strcmp(fault.what, "rolling forward") == 0,
				  "%s: fault at %d (%s)", cases[i].name, fault.day, fault.what ? fault.what : "");
	}
}

/* R59: ten working days after a transfer to long-term control with no roadmap. */
static void
test_roadmap_due(void)
{
	static const struct
	{
		const char *name;
		IcAction	action;
		IcRegime	regime;
		bool		roadmap;
		int			decided[3];
		IcCalStatus status;
		int			due[3];
	}			cases[] = {
		{"R59: long-term, no roadmap: ten working days (Nauryz skipped)", IC_ACTION_TRANSFER, IC_REGIME_LONG_TERM, false, {2025, 3, 17}, IC_CAL_OK, {2025, 4, 3}},
		{"R59: from a Friday", IC_ACTION_TRANSFER, IC_REGIME_LONG_TERM, false, {2025, 6, 6}, IC_CAL_OK, {2025, 6, 20}},
		{"R59: a roadmap exists: none due", IC_ACTION_TRANSFER, IC_REGIME_LONG_TERM, true, {2025, 3, 17}, IC_CAL_OK, {0}},
		{"R59: medium-term: none due", IC_ACTION_TRANSFER, IC_REGIME_MEDIUM_TERM, false, {2025, 3, 17}, IC_CAL_OK, {0}},
		{"R59: an extension is no transfer", IC_ACTION_EXTEND, IC_REGIME_LONG_TERM, false, {2025, 3, 17}, IC_CAL_OK, {0}},
		{"R59: ten working days past the calendar: IC002", IC_ACTION_TRANSFER, IC_REGIME_LONG_TERM, false, {2025, 12, 24}, IC_CAL_RESULT_OUT_OF_RANGE, {0}},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		int32_t		decided = ymd(cases[i].decided[0], cases[i].decided[1], cases[i].decided[2]);
		IcDecisionContext c = decision(cases[i].action, 0, decided);
		int32_t		want = cases[i].due[0] ? ymd(cases[i].due[0], cases[i].due[1], cases[i].due[2]) : IC_NO_DATE;
		int32_t		due = 12345;
		IcDateFault fault = {0, NULL};
		IcCalStatus st;

		c.new_regime = cases[i].regime;
		st = ic_rules_roadmap_due_on_transfer(&cal, &c, cases[i].roadmap, &due, &fault);
		CHECK(st == cases[i].status, "%s: status %d", cases[i].name, (int) st);
		if (st == IC_CAL_OK)
			CHECK(due == want, "%s: due %d, want %d", cases[i].name, due, want);
		else
			CHECK(fault.day == decided && fault.what != NULL &&
				  strcmp(fault.what, "counting working days") == 0, "%s: fault", cases[i].name);
	}
}

/* R50.3, R51: where the deadline of an instruction put on control comes from. */
static void
test_deadline(void)
{
	static const IcTerm wd10 = {10, IC_TERM_WORKING_DAYS};
	static const IcTerm days30 = {30, IC_TERM_DAYS};
	static const IcTerm months7 = {7, IC_TERM_MONTHS};
	static const IcTerm weeks2 = {2, IC_TERM_WEEKS};
	int32_t		mar3 = ymd(2025, 3, 3);
	int32_t		wd10_due = 0;
	int32_t		days30_due = 0;
	int32_t		months7_due = 0;
	int32_t		personal_due = 0;
	static const struct
	{
		const char *name;
		IcInstructionKind kind;
		int			term;		/* 0 none, 1 wd10, 2 days30, 3 months7, 4 weeks2 */
		bool		received;
		bool		signed_;
		int			given[3];	/* {0}: none */
		IcDeadlineSource source_given;
		IcCalStatus status;
		int			due;		/* 0 none, 1 term's, 2 personal, 3 given */
		IcDeadlineSource source;
		int			term_end;	/* 0 none, 1 term's due, 2 received+30, 3 received+7 months, 4 received+14 */
	}			cases[] = {
		{"R50.3: a term in working days gives the deadline", IC_KIND_ACT_POINT, 1, true, false, {0}, IC_SOURCE_NONE, IC_CAL_OK, 1, IC_SOURCE_TERM, 1},
		{"R50.3: a given date with a term is the term's to agree with", IC_KIND_ACT_POINT, 1, true, false, {2025, 3, 17}, IC_SOURCE_ACT, IC_CAL_OK, 3, IC_SOURCE_TERM, 1},
		{"R56: a term in days ends before rolling", IC_KIND_ACT_POINT, 2, true, false, {0}, IC_SOURCE_NONE, IC_CAL_OK, 1, IC_SOURCE_TERM, 2},
		{"R56: a term in months ends before rolling", IC_KIND_ACT_POINT, 3, true, false, {0}, IC_SOURCE_NONE, IC_CAL_OK, 1, IC_SOURCE_TERM, 3},
		{"R56: a term in weeks ends before rolling", IC_KIND_ACT_POINT, 4, true, false, {0}, IC_SOURCE_NONE, IC_CAL_OK, 1, IC_SOURCE_TERM, 4},
		{"R51: a personal instruction, two weeks of signing", IC_KIND_PERSONAL, 0, true, true, {0}, IC_SOURCE_NONE, IC_CAL_OK, 2, IC_SOURCE_TWO_WEEKS, 0},
		{"R51: a published personal instruction too", IC_KIND_PERSONAL_PUBLISHED, 0, true, true, {0}, IC_SOURCE_NONE, IC_CAL_OK, 2, IC_SOURCE_TWO_WEEKS, 0},
		{"R50.3 before R51: a term wins over signing", IC_KIND_PERSONAL, 1, true, true, {0}, IC_SOURCE_NONE, IC_CAL_OK, 1, IC_SOURCE_TERM, 1},
		{"R51: a given date of a personal instruction keeps its source", IC_KIND_PERSONAL, 0, true, true, {2025, 3, 20}, IC_SOURCE_PA, IC_CAL_OK, 3, IC_SOURCE_PA, 0},
		{"R50.1: a given date without a term keeps its source", IC_KIND_ACT_POINT, 0, true, false, {2025, 3, 20}, IC_SOURCE_ACT, IC_CAL_OK, 3, IC_SOURCE_ACT, 0},
		{"R51 only for personal instructions", IC_KIND_ACT_POINT, 0, true, true, {0}, IC_SOURCE_NONE, IC_CAL_OK, 0, IC_SOURCE_NONE, 0},
		{"R50.3: a term without a day of receipt counts nothing", IC_KIND_ACT_POINT, 1, false, false, {0}, IC_SOURCE_NONE, IC_CAL_OK, 0, IC_SOURCE_NONE, 0},
		{"IC002: a given date outside the calendar", IC_KIND_ACT_POINT, 0, true, false, {2026, 2, 2}, IC_SOURCE_ACT, IC_CAL_INPUT_OUT_OF_RANGE, 0, IC_SOURCE_ACT, 0},
	};

	CHECK(ic_cal_term_deadline(&cal, mar3, &wd10, &wd10_due) == IC_CAL_OK, "term wd10");
	CHECK(ic_cal_term_deadline(&cal, mar3, &days30, &days30_due) == IC_CAL_OK, "term days30");
	CHECK(ic_cal_term_deadline(&cal, mar3, &months7, &months7_due) == IC_CAL_OK, "term months7");
	CHECK(ic_cal_term_deadline(&cal, ymd(2025, 3, 2), &ic_personal_term, &personal_due) == IC_CAL_OK,
		  "personal term");
	CHECK(personal_due == ymd(2025, 3, 17), "R51: signed 2 March, fourteen days: Sunday 16th rolled to %d", personal_due);
	(void) days30_due;
	(void) months7_due;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		IcDecisionContext c = decision(IC_ACTION_PUT_ON_CONTROL, 0, IC_NO_DATE);
		const IcTerm *terms[] = {NULL, &wd10, &days30, &months7, &weeks2};
		int32_t		given = cases[i].given[0] ? ymd(cases[i].given[0], cases[i].given[1], cases[i].given[2]) : IC_NO_DATE;
		int32_t		term_end = 12345;
		int32_t		term_due = IC_NO_DATE;
		int32_t		want_due;
		int32_t		want_end;
		IcDateFault fault = {0, NULL};
		IcCalStatus st;

		c.kind = cases[i].kind;
		c.received_on = cases[i].received ? mar3 : IC_NO_DATE;
		c.signed_on = cases[i].signed_ ? ymd(2025, 3, 2) : IC_NO_DATE;
		c.deadline_source = cases[i].source_given;
		if (terms[cases[i].term] != NULL && cases[i].received)
			(void) ic_cal_term_deadline(&cal, mar3, terms[cases[i].term], &term_due);
		st = ic_rules_deadline(&cal, &c, terms[cases[i].term], given, &term_end, &fault);
		CHECK(st == cases[i].status, "%s: status %d", cases[i].name, (int) st);
		if (st != IC_CAL_OK)
		{
			CHECK(fault.day == given && strcmp(fault.what, "rolling forward") == 0, "%s: fault", cases[i].name);
			continue;
		}
		want_due = cases[i].due == 1 ? term_due : cases[i].due == 2 ? personal_due :
			cases[i].due == 3 ? given : IC_NO_DATE;
		want_end = cases[i].term_end == 1 ? term_due : cases[i].term_end == 2 ? mar3 + 30 :
			cases[i].term_end == 3 ? ymd(2025, 10, 3) : cases[i].term_end == 4 ? mar3 + 14 : IC_NO_DATE;
		CHECK(c.due_date == want_due, "%s: due %d, want %d", cases[i].name, c.due_date, want_due);
		CHECK(c.deadline_source == cases[i].source, "%s: source %d", cases[i].name, (int) c.deadline_source);
		CHECK(term_end == want_end, "%s: term end %d, want %d", cases[i].name, term_end, want_end);
		CHECK(c.explicit_due == (given != IC_NO_DATE), "%s: explicit", cases[i].name);
		CHECK(c.term_due == term_due, "%s: term_due", cases[i].name);
		CHECK(given == IC_NO_DATE ? c.due_rolled == IC_NO_DATE : c.due_rolled >= given,
			  "%s: due_rolled %d", cases[i].name, c.due_rolled);
	}
	/* a term counted from a day of receipt outside the calendar */
	{
		IcDecisionContext c = decision(IC_ACTION_PUT_ON_CONTROL, 0, IC_NO_DATE);
		int32_t		term_end;
		IcDateFault fault = {0, NULL};

		c.received_on = ymd(2024, 12, 20);
		CHECK(ic_rules_deadline(&cal, &c, &wd10, IC_NO_DATE, &term_end, &fault) == IC_CAL_INPUT_OUT_OF_RANGE &&
			  fault.day == c.received_on && strcmp(fault.what, "the deadline counted") == 0,
			  "IC002: a term from a day outside the calendar");
	}
}

/* An imported card: dates and deadline (R50.3, IC108), requisites of a secret (R14, IC110). */
static void
test_imported_card(void)
{
	static const struct
	{
		const char *name;
		bool		due;
		bool		received;
		bool		secret;
		bool		content;
		bool		paper;
		IcRuleFamily family;	/* IC_FAMILY_NONE: allowed */
		const char *rule;
	}			cases[] = {
		{"import: dates and a deadline", true, true, false, false, false, IC_FAMILY_NONE, NULL},
		{"R50.3: an import without a due date", false, true, false, false, false, IC_FAMILY_DEADLINE, "R50.3"},
		{"R50.3: an import without a day of receipt", true, false, false, false, false, IC_FAMILY_DEADLINE, "R50.3"},
		{"R50.3 first: no dates and content of a secret", false, false, true, true, false, IC_FAMILY_DEADLINE, "R50.3"},
		{"R14: an imported secret with content", true, true, true, true, true, IC_FAMILY_SECRECY, "R14"},
		{"R14: an imported secret without its paper card", true, true, true, false, false, IC_FAMILY_SECRECY, "R14"},
		{"R14: an imported secret, requisites and paper card", true, true, true, false, true, IC_FAMILY_NONE, NULL},
		{"R14: content of what is no secret is kept", true, true, false, true, false, IC_FAMILY_NONE, NULL},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		IcDecisionContext c = decision(IC_ACTION_PUT_ON_CONTROL, 0, IC_NO_DATE);
		IcVerdict	v;
		bool		ok;

		memset(&v, 0x7f, sizeof(v));
		c.imported = true;
		c.today = ymd(2025, 1, 1);
		c.due_date = cases[i].due ? ymd(2023, 5, 2) : IC_NO_DATE;
		c.received_on = cases[i].received ? ymd(2023, 4, 3) : IC_NO_DATE;
		c.state_secret = cases[i].secret;
		c.has_content = cases[i].content;
		c.has_paper_card = cases[i].paper;
		ok = ic_rules_check_imported_card(&c, &v);
		CHECK(ok == (cases[i].family == IC_FAMILY_NONE) && v.allowed == ok, "%s: allowed %d", cases[i].name, ok);
		CHECK(v.family == cases[i].family, "%s: family %d", cases[i].name, (int) v.family);
		if (!ok)
			CHECK(strcmp(v.rule, cases[i].rule) == 0 && v.detail[0] == '\0' &&
				  strstr(v.message, cases[i].rule) != NULL && v.hint[0] != '\0',
				  "%s: rule %s, message \"%s\"", cases[i].name, v.rule, v.message);
	}

	/* R50.3: history is received by today, as a live instruction is */
	{
		IcDecisionContext c = decision(IC_ACTION_PUT_ON_CONTROL, 0, IC_NO_DATE);
		IcVerdict	v;

		c.imported = true;
		c.today = ymd(2025, 1, 1);
		c.due_date = ymd(2025, 2, 3);
		c.received_on = ymd(2025, 1, 2);
		CHECK(!ic_rules_check_imported_card(&c, &v) && v.family == IC_FAMILY_DEADLINE &&
			  strcmp(v.rule, "R50.3") == 0 && strstr(v.detail, "2025-01-02") != NULL,
			  "R50.3: an import received tomorrow is refused (%s)", v.message);
		c.received_on = c.today;
		CHECK(ic_rules_check_imported_card(&c, &v), "R50.3: an import received today is history");
		c.received_on = ymd(2025, 1, 2);
		c.today = IC_NO_DATE;
		CHECK(ic_rules_check_imported_card(&c, &v), "R50.3: without today (no clock) receipt is not bounded");
	}
}

/* R72: the last extension is read exactly when the refusal names it. */
static void
test_needs_history(void)
{
	static const struct
	{
		const char *name;
		IcAction	action;
		int			prior;
		bool		review;
		bool		transfer_review;
		bool		imported;
		bool		needs;
	}			cases[] = {
		{"R72.2: a repeated extension without review", IC_ACTION_EXTEND, 1, false, true, false, true},
		{"R72.2: with review it is allowed, nothing to name", IC_ACTION_EXTEND, 1, true, true, false, false},
		{"R69.1: a first extension", IC_ACTION_EXTEND, 0, false, true, false, false},
		{"R72: a repeated transfer without review, the setting on", IC_ACTION_TRANSFER, 2, false, true, false, true},
		{"R72: the setting off: a repeated transfer needs none", IC_ACTION_TRANSFER, 2, false, false, false, false},
		{"IC117: an import is not judged by R72", IC_ACTION_EXTEND, 1, false, true, true, false},
		{"R70.4: a new deadline is no extension", IC_ACTION_NEW_DEADLINE, 1, false, true, false, false},
		{"R75: a removal", IC_ACTION_REMOVE, 1, false, true, false, false},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		IcDecisionContext c = decision(cases[i].action, cases[i].prior, ymd(2025, 3, 10));

		c.disciplinary_review_given = cases[i].review;
		c.repeated_transfer_needs_review = cases[i].transfer_review;
		c.imported = cases[i].imported;
		CHECK(ic_rules_needs_extension_history(&c) == cases[i].needs, "%s", cases[i].name);
	}
}

int
main(void)
{
	build();
	test_measures_due();
	test_roadmap_due();
	test_deadline();
	test_imported_card();
	test_needs_history();
	return UNIT_SUMMARY();
}
