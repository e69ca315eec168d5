/*
 * calendar_test.c
 *		Unit tests of calendar_core.c: day numbers, the cumulative index and
 *		working-day arithmetic, checked against a brute-force walk over the
 *		same small calendar.
 */
#include <stdlib.h>

#include "calendar_core.h"
#include "unit.h"

/* 2025-01-01 .. 2025-12-31 with the Kazakh exceptions of January to March. */
#define NDAYS 365
static uint8_t working[NDAYS];
static int32_t cum[NDAYS + 1];
static int32_t work[NDAYS];
static IcCalCore cal;

static int32_t
ymd(int y, int m, int d)
{
	return ic_cal_from_ymd(y, m, d);
}

static void
set_day(int32_t day, int w)
{
	working[day - cal.first] = (uint8_t) w;
}

static void
build(void)
{
	int32_t		first = ymd(2025, 1, 1);

	for (int i = 0; i < NDAYS; i++)
		working[i] = ic_cal_iso_dow(first + i) <= 5;
	cal.first = first;
	set_day(ymd(2025, 1, 1), 0);
	set_day(ymd(2025, 1, 2), 0);
	set_day(ymd(2025, 1, 3), 0);	/* transfer: day off */
	set_day(ymd(2025, 1, 5), 1);	/* transfer: working Sunday */
	set_day(ymd(2025, 1, 7), 0);
	set_day(ymd(2025, 3, 10), 0);
	set_day(ymd(2025, 3, 21), 0);
	set_day(ymd(2025, 3, 24), 0);
	set_day(ymd(2025, 3, 25), 0);
	ic_cal_build(&cal, first, NDAYS, working, cum, work);
}

/* Brute force reference of ic_cal_add. */
static int
slow_add(int32_t d, int32_t n, int32_t *out)
{
	int32_t		last = cal.first + NDAYS - 1;

	if (n == 0)
	{
		for (int32_t x = d; x <= last; x++)
			if (working[x - cal.first])
				return *out = x, 1;
		return 0;
	}
	for (int32_t x = d, k = 0;;)
	{
		x += n > 0 ? 1 : -1;
		if (x < cal.first || x > last)
			return 0;
		if (working[x - cal.first] && ++k == abs(n))
			return *out = x, 1;
	}
}

static void
test_dates(void)
{
	int			y,
				m,
				d;

	CHECK(ymd(2000, 1, 1) == 0, "2000-01-01 is day 0");
	CHECK(ymd(2000, 3, 1) == 60, "2000 is a leap year");
	CHECK(ymd(1999, 12, 31) == -1, "the day before is -1");
	CHECK(ymd(2025, 1, 1) == 9132, "2025-01-01 is day 9132");
	CHECK(ic_cal_iso_dow(0) == 6, "2000-01-01 was a Saturday");
	CHECK(ic_cal_iso_dow(ymd(2024, 5, 4)) == 6, "2024-05-04 was a Saturday");
	CHECK(ic_cal_iso_dow(ymd(2025, 1, 5)) == 7, "2025-01-05 was a Sunday");
	CHECK(ic_cal_iso_dow(-1) == 5, "1999-12-31 was a Friday");
	CHECK(ic_cal_iso_dow(INT32_MIN) >= 1 && ic_cal_iso_dow(INT32_MAX) <= 7, "extremes do not overflow");
	{
		int32_t		bad = 0;
		bool		ok = true;

		for (int32_t day = -200000; day < 200000 && ok; day += 37)
		{
			ic_cal_to_ymd(day, &y, &m, &d);
			if (ymd(y, m, d) != day || m < 1 || m > 12 || d < 1 || d > 31)
				ok = false, bad = day;
		}
		CHECK(ok, "round trip of day numbers fails at day %d", (int) bad);
	}
	CHECK(ic_cal_add_months(ymd(2024, 1, 31), 1) == ymd(2024, 2, 29), "31 Jan + 1 month = 29 Feb in a leap year");
	CHECK(ic_cal_add_months(ymd(2025, 1, 31), 1) == ymd(2025, 2, 28), "31 Jan + 1 month = 28 Feb");
	CHECK(ic_cal_add_months(ymd(2025, 8, 31), 6) == ymd(2026, 2, 28), "across the year end");
	CHECK(ic_cal_add_months(ymd(2025, 3, 15), 12) == ymd(2026, 3, 15), "12 months");
	CHECK(ic_cal_add_months(ymd(2025, 3, 15), -3) == ymd(2024, 12, 15), "negative months");
}

/* Every (d, n) against the brute force, and between() as add()'s inverse. */
static void
check_against_brute_force(void)
{
	int			mismatches = 0;
	int32_t		r = 0;

	for (int32_t d = cal.first; d < cal.first + NDAYS; d++)
		for (int32_t n = -30; n <= 30; n++)
		{
			int32_t		slow = 0;
			int			ok = slow_add(d, n, &slow);
			IcCalStatus st = ic_cal_add(&cal, d, n, &r);

			if ((ok && (st != IC_CAL_OK || r != slow)) || (!ok && st != IC_CAL_RESULT_OUT_OF_RANGE))
			{
				if (mismatches++ == 0)
					fprintf(stderr, "add(%d, %d): core %d/%d, reference %d/%d\n", (int) d, (int) n,
							(int) st, (int) r, ok, (int) slow);
				continue;
			}
			/* (d, r] holds n working days; for n < 0 only when d itself works. */
			if (ok && (n > 0 || (n < 0 && working[d - cal.first])))
			{
				int32_t		b = 0;

				ic_cal_between(&cal, d, r, &b);
				if (b != n && mismatches++ == 0)
					fprintf(stderr, "between(%d, add(%d, %d)) = %d\n", (int) d, (int) d, (int) n, (int) b);
			}
		}
	CHECK(mismatches == 0, "add() and between() disagree with the brute force %d times", mismatches);
}

static void
test_arithmetic(void)
{
	int32_t		r = 0;
	bool		w = false;

	CHECK(cal.nwork == cum[NDAYS], "nwork is the last cumulative count");
	CHECK(ic_cal_is_working(&cal, ymd(2025, 1, 5), &w) == IC_CAL_OK && w, "working Sunday 2025-01-05");
	CHECK(ic_cal_is_working(&cal, ymd(2025, 1, 3), &w) == IC_CAL_OK && !w, "day off Friday 2025-01-03");
	CHECK(ic_cal_is_working(&cal, ymd(2024, 12, 31), &w) == IC_CAL_INPUT_OUT_OF_RANGE, "before the range");
	CHECK(ic_cal_is_working(&cal, INT32_MAX, &w) == IC_CAL_INPUT_OUT_OF_RANGE, "infinity");
	CHECK(ic_cal_add(&cal, ymd(2025, 1, 1), 1, &r) == IC_CAL_OK && r == ymd(2025, 1, 5),
		  "first working day of 2025 is Sunday 5 Jan");
	CHECK(ic_cal_add(&cal, ymd(2025, 1, 4), 2, &r) == IC_CAL_OK && r == ymd(2025, 1, 6), "Sat + 2 = Mon");
	CHECK(ic_cal_add(&cal, ymd(2025, 3, 20), 1, &r) == IC_CAL_OK && r == ymd(2025, 3, 26), "over Nauryz");
	CHECK(ic_cal_add(&cal, ymd(2025, 3, 26), -1, &r) == IC_CAL_OK && r == ymd(2025, 3, 20), "back over Nauryz");
	CHECK(ic_cal_add(&cal, ymd(2025, 3, 22), 0, &r) == IC_CAL_OK && r == ymd(2025, 3, 26), "n = 0 rolls forward");
	CHECK(ic_cal_add(&cal, ymd(2025, 3, 20), 0, &r) == IC_CAL_OK && r == ymd(2025, 3, 20), "n = 0 on a working day");
	CHECK(ic_cal_add(&cal, ymd(2025, 12, 31), 1, &r) == IC_CAL_RESULT_OUT_OF_RANGE, "past the end");
	CHECK(ic_cal_add(&cal, ymd(2025, 1, 6), -2, &r) == IC_CAL_RESULT_OUT_OF_RANGE, "before the start");
	CHECK(ic_cal_add(&cal, ymd(2025, 1, 6), INT32_MIN, &r) == IC_CAL_RESULT_OUT_OF_RANGE, "INT32_MIN");
	CHECK(ic_cal_add(&cal, ymd(2025, 1, 6), INT32_MAX, &r) == IC_CAL_RESULT_OUT_OF_RANGE, "INT32_MAX");
	CHECK(ic_cal_roll_backward(&cal, ymd(2025, 3, 25), &r) == IC_CAL_OK && r == ymd(2025, 3, 20), "roll back");
	CHECK(ic_cal_roll_backward(&cal, ymd(2025, 1, 4), &r) == IC_CAL_RESULT_OUT_OF_RANGE, "nothing before");
	CHECK(ic_cal_roll_forward(&cal, ymd(2025, 1, 1), &r) == IC_CAL_OK && r == ymd(2025, 1, 5), "roll forward");
	CHECK(ic_cal_between(&cal, ymd(2025, 3, 20), ymd(2025, 3, 26), &r) == IC_CAL_OK && r == 1, "between");
	CHECK(ic_cal_between(&cal, ymd(2025, 3, 26), ymd(2025, 3, 20), &r) == IC_CAL_OK && r == -1, "reversed");
	CHECK(ic_cal_between(&cal, ymd(2025, 3, 26), ymd(2025, 3, 26), &r) == IC_CAL_OK && r == 0, "same day");
	CHECK(ic_cal_between(&cal, ymd(2025, 3, 26), ymd(2026, 3, 26), &r) == IC_CAL_INPUT_OUT_OF_RANGE, "b out");
	check_against_brute_force();
}

static void
test_terms(void)
{
	int32_t		r = 0;
	IcTerm		t;

	t.unit = IC_TERM_WORKING_DAYS, t.count = 1;
	CHECK(ic_cal_term_deadline(&cal, ymd(2025, 3, 22), &t, &r) == IC_CAL_OK && r == ymd(2025, 3, 26),
		  "1 working day from Saturday 22 Mar 2025 (R50.3)");
	t.unit = IC_TERM_DAYS, t.count = 14;
	CHECK(ic_cal_term_deadline(&cal, ymd(2025, 3, 8), &t, &r) == IC_CAL_OK && r == ymd(2025, 3, 26),
		  "14 days from 8 Mar ends on 22 Mar, rolled to 26 Mar (R51)");
	t.unit = IC_TERM_WEEKS, t.count = 2;
	CHECK(ic_cal_term_deadline(&cal, ymd(2025, 1, 2), &t, &r) == IC_CAL_OK && r == ymd(2025, 1, 16),
		  "2 weeks");
	t.unit = IC_TERM_MONTHS, t.count = 2;
	CHECK(ic_cal_term_deadline(&cal, ymd(2025, 1, 21), &t, &r) == IC_CAL_OK && r == ymd(2025, 3, 26),
		  "2 months from 21 Jan ends on Nauryz, rolled to 26 Mar");
	t.unit = IC_TERM_MONTHS, t.count = 12;
	CHECK(ic_cal_term_deadline(&cal, ymd(2025, 1, 21), &t, &r) == IC_CAL_RESULT_OUT_OF_RANGE,
		  "a term ending after the calendar");
	CHECK(ic_cal_term_deadline(&cal, ymd(2024, 1, 21), &t, &r) == IC_CAL_INPUT_OUT_OF_RANGE,
		  "a receipt before the calendar");
}

int
main(void)
{
	build();
	test_dates();
	test_arithmetic();
	test_terms();
	return UNIT_SUMMARY();
}
