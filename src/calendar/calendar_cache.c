/*
 * calendar_cache.c
 *		The per-backend cache of working-day calendars, and the trigger that
 *		keeps every backend's cache in step with the calendar tables.
 *
 * The one idea: a calendar is read from its tables once per backend and
 * turned into a cumulative-count index (calendar_core.c); after that a call
 * reads no table.  A statement-level trigger on the calendar tables calls
 * CacheInvalidateRelcache(), which PostgreSQL delivers to every backend when
 * the change commits (and to this backend at the end of the statement); our
 * relcache callback then marks the cache stale and the next lookup rebuilds
 * it.  This is how pg_cron keeps its job cache fresh.
 *
 * Lookups are cheap: the last calendar resolved for the setting and the last
 * one resolved by name are remembered, so the hot path is a flag test and a
 * short string comparison.
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "calendar.h"
#include "ic_errcodes.h"
#include "instruction_control.h"

#include "ic_schema.h"

/* The tables whose changes invalidate the cache. */
static const char *const watched_names[] = {"calendar", "calendar_day", "calendar_year"};
#define NWATCHED lengthof(watched_names)
static Oid	watched_oids[NWATCHED];

static MemoryContext cache_cxt = NULL;
static IcCalendar *calendars = NULL;
bool		ic_calendar_cache_stale = false;
static bool callback_registered = false;
const IcCalendar *ic_calendar_last_default = NULL;
const IcCalendar *ic_calendar_last_named = NULL;
static int64 cache_loads = 0;

/* This transaction changed calendar data (set by the trigger). */
static bool changed_in_xact = false;

/* ----------------------------------------------------------------------
 * Invalidation
 * ---------------------------------------------------------------------- */

static void
calendar_relcache_callback(Datum arg, Oid relid)
{
	if (relid == InvalidOid)
	{
		ic_calendar_cache_stale = true;
		return;
	}
	for (int i = 0; i < (int) NWATCHED; i++)
		if (relid == watched_oids[i])
			ic_calendar_cache_stale = true;
}

static void
cache_reset(void)
{
	if (cache_cxt != NULL)
		MemoryContextReset(cache_cxt);
	calendars = NULL;
	ic_calendar_last_default = NULL;
	ic_calendar_last_named = NULL;
	ic_calendar_cache_stale = false;
}

/*
 * A change rolled back must not stay in a cache loaded after it within the
 * same command (its invalidation is only queued for the end of the command):
 * when a transaction or subtransaction that changed calendar data ends, the
 * cache is dropped.
 */
static void
calendar_xact_callback(XactEvent event, void *arg)
{
	if (changed_in_xact && (event == XACT_EVENT_ABORT || event == XACT_EVENT_PARALLEL_ABORT ||
							event == XACT_EVENT_COMMIT || event == XACT_EVENT_PARALLEL_COMMIT))
	{
		ic_calendar_cache_stale = true;
		changed_in_xact = false;
	}
}

static void
calendar_subxact_callback(SubXactEvent event, SubTransactionId mySubid,
						  SubTransactionId parentSubid, void *arg)
{
	if (changed_in_xact && event == SUBXACT_EVENT_ABORT_SUB)
		ic_calendar_cache_stale = true;
}

static void
register_callbacks(void)
{
	if (callback_registered)
		return;
	CacheRegisterRelcacheCallback(calendar_relcache_callback, (Datum) 0);
	RegisterXactCallback(calendar_xact_callback, NULL);
	RegisterSubXactCallback(calendar_subxact_callback, NULL);
	callback_registered = true;
}

PG_FUNCTION_INFO_V1(ic_calendar_data_changed);

/*
 * Statement-level AFTER trigger on the calendar tables: tell every backend
 * (at commit) and this one (at the end of the statement) to drop its cache.
 */
Datum
ic_calendar_data_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("calendar_data_changed() must be called as a trigger")));
	trigdata = castNode(TriggerData, fcinfo->context);
	if (!TRIGGER_FIRED_AFTER(trigdata->tg_event) || !TRIGGER_FIRED_FOR_STATEMENT(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("calendar_data_changed() must be fired AFTER ... FOR EACH STATEMENT")));
	register_callbacks();
	changed_in_xact = true;
	CacheInvalidateRelcache(trigdata->tg_relation);
	return PointerGetDatum(NULL);
}

/* ----------------------------------------------------------------------
 * Loading
 * ---------------------------------------------------------------------- */

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

/* Comma-separated list of the calendars that exist (for a HINT); in SPI. */
static char *
known_calendars(void)
{
	bool		isnull;
	Datum		d;

	if (SPI_execute("SELECT pg_catalog.string_agg(code, ', ' ORDER BY code COLLATE pg_catalog.\"C\") FROM " IC_SCHEMA ".calendar",
					true, 0) != SPI_OK_SELECT || SPI_processed != 1)
		return pstrdup("(none)");
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	return isnull ? pstrdup("(none)") : TextDatumGetCString(d);
}

static void
invalid_data(const char *code, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_IC_INVALID_CALENDAR_DATA),
			 errmsg("calendar \"%s\" has invalid data", code),
			 errdetail("%s", detail),
			 errhint("Correct the row of calendar \"%s\" in " IC_SCHEMA ".calendar.", code)));
}

/* Read one calendar from its tables and index it (code is NUL-terminated). */
static IcCalendar *
calendar_load(const char *code)
{
	Oid			nsp;
	Oid			argtypes[3] = {TEXTOID, DATEOID, DATEOID};
	Datum		args[3];
	bool		isnull;
	DateADT		from,
				to;
	ArrayType  *weekend_arr;
	Datum	   *weekend_elems;
	bool	   *weekend_nulls;
	int			nweekend;
	bool		weekend[8] = {false};
	int32		ndays;
	uint8	   *working;
	IcCalendar *cal;
	int			fy,
				ly,
				m,
				md;

	nsp = get_namespace_oid(IC_SCHEMA, true);
	if (!OidIsValid(nsp))
		ereport(ERROR,
				(errcode(ERRCODE_IC_UNKNOWN_CALENDAR),
				 errmsg("calendar \"%s\" does not exist", code),
				 errdetail("The schema " IC_SCHEMA " does not exist in this database."),
				 errhint("Run CREATE EXTENSION instruction_control.")));
	for (int i = 0; i < (int) NWATCHED; i++)
		watched_oids[i] = get_relname_relid(watched_names[i], nsp);

	register_callbacks();
	if (cache_cxt == NULL)
		cache_cxt = AllocSetContextCreate(CacheMemoryContext,
										  "instruction_control calendar cache",
										  ALLOCSET_SMALL_SIZES);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	args[0] = CStringGetTextDatum(code);
	if (SPI_execute_with_args("SELECT valid_from, valid_to, weekend_days::pg_catalog.int4[] FROM "
							  IC_SCHEMA ".calendar WHERE code OPERATOR(pg_catalog.=) $1",
							  1, argtypes, args, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read calendar \"%s\"", code);
	if (SPI_processed == 0)
	{
		char	   *known = known_calendars();

		ereport(ERROR,
				(errcode(ERRCODE_IC_UNKNOWN_CALENDAR),
				 errmsg("calendar \"%s\" does not exist", code),
				 errdetail("Working days are counted in a calendar of table " IC_SCHEMA ".calendar (R50.3)."),
				 errhint("Known calendars: %s.  Pass one of them, or set instruction_control.calendar.",
						 known)));
	}
	from = DatumGetDateADT(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	to = DatumGetDateADT(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
	weekend_arr = DatumGetArrayTypeP(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3, &isnull));
	if (DATE_NOT_FINITE(from) || DATE_NOT_FINITE(to) || to < from ||
		(int64) to - from + 1 > IC_CAL_MAX_DAYS)
		invalid_data(code, "The covered range must be finite, non-empty and at most 400 years long.");
	deconstruct_array(weekend_arr, INT4OID, 4, true, TYPALIGN_INT,
					  &weekend_elems, &weekend_nulls, &nweekend);
	for (int i = 0; i < nweekend; i++)
	{
		int32		dow = DatumGetInt32(weekend_elems[i]);

		if (weekend_nulls[i] || dow < 1 || dow > 7)
			invalid_data(code, "Weekend days are ISO days of the week, 1 (Monday) to 7 (Sunday).");
		weekend[dow] = true;
	}

	ndays = to - from + 1;
	working = palloc(ndays);
	for (int32 i = 0; i < ndays; i++)
		working[i] = !weekend[ic_cal_iso_dow(from + i)];

	args[1] = DateADTGetDatum(from);
	args[2] = DateADTGetDatum(to);
	if (SPI_execute_with_args("SELECT day, kind OPERATOR(pg_catalog.=) 'working_day' FROM " IC_SCHEMA ".calendar_day"
							  " WHERE calendar OPERATOR(pg_catalog.=) $1"
							  "   AND day OPERATOR(pg_catalog.>=) $2 AND day OPERATOR(pg_catalog.<=) $3",
							  3, argtypes, args, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read the days of calendar \"%s\"", code);
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		DateADT		day = DatumGetDateADT(SPI_getbinval(SPI_tuptable->vals[r], SPI_tuptable->tupdesc, 1, &isnull));
		bool		is_work = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[r], SPI_tuptable->tupdesc, 2, &isnull));

		working[day - from] = is_work ? 1 : 0;
	}

	ic_cal_to_ymd(from, &fy, &m, &md);
	ic_cal_to_ymd(to, &ly, &m, &md);

	/* Everything is read and valid: build the entry in the cache context. */
	cal = MemoryContextAllocZero(cache_cxt, sizeof(IcCalendar));
	strlcpy(cal->code, code, sizeof(cal->code));
	cal->first_year = fy;
	cal->last_year = ly;
	cal->confirmed = MemoryContextAllocZero(cache_cxt, sizeof(bool) * (ly - fy + 1));
	ic_cal_build(&cal->core, from, ndays, working,
				 MemoryContextAlloc(cache_cxt, sizeof(int32) * ((Size) ndays + 1)),
				 MemoryContextAlloc(cache_cxt, sizeof(int32) * (Size) ndays));

	argtypes[1] = INT4OID;
	args[1] = Int32GetDatum(fy);
	args[2] = Int32GetDatum(ly);
	argtypes[2] = INT4OID;
	if (SPI_execute_with_args("SELECT year FROM " IC_SCHEMA ".calendar_year"
							  " WHERE calendar OPERATOR(pg_catalog.=) $1 AND status OPERATOR(pg_catalog.=) 'confirmed'"
							  "   AND year OPERATOR(pg_catalog.>=) $2 AND year OPERATOR(pg_catalog.<=) $3",
							  3, argtypes, args, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read the years of calendar \"%s\"", code);
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		int32		year = DatumGetInt32(SPI_getbinval(SPI_tuptable->vals[r], SPI_tuptable->tupdesc, 1, &isnull));

		cal->confirmed[year - fy] = true;
	}

	SPI_finish();

	cal->next = calendars;
	calendars = cal;
	cache_loads++;
	return cal;
}

/* ----------------------------------------------------------------------
 * Lookup
 * ---------------------------------------------------------------------- */

static IcCalendar *
lookup(const char *code, size_t len)
{
	char		buf[IC_CALENDAR_CODE_MAXLEN + 1];

	if (ic_calendar_cache_stale)
		cache_reset();
	for (IcCalendar *c = calendars; c != NULL; c = c->next)
		if (strlen(c->code) == len && memcmp(c->code, code, len) == 0)
			return c;
	if (len > IC_CALENDAR_CODE_MAXLEN || memchr(code, '\0', len) != NULL)
	{
		char	   *shown = pnstrdup(code, len);

		ereport(ERROR,
				(errcode(ERRCODE_IC_UNKNOWN_CALENDAR),
				 errmsg("calendar \"%s\" does not exist", shown),
				 errdetail("A calendar code has 1 to %d ASCII letters, digits or underscores.",
						   IC_CALENDAR_CODE_MAXLEN),
				 errhint("Pass the code of a row of " IC_SCHEMA ".calendar, e.g. 'KZ'.")));
	}
	memcpy(buf, code, len);
	buf[len] = '\0';
	return calendar_load(buf);
}

const IcCalendar *
ic_calendar_get_len_slow(const char *code, size_t len)
{
	const IcCalendar *c = lookup(code, len);

	ic_calendar_last_named = c;
	return c;
}

const IcCalendar *
ic_calendar_default_slow(void)
{
	const char *code = ic_default_calendar ? ic_default_calendar : "KZ";
	const IcCalendar *c = lookup(code, strlen(code));

	ic_calendar_last_default = c;
	return c;
}

const IcCalendar *
ic_calendar_get(const char *code)
{
	return code == NULL ? ic_calendar_default() : ic_calendar_get_len(code, strlen(code));
}

int64
ic_calendar_cache_loads(void)
{
	return cache_loads;
}

/* ----------------------------------------------------------------------
 * Errors
 * ---------------------------------------------------------------------- */

void
ic_calendar_range_error(const IcCalendar *cal, IcCalStatus st, DateADT d, const char *what)
{
	char		date_s[32],
				from_s[32],
				to_s[32];

	ic_format_date(d, date_s, sizeof(date_s));
	ic_format_date(cal->core.first, from_s, sizeof(from_s));
	ic_format_date(cal->core.first + cal->core.ndays - 1, to_s, sizeof(to_s));
	if (st == IC_CAL_INPUT_OUT_OF_RANGE)
		ereport(ERROR,
				(errcode(ERRCODE_IC_DATE_OUT_OF_CALENDAR),
				 errmsg("date %s is outside calendar \"%s\"", date_s, cal->code),
				 errdetail("Calendar \"%s\" covers %s to %s; working days outside it are not known (R50.3).",
						   cal->code, from_s, to_s),
				 errhint("Use a date in that range, or add forecast years with "
						 IC_SCHEMA ".extend_calendar('%s', until_year).", cal->code)));
	ereport(ERROR,
			(errcode(ERRCODE_IC_DATE_OUT_OF_CALENDAR),
			 errmsg("%s from %s goes outside calendar \"%s\"", what, date_s, cal->code),
			 errdetail("Calendar \"%s\" covers %s to %s; working days outside it are not known (R50.3).",
					   cal->code, from_s, to_s),
			 errhint("Add forecast years with " IC_SCHEMA ".extend_calendar('%s', until_year).", cal->code)));
}
