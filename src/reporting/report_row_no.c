/*
 * report_row_no.c
 *		report_row_no(a, b): the number of a row in its run of rows with the
 *		same (a, b), for rows that come in the order of their groups.
 *		Appendix 8 numbers its rows per body and sector with it as the
 *		leader returns them in print order (issue 19): row_number() over a
 *		window copied every wide row into the window's tuple store and read
 *		it back, in the one process that finishes the form.  The state of
 *		the run lives with the call site (fn_extra), which each execution of
 *		a statement sets up afresh; PostgreSQL evaluates an output
 *		expression that ORDER BY does not name after the sort, so in the
 *		order the rows are returned.
 */
#include "postgres.h"

#include "fmgr.h"

#include "report_row_no_core.h"

PG_FUNCTION_INFO_V1(ic_report_row_no);

Datum
ic_report_row_no(PG_FUNCTION_ARGS)
{
	IcRowNo    *state = (IcRowNo *) fcinfo->flinfo->fn_extra;
	int32		a = PG_ARGISNULL(0) ? 0 : PG_GETARG_INT32(0);
	int32		b = PG_ARGISNULL(1) ? 0 : PG_GETARG_INT32(1);
	int32		row_no;

	if (state == NULL)
	{
		state = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(IcRowNo));
		fcinfo->flinfo->fn_extra = state;
	}
	if (!ic_row_no_next(state, PG_ARGISNULL(0) ? NULL : &a, PG_ARGISNULL(1) ? NULL : &b, &row_no))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("a group of more than %d rows cannot be numbered", PG_INT32_MAX)));
	PG_RETURN_INT32(row_no);
}
