/*
 * instruction_calls.c
 *		put_on_control() in C: its INSERT prepared once per backend.
 *
 * As a SQL function (BEGIN ATOMIC) put_on_control() parsed its INSERT from the
 * stored body, planned and started it on every call: twice the cost of the
 * same INSERT sent by a client as a prepared statement (issue 19).  Here the
 * INSERT is the same statement -- every argument into its column, in the
 * order of the arguments -- prepared once per backend and kept (generic), run
 * as the caller: its privileges, its row-level security (the plan cache
 * re-plans for another role), the instruction's triggers, which judge and
 * compute the deadlines (R50.3, R51, R56), and the table's constraints, as
 * any INSERT.  The statement names the table by its schema and nothing else,
 * so no caller's search_path reaches it.  The plan is prepared again when the
 * function is another (the extension dropped and created again in the same
 * session: the argument types are new types).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/lsyscache.h"

#include "registry.h"

PG_FUNCTION_INFO_V1(ic_put_on_control);

/* the instruction's columns, in the order of put_on_control()'s arguments */
#define PUT_ON_CONTROL_COLUMNS \
	"kind, level, received_on, term, due_date, content, act_id, point, signed_on, " \
	"responsible_body_id, co_executor_ids, controlling_body_id, pa_unit, completion_form, " \
	"final_result, category, secrecy, paper_card_ref, local_character, public_resonance, " \
	"new_approaches, reporting_period, parent_id, external_ref, deadline_source, upper_record_id"
#define PUT_ON_CONTROL_NARGS 26

static SPIPlanPtr put_plan = NULL;
static Oid	put_plan_fn = InvalidOid;	/* the function the plan was prepared for */

/* put_on_control(kind, level, received_on, ..., upper_record_id) RETURNS instruction */
Datum
ic_put_on_control(PG_FUNCTION_ARGS)
{
	Oid			fn = fcinfo->flinfo->fn_oid;
	Datum		args[PUT_ON_CONTROL_NARGS];
	char		nulls[PUT_ON_CONTROL_NARGS];
	HeapTupleHeader result;

	if (PG_NARGS() != PUT_ON_CONTROL_NARGS)
		elog(ERROR, "put_on_control() was called with %d arguments; the library expects %d",
			 PG_NARGS(), PUT_ON_CONTROL_NARGS);
	for (int i = 0; i < PUT_ON_CONTROL_NARGS; i++)
	{
		args[i] = PG_GETARG_DATUM(i);
		nulls[i] = PG_ARGISNULL(i) ? 'n' : ' ';
	}

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (put_plan != NULL && put_plan_fn != fn)
	{
		SPI_freeplan(put_plan);
		put_plan = NULL;
	}
	if (put_plan == NULL)
	{
		Oid		   *argtypes;
		int			nargs;

		/* the parameters have the function's declared types: its domains and enums */
		(void) get_func_signature(fn, &argtypes, &nargs);
		if (nargs != PUT_ON_CONTROL_NARGS)
			elog(ERROR, "put_on_control() has %d arguments; the library expects %d", nargs, PUT_ON_CONTROL_NARGS);
		ic_keep_plan(&put_plan,
					 "INSERT INTO " IC_SCHEMA ".instruction (" PUT_ON_CONTROL_COLUMNS ") VALUES ("
					 "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "
					 "$19, $20, $21, $22, $23, $24, $25, $26) RETURNING *",
					 nargs, argtypes);
		put_plan_fn = fn;
	}
	if (SPI_execute_plan(put_plan, args, nulls, false, 0) != SPI_OK_INSERT_RETURNING || SPI_processed > 1)
		elog(ERROR, "put_on_control() could not put the instruction on control");
	/* no row: a BEFORE trigger skipped it, and the SQL function returned NULL then */
	if (SPI_processed == 0)
	{
		SPI_finish();
		PG_RETURN_NULL();
	}
	result = SPI_returntuple(SPI_tuptable->vals[0], SPI_tuptable->tupdesc);
	SPI_finish();
	PG_RETURN_HEAPTUPLEHEADER(result);
}
