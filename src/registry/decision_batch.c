/*
 * decision_batch.c
 *		record_decisions(decision[]): many decisions in one statement, judged
 *		by the same rules as one at a time, written set-wise.
 *
 * One decision through the journal's trigger costs two executor start-ups
 * (lock-and-read, write-back).  A batch instead locks all its instructions
 * with one query (in id order, so concurrent batches cannot deadlock on
 * them), judges every row in C in the order given -- each seeing the ones
 * before it on the same instruction, through ic_rules_effect() -- then inserts
 * the judged rows and writes every instruction's final state -- without an
 * executor start-up where the rows were locked directly (registry_writer.c),
 * else with one INSERT and one UPDATE.  While it does, the journal's trigger accepts exactly the
 * rows this function judged (by decision id and instruction), and the
 * instruction's guard writes exactly the states it computed; nothing else is
 * let through.  A refusal anywhere fails the whole batch: nothing is written.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/sequence.h"
#include "executor/spi.h"
#include "executor/tuptable.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/tuplestore.h"
#include "utils/typcache.h"

#include "ic_errcodes.h"
#include "registry.h"

PG_FUNCTION_INFO_V1(ic_record_decisions);
PG_FUNCTION_INFO_V1(ic_extend_deadline);
PG_FUNCTION_INFO_V1(ic_extend_deadlines);

typedef struct PreparedRow		/* a judged journal row, by decision id */
{
	int64		decision_id;
	int64		instruction_id;
	bool		accepted;		/* the journal's trigger let it through (once) */
} PreparedRow;

typedef struct BatchInstruction /* an instruction of the batch, by id */
{
	int64		id;
	IcInstructionFacts facts;	/* as the next decision sees it (state: after the ones so far) */
	IcDecisionEffect *effects;	/* the batch's decisions on it, in order */
	int			neffects;
	int			capacity;
} BatchInstruction;

static HTAB *prepared_rows = NULL;	/* set while the batch inserts */
static HTAB *final_states = NULL;	/* set while the batch updates */

bool
ic_batch_prepared(HeapTuple tuple, TupleDesc desc)
{
	int64		id;
	PreparedRow *row;
	bool		found;

	if (prepared_rows == NULL)
		return false;
	id = ic_get_int64(tuple, desc, "id");
	row = hash_search(prepared_rows, &id, HASH_FIND, &found);
	if (!found || row->accepted || row->instruction_id != ic_get_int64(tuple, desc, "instruction_id"))
		return false;
	row->accepted = true;		/* accepted once */
	return true;
}

bool
ic_batch_owns_id(Oid relid, int64 id)
{
	bool		found;

	if (prepared_rows == NULL ||
		relid != get_relname_relid("decision", get_namespace_oid(IC_SCHEMA, false)))
		return false;
	(void) hash_search(prepared_rows, &id, HASH_FIND, &found);
	return found;
}

bool
ic_batch_applying(void)
{
	return final_states != NULL;
}

/* The instruction's row after the batch: its decisions applied in order to the row as it is. */
bool
ic_batch_state(int64 instruction_id, const IcInstructionState *before, IcInstructionState *after)
{
	BatchInstruction *b;
	IcInstructionState st = *before;
	bool		found;

	if (final_states == NULL)
		return false;
	b = hash_search(final_states, &instruction_id, HASH_FIND, &found);
	if (!found)
		return false;
	for (int i = 0; i < b->neffects; i++)
	{
		ic_rules_effect(&b->effects[i], &st, after);
		st = *after;
	}
	*after = st;
	return true;
}

static HTAB *
int64_hash(const char *name, Size entrysize, long n)
{
	HASHCTL		ctl;

	ctl.keysize = sizeof(int64);
	ctl.entrysize = entrysize;
	ctl.hcxt = CurrentMemoryContext;
	return hash_create(name, Max(n, 16), &ctl, HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
}

static int
cmp_int64(const void *a, const void *b)
{
	int64		x = *(const int64 *) a,
				y = *(const int64 *) b;

	return x < y ? -1 : x > y ? 1 : 0;
}

/* The decision row type, checked: the argument is instruction_control.decision[]. */
static Oid
decision_rowtype(Oid elemtype)
{
	Oid			relid = get_relname_relid("decision", get_namespace_oid(IC_SCHEMA, false));

	if (!OidIsValid(relid) || get_rel_type_id(relid) != elemtype)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("record_decisions takes an array of " IC_SCHEMA ".decision rows")));
	return elemtype;
}

/* One INSERT of the judged rows, as a statement. */
static void
insert_rows_by_query(HeapTuple *rows, int n, TupleDesc desc, Oid rowtype, Tuplestorestate *out)
{
	static SPIPlanPtr plan = NULL;
	Datum	   *elems = palloc(sizeof(Datum) * n);
	Oid			argtypes[1];
	Datum		args[1];

	for (int i = 0; i < n; i++)
		elems[i] = heap_copy_tuple_as_datum(rows[i], desc);
	argtypes[0] = get_array_type(rowtype);
	args[0] = PointerGetDatum(construct_array(elems, n, rowtype, -1, false, TYPALIGN_DOUBLE));
	/* the ids were taken from the identity above (server_id lets exactly them through) */
	ic_keep_plan(&plan, "INSERT INTO " IC_SCHEMA ".decision OVERRIDING SYSTEM VALUE "
				 "SELECT * FROM pg_catalog.unnest($1) RETURNING *", 1, argtypes);
	if (SPI_execute_plan(plan, args, NULL, false, 0) != SPI_OK_INSERT_RETURNING ||
		SPI_processed != (uint64) n)
		elog(ERROR, "could not journal the batch of decisions");
	for (uint64 i = 0; i < SPI_processed; i++)
		tuplestore_puttuple(out, SPI_tuptable->vals[i]);
}

/* The same rows written without an executor start-up (registry_writer.c); false if a statement must. */
static bool
insert_rows_directly(HeapTuple *rows, int n, Oid relid, Tuplestorestate *out)
{
	IcWriter   *w = ic_writer_open(relid, CMD_INSERT, NULL, 0, true);

	if (w == NULL)
		return false;
	for (int i = 0; i < n; i++)
	{
		HeapTuple	stored;

		CHECK_FOR_INTERRUPTS();
		stored = ic_writer_insert(w, rows[i]);
		if (stored == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_IC_BYPASS),
					 errmsg("a trigger on the decision journal skipped a decision of the batch"),
					 errdetail("A BEFORE INSERT trigger returned NULL for decision %d of the batch.", i + 1),
					 errhint("A journal row is written with its decision or not at all; let the trigger return the row or raise an error.")));
		tuplestore_puttuple(out, stored);
		heap_freetuple(stored);
	}
	ic_writer_close(w);
	return true;
}

/* Insert the judged rows; the journal's trigger lets exactly them through. */
static void
insert_rows(HeapTuple *rows, int n, TupleDesc desc, Oid rowtype, Tuplestorestate *out)
{
	prepared_rows = int64_hash("record_decisions rows", sizeof(PreparedRow), n);
	for (int i = 0; i < n; i++)
	{
		int64		id = ic_get_int64(rows[i], desc, "id");
		bool		found;
		PreparedRow *p;

		CHECK_FOR_INTERRUPTS();
		p = hash_search(prepared_rows, &id, HASH_ENTER, &found);
		if (found)
			ereport(ERROR,
					(errcode(ERRCODE_UNIQUE_VIOLATION),
					 errmsg("decision id %lld appears twice in the batch", (long long) id)));
		p->instruction_id = ic_get_int64(rows[i], desc, "instruction_id");
		p->accepted = false;
	}
	PG_TRY();
	{
		if (!insert_rows_directly(rows, n, get_typ_typrelid(rowtype), out))
			insert_rows_by_query(rows, n, desc, rowtype, out);
	}
	PG_FINALLY();
	{
		prepared_rows = NULL;
	}
	PG_END_TRY();
}

static void
update_instructions_by_query(Oid relid, const int64 *ids, int n)
{
	static SPIPlanPtr plan = NULL;
	IcActingAs	saved;
	Oid			argtypes[1] = {INT8ARRAYOID};
	Datum		args[1];
	Datum	   *id_elems = palloc(sizeof(Datum) * n);

	for (int i = 0; i < n; i++)
		id_elems[i] = Int64GetDatum(ids[i]);
	args[0] = PointerGetDatum(construct_array(id_elems, n, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
	ic_keep_plan(&plan, "UPDATE " IC_SCHEMA ".instruction SET last_decision_id = last_decision_id "
				 " WHERE id OPERATOR(pg_catalog.=) ANY ($1)", 1, argtypes);
	ic_act_as_owner(relid, &saved);		/* the registry's write (decision_apply.c) */
	PG_TRY();
	{
		if (SPI_execute_plan(plan, args, NULL, false, 0) != SPI_OK_UPDATE ||
			SPI_processed != (uint64) n)
			elog(ERROR, "could not apply the batch of decisions");
	}
	PG_FINALLY();
	{
		ic_act_restore(&saved);
	}
	PG_END_TRY();
}

/* The rows locked directly, updated without an executor start-up; false if a statement must. */
static bool
update_instructions_directly(const IcInstructionFacts *locked, int n)
{
	static const IcColumn last_decision_id = {"last_decision_id", IC_COL_INT8};
	IcWriter   *w;

	if (n == 0 ||
		(w = ic_writer_open(locked[0].relid, CMD_UPDATE, ic_applied_columns, ic_applied_column_count, false)) == NULL)
		return false;
	for (int i = 0; i < n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		ic_writer_update(w, (ItemPointer) &locked[i].tid, &last_decision_id,
						 Int64GetDatum(locked[i].state.last_decision_id));
	}
	ic_writer_close(w);
	return true;
}

/*
 * Write every instruction's final state: the guard writes each row's state
 * after the batch (ic_batch_state), whatever the UPDATE sets.
 */
static void
update_instructions(HTAB *instructions, const IcInstructionFacts *locked, const int64 *ids, int n)
{
	final_states = instructions;
	PG_TRY();
	{
		if (!update_instructions_directly(locked, n))
			update_instructions_by_query(locked[0].relid, ids, n);
	}
	PG_FINALLY();
	{
		final_states = NULL;
	}
	PG_END_TRY();
}

/*
 * Judge and write rows[0..n) (journal rows of type rowtype), returning the
 * stored rows into the tuplestore out.
 */
void
ic_record_rows(HeapTuple *rows, int n, TupleDesc desc, Oid rowtype, Tuplestorestate *out)
{
	int64	   *ids = palloc(sizeof(int64) * n);
	int			nids = 0;
	IcInstructionFacts *facts;
	HTAB	   *instructions;
	int			id_col = ic_attnum(desc, "id", IC_COL_INT8);
	Oid			seq = get_relname_relid("decision_id_seq", get_namespace_oid(IC_SCHEMA, false));

	ic_row_forget();			/* no row of an earlier call is served from the cache */
	for (int i = 0; i < n; i++)
		ids[i] = ic_get_required_int64(rows[i], desc, "instruction_id");
	qsort(ids, n, sizeof(int64), cmp_int64);
	for (int i = 0; i < n; i++)
		if (nids == 0 || ids[nids - 1] != ids[i])
			ids[nids++] = ids[i];

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	/* 1. lock and read every instruction once */
	facts = palloc(sizeof(IcInstructionFacts) * nids);
	ic_load_instructions_locked(ids, nids, facts);
	instructions = int64_hash("record_decisions instructions", sizeof(BatchInstruction), nids);
	for (int i = 0; i < nids; i++)
	{
		BatchInstruction *b = hash_search(instructions, &ids[i], HASH_ENTER, NULL);

		b->facts = facts[i];
		b->effects = NULL;
		b->neffects = b->capacity = 0;
	}

	/* 2. judge every row in the order given, each after the ones before it */
	for (int i = 0; i < n; i++)
	{
		BatchInstruction *b;
		IcDecisionEffect effect;
		IcInstructionState after;
		int64		instruction_id = ic_get_int64(rows[i], desc, "instruction_id");
		char	   *kind;
		IcAction	action;
		bool		isnull;

		CHECK_FOR_INTERRUPTS();
		(void) heap_getattr(rows[i], id_col, desc, &isnull);
		if (!isnull)
			ereport(ERROR,
					(errcode(ERRCODE_IC_SERVER_ID),
					 errmsg("the id of a decision is the registry's, not the client's"),
					 errdetail("Decision %d of the batch names an id.", i + 1),
					 errhint("Leave id NULL: the registry takes it from the journal's identity.")));
		else
		{
			/* the id the identity gives (the registry's write: no privilege on the sequence asked) */
			Datum		v = Int64GetDatum(nextval_internal(seq, false));
			bool		nulls_false = false;

			rows[i] = heap_modify_tuple_by_cols(rows[i], desc, 1, &id_col, &v, &nulls_false);
		}
		kind = ic_get_cstring(rows[i], desc, "kind");
		if (kind != NULL && ic_action_parse(kind, &action) && action == IC_ACTION_APPROVE_ROADMAP)
			ic_raise_bypass("a roadmap approval is journaled when the roadmap is registered (R57)",
							"record_decisions() was given a roadmap_approval row.",
							"Use register_roadmap(); it judges the approval and journals it.");
		if (kind != NULL && ic_action_parse(kind, &action) && action == IC_ACTION_CALENDAR_CHANGE)
			ic_raise_bypass("a calendar change is applied to every date it moves at once (R50.3)",
							"record_decisions() was given a calendar_change row.",
							"Use apply_calendar_change(); it journals every counted date the calendar moved.");
		if (ic_get_bool(rows[i], desc, "imported"))
			ic_raise_bypass("a batch records live decisions; history is imported one decision at a time (journal)",
							"record_decisions() was given a row with imported = true.",
							"Import history with import_decision(); it checks that only history is imported (IC117).");
		b = hash_search(instructions, &instruction_id, HASH_FIND, NULL);
		rows[i] = ic_judge_decision_row(rows[i], desc, &b->facts, &effect);
		ic_rules_effect(&effect, &b->facts.state, &after);
		b->facts.state = after;
		if (b->neffects == b->capacity)
		{
			b->capacity = b->capacity ? b->capacity * 2 : 4;
			b->effects = b->effects ? repalloc(b->effects, sizeof(IcDecisionEffect) * b->capacity)
				: palloc(sizeof(IcDecisionEffect) * b->capacity);
		}
		b->effects[b->neffects++] = effect;
	}

	/* 3. one INSERT of the judged rows, 4. one UPDATE of the instructions */
	insert_rows(rows, n, desc, rowtype, out);
	update_instructions(instructions, facts, ids, nids);
	SPI_finish();
}

/* record_decisions(decisions decision[]) RETURNS SETOF decision */
Datum
ic_record_decisions(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(0);
	Oid			rowtype = decision_rowtype(ARR_ELEMTYPE(arr));
	TupleDesc	desc = lookup_rowtype_tupdesc_copy(rowtype, -1);
	Datum	   *elems;
	bool	   *elem_nulls;
	int			n;
	HeapTuple  *rows;

	/* a batch writes: on a standby or in a read-only transaction, 25006 */
	PreventCommandIfReadOnly("record_decisions()");
	InitMaterializedSRF(fcinfo, 0);
	deconstruct_array(arr, rowtype, -1, false, TYPALIGN_DOUBLE, &elems, &elem_nulls, &n);
	if (n == 0)
		return (Datum) 0;
	rows = palloc(sizeof(HeapTuple) * n);
	for (int i = 0; i < n; i++)
	{
		HeapTupleData tmp;

		CHECK_FOR_INTERRUPTS();
		if (elem_nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("decision %d of the batch is NULL", i + 1)));
		tmp.t_len = HeapTupleHeaderGetDatumLength(DatumGetHeapTupleHeader(elems[i]));
		ItemPointerSetInvalid(&tmp.t_self);
		tmp.t_tableOid = InvalidOid;
		tmp.t_data = DatumGetHeapTupleHeader(elems[i]);
		rows[i] = heap_copytuple(&tmp);
	}
	ic_record_rows(rows, n, desc, rowtype, rsinfo->setResult);
	return (Datum) 0;
}

/* The decision row type (instruction_control.decision). */
Oid
ic_journal_rowtype(void)
{
	return get_rel_type_id(get_relname_relid("decision", get_namespace_oid(IC_SCHEMA, false)));
}

/*
 * The journal row of one extension: instruction id, new due date and the
 * arguments extend_deadline() and extend_deadlines() share (decided_by,
 * basis, disciplinary_review, decided_on at positions 2..5; paper_ref at 6
 * where given).  values and nulls have room for desc's columns.
 */
static HeapTuple
extension_row(FunctionCallInfo fcinfo, TupleDesc desc, Datum *values, bool *nulls,
			  Datum id, bool id_null, Datum due, bool due_null, bool single)
{
	/*
	 * Where the typed basis (R69.1) is: extend_deadline(..., decided_on,
	 * paper_ref, evidence, evidence_ref) has it from argument 7,
	 * extend_deadlines(..., decided_on, evidence, evidence_ref) from 6 (0.3 on;
	 * a 0.2 schema's extend_deadlines has 6 arguments).
	 */
	int			evidence_arg = single ? 7 : 6;

#define SET(name, type, value, isnull) \
	do { int c = ic_attnum(desc, name, type) - 1; values[c] = (value); nulls[c] = (isnull); } while (0)
	memset(nulls, true, sizeof(bool) * desc->natts);
	SET("instruction_id", IC_COL_INT8, id, id_null);
	SET("kind", IC_COL_TEXT, CStringGetTextDatum("extension"), false);
	SET("decided_by", IC_COL_TEXT, PG_GETARG_DATUM(2), PG_ARGISNULL(2));
	SET("decided_on", IC_COL_DATE, PG_GETARG_DATUM(5), PG_ARGISNULL(5));
	SET("basis", IC_COL_TEXT, PG_GETARG_DATUM(3), PG_ARGISNULL(3));
	SET("new_due_date", IC_COL_DATE, due, due_null);
	SET("disciplinary_review", IC_COL_TEXT, PG_GETARG_DATUM(4), PG_ARGISNULL(4));
	if (single)
		SET("paper_ref", IC_COL_TEXT, PG_GETARG_DATUM(6), PG_ARGISNULL(6));
	if (PG_NARGS() > evidence_arg && !PG_ARGISNULL(evidence_arg))
		SET("evidence", IC_COL_TEXT_ARRAY, PG_GETARG_DATUM(evidence_arg), false);
	else
		SET("evidence", IC_COL_TEXT_ARRAY,
			PointerGetDatum(construct_empty_array(TEXTOID)), false);
	if (PG_NARGS() > evidence_arg + 1)
		SET("evidence_ref", IC_COL_TEXT, PG_GETARG_DATUM(evidence_arg + 1), PG_ARGISNULL(evidence_arg + 1));
	SET("repeated", IC_COL_BOOL, BoolGetDatum(false), false);
	SET("imported", IC_COL_BOOL, BoolGetDatum(false), false);
#undef SET
	return heap_form_tuple(desc, values, nulls);
}

/*
 * extend_deadline(instruction_id, new_due, decided_by, basis,
 * disciplinary_review, decided_on, paper_ref) RETURNS decision: one
 * extension, judged and written as a batch of one (issue 19: as a SQL
 * function its INSERT was parsed, planned and started on every call, 70% of
 * a call from a client).  The same facts, verdicts and SQLSTATEs as an
 * INSERT into the journal; like that INSERT it needs INSERT on the journal
 * (42501 before anything is read) and, where row-level security applies,
 * an instruction its policies show (else 23503).
 */
Datum
ic_extend_deadline(PG_FUNCTION_ARGS)
{
	IcDecisionCall call;

	ic_decision_call_begin(&call);
	PG_RETURN_DATUM(ic_decision_call_finish(&call,
											extension_row(fcinfo, call.desc, call.values, call.nulls,
														  PG_GETARG_DATUM(0), PG_ARGISNULL(0),
														  PG_GETARG_DATUM(1), PG_ARGISNULL(1), true)));
}

/*
 * extend_deadlines(instruction_ids bigint[], new_dues date[], decided_by,
 * basis, disciplinary_review, decided_on[, evidence, evidence_ref])
 * RETURNS SETOF decision: one
 * extension per pair, built here and judged as record_decisions() judges.
 */
Datum
ic_extend_deadlines(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Oid			rowtype = ic_journal_rowtype();
	TupleDesc	desc = lookup_rowtype_tupdesc_copy(rowtype, -1);
	Datum	   *ids,
			   *dues;
	bool	   *id_nulls,
			   *due_nulls;
	int			n,
				ndues;
	HeapTuple  *rows;
	Datum	   *values = palloc0(sizeof(Datum) * desc->natts);
	bool	   *nulls = palloc(sizeof(bool) * desc->natts);

	PreventCommandIfReadOnly("extend_deadlines()");
	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(5))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("extend_deadlines needs instruction_ids, new_dues and decided_on")));
	deconstruct_array(PG_GETARG_ARRAYTYPE_P(0), INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &ids, &id_nulls, &n);
	deconstruct_array(PG_GETARG_ARRAYTYPE_P(1), DATEOID, 4, true, TYPALIGN_INT,
					  &dues, &due_nulls, &ndues);
	if (n != ndues)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("instruction_ids has %d elements and new_dues %d", n, ndues),
				 errhint("Give one new due date per instruction.")));
	if (n == 0)
		return (Datum) 0;
	rows = palloc(sizeof(HeapTuple) * n);
	for (int i = 0; i < n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (id_nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("instruction_ids[%d] is NULL", i + 1)));
		rows[i] = extension_row(fcinfo, desc, values, nulls, ids[i], false, dues[i], due_nulls[i], false);
	}
	ic_record_rows(rows, n, desc, rowtype, rsinfo->setResult);
	return (Datum) 0;
}
