/*
 * calendar_compiled.h
 *		A calendar read from its compiled row (calendar_compiled.c).
 */
#ifndef IC_CALENDAR_COMPILED_H
#define IC_CALENDAR_COMPILED_H

#include "postgres.h"

#include "access/genam.h"
#include "utils/array.h"
#include "utils/date.h"
#include "utils/rel.h"
#include "utils/snapshot.h"

/* What the cache needs of a calendar, as its compiled row holds it. */
typedef struct IcCalendarSource
{
	DateADT		from;			/* the covered range */
	DateADT		to;
	ArrayType  *weekend;		/* smallint[]: ISO days of the week off */
	ArrayType  *days_off;		/* date[]: exception days off, no NULLs */
	ArrayType  *working_days;	/* date[]: weekend days worked, no NULLs */
} IcCalendarSource;

/*
 * What both readers of the calendar tables (this and calendar_cache.c) use:
 * the column name of rel if it has type type (else InvalidAttrNumber), and a
 * heap scan of rel's rows whose column att equals the calendar code (text,
 * compared as bytes) under snap.
 */
extern AttrNumber ic_calendar_column(Relation rel, const char *name, Oid type);
extern SysScanDesc ic_calendar_scan_code(Relation rel, AttrNumber att, Datum code, Snapshot snap,
										 ScanKeyData *key);

/*
 * The compiled row of the calendar code (text) in table relid under snap:
 * true and src filled, or false when there is no such table (InvalidOid),
 * no row, or not the columns and values this reader expects.
 */
extern bool ic_calendar_read_compiled(Oid relid, Datum code, Snapshot snap, IcCalendarSource *src);

/* Sets working[day - from] for the row's exception days within [from, to]. */
extern void ic_calendar_apply_compiled(const IcCalendarSource *src, DateADT from, DateADT to,
									   uint8 *working);

#endif							/* IC_CALENDAR_COMPILED_H */
