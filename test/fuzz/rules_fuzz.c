/*
 * rules_fuzz.c
 *		libFuzzer target for the rules of the decree (rules_core.c and the
 *		files beside it): random decisions judged against a random decision
 *		matrix (make fuzz).
 *
 * The input fills an IcDecisionContext -- every enum within its type (the
 * invalid value 0 included, as the glue passes it for a NULL), dates from
 * IC_NO_DATE through the first and last day of PostgreSQL's date type to
 * days near the Rules' entry into force, counters up to INT_MAX -- and a
 * matrix of up to eight rows.  (What the glue never passes is left out:
 * infinite dates, enums outside their type, an effect on counters already at
 * INT_MAX, which the journal refuses with 54000.)  The
 * rules must not crash, overflow or read outside a table; a verdict is
 * allowed, or denied with a rule id, a family and a message, detail and hint
 * that are NUL-terminated inside their buffers (the glue passes them to
 * ereport); judging twice gives the same verdict; who-may-decide and the
 * effect of an allowed decision on the instruction are computed without
 * trouble too, and an allowed removal leaves the instruction off control.
 * A refusal of R72 for want of review is one the glue read the last
 * extension for (ic_rules_needs_extension_history).  The dates the rules
 * derive (rules_dates_core.c: R50.3/R51, R72.4, R59) are counted on a small
 * calendar: a date they give is a working day of it, or a fault names the
 * day and operation; the imported card's checks (R50.3, R14) give a verdict.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "calendar_core.h"
#include "rules_core.h"
#include "rules_dates_core.h"
#include "rules_matrix_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FAIL_IF(cond) do { if (cond) abort(); } while (0)

/*
 * The glue passes finite dates only (infinity is refused with 22008), so a
 * day is IC_NO_DATE or lies in PostgreSQL's date range, in day numbers since
 * 2000-01-01; the difference of two such days fits in an int32.
 */
#define PG_FIRST_DAY	(-2451545)		/* 4714-11-24 BC */
#define PG_LAST_DAY		2145031948		/* 5874897-12-31 */

typedef struct Reader
{
	const uint8_t *p;
	size_t		left;
} Reader;

static uint32_t
take(Reader *r, int nbytes)
{
	uint32_t	v = 0;

	for (int i = 0; i < nbytes; i++)
	{
		v <<= 8;
		if (r->left > 0)
		{
			v |= *r->p++;
			r->left--;
		}
	}
	return v;
}

/* An enum value in [0, n). */
static int
pick_enum(Reader *r, int n)
{
	return (int) (take(r, 1) % (uint32_t) n);
}

static bool
pick_bool(Reader *r)
{
	return take(r, 1) & 1;
}

/* A day: absent, extreme, near the Rules' entry into force, or any. */
static int32_t
pick_day(Reader *r)
{
	uint32_t	kind = take(r, 1);
	uint32_t	v = take(r, 2);

	switch (kind % 8)
	{
		case 0:
			return IC_NO_DATE;
		case 1:
			{
				static const int32_t odd[] = {PG_FIRST_DAY, PG_FIRST_DAY + 1, PG_LAST_DAY,
				PG_LAST_DAY - 1, 0, -1, IC_RULES_IN_FORCE_FROM - 1, IC_RULES_IN_FORCE_FROM};

				return odd[v % 8];
			}
		case 2:
			return PG_FIRST_DAY + (int32_t) (((v << 16) ^ take(r, 2)) % (uint32_t) (PG_LAST_DAY - PG_FIRST_DAY + 1));
		default:
			/* 2023 .. 2031 */
			return IC_RULES_IN_FORCE_FROM - 400 + (int32_t) (v % 3300);
	}
}

static int
pick_count(Reader *r)
{
	uint32_t	v = take(r, 1);

	if (v == 255)
		return 2147483647;
	if (v == 254)
		return -1;
	return (int) (v % 5);
}

/* A calendar of 2023-2031 (about the Rules' entry into force): Monday to Friday. */
#define CAL_FIRST (IC_RULES_IN_FORCE_FROM - 400)
#define CAL_DAYS 3300
static IcCalCore cal;

static const IcCalCore *
fuzz_calendar(void)
{
	static uint8_t working[CAL_DAYS];
	static int32_t cum[CAL_DAYS + 1];
	static int32_t work[CAL_DAYS];

	if (cal.ndays == 0)
	{
		for (int i = 0; i < CAL_DAYS; i++)
			working[i] = ic_cal_iso_dow(CAL_FIRST + i) <= 5;
		ic_cal_build(&cal, CAL_FIRST, CAL_DAYS, working, cum, work);
	}
	return &cal;
}

/* A derived date: none, or a working day of the calendar; else a named fault. */
static void
check_derived(IcCalStatus st, int32_t due, const IcDateFault *fault)
{
	bool		w = false;

	if (st != IC_CAL_OK)
	{
		FAIL_IF(fault->what == NULL);
		return;
	}
	if (due == IC_NO_DATE)
		return;
	FAIL_IF(ic_cal_is_working(&cal, due, &w) != IC_CAL_OK || !w);
}

static void
check_text(const char *s, size_t cap, bool nonempty)
{
	const char *nul = memchr(s, '\0', cap);

	FAIL_IF(nul == NULL);
	FAIL_IF(nonempty && nul == s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Reader		r = {data, size};
	IcDecisionContext c;
	IcMatrixRow rows[8];
	IcMatrix	matrix;
	IcVerdict	v1,
				v2;
	const char *rule = NULL;
	int			nrows;

	memset(&c, 0, sizeof(c));
	memset(rows, 0, sizeof(rows));

	/* the matrix */
	nrows = (int) (take(&r, 1) % 9);
	for (int i = 0; i < nrows; i++)
	{
		IcMatrixRow *m = &rows[i];
		int			level = (int) (take(&r, 1) % 7);

		m->action = (IcAction) pick_enum(&r, IC_ACTION_COUNT);
		m->level = level == 6 ? IC_MATRIX_ANY : level;
		m->kinds = (IcKindClass) pick_enum(&r, IC_KINDS_NATIONAL_PLAN + 1);
		m->repeated = (int) (take(&r, 1) % 3) - 1;
		m->drafter = (IcDrafter) pick_enum(&r, IC_DRAFTER_EXECUTOR_ONLY + 1);
		m->deciders = take(&r, 2) & ((1u << IC_DECIDER_COUNT) - 1);
		/* a rule id of any length the column allows, NUL-terminated as the glue copies it */
		{
			size_t		len = take(&r, 1) % IC_MATRIX_RULE_LEN;

			for (size_t k = 0; k < len; k++)
				m->rule[k] = (char) (' ' + take(&r, 1) % 95);
			m->rule[len] = '\0';
		}
		m->effective_from = pick_day(&r);
		m->effective_to = pick_day(&r);
	}
	matrix.nrows = nrows;
	matrix.rows = rows;

	/* the decision */
	c.action = (IcAction) pick_enum(&r, IC_ACTION_COUNT);
	c.instruction_id = (int64_t) take(&r, 4) - 2;
	c.kind = (IcInstructionKind) pick_enum(&r, IC_KIND_MAX + 1);
	c.level = (IcControlLevel) pick_enum(&r, IC_LEVEL_MAX + 1);
	c.regime = (IcRegime) pick_enum(&r, IC_REGIME_LONG_TERM + 1);
	c.on_control = pick_bool(&r);
	c.decided_by = (IcDecider) pick_enum(&r, IC_DECIDER_COUNT);
	c.matrix = (take(&r, 1) % 8) ? &matrix : NULL;
	c.prior_extensions = pick_count(&r);
	c.last_extension_on = pick_day(&r);
	c.last_extension_by = (IcDecider) pick_enum(&r, IC_DECIDER_COUNT);
	c.last_extension_action = (IcAction) pick_enum(&r, IC_ACTION_COUNT);
	c.decided_on = pick_day(&r);
	c.today = pick_day(&r);
	c.last_decided_on = pick_day(&r);
	c.imported = (take(&r, 1) % 8) == 0;
	c.repeated_transfer_needs_review = pick_bool(&r);
	c.due_date = pick_day(&r);
	c.new_due_date = pick_day(&r);
	c.basis_given = pick_bool(&r);
	c.disciplinary_review_given = pick_bool(&r);
	c.new_regime = (IcRegime) pick_enum(&r, IC_REGIME_LONG_TERM + 1);
	c.reason_given = pick_bool(&r);
	c.new_deadline_reason = (IcNewDeadlineReason) pick_enum(&r, IC_REASON_QUARANTINE + 1);
	c.parent_due_date = pick_day(&r);
	c.ground = (IcRemovalGround) pick_enum(&r, IC_GROUND_CONTROL_PASSED + 1);
	c.evidence = take(&r, 2) & ((1u << IC_EVIDENCE_COUNT) - 1);
	c.category = (IcCategory) pick_enum(&r, IC_CATEGORY_EVENT_OR_NAMING + 1);
	c.receiving_body_given = pick_bool(&r);
	c.pa_record_on_control = (take(&r, 1) % 4) ? 0 : (int64_t) take(&r, 4);
	c.local_character = pick_bool(&r);
	c.public_resonance = pick_bool(&r);
	c.received_on = pick_day(&r);
	c.signed_on = pick_day(&r);
	c.explicit_due = pick_bool(&r);
	c.term_due = pick_day(&r);
	c.personal_due = pick_day(&r);
	c.due_rolled = pick_day(&r);
	c.deadline_source = (IcDeadlineSource) pick_enum(&r, IC_SOURCE_PA + 1);
	c.passed_down = pick_bool(&r);
	c.state_secret = pick_bool(&r);
	c.has_content = pick_bool(&r);
	c.has_paper_card = pick_bool(&r);
	c.paper_ref_too_long = pick_bool(&r);
	c.drafter = (IcDrafter) pick_enum(&r, IC_DRAFTER_EXECUTOR_ONLY + 1);
	c.touches_government_powers = pick_bool(&r);
	c.agreed_with_prime_minister = pick_bool(&r);
	c.is_measures_report = pick_bool(&r);
	c.has_repeated_extension = pick_bool(&r);

	/* the allowed deciders need a matrix; the glue always has one */
	if (c.matrix != NULL)
	{
		IcDeciderSet set = ic_rules_allowed_deciders(&c, &rule);
		char		buf[512];

		/* anyone puts on control and reports (~0); otherwise a row's deciders, or nobody */
		if (c.action == IC_ACTION_PUT_ON_CONTROL || c.action == IC_ACTION_SUBMIT_REPORT)
			FAIL_IF(set != ~(IcDeciderSet) 0 || rule != NULL);
		else
			FAIL_IF((set & ~((1u << IC_DECIDER_COUNT) - 1)) || rule == NULL);
		ic_decider_set_format(set, buf, sizeof(buf));
		check_text(buf, sizeof(buf), true);
	}
	else
		c.matrix = &matrix;

	memset(&v1, 0x7f, sizeof(v1));
	memset(&v2, 0x55, sizeof(v2));
	FAIL_IF(ic_rules_decide(&c, &v1) != v1.allowed);
	FAIL_IF(ic_rules_decide(&c, &v2) != v1.allowed);
	if (!v1.allowed)
	{
		FAIL_IF(v1.rule == NULL || v1.family == IC_FAMILY_NONE);
		check_text(v1.message, sizeof(v1.message), true);
		check_text(v1.detail, sizeof(v1.detail), false);
		check_text(v1.hint, sizeof(v1.hint), false);
		FAIL_IF(v2.family != v1.family || strcmp(v2.rule, v1.rule) != 0 ||
				strcmp(v2.message, v1.message) != 0 || strcmp(v2.detail, v1.detail) != 0 ||
				strcmp(v2.hint, v1.hint) != 0);
	}
	else
	{
		IcInstructionState before,
					after;
		IcDecisionEffect e;

		FAIL_IF(v1.family != IC_FAMILY_NONE);
		memset(&before, 0, sizeof(before));
		before.due_date = c.due_date;
		before.regime = c.regime;
		before.on_control = c.on_control;
		before.removed_on = IC_NO_DATE;
		before.roadmap_due_date = pick_day(&r);
		before.extensions = c.prior_extensions == INT32_MAX ? INT32_MAX - 1 : c.prior_extensions;
		before.decision_count = pick_count(&r);
		if (before.decision_count == INT32_MAX)
			before.decision_count = INT32_MAX - 1;
		before.last_decision_id = (int64_t) take(&r, 4);
		before.last_decided_on = c.last_decided_on;
		e.action = c.action;
		e.decision_id = (int64_t) take(&r, 4) + 1;
		e.new_due_date = c.new_due_date;
		e.new_regime = c.new_regime;
		e.decided_on = c.decided_on;
		e.roadmap_due_date = pick_day(&r);
		ic_rules_effect(&e, &before, &after);
		if (c.action == IC_ACTION_REMOVE)
			FAIL_IF(after.on_control);
	}
	(void) ic_rules_is_repeated_extension(&c);
	(void) ic_rules_roadmap_required(c.received_on, c.due_date, (int) (take(&r, 1) % 4),
									 pick_bool(&r));

	/* R72: a refusal for want of review names the last extension, read only then */
	if (!v1.allowed && v1.family == IC_FAMILY_REPEATED_EXTENSION &&
		(c.action == IC_ACTION_EXTEND || c.action == IC_ACTION_TRANSFER))
		FAIL_IF(!ic_rules_needs_extension_history(&c) && !c.imported);

	/* the derived dates: R72.4, R59, and the deadline's source (R50.3, R51) */
	{
		const IcCalCore *k = fuzz_calendar();
		IcDecisionContext d = c;
		IcTerm		term;
		IcDateFault fault = {0, NULL};
		int32_t		due = 0;
		int32_t		term_end = 0;
		int32_t		given = pick_day(&r);
		IcCalStatus st;

		st = ic_rules_measures_due(k, &c, &due, &fault);
		check_derived(st, due, &fault);
		if (st == IC_CAL_OK && due != IC_NO_DATE)
			FAIL_IF(!ic_rules_is_repeated_extension(&c) || due < c.decided_on);
		fault.what = NULL;
		st = ic_rules_roadmap_due_on_transfer(k, &c, pick_bool(&r), &due, &fault);
		check_derived(st, due, &fault);
		if (st == IC_CAL_OK && due != IC_NO_DATE)
			FAIL_IF(c.action != IC_ACTION_TRANSFER || due <= c.decided_on);

		term.unit = (IcTermUnit) pick_enum(&r, IC_TERM_UNIT_MAX + 1);
		term.count = 1 + (int32_t) (take(&r, 2) % IC_TERM_MAX_COUNT);
		fault.what = NULL;
		st = ic_rules_deadline(k, &d, pick_bool(&r) ? &term : NULL, given, &term_end, &fault);
		if (st != IC_CAL_OK)
			FAIL_IF(fault.what == NULL);
		else
		{
			/* the date given, else the term's (R50.3), else two weeks of signing (R51) */
			FAIL_IF(d.explicit_due != (given != IC_NO_DATE));
			FAIL_IF(given != IC_NO_DATE && d.due_date != given);
			FAIL_IF(given == IC_NO_DATE && d.due_date != IC_NO_DATE &&
					d.due_date != d.term_due && d.due_date != d.personal_due);
			FAIL_IF(d.term_due != IC_NO_DATE && d.deadline_source != IC_SOURCE_TERM);
			FAIL_IF((d.term_due == IC_NO_DATE) != (term_end == IC_NO_DATE));
			check_derived(st, d.due_rolled, &fault);
		}

		d = c;
		d.imported = true;
		memset(&v2, 0x55, sizeof(v2));
		if (!ic_rules_check_imported_card(&d, &v2))
		{
			FAIL_IF(v2.allowed || v2.rule == NULL ||
					(v2.family != IC_FAMILY_DEADLINE && v2.family != IC_FAMILY_SECRECY));
			check_text(v2.message, sizeof(v2.message), true);
			check_text(v2.detail, sizeof(v2.detail), false);
			check_text(v2.hint, sizeof(v2.hint), true);
		}
		else
			FAIL_IF(!v2.allowed);
	}

	/* an import: history only (IC117), the President's prerogatives (R74, R77) */
	c.instruction_imported = pick_bool(&r);
	c.has_live_decision = pick_bool(&r);
	c.import_in_force = pick_bool(&r);
	memset(&v1, 0x7f, sizeof(v1));
	if (!ic_rules_check_import(&c, &v1))
	{
		FAIL_IF(v1.allowed || v1.rule == NULL ||
				(v1.family != IC_FAMILY_IMPORT && v1.family != IC_FAMILY_NOT_AUTHORISED));
		check_text(v1.message, sizeof(v1.message), true);
		check_text(v1.detail, sizeof(v1.detail), true);
		check_text(v1.hint, sizeof(v1.hint), true);
	}
	else
		FAIL_IF(!v1.allowed || v1.family != IC_FAMILY_NONE);
	return 0;
}
