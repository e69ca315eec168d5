/*
 * registry_writer.c
 *		Write rows of the registry's own tables without an executor start-up.
 *
 * A decision writes one journal row and updates one instruction row it has
 * already found and locked; a batch writes thousands.  Planning and starting
 * an executor for each would cost more than the writes, so the journal writes
 * them the way logical replication applies rows (ExecSimpleRelationInsert,
 * ExecSimpleRelationUpdate): row triggers -- the registry's and any a DBA
 * added -- CHECK constraints, indexes and foreign-key events are kept exactly
 * as a statement keeps them.
 *
 * What the executor prepares (constraint expressions, index descriptions and
 * partial-index predicates, trigger lookups) is kept for the transaction, per
 * table and command.  No relation stays open between two writes -- each
 * ic_writer_open() opens and locks the table and its indexes and
 * ic_writer_close() closes them (the locks stay) -- so the transaction may
 * still ALTER the table.  The prepared state is rebuilt when the table's
 * definition changes (relcache invalidation) or a write failed, freed before
 * commit and forgotten on abort (the abort frees its memory).
 *
 * ic_writer_open() returns NULL where a statement would behave differently,
 * and the caller then runs the statement: a statement-level trigger or
 * transition table that expects a statement, and for a write the caller makes
 * (as_caller) row-level security on the table or privileges the caller lacks
 * (the statement raises its own error).  The registry's own writes -- a
 * decision applied to its instruction -- are not the caller's: no privilege
 * or policy of the caller is asked for them.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/sysattr.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/pg_trigger.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "fmgr.h"
#include "utils/acl.h"
#include "utils/inval.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/resowner.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"

#include "registry.h"

struct IcWriter
{
	Oid			relid;
	CmdType		cmd;
	bool		stale;			/* rebuild before the next use */
	bool		in_use;			/* between open and close; still set after an error */
	EState	   *estate;
	ResultRelInfo *rri;
	Oid		   *index_oids;
	EPQState	epqstate;
	TupleTableSlot *oldslot;
	TupleTableSlot *newslot;
};

/* instruction updates and journal inserts: a writer per table and command */
#define IC_MAX_WRITERS 4
static IcWriter writers[IC_MAX_WRITERS];
static bool callbacks_registered = false;

static void
writer_forget(IcWriter *w, bool free_it)
{
	if (w->estate == NULL)
		return;
	if (free_it)
	{
		ResourceOwner saved = CurrentResourceOwner;

		CurrentResourceOwner = TopTransactionResourceOwner;
		EvalPlanQualEnd(&w->epqstate);
		ExecResetTupleTable(w->estate->es_tupleTable, true);
		FreeExecutorState(w->estate);
		CurrentResourceOwner = saved;
	}
	memset(w, 0, sizeof(*w));
}

static void
writers_xact_end(XactEvent event, void *arg)
{
	bool		free_them;

	switch (event)
	{
		case XACT_EVENT_PRE_COMMIT:
		case XACT_EVENT_PARALLEL_PRE_COMMIT:
		case XACT_EVENT_PRE_PREPARE:
			free_them = true;
			break;
		case XACT_EVENT_ABORT:
		case XACT_EVENT_PARALLEL_ABORT:
			free_them = false;	/* the abort frees them */
			break;
		default:
			return;
	}
	for (int i = 0; i < IC_MAX_WRITERS; i++)
		writer_forget(&writers[i], free_them);
}

static void
writers_relcache_changed(Datum arg, Oid relid)
{
	for (int i = 0; i < IC_MAX_WRITERS; i++)
		if (writers[i].estate != NULL && (relid == InvalidOid || relid == writers[i].relid))
			writers[i].stale = true;
}

static bool
needs_a_statement(Relation rel, CmdType cmd)
{
	TriggerDesc *t = rel->trigdesc;

	if (t == NULL)
		return false;
	if (cmd == CMD_INSERT)
	{
		if (t->trig_insert_new_table)
			return true;
		/* the restore triggers act only while restore_mode reloads a dump */
		for (int i = 0; i < t->numtriggers; i++)
			if (!TRIGGER_FOR_ROW(t->triggers[i].tgtype) && TRIGGER_FOR_INSERT(t->triggers[i].tgtype) &&
				!ic_is_restore_trigger(&t->triggers[i]))
				return true;
		return false;
	}
	return t->trig_update_before_statement || t->trig_update_after_statement ||
		t->trig_update_old_table || t->trig_update_new_table;
}

/* Prepare w for rel (open, locked); leaves the indexes open as open_indexes() does. */
static void
writer_build(IcWriter *w, Relation rel, CmdType cmd, const IcColumn *updated, int nupdated)
{
	TupleDesc	desc = RelationGetDescr(rel);
	MemoryContext oldcxt;
	ResourceOwner saved = CurrentResourceOwner;
	RangeTblEntry *rte;
	ResultRelInfo *rri;
	EState	   *estate;

	oldcxt = MemoryContextSwitchTo(TopTransactionContext);
	estate = CreateExecutorState();
	w->estate = estate;
	w->relid = RelationGetRelid(rel);
	w->cmd = cmd;
	MemoryContextSwitchTo(estate->es_query_cxt);

	rte = makeNode(RangeTblEntry);
	rte->rtekind = RTE_RELATION;
	rte->relid = w->relid;
	rte->relkind = rel->rd_rel->relkind;
	rte->rellockmode = RowExclusiveLock;
	/* UPDATE OF triggers see the columns a decision changes */
	for (int i = 0; i < nupdated; i++)
		rte->updatedCols = bms_add_member(rte->updatedCols,
										  ic_attnum(desc, updated[i].name, updated[i].type) -
										  FirstLowInvalidHeapAttributeNumber);
	ExecInitRangeTable(estate, list_make1(rte));
	rri = makeNode(ResultRelInfo);
	InitResultRelInfo(rri, rel, 1, NULL, 0);

	/*
	 * Look the trigger functions up now, in the writer's memory.  The
	 * executor would do it at their first call, in the memory of that
	 * statement; but a function with SET clauses or SECURITY DEFINER keeps
	 * its cache in that memory (fmgr_security_definer, fn_extra), and the
	 * writer outlives the statement: the next statement of the transaction
	 * would call through freed memory.
	 */
	if (rri->ri_TrigDesc != NULL)
		for (int i = 0; i < rri->ri_TrigDesc->numtriggers; i++)
			fmgr_info_cxt(rri->ri_TrigDesc->triggers[i].tgfoid, &rri->ri_TrigFunctions[i],
						  estate->es_query_cxt);
	/* AFTER triggers fired by ic_writer_close() find it here */
	estate->es_opened_result_relations = list_make1(rri);
	ExecOpenIndices(rri, false);
	w->index_oids = palloc(sizeof(Oid) * Max(rri->ri_NumIndices, 1));
	for (int i = 0; i < rri->ri_NumIndices; i++)
		w->index_oids[i] = RelationGetRelid(rri->ri_IndexRelationDescs[i]);
	w->rri = rri;
	EvalPlanQualInit(&w->epqstate, estate, NULL, NIL, -1);

	/* the slots' descriptors are pinned by the transaction, like the state */
	CurrentResourceOwner = TopTransactionResourceOwner;
	w->oldslot = table_slot_create(rel, &estate->es_tupleTable);
	w->newslot = table_slot_create(rel, &estate->es_tupleTable);
	(void) ExecGetTriggerOldSlot(estate, rri);
	(void) ExecGetTriggerNewSlot(estate, rri);
	CurrentResourceOwner = saved;
	MemoryContextSwitchTo(oldcxt);
}

static void
open_indexes(IcWriter *w)
{
	for (int i = 0; i < w->rri->ri_NumIndices; i++)
		w->rri->ri_IndexRelationDescs[i] = index_open(w->index_oids[i], RowExclusiveLock);
}

static IcWriter *
writer_slot(Oid relid, CmdType cmd)
{
	IcWriter   *free_slot = NULL;

	for (int i = 0; i < IC_MAX_WRITERS; i++)
	{
		if (writers[i].estate != NULL && writers[i].relid == relid && writers[i].cmd == cmd)
			return &writers[i];
		if (writers[i].estate == NULL && free_slot == NULL)
			free_slot = &writers[i];
	}
	if (free_slot == NULL)
	{
		writer_forget(&writers[0], true);
		free_slot = &writers[0];
	}
	return free_slot;
}

IcWriter *
ic_writer_open(Oid relid, CmdType cmd, const IcColumn *updated, int nupdated, bool as_caller)
{
	Relation	rel;
	IcWriter   *w;

	Assert(cmd == CMD_INSERT || cmd == CMD_UPDATE);
	if (as_caller &&
		(check_enable_rls(relid, InvalidOid, true) == RLS_ENABLED ||
		 pg_class_aclcheck(relid, GetUserId(), cmd == CMD_INSERT ? ACL_INSERT : ACL_UPDATE) != ACLCHECK_OK))
		return NULL;
	rel = table_open(relid, RowExclusiveLock);
	if (rel->rd_rel->relkind != RELKIND_RELATION || needs_a_statement(rel, cmd))
	{
		table_close(rel, NoLock);
		return NULL;
	}
	if (!callbacks_registered)
	{
		RegisterXactCallback(writers_xact_end, NULL);
		CacheRegisterRelcacheCallback(writers_relcache_changed, (Datum) 0);
		callbacks_registered = true;
	}
	w = writer_slot(relid, cmd);
	if (w->estate == NULL || w->stale || w->in_use)
	{
		/* in use still: an error came between open and close (see writer_failed) */
		writer_forget(w, true);
		writer_build(w, rel, cmd, updated, nupdated);
	}
	else
	{
		w->rri->ri_RelationDesc = rel;
		open_indexes(w);
	}
	w->in_use = true;
	w->estate->es_output_cid = GetCurrentCommandId(true);
	w->estate->es_snapshot = GetActiveSnapshot();
	AfterTriggerBeginQuery();
	return w;
}

/* Every slot let go of its buffer pin: pins belong to the statement's resource owner. */
static void
release_slots(IcWriter *w)
{
	ListCell   *lc;

	foreach(lc, w->estate->es_tupleTable)
		ExecClearTuple((TupleTableSlot *) lfirst(lc));
	ResetPerTupleExprContext(w->estate);
}

/*
 * A write failed: let go of the buffers while their resource owner still
 * holds them; the (sub)transaction's abort closes the relations, and the
 * state is rebuilt before its next use.
 */
static void
writer_failed(IcWriter *w)
{
	release_slots(w);
	w->stale = true;
}

HeapTuple
ic_writer_insert(IcWriter *w, HeapTuple tuple)
{
	TupleTableSlot *slot = w->newslot;
	HeapTuple	stored = NULL;

	Assert(w->in_use && w->cmd == CMD_INSERT);
	PG_TRY();
	{
		ExecForceStoreHeapTuple(tuple, slot, false);
		ItemPointerSetInvalid(&slot->tts_tid);
		ExecSimpleRelationInsert(w->rri, w->estate, slot);
		/* a BEFORE trigger that returned NULL skipped the row */
		stored = ItemPointerIsValid(&slot->tts_tid) ? ExecCopySlotHeapTuple(slot) : NULL;
	}
	PG_CATCH();
	{
		writer_failed(w);
		PG_RE_THROW();
	}
	PG_END_TRY();
	release_slots(w);
	return stored;
}

void
ic_writer_update(IcWriter *w, ItemPointer tid, const IcColumn *column, Datum value)
{
	TupleTableSlot *oldslot = w->oldslot;
	TupleTableSlot *newslot = w->newslot;
	int			natts = oldslot->tts_tupleDescriptor->natts;
	int			attnum = ic_attnum(oldslot->tts_tupleDescriptor, column->name, column->type);

	Assert(w->in_use && w->cmd == CMD_UPDATE);
	PG_TRY();
	{
		/* the locked version, and the same row with one column set */
		if (!table_tuple_fetch_row_version(w->rri->ri_RelationDesc, tid, SnapshotAny, oldslot))
			elog(ERROR, "row (%u,%u) vanished while it was locked",
				 ItemPointerGetBlockNumber(tid), ItemPointerGetOffsetNumber(tid));
		slot_getallattrs(oldslot);
		ExecClearTuple(newslot);
		memcpy(newslot->tts_values, oldslot->tts_values, sizeof(Datum) * natts);
		memcpy(newslot->tts_isnull, oldslot->tts_isnull, sizeof(bool) * natts);
		newslot->tts_values[attnum - 1] = value;
		newslot->tts_isnull[attnum - 1] = false;
		ExecStoreVirtualTuple(newslot);
		ExecSimpleRelationUpdate(w->rri, w->estate, &w->epqstate, oldslot, newslot);
	}
	PG_CATCH();
	{
		writer_failed(w);
		PG_RE_THROW();
	}
	PG_END_TRY();
	release_slots(w);
}

void
ic_writer_close(IcWriter *w)
{
	ResultRelInfo *rri = w->rri;

	PG_TRY();
	{
		AfterTriggerEndQuery(w->estate);	/* foreign-key checks, a DBA's AFTER triggers */
	}
	PG_CATCH();
	{
		writer_failed(w);
		PG_RE_THROW();
	}
	PG_END_TRY();
	release_slots(w);
	for (int i = 0; i < rri->ri_NumIndices; i++)
	{
		index_close(rri->ri_IndexRelationDescs[i], NoLock);
		rri->ri_IndexRelationDescs[i] = NULL;
	}
	table_close(rri->ri_RelationDesc, NoLock);	/* the locks stay to the end */
	rri->ri_RelationDesc = NULL;
	w->in_use = false;
}
