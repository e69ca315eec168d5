/*
 * report_row_no_test.c
 *		Unit tests of report_row_no_core.c: Appendix 8's rows numbered per
 *		body and sector as they come in print order (issue 19: the numbering
 *		in place of a window over the gathered rows).
 */
#include <stddef.h>

#include "report_row_no_core.h"
#include "unit.h"

/* the numbers given to n rows whose groups are a[i], b[i] (-1: NULL) */
static void
numbers(const int32_t *a, const int32_t *b, int n, int32_t *out)
{
	IcRowNo		state = {0};
	int			i;

	for (i = 0; i < n; i++)
	{
		bool		ok = ic_row_no_next(&state, a[i] < 0 ? NULL : &a[i], b[i] < 0 ? NULL : &b[i], &out[i]);

		CHECK(ok, "row %d is numbered", i);
	}
}

static void
check_numbers(const char *what, const int32_t *a, const int32_t *b, const int32_t *want, int n)
{
	int32_t		got[16];
	int			i;

	numbers(a, b, n, got);
	for (i = 0; i < n; i++)
		CHECK(got[i] == want[i], "%s: row %d numbered %d, want %d", what, i, (int) got[i], (int) want[i]);
}

int
main(void)
{
	/* one body, two sectors: each sector numbered from 1 */
	{
		const int32_t a[] = {1, 1, 1, 1, 1};
		const int32_t b[] = {1, 1, 1, 2, 2};
		const int32_t want[] = {1, 2, 3, 1, 2};

		check_numbers("sectors of one body", a, b, want, 5);
	}
	/* the same sector in the next body starts again: the group is both keys */
	{
		const int32_t a[] = {1, 1, 2, 2, 3};
		const int32_t b[] = {4, 4, 4, 4, 4};
		const int32_t want[] = {1, 2, 1, 2, 1};

		check_numbers("one sector, three bodies", a, b, want, 5);
	}
	/* a group that comes back after another is a new run (rows in print order) */
	{
		const int32_t a[] = {1, 2, 1};
		const int32_t b[] = {1, 1, 1};
		const int32_t want[] = {1, 1, 1};

		check_numbers("a run interrupted", a, b, want, 3);
	}
	/* NULL equals NULL, as in GROUP BY, and differs from every number, 0 too */
	{
		const int32_t a[] = {-1, -1, 0, 0, -1};
		const int32_t b[] = {5, 5, 5, 5, 5};
		const int32_t want[] = {1, 2, 1, 2, 1};

		check_numbers("NULL as a group", a, b, want, 5);
	}
	{
		const int32_t a[] = {7, 7, 7};
		const int32_t b[] = {-1, 0, -1};
		const int32_t want[] = {1, 1, 1};

		check_numbers("NULL against 0 in the second key", a, b, want, 3);
	}
	/* the extremes of int32 are groups like any */
	{
		const int32_t a[] = {INT32_MIN + 1, INT32_MIN + 1, INT32_MAX, INT32_MAX};
		const int32_t b[] = {INT32_MAX, INT32_MAX, INT32_MAX, 0};
		const int32_t want[] = {1, 2, 1, 1};

		check_numbers("extreme groups", a, b, want, 4);
	}
	/* past INT32_MAX: refused, the state left as it was */
	{
		IcRowNo		state = {0};
		int32_t		a = 1,
					b = 1,
					n = 0;
		bool		ok;

		CHECK(ic_row_no_next(&state, &a, &b, &n) && n == 1, "first row is 1");
		state.n = INT32_MAX - 1;
		CHECK(ic_row_no_next(&state, &a, &b, &n) && n == INT32_MAX, "the last number is INT32_MAX");
		ok = ic_row_no_next(&state, &a, &b, &n);
		CHECK(!ok && state.n == INT32_MAX && n == INT32_MAX, "past INT32_MAX is refused and changes nothing");
		b = 2;
		CHECK(ic_row_no_next(&state, &a, &b, &n) && n == 1, "a new group after the refusal starts at 1");
	}
	return UNIT_SUMMARY();
}
