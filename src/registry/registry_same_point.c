/*
 * registry_same_point.c
 *		R79: is the point still on the PA's control?  A body may not remove its
 *		record of a point while the Presidential Administration's record of
 *		the same point is on control.  The same point is a record up the
 *		instruction's upper_record_id chain (at any depth), or a record of the
 *		same act and point.
 *
 * A record without an upper record (most of them) needs one lookup: the
 * records of its act and point in instruction_act_point_idx.  That lookup is
 * an index scan here, without an executor (issue 19: a removal below PA level
 * at most 1.2x one at PA level; the SPI statement it replaces cost more than
 * the rest of the removal's extra work).  It sees what the statement saw: the
 * transaction's earlier commands (CommandCounterIncrement) under a snapshot
 * taken as SPI takes one for a statement that may write.  Row-level security
 * does not hide the PA's record from the rule: the rule is the registry's,
 * not the caller's view of it (only a controller records a removal, and a
 * controller's policy shows every row anyway).
 *
 * A record with an upper record walks the chain in one recursive SPI
 * statement (SPI connected).
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/relscan.h"
#include "access/stratnum.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "executor/tuptable.h"
#include "miscadmin.h"
#include "utils/datum.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#include "control_level_core.h"
#include "instruction_control.h"
#include "registry.h"

/* is the row in slot a record at PA level on control (level pa, status on_control)? */
static bool
pa_on_control(TupleTableSlot *slot, AttrNumber level_col, AttrNumber status_col)
{
	bool		isnull;
	Datum		level = slot_getattr(slot, level_col, &isnull);
	Datum		status;
	text	   *s;

	if (isnull || (IcControlLevel) (uint8) DatumGetChar(level) != IC_LEVEL_PA)
		return false;
	status = slot_getattr(slot, status_col, &isnull);
	if (isnull)
		return false;
	s = DatumGetTextPP(status);
	return VARSIZE_ANY_EXHDR(s) == strlen("on_control") &&
		memcmp(VARDATA_ANY(s), "on_control", strlen("on_control")) == 0;
}

/*
 * The PA's record of the same act and point as record f (not f itself), on
 * control, or 0: f's point read by its primary key, then the records of
 * (act_id, point) in instruction_act_point_idx.
 */
static int64
same_act_point_on_pa(const IcInstructionFacts *f)
{
	Oid			nsp = get_namespace_oid(IC_SCHEMA, false);
	Oid			relid = get_relname_relid("instruction", nsp);
	Oid			idxid = get_relname_relid("instruction_act_point_idx", nsp);
	Relation	rel;
	Relation	pk;
	Relation	idx;
	TupleTableSlot *slot;
	IndexScanDesc scan;
	ScanKeyData keys[2];
	AttrNumber	id_col, point_col, level_col, status_col;
	Datum		point = (Datum) 0;
	bool		has_point = false;
	bool		isnull;
	Oid			point_eq;
	int64		found = 0;

	if (!OidIsValid(relid) || !OidIsValid(idxid))
		elog(ERROR, "table " IC_SCHEMA ".instruction or its index instruction_act_point_idx is missing");

	/* what the statement would see: this transaction's earlier commands too */
	CommandCounterIncrement();
	PushActiveSnapshot(GetTransactionSnapshot());

	rel = table_open(relid, AccessShareLock);
	/* the columns by name, their types checked (ic_attnum) */
	id_col = ic_attnum(RelationGetDescr(rel), "id", IC_COL_INT8);
	point_col = ic_attnum(RelationGetDescr(rel), "point", IC_COL_POINT_REF);
	level_col = ic_attnum(RelationGetDescr(rel), "level", IC_COL_BYTE);
	status_col = ic_attnum(RelationGetDescr(rel), "status", IC_COL_TEXT);
	slot = table_slot_create(rel, NULL);

	/*
	 * the record's point: read here, for the removals below PA level that need
	 * it, not copied into the facts every decision loads
	 */
	pk = index_open(RelationGetPrimaryKeyIndex(rel), AccessShareLock);
	ScanKeyInit(&keys[0], 1, BTEqualStrategyNumber, F_INT8EQ, Int64GetDatum(f->id));
	scan = index_beginscan(rel, pk, GetActiveSnapshot(), 1, 0);
	index_rescan(scan, keys, 1, NULL, 0);
	if (index_getnext_slot(scan, ForwardScanDirection, slot))
	{
		Datum		p = slot_getattr(slot, point_col, &isnull);

		if (!isnull)
		{
			point = datumCopy(p, false, -1);
			has_point = true;
		}
	}
	index_endscan(scan);
	index_close(pk, NoLock);
	ExecClearTuple(slot);

	if (has_point)
	{
		idx = index_open(idxid, AccessShareLock);
		if (idx->rd_index->indrelid != relid || IndexRelationGetNumberOfKeyAttributes(idx) != 2 ||
			idx->rd_index->indkey.values[0] != ic_attnum(RelationGetDescr(rel), "act_id", IC_COL_INT8) ||
			idx->rd_index->indkey.values[1] != point_col)
			elog(ERROR, "index " IC_SCHEMA ".instruction_act_point_idx is not on instruction (act_id, point)");
		/* the point's equality of the index's operator family (point_ref = point_ref) */
		point_eq = get_opcode(get_opfamily_member(idx->rd_opfamily[1], idx->rd_opcintype[1],
												  idx->rd_opcintype[1], BTEqualStrategyNumber));
		if (!OidIsValid(point_eq))
			elog(ERROR, "no equality for the points of " IC_SCHEMA ".instruction_act_point_idx");
		ScanKeyInit(&keys[0], 1, BTEqualStrategyNumber, F_INT8EQ, Int64GetDatum(f->act_id));
		ScanKeyInit(&keys[1], 2, BTEqualStrategyNumber, point_eq, point);
		scan = index_beginscan(rel, idx, GetActiveSnapshot(), 2, 0);
		index_rescan(scan, keys, 2, NULL, 0);
		while (index_getnext_slot(scan, ForwardScanDirection, slot))
		{
			int64		id = DatumGetInt64(slot_getattr(slot, id_col, &isnull));

			CHECK_FOR_INTERRUPTS();
			if (id != f->id && pa_on_control(slot, level_col, status_col))
			{
				found = id;
				break;
			}
		}
		index_endscan(scan);
		index_close(idx, NoLock);
	}

	ExecDropSingleTupleTableSlot(slot);
	table_close(rel, NoLock);
	PopActiveSnapshot();
	return found;
}

#define PA_ON_CONTROL(r) \
	"(" r ".level::pg_catalog.text OPERATOR(pg_catalog.=) 'pa'" \
	" AND " r ".status OPERATOR(pg_catalog.=) 'on_control')"

/*
 * The chain up upper_record_id from record f: a record on the PA's control
 * in it, or one of the same act and point as a record of it.  Each step is a
 * key lookup (the primary key, instruction_act_point_idx): the two ways a
 * record is the same point are two arms of a UNION ALL, not one OR in a join
 * condition, which has no index path and read the whole table for every
 * removal below PA level (issue 19).  Each lookup is a LATERAL subquery kept
 * apart (OFFSET 0), so the plan stays a chain of key lookups whatever the
 * statistics say; the point stays point_ref so the index applies.
 */
static int64
upper_chain_on_pa(const IcInstructionFacts *f)
{
	static SPIPlanPtr plan = NULL;
	Oid			argtypes[1] = {INT8OID};
	Datum		args[1];
	bool		isnull;

	ic_keep_plan(&plan,
				 "WITH RECURSIVE up(id, upper, act_id, point, pa_on) AS ("
				 "  SELECT i.id, i.upper_record_id, i.act_id, i.point, " PA_ON_CONTROL("i")
				 "    FROM " IC_SCHEMA ".instruction i WHERE i.id OPERATOR(pg_catalog.=) $1"
				 "  UNION ALL"
				 "  SELECT u.id, u.upper_record_id, u.act_id, u.point, u.pa_on FROM up,"
				 "    LATERAL (SELECT n.id, n.upper_record_id, n.act_id, n.point, " PA_ON_CONTROL("n") " AS pa_on"
				 "               FROM " IC_SCHEMA ".instruction n"
				 "              WHERE n.id OPERATOR(pg_catalog.=) up.upper OFFSET 0) u)"
				 " CYCLE id SET is_cycle USING path"
				 " SELECT up.id FROM up"
				 "  WHERE up.pa_on AND up.id OPERATOR(pg_catalog.<>) $1 AND NOT up.is_cycle"
				 " UNION ALL"
				 " SELECT p.id FROM up,"
				 "   LATERAL (SELECT s.id FROM " IC_SCHEMA ".instruction s"
				 "             WHERE s.act_id OPERATOR(pg_catalog.=) up.act_id"
				 "               AND s.point OPERATOR(" IC_SCHEMA ".=) up.point"
				 "               AND s.id OPERATOR(pg_catalog.<>) $1 AND " PA_ON_CONTROL("s")
				 "             OFFSET 0) p"
				 "  WHERE NOT up.is_cycle"
				 " LIMIT 1",
				 1, argtypes);
	args[0] = Int64GetDatum(f->id);
	if (SPI_execute_plan(plan, args, NULL, false, 1) != SPI_OK_SELECT)
		elog(ERROR, "could not read the records of instruction %lld's point", (long long) f->id);
	if (SPI_processed == 0)
		return 0;
	return DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
}
#undef PA_ON_CONTROL

int64
ic_load_pa_record_on_control(const IcInstructionFacts *f)
{
	if (f->upper_record_id != 0)
		return upper_chain_on_pa(f);
	if (f->act_id == 0)
		return 0;
	return same_act_point_on_pa(f);
}
