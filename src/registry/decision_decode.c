/*
 * decision_decode.c
 *		The one reader of a row of the decision journal: ic_decision_from_row()
 *		decodes it into an IcDecisionRow of plain values, as ic_facts_from_row()
 *		does for an instruction (and pg_cron's TupleToCronJob for a job).
 *
 * Decoding refuses only what no later step could judge: a kind that is not a
 * decision of the journal (IC111) and an infinite decided_on (22008), in the
 * order the journal always refused them.  Codes that the rules core parses
 * (regime, reason, ground, evidence) become its enums here, the invalid
 * value standing for NULL or an unknown code; the decider's code is kept as
 * text and parsed (22023 for an unknown one) when the context is made, after
 * the import's administrator is checked.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "instruction_control.h"
#include "registry.h"

static IcEvidenceSet
evidence_set(HeapTuple tuple, TupleDesc desc)
{
	bool		isnull;
	Datum		d = ic_getattr(tuple, desc, "evidence", IC_COL_TEXT_ARRAY, &isnull);
	ArrayType  *arr;
	Datum	   *elems;
	bool	   *elem_nulls;
	int			n;
	IcEvidenceSet set = 0;

	if (isnull)
		return 0;
	arr = DatumGetArrayTypeP(d);
	deconstruct_array(arr, ARR_ELEMTYPE(arr), -1, false, TYPALIGN_INT, &elems, &elem_nulls, &n);
	for (int i = 0; i < n; i++)
	{
		IcEvidence	e;

		CHECK_FOR_INTERRUPTS();
		if (!elem_nulls[i] && ic_evidence_parse(TextDatumGetCString(elems[i]), &e))
			set |= IC_EVIDENCE_BIT(e);
	}
	return set;
}

static bool
given(HeapTuple tuple, TupleDesc desc, const char *name)
{
	return !ic_text_is_blank(ic_get_cstring(tuple, desc, name));
}

void
ic_decision_from_row(HeapTuple tuple, TupleDesc desc, IcDecisionRow *out)
{
	char	   *kind;
	char	   *text;
	bool		isnull;
	Datum		d;

	memset(out, 0, sizeof(*out));
	ic_row_deform(tuple, desc);
	kind = ic_get_cstring(tuple, desc, "kind");
	out->imported = ic_get_bool(tuple, desc, "imported");
	out->decided_on = ic_get_finite_date(tuple, desc, "decided_on");	/* 22008 */
	if (kind == NULL || !ic_action_parse(kind, &out->action) ||
		out->action == IC_ACTION_PUT_ON_CONTROL || out->action == IC_ACTION_SUBMIT_REPORT)
	{
		ic_row_forget();
		ic_raise_bypass("unknown kind of decision",
						kind ? psprintf("Kind \"%s\" is not a decision of the journal.", kind) : "The kind is empty.",
						"Record extension, transfer, new_deadline or removal; roadmaps through register_roadmap().");
	}
	out->id = ic_get_int64(tuple, desc, "id");
	out->import_in_force = ic_get_bool_if_present(tuple, desc, "imported_in_force");	/* 0.3 */
	out->schema_0_3 = SPI_fnumber(desc, "rules_version") > 0;
	/* checked to be finite when the facts are gathered, after the import's checks */
	d = ic_getattr(tuple, desc, "new_due_date", IC_COL_DATE, &isnull);
	out->new_due_given = !isnull;
	out->new_due_date = isnull ? IC_NO_DATE : DatumGetDateADT(d);
	out->roadmap_id = ic_get_int64(tuple, desc, "roadmap_id");

	out->decided_by_code = ic_get_cstring(tuple, desc, "decided_by");
	text = ic_get_cstring(tuple, desc, "new_regime");
	if (text == NULL || !ic_regime_parse(text, &out->new_regime))
		out->new_regime = IC_REGIME_INVALID;
	text = ic_get_cstring(tuple, desc, "reason");
	if (text == NULL || !ic_reason_parse(text, &out->reason))
		out->reason = IC_REASON_INVALID;
	text = ic_get_cstring(tuple, desc, "ground");
	if (text == NULL || !ic_ground_parse(text, &out->ground))
		out->ground = IC_GROUND_INVALID;
	out->evidence = evidence_set(tuple, desc);
	out->receiving_body_given = !ic_is_null(tuple, desc, "receiving_body_id", IC_COL_INT8);
	out->receiving_body_id = out->receiving_body_given ? ic_get_int64(tuple, desc, "receiving_body_id") : 0;

	out->basis_given = given(tuple, desc, "basis");
	out->reason_given = given(tuple, desc, "reason");
	out->disciplinary_review_given = given(tuple, desc, "disciplinary_review");
	out->evidence_ref_given = given(tuple, desc, "evidence_ref");
	out->paper_ref = ic_get_cstring(tuple, desc, "paper_ref");
	ic_row_forget();
}
