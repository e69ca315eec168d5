/*
 * calendar_core.h
 *		Working-day arithmetic over one calendar, in pure C (no PostgreSQL
 *		headers), so that it is unit-tested and fuzzed unchanged.
 *
 * The one idea: a calendar covering days [first, first + ndays) is turned,
 * once, into a cumulative count cum[i] = number of working days in
 * [first, first + i) and the list work[k] = day index of the k-th working
 * day.  Then every question (is d working, the n-th working day after d,
 * working days between a and b, roll forward/backward) is one or two array
 * reads: O(1).
 *
 * Days are int32 day numbers counted from 2000-01-01 (PostgreSQL's DateADT).
 */
#ifndef IC_CALENDAR_CORE_H
#define IC_CALENDAR_CORE_H

#include <stdbool.h>
#include <stdint.h>

#include "term_core.h"

/* Longest range a calendar may cover, in days (about 400 years). */
#define IC_CAL_MAX_DAYS (400 * 366)

typedef struct IcCalCore
{
	int32_t		first;			/* day number of the first covered day */
	int32_t		ndays;			/* number of covered days (>= 1) */
	int32_t		nwork;			/* number of working days in the range */
	int32_t    *cum;			/* ndays + 1 entries */
	int32_t    *work;			/* nwork entries: day index of each working day */
} IcCalCore;

/* Outcome of a core operation. */
typedef enum IcCalStatus
{
	IC_CAL_OK = 0,
	IC_CAL_INPUT_OUT_OF_RANGE,	/* an argument lies outside the calendar */
	IC_CAL_RESULT_OUT_OF_RANGE	/* the answer would lie outside the calendar */
} IcCalStatus;

/* ISO day of the week (1 = Monday .. 7 = Sunday) of a day number. */
extern int	ic_cal_iso_dow(int32_t day);

/* Day number <-> proleptic Gregorian year/month/day. */
extern int32_t ic_cal_from_ymd(int year, int month, int day);
extern void ic_cal_to_ymd(int32_t day, int *year, int *month, int *mday);

/*
 * Build the index.  working[i] is non-zero when day first + i is a working
 * day.  The caller provides cum (ndays + 1 entries) and work (ndays entries
 * suffice).
 */
extern void ic_cal_build(IcCalCore *cal, int32_t first, int32_t ndays,
						 const uint8_t *working, int32_t *cum, int32_t *work);

/*
 * The lookups are static inline: they are the hot path of every SQL call
 * (a range check and one or two array reads).
 */

/* Index of day in the calendar, or -1 when outside (64-bit: no overflow). */
static inline int64_t
ic_cal_day_index(const IcCalCore *cal, int32_t day)
{
	int64_t		i = (int64_t) day - cal->first;

	return (i >= 0 && i < cal->ndays) ? i : -1;
}

static inline bool
ic_cal_in_range(const IcCalCore *cal, int32_t day)
{
	return ic_cal_day_index(cal, day) >= 0;
}

static inline IcCalStatus
ic_cal_is_working(const IcCalCore *cal, int32_t day, bool *result)
{
	int64_t		i = ic_cal_day_index(cal, day);

	if (i < 0)
		return IC_CAL_INPUT_OUT_OF_RANGE;
	*result = cal->cum[i + 1] != cal->cum[i];
	return IC_CAL_OK;
}

/*
 * n > 0: the n-th working day strictly after d; n < 0: the |n|-th working day
 * strictly before d; n = 0: d if working, else the next working day (R50.3).
 */
static inline IcCalStatus
ic_cal_add(const IcCalCore *cal, int32_t d, int32_t n, int32_t *result)
{
	int64_t		i = ic_cal_day_index(cal, d);
	int64_t		k;

	if (i < 0)
		return IC_CAL_INPUT_OUT_OF_RANGE;
	if (n > 0)
		k = (int64_t) cal->cum[i + 1] + n - 1;	/* working days up to d, then n more */
	else if (n < 0)
		k = (int64_t) cal->cum[i] + n;	/* working days before d, |n| back */
	else
		k = cal->cum[i];		/* first working day on or after d */
	if (k < 0 || k >= cal->nwork)
		return IC_CAL_RESULT_OUT_OF_RANGE;
	*result = cal->first + cal->work[k];
	return IC_CAL_OK;
}

/* Working days in (a, b]; negative when b < a. */
static inline IcCalStatus
ic_cal_between(const IcCalCore *cal, int32_t a, int32_t b, int32_t *result)
{
	int64_t		ia = ic_cal_day_index(cal, a);
	int64_t		ib = ic_cal_day_index(cal, b);

	if (ia < 0 || ib < 0)
		return IC_CAL_INPUT_OUT_OF_RANGE;
	*result = cal->cum[ib + 1] - cal->cum[ia + 1];
	return IC_CAL_OK;
}

/* The first working day on or after d. */
static inline IcCalStatus
ic_cal_roll_forward(const IcCalCore *cal, int32_t d, int32_t *result)
{
	return ic_cal_add(cal, d, 0, result);
}

/* The last working day on or before d. */
static inline IcCalStatus
ic_cal_roll_backward(const IcCalCore *cal, int32_t d, int32_t *result)
{
	int64_t		i = ic_cal_day_index(cal, d);
	int64_t		k;

	if (i < 0)
		return IC_CAL_INPUT_OUT_OF_RANGE;
	k = (int64_t) cal->cum[i + 1] - 1;
	if (k < 0)
		return IC_CAL_RESULT_OUT_OF_RANGE;
	*result = cal->first + cal->work[k];
	return IC_CAL_OK;
}

/* d plus a number of months, clamped to the end of a shorter month. */
extern int32_t ic_cal_add_months(int32_t d, int32_t months);

/*
 * Deadline of a term counted from the day of receipt: working days per R50.3
 * (ic_cal_add); calendar days, weeks and months add the calendar offset and
 * roll forward to a working day (R51's interpretation).
 */
extern IcCalStatus ic_cal_term_deadline(const IcCalCore *cal, int32_t received,
										const IcTerm *term, int32_t *result);

#endif							/* IC_CALENDAR_CORE_H */
