/*
 * report_first_day_core.c
 *		The state of the aggregate report_first_day(seq, day) (pure core).
 */
#include <stddef.h>

#include "report_first_day_core.h"

#define TWO_TO_32 INT64_C(4294967296)

int64_t
ic_first_day_key(const int32_t *seq, const int32_t *day)
{
	int64_t		s = seq == NULL ? INT32_MAX : *seq;
	int64_t		d = day == NULL ? IC_FIRST_DAY_NULL_DAY : *day;

	/* s * 2^32 lies in [-2^63, 2^63 - 2^32]; d - INT32_MIN in [0, 2^32) */
	return s * TWO_TO_32 + (d - INT32_MIN);
}

bool
ic_first_day_of(int64_t key, int32_t *day)
{
	/* the low 32 bits are d - INT32_MIN (key - s * 2^32, modulo 2^64) */
	int64_t		low = (int64_t) ((uint64_t) key & UINT64_C(0xFFFFFFFF));
	int32_t		d = (int32_t) (low + INT32_MIN);

	*day = d;
	return d != IC_FIRST_DAY_NULL_DAY;
}
