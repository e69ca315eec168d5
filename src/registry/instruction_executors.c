/*
 * instruction_executors.c
 *		The executors of an instruction with foreign keys: instruction_executor.
 *
 * responsible_body_id and co_executor_ids are given when the instruction is
 * put on control (the guard checks they name distinct bodies, R56); the
 * instruction's AFTER INSERT trigger writes them here, where foreign keys
 * refuse an unknown body.  Nothing else writes the table: a direct INSERT is
 * refused, UPDATE and DELETE are refused by journal_append_only.
 * The rows are the registry's write, made as the table's owner (as a decision
 * is applied, decision_apply.c): a controller or the importing administrator
 * needs no privilege on instruction_executor to name the executors.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

#include "instruction_control.h"
#include "registry.h"

PG_FUNCTION_INFO_V1(ic_executor_guard);

/* Set while this backend writes instruction_executor for a new instruction. */
static bool writing_executors = false;

/* AFTER INSERT: the executors' rows, with foreign keys (unknown body: 23503). */
void
ic_write_executors(TriggerData *td)
{
	static SPIPlanPtr plan = NULL;
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	HeapTuple	tuple = td->tg_trigtuple;
	Oid			argtypes[3] = {INT8OID, INT8OID, INT8ARRAYOID};
	Datum		args[3];
	char		nulls[3] = {' ', ' ', ' '};
	bool		isnull;
	IcActingAs	saved;

	args[0] = Int64GetDatum(ic_get_int64(tuple, desc, "id"));
	args[1] = ic_getattr(tuple, desc, "responsible_body_id", IC_COL_INT8, &isnull);
	nulls[1] = isnull ? 'n' : ' ';
	args[2] = ic_getattr(tuple, desc, "co_executor_ids", IC_COL_INT8_ARRAY, &isnull);
	nulls[2] = isnull ? 'n' : ' ';
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ic_keep_plan(&plan, "INSERT INTO " IC_SCHEMA ".instruction_executor (instruction_id, body_id, role) "
				 "SELECT $1, $2, 'responsible' WHERE $2 IS NOT NULL "
				 "UNION ALL SELECT $1, b, 'co_executor' FROM pg_catalog.unnest($3) AS b",
				 3, argtypes);
	ic_act_as_owner(get_relname_relid("instruction_executor", get_namespace_oid(IC_SCHEMA, false)),
					&saved);
	writing_executors = true;
	PG_TRY();
	{
		if (SPI_execute_plan(plan, args, nulls, false, 0) != SPI_OK_INSERT)
			elog(ERROR, "could not record the executors of instruction %lld",
				 (long long) DatumGetInt64(args[0]));
	}
	PG_FINALLY();
	{
		ic_act_restore(&saved);
		writing_executors = false;
	}
	PG_END_TRY();
	SPI_finish();
}

Datum
ic_executor_guard(PG_FUNCTION_ARGS)
{
	TriggerData *td = ic_trigger_data(fcinfo, "executor_guard", "instruction_executor");

	if (!TRIGGER_FIRED_BEFORE(td->tg_event) || !TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		!TRIGGER_FIRED_BY_INSERT(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("executor_guard must be a BEFORE INSERT ROW trigger")));
	if (!writing_executors && !ic_restore_mode)
		ic_raise_bypass("executors are fixed when the instruction is put on control (R56)",
						"A direct INSERT into instruction_executor was refused.",
						"Give responsible_body_id and co_executor_ids when putting the instruction on control; the registry writes instruction_executor.");
	return PointerGetDatum(td->tg_trigtuple);
}
