/*
 * point_ref_limits_test.c
 *		Unit tests of point_ref_core.c's subtree bounds within a text limit
 *		(ic_point_ref_subtree_last_within, _upper_within) against every
 *		canonical value of text limits 1..6, enumerated and sorted.  The
 *		parser, the order and the other bounds: point_ref_test.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "point_ref_core.h"
#include "unit.h"

/* Every canonical text of 1..maxlen bytes, tried character by character. */
static const char alphabet[] = "0123456789.-)";

typedef struct
{
	uint8_t		enc[8];
	uint8_t		len;
	uint8_t		tlen;
}			Small;

static int
small_cmp(const void *a, const void *b)
{
	const Small *x = a;
	const Small *y = b;

	return ic_point_ref_cmp(x->enc, x->len, y->enc, y->len);
}

/*
 * Against every value of a small text limit: enumerate all strings of up to
 * maxlen characters of the alphabet, keep those that are canonical (parse,
 * and format back to themselves), sort them; then for every limit up to
 * maxlen and every value p within it, the last value of p's subtree and the
 * value after it, found by walking the sorted list, are what
 * ic_point_ref_subtree_last_within / _upper_within compute.
 */
static void
check_small_limits(size_t maxlen)
{
	size_t		cap = 1024;
	Small	   *v;
	size_t		nv = 0;
	char		s[8];
	size_t		idx[8] = {0};
	int			wrong_last = 0;
	int			wrong_upper = 0;
	size_t		no_upper = 0;

	v = malloc(sizeof(Small) * cap);
	if (v == NULL)
		exit(2);
	for (size_t len = 1; len <= maxlen; len++)
	{
		/* odometer over the alphabet */
		memset(idx, 0, sizeof(idx));
		for (;;)
		{
			uint8_t		enc[IC_POINT_REF_MAX_ENCODED];
			char		back[4 * 8 + 1];
			IcPointRefError err;
			size_t		el;
			size_t		k;

			for (k = 0; k < len; k++)
				s[k] = alphabet[idx[k]];
			el = ic_point_ref_parse(s, len, enc, &err, NULL);
			if (el > 0 && el <= sizeof(v[0].enc) &&
				ic_point_ref_format(enc, el, back, sizeof(back)) == len &&
				memcmp(back, s, len) == 0)
			{
				if (nv == cap)
				{
					cap *= 2;
					v = realloc(v, sizeof(Small) * cap);
					if (v == NULL)
						exit(2);
				}
				memcpy(v[nv].enc, enc, el);
				v[nv].len = (uint8_t) el;
				v[nv].tlen = (uint8_t) len;
				nv++;
			}
			for (k = len; k > 0; k--)
			{
				if (++idx[k - 1] < sizeof(alphabet) - 1)
					break;
				idx[k - 1] = 0;
			}
			if (k == 0)
				break;
		}
	}
	qsort(v, nv, sizeof(Small), small_cmp);

	for (size_t limit = 1; limit <= maxlen; limit++)
	{
		Small	   *w = malloc(sizeof(Small) * nv);
		size_t		nw = 0;

		if (w == NULL)
			exit(2);
		for (size_t i = 0; i < nv; i++)
			if (v[i].tlen <= limit)
				w[nw++] = v[i];
		for (size_t i = 0; i < nw; i++)
		{
			uint8_t		out[IC_POINT_REF_MAX_ENCODED];
			size_t		j = i;
			size_t		ol;

			while (j + 1 < nw && ic_point_ref_contains(w[i].enc, w[i].len, w[j + 1].enc, w[j + 1].len))
				j++;
			ol = ic_point_ref_subtree_last_within(w[i].enc, w[i].len, limit, out);
			if (ol != w[j].len || memcmp(out, w[j].enc, ol) != 0)
				wrong_last++;
			ol = ic_point_ref_subtree_upper_within(w[i].enc, w[i].len, limit, out);
			if (j + 1 == nw)
			{
				no_upper++;
				if (ol != 0)
					wrong_upper++;
			}
			else if (ol != w[j + 1].len || memcmp(out, w[j + 1].enc, ol) != 0)
				wrong_upper++;
		}
		CHECK(wrong_last == 0, "limit %zu: %d wrong last values", limit, wrong_last);
		CHECK(wrong_upper == 0, "limit %zu: %d wrong upper bounds", limit, wrong_upper);
		/* only the greatest value ("9", "99", ...) has nothing after it */
		CHECK(no_upper == 1, "limit %zu: %zu values without an upper bound", limit, no_upper);
		printf("limit %zu: %zu values, subtree bounds as the sorted list says\n", limit, nw);
		wrong_last = wrong_upper = 0;
		no_upper = 0;
		free(w);
	}
	free(v);
}

int
main(void)
{
	check_small_limits(6);
	return UNIT_SUMMARY();
}
