/*
 * kurban_core.c
 *		Kurban Ait day 1 (10 Dhu al-Hijjah) estimated from the new moon.
 *
 * The one idea: the Spiritual Administration of Muslims of Kazakhstan starts
 * the month from the new crescent, so the estimate is the conjunction (new
 * moon) nearest the arithmetical 1 Dhu al-Hijjah, computed with the periodic
 * terms of J. Meeus, "Astronomical Algorithms", ch. 49; a conjunction at or
 * before 14:00 UTC (about sunset in Kazakhstan) starts the month the next
 * day, a later one the day after.  An estimate: +/- 1 day.
 *
 * This is the computation the extension's PL/pgSQL function did until 0.3,
 * step for step, so the days are the same (a regression test compares the
 * two over four centuries): the constant parts PostgreSQL evaluated as exact
 * numeric are evaluated here in long double and rounded once, and the time
 * of day is rounded to the microsecond as timestamp + interval rounds it.
 */
#include <math.h>

#include "calendar_core.h"
#include "kurban_core.h"

#define RAD(x)		((x) * 0.0174532925199432957692)	/* PostgreSQL's radians() */
#define USECS_PER_DAY INT64_C(86400000000)

/* The conjunction of lunation kk (Julian day, UT). */
static double
conjunction(int kk)
{
	double		t = (double) ((long double) kk / 1236.85L);
	double		t2 = pow(t, 2),
				t3 = pow(t, 3),
				t4 = pow(t, 4);
	double		m = RAD((double) (2.5534L + 29.10535670L * kk) - 0.0000014 * t2 - 0.00000011 * t3);
	double		mp = RAD((double) (201.5643L + 385.81693528L * kk) + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
	double		f = RAD((double) (160.7108L + 390.67050284L * kk) - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
	double		om = RAD((double) (124.7746L - 1.56375588L * kk) + 0.0020672 * t2 + 0.00000215 * t3);
	double		e = 1 - 0.002516 * t - 0.0000074 * t2;
	double		c;

	c = (double) (2451550.09766L + 29.530588861L * kk) + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
	c = c - 0.40720 * sin(mp) + 0.17241 * e * sin(m) + 0.01608 * sin(2 * mp) + 0.01039 * sin(2 * f)
		+ 0.00739 * e * sin(mp - m) - 0.00514 * e * sin(mp + m) + 0.00208 * e * e * sin(2 * m)
		- 0.00111 * sin(mp - 2 * f) - 0.00057 * sin(mp + 2 * f) + 0.00056 * e * sin(2 * mp + m)
		- 0.00042 * sin(3 * mp) + 0.00042 * e * sin(m + 2 * f) + 0.00038 * e * sin(m - 2 * f)
		- 0.00024 * e * sin(2 * mp - m) - 0.00017 * sin(om) - 0.00007 * sin(mp + 2 * m)
		+ 0.00004 * sin(2 * mp - 2 * f) + 0.00004 * sin(3 * m) + 0.00003 * sin(mp + m - 2 * f)
		+ 0.00003 * sin(2 * mp + 2 * f) - 0.00003 * sin(mp + m + 2 * f) + 0.00003 * sin(mp - m + 2 * f)
		- 0.00002 * sin(mp - m - 2 * f) - 0.00002 * sin(3 * mp + m) + 0.00002 * sin(4 * mp)
	/* planetary arguments */
		+ 0.000325 * sin(RAD((double) (299.77L + 0.107408L * kk) - 0.009173 * t2))
		+ 0.000165 * sin(RAD((double) (251.88L + 0.016321L * kk))) + 0.000164 * sin(RAD((double) (251.83L + 26.651886L * kk)))
		+ 0.000126 * sin(RAD((double) (349.42L + 36.412478L * kk))) + 0.000110 * sin(RAD((double) (84.66L + 18.206239L * kk)))
		+ 0.000062 * sin(RAD((double) (141.74L + 53.303771L * kk))) + 0.000060 * sin(RAD((double) (207.14L + 2.453732L * kk)))
		+ 0.000056 * sin(RAD((double) (154.84L + 7.306860L * kk))) + 0.000047 * sin(RAD((double) (34.52L + 27.261239L * kk)))
		+ 0.000042 * sin(RAD((double) (207.19L + 0.121824L * kk))) + 0.000040 * sin(RAD((double) (291.34L + 1.844379L * kk)))
		+ 0.000037 * sin(RAD((double) (161.72L + 24.198154L * kk))) + 0.000035 * sin(RAD((double) (239.56L + 25.513099L * kk)))
		+ 0.000023 * sin(RAD((double) (331.55L + 3.592518L * kk)))
		- (double) (69.0L / 86400);	/* terrestrial time to UT (delta T, about 69 s) */
	return c;
}

/*
 * Microseconds from 2000-01-01 00:00 of J2000 noon plus f days, rounded as
 * PostgreSQL's interval '1 day' * f and timestamp + interval round it.
 */
static int64_t
j2000_plus_days(double f)
{
	int32_t		day = (int32_t) f;
	double		sec = rint((f - day) * 86400 * 1000000.0) / 1000000.0;

	if (fabs(sec) >= 86400)
	{
		day += (int32_t) (sec / 86400);
		sec -= (int32_t) (sec / 86400) * 86400.0;
	}
	return USECS_PER_DAY / 2 + (int64_t) day * USECS_PER_DAY + (int64_t) rint(sec * 1000000.0);
}

int
ic_kurban_ait_estimate(int year, int32_t days[2])
{
	int			n = 0;
	int			h0;

	if (year < IC_KURBAN_FIRST_YEAR || year > IC_KURBAN_LAST_YEAR)
		return 0;
	h0 = (year - 622) * 33 / 32;
	for (int hy = h0 - 1; hy <= h0 + 2; hy++)
	{
		double		tab_jd = (double) (325 + (hy - 1) * 354 + (3 + 11 * hy) / 30) + 1948438.5;
		int			k = (int) rint((tab_jd - 2451550.09766) / 29.530588861);
		double		best = 0;
		int			have = 0;
		int64_t		us;
		int32_t		date;
		int64_t		tod;
		int32_t		eid;
		int			y,
					mo,
					md;

		for (int kk = k - 1; kk <= k + 1; kk++)
		{
			double		c = conjunction(kk);

			if (!have || fabs(c - tab_jd) < fabs(best - tab_jd))
				best = c;
			have = 1;
		}
		us = j2000_plus_days(best - 2451545.0);
		date = (int32_t) (us >= 0 ? us / USECS_PER_DAY : -((-us + USECS_PER_DAY - 1) / USECS_PER_DAY));
		tod = us - (int64_t) date * USECS_PER_DAY;
		eid = date + (tod <= INT64_C(14) * 3600 * 1000000 ? 10 : 11);
		ic_cal_to_ymd(eid, &y, &mo, &md);
		if (y == year && n < 2)
			days[n++] = eid;
	}
	return n;
}
