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
 * The row was locked directly (ic_load_instruction), so the UPDATE is written
 * without an executor start-up (registry_writer.c): there is nothing to plan
 * or scan.  Where a statement-level trigger expects a statement, the same
 * UPDATE runs as one through SPI.  Either way it is the registry's write, as
 * the table's owner: the caller needs no UPDATE privilege on instruction.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"

#include "registry.h"

IcAppliedDecision ic_applying;

const IcColumn ic_applied_columns[] = {
	{"due_date", IC_COL_DATE}, {"regime", IC_COL_TEXT}, {"status", IC_COL_TEXT},
	{"removed_on", IC_COL_DATE}, {"roadmap_due_date", IC_COL_DATE},
	{"extensions", IC_COL_INT4}, {"decision_count", IC_COL_INT4},
	{"last_decision_id", IC_COL_INT8}, {"last_decided_on", IC_COL_DATE}
};
const int	ic_applied_column_count = lengthof(ic_applied_columns);
static const IcColumn last_decision_id = {"last_decision_id", IC_COL_INT8};

static void
apply_by_query(Oid relid, int64 instruction_id, int64 decision_id)
{
	static SPIPlanPtr plan = NULL;
	IcActingAs	saved;
	Oid			argtypes[2] = {INT8OID, INT8OID};
	Datum		args[2];

	ic_keep_plan(&plan, "UPDATE " IC_SCHEMA ".instruction SET last_decision_id = $2 "
				 "WHERE id OPERATOR(pg_catalog.=) $1",
				 2, argtypes);
	args[0] = Int64GetDatum(instruction_id);
	args[1] = Int64GetDatum(decision_id);
	ic_act_as_owner(relid, &saved);
	PG_TRY();
	{
		if (SPI_execute_plan(plan, args, NULL, false, 0) != SPI_OK_UPDATE || SPI_processed != 1)
			elog(ERROR, "decision %lld was not applied", (long long) decision_id);
	}
	PG_FINALLY();
	{
		ic_act_restore(&saved);
	}
	PG_END_TRY();
}

static bool
apply_directly(const IcInstructionFacts *facts, int64 decision_id)
{
	IcWriter   *w;

	if (!facts->locked_directly ||
		(w = ic_writer_open(facts->relid, CMD_UPDATE, ic_applied_columns, ic_applied_column_count, false)) == NULL)
		return false;
	ic_writer_update(w, (ItemPointer) &facts->tid, &last_decision_id, Int64GetDatum(decision_id));
	ic_writer_close(w);
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
			apply_by_query(facts->relid, facts->id, effect->decision_id);
	}
	PG_FINALLY();
	{
		ic_applying.active = false;
	}
	PG_END_TRY();
}
