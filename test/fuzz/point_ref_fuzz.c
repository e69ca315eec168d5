/*
 * point_ref_fuzz.c
 *		libFuzzer target for the point_ref parser and subtree bounds (make fuzz).
 *
 * Whatever the input, the parser must not crash, and what it accepts must be
 * a valid encoding whose canonical text parses back to the same bytes, with
 * a parent that contains it.  Its subtree bounds must be values too: the
 * canonical text of point_ref_subtree_last(p) and point_ref_subtree_upper(p)
 * parses back to the same bytes, upper is after p's subtree and not in it
 * (and missing only for the greatest value of all), and for the second half
 * of the input, and for a sub-point built from both halves,
 * p @> r  <=>  p <= r <= last  <=>  p <= r < upper.
 *
 * Random inputs seldom grow to the 1024-byte limit, where the bounds are
 * hard, so each input is also tried repeated up to the limit (less 0..7
 * bytes, by its last byte): "1." becomes "1.1. ... 1.".
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "point_ref_core.h"

#define TEXT_CAP	(4 * IC_POINT_REF_MAX_ENCODED + 1)

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The canonical text of enc parses back to enc, within the length limit. */
static void
check_round_trip(const uint8_t *enc, size_t len)
{
	char		text[TEXT_CAP];
	uint8_t		again[IC_POINT_REF_MAX_ENCODED];
	IcPointRefError err;
	uint32_t	bad;
	size_t		tlen;
	size_t		alen;

	if (!ic_point_ref_valid(enc, len))
		abort();
	tlen = ic_point_ref_format(enc, len, text, sizeof(text));
	if (tlen == 0 || tlen > IC_POINT_REF_MAX_TEXT)
		abort();
	alen = ic_point_ref_parse(text, tlen, again, &err, &bad);
	if (alen != len || memcmp(again, enc, len) != 0)
		abort();
}

/* The two ranges answer "p @> r" as the prefix test does. */
static void
check_ranges(const uint8_t *p, size_t plen, const uint8_t *last, size_t llen,
			 const uint8_t *upper, size_t ulen, const uint8_t *r, size_t rlen)
{
	bool		in = ic_point_ref_contains(p, plen, r, rlen);
	bool		ge = ic_point_ref_cmp(r, rlen, p, plen) >= 0;

	if (in != (ge && ic_point_ref_cmp(r, rlen, last, llen) <= 0))
		abort();
	if (ulen > 0 && in != (ge && ic_point_ref_cmp(r, rlen, upper, ulen) < 0))
		abort();
}

/* p parsed from s[0..n), and another value parsed from o[0..on). */
static void
check_point(const char *s, size_t n, const char *o, size_t on)
{
	uint8_t		enc[IC_POINT_REF_MAX_ENCODED];
	uint8_t		upper[IC_POINT_REF_MAX_ENCODED];
	uint8_t		last[IC_POINT_REF_MAX_ENCODED];
	uint8_t		other[IC_POINT_REF_MAX_ENCODED];
	char		text[TEXT_CAP];
	char		joined[2 * TEXT_CAP + 1];
	IcPointRefError err;
	uint32_t	bad;
	size_t		len = ic_point_ref_parse(s, n, enc, &err, &bad);
	size_t		tlen,
				plen,
				ulen,
				llen,
				olen;

	if (len == 0)
	{
		if (err == IC_PR_OK)
			abort();
		return;
	}
	if (len > n + 1 || len > IC_POINT_REF_MAX_ENCODED)
		abort();
	check_round_trip(enc, len);
	tlen = ic_point_ref_format(enc, len, text, sizeof(text));
	if (ic_point_ref_depth(enc, len) < 1)
		abort();
	plen = ic_point_ref_parent_len(enc, len);
	if (plen > 0 && (!ic_point_ref_valid(enc, plen) || !ic_point_ref_contains(enc, plen, enc, len) ||
					 ic_point_ref_cmp(enc, plen, enc, len) >= 0 ||
					 ic_point_ref_depth(enc, plen) != ic_point_ref_depth(enc, len) - 1))
		abort();

	/* the bounds are values that parse back */
	llen = ic_point_ref_subtree_last(enc, len, last);
	check_round_trip(last, llen);
	if (!ic_point_ref_contains(enc, len, last, llen))
		abort();
	ulen = ic_point_ref_subtree_upper(enc, len, upper);
	if (ulen == 0)
	{
		/* only "99999999-99999999- ... -9999999", 1024 bytes, has none */
		if (tlen != IC_POINT_REF_MAX_TEXT || ic_point_ref_depth(enc, len) != 1 ||
			strspn(text, "9-") != tlen)
			abort();
	}
	else
	{
		check_round_trip(upper, ulen);
		if (ic_point_ref_cmp(enc, len, upper, ulen) >= 0 ||
			ic_point_ref_cmp(last, llen, upper, ulen) >= 0 ||
			ic_point_ref_contains(enc, len, upper, ulen))
			abort();
		/* below the length limit the bound is the plain one: "p)" or "p-1" */
		if (tlen < IC_POINT_REF_MAX_TEXT &&
			(memcmp(upper, enc, len - 1) != 0 ||
			 (enc[len - 1] == 0 ? (ulen != len || upper[len - 1] != 1)
			  : (ulen != len + 1 || upper[len - 1] != 2 || upper[len] != 0))))
			abort();
	}
	check_ranges(enc, len, last, llen, upper, ulen, enc, len);
	check_ranges(enc, len, last, llen, upper, ulen, last, llen);
	if (ulen > 0)
		check_ranges(enc, len, last, llen, upper, ulen, upper, ulen);

	/* another value */
	olen = ic_point_ref_parse(o, on, other, &err, &bad);
	if (olen > 0)
	{
		char		otext[TEXT_CAP];
		size_t		otlen = ic_point_ref_format(other, olen, otext, sizeof(otext));
		size_t		jlen;

		check_ranges(enc, len, last, llen, upper, ulen, other, olen);
		/* and p's sub-point "p.<other>", when it fits */
		memcpy(joined, text, tlen);
		joined[tlen] = '.';
		memcpy(joined + tlen + 1, otext, otlen);
		jlen = tlen + 1 + otlen;
		olen = ic_point_ref_parse(joined, jlen, other, &err, &bad);
		if (jlen <= IC_POINT_REF_MAX_INPUT)
		{
			if (olen == 0 || !ic_point_ref_contains(enc, len, other, olen))
				abort();
			check_ranges(enc, len, last, llen, upper, ulen, other, olen);
		}
		else if (olen != 0 || err != IC_PR_TOO_LONG)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	size_t		half = size / 2;

	check_point(s, size, s + half, size - half);
	if (size > 0 && size < IC_POINT_REF_MAX_INPUT)
	{
		char		rep[IC_POINT_REF_MAX_INPUT];
		size_t		n = IC_POINT_REF_MAX_INPUT - data[size - 1] % 8;

		for (size_t i = 0; i < n; i++)
			rep[i] = s[i % size];
		check_point(rep, n, s, size);
	}
	return 0;
}
