/*
 * report_first_day.c
 *		The aggregate report_first_day(seq, day): the day of the row with the
 *		least seq.  Appendix 8 takes with it the deadline a later decision
 *		found (the old date of the first decision after the year, by the
 *		journal's order), folded in the parallel workers with the rest of the
 *		journal (issue 19): a lookup per row after the gather ran once for
 *		each of the three places the form prints that date.  The state is a
 *		bigint key (report_first_day_core.c) whose least is the first row, so
 *		two workers' states combine by int8smaller and need no serializing.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/date.h"

#include "report_first_day_core.h"

PG_FUNCTION_INFO_V1(ic_report_first_day_add);
PG_FUNCTION_INFO_V1(ic_report_first_day_final);

/* the transition: the least of the state and the row's key (not strict: a NULL seq or day is a row) */
Datum
ic_report_first_day_add(PG_FUNCTION_ARGS)
{
	int32		seq = PG_ARGISNULL(1) ? 0 : PG_GETARG_INT32(1);
	int32		day = PG_ARGISNULL(2) ? 0 : (int32) PG_GETARG_DATEADT(2);
	int64		key = ic_first_day_key(PG_ARGISNULL(1) ? NULL : &seq, PG_ARGISNULL(2) ? NULL : &day);

	if (!PG_ARGISNULL(0) && PG_GETARG_INT64(0) < key)
		PG_RETURN_INT64(PG_GETARG_INT64(0));
	PG_RETURN_INT64(key);
}

/*
 * The day the least key holds.  A state is a bigint anyone may pass: one
 * holding no date PostgreSQL has is refused, never returned.
 */
Datum
ic_report_first_day_final(PG_FUNCTION_ARGS)
{
	int32		day;

	if (!ic_first_day_of(PG_GETARG_INT64(0), &day))
		PG_RETURN_NULL();
	if (!DATE_NOT_FINITE((DateADT) day) && !IS_VALID_DATE((DateADT) day))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("the state of report_first_day holds no date")));
	PG_RETURN_DATEADT((DateADT) day);
}
