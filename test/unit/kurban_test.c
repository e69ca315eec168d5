/*
 * kurban_test.c
 *		Unit tests of kurban_core.c: the estimated Kurban Ait day 1 against the
 *		days announced in Kazakhstan (2006, 2017-2026) and the known misses
 *		(2015, 2016: one day early), the forecast the seed relies on (2027),
 *		and the years outside the supported range.
 */
#include "calendar_core.h"
#include "kurban_core.h"
#include "unit.h"

int
main(void)
{
	static const struct
	{
		int			year;
		int			month;
		int			day;
	}			cases[] = {
		{2006, 1, 10}, {2017, 9, 1}, {2018, 8, 21}, {2019, 8, 11}, {2020, 7, 31},
		{2021, 7, 20}, {2022, 7, 9}, {2023, 6, 28}, {2024, 6, 16}, {2025, 6, 6},
		{2026, 5, 27}, {2027, 5, 16},
		{2015, 9, 23}, {2016, 9, 11},	/* announced 24 and 12 September */
	};
	int32_t		days[2];
	int			n;

	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		n = ic_kurban_ait_estimate(cases[i].year, days);
		CHECK(n >= 1 && days[0] == ic_cal_from_ymd(cases[i].year, cases[i].month, cases[i].day),
			  "%d: %d day(s), first %d, want %04d-%02d-%02d", cases[i].year, n, n ? days[0] : 0,
			  cases[i].year, cases[i].month, cases[i].day);
	}

	/* 2006 has two: 10 January and 31 December (the lunar year is shorter) */
	n = ic_kurban_ait_estimate(2006, days);
	CHECK(n == 2 && days[1] == ic_cal_from_ymd(2006, 12, 31), "2006: %d day(s)", n);

	/* every year of 2000-2400 has one or two, in that year, about 354 days apart */
	for (int y = 2000; y <= 2400; y++)
	{
		int			yy,
					mm,
					dd;

		n = ic_kurban_ait_estimate(y, days);
		CHECK(n >= 1 && n <= 2, "%d: %d day(s)", y, n);
		for (int k = 0; k < n; k++)
		{
			ic_cal_to_ymd(days[k], &yy, &mm, &dd);
			CHECK(yy == y, "%d: a day in %d", y, yy);
		}
		if (n == 2)
			CHECK(days[1] - days[0] >= 353 && days[1] - days[0] <= 356, "%d: %d days apart", y, days[1] - days[0]);
	}

	CHECK(ic_kurban_ait_estimate(699, days) == 0, "699 is outside");
	CHECK(ic_kurban_ait_estimate(10000, days) == 0, "10000 is outside");
	return UNIT_SUMMARY();
}
