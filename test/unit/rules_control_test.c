/*
 * rules_control_test.c
 *		Unit tests of rules_control_core.c for issue 18, round three: records
 *		passed down (R42-1.1), the control approval's fields (R4.5) and a
 *		report's addressee (R66-1.2), each allowed and refused.
 */
#include <string.h>

#include "rules_core.h"
#include "unit.h"

#define DAY_2025_03_03 9193		/* days since 2000-01-01 */

/* A regular PA-level act point put on control, due a month after receipt. */
static IcDecisionContext
put(void)
{
	IcDecisionContext c;

	memset(&c, 0, sizeof(c));
	c.action = IC_ACTION_PUT_ON_CONTROL;
	c.instruction_id = 7;
	c.kind = IC_KIND_ACT_POINT;
	c.level = IC_LEVEL_PA;
	c.on_control = true;
	c.received_on = DAY_2025_03_03;
	c.today = DAY_2025_03_03 + 20;
	c.due_date = DAY_2025_03_03 + 30;
	c.signed_on = IC_NO_DATE;
	c.term_due = IC_NO_DATE;
	c.personal_due = IC_NO_DATE;
	c.due_rolled = IC_NO_DATE;
	c.parent_due_date = IC_NO_DATE;
	c.last_decided_on = IC_NO_DATE;
	c.last_extension_on = IC_NO_DATE;
	/* R4.5: what Appendix 5 fixes for every PA-level point */
	c.pa_unit_given = true;
	c.completion_form_given = true;
	c.responsible_given = true;
	return c;
}

/* An intermediate report on a PA-level event instruction. */
static IcDecisionContext
report(void)
{
	IcDecisionContext c = put();

	c.action = IC_ACTION_SUBMIT_REPORT;
	c.kind = IC_KIND_EVENT;
	c.report_kind = IC_REPORT_INTERMEDIATE;
	c.decided_on = DAY_2025_03_03 + 10;	/* submitted_on */
	return c;
}

typedef struct Case
{
	const char *name;
	IcDecisionContext ctx;
	bool		allowed;
	const char *rule;
	IcRuleFamily family;
} Case;

#define OK(n, c) {n, c, true, NULL, IC_FAMILY_NONE}
#define NO(n, c, r, f) {n, c, false, r, IC_FAMILY_##f}
#define WITH(init, stmts) ({ IcDecisionContext c = (init); stmts; c; })

int
main(void)
{
	const Case cases[] = {
		/* R42-1.1 records passed down */
		NO("R42-1.1 personal at local level linked to an unrelated PA point",
		   WITH(put(), c.kind = IC_KIND_PERSONAL; c.level = IC_LEVEL_LOCAL; c.upper_record_given = true; c.passed_down = true),
		   "R42-1.1", CONTROL_LEVEL),
		OK("R42-1.1 personal at local level after a control_passed removal naming the body",
		   WITH(put(), c.kind = IC_KIND_PERSONAL; c.level = IC_LEVEL_LOCAL; c.upper_record_given = true; c.passed_down = true;
				c.upper_passed_to_body = true)),
		OK("R42-1.1 the body's record of the same act and point",
		   WITH(put(), c.level = IC_LEVEL_CENTRAL; c.upper_record_given = true; c.passed_down = true; c.upper_same_point = true)),
		NO("R42-1.1 an act point below PA naming another point",
		   WITH(put(), c.level = IC_LEVEL_CENTRAL; c.upper_record_given = true; c.passed_down = true),
		   "R42-1.1", CONTROL_LEVEL),
		/* R4.5 control approval: every PA-level point, whatever its deadline source */
		NO("R4.5 PA point of a control approval without a PA unit",
		   WITH(put(), c.deadline_source = IC_SOURCE_CONTROL_APPROVAL; c.explicit_due = true; c.pa_unit_given = false),
		   "R4.5", CONTROL_LEVEL),
		NO("R4.5 PA point of a control approval without a completion form",
		   WITH(put(), c.deadline_source = IC_SOURCE_CONTROL_APPROVAL; c.explicit_due = true; c.completion_form_given = false),
		   "R4.5", CONTROL_LEVEL),
		NO("R4.5 PA point of a control approval without the responsible body",
		   WITH(put(), c.deadline_source = IC_SOURCE_CONTROL_APPROVAL; c.explicit_due = true; c.responsible_given = false),
		   "R4.5", CONTROL_LEVEL),
		NO("R4.5 PA point with a term (no deadline source) without a PA unit",
		   WITH(put(), c.pa_unit_given = false), "R4.5", CONTROL_LEVEL),
		NO("R4.5 PA point due by the act without a completion form",
		   WITH(put(), c.deadline_source = IC_SOURCE_ACT; c.explicit_due = true; c.completion_form_given = false),
		   "R4.5", CONTROL_LEVEL),
		NO("R4.5 PA point due by a resolution without the responsible body",
		   WITH(put(), c.deadline_source = IC_SOURCE_RESOLUTION; c.explicit_due = true; c.responsible_given = false),
		   "R4.5", CONTROL_LEVEL),
		NO("R4.5 PA point due as the PA set it without a PA unit",
		   WITH(put(), c.deadline_source = IC_SOURCE_PA; c.explicit_due = true; c.pa_unit_given = false),
		   "R4.5", CONTROL_LEVEL),
		NO("R4.5 personal instruction at PA level without a completion form",
		   WITH(put(), c.kind = IC_KIND_PERSONAL; c.completion_form_given = false), "R4.5", CONTROL_LEVEL),
		OK("R4.5 PA point of a control approval with the fields of Appendix 5",
		   WITH(put(), c.deadline_source = IC_SOURCE_CONTROL_APPROVAL; c.explicit_due = true)),
		OK("R4.5 PA point with a term with the fields of Appendix 5", put()),
		OK("R4.5 PA point due by the act with the fields of Appendix 5",
		   WITH(put(), c.deadline_source = IC_SOURCE_ACT; c.explicit_due = true)),
		OK("R4.5, R14 a state secret keeps no completion form",
		   WITH(put(), c.deadline_source = IC_SOURCE_CONTROL_APPROVAL; c.explicit_due = true; c.completion_form_given = false;
				c.state_secret = true; c.has_paper_card = true)),
		OK("R4.5 a control approval below PA level names a controlling body, no PA unit",
		   WITH(put(), c.level = IC_LEVEL_CENTRAL; c.deadline_source = IC_SOURCE_CONTROL_APPROVAL; c.explicit_due = true;
				c.pa_unit_given = false; c.completion_form_given = false; c.responsible_given = false)),
		OK("R4.5 a government-level point with a term needs no PA unit",
		   WITH(put(), c.level = IC_LEVEL_GOVERNMENT; c.kind = IC_KIND_EVENT;
				c.pa_unit_given = false; c.completion_form_given = false; c.responsible_given = false)),
		NO("R4.5 a deadline fault is reported before the missing fields",
		   WITH(put(), c.pa_unit_given = false; c.received_on = IC_NO_DATE), "R50.3", DEADLINE),
		/* R66-1.2 a report's addressee */
		NO("R66-1.2 intermediate report on a PA item to an akim",
		   WITH(report(), c.report_addressee = IC_DECIDER_AKIM), "R66-1.2", REPORT),
		OK("R66-1.2 intermediate report on a PA item to the Head of the President's Office",
		   WITH(report(), c.report_addressee = IC_DECIDER_HEAD_OF_PRESIDENTS_OFFICE)),
		OK("R66-1.2 intermediate report on a PA item to an Assistant or Adviser",
		   WITH(report(), c.report_addressee = IC_DECIDER_ASSISTANT_OR_ADVISER)),
		NO("R66-1.2 intermediate report on an SC decision to an adviser",
		   WITH(report(), c.kind = IC_KIND_SECURITY_COUNCIL; c.report_addressee = IC_DECIDER_ASSISTANT_OR_ADVISER), "R66-1.2", REPORT),
		OK("R66-1.2 intermediate report on an SC decision to its Secretary",
		   WITH(report(), c.kind = IC_KIND_SECURITY_COUNCIL; c.report_addressee = IC_DECIDER_SECRETARY_SC)),
		OK("R66-1.2 without an addressee", report()),
		OK("R74-1 a local item's report to the akim",
		   WITH(report(), c.level = IC_LEVEL_LOCAL; c.report_addressee = IC_DECIDER_AKIM)),
		NO("R74-1 a local item's report to the Head of the PA",
		   WITH(report(), c.level = IC_LEVEL_LOCAL; c.report_addressee = IC_DECIDER_HEAD_OF_PA), "R74-1", REPORT),
		OK("R74-1 a Government item's report to a Deputy Prime Minister",
		   WITH(report(), c.level = IC_LEVEL_GOVERNMENT; c.report_addressee = IC_DECIDER_DEPUTY_PRIME_MINISTER)),
		OK("R66-3.5 a risk report to the responsible PA unit",
		   WITH(report(), c.report_kind = IC_REPORT_RISK; c.report_addressee = IC_DECIDER_PA_UNIT_HEAD)),
		NO("R66-3.5 a risk report on a PA item to the first head",
		   WITH(report(), c.report_kind = IC_REPORT_RISK; c.report_addressee = IC_DECIDER_FIRST_HEAD), "R66-3.5", REPORT),
		/* R50.3 an instruction is received by today */
		OK("R50.3 received today", WITH(put(), c.received_on = c.today; c.due_date = c.today + 10)),
		NO("R50.3 received tomorrow", WITH(put(), c.received_on = c.today + 1; c.due_date = c.today + 10), "R50.3", DEADLINE),
		NO("R50.3 a personal instruction signed and received tomorrow",
		   WITH(put(), c.kind = IC_KIND_PERSONAL; c.signed_on = c.today + 1; c.received_on = c.today + 1; c.due_date = c.today + 10),
		   "R50.3", DEADLINE),
		/* R50.3 a point of an act is received on or after the act is signed */
		OK("R50.3 received the day its act was signed", WITH(put(), c.act_signed_on = c.received_on)),
		OK("R50.3 an act without a signing day", WITH(put(), c.act_signed_on = IC_NO_DATE)),
		NO("R50.3 received the day before its act was signed",
		   WITH(put(), c.act_signed_on = c.received_on + 1), "R50.3", DEADLINE),
		NO("R50.3 received tomorrow, its act signed the day after", WITH(put(), c.received_on = c.today + 1; c.act_signed_on = c.today + 2;
														  c.due_date = c.today + 10), "R50.3", DEADLINE),
		/* R66-1 a report's day: between the instruction's receipt and today */
		OK("R66-1 a report submitted today", WITH(report(), c.decided_on = c.today)),
		OK("R66-1 a report submitted on the day of receipt", WITH(report(), c.decided_on = c.received_on)),
		NO("R66-1 a report dated tomorrow", WITH(report(), c.decided_on = c.today + 1), "R66-1", REPORT),
		NO("R66-1 a report dated the day before receipt", WITH(report(), c.decided_on = c.received_on - 1), "R66-1", REPORT),
		NO("R66-1 a future report on a PA item to an akim: its day first",
		   WITH(report(), c.decided_on = c.today + 1; c.report_addressee = IC_DECIDER_AKIM), "R66-1", REPORT),
		NO("R75 a report on a removed instruction, dated in the future: not on control first",
		   WITH(report(), c.decided_on = c.today + 1; c.on_control = false), "R75", NOT_ON_CONTROL),
		OK("R66-1 without a day of receipt (NULL) only today bounds it",
		   WITH(report(), c.received_on = IC_NO_DATE; c.decided_on = DAY_2025_03_03 - 1000)),
		OK("R66-1 without a day (NULL: the NOT NULL constraint refuses it)", WITH(report(), c.decided_on = IC_NO_DATE)),
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		IcVerdict	v;
		bool		got = ic_rules_decide(&cases[i].ctx, &v);

		CHECK(got == cases[i].allowed, "%s: expected %s, got %s (%s %s)", cases[i].name,
			  cases[i].allowed ? "allowed" : "refused", got ? "allowed" : "refused",
			  v.rule ? v.rule : "", v.message);
		if (!cases[i].allowed && !got)
		{
			CHECK(v.rule != NULL && strcmp(v.rule, cases[i].rule) == 0, "%s: rule %s, expected %s",
				  cases[i].name, v.rule ? v.rule : "(none)", cases[i].rule);
			CHECK(v.family == cases[i].family, "%s: family %d, expected %d", cases[i].name,
				  (int) v.family, (int) cases[i].family);
		}
	}
	return UNIT_SUMMARY();
}
