/*
 * decision_apply.c
 *		Apply a judged decision to its instruction.
 *
 * The application is an UPDATE of the instruction's last_decision_id while
 * ic_applying names the decision; the instruction's guard (a BEFORE UPDATE
 * row trigger) then writes ic_rules_effect() into the row.  So any other row
 * trigger a DBA put on instruction, its CHECK constraints and its indexes see
 * an ordinary update.
 *
 * The hot path does that UPDATE without an executor start-up, the way
 * logical replication applies a row (ExecSimpleRelationUpdate): the row was
 * already found and locked by ic_load_instruction(), so there is nothing to
 * plan or scan, and what the executor prepares is kept for the transaction.  It is taken only where nothing would differ from the query:
 * the row was locked directly (no row-level security, the caller may update
 * the table) and no statement-level UPDATE trigger or transition table
 * expects a statement.  Otherwise the same UPDATE runs through SPI.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/sysattr.h"
#include "access/xact.h"
#include "access/table.h"
#include "access/tableam.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "nodes/makefuncs.h"
#include "utils/inval.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/resowner.h"
#include "utils/snapmgr.h"

#include "registry.h"

IcAppliedDecision ic_applying;

/* The columns the application of a decision changes: UPDATE OF triggers fire. */
static const struct
{
	const char *name;
	IcColType	type;
}			applied_columns[] = {
	{"due_date", IC_COL_DATE}, {"regime", IC_COL_TEXT}, {"status", IC_COL_TEXT},
	{"removed_on", IC_COL_DATE}, {"roadmap_due_date", IC_COL_DATE},
	{"extensions", IC_COL_INT4}, {"decision_count", IC_COL_INT4},
	{"last_decision_id", IC_COL_INT8}, {"last_decided_on", IC_COL_DATE}
};

static bool
needs_a_statement(Relation rel)
{
	TriggerDesc *t = rel->trigdesc;

	return t != NULL && (t->trig_update_before_statement || t->trig_update_after_statement ||
						 t->trig_update_old_table || t->trig_update_new_table);
}

static void
apply_by_query(int64 instruction_id, int64 decision_id)
{
	static SPIPlanPtr plan = NULL;
	Oid			argtypes[2] = {INT8OID, INT8OID};
	Datum		args[2];

	ic_keep_plan(&plan, "UPDATE " IC_SCHEMA ".instruction SET last_decision_id = $2 "
				 "WHERE id OPERATOR(pg_catalog.=) $1",
				 2, argtypes);
	args[0] = Int64GetDatum(instruction_id);
	args[1] = Int64GetDatum(decision_id);
	if (SPI_execute_plan(plan, args, NULL, false, 0) != SPI_OK_UPDATE || SPI_processed != 1)
		elog(ERROR, "decision %lld was not applied", (long long) decision_id);
}

/*
 * What an UPDATE of instruction needs, prepared once per transaction: the
 * executor state, the table's CHECK constraints and partial-index predicates
 * prepared, its indexes' descriptions and its row triggers looked up.  No
 * relation stays open between two decisions -- each application opens and
 * locks the table and its indexes, and closes them (the locks stay) -- so the
 * transaction may still ALTER the table.  Rebuilt when the table's definition
 * changes (relcache invalidation: a new index, trigger or constraint) or an
 * application failed; freed before commit, forgotten on abort (the abort
 * frees its memory).  The slots' descriptors are pinned by the transaction.
 */
typedef struct ApplyState
{
	Oid			relid;
	bool		stale;
	EState	   *estate;
	ResultRelInfo *rri;
	Oid		   *index_oids;
	EPQState	epqstate;
	TupleTableSlot *oldslot;
	TupleTableSlot *newslot;
	int			last_decision_attnum;
} ApplyState;

static ApplyState apply_state;
static bool callbacks_registered = false;

static void
apply_state_drop(bool free_it)
{
	if (apply_state.estate == NULL)
		return;
	if (free_it)
	{
		ResourceOwner saved = CurrentResourceOwner;

		CurrentResourceOwner = TopTransactionResourceOwner;
		EvalPlanQualEnd(&apply_state.epqstate);
		ExecResetTupleTable(apply_state.estate->es_tupleTable, true);
		FreeExecutorState(apply_state.estate);
		CurrentResourceOwner = saved;
	}
	memset(&apply_state, 0, sizeof(apply_state));
}

static void
apply_state_xact_end(XactEvent event, void *arg)
{
	switch (event)
	{
		case XACT_EVENT_PRE_COMMIT:
		case XACT_EVENT_PARALLEL_PRE_COMMIT:
		case XACT_EVENT_PRE_PREPARE:
			apply_state_drop(true);
			break;
		case XACT_EVENT_ABORT:
		case XACT_EVENT_PARALLEL_ABORT:
			apply_state_drop(false);	/* the abort frees it */
			break;
		default:
			break;
	}
}

static void
apply_state_relcache_changed(Datum arg, Oid relid)
{
	if (apply_state.estate != NULL && (relid == InvalidOid || relid == apply_state.relid))
		apply_state.stale = true;
}

/* Build the state for rel (open, locked); leaves the indexes open like open_indexes(). */
static void
apply_state_build(Relation rel)
{
	TupleDesc	desc = RelationGetDescr(rel);
	MemoryContext oldcxt;
	ResourceOwner saved = CurrentResourceOwner;
	RangeTblEntry *rte;
	ResultRelInfo *rri;
	EState	   *estate;

	if (!callbacks_registered)
	{
		RegisterXactCallback(apply_state_xact_end, NULL);
		CacheRegisterRelcacheCallback(apply_state_relcache_changed, (Datum) 0);
		callbacks_registered = true;
	}
	oldcxt = MemoryContextSwitchTo(TopTransactionContext);
	estate = CreateExecutorState();
	apply_state.estate = estate;
	apply_state.relid = RelationGetRelid(rel);
	MemoryContextSwitchTo(estate->es_query_cxt);

	rte = makeNode(RangeTblEntry);
	rte->rtekind = RTE_RELATION;
	rte->relid = apply_state.relid;
	rte->relkind = rel->rd_rel->relkind;
	rte->rellockmode = RowExclusiveLock;
	for (size_t i = 0; i < lengthof(applied_columns); i++)
		rte->updatedCols = bms_add_member(rte->updatedCols,
										  ic_attnum(desc, applied_columns[i].name, applied_columns[i].type) -
										  FirstLowInvalidHeapAttributeNumber);
	ExecInitRangeTable(estate, list_make1(rte));
	rri = makeNode(ResultRelInfo);
	InitResultRelInfo(rri, rel, 1, NULL, 0);
	/* AFTER triggers fired at the end of an application find it here */
	estate->es_opened_result_relations = list_make1(rri);
	ExecOpenIndices(rri, false);
	apply_state.index_oids = palloc(sizeof(Oid) * Max(rri->ri_NumIndices, 1));
	for (int i = 0; i < rri->ri_NumIndices; i++)
		apply_state.index_oids[i] = RelationGetRelid(rri->ri_IndexRelationDescs[i]);
	apply_state.rri = rri;
	EvalPlanQualInit(&apply_state.epqstate, estate, NULL, NIL, -1);
	apply_state.last_decision_attnum = ic_attnum(desc, "last_decision_id", IC_COL_INT8);

	CurrentResourceOwner = TopTransactionResourceOwner;
	apply_state.oldslot = table_slot_create(rel, &estate->es_tupleTable);
	apply_state.newslot = table_slot_create(rel, &estate->es_tupleTable);
	(void) ExecGetTriggerOldSlot(estate, rri);
	(void) ExecGetTriggerNewSlot(estate, rri);
	CurrentResourceOwner = saved;
	MemoryContextSwitchTo(oldcxt);
}

static void
open_indexes(ResultRelInfo *rri)
{
	for (int i = 0; i < rri->ri_NumIndices; i++)
		rri->ri_IndexRelationDescs[i] = index_open(apply_state.index_oids[i], RowExclusiveLock);
}

static void
close_relations(ResultRelInfo *rri)
{
	for (int i = 0; i < rri->ri_NumIndices; i++)
	{
		index_close(rri->ri_IndexRelationDescs[i], NoLock);
		rri->ri_IndexRelationDescs[i] = NULL;
	}
	table_close(rri->ri_RelationDesc, NoLock);	/* the locks stay to the end */
	rri->ri_RelationDesc = NULL;
}

/* Every slot let go of its buffer pin: pins belong to the statement's resource owner. */
static void
release_slots(EState *estate)
{
	ListCell   *lc;

	foreach(lc, estate->es_tupleTable)
		ExecClearTuple((TupleTableSlot *) lfirst(lc));
}

/* false where the query must do it (see the file's comment) */
static bool
apply_directly(const IcInstructionFacts *facts, int64 decision_id)
{
	Relation	rel;
	EState	   *estate;
	TupleTableSlot *oldslot;
	TupleTableSlot *newslot;
	int			natts;

	if (!facts->locked_directly)
		return false;
	rel = table_open(facts->relid, RowExclusiveLock);
	if (rel->rd_rel->relkind != RELKIND_RELATION || needs_a_statement(rel))
	{
		table_close(rel, NoLock);
		return false;
	}
	if (apply_state.estate == NULL || apply_state.stale || apply_state.relid != facts->relid)
	{
		apply_state_drop(true);
		apply_state_build(rel);
	}
	else
	{
		apply_state.rri->ri_RelationDesc = rel;
		open_indexes(apply_state.rri);
	}

	estate = apply_state.estate;
	estate->es_output_cid = GetCurrentCommandId(true);
	estate->es_snapshot = GetActiveSnapshot();
	oldslot = apply_state.oldslot;
	newslot = apply_state.newslot;
	natts = oldslot->tts_tupleDescriptor->natts;

	PG_TRY();
	{
		/* the locked version, and the same row with last_decision_id set */
		if (!table_tuple_fetch_row_version(rel, (ItemPointer) &facts->tid, SnapshotAny, oldslot))
			elog(ERROR, "instruction %lld vanished while a decision was applied", (long long) facts->id);
		slot_getallattrs(oldslot);
		ExecClearTuple(newslot);
		memcpy(newslot->tts_values, oldslot->tts_values, sizeof(Datum) * natts);
		memcpy(newslot->tts_isnull, oldslot->tts_isnull, sizeof(bool) * natts);
		newslot->tts_values[apply_state.last_decision_attnum - 1] = Int64GetDatum(decision_id);
		newslot->tts_isnull[apply_state.last_decision_attnum - 1] = false;
		ExecStoreVirtualTuple(newslot);

		AfterTriggerBeginQuery();
		ExecSimpleRelationUpdate(apply_state.rri, estate, &apply_state.epqstate, oldslot, newslot);
		AfterTriggerEndQuery(estate);
	}
	PG_CATCH();
	{
		/* the abort closes the relations; the state is rebuilt before its next use */
		release_slots(estate);
		apply_state.stale = true;
		PG_RE_THROW();
	}
	PG_END_TRY();
	release_slots(estate);
	ResetPerTupleExprContext(estate);
	close_relations(apply_state.rri);
	return true;
}

void
ic_apply_decision(const IcInstructionFacts *facts, const IcDecisionEffect *effect)
{
	ic_applying.instruction_id = facts->id;
	ic_applying.effect = *effect;
	ic_applying.active = true;
	PG_TRY();
	{
		if (!apply_directly(facts, effect->decision_id))
			apply_by_query(facts->id, effect->decision_id);
	}
	PG_FINALLY();
	{
		ic_applying.active = false;
	}
	PG_END_TRY();
}
