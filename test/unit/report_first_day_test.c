/*
 * report_first_day_test.c
 *		Unit tests of report_first_day_core.c: the keys of Appendix 8's
 *		"first later decision" (issue 19) order rows by seq whatever their
 *		day, NULL seq last, and give back each day, NULL and the infinities
 *		too.
 */
#include <stddef.h>

#include "report_first_day_core.h"
#include "unit.h"

static const int32_t days[] = {INT32_MIN, -2451545, -1, 0, 1, 9496, 2147483494, INT32_MAX};
static const int32_t seqs[] = {INT32_MIN, -7, 0, 1, 2, 3, 1000, INT32_MAX - 1, INT32_MAX};
#define N_DAYS ((int) (sizeof(days) / sizeof(days[0])))
#define N_SEQS ((int) (sizeof(seqs) / sizeof(seqs[0])))

int
main(void)
{
	int			i,
				j,
				k,
				l;

	/* every day comes back from every seq's key, NULL too */
	for (i = 0; i < N_SEQS; i++)
	{
		int32_t		got = 0;

		for (j = 0; j < N_DAYS; j++)
		{
			bool		some = ic_first_day_of(ic_first_day_key(&seqs[i], &days[j]), &got);

			CHECK(some && got == days[j], "seq %d day %d comes back as %d", (int) seqs[i], (int) days[j], (int) got);
		}
		CHECK(!ic_first_day_of(ic_first_day_key(&seqs[i], NULL), &got), "seq %d with a NULL day gives NULL", (int) seqs[i]);
	}
	/* a lesser seq is a lesser key, whatever the two days (NULL among them) */
	for (i = 0; i < N_SEQS; i++)
		for (k = i + 1; k < N_SEQS; k++)
			for (j = -1; j < N_DAYS; j++)
				for (l = -1; l < N_DAYS; l++)
				{
					int64_t		a = ic_first_day_key(&seqs[i], j < 0 ? NULL : &days[j]);
					int64_t		b = ic_first_day_key(&seqs[k], l < 0 ? NULL : &days[l]);

					CHECK(a < b, "seq %d before seq %d (days %d, %d)", (int) seqs[i], (int) seqs[k], j, l);
				}
	/* a NULL seq comes after every seq but INT32_MAX, which it equals in order */
	{
		int32_t		d = 9496;
		int32_t		last = INT32_MAX - 1;

		CHECK(ic_first_day_key(&last, &days[N_DAYS - 1]) < ic_first_day_key(NULL, &days[0]),
			  "a NULL seq comes after INT32_MAX - 1");
		CHECK(ic_first_day_key(NULL, &d) == ic_first_day_key(&seqs[N_SEQS - 1], &d), "a NULL seq is INT32_MAX");
	}
	return UNIT_SUMMARY();
}
