/*
 * rules_roadmap_test.c
 *		Unit tests of ic_rules_roadmap_approvers() (rules_roadmap_core.c):
 *		who may approve a roadmap (R57), read from the drafting body, never
 *		from a declared drafter -- allowed and refused per kind of body.
 */
#include <string.h>

#include "rules_matrix_core.h"
#include "rules_roadmap_core.h"
#include "unit.h"

#define B(x) IC_DECIDER_BIT(IC_DECIDER_##x)
#define ANY IC_MATRIX_ANY
#define ROW(draft, deciders) \
	{IC_ACTION_APPROVE_ROADMAP, ANY, IC_KINDS_ANY, ANY, draft, deciders, "R57", IC_RULES_IN_FORCE_FROM, IC_NO_DATE}

/* The seeded R57 rows of decision_rule (sql/src/30_registry.sql, ids 200-203). */
static const IcMatrixRow r57_rows[] = {
	ROW(IC_DRAFTER_CENTRAL_OUTSIDE_GOVERNMENT, B(FIRST_HEAD)),
	ROW(IC_DRAFTER_CENTRAL_INTERDEPARTMENTAL, B(DEPUTY_PRIME_MINISTER) | B(HEAD_OF_GOVERNMENT_OFFICE)),
	ROW(IC_DRAFTER_LOCAL, B(AKIM)),
	ROW(IC_DRAFTER_EXECUTOR_ONLY, B(FIRST_HEAD)),
};
static const IcMatrix r57_matrix = {(int) (sizeof(r57_rows) / sizeof(r57_rows[0])), r57_rows};

int
main(void)
{
	static const struct
	{
		const char *name;
		const char *body_type;
		bool		inside_government;
		bool		directly_subordinate;
		IcDeciderSet allowed;
		IcDeciderSet refused;
	}			cases[] = {
		{"R57 ministry inside the Government: Deputy PM, Head of the Government Office, or its first head (own measures)",
			"central", true, false,
			B(DEPUTY_PRIME_MINISTER) | B(HEAD_OF_GOVERNMENT_OFFICE) | B(FIRST_HEAD), B(AKIM) | B(PRESIDENT)},
		{"R57 central body outside the Government: its first head only",
			"central", false, false, B(FIRST_HEAD), B(DEPUTY_PRIME_MINISTER) | B(HEAD_OF_GOVERNMENT_OFFICE) | B(AKIM)},
		{"R57 directly subordinate to the President, even if marked inside: its first head only",
			"central", true, true, B(FIRST_HEAD), B(DEPUTY_PRIME_MINISTER) | B(HEAD_OF_GOVERNMENT_OFFICE)},
		{"R57 local executive body: the akim, or its first head (own measures)",
			"local", false, false, B(AKIM) | B(FIRST_HEAD), B(DEPUTY_PRIME_MINISTER) | B(HEAD_OF_GOVERNMENT_OFFICE)},
		{"R57 organisation: its first head only",
			"organisation", false, false, B(FIRST_HEAD), B(AKIM) | B(DEPUTY_PRIME_MINISTER)},
		{"R57 no responsible body: every approver R57 names",
			NULL, false, false,
			B(FIRST_HEAD) | B(DEPUTY_PRIME_MINISTER) | B(HEAD_OF_GOVERNMENT_OFFICE) | B(AKIM), B(PRESIDENT) | B(HEAD_OF_PA)},
	};
	IcDecisionContext ctx;

	memset(&ctx, 0, sizeof(ctx));
	ctx.action = IC_ACTION_APPROVE_ROADMAP;
	ctx.kind = IC_KIND_ACT_POINT;
	ctx.level = IC_LEVEL_PA;
	ctx.today = IC_RULES_IN_FORCE_FROM + 400;
	ctx.decided_on = IC_NO_DATE;
	ctx.matrix = &r57_matrix;
	/* a declared drafter is never read: set one that fits no body */
	ctx.drafter = IC_DRAFTER_LOCAL;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		const char *rule = NULL;
		IcDrafterBody body = ic_rules_drafter_body(cases[i].body_type, cases[i].inside_government,
												   cases[i].directly_subordinate);
		IcDeciderSet got = ic_rules_roadmap_approvers(&ctx, body, &rule);

		CHECK(got == cases[i].allowed, "%s: allowed %x, expected %x", cases[i].name,
			  (unsigned) got, (unsigned) cases[i].allowed);
		CHECK((got & cases[i].refused) == 0, "%s: refused ones allowed: %x", cases[i].name,
			  (unsigned) (got & cases[i].refused));
		CHECK(rule != NULL && strcmp(rule, "R57") == 0, "%s: rule %s", cases[i].name, rule ? rule : "(null)");
	}
	CHECK(ctx.drafter == IC_DRAFTER_LOCAL && ctx.action == IC_ACTION_APPROVE_ROADMAP,
		  "R57: the caller's context is left as it was");
	return UNIT_SUMMARY();
}
