/*
 * kurban_core.h
 *		The estimate of Kurban Ait day 1 (10 Dhu al-Hijjah) in a Gregorian
 *		year, from the new moon; pure C (no server headers).
 */
#ifndef IC_KURBAN_CORE_H
#define IC_KURBAN_CORE_H

#include <stdint.h>

/* The years the estimate covers. */
#define IC_KURBAN_FIRST_YEAR 700
#define IC_KURBAN_LAST_YEAR 9999

/*
 * Store in days[] (room for 2) the estimated first days of Kurban Ait that
 * fall in year, as day numbers (days since 2000-01-01, as calendar_core.h
 * counts them), in ascending order; returns how many (0, 1 or 2).  Years
 * outside IC_KURBAN_FIRST_YEAR..IC_KURBAN_LAST_YEAR give 0.
 */
extern int	ic_kurban_ait_estimate(int year, int32_t days[2]);

#endif							/* IC_KURBAN_CORE_H */
