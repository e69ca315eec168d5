/*
 * point_ref_fuzz.c
 *		libFuzzer target for the point_ref parser (make fuzz).
 *
 * Whatever the input, the parser must not crash, and what it accepts must be
 * a valid encoding whose canonical text parses back to the same bytes, with
 * a parent that contains it and a subtree bound that sorts after it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "point_ref_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t		enc[IC_POINT_REF_MAX_ENCODED];
	uint8_t		again[IC_POINT_REF_MAX_ENCODED];
	uint8_t		upper[IC_POINT_REF_MAX_ENCODED + 1];
	char		text[4 * IC_POINT_REF_MAX_ENCODED + 1];
	IcPointRefError err;
	uint32_t	bad;
	size_t		len = ic_point_ref_parse((const char *) data, size, enc, &err, &bad);
	size_t		tlen,
				alen,
				plen,
				ulen;

	if (len == 0)
	{
		if (err == IC_PR_OK)
			abort();
		return 0;
	}
	if (len > size + 1 || !ic_point_ref_valid(enc, len))
		abort();
	tlen = ic_point_ref_format(enc, len, text, sizeof(text));
	if (tlen == 0)
		abort();
	alen = ic_point_ref_parse(text, tlen, again, &err, &bad);
	if (alen != len || memcmp(again, enc, len) != 0)
		abort();
	if (ic_point_ref_depth(enc, len) < 1)
		abort();
	plen = ic_point_ref_parent_len(enc, len);
	if (plen > 0 && (!ic_point_ref_valid(enc, plen) || !ic_point_ref_contains(enc, plen, enc, len) ||
					 ic_point_ref_cmp(enc, plen, enc, len) >= 0 ||
					 ic_point_ref_depth(enc, plen) != ic_point_ref_depth(enc, len) - 1))
		abort();
	ulen = ic_point_ref_subtree_upper(enc, len, upper);
	if (!ic_point_ref_valid(upper, ulen) || ic_point_ref_cmp(enc, len, upper, ulen) >= 0 ||
		ic_point_ref_contains(enc, len, upper, ulen))
		abort();
	return 0;
}
