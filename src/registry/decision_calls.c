/*
 * decision_calls.c
 *		The API's decision calls other than an extension -- transfer_control(),
 *		set_new_deadline(), remove_from_control() -- in C, each a batch of one.
 *
 * As SQL functions their one INSERT into the journal was parsed from the
 * stored body, planned and started on every call: 1.4-1.9x an extension
 * through extend_deadline(), which issue 19 had already made a batch of one
 * (decision_batch.c).  Each call now builds its journal row from its
 * arguments, as the INSERT wrote them (every argument into its column, NULL
 * as given; repeated and imported false, the rest left to the judge, as the
 * table's defaults and the journal's trigger left them), and records it
 * through record_decisions()'s path: the same judge, the same facts and
 * verdicts, the same SQLSTATEs.  No name is looked up through the caller's
 * search_path.  Which argument goes into which column is a table per call.
 * Every single decision call -- extend_deadline() too -- begins and finishes
 * here (ic_decision_call_begin, ic_decision_call_finish).
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "executor/executor.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/tuplestore.h"
#include "utils/typcache.h"

#include "registry.h"

PG_FUNCTION_INFO_V1(ic_transfer_control);
PG_FUNCTION_INFO_V1(ic_set_new_deadline);
PG_FUNCTION_INFO_V1(ic_remove_from_control);

/*
 * An API call's one decision (extend_deadline() in decision_batch.c and the
 * three calls below) begins with
 * the checks of the INSERT it replaces, in its order and before anything is
 * read -- 25006 in a read-only transaction, then the INSERT privilege on the
 * journal (42501) -- and an empty journal row (every column NULL) to fill.
 */
void
ic_decision_call_begin(IcDecisionCall *call)
{
	Oid			relid;

	call->rowtype = ic_journal_rowtype();
	relid = get_typ_typrelid(call->rowtype);
	/* 25006 with the message the INSERT it replaces gave */
	PreventCommandIfReadOnly("INSERT");
	/* the INSERT's own privilege check, first, as the statement made it */
	if (pg_class_aclcheck(relid, GetUserId(), ACL_INSERT) != ACLCHECK_OK &&
		pg_attribute_aclcheck_all(relid, GetUserId(), ACL_INSERT, ACLMASK_ANY) != ACLCHECK_OK)
		aclcheck_error(ACLCHECK_NO_PRIV, OBJECT_TABLE, get_rel_name(relid));
	call->desc = lookup_rowtype_tupdesc_copy(call->rowtype, -1);
	call->values = palloc0(sizeof(Datum) * call->desc->natts);
	call->nulls = palloc(sizeof(bool) * call->desc->natts);
	memset(call->nulls, true, sizeof(bool) * call->desc->natts);
}

/*
 * The call's journal row, judged and written as a batch of one; returns the
 * stored row.  Row-level security, where it applies, is the journal's INSERT
 * statement's (insert_rows: the writer leaves such a write to the statement).
 */
Datum
ic_decision_call_finish(IcDecisionCall *call, HeapTuple row)
{
	Tuplestorestate *out;
	TupleTableSlot *slot;
	Datum		result;

	out = tuplestore_begin_heap(false, false, work_mem);
	ic_record_rows(&row, 1, call->desc, call->rowtype, out);
	slot = MakeSingleTupleTableSlot(call->desc, &TTSOpsMinimalTuple);
	if (!tuplestore_gettupleslot(out, true, false, slot))
		elog(ERROR, "the call wrote no decision");
	result = ExecFetchSlotHeapTupleDatum(slot);
	ExecDropSingleTupleTableSlot(slot);
	tuplestore_end(out);
	return result;
}

typedef struct CallColumn		/* a journal column and the argument it takes */
{
	const char *name;			/* a literal: ic_attnum() caches by its address */
	IcColType	type;
	int			arg;			/* 0-based */
} CallColumn;

/* transfer_control(instruction_id, regime, new_due, decided_by, basis, reason,
 * disciplinary_review, decided_on, paper_ref, evidence, evidence_ref) */
static const CallColumn transfer_columns[] = {
	{"instruction_id", IC_COL_INT8, 0}, {"new_regime", IC_COL_TEXT, 1},
	{"new_due_date", IC_COL_DATE, 2}, {"decided_by", IC_COL_TEXT, 3}, {"basis", IC_COL_TEXT, 4},
	{"reason", IC_COL_TEXT, 5}, {"disciplinary_review", IC_COL_TEXT, 6},
	{"decided_on", IC_COL_DATE, 7}, {"paper_ref", IC_COL_TEXT, 8},
	{"evidence", IC_COL_TEXT_ARRAY, 9}, {"evidence_ref", IC_COL_TEXT, 10}
};

/* set_new_deadline(instruction_id, new_due, decided_by, basis, reason,
 * decided_on, paper_ref, evidence, evidence_ref) */
static const CallColumn new_deadline_columns[] = {
	{"instruction_id", IC_COL_INT8, 0}, {"new_due_date", IC_COL_DATE, 1},
	{"decided_by", IC_COL_TEXT, 2}, {"basis", IC_COL_TEXT, 3}, {"reason", IC_COL_TEXT, 4},
	{"decided_on", IC_COL_DATE, 5}, {"paper_ref", IC_COL_TEXT, 6},
	{"evidence", IC_COL_TEXT_ARRAY, 7}, {"evidence_ref", IC_COL_TEXT, 8}
};

/* remove_from_control(instruction_id, ground, decided_by, evidence,
 * evidence_ref, decided_on, receiving_body_id, paper_ref) */
static const CallColumn removal_columns[] = {
	{"instruction_id", IC_COL_INT8, 0}, {"ground", IC_COL_TEXT, 1},
	{"decided_by", IC_COL_TEXT, 2}, {"evidence", IC_COL_TEXT_ARRAY, 3},
	{"evidence_ref", IC_COL_TEXT, 4}, {"decided_on", IC_COL_DATE, 5},
	{"receiving_body_id", IC_COL_INT8, 6}, {"paper_ref", IC_COL_TEXT, 7}
};

/*
 * The journal row of one call of kind, its columns from the arguments, and
 * that row judged and written; returns the stored row.
 */
static Datum
decide(FunctionCallInfo fcinfo, const char *kind, const CallColumn *columns, int ncolumns)
{
	IcDecisionCall call;
	int			c;

	ic_decision_call_begin(&call);
	for (int i = 0; i < ncolumns; i++)
	{
		if (columns[i].arg >= PG_NARGS())
			elog(ERROR, "%s() was called with %d arguments; the library expects more",
				 get_func_name(fcinfo->flinfo->fn_oid), PG_NARGS());
		c = ic_attnum(call.desc, columns[i].name, columns[i].type) - 1;
		call.values[c] = PG_GETARG_DATUM(columns[i].arg);
		call.nulls[c] = PG_ARGISNULL(columns[i].arg);
	}
	c = ic_attnum(call.desc, "kind", IC_COL_TEXT) - 1;
	call.values[c] = CStringGetTextDatum(kind);
	call.nulls[c] = false;
	c = ic_attnum(call.desc, "repeated", IC_COL_BOOL) - 1;
	call.values[c] = BoolGetDatum(false);
	call.nulls[c] = false;
	c = ic_attnum(call.desc, "imported", IC_COL_BOOL) - 1;
	call.values[c] = BoolGetDatum(false);
	call.nulls[c] = false;
	return ic_decision_call_finish(&call, heap_form_tuple(call.desc, call.values, call.nulls));
}

/* transfer_control(...) RETURNS decision: R69.3, R69.4 (R59 for long-term) */
Datum
ic_transfer_control(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(decide(fcinfo, "transfer", transfer_columns, lengthof(transfer_columns)));
}

/* set_new_deadline(...) RETURNS decision: R70.4, R70.5 */
Datum
ic_set_new_deadline(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(decide(fcinfo, "new_deadline", new_deadline_columns, lengthof(new_deadline_columns)));
}

/* remove_from_control(...) RETURNS decision: R75, R76-1, R79 */
Datum
ic_remove_from_control(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(decide(fcinfo, "removal", removal_columns, lengthof(removal_columns)));
}
