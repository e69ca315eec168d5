/*
 * calendar.h
 *		Server-side C API of the working-day calendar, for the other modules of
 *		the extension (the registry's triggers count deadlines with it).
 *
 * Every function takes a calendar code; NULL means the setting
 * instruction_control.calendar (ic_default_calendar).  Answers come from a
 * per-backend cache (calendar_cache.c), so a call reads no table once the
 * calendar is loaded.  Errors: IC001 unknown calendar, IC002 a date (or the
 * answer) outside the calendar's covered range, IC003 invalid calendar data.
 */
#ifndef IC_CALENDAR_H
#define IC_CALENDAR_H

#include "postgres.h"

#include "utils/date.h"

#include "calendar_core.h"
#include "code_core.h"
#include "term_core.h"
#include "instruction_control.h"

/* A loaded calendar (owned by the cache; valid until the next lookup). */
typedef struct IcCalendar
{
	char		code[IC_CALENDAR_CODE_MAXLEN + 1];
	IcCalCore	core;
	int			first_year;		/* years of the covered range */
	int			last_year;
	bool	   *confirmed;		/* per year: decreed (true) or generated; NULL
								 * until ic_calendar_confirmed() reads it */
	struct IcCalendar *next;
} IcCalendar;

/* Lookup (loads on first use, IC001 if unknown).  code may be NULL. */
extern const IcCalendar *ic_calendar_get(const char *code);

/*
 * The hot path, inline.  The calendar resolved for the setting is kept with
 * the value of ic_default_calendar_gen it was resolved for (the setting's
 * assign hook bumps that counter), so a call compares two integers, never the
 * code.  Any invalidation of the cache clears both remembered pointers and
 * bumps ic_calendar_cache_gen, which callers that cache a calendar themselves
 * (a constant argument, in fn_extra) compare.
 */
extern IC_LIBRARY_LOCAL bool ic_calendar_cache_stale;
extern IC_LIBRARY_LOCAL uint64 ic_calendar_cache_gen;
extern IC_LIBRARY_LOCAL const IcCalendar *ic_calendar_last_default;
extern IC_LIBRARY_LOCAL uint32 ic_calendar_last_default_gen;
extern IC_LIBRARY_LOCAL const IcCalendar *ic_calendar_last_named;

/*
 * A copy of the resolved default calendar's index, for the SQL functions' hot
 * path (one load less than through ic_calendar_last_default).  Valid while
 * ic_calendar_last_default_gen equals ic_default_calendar_gen; an
 * invalidation of the cache empties it (ndays = 0), so a call then finds
 * every day outside it and takes the slow path, which resolves again.
 */
extern IC_LIBRARY_LOCAL IcCalCore ic_calendar_default_core;
extern const IcCalendar *ic_calendar_default_slow(void);
extern const IcCalendar *ic_calendar_get_len_slow(const char *code, size_t len);

/* The calendar of the setting instruction_control.calendar. */
static inline const IcCalendar *
ic_calendar_default(void)
{
	const IcCalendar *c = ic_calendar_last_default;

	if (likely(c != NULL && ic_calendar_last_default_gen == ic_default_calendar_gen))
		return c;
	return ic_calendar_default_slow();
}

/* A calendar by code (len bytes, not NUL-terminated). */
static inline const IcCalendar *
ic_calendar_get_len(const char *code, size_t len)
{
	const IcCalendar *c = ic_calendar_last_named;

	if (likely(c != NULL && len <= IC_CALENDAR_CODE_MAXLEN &&
			   c->code[len] == '\0' && memcmp(c->code, code, len) == 0))
		return c;
	return ic_calendar_get_len_slow(code, len);
}

/*
 * Raise IC002 for a core status other than IC_CAL_OK.  what describes the
 * operation for the message, e.g. "add_working_days".
 */
extern void ic_calendar_range_error(const IcCalendar *cal, IcCalStatus st,
									DateADT d, const char *what) pg_attribute_noreturn();

/* Per year of cal: decreed (true) or generated (read on first use). */
extern const bool *ic_calendar_confirmed(const IcCalendar *cal);

/* Number of calendar loads by this backend (tests check the cache with it). */
extern int64 ic_calendar_cache_loads(void);

/* The API other modules call. */
extern DateADT ic_add_working_days(const char *calendar, DateADT d, int32 n);
extern int32 ic_working_days_between(const char *calendar, DateADT a, DateADT b);
extern bool ic_is_working_day(const char *calendar, DateADT d);
extern DateADT ic_roll_forward(const char *calendar, DateADT d);
extern DateADT ic_roll_backward(const char *calendar, DateADT d);
extern DateADT ic_term_deadline(const char *calendar, DateADT received, const IcTerm *term);
extern bool ic_is_confirmed(const char *calendar, DateADT d);

/* ISO text of a day number, "YYYY-MM-DD", independent of DateStyle. */
extern void ic_format_date(DateADT d, char *buf, size_t buflen);

#endif							/* IC_CALENDAR_H */
