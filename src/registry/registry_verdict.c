/*
 * registry_verdict.c
 *		Raising a refusal of the rules: each family of rules has its SQLSTATE
 *		(ic_errcodes.txt), the rule id travels in PG_DIAG_CONSTRAINT_NAME.
 *
 * The pure cores return a verdict (rules_core.h); this is the one place that
 * turns it into an ereport, so every path refuses the same way.
 */
#include "postgres.h"

#include "ic_errcodes.h"
#include "registry.h"

static int
family_sqlstate(IcRuleFamily family)
{
	switch (family)
	{
		case IC_FAMILY_NOT_AUTHORISED:
			return ERRCODE_IC_NOT_AUTHORISED;
		case IC_FAMILY_REPEATED_EXTENSION:
			return ERRCODE_IC_REPEATED_EXTENSION;
		case IC_FAMILY_TRANSFER:
			return ERRCODE_IC_TRANSFER;
		case IC_FAMILY_NEW_DEADLINE:
			return ERRCODE_IC_NEW_DEADLINE;
		case IC_FAMILY_REMOVAL_GROUNDS:
			return ERRCODE_IC_REMOVAL_GROUNDS;
		case IC_FAMILY_REMOVAL_ORDER:
			return ERRCODE_IC_REMOVAL_ORDER;
		case IC_FAMILY_CONTROL_LEVEL:
			return ERRCODE_IC_CONTROL_LEVEL;
		case IC_FAMILY_DEADLINE:
			return ERRCODE_IC_DEADLINE;
		case IC_FAMILY_ROADMAP:
			return ERRCODE_IC_ROADMAP;
		case IC_FAMILY_SECRECY:
			return ERRCODE_IC_SECRECY;
		case IC_FAMILY_BYPASS:
			return ERRCODE_IC_BYPASS;
		case IC_FAMILY_NOT_ON_CONTROL:
			return ERRCODE_IC_NOT_ON_CONTROL;
		case IC_FAMILY_REPORT:
			return ERRCODE_IC_REPORT;
		case IC_FAMILY_MISSING_BASIS:
			return ERRCODE_IC_MISSING_BASIS;
		case IC_FAMILY_NOT_IN_FORCE:
			return ERRCODE_IC_NOT_IN_FORCE;
		case IC_FAMILY_DECISION_DATE:
			return ERRCODE_IC_DECISION_DATE;
		case IC_FAMILY_IMPORT:
			return ERRCODE_IC_IMPORT;
		default:
			return ERRCODE_INTERNAL_ERROR;
	}
}

/*
 * A refusal: its family's SQLSTATE, the message with the rule id, DETAIL and
 * HINT, and the rule id alone in the CONSTRAINT_NAME field
 * (PG_DIAG_CONSTRAINT_NAME), the key of instruction_control.rule.
 */
void
ic_raise_verdict(const IcVerdict *v)
{
	ereport(ERROR,
			(errcode(family_sqlstate(v->family)),
			 errmsg("%s", v->message),
			 v->detail[0] != '\0' ? errdetail("%s", v->detail) : 0,
			 errhint("%s", v->hint),
			 v->rule ? err_generic_string(PG_DIAG_CONSTRAINT_NAME, v->rule) : 0));
	pg_unreachable();
}

void
ic_raise_bypass(const char *message, const char *detail, const char *hint)
{
	ereport(ERROR,
			(errcode(ERRCODE_IC_BYPASS),
			 errmsg("%s", message),
			 detail ? errdetail("%s", detail) : 0,
			 hint ? errhint("%s", hint) : 0));
	pg_unreachable();
}
