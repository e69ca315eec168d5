/*
 * registry_facts.c
 *		Gathering the facts a decision is judged on (the verdicts are raised in
 *		registry_verdict.c).
 *
 * Every query here runs through a plan prepared once per backend and kept
 * (SPI_keepplan), so a trigger call costs an index lookup, not a parse.
 * The caller is SPI-connected.
 */
#include "postgres.h"

#include "executor/spi.h"
#include "access/genam.h"
#include "access/htup_details.h"
#include "access/relscan.h"
#include "access/table.h"
#include "access/tableam.h"
#include "executor/tuptable.h"
#include "utils/fmgroids.h"
#include "utils/rls.h"
#include "utils/typcache.h"
#include "utils/snapmgr.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "access/xact.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "pgtime.h"
#include "utils/date.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "ic_errcodes.h"
#include "instruction_control.h"
#include "registry.h"
#include "text_fold_core.h"

/*
 * Prepare once, keep for the backend's life.  The registry's queries are key
 * lookups, so they are planned once as generic plans: left to choose, the
 * plan cache would compare against custom plans made while the journal was
 * small and keep re-planning on every call.
 */
SPIPlanPtr
ic_keep_plan(SPIPlanPtr *slot, const char *sql, int nargs, Oid *argtypes)
{
	if (*slot == NULL)
	{
		SPIPlanPtr	plan = SPI_prepare_cursor(sql, nargs, argtypes, CURSOR_OPT_GENERIC_PLAN);

		if (plan == NULL)
			elog(ERROR, "SPI_prepare failed for \"%s\": %s", sql,
				 SPI_result_code_string(SPI_result));
		if (SPI_keepplan(plan) != 0)
			elog(ERROR, "SPI_keepplan failed");
		*slot = plan;
	}
	return *slot;
}

static Datum
result_value(int col, bool *isnull)
{
	return SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, col, isnull);
}

static int32
result_date(int col)
{
	bool		isnull;
	Datum		d = result_value(col, &isnull);

	return isnull ? IC_NO_DATE : DatumGetDateADT(d);
}

static char *
result_text(int col)
{
	return SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, col);
}

/* A query over instruction returning its whole row as one value (column 1). */
#define INSTRUCTION_ROWS "SELECT i FROM " IC_SCHEMA ".instruction i "

/* the columns decisions change; the row is deformed (ic_row_deform) */
static void
state_from_row(HeapTuple tuple, TupleDesc desc, IcInstructionState *out)
{
	char	   *s;
	IcStatus	status;

	out->due_date = ic_get_date(tuple, desc, "due_date");
	s = ic_get_cstring(tuple, desc, "regime");
	if (s == NULL || !ic_regime_parse(s, &out->regime))
		out->regime = IC_REGIME_REGULAR;
	s = ic_get_cstring(tuple, desc, "status");
	out->on_control = !(s != NULL && ic_status_parse(s, &status) && status == IC_STATUS_REMOVED);
	out->removed_on = ic_get_date(tuple, desc, "removed_on");
	out->roadmap_due_date = ic_get_date(tuple, desc, "roadmap_due_date");
	out->extensions = ic_get_int32(tuple, desc, "extensions");
	out->decision_count = ic_get_int32(tuple, desc, "decision_count");
	out->last_decision_id = ic_get_int64(tuple, desc, "last_decision_id");
	out->last_decided_on = ic_get_date(tuple, desc, "last_decided_on");
}

void
ic_state_from_row(HeapTuple tuple, TupleDesc desc, IcInstructionState *out)
{
	ic_row_deform(tuple, desc);
	state_from_row(tuple, desc, out);
	ic_row_forget();
}

void
ic_facts_from_row(HeapTuple tuple, TupleDesc desc, IcInstructionFacts *out)
{
	IcSecrecy	secrecy;
	bool		isnull;
	char	   *s;

	memset(out, 0, sizeof(*out));
	ic_row_deform(tuple, desc);
	out->id = ic_get_int64(tuple, desc, "id");
	out->kind = DatumGetIcInstructionKind(ic_getattr(tuple, desc, "kind", IC_COL_BYTE, &isnull));
	out->level = DatumGetIcControlLevel(ic_getattr(tuple, desc, "level", IC_COL_BYTE, &isnull));
	out->received_on = ic_get_date(tuple, desc, "received_on");
	s = ic_get_cstring(tuple, desc, "category");
	if (s == NULL || !ic_category_parse(s, &out->category))
		out->category = IC_CATEGORY_NONE;
	out->parent_id = ic_get_int64(tuple, desc, "parent_id");
	s = ic_get_cstring(tuple, desc, "calendar");
	strlcpy(out->calendar, s ? s : "", sizeof(out->calendar));
	s = ic_get_cstring(tuple, desc, "secrecy");
	out->state_secret = s != NULL && ic_secrecy_parse(s, &secrecy) && secrecy == IC_SECRECY_STATE_SECRET;
	out->act_id = ic_get_int64(tuple, desc, "act_id");
	out->upper_record_id = ic_get_int64(tuple, desc, "upper_record_id");

	state_from_row(tuple, desc, &out->state);
	ic_row_forget();
}

/* The facts of row `row` of an SPI result of INSTRUCTION_ROWS. */
static void
facts_from_result(uint64 row, IcInstructionFacts *out)
{
	bool		isnull;
	HeapTupleHeader th = DatumGetHeapTupleHeader(SPI_getbinval(SPI_tuptable->vals[row],
															   SPI_tuptable->tupdesc, 1, &isnull));
	TupleDesc	desc = lookup_rowtype_tupdesc(HeapTupleHeaderGetTypeId(th), HeapTupleHeaderGetTypMod(th));
	HeapTupleData t;

	t.t_len = HeapTupleHeaderGetDatumLength(th);
	ItemPointerSetInvalid(&t.t_self);
	t.t_tableOid = InvalidOid;
	t.t_data = th;
	ic_facts_from_row(&t, desc, out);
	ReleaseTupleDesc(desc);
}

static void
refuse_missing(int64 id)
{
	ereport(ERROR,
			(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
			 errmsg("instruction %lld does not exist", (long long) id),
			 errhint("Put the instruction on control first (put_on_control).")));
}

static int
cmp_id(const void *a, const void *b)
{
	int64		x = *(const int64 *) a,
				y = *(const int64 *) b;

	return x < y ? -1 : x > y ? 1 : 0;
}

/*
 * The caller may see instructions ids[0..n): SELECT on the table, and where
 * row-level security applies to the caller, the rows pass its policies.  An
 * instruction the caller may not see is refused as one that does not exist
 * (23503), so a refusal tells nothing about hidden rows.  SPI connected.
 *
 * Linear in the rows and n log n in the ids (issue 16, item 8): the ids are
 * sorted once and every row the caller sees is found by binary search, so a
 * batch of 90,000 ids costs what a superuser's does plus one sort; every loop
 * over the ids or the rows can be cancelled.
 */
static void
check_visible(Oid relid, const int64 *ids, int n)
{
	static SPIPlanPtr plan = NULL;
	Oid			argtypes[1] = {INT8ARRAYOID};
	Datum		args[1];
	Datum	   *elems;
	int64	   *sorted;
	bool	   *seen;
	int			nuniq = 0;

	if (pg_class_aclcheck(relid, GetUserId(), ACL_SELECT) != ACLCHECK_OK)
		aclcheck_error(ACLCHECK_NO_PRIV, OBJECT_TABLE, get_rel_name(relid));
	if (check_enable_rls(relid, InvalidOid, false) != RLS_ENABLED)
		return;
	elems = palloc(sizeof(Datum) * Max(n, 1));
	sorted = palloc(sizeof(int64) * Max(n, 1));
	seen = palloc0(sizeof(bool) * Max(n, 1));
	for (int i = 0; i < n; i++)
	{
		elems[i] = Int64GetDatum(ids[i]);
		sorted[i] = ids[i];
	}
	qsort(sorted, n, sizeof(int64), cmp_id);
	for (int i = 0; i < n; i++)
		if (nuniq == 0 || sorted[nuniq - 1] != sorted[i])
			sorted[nuniq++] = sorted[i];
	args[0] = PointerGetDatum(construct_array(elems, n, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
	ic_keep_plan(&plan, "SELECT i.id FROM " IC_SCHEMA ".instruction i "
				 "WHERE i.id OPERATOR(pg_catalog.=) ANY ($1)", 1, argtypes);
	if (SPI_execute_plan(plan, args, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read the instructions");
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		bool		isnull;
		int64		id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[r], SPI_tuptable->tupdesc, 1, &isnull));
		int64	   *hit = bsearch(&id, sorted, nuniq, sizeof(int64), cmp_id);

		CHECK_FOR_INTERRUPTS();
		if (hit != NULL)
			seen[hit - sorted] = true;
	}
	for (int i = 0; i < n; i++)
	{
		int64	   *hit;

		CHECK_FOR_INTERRUPTS();
		hit = bsearch(&ids[i], sorted, nuniq, sizeof(int64), cmp_id);
		if (!seen[hit - sorted])
			refuse_missing(ids[i]);
	}
	SPI_freetuptable(SPI_tuptable);
}

/*
 * Instructions ids[0..n) locked without an executor, in the order given: a
 * primary-key lookup and table_tuple_lock() each, following the update chain
 * as SELECT ... FOR NO KEY UPDATE / FOR SHARE does under READ COMMITTED, and
 * failing with 40001 under REPEATABLE READ when the version this transaction
 * sees was updated since: a decision is then applied to the very version it
 * was judged on.  The facts keep where the locked row is (ic_writer_update).
 *
 * The caller must be able to see the rows (check_visible); the lock itself is
 * the registry's: a role that records decisions or submits reports needs no
 * UPDATE privilege on instruction, and row-level security does not stand
 * between the journal and the row it applies a decision to.  SPI connected.
 */
static void
lock_instructions(const int64 *ids, int n, LockTupleMode mode, IcInstructionFacts *out)
{
	Oid			relid = get_relname_relid("instruction", get_namespace_oid(IC_SCHEMA, false));
	Relation	rel;
	Relation	idx;
	IndexScanDesc scan;
	ScanKeyData key;
	TupleTableSlot *slot;
	Snapshot	snapshot;

	if (!OidIsValid(relid))
		elog(ERROR, "table " IC_SCHEMA ".instruction is missing");
	check_visible(relid, ids, n);

	/* see what the query would see: this transaction's earlier commands too */
	CommandCounterIncrement();
	PushActiveSnapshot(GetTransactionSnapshot());
	snapshot = GetActiveSnapshot();

	rel = table_open(relid, RowShareLock);
	idx = index_open(RelationGetPrimaryKeyIndex(rel), AccessShareLock);
	slot = table_slot_create(rel, NULL);
	scan = index_beginscan(rel, idx, snapshot, 1, 0);
	for (int i = 0; i < n; i++)
	{
		ItemPointerData tid;
		TM_FailureData tmfd;
		TM_Result	result;

		CHECK_FOR_INTERRUPTS();
		ScanKeyInit(&key, 1, BTEqualStrategyNumber, F_INT8EQ, Int64GetDatum(ids[i]));
		index_rescan(scan, &key, 1, NULL, 0);
		if (!index_getnext_slot(scan, ForwardScanDirection, slot))
			refuse_missing(ids[i]);
		tid = slot->tts_tid;
		result = table_tuple_lock(rel, &tid, snapshot, slot, GetCurrentCommandId(true),
								  mode, LockWaitBlock,
								  IsolationUsesXactSnapshot() ? 0 : TUPLE_LOCK_FLAG_FIND_LAST_VERSION, &tmfd);
		switch (result)
		{
			case TM_Ok:
				break;
			case TM_Updated:
			case TM_Deleted:
				if (IsolationUsesXactSnapshot())
					ereport(ERROR,
							(errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
							 errmsg("could not serialize access due to concurrent update"),
							 errhint("Retry the transaction: a decision on instruction %lld was taken concurrently.",
									 (long long) ids[i])));
				refuse_missing(ids[i]);
				break;
			default:
				elog(ERROR, "could not lock instruction %lld (%d)", (long long) ids[i], (int) result);
		}
		ic_facts_from_row(ExecFetchSlotHeapTuple(slot, false, NULL), RelationGetDescr(rel), &out[i]);
		out[i].locked_directly = true;
		out[i].relid = relid;
		out[i].tid = slot->tts_tid;
		ExecClearTuple(slot);
	}
	index_endscan(scan);
	index_close(idx, NoLock);	/* held to the end, as the executor holds it */
	ExecDropSingleTupleTableSlot(slot);
	table_close(rel, NoLock);	/* the row locks and RowShareLock stay to the end */
	PopActiveSnapshot();
}

void
ic_load_instruction(int64 id, IcLock lock, IcInstructionFacts *out)
{
	static SPIPlanPtr plan = NULL;
	Oid			argtypes[1] = {INT8OID};
	Datum		args[1];

	if (lock == IC_LOCK_UPDATE || lock == IC_LOCK_SHARE)
	{
		lock_instructions(&id, 1, lock == IC_LOCK_UPDATE ? LockTupleNoKeyExclusive : LockTupleShare, out);
		return;
	}
	/* a question that decides nothing: read as the caller sees it */
	ic_keep_plan(&plan, INSTRUCTION_ROWS "WHERE i.id OPERATOR(pg_catalog.=) $1", 1, argtypes);
	args[0] = Int64GetDatum(id);
	if (SPI_execute_plan(plan, args, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "could not read instruction %lld", (long long) id);
	if (SPI_processed == 0)
		refuse_missing(id);
	facts_from_result(0, out);
}

int
ic_load_instructions_locked(const int64 *ids, int n, IcInstructionFacts *out)
{
	/* in id order, so two batches lock shared instructions in the same order */
	lock_instructions(ids, n, LockTupleNoKeyExclusive, out);
	return n;
}

/*
 * R42-1.4: the two facts a removal passing control (control_passed) is judged
 * on -- whether the instruction's responsible body is directly subordinate and
 * accountable to the President, and whether the receiving body is the
 * Government -- in one statement, read only for such a removal.
 */
void
ic_load_control_passing(int64 instruction_id, int64 receiving_body_id,
						bool *executor_subordinate, bool *receiver_government)
{
	static SPIPlanPtr plan = NULL;
	Oid			argtypes[2] = {INT8OID, INT8OID};
	Datum		args[2];
	bool		isnull;

	ic_keep_plan(&plan,
				 "SELECT coalesce((SELECT b.directly_subordinate_to_president"
				 "                   FROM " IC_SCHEMA ".instruction i"
				 "                   JOIN " IC_SCHEMA ".state_body b ON b.id OPERATOR(pg_catalog.=) i.responsible_body_id"
				 "                  WHERE i.id OPERATOR(pg_catalog.=) $1), false),"
				 "       coalesce((SELECT g.body_type::pg_catalog.text OPERATOR(pg_catalog.=) 'government'"
				 "                   FROM " IC_SCHEMA ".state_body g WHERE g.id OPERATOR(pg_catalog.=) $2), false)",
				 2, argtypes);
	args[0] = Int64GetDatum(instruction_id);
	args[1] = Int64GetDatum(receiving_body_id);
	if (SPI_execute_plan(plan, args, NULL, false, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "could not read the bodies of instruction %lld's control", (long long) instruction_id);
	*executor_subordinate = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	*receiver_government = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
}

void
ic_load_parent(int64 parent_id, IcParentFacts *out)
{
	static SPIPlanPtr plan = NULL;
	Oid			argtypes[1] = {INT8OID};
	Datum		args[1];

	memset(out, 0, sizeof(*out));
	out->due_date = IC_NO_DATE;
	if (parent_id == 0)
		return;
	ic_keep_plan(&plan,
			  "SELECT due_date FROM " IC_SCHEMA ".instruction "
			  " WHERE id OPERATOR(pg_catalog.=) $1", 1, argtypes);
	args[0] = Int64GetDatum(parent_id);
	if (SPI_execute_plan(plan, args, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "could not read instruction %lld", (long long) parent_id);
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
				 errmsg("parent instruction %lld does not exist", (long long) parent_id)));
	out->exists = true;
	out->due_date = result_date(1);
}

/*
 * R50.3: the day act act_id was signed, IC_NO_DATE if the act names none or
 * does not exist (the foreign key refuses that).  The act is held FOR SHARE
 * until the transaction ends, so its signed_on is not moved past this
 * instruction's receipt by a concurrent UPDATE (act_secrecy_guard checks the
 * receipts it can see; the foreign key's own KEY SHARE would not make it wait).
 * A row lock needs UPDATE on act, which the registry's writers have not: the
 * one fixed statement runs as the table's owner, as the foreign key's check
 * does.
 */
int32
ic_load_act_signed_on(int64 act_id)
{
	static SPIPlanPtr plan = NULL;
	Oid			argtypes[1] = {INT8OID};
	Datum		args[1];
	IcActingAs	saved;
	int			rc;

	if (act_id == 0)
		return IC_NO_DATE;
	ic_keep_plan(&plan,
				 "SELECT signed_on FROM " IC_SCHEMA ".act WHERE id OPERATOR(pg_catalog.=) $1 FOR SHARE",
				 1, argtypes);
	args[0] = Int64GetDatum(act_id);
	ic_act_as_owner(get_relname_relid("act", get_namespace_oid(IC_SCHEMA, false)), &saved);
	rc = SPI_execute_plan(plan, args, NULL, false, 1);
	ic_act_restore(&saved);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "could not read act %lld", (long long) act_id);
	return SPI_processed == 0 ? IC_NO_DATE : result_date(1);
}

void
ic_load_extension_history(int64 instruction_id, IcDecisionContext *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			argtypes[1] = {INT8OID};
	Datum		args[1];
	bool		isnull;
	Datum		d;

	ic_keep_plan(&plan,
			  "SELECT pg_catalog.count(*)::pg_catalog.int4, pg_catalog.max(decided_on), "
			  "       (pg_catalog.array_agg(decided_by::pg_catalog.text ORDER BY seq DESC))[1], pg_catalog.bool_or(repeated), "
			  "       (pg_catalog.array_agg(kind::pg_catalog.text ORDER BY seq DESC))[1] "
			  "  FROM " IC_SCHEMA ".decision "
			  " WHERE instruction_id OPERATOR(pg_catalog.=) $1 "
			  "   AND kind::pg_catalog.text OPERATOR(pg_catalog.=) ANY ('{extension,transfer}'::pg_catalog.text[])",
			  1, argtypes);
	args[0] = Int64GetDatum(instruction_id);
	if (SPI_execute_plan(plan, args, NULL, false, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "could not read the decisions on instruction %lld", (long long) instruction_id);

	ctx->prior_extensions = DatumGetInt32(result_value(1, &isnull));
	ctx->last_extension_on = result_date(2);
	if (!ic_decider_parse(result_text(3), &ctx->last_extension_by))
		ctx->last_extension_by = IC_DECIDER_INVALID;
	d = result_value(4, &isnull);
	ctx->has_repeated_extension = !isnull && DatumGetBool(d);
	if (!ic_action_parse(result_text(5), &ctx->last_extension_action))
		ctx->last_extension_action = IC_ACTION_EXTEND;
}

/* The day the transaction started, in the session's time zone (computed once per both). */
int32
ic_transaction_day(void)
{
	static TimestampTz cached_start = 0;
	static pg_tz *cached_tz = NULL;
	static int32 cached_day = IC_NO_DATE;
	TimestampTz start = GetCurrentTransactionStartTimestamp();

	if (cached_day == IC_NO_DATE || start != cached_start || session_timezone != cached_tz)
	{
		cached_day = DatumGetDateADT(DirectFunctionCall1(timestamptz_date, TimestampTzGetDatum(start)));
		cached_start = start;
		cached_tz = session_timezone;
	}
	return cached_day;
}

void
ic_context_from_facts(IcDecisionContext *ctx, const IcInstructionFacts *f,
					  const IcParentFacts *parent)
{
	ctx->instruction_id = f->id;
	ctx->decided_on = IC_NO_DATE;	/* who_may_decide(): today */
	ctx->kind = f->kind;
	ctx->level = f->level;
	ctx->regime = f->state.regime;
	ctx->on_control = f->state.on_control;
	ctx->due_date = f->state.due_date;
	ctx->received_on = f->received_on;
	ctx->category = f->category;
	ctx->prior_extensions = f->state.extensions;
	ctx->parent_due_date = parent && parent->exists ? parent->due_date : IC_NO_DATE;
	ctx->last_decided_on = f->state.last_decided_on;
	ctx->state_secret = f->state_secret;
	ctx->today = ic_transaction_day();
	ctx->repeated_transfer_needs_review = ic_repeated_transfer_review;
	ctx->typed_basis_required = ic_typed_basis;
	ctx->matrix = ic_decision_matrix();
}
