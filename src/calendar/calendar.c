/*
 * calendar.c
 *		The working-day functions, as a C API for the other modules and as SQL
 *		functions (thin fmgr wrappers over calendar_core.c).
 *
 * Every SQL function takes an optional last argument, the calendar code; when
 * it is omitted the setting instruction_control.calendar decides.  One C
 * function serves both SQL signatures (PG_NARGS tells them apart).
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "nodes/primnodes.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "calendar.h"
#include "kurban_core.h"
#include "term.h"

/* ----------------------------------------------------------------------
 * C API (calendar.h)
 * ---------------------------------------------------------------------- */

static inline void
check_status(const IcCalendar *cal, IcCalStatus st, DateADT d, const char *what)
{
	if (unlikely(st != IC_CAL_OK))
		ic_calendar_range_error(cal, st, d, what);
}

DateADT
ic_add_working_days(const char *calendar, DateADT d, int32 n)
{
	const IcCalendar *cal = ic_calendar_get(calendar);
	int32		r = 0;

	check_status(cal, ic_cal_add(&cal->core, d, n, &r), d, "counting working days");
	return r;
}

int32
ic_working_days_between(const char *calendar, DateADT a, DateADT b)
{
	const IcCalendar *cal = ic_calendar_get(calendar);
	int32		r = 0;
	IcCalStatus st = ic_cal_between(&cal->core, a, b, &r);

	if (unlikely(st != IC_CAL_OK))
		ic_calendar_range_error(cal, st, ic_cal_in_range(&cal->core, a) ? b : a, "counting working days");
	return r;
}

bool
ic_is_working_day(const char *calendar, DateADT d)
{
	const IcCalendar *cal = ic_calendar_get(calendar);
	bool		r = false;

	check_status(cal, ic_cal_is_working(&cal->core, d, &r), d, "checking a day");
	return r;
}

DateADT
ic_roll_forward(const char *calendar, DateADT d)
{
	const IcCalendar *cal = ic_calendar_get(calendar);
	int32		r = 0;

	check_status(cal, ic_cal_roll_forward(&cal->core, d, &r), d, "rolling forward");
	return r;
}

DateADT
ic_roll_backward(const char *calendar, DateADT d)
{
	const IcCalendar *cal = ic_calendar_get(calendar);
	int32		r = 0;

	check_status(cal, ic_cal_roll_backward(&cal->core, d, &r), d, "rolling backward");
	return r;
}

DateADT
ic_term_deadline(const char *calendar, DateADT received, const IcTerm *term)
{
	const IcCalendar *cal = ic_calendar_get(calendar);
	int32		r = 0;

	check_status(cal, ic_cal_term_deadline(&cal->core, received, term, &r),
				 received, "the deadline counted");
	return r;
}

bool
ic_is_confirmed(const char *calendar, DateADT d)
{
	const IcCalendar *cal = ic_calendar_get(calendar);
	int			y,
				m,
				md;

	if (!ic_cal_in_range(&cal->core, d))
		ic_calendar_range_error(cal, IC_CAL_INPUT_OUT_OF_RANGE, d, "checking a day");
	ic_cal_to_ymd(d, &y, &m, &md);
	return ic_calendar_confirmed(cal)[y - cal->first_year];
}

/* ----------------------------------------------------------------------
 * SQL functions
 * ---------------------------------------------------------------------- */

/*
 * A calendar argument written as a constant ('KZ') is resolved once per call
 * site: fn_extra keeps the calendar with the cache generation it belongs to.
 */
typedef struct CalendarArgCache
{
	uint64		gen;			/* ic_calendar_cache_gen when resolved */
	const IcCalendar *cal;
	IcCalCore	core;			/* a copy of cal->core: one load less per call */
} CalendarArgCache;

/* Whether argument argno of the call is a Const (the same on every row). */
static bool
arg_is_const(FmgrInfo *flinfo, int argno)
{
	Node	   *expr = flinfo->fn_expr;
	List	   *args;

	if (expr == NULL)
		return false;
	if (IsA(expr, FuncExpr))
		args = ((FuncExpr *) expr)->args;
	else if (IsA(expr, OpExpr))
		args = ((OpExpr *) expr)->args;
	else
		return false;
	return argno < list_length(args) && IsA(list_nth(args, argno), Const);
}

static pg_noinline const IcCalendar *
calendar_arg_slow(FunctionCallInfo fcinfo, int argno)
{
	text	   *t = PG_GETARG_TEXT_PP(argno);
	const IcCalendar *cal = ic_calendar_get_len(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));

	if (!ic_calendar_cache_stale && arg_is_const(fcinfo->flinfo, argno))
	{
		CalendarArgCache *ac = fcinfo->flinfo->fn_extra;

		if (ac == NULL)
			ac = fcinfo->flinfo->fn_extra =
				MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(CalendarArgCache));
		ac->gen = ic_calendar_cache_gen;
		ac->cal = cal;
		ac->core = cal->core;
	}
	return cal;
}

/* The calendar named by argument argno if given, else the setting's. */
static inline const IcCalendar *
calendar_arg(FunctionCallInfo fcinfo, int argno)
{
	if (PG_NARGS() > argno)
	{
		const CalendarArgCache *ac = fcinfo->flinfo->fn_extra;

		if (likely(ac != NULL && ac->gen == ic_calendar_cache_gen))
			return ac->cal;
		return calendar_arg_slow(fcinfo, argno);
	}
	return ic_calendar_default();
}

/*
 * The working-day index of a call when it is at hand without a lookup: the
 * calendar resolved for the setting (argument absent; a copy kept by the
 * cache) or for this call site's constant argument (a copy kept in fn_extra);
 * NULL otherwise.  It calls nothing, so the SQL functions below keep their
 * hot path free of calls: everything else (a lookup, a range error, a cache
 * emptied by an invalidation) is a tail call to the function's out-of-line
 * path, and the hot path saves no registers (issue 19: the calendar per call
 * vs d + k).
 */
static inline const IcCalCore *
calendar_arg_hot(FunctionCallInfo fcinfo, int argno)
{
	if (PG_NARGS() > argno)
	{
		const CalendarArgCache *ac = fcinfo->flinfo->fn_extra;

		return likely(ac != NULL && ac->gen == ic_calendar_cache_gen) ? &ac->core : NULL;
	}
	return likely(ic_calendar_last_default_gen == ic_default_calendar_gen) ?
		&ic_calendar_default_core : NULL;
}

/*
 * Whether an argument of a hot-path call is NULL (the call's answer is then
 * NULL).  is_working_day, add_working_days and working_days_between are not
 * STRICT: checking their own two or three arguments here, without a loop,
 * costs less than the executor's strict check, whose loop over the arguments
 * was about 2 ns of the 7 a call with a calendar argument took (issue 19:
 * add_working_days(d, k, 'KZ') 1.6x d + k as STRICT, 1.1x not).  NULL in
 * still gives NULL out, as STRICT did.
 */
static inline bool
hot_args_null(FunctionCallInfo fcinfo, int nfixed)
{
	bool		isnull = fcinfo->args[0].isnull;

	if (nfixed > 1)
		isnull |= fcinfo->args[1].isnull;
	if (PG_NARGS() > nfixed)
		isnull |= fcinfo->args[nfixed].isnull;
	return isnull;
}

PG_FUNCTION_INFO_V1(ic_sql_is_working_day);
PG_FUNCTION_INFO_V1(ic_sql_add_working_days);
PG_FUNCTION_INFO_V1(ic_sql_working_days_between);
PG_FUNCTION_INFO_V1(ic_sql_roll_forward);
PG_FUNCTION_INFO_V1(ic_sql_roll_backward);
PG_FUNCTION_INFO_V1(ic_sql_working_days);
PG_FUNCTION_INFO_V1(ic_sql_deadline);
PG_FUNCTION_INFO_V1(ic_sql_is_confirmed);
PG_FUNCTION_INFO_V1(ic_sql_calendar_cache_loads);

static pg_noinline Datum is_working_day_slow(FunctionCallInfo fcinfo);
static pg_noinline Datum add_working_days_slow(FunctionCallInfo fcinfo);
static pg_noinline Datum working_days_between_slow(FunctionCallInfo fcinfo);

/* is_working_day(d date [, calendar text]) -> boolean */
Datum
ic_sql_is_working_day(PG_FUNCTION_ARGS)
{
	const IcCalCore *core;
	bool		r;

	if (unlikely(hot_args_null(fcinfo, 1)))
		PG_RETURN_NULL();
	core = calendar_arg_hot(fcinfo, 1);
	if (likely(core != NULL) &&
		likely(ic_cal_is_working(core, PG_GETARG_DATEADT(0), &r) == IC_CAL_OK))
		PG_RETURN_BOOL(r);
	return is_working_day_slow(fcinfo);
}

static pg_noinline Datum
is_working_day_slow(FunctionCallInfo fcinfo)
{
	DateADT		d = PG_GETARG_DATEADT(0);
	const IcCalendar *cal = calendar_arg(fcinfo, 1);
	bool		r = false;

	check_status(cal, ic_cal_is_working(&cal->core, d, &r), d, "checking a day");
	PG_RETURN_BOOL(r);
}

/* add_working_days(d date, n integer [, calendar text]) -> date (R50.3) */
Datum
ic_sql_add_working_days(PG_FUNCTION_ARGS)
{
	const IcCalCore *core;
	int32		r;

	if (unlikely(hot_args_null(fcinfo, 2)))
		PG_RETURN_NULL();
	core = calendar_arg_hot(fcinfo, 2);
	if (likely(core != NULL) &&
		likely(ic_cal_add(core, PG_GETARG_DATEADT(0), PG_GETARG_INT32(1), &r) == IC_CAL_OK))
		PG_RETURN_DATEADT(r);
	return add_working_days_slow(fcinfo);
}

static pg_noinline Datum
add_working_days_slow(FunctionCallInfo fcinfo)
{
	DateADT		d = PG_GETARG_DATEADT(0);
	int32		n = PG_GETARG_INT32(1);
	const IcCalendar *cal = calendar_arg(fcinfo, 2);
	int32		r = 0;

	check_status(cal, ic_cal_add(&cal->core, d, n, &r), d, "counting working days");
	PG_RETURN_DATEADT(r);
}

/* working_days_between(a date, b date [, calendar text]) -> integer: working days in (a, b] */
Datum
ic_sql_working_days_between(PG_FUNCTION_ARGS)
{
	const IcCalCore *core;
	int32		r;

	if (unlikely(hot_args_null(fcinfo, 2)))
		PG_RETURN_NULL();
	core = calendar_arg_hot(fcinfo, 2);
	if (likely(core != NULL) &&
		likely(ic_cal_between(core, PG_GETARG_DATEADT(0), PG_GETARG_DATEADT(1), &r) == IC_CAL_OK))
		PG_RETURN_INT32(r);
	return working_days_between_slow(fcinfo);
}

static pg_noinline Datum
working_days_between_slow(FunctionCallInfo fcinfo)
{
	DateADT		a = PG_GETARG_DATEADT(0);
	DateADT		b = PG_GETARG_DATEADT(1);
	const IcCalendar *cal = calendar_arg(fcinfo, 2);
	int32		r = 0;
	IcCalStatus st = ic_cal_between(&cal->core, a, b, &r);

	if (unlikely(st != IC_CAL_OK))
		ic_calendar_range_error(cal, st, ic_cal_in_range(&cal->core, a) ? b : a, "counting working days");
	PG_RETURN_INT32(r);
}

/* roll_forward(d date [, calendar text]) -> date */
Datum
ic_sql_roll_forward(PG_FUNCTION_ARGS)
{
	DateADT		d = PG_GETARG_DATEADT(0);
	const IcCalendar *cal = calendar_arg(fcinfo, 1);
	int32		r = 0;

	check_status(cal, ic_cal_roll_forward(&cal->core, d, &r), d, "rolling forward");
	PG_RETURN_DATEADT(r);
}

/* roll_backward(d date [, calendar text]) -> date */
Datum
ic_sql_roll_backward(PG_FUNCTION_ARGS)
{
	DateADT		d = PG_GETARG_DATEADT(0);
	const IcCalendar *cal = calendar_arg(fcinfo, 1);
	int32		r = 0;

	check_status(cal, ic_cal_roll_backward(&cal->core, d, &r), d, "rolling backward");
	PG_RETURN_DATEADT(r);
}

/* deadline(received date, t term [, calendar text]) -> date; also date + term */
Datum
ic_sql_deadline(PG_FUNCTION_ARGS)
{
	DateADT		d = PG_GETARG_DATEADT(0);
	const IcTerm *t = PG_GETARG_IC_TERM_P(1);
	const IcCalendar *cal = calendar_arg(fcinfo, 2);
	int32		r = 0;

	check_status(cal, ic_cal_term_deadline(&cal->core, d, t, &r), d, "the deadline counted");
	PG_RETURN_DATEADT(r);
}

/* is_confirmed(d date [, calendar text]) -> boolean: d lies in a decreed year */
Datum
ic_sql_is_confirmed(PG_FUNCTION_ARGS)
{
	DateADT		d = PG_GETARG_DATEADT(0);
	const IcCalendar *cal = calendar_arg(fcinfo, 1);

	PG_RETURN_BOOL(ic_is_confirmed(cal->code, d));
}

/* calendar_cache_loads() -> bigint */
Datum
ic_sql_calendar_cache_loads(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(ic_calendar_cache_loads());
}

/* State of working_days(): the next day to look at, the last day, the calendar. */
typedef struct WorkingDaysState
{
	DateADT		next;
	DateADT		last;
	bool		has_code;
	char		code[IC_CALENDAR_CODE_MAXLEN + 1];
} WorkingDaysState;

/* working_days(a date, b date [, calendar text]) -> SETOF date: working days in [a, b] */
Datum
ic_sql_working_days(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	WorkingDaysState *st;
	const IcCalendar *cal;
	int32		r = 0;

	if (SRF_IS_FIRSTCALL())
	{
		DateADT		a = PG_GETARG_DATEADT(0);
		DateADT		b = PG_GETARG_DATEADT(1);
		MemoryContext old;

		/* not calendar_arg(): a set-returning function's fn_extra is its own */
		if (PG_NARGS() > 2)
		{
			text	   *t = PG_GETARG_TEXT_PP(2);

			cal = ic_calendar_get_len(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
		}
		else
			cal = ic_calendar_default();
		if (!ic_cal_in_range(&cal->core, a))
			ic_calendar_range_error(cal, IC_CAL_INPUT_OUT_OF_RANGE, a, "listing working days");
		if (!ic_cal_in_range(&cal->core, b))
			ic_calendar_range_error(cal, IC_CAL_INPUT_OUT_OF_RANGE, b, "listing working days");
		funcctx = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		st = palloc0(sizeof(WorkingDaysState));
		st->next = a;
		st->last = b;
		st->has_code = PG_NARGS() > 2;
		strlcpy(st->code, cal->code, sizeof(st->code));
		funcctx->user_fctx = st;
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	st = funcctx->user_fctx;
	/* Resolve again on every row: the cache may have been rebuilt meanwhile. */
	cal = st->has_code ? ic_calendar_get(st->code) : ic_calendar_default();
	if (st->next <= st->last &&
		ic_cal_roll_forward(&cal->core, st->next, &r) == IC_CAL_OK && r <= st->last)
	{
		st->next = r + 1;
		SRF_RETURN_NEXT(funcctx, DateADTGetDatum(r));
	}
	SRF_RETURN_DONE(funcctx);
}

/* State of kurban_ait_estimate(): the days found and the next to return. */
typedef struct KurbanState
{
	int32		days[2];
	int			n;
	int			next;
} KurbanState;

PG_FUNCTION_INFO_V1(ic_sql_kurban_ait_estimate);

/* kurban_ait_estimate(p_year integer) -> SETOF date (kurban_core.c) */
Datum
ic_sql_kurban_ait_estimate(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	KurbanState *st;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext old;
		int32		year = PG_GETARG_INT32(0);

		if (year < IC_KURBAN_FIRST_YEAR || year > IC_KURBAN_LAST_YEAR)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("year %d is outside the years of the Kurban Ait estimate", year),
					 errdetail("The estimate covers the years %d to %d.",
							   IC_KURBAN_FIRST_YEAR, IC_KURBAN_LAST_YEAR),
					 errhint("Pass a year of the calendar, e.g. 2027.")));
		funcctx = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		st = palloc0(sizeof(KurbanState));
		st->n = ic_kurban_ait_estimate(year, st->days);
		funcctx->user_fctx = st;
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	st = funcctx->user_fctx;
	if (st->next < st->n)
		SRF_RETURN_NEXT(funcctx, DateADTGetDatum(st->days[st->next++]));
	SRF_RETURN_DONE(funcctx);
}

/* A date as YYYY-MM-DD (or infinity) for a message, without a call to date_out. */
void
ic_format_date(DateADT d, char *buf, size_t buflen)
{
	int			y,
				m,
				md;

	if (DATE_IS_NOBEGIN(d))
		snprintf(buf, buflen, "-infinity");
	else if (DATE_IS_NOEND(d))
		snprintf(buf, buflen, "infinity");
	else
	{
		ic_cal_to_ymd(d, &y, &m, &md);
		snprintf(buf, buflen, "%04d-%02d-%02d", y, m, md);
	}
}
