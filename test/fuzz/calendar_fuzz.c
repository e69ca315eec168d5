/*
 * calendar_fuzz.c
 *		libFuzzer target for the working-day arithmetic (calendar_core.c) and
 *		the term deadline over it (make fuzz).
 *
 * The input describes a calendar and then a list of questions.  The calendar
 * is a generated year table as calendar_cache.c builds one: a range of days
 * (placed in this century, or against the first or the last day PostgreSQL's
 * date type has), its weekend days, and days toggled between working day and
 * holiday; or, for odd shapes, one bit of input per day.  Each question is
 * answered by the O(1) index and, independently, by walking the days one by
 * one, and the answers must agree; on top of that
 *
 *	add(d, n) = r  =>  r is a working day, and between(d, r) = n (n > 0);
 *					   between(r, d) = |n| - 1 + working(d) (n < 0);
 *	roll_forward and roll_backward are idempotent, bracket d, and agree with
 *					   add(d, 0); between is antisymmetric and additive;
 *	a day outside the calendar (int32 extremes, +/-infinity included) is
 *					   reported as such, never read;
 *	day number <-> year/month/day round-trips for every int32 day, and the
 *					   ISO day of the week advances by one a day;
 *	add_months moves the month count exactly and clamps the day;
 *	term_deadline = roll_forward(received + term), or add(received, n).
 *
 * ASan catches any read outside cum[] and work[] (both are allocated to their
 * exact size), UBSan any signed overflow.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "calendar_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* PostgreSQL's date range in day numbers since 2000-01-01 (date.h). */
#define PG_FIRST_DAY	(-2451545)		/* 4714-11-24 BC */
#define PG_LAST_DAY		2145031948		/* 5874897-12-31 */

/* Longest calendar a test input builds: the walking reference is O(days). */
#define FUZZ_MAX_DAYS	400
#define FUZZ_MAX_QUESTIONS 8

typedef struct Reader
{
	const uint8_t *p;
	size_t		left;
} Reader;

static uint32_t
take(Reader *r, int nbytes)
{
	uint32_t	v = 0;

	for (int i = 0; i < nbytes; i++)
	{
		v <<= 8;
		if (r->left > 0)
		{
			v |= *r->p++;
			r->left--;
		}
	}
	return v;
}

#define FAIL_IF(cond) do { if (cond) abort(); } while (0)

/* ----- the reference: walk the days ----- */

static const uint8_t *ref_working;
static int64_t ref_first;
static int64_t ref_ndays;

static bool
ref_in(int64_t d)
{
	return d >= ref_first && d < ref_first + ref_ndays;
}

static bool
ref_is_working(int64_t d)
{
	return ref_working[d - ref_first] != 0;
}

static IcCalStatus
ref_add(int64_t d, int64_t n, int64_t *result)
{
	int64_t		count = 0;

	if (!ref_in(d))
		return IC_CAL_INPUT_OUT_OF_RANGE;
	if (n == 0)
	{
		for (int64_t x = d; ref_in(x); x++)
			if (ref_is_working(x))
			{
				*result = x;
				return IC_CAL_OK;
			}
		return IC_CAL_RESULT_OUT_OF_RANGE;
	}
	for (int64_t x = d + (n > 0 ? 1 : -1); ref_in(x); x += (n > 0 ? 1 : -1))
	{
		if (ref_is_working(x) && ++count == (n > 0 ? n : -n))
		{
			*result = x;
			return IC_CAL_OK;
		}
	}
	return IC_CAL_RESULT_OUT_OF_RANGE;
}

static IcCalStatus
ref_roll_backward(int64_t d, int64_t *result)
{
	if (!ref_in(d))
		return IC_CAL_INPUT_OUT_OF_RANGE;
	for (int64_t x = d; ref_in(x); x--)
		if (ref_is_working(x))
		{
			*result = x;
			return IC_CAL_OK;
		}
	return IC_CAL_RESULT_OUT_OF_RANGE;
}

static IcCalStatus
ref_between(int64_t a, int64_t b, int64_t *result)
{
	int64_t		lo = a < b ? a : b;
	int64_t		hi = a < b ? b : a;
	int64_t		count = 0;

	if (!ref_in(a) || !ref_in(b))
		return IC_CAL_INPUT_OUT_OF_RANGE;
	for (int64_t x = lo + 1; x <= hi; x++)
		count += ref_is_working(x);
	*result = a <= b ? count : -count;
	return IC_CAL_OK;
}

static int
days_in_month(int y, int m)
{
	return (int) ((int64_t) ic_cal_from_ymd(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) -
				  ic_cal_from_ymd(y, m, 1));
}

/* ----- the questions ----- */

/* A day to ask about: inside, at the edges, just outside, or anywhere. */
static int32_t
pick_day(Reader *r, const IcCalCore *cal)
{
	uint32_t	kind = take(r, 1);
	uint32_t	v = take(r, 2);

	switch (kind % 8)
	{
		case 0:
		case 1:
		case 2:
			return cal->first + (int32_t) (v % (uint32_t) cal->ndays);
		case 3:
			return cal->first + (int32_t) (v % 8);
		case 4:
			return cal->first + cal->ndays - 1 - (int32_t) (v % 8);
		case 5:
			return (v & 1) ? cal->first - 1 - (int32_t) (v % 5) :
				cal->first + cal->ndays + (int32_t) (v % 5);
		case 6:
			{
				static const int32_t odd[] = {INT32_MIN, INT32_MAX, INT32_MIN + 1, INT32_MAX - 1,
				PG_FIRST_DAY, PG_LAST_DAY, 0, -1};

				return odd[v % 8];
			}
		default:
			return (int32_t) ((v << 16) ^ take(r, 2));
	}
}

/* A count of working days: small, around the number of working days, or extreme. */
static int32_t
pick_n(Reader *r, const IcCalCore *cal)
{
	uint32_t	kind = take(r, 1);
	int32_t		v = (int32_t) (int16_t) take(r, 2);

	switch (kind % 6)
	{
		case 0:
		case 1:
			return v % 40;
		case 2:
			return v;
		case 3:
			return (v & 1 ? -1 : 1) * (cal->nwork + v % 3);
		case 4:
			{
				static const int32_t odd[] = {INT32_MIN, INT32_MAX, INT32_MIN + 1, INT32_MAX - 1,
				0, 1, -1, 10000};

				return odd[v & 7];
			}
		default:
			return (int32_t) (((uint32_t) v << 16) ^ take(r, 2));
	}
}

static void
check_add(const IcCalCore *cal, int32_t d, int32_t n)
{
	int32_t		got = 0;
	int64_t		want = 0;
	IcCalStatus st = ic_cal_add(cal, d, n, &got);

	FAIL_IF(st != ref_add(d, n, &want));
	if (st != IC_CAL_OK)
		return;
	FAIL_IF(got != want);
	{
		bool		w;
		int32_t		between;

		FAIL_IF(ic_cal_is_working(cal, got, &w) != IC_CAL_OK || !w);
		if (n > 0)
			FAIL_IF(got <= d || ic_cal_between(cal, d, got, &between) != IC_CAL_OK || between != n);
		else if (n < 0)
		{
			FAIL_IF(ic_cal_is_working(cal, d, &w) != IC_CAL_OK);
			FAIL_IF(got >= d || ic_cal_between(cal, got, d, &between) != IC_CAL_OK ||
					(int64_t) between != -(int64_t) n - 1 + w);
		}
		else
		{
			int32_t		rf;

			FAIL_IF(got < d || ic_cal_roll_forward(cal, d, &rf) != IC_CAL_OK || rf != got);
		}
	}
}

static void
check_rolls(const IcCalCore *cal, int32_t d)
{
	int32_t		f = 0,
				b = 0,
				again = 0;
	int64_t		want = 0;
	IcCalStatus sf = ic_cal_roll_forward(cal, d, &f);
	IcCalStatus sb = ic_cal_roll_backward(cal, d, &b);
	bool		w = false;
	IcCalStatus sw = ic_cal_is_working(cal, d, &w);

	FAIL_IF(sf != ref_add(d, 0, &want) || (sf == IC_CAL_OK && f != want));
	FAIL_IF(sb != ref_roll_backward(d, &want) || (sb == IC_CAL_OK && b != want));
	FAIL_IF((sw == IC_CAL_OK) != ref_in(d));
	if (sw == IC_CAL_OK)
		FAIL_IF(w != ref_is_working(d));
	else
		FAIL_IF(sf != IC_CAL_INPUT_OUT_OF_RANGE || sb != IC_CAL_INPUT_OUT_OF_RANGE);
	if (sf == IC_CAL_OK)
	{
		FAIL_IF(f < d || ic_cal_roll_forward(cal, f, &again) != IC_CAL_OK || again != f);
		FAIL_IF(ic_cal_roll_backward(cal, f, &again) != IC_CAL_OK || again != f);
	}
	if (sb == IC_CAL_OK)
	{
		FAIL_IF(b > d || ic_cal_roll_backward(cal, b, &again) != IC_CAL_OK || again != b);
		FAIL_IF(ic_cal_roll_forward(cal, b, &again) != IC_CAL_OK || again != b);
	}
	if (sw == IC_CAL_OK && w)
		FAIL_IF(sf != IC_CAL_OK || sb != IC_CAL_OK || f != d || b != d);
}

static void
check_between(const IcCalCore *cal, int32_t a, int32_t b, int32_t c)
{
	int32_t		ab = 0,
				ba = 0,
				bc = 0,
				ac = 0;
	int64_t		want = 0;
	IcCalStatus st = ic_cal_between(cal, a, b, &ab);

	FAIL_IF(st != ref_between(a, b, &want) || (st == IC_CAL_OK && ab != want));
	if (st != IC_CAL_OK)
		return;
	FAIL_IF(ic_cal_between(cal, b, a, &ba) != IC_CAL_OK || ba != -ab);
	FAIL_IF(ic_cal_between(cal, a, a, &ba) != IC_CAL_OK || ba != 0);
	if (ic_cal_between(cal, b, c, &bc) == IC_CAL_OK)
		FAIL_IF(ic_cal_between(cal, a, c, &ac) != IC_CAL_OK || ac != ab + bc);
}

/* Day number <-> civil date, day of the week, months: for any int32 day. */
static void
check_civil(int32_t d, int32_t months)
{
	int			y,
				m,
				md,
				y2,
				m2,
				md2;

	ic_cal_to_ymd(d, &y, &m, &md);
	FAIL_IF(m < 1 || m > 12 || md < 1 || md > 31);
	FAIL_IF(ic_cal_from_ymd(y, m, md) != d);
	FAIL_IF(ic_cal_iso_dow(d) < 1 || ic_cal_iso_dow(d) > 7);
	if (d != INT32_MAX)
		FAIL_IF(ic_cal_iso_dow(d + 1) != ic_cal_iso_dow(d) % 7 + 1);
	if (d < PG_FIRST_DAY || d > PG_LAST_DAY)
		return;
	FAIL_IF(md > days_in_month(y, m));

	/* months within what a term (or R72.4's one month) can ask for */
	months %= 2 * 10000 + 1;
	{
		int32_t		r = ic_cal_add_months(d, months);
		int			last;

		ic_cal_to_ymd(r, &y2, &m2, &md2);
		FAIL_IF((int64_t) y2 * 12 + m2 != (int64_t) y * 12 + m + months);
		last = days_in_month(y2, m2);
		FAIL_IF(md2 != (md < last ? md : last));
		FAIL_IF((months > 0 && r <= d) || (months < 0 && r >= d) || (months == 0 && r != d));
	}
}

static void
check_term(const IcCalCore *cal, int32_t received, uint32_t count, uint32_t unit)
{
	IcTerm		t;
	int32_t		got = 0;
	int64_t		want = 0;
	int64_t		end = 0;
	IcCalStatus st,
				ref;

	t.count = (int32_t) (count % (IC_TERM_MAX_COUNT + 1));
	t.unit = (IcTermUnit) (unit % (IC_TERM_UNIT_MAX + 1));
	if (t.count == 0)
		t.count = 1;
	if (!ic_term_is_valid(&t))
		abort();
	st = ic_cal_term_deadline(cal, received, &t, &got);
	if (!ref_in(received))
	{
		FAIL_IF(st != IC_CAL_INPUT_OUT_OF_RANGE);
		return;
	}
	switch (t.unit)
	{
		case IC_TERM_WORKING_DAYS:
			ref = ref_add(received, t.count, &want);
			break;
		case IC_TERM_DAYS:
			end = (int64_t) received + t.count;
			break;
		case IC_TERM_WEEKS:
			end = (int64_t) received + 7 * (int64_t) t.count;
			break;
		case IC_TERM_MONTHS:
			end = ic_cal_add_months(received, t.count);
			break;
	}
	if (t.unit != IC_TERM_WORKING_DAYS)
	{
		ref = ref_in(end) ? ref_add(end, 0, &want) : IC_CAL_RESULT_OUT_OF_RANGE;
		if (ref == IC_CAL_INPUT_OUT_OF_RANGE)
			ref = IC_CAL_RESULT_OUT_OF_RANGE;
	}
	FAIL_IF(st != ref);
	if (st == IC_CAL_OK)
		FAIL_IF(got != want || got <= received);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Reader		r = {data, size};
	uint32_t	shape = take(&r, 1);
	int32_t		ndays = (int32_t) (take(&r, 2) % FUZZ_MAX_DAYS) + 1;
	int32_t		first;
	uint8_t    *working;
	int32_t    *cum;
	int32_t    *work;
	IcCalCore	cal;
	int			nq;

	/* where the calendar lies */
	switch (shape & 3)
	{
		case 0:
		case 1:
			first = ic_cal_from_ymd(1990 + (int) (take(&r, 1) % 80), 1, 1) + (int32_t) (take(&r, 1) % 7);
			break;
		case 2:
			first = PG_FIRST_DAY + (int32_t) (take(&r, 2) % 400);
			break;
		default:
			first = PG_LAST_DAY - ndays + 1 - (int32_t) (take(&r, 2) % 400);
			break;
	}

	/* which days are working days; exact-size arrays, so ASan sees overruns */
	working = malloc((size_t) ndays);
	cum = malloc(sizeof(int32_t) * ((size_t) ndays + 1));
	work = malloc(sizeof(int32_t) * (size_t) ndays);
	if ((shape >> 2) & 1)
	{
		/* one bit of input per day, repeated */
		const uint8_t *bits = r.p;
		size_t		nbits = r.left > 32 ? 32 : r.left;

		for (int32_t i = 0; i < ndays; i++)
			working[i] = nbits ? (bits[(i / 8) % nbits] >> (i % 8)) & 1 : 0;
		r.p += nbits;
		r.left -= nbits;
	}
	else
	{
		/* a year table: weekend days, then holidays and transfers toggled */
		uint32_t	weekend = take(&r, 1);
		int			ntoggle = (int) (take(&r, 1) % 24);

		if ((weekend & 0x7f) == 0)
			weekend = 0x60;		/* Saturday and Sunday */
		for (int32_t i = 0; i < ndays; i++)
			working[i] = !((weekend >> (ic_cal_iso_dow(first + i) - 1)) & 1);
		for (int k = 0; k < ntoggle; k++)
		{
			uint32_t	at = take(&r, 2) % (uint32_t) ndays;

			working[at] = !working[at];
		}
	}
	ic_cal_build(&cal, first, ndays, working, cum, work);
	FAIL_IF(cal.first != first || cal.ndays != ndays || cal.nwork < 0 || cal.nwork > ndays);
	FAIL_IF(cal.cum[0] != 0 || cal.cum[ndays] != cal.nwork);
	ref_working = working;
	ref_first = first;
	ref_ndays = ndays;

	/* the edges of the calendar and of the int32 day numbers */
	FAIL_IF(ic_cal_in_range(&cal, first - 1) || ic_cal_in_range(&cal, INT32_MIN) ||
			ic_cal_in_range(&cal, INT32_MAX) || !ic_cal_in_range(&cal, first) ||
			!ic_cal_in_range(&cal, first + ndays - 1));
	if ((int64_t) first + ndays <= INT32_MAX)
		FAIL_IF(ic_cal_in_range(&cal, first + ndays));

	nq = (int) (take(&r, 1) % FUZZ_MAX_QUESTIONS) + 1;
	for (int q = 0; q < nq; q++)
	{
		int32_t		d = pick_day(&r, &cal);

		switch (take(&r, 1) % 5)
		{
			case 0:
				check_add(&cal, d, pick_n(&r, &cal));
				break;
			case 1:
				check_rolls(&cal, d);
				break;
			case 2:
				{
					int32_t		b = pick_day(&r, &cal);

					check_between(&cal, d, b, pick_day(&r, &cal));
				}
				break;
			case 3:
				check_civil(d, (int32_t) take(&r, 4));
				break;
			default:
				{
					uint32_t	count = take(&r, 2);

					check_term(&cal, d, count, take(&r, 1));
				}
				break;
		}
	}

	free(work);
	free(cum);
	free(working);
	return 0;
}
