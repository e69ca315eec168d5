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
 * Lookups are cheap: the calendar resolved for the setting is remembered
 * with the setting's generation (bumped by its assign hook), and the last one
 * resolved by name with its code, so the hot path compares two integers (or a
 * short code).  A load reads the calendar tables with plain heap scans, not SPI:
 * a new session's first call then parses and plans nothing (R50.3 counts on
 * the calendar, so every deadline's first computation pays this load).
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/skey.h"
#include "access/stratnum.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/fmgroids.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#include "calendar.h"
#include "calendar_compiled.h"
#include "ic_errcodes.h"
#include "instruction_control.h"

#include "ic_schema.h"

/*
 * The tables whose changes invalidate the cache; calendar_compiled is read
 * first when it exists (calendar_compiled.c), the others otherwise.
 */
static const char *const watched_names[] = {"calendar", "calendar_day", "calendar_year", "calendar_compiled"};
#define WATCHED_COMPILED 3
#define NWATCHED lengthof(watched_names)
static Oid	watched_oids[NWATCHED];

static MemoryContext cache_cxt = NULL;
static IcCalendar *calendars = NULL;
bool		ic_calendar_cache_stale = false;
uint64		ic_calendar_cache_gen = 1;
static bool callback_registered = false;
const IcCalendar *ic_calendar_last_default = NULL;
uint32		ic_calendar_last_default_gen = 0;
IcCalCore	ic_calendar_default_core = {0};
const IcCalendar *ic_calendar_last_named = NULL;
static int64 cache_loads = 0;

/* This transaction changed calendar data (set by the trigger). */
static bool changed_in_xact = false;

/* ----------------------------------------------------------------------
 * Invalidation
 * ---------------------------------------------------------------------- */

/*
 * The cache is out of date: forget the remembered calendars at once (the hot
 * paths test only those) and rebuild on the next lookup.
 */
static void
mark_stale(void)
{
	ic_calendar_cache_stale = true;
	ic_calendar_cache_gen++;
	ic_calendar_last_default = NULL;
	ic_calendar_last_named = NULL;
	ic_calendar_default_core.ndays = 0;
}

static void
calendar_relcache_callback(Datum arg, Oid relid)
{
	if (relid == InvalidOid)
	{
		mark_stale();
		return;
	}
	for (int i = 0; i < (int) NWATCHED; i++)
		if (relid == watched_oids[i])
			mark_stale();
}

static void
cache_reset(void)
{
	if (cache_cxt != NULL)
		MemoryContextReset(cache_cxt);
	calendars = NULL;
	ic_calendar_last_default = NULL;
	ic_calendar_last_named = NULL;
	ic_calendar_default_core.ndays = 0;
	ic_calendar_cache_stale = false;
	ic_calendar_cache_gen++;
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
		mark_stale();
		changed_in_xact = false;
	}
}

static void
calendar_subxact_callback(SubXactEvent event, SubTransactionId mySubid,
						  SubTransactionId parentSubid, void *arg)
{
	if (changed_in_xact && event == SUBXACT_EVENT_ABORT_SUB)
		mark_stale();
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

	/*
	 * A table created by this transaction (CREATE EXTENSION loading its seed
	 * data) is seen by no other backend, so only this backend's cache needs
	 * dropping; a relcache invalidation would also throw away the plans of
	 * every statement on the table, once per statement of the load.
	 */
	if (trigdata->tg_relation->rd_createSubid != InvalidSubTransactionId)
		mark_stale();
	else
		CacheInvalidateRelcache(trigdata->tg_relation);
	return PointerGetDatum(NULL);
}

/* ----------------------------------------------------------------------
 * Loading
 * ---------------------------------------------------------------------- */

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

/*
 * Attribute number of a column of one of the calendar tables, checked for
 * its type: the loader reads tuples directly, so a table that does not look
 * like the extension's is an error, not a misread.
 */
static AttrNumber
column_of(Relation rel, const char *name, Oid type)
{
	AttrNumber	att = ic_calendar_column(rel, name, type);

	if (att != InvalidAttrNumber)
		return att;
	ereport(ERROR,
			(errcode(ERRCODE_IC_INVALID_CALENDAR_DATA),
			 errmsg("table %s has no column \"%s\" of type %s",
					RelationGetRelationName(rel), name, format_type_be(type)),
			 errdetail("The working-day cache reads the calendar tables of the extension (R50.3)."),
			 errhint("Run ALTER EXTENSION instruction_control UPDATE.")));
	return InvalidAttrNumber;	/* not reached */
}

/* Open one of the watched tables (index into watched_names), IC003 if gone. */
static Relation
open_watched(int i)
{
	if (!OidIsValid(watched_oids[i]))
		ereport(ERROR,
				(errcode(ERRCODE_IC_INVALID_CALENDAR_DATA),
				 errmsg("table " IC_SCHEMA ".%s does not exist", watched_names[i]),
				 errhint("Run ALTER EXTENSION instruction_control UPDATE.")));
	return table_open(watched_oids[i], AccessShareLock);
}

/* The calendar code is unknown: IC001 with the codes that exist. */
static void
unknown_calendar(const char *code)
{
	char	   *known;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	known = known_calendars();
	ereport(ERROR,
			(errcode(ERRCODE_IC_UNKNOWN_CALENDAR),
			 errmsg("calendar \"%s\" does not exist", code),
			 errdetail("Working days are counted in a calendar of table " IC_SCHEMA ".calendar (R50.3)."),
			 errhint("Known calendars: %s.  Pass one of them, or set instruction_control.calendar.",
					 known)));
}

/*
 * Read one calendar from its tables and index it (code is NUL-terminated).
 * The tables are read with heap scans under the query's snapshot, as the
 * SPI queries this replaces did (read-only SPI uses the same snapshot); the
 * calendar tables are public facts without row security, so reading them
 * without the caller's SELECT privilege reveals nothing (GRANT SELECT ... TO
 * PUBLIC in the Security section).
 */
static IcCalendar *
calendar_load(const char *code)
{
	Oid			nsp;
	Snapshot	snap;
	Datum		code_d;
	Relation	rel;
	SysScanDesc scan;
	ScanKeyData key;
	HeapTuple	tup;
	bool		isnull;
	bool		found = false;
	DateADT		from = 0,
				to = 0;
	IcCalendarSource src;
	bool		compiled;
	ArrayType  *weekend_arr = NULL;
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

	snap = ActiveSnapshotSet() ? GetActiveSnapshot() : GetTransactionSnapshot();
	code_d = CStringGetTextDatum(code);

	/* The compiled row if there is one: one row for the two tables below. */
	compiled = ic_calendar_read_compiled(watched_oids[WATCHED_COMPILED], code_d, snap, &src);
	if (compiled)
	{
		from = src.from;
		to = src.to;
		weekend_arr = src.weekend;
	}
	else
	{
		/* The calendar's row: covered range and weekly days off. */
		rel = open_watched(0);
		scan = ic_calendar_scan_code(rel, column_of(rel, "code", TEXTOID), code_d, snap, &key);
		if ((tup = systable_getnext(scan)) != NULL)
		{
			TupleDesc	desc = RelationGetDescr(rel);

			found = true;
			from = DatumGetDateADT(heap_getattr(tup, column_of(rel, "valid_from", DATEOID), desc, &isnull));
			to = DatumGetDateADT(heap_getattr(tup, column_of(rel, "valid_to", DATEOID), desc, &isnull));
			weekend_arr = DatumGetArrayTypePCopy(heap_getattr(tup, column_of(rel, "weekend_days", INT2ARRAYOID),
															  desc, &isnull));
		}
		systable_endscan(scan);
		table_close(rel, AccessShareLock);
		if (!found)
			unknown_calendar(code);
	}

	if (DATE_NOT_FINITE(from) || DATE_NOT_FINITE(to) || to < from ||
		(int64) to - from + 1 > IC_CAL_MAX_DAYS)
		invalid_data(code, "The covered range must be finite, non-empty and at most 400 years long.");
	deconstruct_array(weekend_arr, INT2OID, 2, true, TYPALIGN_SHORT,
					  &weekend_elems, &weekend_nulls, &nweekend);
	for (int i = 0; i < nweekend; i++)
	{
		int			dow = DatumGetInt16(weekend_elems[i]);

		if (weekend_nulls[i] || dow < 1 || dow > 7)
			invalid_data(code, "Weekend days are ISO days of the week, 1 (Monday) to 7 (Sunday).");
		weekend[dow] = true;
	}

	ndays = to - from + 1;
	working = palloc(ndays);
	/*
	 * The weekday advances by one a day: no call and division per day of the
	 * 76 years (issue 19: 155 -> 73 us of a session's first call, measured in
	 * the load itself).
	 */
	for (int32 i = 0, dow = ic_cal_iso_dow(from); i < ndays; i++, dow = dow == 7 ? 1 : dow + 1)
		working[i] = !weekend[dow];

	/* The exceptions: holidays and days off, working weekend days. */
	if (compiled)
		ic_calendar_apply_compiled(&src, from, to, working);
	else
	{
		TupleDesc	desc;
		AttrNumber	att_day,
					att_kind;

		rel = open_watched(1);
		desc = RelationGetDescr(rel);
		att_day = column_of(rel, "day", DATEOID);
		att_kind = column_of(rel, "kind", TEXTOID);
		scan = ic_calendar_scan_code(rel, column_of(rel, "calendar", TEXTOID), code_d, snap, &key);
		while ((tup = systable_getnext(scan)) != NULL)
		{
			DateADT		day = DatumGetDateADT(heap_getattr(tup, att_day, desc, &isnull));
			text	   *kind;

			if (isnull || day < from || day > to)
				continue;
			kind = DatumGetTextPP(heap_getattr(tup, att_kind, desc, &isnull));
			working[day - from] = (!isnull && VARSIZE_ANY_EXHDR(kind) == strlen("working_day") &&
								   memcmp(VARDATA_ANY(kind), "working_day", strlen("working_day")) == 0);
		}
		systable_endscan(scan);
		table_close(rel, AccessShareLock);
	}

	ic_cal_to_ymd(from, &fy, &m, &md);
	ic_cal_to_ymd(to, &ly, &m, &md);

	/* Everything is read and valid: build the entry in the cache context. */
	cal = MemoryContextAllocZero(cache_cxt, sizeof(IcCalendar));
	strlcpy(cal->code, code, sizeof(cal->code));
	cal->first_year = fy;
	cal->last_year = ly;
	cal->confirmed = NULL;		/* read on first use: ic_calendar_confirmed() */
	ic_cal_build(&cal->core, from, ndays, working,
				 MemoryContextAlloc(cache_cxt, sizeof(int32) * ((Size) ndays + 1)),
				 MemoryContextAlloc(cache_cxt, sizeof(int32) * (Size) ndays));

	cal->next = calendars;
	calendars = cal;
	cache_loads++;
	return cal;
}

/*
 * The years of a loaded calendar that are decreed (confirmed), read from
 * calendar_year on the first question about them: counting working days never
 * needs them, so a session's first deadline does not open the table.
 */
const bool *
ic_calendar_confirmed(const IcCalendar *ccal)
{
	IcCalendar *cal = (IcCalendar *) ccal;	/* the cache owns the entry */
	Snapshot	snap;
	Datum		code_d;
	Relation	rel;
	SysScanDesc scan;
	ScanKeyData key;
	HeapTuple	tup;
	bool		isnull;
	bool	   *confirmed;
	int			fy = cal->first_year,
				ly = cal->last_year;

	if (cal->confirmed != NULL)
		return cal->confirmed;
	snap = ActiveSnapshotSet() ? GetActiveSnapshot() : GetTransactionSnapshot();
	code_d = CStringGetTextDatum(cal->code);
	confirmed = MemoryContextAllocZero(cache_cxt, sizeof(bool) * (ly - fy + 1));
	rel = open_watched(2);
	{
		TupleDesc	desc = RelationGetDescr(rel);
		AttrNumber	att_year = column_of(rel, "year", INT4OID);
		AttrNumber	att_status = column_of(rel, "status", TEXTOID);

		scan = ic_calendar_scan_code(rel, column_of(rel, "calendar", TEXTOID), code_d, snap, &key);
		while ((tup = systable_getnext(scan)) != NULL)
		{
			int32		year = DatumGetInt32(heap_getattr(tup, att_year, desc, &isnull));
			text	   *status;

			if (isnull || year < fy || year > ly)
				continue;
			status = DatumGetTextPP(heap_getattr(tup, att_status, desc, &isnull));
			if (!isnull && VARSIZE_ANY_EXHDR(status) == strlen("confirmed") &&
				memcmp(VARDATA_ANY(status), "confirmed", strlen("confirmed")) == 0)
				confirmed[year - fy] = true;
		}
		systable_endscan(scan);
	}
	table_close(rel, AccessShareLock);
	cal->confirmed = confirmed;
	return confirmed;
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

	/* an invalidation while loading: use the calendar once, remember nothing */
	if (!ic_calendar_cache_stale)
		ic_calendar_last_named = c;
	return c;
}

const IcCalendar *
ic_calendar_default_slow(void)
{
	const char *code = ic_default_calendar ? ic_default_calendar : "KZ";
	uint32		gen = ic_default_calendar_gen;
	const IcCalendar *c = lookup(code, strlen(code));

	if (!ic_calendar_cache_stale)
	{
		ic_calendar_last_default = c;
		ic_calendar_last_default_gen = gen;
		ic_calendar_default_core = c->core;
	}
	return c;
}

/* The modules that pass the setting's own string get the resolved default. */
const IcCalendar *
ic_calendar_get(const char *code)
{
	if (code == NULL || code == ic_default_calendar)
		return ic_calendar_default();
	return ic_calendar_get_len(code, strlen(code));
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
