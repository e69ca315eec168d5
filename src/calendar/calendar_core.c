/*
 * calendar_core.c
 *		Working-day arithmetic over a cumulative-count index (see
 *		calendar_core.h).  Pure C: no PostgreSQL headers.
 *
 * The lookups themselves are static inline functions in calendar_core.h; they
 * convert the day number to an index with 64-bit arithmetic, so extreme inputs
 * (PostgreSQL's +/-infinity dates are INT32_MAX/INT32_MIN) are reported as out
 * of range rather than overflowing.
 */
#include "calendar_core.h"

/* Days from 0000-03-01 to 2000-01-01 in the algorithm below. */
#define DAYS_0000_03_01_TO_2000_01_01 730425

int
ic_cal_iso_dow(int32_t day)
{
	/* 2000-01-01 (day 0) was a Saturday, ISO 6. */
	int			r = (int) (((int64_t) day % 7 + 7) % 7);

	return (r + 5) % 7 + 1;
}

/* Civil-calendar conversions after Howard Hinnant's public-domain algorithms. */
int32_t
ic_cal_from_ymd(int year, int month, int day)
{
	int64_t		y = (int64_t) year - (month <= 2);
	int64_t		era = (y >= 0 ? y : y - 399) / 400;
	int64_t		yoe = y - era * 400;
	int64_t		mp = (month + 9) % 12;
	int64_t		doy = (153 * mp + 2) / 5 + day - 1;
	int64_t		doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (int32_t) (era * 146097 + doe - DAYS_0000_03_01_TO_2000_01_01);
}

void
ic_cal_to_ymd(int32_t day, int *year, int *month, int *mday)
{
	int64_t		z = (int64_t) day + DAYS_0000_03_01_TO_2000_01_01;
	int64_t		era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t		doe = z - era * 146097;
	int64_t		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t		mp = (5 * doy + 2) / 153;
	int64_t		d = doy - (153 * mp + 2) / 5 + 1;
	int64_t		m = mp < 10 ? mp + 3 : mp - 9;
	int64_t		y = yoe + era * 400 + (m <= 2);

	*year = (int) y;
	*month = (int) m;
	*mday = (int) d;
}

void
ic_cal_build(IcCalCore *cal, int32_t first, int32_t ndays,
			 const uint8_t *working, int32_t *cum, int32_t *work)
{
	int32_t		n = 0;

	cal->first = first;
	cal->ndays = ndays;
	cal->cum = cum;
	cal->work = work;
	for (int32_t i = 0; i < ndays; i++)
	{
		cum[i] = n;
		if (working[i])
			work[n++] = i;
	}
	cum[ndays] = n;
	cal->nwork = n;
}

int32_t
ic_cal_add_months(int32_t d, int32_t months)
{
	int			y,
				m,
				md;
	int64_t		total;
	int			last;
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	ic_cal_to_ymd(d, &y, &m, &md);
	total = (int64_t) y * 12 + (m - 1) + months;
	y = (int) (total >= 0 ? total / 12 : (total - 11) / 12);
	m = (int) (total - (int64_t) y * 12) + 1;
	last = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		last = 29;
	if (md > last)
		md = last;
	return ic_cal_from_ymd(y, m, md);
}

IcCalStatus
ic_cal_term_deadline(const IcCalCore *cal, int32_t received,
					 const IcTerm *term, int32_t *result)
{
	int64_t		end;

	if (ic_cal_day_index(cal, received) < 0)
		return IC_CAL_INPUT_OUT_OF_RANGE;
	switch (term->unit)
	{
		case IC_TERM_WORKING_DAYS:
			return ic_cal_add(cal, received, term->count, result);
		case IC_TERM_DAYS:
			end = (int64_t) received + term->count;
			break;
		case IC_TERM_WEEKS:
			end = (int64_t) received + (int64_t) term->count * 7;
			break;
		case IC_TERM_MONTHS:
			end = ic_cal_add_months(received, term->count);
			break;
		default:
			return IC_CAL_INPUT_OUT_OF_RANGE;
	}
	if (end < cal->first || end >= (int64_t) cal->first + cal->ndays)
		return IC_CAL_RESULT_OUT_OF_RANGE;
	return ic_cal_roll_forward(cal, (int32_t) end, result);
}
