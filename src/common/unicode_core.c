/*
 * unicode_core.c
 *		ic_codepoint_is_visible(): a binary search of the generated ranges of
 *		visible code points (unicode_visible_table.h).  Pure C.
 */
#include "unicode_core.h"

#include <stddef.h>

#include "unicode_visible_table.h"

bool
ic_codepoint_is_visible(uint32_t c)
{
	size_t		lo = 0;
	size_t		hi = sizeof(ic_visible_ranges) / sizeof(ic_visible_ranges[0]);

	/* ASCII, the common case: letters, digits, punctuation, symbols */
	if (c < 0x80)
		return c > 0x20 && c < 0x7F;
	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2;

		if (c < ic_visible_ranges[mid].first)
			hi = mid;
		else if (c > ic_visible_ranges[mid].last)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}
