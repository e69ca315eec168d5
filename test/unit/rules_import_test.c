/*
 * rules_import_test.c
 *		Unit tests of ic_rules_check_import(): imports only import history
 *		(IC117, Decree No. 403) and the President's prerogatives hold for
 *		imported decisions (R74, R77).  One table of cases.
 */
#include <string.h>

#include "rules_core.h"
#include "unit.h"

#define D(x) IC_DECIDER_##x
#define BEFORE (IC_RULES_IN_FORCE_FROM - 1)		/* 2024-01-31 */
#define ON IC_RULES_IN_FORCE_FROM				/* 2024-02-01 */

/* An imported extension of an imported act point, dated before the rules. */
static IcDecisionContext
base(IcAction action)
{
	IcDecisionContext c;

	memset(&c, 0, sizeof(c));
	c.action = action;
	c.instruction_id = 7;
	c.kind = IC_KIND_ACT_POINT;
	c.level = IC_LEVEL_PA;
	c.on_control = true;
	c.decided_by = D(HEAD_OF_PA);
	c.decided_on = BEFORE;
	c.received_on = BEFORE - 30;
	c.imported = true;
	c.instruction_imported = true;
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
#define WITH(init, stmts) ({ IcDecisionContext c = (init); stmts; c; })

int
main(void)
{
	Case		cases[] = {
		/* imported instructions */
		OK("Decree 403: instruction received before 2024-02-01", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.received_on = BEFORE)),
		NO("Decree 403: instruction received 2024-02-01, not said", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.received_on = ON), "Decree No. 403", IMPORT),
		OK("Decree 403: instruction received 2024-02-01, in_force", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.received_on = ON; c.import_in_force = true)),
		NO("Decree 403: in_force claimed before 2024-02-01", WITH(base(IC_ACTION_PUT_ON_CONTROL), c.received_on = BEFORE; c.import_in_force = true), "Decree No. 403", IMPORT),
		/* imported decisions: history only */
		OK("Decree 403: decision before 2024-02-01 on imported history", base(IC_ACTION_EXTEND)),
		NO("journal: instruction with a live decision", WITH(base(IC_ACTION_EXTEND), c.has_live_decision = true), "journal", IMPORT),
		NO("journal: live decision refuses even an in_force import", WITH(base(IC_ACTION_REMOVE), c.decided_on = ON; c.import_in_force = true; c.has_live_decision = true), "journal", IMPORT),
		NO("Decree 403: decision on a live instruction", WITH(base(IC_ACTION_EXTEND), c.decided_on = ON; c.instruction_imported = false), "Decree No. 403", IMPORT),
		NO("Decree 403: decision on a live instruction, in_force", WITH(base(IC_ACTION_EXTEND), c.decided_on = ON; c.instruction_imported = false; c.import_in_force = true), "Decree No. 403", IMPORT),
		NO("Decree 403: decision dated 2024-02-01 not said", WITH(base(IC_ACTION_EXTEND), c.decided_on = ON), "Decree No. 403", IMPORT),
		OK("Decree 403: decision dated 2024-02-01 with in_force", WITH(base(IC_ACTION_EXTEND), c.decided_on = ON; c.import_in_force = true)),
		NO("Decree 403: in_force claimed for a decision before 2024-02-01", WITH(base(IC_ACTION_EXTEND), c.import_in_force = true), "Decree No. 403", IMPORT),
		NO("Decree 403: roadmap approval on a live instruction", WITH(base(IC_ACTION_APPROVE_ROADMAP), c.decided_on = ON; c.instruction_imported = false; c.import_in_force = true), "Decree No. 403", IMPORT),
		/* who: the President's prerogatives */
		NO("R77: personal removed by an akim", WITH(base(IC_ACTION_REMOVE), c.kind = IC_KIND_PERSONAL; c.decided_by = D(AKIM)), "R77", NOT_AUTHORISED),
		NO("R77: published personal removed by the Head of the PA", WITH(base(IC_ACTION_REMOVE), c.kind = IC_KIND_PERSONAL_PUBLISHED), "R77", NOT_AUTHORISED),
		NO("R77: personal removal naming nobody", WITH(base(IC_ACTION_REMOVE), c.kind = IC_KIND_PERSONAL; c.decided_by = IC_DECIDER_INVALID), "R77", NOT_AUTHORISED),
		OK("R77: personal removed by the President", WITH(base(IC_ACTION_REMOVE), c.kind = IC_KIND_PERSONAL; c.decided_by = D(PRESIDENT))),
		NO("R74: personal extended by the Head of the PA", WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_PERSONAL), "R74", NOT_AUTHORISED),
		NO("R74: personal transferred by the Head of the PA", WITH(base(IC_ACTION_TRANSFER), c.kind = IC_KIND_PERSONAL), "R74", NOT_AUTHORISED),
		NO("R74: personal new deadline by the Head of the PA", WITH(base(IC_ACTION_NEW_DEADLINE), c.kind = IC_KIND_PERSONAL), "R74", NOT_AUTHORISED),
		OK("R74: personal extended by the President", WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_PERSONAL; c.decided_by = D(PRESIDENT))),
		OK("R74: published personal extended by the general rules", WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_PERSONAL_PUBLISHED)),
		NO("R74: in_force history keeps the prerogative", WITH(base(IC_ACTION_EXTEND), c.kind = IC_KIND_PERSONAL; c.decided_on = ON; c.import_in_force = true), "R74", NOT_AUTHORISED),
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		IcVerdict	v;
		bool		allowed = ic_rules_check_import(&cases[i].ctx, &v);

		CHECK(allowed == cases[i].allowed && v.allowed == allowed, "%s: allowed %d, expected %d (%s)",
			  cases[i].name, allowed, cases[i].allowed, v.message);
		if (!cases[i].allowed && !allowed)
		{
			CHECK(strcmp(v.rule, cases[i].rule) == 0 && v.family == cases[i].family,
				  "%s: rule %s family %d, expected %s %d", cases[i].name, v.rule, (int) v.family,
				  cases[i].rule, (int) cases[i].family);
			CHECK(strstr(v.message, cases[i].rule) != NULL && v.detail[0] != '\0' && v.hint[0] != '\0',
				  "%s: the message names the rule, with a detail and a hint", cases[i].name);
		}
	}
	return UNIT_SUMMARY();
}
