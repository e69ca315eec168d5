/*
 * rules_test.c
 *		Unit tests of rules_core.c: one table of decisions, each with the
 *		verdict the decree gives (allowed, or the rule id and family refused).
 */
#include <string.h>

#include "calendar_core.h"
#include "rules_matrix_core.h"
#include "term_core.h"
#include "unit.h"

#define D(x) IC_DECIDER_##x
#define EV(x) IC_EVIDENCE_BIT(IC_EVIDENCE_##x)
#define DAY_2025_03_03 9193		/* days since 2000-01-01 */

#define B(x) IC_DECIDER_BIT(IC_DECIDER_##x)
#define FROM_2024 IC_RULES_IN_FORCE_FROM
#define ANY IC_MATRIX_ANY
#define ROW(act, lvl, kinds, rep, draft, deciders, rule) \
	{IC_ACTION_##act, lvl, IC_KINDS_##kinds, rep, draft, deciders, rule, FROM_2024, IC_NO_DATE}
#define AUTHORITY_ROW(lvl, act, deciders) {IC_ACTION_##act, IC_LEVEL_##lvl, IC_KINDS_ANY, ANY, IC_DRAFTER_INVALID, deciders, "R74-1", IC_NO_DATE, IC_NO_DATE}

/*
 * The seeded decision matrix (sql/src/30_registry.sql decision_rule, then the
 * seeded decision_authority rows), as the view decision_matrix orders it.
 * The regress test decision_matrix pins the SQL side; this pins the verdicts.
 */
static const IcMatrixRow seed_rows[] = {
	ROW(REMOVE, ANY, PERSONAL, ANY, IC_DRAFTER_INVALID, B(PRESIDENT), "R77"),
	ROW(REMOVE, IC_LEVEL_PA, SECURITY_COUNCIL, ANY, IC_DRAFTER_INVALID, B(PRESIDENT) | B(SECRETARY_SC), "R76.4"),
	ROW(REMOVE, IC_LEVEL_PA, ANY, ANY, IC_DRAFTER_INVALID, B(PRESIDENT) | B(HEAD_OF_PA), "R76.1"),
	ROW(EXTEND, ANY, NATIONAL_PLAN, 1, IC_DRAFTER_INVALID, B(PRESIDENT), "R72.1"),
	ROW(TRANSFER, ANY, NATIONAL_PLAN, 1, IC_DRAFTER_INVALID, B(PRESIDENT), "R72.1"),
	ROW(EXTEND, ANY, PERSONAL_UNPUBLISHED, ANY, IC_DRAFTER_INVALID, B(PRESIDENT), "R74"),
	ROW(TRANSFER, ANY, PERSONAL_UNPUBLISHED, ANY, IC_DRAFTER_INVALID, B(PRESIDENT), "R74"),
	ROW(NEW_DEADLINE, ANY, PERSONAL_UNPUBLISHED, ANY, IC_DRAFTER_INVALID, B(PRESIDENT), "R74"),
	ROW(NEW_DEADLINE, IC_LEVEL_PA, SECURITY_COUNCIL, ANY, IC_DRAFTER_INVALID, B(PRESIDENT) | B(SECRETARY_SC), "R70.5"),
	ROW(EXTEND, IC_LEVEL_PA, SECURITY_COUNCIL, 1, IC_DRAFTER_INVALID, B(PRESIDENT) | B(SECRETARY_SC), "R72.3"),
	ROW(TRANSFER, IC_LEVEL_PA, SECURITY_COUNCIL, 1, IC_DRAFTER_INVALID, B(PRESIDENT) | B(SECRETARY_SC), "R72.3"),
	ROW(EXTEND, IC_LEVEL_PA, SECURITY_COUNCIL, 0, IC_DRAFTER_INVALID, B(PRESIDENT) | B(SECRETARY_SC), "R69.2"),
	ROW(TRANSFER, IC_LEVEL_PA, SECURITY_COUNCIL, 0, IC_DRAFTER_INVALID, B(PRESIDENT) | B(SECRETARY_SC), "R69.2"),
	ROW(NEW_DEADLINE, IC_LEVEL_PA, ANY, ANY, IC_DRAFTER_INVALID, B(PRESIDENT) | B(HEAD_OF_PA), "R70.4"),
	ROW(EXTEND, IC_LEVEL_PA, ANY, 1, IC_DRAFTER_INVALID, B(PRESIDENT) | B(HEAD_OF_PA), "R72.2"),
	ROW(TRANSFER, IC_LEVEL_PA, ANY, 1, IC_DRAFTER_INVALID, B(PRESIDENT) | B(HEAD_OF_PA), "R72.2"),
	ROW(EXTEND, IC_LEVEL_PA, ANY, 0, IC_DRAFTER_INVALID, B(PRESIDENT) | B(HEAD_OF_PA), "R69.1"),
	ROW(TRANSFER, IC_LEVEL_PA, ANY, 0, IC_DRAFTER_INVALID, B(PRESIDENT) | B(HEAD_OF_PA), "R69.1"),
	ROW(APPROVE_ROADMAP, ANY, ANY, ANY, IC_DRAFTER_CENTRAL_OUTSIDE_GOVERNMENT, B(FIRST_HEAD), "R57"),
	ROW(APPROVE_ROADMAP, ANY, ANY, ANY, IC_DRAFTER_CENTRAL_INTERDEPARTMENTAL, B(DEPUTY_PRIME_MINISTER) | B(HEAD_OF_GOVERNMENT_OFFICE), "R57"),
	ROW(APPROVE_ROADMAP, ANY, ANY, ANY, IC_DRAFTER_LOCAL, B(AKIM), "R57"),
	ROW(APPROVE_ROADMAP, ANY, ANY, ANY, IC_DRAFTER_EXECUTOR_ONLY, B(FIRST_HEAD), "R57"),
	AUTHORITY_ROW(CENTRAL, EXTEND, B(FIRST_HEAD)), AUTHORITY_ROW(CENTRAL, NEW_DEADLINE, B(FIRST_HEAD)),
	AUTHORITY_ROW(CENTRAL, REMOVE, B(FIRST_HEAD)), AUTHORITY_ROW(CENTRAL, TRANSFER, B(FIRST_HEAD)),
	AUTHORITY_ROW(GOVERNMENT, EXTEND, B(HEAD_OF_GOVERNMENT_OFFICE) | B(PRIME_MINISTER)),
	AUTHORITY_ROW(GOVERNMENT, NEW_DEADLINE, B(HEAD_OF_GOVERNMENT_OFFICE) | B(PRIME_MINISTER)),
	AUTHORITY_ROW(GOVERNMENT, REMOVE, B(HEAD_OF_GOVERNMENT_OFFICE) | B(PRIME_MINISTER)),
	AUTHORITY_ROW(GOVERNMENT, TRANSFER, B(HEAD_OF_GOVERNMENT_OFFICE) | B(PRIME_MINISTER)),
	AUTHORITY_ROW(LOCAL, EXTEND, B(AKIM)), AUTHORITY_ROW(LOCAL, NEW_DEADLINE, B(AKIM)),
	AUTHORITY_ROW(LOCAL, REMOVE, B(AKIM)), AUTHORITY_ROW(LOCAL, TRANSFER, B(AKIM)),
	AUTHORITY_ROW(ORGANISATION, EXTEND, B(FIRST_HEAD)), AUTHORITY_ROW(ORGANISATION, NEW_DEADLINE, B(FIRST_HEAD)),
	AUTHORITY_ROW(ORGANISATION, REMOVE, B(FIRST_HEAD)), AUTHORITY_ROW(ORGANISATION, TRANSFER, B(FIRST_HEAD)),
};
static const IcMatrix empty_matrix = {0, NULL};
static const IcMatrix seed_matrix = {(int) (sizeof(seed_rows) / sizeof(seed_rows[0])), seed_rows};

/* A regular PA-level act point on control, due 2025-03-03. */
static IcDecisionContext
base(IcAction action)
{
	IcDecisionContext c;

	memset(&c, 0, sizeof(c));
	c.action = action;
	c.instruction_id = 42;
	c.kind = IC_KIND_ACT_POINT;
	c.level = IC_LEVEL_PA;
	c.regime = IC_REGIME_REGULAR;
	c.on_control = true;
	c.decided_by = D(HEAD_OF_PA);
	c.last_extension_on = IC_NO_DATE;
	c.due_date = DAY_2025_03_03;
	c.new_due_date = DAY_2025_03_03 + 30;
	c.basis_given = true;
	c.parent_due_date = IC_NO_DATE;
	c.received_on = DAY_2025_03_03 - 30;
	c.reason_given = true;
	c.new_regime = IC_REGIME_MEDIUM_TERM;
	c.new_deadline_reason = IC_REASON_QUARANTINE;
	c.ground = IC_GROUND_EXECUTED;
	c.evidence = action == IC_ACTION_REMOVE ? EV(OFFICIAL_REPORT) : 0;
	c.drafter = IC_DRAFTER_EXECUTOR_ONLY;
	c.pa_submitted_on = IC_NO_DATE;
	c.pa_agreed_on = IC_NO_DATE;
	/* R4.5: a PA-level point names what Appendix 5 fixes */
	c.pa_unit_given = true;
	c.completion_form_given = true;
	c.responsible_given = true;
	c.decided_on = DAY_2025_03_03;
	c.today = DAY_2025_03_03 + 365;
	c.last_decided_on = IC_NO_DATE;
	c.signed_on = IC_NO_DATE;
	c.term_due = IC_NO_DATE;
	c.personal_due = IC_NO_DATE;
	c.due_rolled = IC_NO_DATE;
	c.repeated_transfer_needs_review = true;
	c.receiving_body_given = true;
	c.matrix = &seed_matrix;
	return c;
}

/*
 * A calendar change (R50.3) of that point: applied by the calendar's keeper,
 * no position, the resolution as basis; the calendar now counts the due date
 * a working day later.
 */
static IcDecisionContext
calendar_change(void)
{
	IcDecisionContext c = base(IC_ACTION_CALENDAR_CHANGE);

	c.decided_by = IC_DECIDER_INVALID;
	c.calendar_keeper = true;
	c.new_due_date = IC_NO_DATE;
	c.counted_due = DAY_2025_03_03 + 1;
	c.counted_roadmap_due = IC_NO_DATE;
	c.roadmap_due_date = IC_NO_DATE;
	return c;
}

typedef struct Case
{
	const char *name;
	IcDecisionContext ctx;
	bool		allowed;
	const char *rule;			/* expected rule when refused */
	IcRuleFamily family;
} Case;

#define OK(n, c) {n, c, true, NULL, IC_FAMILY_NONE}
#define NO(n, c, r, f) {n, c, false, r, IC_FAMILY_##f}

/* Build a context with statements applied: WITH(base(..), c.x = y; ...) */
#define WITH(init, stmts) ({ IcDecisionContext c = (init); stmts; c; })

int
main(void)
{
	Case		cases[] = {
		/* R69.1: one extension, by the President or the Head of the PA, with a basis */
		OK("R69.1 first extension by head_of_pa", base(IC_ACTION_EXTEND)),
		OK("R69.1 first extension by president", WITH(base(IC_ACTION_EXTEND), c.decided_by = D(PRESIDENT))),
		NO("R69.1 extension by a PA unit head", WITH(base(IC_ACTION_EXTEND), c.decided_by = D(PA_UNIT_HEAD)), "R69.1", NOT_AUTHORISED),
		NO("R69.1 extension without basis", WITH(base(IC_ACTION_EXTEND), c.basis_given = false), "R69.1", MISSING_BASIS),
		NO("R69.1 extension to an earlier date", WITH(base(IC_ACTION_EXTEND), c.new_due_date = c.due_date - 1), "R69.1", DEADLINE),
		NO("R69.1 second extension, no review", WITH(base(IC_ACTION_EXTEND), c.prior_extensions = 1; c.last_extension_on = DAY_2025_03_03; c.last_extension_by = D(HEAD_OF_PA)), "R72.2", REPEATED_EXTENSION),
		NO("R69.1 transfer after an extension, no review", WITH(base(IC_ACTION_TRANSFER), c.prior_extensions = 1), "R72.2", REPEATED_EXTENSION),
		OK("R72 setting off: transfer after an extension without review", WITH(base(IC_ACTION_TRANSFER), c.prior_extensions = 1; c.repeated_transfer_needs_review = false)),
		NO("R72 setting off: a repeated extension still needs review", WITH(base(IC_ACTION_EXTEND), c.prior_extensions = 1; c.repeated_transfer_needs_review = false), "R72.2", REPEATED_EXTENSION),
		NO("R72.1 national plan repeated without review", WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_NATIONAL_PLAN; c.prior_extensions = 1), "R72.1", REPEATED_EXTENSION),
		NO("R72.3 SC repeated without review", WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_SECURITY_COUNCIL; c.decided_by = D(SECRETARY_SC); c.prior_extensions = 1), "R72.3", REPEATED_EXTENSION),
		NO("R72.1 national plan repeated at government level by the PM", WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_NATIONAL_PLAN; c.level = IC_LEVEL_GOVERNMENT; c.decided_by = D(PRIME_MINISTER); c.prior_extensions = 1; c.disciplinary_review_given = true), "R72.1", NOT_AUTHORISED),
		OK("R72.1 national plan repeated at government level by the President", WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_NATIONAL_PLAN; c.level = IC_LEVEL_GOVERNMENT; c.decided_by = D(PRESIDENT); c.prior_extensions = 1; c.disciplinary_review_given = true)),
		OK("R69.2 SC first extension by the President", WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_SECURITY_COUNCIL; c.decided_by = D(PRESIDENT))),
		/* decision dates and the effective date of Decree No. 403 */
		NO("Decree 403: extension dated before 2024-02-01", WITH(base(IC_ACTION_EXTEND), c.decided_on = IC_RULES_IN_FORCE_FROM - 1), "Decree No. 403", NOT_IN_FORCE),
		OK("Decree 403: extension dated 2024-02-01", WITH(base(IC_ACTION_EXTEND), c.decided_on = IC_RULES_IN_FORCE_FROM; c.received_on = IC_RULES_IN_FORCE_FROM; c.due_date = IC_RULES_IN_FORCE_FROM + 5; c.new_due_date = IC_RULES_IN_FORCE_FROM + 30)),
		NO("journal: decision dated in the future", WITH(base(IC_ACTION_EXTEND), c.decided_on = c.today + 1), "journal", DECISION_DATE),
		NO("R50.3: decision dated before receipt", WITH(base(IC_ACTION_EXTEND), c.decided_on = c.received_on - 1), "R50.3", DECISION_DATE),
		NO("journal: decision dated before the last decision", WITH(base(IC_ACTION_REMOVE), c.last_decided_on = c.decided_on + 1), "journal", DECISION_DATE),
		OK("journal: decision dated on the day of the last decision", WITH(base(IC_ACTION_REMOVE), c.last_decided_on = c.decided_on)),
		NO("R14: journal text on a state secret", WITH(base(IC_ACTION_EXTEND), c.state_secret = true; c.has_content = true), "R14", SECRECY),
		NO("R14: overlong paper reference on a state secret", WITH(base(IC_ACTION_EXTEND), c.state_secret = true; c.paper_ref_too_long = true), "R14", SECRECY),
		OK("R14: a state secret decided on its paper reference", WITH(base(IC_ACTION_EXTEND), c.state_secret = true)),
		NO("R50.3: new deadline on a day off", WITH(base(IC_ACTION_EXTEND), c.due_rolled = c.new_due_date + 2), "R50.3", DEADLINE),
		OK("R50.3: new deadline on a working day", WITH(base(IC_ACTION_EXTEND), c.due_rolled = c.new_due_date)),
		/* R69.2 / R72.3 / R70.5: Security Council */
		OK("R69.2 SC extension by secretary_sc", WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_SECURITY_COUNCIL; c.decided_by = D(SECRETARY_SC))),
		NO("R69.2 SC extension by head_of_pa", WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_SECURITY_COUNCIL), "R69.2", NOT_AUTHORISED),
		OK("R72.3 SC repeated by president with review", WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_SECURITY_COUNCIL; c.prior_extensions = 1; c.disciplinary_review_given = true; c.decided_by = D(PRESIDENT))),
		NO("R72.3 SC repeated by head_of_pa", WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_SECURITY_COUNCIL; c.prior_extensions = 1; c.disciplinary_review_given = true), "R72.3", NOT_AUTHORISED),
		OK("R70.5 SC new deadline by president", WITH(base(IC_ACTION_NEW_DEADLINE), c.kind = IC_KIND_SECURITY_COUNCIL; c.decided_by = D(PRESIDENT))),
		NO("R70.5 SC new deadline by head_of_pa", WITH(base(IC_ACTION_NEW_DEADLINE), c.kind = IC_KIND_SECURITY_COUNCIL), "R70.5", NOT_AUTHORISED),
		/* R72.1 / R72.2: repeated extensions */
		OK("R72.2 repeated with review by head_of_pa", WITH(base(IC_ACTION_EXTEND), c.prior_extensions = 1; c.disciplinary_review_given = true)),
		NO("R72.2 repeated with review by pa_unit_head", WITH(base(IC_ACTION_EXTEND), c.prior_extensions = 1; c.disciplinary_review_given = true; c.decided_by = D(PA_UNIT_HEAD)), "R72.2", NOT_AUTHORISED),
		OK("R72.1 national plan repeated by president", WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_NATIONAL_PLAN; c.prior_extensions = 2; c.disciplinary_review_given = true; c.decided_by = D(PRESIDENT))),
		NO("R72.1 national plan repeated by head_of_pa", WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_NATIONAL_PLAN; c.prior_extensions = 1; c.disciplinary_review_given = true), "R72.1", NOT_AUTHORISED),
		OK("R69.1 national plan first extension by head_of_pa", WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_NATIONAL_PLAN)),
		/* R74: personal instructions */
		OK("R74 personal extension by president", WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_PERSONAL; c.decided_by = D(PRESIDENT))),
		NO("R74 personal extension by head_of_pa", WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_PERSONAL), "R74", NOT_AUTHORISED),
		OK("R74 published personal follows general rules", WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_PERSONAL_PUBLISHED)),
		NO("R74 personal new deadline by head_of_pa", WITH(base(IC_ACTION_NEW_DEADLINE), c.kind = IC_KIND_PERSONAL), "R74", NOT_AUTHORISED),
		/* R74-1: below PA, the administrator's table decides */
		OK("R74-1 central level, first_head listed", WITH(base(IC_ACTION_EXTEND), c.level = IC_LEVEL_CENTRAL; c.decided_by = D(FIRST_HEAD);)),
		NO("R74-1 central level, head_of_pa not listed", WITH(base(IC_ACTION_EXTEND), c.level = IC_LEVEL_CENTRAL), "R74-1", NOT_AUTHORISED),
		OK("R74-1 government level, the Prime Minister listed", WITH(base(IC_ACTION_REMOVE), c.level = IC_LEVEL_GOVERNMENT; c.decided_by = D(PRIME_MINISTER))),
		NO("R74-1 government level, no row in the matrix", WITH(base(IC_ACTION_REMOVE), c.level = IC_LEVEL_GOVERNMENT; c.decided_by = D(PRIME_MINISTER); c.matrix = &empty_matrix), "R74-1", NOT_AUTHORISED),
		NO("R74-1 repeated below PA needs review", WITH(base(IC_ACTION_EXTEND), c.level = IC_LEVEL_LOCAL; c.decided_by = D(AKIM); c.prior_extensions = 1), "R72.2", REPEATED_EXTENSION),
		/* R69.3 / R69.4: transfers */
		OK("R69.3 transfer to medium term", base(IC_ACTION_TRANSFER)),
		OK("R69.4 transfer to long term", WITH(base(IC_ACTION_TRANSFER), c.new_regime = IC_REGIME_LONG_TERM)),
		NO("R69.3 transfer without circumstances", WITH(base(IC_ACTION_TRANSFER), c.reason_given = false), "R69.3", TRANSFER),
		NO("R69.4 long term without reason", WITH(base(IC_ACTION_TRANSFER), c.new_regime = IC_REGIME_LONG_TERM; c.reason_given = false), "R69.4", TRANSFER),
		NO("R69.3 transfer to regular", WITH(base(IC_ACTION_TRANSFER), c.new_regime = IC_REGIME_REGULAR), "R69.3", TRANSFER),
		NO("R69.4 long to medium", WITH(base(IC_ACTION_TRANSFER), c.regime = IC_REGIME_LONG_TERM), "R69.3", TRANSFER),
		NO("R69.3 same regime", WITH(base(IC_ACTION_TRANSFER), c.regime = IC_REGIME_MEDIUM_TERM), "R69.3", TRANSFER),
		NO("R69.1 transfer by pa_unit_head", WITH(base(IC_ACTION_TRANSFER), c.decided_by = D(PA_UNIT_HEAD)), "R69.1", NOT_AUTHORISED),
		/* R70.4: new deadline for emergencies, not counted as an extension */
		OK("R70.4 quarantine", base(IC_ACTION_NEW_DEADLINE)),
		OK("R70.4 after an extension, still allowed", WITH(base(IC_ACTION_NEW_DEADLINE), c.prior_extensions = 1)),
		NO("R70.4 no reason", WITH(base(IC_ACTION_NEW_DEADLINE), c.new_deadline_reason = IC_REASON_INVALID), "R70.4", NEW_DEADLINE),
		NO("R70.4 no basis", WITH(base(IC_ACTION_NEW_DEADLINE), c.basis_given = false), "R70.4", MISSING_BASIS),
		NO("R70.4 not later", WITH(base(IC_ACTION_NEW_DEADLINE), c.new_due_date = c.due_date), "R70.4", NEW_DEADLINE),
		/* R50.3: a calendar change moves counted dates; no extension, no position, no typed evidence */
		OK("R50.3 calendar change by the calendar's keeper", calendar_change()),
		OK("R50.3 calendar change to an earlier day", WITH(calendar_change(), c.counted_due = c.due_date - 1)),
		OK("R50.3 calendar change after an extension is no repeated one (R69.1, R72)", WITH(calendar_change(), c.prior_extensions = 1)),
		OK("R50.3 calendar change with typed basis on asks no evidence (R69.1)", WITH(calendar_change(), c.typed_basis_required = true; c.evidence = 0)),
		OK("R50.3 calendar change of the R56 roadmap only", WITH(calendar_change(), c.counted_due = IC_NO_DATE; c.roadmap_due_date = c.due_date - 20; c.counted_roadmap_due = c.due_date - 19)),
		OK("R50.3 calendar change given the counted date", WITH(calendar_change(), c.new_due_date = c.counted_due)),
		NO("R50.3 calendar change by a role that does not keep the calendar", WITH(calendar_change(), c.calendar_keeper = false), "R50.3", NOT_AUTHORISED),
		NO("R50.3 calendar change naming a decider", WITH(calendar_change(), c.decided_by = D(HEAD_OF_PA)), "R50.3", NOT_AUTHORISED),
		NO("R50.3 calendar change without basis", WITH(calendar_change(), c.basis_given = false), "R50.3", MISSING_BASIS),
		NO("R50.3 calendar change giving another date", WITH(calendar_change(), c.new_due_date = c.counted_due + 7), "R50.3", DEADLINE),
		NO("R50.3 calendar change that moves nothing", WITH(calendar_change(), c.counted_due = c.due_date), "R50.3", DEADLINE),
		NO("R50.3 calendar change of a fixed date", WITH(calendar_change(), c.counted_due = IC_NO_DATE), "R50.3", DEADLINE),
		NO("R75 calendar change of a removed instruction", WITH(calendar_change(), c.on_control = false), "R75", NOT_ON_CONTROL),
		NO("journal: calendar change dated in the future", WITH(calendar_change(), c.decided_on = c.today + 1), "journal", DECISION_DATE),
		/* R75 / R76.1 / R76.4 / R77 / R76-1 / R79: removal */
		OK("R76.1 removal by head_of_pa with report", base(IC_ACTION_REMOVE)),
		NO("R76.1 removal by pa_unit_head", WITH(base(IC_ACTION_REMOVE), c.decided_by = D(PA_UNIT_HEAD)), "R76.1", NOT_AUTHORISED),
		OK("R76.4 SC removal by secretary_sc", WITH(base(IC_ACTION_REMOVE), c.kind = IC_KIND_SECURITY_COUNCIL; c.decided_by = D(SECRETARY_SC))),
		NO("R76.4 SC removal by head_of_pa", WITH(base(IC_ACTION_REMOVE), c.kind = IC_KIND_SECURITY_COUNCIL), "R76.4", NOT_AUTHORISED),
		OK("R77 personal removal by president", WITH(base(IC_ACTION_REMOVE), c.kind = IC_KIND_PERSONAL; c.decided_by = D(PRESIDENT))),
		NO("R77 published personal removal by head_of_pa", WITH(base(IC_ACTION_REMOVE), c.kind = IC_KIND_PERSONAL_PUBLISHED), "R77", NOT_AUTHORISED),
		NO("R75 no ground", WITH(base(IC_ACTION_REMOVE), c.ground = IC_GROUND_INVALID), "R75", REMOVAL_GROUNDS),
		NO("R75 executed without evidence", WITH(base(IC_ACTION_REMOVE), c.evidence = 0), "R75", REMOVAL_GROUNDS),
		OK("R75 executed by adopted act", WITH(base(IC_ACTION_REMOVE), c.evidence = EV(ACT_ADOPTED))),
		OK("R75 duplicated by new instruction", WITH(base(IC_ACTION_REMOVE), c.ground = IC_GROUND_DUPLICATED; c.evidence = EV(NEW_INSTRUCTION))),
		NO("R75 duplicated without the new instruction", WITH(base(IC_ACTION_REMOVE), c.ground = IC_GROUND_DUPLICATED), "R75", REMOVAL_GROUNDS),
		OK("R75 control passed", WITH(base(IC_ACTION_REMOVE), c.ground = IC_GROUND_CONTROL_PASSED; c.evidence = EV(CONTROL_PASSED_DECISION))),
		NO("R42-1.4 control of a directly subordinate body's instruction passed to the Government",
		   WITH(base(IC_ACTION_REMOVE), c.ground = IC_GROUND_CONTROL_PASSED; c.evidence = EV(CONTROL_PASSED_DECISION);
				c.executor_directly_subordinate = true; c.receiver_is_government = true), "R42-1.4", CONTROL_LEVEL),
		OK("R42-1.4 control of a directly subordinate body's instruction passed to another body",
		   WITH(base(IC_ACTION_REMOVE), c.ground = IC_GROUND_CONTROL_PASSED; c.evidence = EV(CONTROL_PASSED_DECISION);
				c.executor_directly_subordinate = true; c.receiver_is_government = false)),
		OK("R42-1.4 control of another body's instruction passed to the Government",
		   WITH(base(IC_ACTION_REMOVE), c.ground = IC_GROUND_CONTROL_PASSED; c.evidence = EV(CONTROL_PASSED_DECISION);
				c.executor_directly_subordinate = false; c.receiver_is_government = true)),
		NO("R75(4) control passed to no body", WITH(base(IC_ACTION_REMOVE), c.ground = IC_GROUND_CONTROL_PASSED; c.evidence = EV(CONTROL_PASSED_DECISION); c.receiving_body_given = false), "R75", REMOVAL_GROUNDS),
		OK("R75(3) impossible on the PA's expert conclusion", WITH(base(IC_ACTION_REMOVE), c.ground = IC_GROUND_IMPOSSIBLE; c.evidence = EV(PA_EXPERT_CONCLUSION))),
		NO("R75(3) impossible on the executor's own report", WITH(base(IC_ACTION_REMOVE), c.ground = IC_GROUND_IMPOSSIBLE; c.evidence = EV(OFFICIAL_REPORT)), "R75", REMOVAL_GROUNDS),
		OK("R76-1 named law signed", WITH(base(IC_ACTION_REMOVE), c.category = IC_CATEGORY_NAMED_LAW; c.evidence = EV(LAW_SIGNED))),
		NO("R76-1 named law with a report only", WITH(base(IC_ACTION_REMOVE), c.category = IC_CATEGORY_NAMED_LAW), "R76-1", REMOVAL_GROUNDS),
		OK("R76-1 digitalisation, both documents", WITH(base(IC_ACTION_REMOVE), c.category = IC_CATEGORY_DIGITALISATION; c.evidence = EV(EXECUTOR_FINAL_REPORT) | EV(PA_UNIT_MEMO))),
		NO("R76-1 digitalisation, final report only", WITH(base(IC_ACTION_REMOVE), c.category = IC_CATEGORY_DIGITALISATION; c.evidence = EV(EXECUTOR_FINAL_REPORT)), "R76-1", REMOVAL_GROUNDS),
		OK("R76-1 monument memo", WITH(base(IC_ACTION_REMOVE), c.category = IC_CATEGORY_MONUMENT; c.evidence = EV(PA_UNIT_MEMO))),
		OK("R76-1 event held", WITH(base(IC_ACTION_REMOVE), c.category = IC_CATEGORY_EVENT_OR_NAMING; c.evidence = EV(EVENT_HELD))),
		OK("R76-1 law amendments conclusion", WITH(base(IC_ACTION_REMOVE), c.category = IC_CATEGORY_LAW_AMENDMENTS; c.evidence = EV(PA_EXPERT_CONCLUSION))),
		/* R74, R77 at every level of control (rules.md, revised round 3) */
		NO("R74 local personal extension by the akim", WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_PERSONAL; c.level = IC_LEVEL_LOCAL; c.decided_by = D(AKIM)), "R74", NOT_AUTHORISED),
		OK("R74 local personal extension by the President", WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_PERSONAL; c.level = IC_LEVEL_LOCAL; c.decided_by = D(PRESIDENT))),
		NO("R74 government personal transfer by the Prime Minister", WITH(base(IC_ACTION_TRANSFER), c.kind = IC_KIND_PERSONAL; c.level = IC_LEVEL_GOVERNMENT; c.decided_by = D(PRIME_MINISTER)), "R74", NOT_AUTHORISED),
		NO("R74 central personal new deadline by the first head", WITH(base(IC_ACTION_NEW_DEADLINE), c.kind = IC_KIND_PERSONAL; c.level = IC_LEVEL_CENTRAL; c.decided_by = D(FIRST_HEAD)), "R74", NOT_AUTHORISED),
		OK("R74 local published personal extension by the akim (general rules, R74-1)", WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_PERSONAL_PUBLISHED; c.level = IC_LEVEL_LOCAL; c.decided_by = D(AKIM))),
		NO("R77 local personal removal by the akim", WITH(base(IC_ACTION_REMOVE), c.kind = IC_KIND_PERSONAL; c.level = IC_LEVEL_LOCAL; c.decided_by = D(AKIM)), "R77", NOT_AUTHORISED),
		NO("R77 organisation published personal removal by the first head", WITH(base(IC_ACTION_REMOVE), c.kind = IC_KIND_PERSONAL_PUBLISHED; c.level = IC_LEVEL_ORGANISATION; c.decided_by = D(FIRST_HEAD)), "R77", NOT_AUTHORISED),
		OK("R77 local personal removal by the President", WITH(base(IC_ACTION_REMOVE), c.kind = IC_KIND_PERSONAL; c.level = IC_LEVEL_LOCAL; c.decided_by = D(PRESIDENT))),
		/* R75(3), R76-1 below PA level: the controlling body's unit gives the conclusion or memo */
		OK("R75(3) government removal on the controlling body's expert conclusion", WITH(base(IC_ACTION_REMOVE), c.level = IC_LEVEL_GOVERNMENT; c.decided_by = D(PRIME_MINISTER); c.ground = IC_GROUND_IMPOSSIBLE; c.evidence = EV(BODY_EXPERT_CONCLUSION))),
		OK("R75(3) local removal on the controlling body's expert conclusion", WITH(base(IC_ACTION_REMOVE), c.level = IC_LEVEL_LOCAL; c.decided_by = D(AKIM); c.ground = IC_GROUND_IMPOSSIBLE; c.evidence = EV(BODY_EXPERT_CONCLUSION))),
		OK("R75(3) government removal on the PA's own expert conclusion", WITH(base(IC_ACTION_REMOVE), c.level = IC_LEVEL_GOVERNMENT; c.decided_by = D(PRIME_MINISTER); c.ground = IC_GROUND_IMPOSSIBLE; c.evidence = EV(PA_EXPERT_CONCLUSION))),
		NO("R75(3) government removal on the executor's own report", WITH(base(IC_ACTION_REMOVE), c.level = IC_LEVEL_GOVERNMENT; c.decided_by = D(PRIME_MINISTER); c.ground = IC_GROUND_IMPOSSIBLE; c.evidence = EV(OFFICIAL_REPORT)), "R75", REMOVAL_GROUNDS),
		NO("R75(3) PA removal on a body's expert conclusion", WITH(base(IC_ACTION_REMOVE), c.ground = IC_GROUND_IMPOSSIBLE; c.evidence = EV(BODY_EXPERT_CONCLUSION)), "R75", REMOVAL_GROUNDS),
		OK("R76-1 local monument on the controlling body's memo", WITH(base(IC_ACTION_REMOVE), c.level = IC_LEVEL_LOCAL; c.decided_by = D(AKIM); c.category = IC_CATEGORY_MONUMENT; c.evidence = EV(BODY_UNIT_MEMO))),
		NO("R76-1 PA monument on a body's memo", WITH(base(IC_ACTION_REMOVE), c.category = IC_CATEGORY_MONUMENT; c.evidence = EV(BODY_UNIT_MEMO)), "R76-1", REMOVAL_GROUNDS),
		OK("R76-1 central digitalisation, final report and the body's memo", WITH(base(IC_ACTION_REMOVE), c.level = IC_LEVEL_CENTRAL; c.decided_by = D(FIRST_HEAD); c.category = IC_CATEGORY_DIGITALISATION; c.evidence = EV(EXECUTOR_FINAL_REPORT) | EV(BODY_UNIT_MEMO))),
		NO("R76-1 central digitalisation, the body's memo only", WITH(base(IC_ACTION_REMOVE), c.level = IC_LEVEL_CENTRAL; c.decided_by = D(FIRST_HEAD); c.category = IC_CATEGORY_DIGITALISATION; c.evidence = EV(BODY_UNIT_MEMO)), "R76-1", REMOVAL_GROUNDS),
		/* R69.1, R70.4: the typed basis */
		OK("R69.1 extension on the PA unit's expert conclusion", WITH(base(IC_ACTION_EXTEND), c.basis_given = false; c.evidence = EV(PA_EXPERT_CONCLUSION))),
		OK("R69.1 extension on the PA's agreement to the proposal", WITH(base(IC_ACTION_EXTEND), c.basis_given = false; c.evidence = EV(PA_AGREEMENT))),
		NO("R69.1 extension on the executor's report only", WITH(base(IC_ACTION_EXTEND), c.evidence = EV(OFFICIAL_REPORT)), "R69.1", MISSING_BASIS),
		NO("R69.1 PA-level extension on a body's agreement", WITH(base(IC_ACTION_EXTEND), c.evidence = EV(BODY_AGREEMENT)), "R69.1", MISSING_BASIS),
		OK("R69.1 central extension on the controlling body's agreement (R74-1)", WITH(base(IC_ACTION_EXTEND), c.level = IC_LEVEL_CENTRAL; c.decided_by = D(FIRST_HEAD); c.evidence = EV(BODY_AGREEMENT))),
		OK("R69.1 transfer on the PA's agreement", WITH(base(IC_ACTION_TRANSFER), c.evidence = EV(PA_AGREEMENT))),
		NO("R69.1 typed basis required: free text alone", WITH(base(IC_ACTION_EXTEND), c.typed_basis_required = true), "R69.1", MISSING_BASIS),
		OK("R69.1 typed basis required: the expert conclusion", WITH(base(IC_ACTION_EXTEND), c.typed_basis_required = true; c.evidence = EV(PA_EXPERT_CONCLUSION))),
		OK("R70.4 new deadline on the executor's letter", WITH(base(IC_ACTION_NEW_DEADLINE), c.evidence = EV(EXECUTOR_LETTER))),
		NO("R70.4 new deadline on the PA's agreement", WITH(base(IC_ACTION_NEW_DEADLINE), c.evidence = EV(PA_AGREEMENT)), "R70.4", MISSING_BASIS),
		NO("R79 body removes before the PA", WITH(base(IC_ACTION_REMOVE), c.level = IC_LEVEL_CENTRAL; c.decided_by = D(FIRST_HEAD); c.pa_record_on_control = 7), "R79", REMOVAL_ORDER),
		OK("R79 body removes after the PA", WITH(base(IC_ACTION_REMOVE), c.level = IC_LEVEL_CENTRAL; c.decided_by = D(FIRST_HEAD); c.pa_record_on_control = 0)),
		NO("removed instruction takes no decision", WITH(base(IC_ACTION_EXTEND), c.on_control = false), "R75", NOT_ON_CONTROL),
		/* R42-1, R14, R50: putting on control */
		OK("R42-1 act point on PA control", base(IC_ACTION_PUT_ON_CONTROL)),
		NO("R42-1.2 local character on PA control", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.local_character = true), "R42-1.2", CONTROL_LEVEL),
		OK("R42-1.2 local character with public resonance", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.local_character = true; c.public_resonance = true)),
		OK("R42-1.2 local character at local level", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.local_character = true; c.level = IC_LEVEL_LOCAL)),
		NO("R42-1.1 SC decision at government level", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.kind = IC_KIND_SECURITY_COUNCIL; c.level = IC_LEVEL_GOVERNMENT), "R42-1.1", CONTROL_LEVEL),
		OK("R42-1.1 SC decision passed down to the government", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.kind = IC_KIND_SECURITY_COUNCIL; c.level = IC_LEVEL_GOVERNMENT; c.passed_down = true)),
		OK("R42-1.2 personal of local character at central level", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.kind = IC_KIND_PERSONAL; c.level = IC_LEVEL_CENTRAL; c.local_character = true)),
		NO("R42-1.2 personal of local character at PA level", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.kind = IC_KIND_PERSONAL; c.local_character = true), "R42-1.2", CONTROL_LEVEL),
		NO("R42-1.1 personal with resonance below PA", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.kind = IC_KIND_PERSONAL; c.level = IC_LEVEL_CENTRAL; c.local_character = true; c.public_resonance = true), "R42-1.1", CONTROL_LEVEL),
		NO("Decree 403: received before 2024-02-01", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.received_on = IC_RULES_IN_FORCE_FROM - 1), "Decree No. 403", NOT_IN_FORCE),
		NO("R50.3 received before signed", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.signed_on = c.received_on + 1), "R50.3", DEADLINE),
		NO("R50.3 explicit due contradicts the term", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.explicit_due = true; c.term_due = c.due_date - 7; c.deadline_source = IC_SOURCE_ACT), "R50.3", DEADLINE),
		OK("R50.3 explicit due equal to the term", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.explicit_due = true; c.term_due = c.due_date)),
		NO("R50.2 explicit due without its source", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.explicit_due = true), "R50.2", DEADLINE),
		OK("R50.2 explicit due set by the PA", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.explicit_due = true; c.deadline_source = IC_SOURCE_PA)),
		NO("R50.3 explicit due on a day off", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.explicit_due = true; c.deadline_source = IC_SOURCE_ACT; c.due_rolled = c.due_date + 2), "R50.3", DEADLINE),
		NO("R51 personal due later than two weeks", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.kind = IC_KIND_PERSONAL; c.explicit_due = true; c.deadline_source = IC_SOURCE_RESOLUTION; c.personal_due = c.due_date - 10), "R51", DEADLINE),
		OK("R51 personal whose text sets another term", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.kind = IC_KIND_PERSONAL; c.explicit_due = true; c.deadline_source = IC_SOURCE_ACT; c.personal_due = c.due_date - 10)),
		NO("R14 state secret with an overlong paper card", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.state_secret = true; c.has_paper_card = true; c.paper_ref_too_long = true), "R14", SECRECY),
		NO("R14 state secret with content", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.state_secret = true; c.has_content = true; c.has_paper_card = true), "R14", SECRECY),
		NO("R50.2 state secret without paper card", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.state_secret = true), "R50.2", SECRECY),
		OK("R14 state secret, requisites only", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.state_secret = true; c.has_paper_card = true)),
		NO("R50.2 no deadline", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.due_date = IC_NO_DATE), "R50.2", DEADLINE),
		NO("R50.3 due before receipt", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.due_date = c.received_on - 1), "R50.3", DEADLINE),
		NO("R50.1 sub-instruction after parent", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.parent_due_date = c.due_date - 1), "R50.1", DEADLINE),
		OK("R50.1 sub-instruction on parent's day", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.parent_due_date = c.due_date)),
		NO("R50.1 extension past parent", WITH(base(IC_ACTION_EXTEND), c.parent_due_date = c.due_date + 1), "R50.1", DEADLINE),
		/* R57: roadmap approval */
		OK("R57 executor-only roadmap by first head", WITH(base(IC_ACTION_APPROVE_ROADMAP), c.decided_by = D(FIRST_HEAD))),
		NO("R57 interdepartmental roadmap by first head", WITH(base(IC_ACTION_APPROVE_ROADMAP), c.drafter = IC_DRAFTER_CENTRAL_INTERDEPARTMENTAL; c.decided_by = D(FIRST_HEAD)), "R57", NOT_AUTHORISED),
		OK("R57 interdepartmental roadmap by deputy PM", WITH(base(IC_ACTION_APPROVE_ROADMAP), c.drafter = IC_DRAFTER_CENTRAL_INTERDEPARTMENTAL; c.decided_by = D(DEPUTY_PRIME_MINISTER))),
		OK("R57 local roadmap by akim", WITH(base(IC_ACTION_APPROVE_ROADMAP), c.drafter = IC_DRAFTER_LOCAL; c.decided_by = D(AKIM))),
		NO("R57 touching Government's powers, not agreed", WITH(base(IC_ACTION_APPROVE_ROADMAP), c.drafter = IC_DRAFTER_CENTRAL_OUTSIDE_GOVERNMENT; c.decided_by = D(FIRST_HEAD); c.touches_government_powers = true), "R57", ROADMAP),
		/* R57: the drafter the body fits (state_body), the PA's dates */
		OK("R57 body inside the Government, interdepartmental", WITH(base(IC_ACTION_APPROVE_ROADMAP), c.drafter_body = IC_DRAFTER_BODY_INSIDE_GOVERNMENT; c.drafter = IC_DRAFTER_CENTRAL_INTERDEPARTMENTAL; c.decided_by = D(DEPUTY_PRIME_MINISTER))),
		NO("R57 body inside the Government declares outside", WITH(base(IC_ACTION_APPROVE_ROADMAP), c.drafter_body = IC_DRAFTER_BODY_INSIDE_GOVERNMENT; c.drafter = IC_DRAFTER_CENTRAL_OUTSIDE_GOVERNMENT; c.decided_by = D(FIRST_HEAD)), "R57", ROADMAP),
		NO("R57 body outside the Government declares interdepartmental", WITH(base(IC_ACTION_APPROVE_ROADMAP), c.drafter_body = IC_DRAFTER_BODY_OUTSIDE_GOVERNMENT; c.drafter = IC_DRAFTER_CENTRAL_INTERDEPARTMENTAL; c.decided_by = D(DEPUTY_PRIME_MINISTER)), "R57", ROADMAP),
		OK("R57 body outside the Government, its first head", WITH(base(IC_ACTION_APPROVE_ROADMAP), c.drafter_body = IC_DRAFTER_BODY_OUTSIDE_GOVERNMENT; c.drafter = IC_DRAFTER_CENTRAL_OUTSIDE_GOVERNMENT; c.decided_by = D(FIRST_HEAD))),
		NO("R57 central body declares local", WITH(base(IC_ACTION_APPROVE_ROADMAP), c.drafter_body = IC_DRAFTER_BODY_OUTSIDE_GOVERNMENT; c.drafter = IC_DRAFTER_LOCAL; c.decided_by = D(AKIM)), "R57", ROADMAP),
		OK("R57 organisation, executor only", WITH(base(IC_ACTION_APPROVE_ROADMAP), c.drafter_body = IC_DRAFTER_BODY_ORGANISATION; c.decided_by = D(FIRST_HEAD))),
		OK("R57 submitted and agreed in order", WITH(base(IC_ACTION_APPROVE_ROADMAP), c.decided_by = D(FIRST_HEAD); c.pa_submitted_on = c.decided_on; c.pa_agreed_on = c.decided_on + 4)),
		NO("R57 agreed without submission", WITH(base(IC_ACTION_APPROVE_ROADMAP), c.decided_by = D(FIRST_HEAD); c.pa_agreed_on = c.decided_on + 4), "R57", ROADMAP),
		NO("R57 agreed before submission", WITH(base(IC_ACTION_APPROVE_ROADMAP), c.decided_by = D(FIRST_HEAD); c.pa_submitted_on = c.decided_on + 2; c.pa_agreed_on = c.decided_on + 1), "R57", ROADMAP),
		NO("R57 agreed before approval", WITH(base(IC_ACTION_APPROVE_ROADMAP), c.decided_by = D(FIRST_HEAD); c.pa_submitted_on = c.received_on; c.pa_agreed_on = c.decided_on - 1), "R57", ROADMAP),
		NO("R57 submitted before receipt", WITH(base(IC_ACTION_APPROVE_ROADMAP), c.decided_by = D(FIRST_HEAD); c.pa_submitted_on = c.received_on - 1), "R57", ROADMAP),
		NO("R57 agreed in the future", WITH(base(IC_ACTION_APPROVE_ROADMAP), c.decided_by = D(FIRST_HEAD); c.pa_submitted_on = c.decided_on; c.pa_agreed_on = c.today + 1), "R57", ROADMAP),
		NO("R57 submitted in the future", WITH(base(IC_ACTION_APPROVE_ROADMAP), c.decided_by = D(FIRST_HEAD); c.pa_submitted_on = c.today + 1), "R57", ROADMAP),
		/* R72.4: information on measures */
		NO("R72.4 measures report without repeated extension", WITH(base(IC_ACTION_SUBMIT_REPORT), c.is_measures_report = true), "R72.4", REPORT),
		OK("R72.4 measures report after repeated extension", WITH(base(IC_ACTION_SUBMIT_REPORT), c.is_measures_report = true; c.has_repeated_extension = true)),
		NO("report on a removed instruction", WITH(base(IC_ACTION_SUBMIT_REPORT), c.on_control = false), "R75", NOT_ON_CONTROL),
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		IcVerdict	v;
		bool		got = ic_rules_decide(&cases[i].ctx, &v);

		CHECK(got == cases[i].allowed, "%s: expected %s, got %s (%s; %s)", cases[i].name,
			  cases[i].allowed ? "allowed" : "refused", got ? "allowed" : "refused",
			  v.message, v.detail);
		if (!cases[i].allowed && !got)
		{
			CHECK(strcmp(v.rule, cases[i].rule) == 0, "%s: rule %s, expected %s",
				  cases[i].name, v.rule, cases[i].rule);
			CHECK(v.family == cases[i].family, "%s: family %d, expected %d",
				  cases[i].name, (int) v.family, (int) cases[i].family);
			CHECK(v.hint[0] != '\0' && v.detail[0] != '\0', "%s: has detail and hint", cases[i].name);
		}
	}

	/* The DETAIL of a repeated extension gives the facts. */
	{
		IcVerdict	v;
		IcDecisionContext c = base(IC_ACTION_EXTEND);

		c.prior_extensions = 1;
		c.last_extension_on = DAY_2025_03_03;
		c.last_extension_by = D(HEAD_OF_PA);
		ic_rules_decide(&c, &v);
		CHECK(strcmp(v.detail, "Instruction 42 was already extended on 2025-03-03 by head_of_pa (R69.1 allows one extension or transfer).") == 0,
			  "repeated extension detail: %s", v.detail);
		CHECK(strstr(v.message, "(R72.2)") != NULL && strstr(v.message, "repeated extension") != NULL,
			  "R72.2 named in the message: %s", v.message);
		c.action = IC_ACTION_TRANSFER;
		c.last_extension_action = IC_ACTION_TRANSFER;
		ic_rules_decide(&c, &v);
		CHECK(strstr(v.detail, "was already transferred") != NULL && strstr(v.message, "repeated transfer") != NULL,
			  "a transfer says transferred: %s / %s", v.message, v.detail);
		CHECK(strstr(v.hint, "disciplinary_review") != NULL && strstr(v.hint, "R72.2") != NULL,
			  "repeated extension hint: %s", v.hint);
	}

	/* R56: roadmap requirement */
	CHECK(ic_rules_roadmap_required(0, 200, 2, false), "R56: > 6 months, 2 bodies");
	CHECK(ic_rules_roadmap_required(0, 200, 1, true), "R56: > 6 months, new approaches");
	CHECK(!ic_rules_roadmap_required(0, 200, 1, false), "R56: > 6 months, one body, nothing new");
	CHECK(!ic_rules_roadmap_required(0, 182, 3, true), "R56: exactly 6 months is not more");
	CHECK(ic_rules_roadmap_required(0, 183, 3, true), "R56: 6 months and a day");
	/* R56 measures the term to its nominal end (ic_rules_term_end), not rolled */
	CHECK(ic_rules_term_end(0, IC_TERM_MONTHS, 6, 185) == 182, "R56: 6 months end on day 182 however rolled");
	CHECK(ic_rules_term_end(0, IC_TERM_WEEKS, 26, 184) == 182, "R56: 26 weeks end on day 182");
	CHECK(ic_rules_term_end(0, IC_TERM_DAYS, 183, 185) == 183, "R56: 183 days end on day 183");
	CHECK(ic_rules_term_end(0, IC_TERM_WORKING_DAYS, 130, 185) == 185, "R56: working days end on their deadline");
	CHECK(ic_rules_term_end(IC_NO_DATE, IC_TERM_MONTHS, 6, 185) == 185, "R56: no receipt, the deadline");
	CHECK(!ic_rules_roadmap_required(0, ic_rules_term_end(0, IC_TERM_MONTHS, 6, 185), 2, false),
		  "R56: six months rolled past six months ask for no roadmap");

	/* Dates and months */
	{
		char		buf[16];

		CHECK(strcmp(ic_format_day(0, buf, sizeof(buf)), "2000-01-01") == 0, "day 0");
		CHECK(strcmp(ic_format_day(DAY_2025_03_03, buf, sizeof(buf)), "2025-03-03") == 0, "2025-03-03: %s", buf);
		CHECK(strcmp(ic_format_day(-1, buf, sizeof(buf)), "1999-12-31") == 0, "day -1");
		CHECK(strcmp(ic_format_day(ic_cal_add_months(30, 1), buf, sizeof(buf)), "2000-02-29") == 0,
			  "Jan 31 + 1 month clamps to Feb 29 in a leap year: %s", buf);
		CHECK(strcmp(ic_format_day(ic_cal_add_months(DAY_2025_03_03, -3), buf, sizeof(buf)), "2024-12-03") == 0,
			  "minus months: %s", buf);
	}

	/* Codes round-trip */
	for (int d = 1; d < IC_DECIDER_COUNT; d++)
	{
		IcDecider	back;

		CHECK(ic_decider_parse(ic_decider_code((IcDecider) d), &back) && (int) back == d, "decider %d", d);
	}
	{
		IcEvidence	e;
		IcRegime	r;

		CHECK(!ic_decider_parse("king", &(IcDecider) {0}), "unknown decider");
		CHECK(ic_evidence_parse("law_signed", &e) && e == IC_EVIDENCE_LAW_SIGNED, "evidence code");
		CHECK(!ic_regime_parse("invalid", &r), "'invalid' is not a code");
	}
	for (int v = IC_SECRECY_NONE; v <= IC_SECRECY_STATE_SECRET; v++)
	{
		IcSecrecy	back;

		CHECK(ic_secrecy_parse(ic_secrecy_code((IcSecrecy) v), &back) && (int) back == v, "secrecy %d", v);
	}
	for (int v = IC_STATUS_ON_CONTROL; v <= IC_STATUS_REMOVED; v++)
	{
		IcStatus	back;

		CHECK(ic_status_parse(ic_status_code((IcStatus) v), &back) && (int) back == v, "status %d", v);
	}
	for (int v = IC_REPORT_INTERMEDIATE; v <= IC_REPORT_MEASURES; v++)
	{
		IcReportKind back;

		CHECK(ic_report_kind_parse(ic_report_kind_code((IcReportKind) v), &back) && (int) back == v, "report kind %d", v);
	}
	CHECK(!ic_secrecy_parse("top_secret", &(IcSecrecy) {0}) && !ic_status_parse("", &(IcStatus) {0}),
		  "unknown secrecy and status codes");
	/*
	 * The matrix: every seeded row is the answer for the decision it was
	 * written for (rule id and deciders), rows out of force are skipped, and
	 * changing a row's deciders is what changes the verdict.
	 */
	{
		typedef struct Hit
		{
			IcDecisionContext ctx;
			const char *rule;
			IcDeciderSet deciders;
		} Hit;
		Hit			hits[] = {
			{WITH(base(IC_ACTION_REMOVE), c.kind = IC_KIND_PERSONAL_PUBLISHED), "R77", B(PRESIDENT)},
			{WITH(base(IC_ACTION_REMOVE), c.kind = IC_KIND_SECURITY_COUNCIL), "R76.4", B(PRESIDENT) | B(SECRETARY_SC)},
			{base(IC_ACTION_REMOVE), "R76.1", B(PRESIDENT) | B(HEAD_OF_PA)},
			{WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_NATIONAL_PLAN; c.level = IC_LEVEL_LOCAL; c.prior_extensions = 1), "R72.1", B(PRESIDENT)},
			{WITH(base(IC_ACTION_TRANSFER), c.kind = IC_KIND_NATIONAL_PLAN; c.prior_extensions = 1), "R72.1", B(PRESIDENT)},
			{WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_PERSONAL), "R74", B(PRESIDENT)},
			{WITH(base(IC_ACTION_TRANSFER), c.kind = IC_KIND_PERSONAL), "R74", B(PRESIDENT)},
			{WITH(base(IC_ACTION_NEW_DEADLINE), c.kind = IC_KIND_PERSONAL), "R74", B(PRESIDENT)},
			{WITH(base(IC_ACTION_NEW_DEADLINE), c.kind = IC_KIND_SECURITY_COUNCIL), "R70.5", B(PRESIDENT) | B(SECRETARY_SC)},
			{WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_SECURITY_COUNCIL; c.prior_extensions = 1), "R72.3", B(PRESIDENT) | B(SECRETARY_SC)},
			{WITH(base(IC_ACTION_TRANSFER), c.kind = IC_KIND_SECURITY_COUNCIL; c.prior_extensions = 1), "R72.3", B(PRESIDENT) | B(SECRETARY_SC)},
			{WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_SECURITY_COUNCIL), "R69.2", B(PRESIDENT) | B(SECRETARY_SC)},
			{WITH(base(IC_ACTION_TRANSFER), c.kind = IC_KIND_SECURITY_COUNCIL), "R69.2", B(PRESIDENT) | B(SECRETARY_SC)},
			{base(IC_ACTION_NEW_DEADLINE), "R70.4", B(PRESIDENT) | B(HEAD_OF_PA)},
			{WITH(base(IC_ACTION_EXTEND), c.prior_extensions = 1), "R72.2", B(PRESIDENT) | B(HEAD_OF_PA)},
			{WITH(base(IC_ACTION_TRANSFER), c.prior_extensions = 1), "R72.2", B(PRESIDENT) | B(HEAD_OF_PA)},
			{base(IC_ACTION_EXTEND), "R69.1", B(PRESIDENT) | B(HEAD_OF_PA)},
			{base(IC_ACTION_TRANSFER), "R69.1", B(PRESIDENT) | B(HEAD_OF_PA)},
			{WITH(base(IC_ACTION_APPROVE_ROADMAP), c.drafter = IC_DRAFTER_CENTRAL_OUTSIDE_GOVERNMENT), "R57", B(FIRST_HEAD)},
			{WITH(base(IC_ACTION_APPROVE_ROADMAP), c.drafter = IC_DRAFTER_CENTRAL_INTERDEPARTMENTAL), "R57", B(DEPUTY_PRIME_MINISTER) | B(HEAD_OF_GOVERNMENT_OFFICE)},
			{WITH(base(IC_ACTION_APPROVE_ROADMAP), c.drafter = IC_DRAFTER_LOCAL), "R57", B(AKIM)},
			{WITH(base(IC_ACTION_APPROVE_ROADMAP), c.drafter = IC_DRAFTER_EXECUTOR_ONLY), "R57", B(FIRST_HEAD)},
			{WITH(base(IC_ACTION_EXTEND), c.level = IC_LEVEL_GOVERNMENT; c.kind = IC_KIND_SECURITY_COUNCIL), "R74-1", B(PRIME_MINISTER) | B(HEAD_OF_GOVERNMENT_OFFICE)},
			{WITH(base(IC_ACTION_REMOVE), c.level = IC_LEVEL_ORGANISATION), "R74-1", B(FIRST_HEAD)},
			{WITH(base(IC_ACTION_REMOVE), c.level = IC_LEVEL_ORGANISATION; c.kind = IC_KIND_PERSONAL), "R77", B(PRESIDENT)},
			{WITH(base(IC_ACTION_EXTEND), c.level = IC_LEVEL_LOCAL; c.kind = IC_KIND_PERSONAL), "R74", B(PRESIDENT)},
			{WITH(base(IC_ACTION_TRANSFER), c.level = IC_LEVEL_LOCAL; c.prior_extensions = 1), "R74-1", B(AKIM)},
		};
		IcMatrixRow changed[sizeof(seed_rows) / sizeof(seed_rows[0])];
		IcMatrix	changed_matrix = {seed_matrix.nrows, changed};
		IcDecisionContext c;
		IcVerdict	v;
		const char *rule;

		for (size_t i = 0; i < sizeof(hits) / sizeof(hits[0]); i++)
		{
			IcDeciderSet got = ic_rules_allowed_deciders(&hits[i].ctx, &rule);

			CHECK(rule != NULL && strcmp(rule, hits[i].rule) == 0 && got == hits[i].deciders,
				  "matrix hit %zu: rule %s deciders %x, expected %s %x", i, rule ? rule : "(null)",
				  (unsigned) got, hits[i].rule, (unsigned) hits[i].deciders);
		}

		/* every seeded decree row is hit by one of the cases above */
		for (int r = 0; r < seed_matrix.nrows; r++)
		{
			bool		hit = false;

			if (strcmp(seed_rows[r].rule, "R74-1") == 0)
				continue;
			for (size_t i = 0; i < sizeof(hits) / sizeof(hits[0]); i++)
				hit |= ic_matrix_match(&seed_matrix, &hits[i].ctx, hits[i].ctx.decided_on) == &seed_rows[r];
			CHECK(hit, "seeded matrix row %d (%s) is pinned by a case", r, seed_rows[r].rule);
		}

		/* decisions before the rows are in force find no row */
		c = WITH(base(IC_ACTION_EXTEND), c.decided_on = FROM_2024 - 1);
		CHECK(ic_rules_allowed_deciders(&c, &rule) == 0 && strcmp(rule, "matrix") == 0,
			  "no row is in force before 2024-02-01: %s", rule);

		/* R70.4's deciders are one row: take the Head of the PA out, the verdict changes */
		memcpy(changed, seed_rows, sizeof(seed_rows));
		for (int r = 0; r < seed_matrix.nrows; r++)
			if (strcmp(changed[r].rule, "R70.4") == 0)
				changed[r].deciders = B(PRESIDENT);
		c = base(IC_ACTION_NEW_DEADLINE);
		CHECK(ic_rules_decide(&c, &v), "R70.4 new deadline by head_of_pa with the seeded matrix");
		c.matrix = &changed_matrix;
		CHECK(!ic_rules_decide(&c, &v) && v.family == IC_FAMILY_NOT_AUTHORISED && strcmp(v.rule, "R70.4") == 0,
			  "R70.4 with the changed row refuses head_of_pa: %s", v.message);

		/* a row out of force gives way to the next (an amendment with dates) */
		changed[13].effective_to = FROM_2024 + 10;	/* R70.4 ends ... */
		c = WITH(base(IC_ACTION_NEW_DEADLINE), c.decided_on = FROM_2024 + 11; c.received_on = FROM_2024; c.due_date = FROM_2024 + 20; c.new_due_date = FROM_2024 + 40);
		c.matrix = &changed_matrix;
		CHECK(ic_rules_allowed_deciders(&c, &rule) == 0, "after effective_to no R70.4 row answers");
		c.decided_on = FROM_2024 + 10;
		CHECK(ic_rules_allowed_deciders(&c, &rule) == B(PRESIDENT) && strcmp(rule, "R70.4") == 0,
			  "on effective_to the R70.4 row still answers");
		CHECK(ic_kind_class_matches(IC_KINDS_PERSONAL, IC_KIND_PERSONAL_PUBLISHED) &&
			  !ic_kind_class_matches(IC_KINDS_PERSONAL_UNPUBLISHED, IC_KIND_PERSONAL_PUBLISHED) &&
			  ic_kind_class_matches(IC_KINDS_ANY, IC_KIND_DOCUMENT) &&
			  !ic_kind_class_matches(IC_KINDS_INVALID, IC_KIND_DOCUMENT),
			  "kind classes are the kind predicates");
		CHECK(ic_kind_class_matches(IC_KINDS_DOCUMENT_OR_APPEAL, IC_KIND_DOCUMENT) &&
			  !ic_kind_class_matches(IC_KINDS_DOCUMENT_OR_APPEAL, IC_KIND_ACT_POINT) &&
			  !ic_kind_class_matches(IC_KINDS_DOCUMENT_OR_APPEAL, IC_KIND_PERSONAL),
			  "R48-1: document_or_appeal is the kind document only");
		{
			IcKindClass k;

			CHECK(ic_kind_class_parse("document_or_appeal", &k) && k == IC_KINDS_DOCUMENT_OR_APPEAL &&
				  strcmp(ic_kind_class_code(IC_KINDS_DOCUMENT_OR_APPEAL), "document_or_appeal") == 0,
				  "R48-1: the class's code reads and writes");
		}
	}

	/* A calendar change: no position decides it, and it is never a repeated extension (R50.3, R72). */
	{
		IcDecisionContext c = calendar_change();
		const char *rule = NULL;
		IcAction	a;

		CHECK(ic_rules_allowed_deciders(&c, &rule) == 0 && strcmp(rule, "R50.3") == 0,
			  "R50.3: no position decides a calendar change");
		c.prior_extensions = 3;
		CHECK(!ic_rules_is_repeated_extension(&c), "R72: a calendar change is never a repeated extension");
		CHECK(ic_action_parse("calendar_change", &a) && a == IC_ACTION_CALENDAR_CHANGE &&
			  strcmp(ic_action_code(IC_ACTION_CALENDAR_CHANGE), "calendar_change") == 0,
			  "the kind calendar_change reads and writes");
	}

	return UNIT_SUMMARY();
}
