/*
 * signatories.c
 *		SQL faces of the signatory rules (signatory_core.c): the trigger on
 *		report (R67) and on annual_summary_signature (R75-1), written in
 *		sql/src/73_signatories.sql, ask these, so the rules are written once,
 *		in the pure core, and read by the unit tests too.
 *
 * Each *_refusal function returns NULL when the rule allows, else the rule's
 * words (what is allowed), which the trigger puts in its HINT.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "signatory_core.h"

PG_FUNCTION_INFO_V1(ic_sql_report_signatory_refusal);
PG_FUNCTION_INFO_V1(ic_sql_annual_signatory_refusal);

static char *
arg_text(FunctionCallInfo fcinfo, int n)
{
	return PG_ARGISNULL(n) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(n));
}

static Datum
refusal_result(FunctionCallInfo fcinfo, const char *refusal)
{
	if (refusal == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(refusal));
}

/* (body_type, report_kind, addressee, resolution_addressee, signatory) */
Datum
ic_sql_report_signatory_refusal(PG_FUNCTION_ARGS)
{
	return refusal_result(fcinfo,
						  ic_report_signatory_refusal(arg_text(fcinfo, 0), arg_text(fcinfo, 1),
													  arg_text(fcinfo, 2), arg_text(fcinfo, 3),
													  arg_text(fcinfo, 4)));
}

/* (body_type, signatory) */
Datum
ic_sql_annual_signatory_refusal(PG_FUNCTION_ARGS)
{
	return refusal_result(fcinfo,
						  ic_annual_signatory_refusal(arg_text(fcinfo, 0), arg_text(fcinfo, 1)));
}
