/*
 * calendar_compiled.c
 *		Reading a calendar from its compiled row (calendar_compiled).
 *
 * The one idea: a session's first working-day call reads one row, not the
 * calendar's row and every row of its days.  calendar_compiled holds, per
 * calendar, what the cache needs of calendar and calendar_day: the covered
 * range, the weekly days off and the exception days as two sorted date
 * arrays.  The row is derived, never written by a client: the statement
 * trigger calendar_compiled_refresh (sql/src/22_calendar_seed.sql) writes it in
 * the statement that changes calendar or calendar_day, so any snapshot sees
 * a row in step with the tables.  Without a row (a database still on 0.2,
 * the extension's own script before it fills the table, a row that is not
 * what this file expects) the cache reads the tables (calendar_cache.c).
 * Reading calendar_day was 49 pages for the KZ calendar's 1,471 days, the
 * most of a new session's first call after the library's load (issue 19).
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/stratnum.h"
#include "access/table.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/fmgroids.h"
#include "utils/rel.h"

#include "calendar_compiled.h"

AttrNumber
ic_calendar_column(Relation rel, const char *name, Oid type)
{
	TupleDesc	desc = RelationGetDescr(rel);

	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute a = TupleDescAttr(desc, i);

		if (!a->attisdropped && strcmp(NameStr(a->attname), name) == 0)
			return a->atttypid == type ? a->attnum : InvalidAttrNumber;
	}
	return InvalidAttrNumber;
}

SysScanDesc
ic_calendar_scan_code(Relation rel, AttrNumber att, Datum code, Snapshot snap, ScanKeyData *key)
{
	ScanKeyInit(key, att, BTEqualStrategyNumber, F_TEXTEQ, code);
	key->sk_collation = C_COLLATION_OID;
	return systable_beginscan(rel, InvalidOid, false, snap, 1, key);
}

/* A one-dimensional array of type elem without NULLs, copied, or NULL. */
static ArrayType *
plain_array(HeapTuple tup, TupleDesc desc, AttrNumber att, Oid elem)
{
	bool		isnull;
	Datum		d = heap_getattr(tup, att, desc, &isnull);
	ArrayType  *a;

	if (isnull)
		return NULL;
	a = DatumGetArrayTypePCopy(d);
	if (ARR_ELEMTYPE(a) != elem || ARR_NDIM(a) > 1 || ARR_HASNULL(a))
		return NULL;
	return a;
}

bool
ic_calendar_read_compiled(Oid relid, Datum code, Snapshot snap, IcCalendarSource *src)
{
	Relation	rel;
	SysScanDesc scan;
	ScanKeyData key;
	HeapTuple	tup;
	bool		ok = false;
	AttrNumber	att_code,
				att_from,
				att_to,
				att_weekend,
				att_off,
				att_working;

	if (!OidIsValid(relid))
		return false;
	rel = table_open(relid, AccessShareLock);
	att_code = ic_calendar_column(rel, "calendar", TEXTOID);
	att_from = ic_calendar_column(rel, "valid_from", DATEOID);
	att_to = ic_calendar_column(rel, "valid_to", DATEOID);
	att_weekend = ic_calendar_column(rel, "weekend_days", INT2ARRAYOID);
	att_off = ic_calendar_column(rel, "days_off", DATEARRAYOID);
	att_working = ic_calendar_column(rel, "working_days", DATEARRAYOID);
	if (att_code && att_from && att_to && att_weekend && att_off && att_working)
	{
		scan = ic_calendar_scan_code(rel, att_code, code, snap, &key);
		if ((tup = systable_getnext(scan)) != NULL)
		{
			TupleDesc	desc = RelationGetDescr(rel);
			bool		from_null,
						to_null;

			src->from = DatumGetDateADT(heap_getattr(tup, att_from, desc, &from_null));
			src->to = DatumGetDateADT(heap_getattr(tup, att_to, desc, &to_null));
			src->weekend = plain_array(tup, desc, att_weekend, INT2OID);
			src->days_off = plain_array(tup, desc, att_off, DATEOID);
			src->working_days = plain_array(tup, desc, att_working, DATEOID);
			ok = !from_null && !to_null && src->weekend != NULL && src->days_off != NULL &&
				src->working_days != NULL;
		}
		systable_endscan(scan);
	}
	table_close(rel, AccessShareLock);
	return ok;
}

void
ic_calendar_apply_compiled(const IcCalendarSource *src, DateADT from, DateADT to, uint8 *working)
{
	/* no NULLs (plain_array): the elements follow the header and dimensions */
	const DateADT *off = (const DateADT *) ((const char *) src->days_off +
											ARR_OVERHEAD_NONULLS(ARR_NDIM(src->days_off)));
	const DateADT *work = (const DateADT *) ((const char *) src->working_days +
											 ARR_OVERHEAD_NONULLS(ARR_NDIM(src->working_days)));
	int			noff = ArrayGetNItems(ARR_NDIM(src->days_off), ARR_DIMS(src->days_off));
	int			nwork = ArrayGetNItems(ARR_NDIM(src->working_days), ARR_DIMS(src->working_days));

	for (int i = 0; i < noff; i++)
		if (off[i] >= from && off[i] <= to)
			working[off[i] - from] = 0;
	for (int i = 0; i < nwork; i++)
		if (work[i] >= from && work[i] <= to)
			working[work[i] - from] = 1;
}
