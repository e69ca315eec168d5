/*
 * report_row_no_core.h
 *		The number of a row in its run of rows with the same group (pure
 *		core of report_row_no: Appendix 8 numbers its rows per body and
 *		sector as they come in print order).
 */
#ifndef IC_REPORT_ROW_NO_CORE_H
#define IC_REPORT_ROW_NO_CORE_H

#include <stdbool.h>
#include <stdint.h>

/* the group of the row before and its number; all zero: no row yet */
typedef struct IcRowNo
{
	bool		seen;			/* a row came before */
	bool		a_null;
	bool		b_null;
	int32_t		a;
	int32_t		b;
	int32_t		n;				/* the number given to the row before */
} IcRowNo;

/*
 * The number of the next row, whose group is (a, b) (a NULL pointer: the
 * value NULL, which equals NULL here as in GROUP BY): 1 when the group
 * differs from the row before's, else one more than that row's.  false,
 * with state unchanged, when the number would pass INT32_MAX.
 */
extern bool ic_row_no_next(IcRowNo *state, const int32_t *a, const int32_t *b, int32_t *row_no);

#endif							/* IC_REPORT_ROW_NO_CORE_H */
