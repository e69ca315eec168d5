/*
 * report_first_day_core.h
 *		The state of the aggregate report_first_day(seq, day) (pure core):
 *		one 64-bit key per row, ordered by seq first, holding the row's day,
 *		so that the least key is the row with the least seq and min() of two
 *		states (two parallel workers' shares) is the state of both.
 */
#ifndef IC_REPORT_FIRST_DAY_CORE_H
#define IC_REPORT_FIRST_DAY_CORE_H

#include <stdbool.h>
#include <stdint.h>

/*
 * A day as PostgreSQL holds a date (days from 2000-01-01; INT32_MIN and
 * INT32_MAX are -infinity and infinity).  INT32_MIN + 1 is no date
 * (the earliest is 4713 BC, -2451545): it stands for NULL in a key.
 */
#define IC_FIRST_DAY_NULL_DAY (INT32_MIN + 1)

/*
 * The key of a row: seq * 2^32 + (day - INT32_MIN).  A NULL seq (a NULL
 * pointer) is INT32_MAX, after every other as ORDER BY seq puts NULL; a
 * NULL day is IC_FIRST_DAY_NULL_DAY.
 */
extern int64_t ic_first_day_key(const int32_t *seq, const int32_t *day);

/* the day a key holds; false when it holds NULL */
extern bool ic_first_day_of(int64_t key, int32_t *day);

#endif							/* IC_REPORT_FIRST_DAY_CORE_H */
