/*
 * report_row_no_core.c
 *		The number of a row in its run of rows with the same group (pure
 *		core of report_row_no).
 */
#include <stddef.h>

#include "report_row_no_core.h"

/* a group value equals another: both NULL, or both the same number */
static bool
same_value(bool was_null, int32_t was, const int32_t *now)
{
	return now == NULL ? was_null : (!was_null && was == *now);
}

bool
ic_row_no_next(IcRowNo *state, const int32_t *a, const int32_t *b, int32_t *row_no)
{
	if (state->seen && same_value(state->a_null, state->a, a) && same_value(state->b_null, state->b, b))
	{
		if (state->n == INT32_MAX)
			return false;
		state->n++;
	}
	else
	{
		state->seen = true;
		state->a_null = a == NULL;
		state->a = a == NULL ? 0 : *a;
		state->b_null = b == NULL;
		state->b = b == NULL ? 0 : *b;
		state->n = 1;
	}
	*row_no = state->n;
	return true;
}
