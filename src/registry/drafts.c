/*
 * drafts.c
 *		SQL faces of the draft review rules (drafts_core.c): the Drafts
 *		section's trigger (sql/src/75_drafts.sql) asks these, so the rules
 *		are written once, in the pure core, and read by the unit tests too.
 *
 * Each *_refusal function returns NULL when the rule allows, else the rule's
 * words, which the trigger puts in its DETAIL.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "drafts_core.h"

PG_FUNCTION_INFO_V1(ic_sql_draft_review_days);
PG_FUNCTION_INFO_V1(ic_sql_draft_may_set_refinement_term);
PG_FUNCTION_INFO_V1(ic_sql_draft_may_resolve_disagreement);
PG_FUNCTION_INFO_V1(ic_sql_draft_may_be_refined);
PG_FUNCTION_INFO_V1(ic_sql_draft_channel_refusal);
PG_FUNCTION_INFO_V1(ic_sql_draft_signatory_refusal);
PG_FUNCTION_INFO_V1(ic_sql_draft_checklist_unmet);
PG_FUNCTION_INFO_V1(ic_sql_draft_missing_visa);
PG_FUNCTION_INFO_V1(ic_sql_draft_visa_refusal);

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

static IcDraftKind
kind_arg(FunctionCallInfo fcinfo, int n)
{
	char	   *code = arg_text(fcinfo, n);
	IcDraftKind kind = ic_draft_kind(code);

	if (kind == IC_DRAFT_KIND_INVALID)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown kind of draft: \"%s\"", code ? code : "NULL"),
				 errhint("A draft is a planning_act (R20), an act or an instruction_draft (R33).")));
	return kind;
}

/* draft_review_days(kind) -> working days of the PA's review, NULL if none */
Datum
ic_sql_draft_review_days(PG_FUNCTION_ARGS)
{
	int			days = ic_draft_review_days(kind_arg(fcinfo, 0));

	if (days == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(days);
}

Datum
ic_sql_draft_may_set_refinement_term(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ic_draft_may_set_refinement_term(arg_text(fcinfo, 0)));
}

Datum
ic_sql_draft_may_be_refined(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ic_draft_may_be_refined(kind_arg(fcinfo, 0)));
}

Datum
ic_sql_draft_may_resolve_disagreement(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ic_draft_may_resolve_disagreement(arg_text(fcinfo, 0)));
}

/* (secrecy, channel, has_content, has_paper_reason, has_paper_card) */
Datum
ic_sql_draft_channel_refusal(PG_FUNCTION_ARGS)
{
	return refusal_result(fcinfo,
						  ic_draft_channel_refusal(arg_text(fcinfo, 0), arg_text(fcinfo, 1),
												   PG_GETARG_BOOL(2), PG_GETARG_BOOL(3),
												   PG_GETARG_BOOL(4)));
}

Datum
ic_sql_draft_signatory_refusal(PG_FUNCTION_ARGS)
{
	return refusal_result(fcinfo,
						  ic_draft_signatory_refusal(arg_text(fcinfo, 0), arg_text(fcinfo, 1)));
}

/* (worked_out, strategic, result, deadlines, feasible, autonomy, no_duplicate) */
Datum
ic_sql_draft_checklist_unmet(PG_FUNCTION_ARGS)
{
	static const unsigned bits[] = {
		IC_R30_WORKED_OUT, IC_R30_STRATEGIC, IC_R30_RESULT, IC_R30_DEADLINES,
		IC_R30_FEASIBLE, IC_R30_AUTONOMY, IC_R33_NO_DUPLICATE
	};
	unsigned	met = 0;

	for (int i = 0; i < 7; i++)
		if (!PG_ARGISNULL(i) && PG_GETARG_BOOL(i))
			met |= bits[i];
	return refusal_result(fcinfo, ic_draft_checklist_unmet(met));
}

/* (kind, positions text[], media text[]): the first visa still missing */
Datum
ic_sql_draft_missing_visa(PG_FUNCTION_ARGS)
{
	IcDraftKind kind = kind_arg(fcinfo, 0);
	Datum	   *pos = NULL,
			   *med = NULL;
	bool	   *pos_null = NULL,
			   *med_null = NULL;
	int			npos = 0,
				nmed = 0;
	IcDraftVisa *visas;

	if (!PG_ARGISNULL(1))
		deconstruct_array(PG_GETARG_ARRAYTYPE_P(1), TEXTOID, -1, false, TYPALIGN_INT,
						  &pos, &pos_null, &npos);
	if (!PG_ARGISNULL(2))
		deconstruct_array(PG_GETARG_ARRAYTYPE_P(2), TEXTOID, -1, false, TYPALIGN_INT,
						  &med, &med_null, &nmed);
	if (npos != nmed)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("visa positions and media differ in length (%d and %d)", npos, nmed)));
	visas = palloc0(sizeof(IcDraftVisa) * (npos > 0 ? npos : 1));
	for (int i = 0; i < npos; i++)
	{
		visas[i].position = pos_null[i] ? NULL : TextDatumGetCString(pos[i]);
		visas[i].medium = med_null[i] ? NULL : TextDatumGetCString(med[i]);
	}
	return refusal_result(fcinfo, ic_draft_missing_visa(kind, visas, npos));
}

Datum
ic_sql_draft_visa_refusal(PG_FUNCTION_ARGS)
{
	return refusal_result(fcinfo,
						  ic_draft_visa_refusal(kind_arg(fcinfo, 0), arg_text(fcinfo, 1),
												arg_text(fcinfo, 2)));
}

