/*
 * encoding_fuzz.c
 *		libFuzzer target for encoding_core.c: any byte string goes through the
 *		escape decoder of unicode_text() and the Kazakh fallback without
 *		crashing or writing out of bounds; whatever decodes escapes back to
 *		ASCII that decodes to the same text, and the fallback never lengthens.
 *		is_blank (ic_utf8_is_blank) answers for any bytes, and says blank
 *		exactly when the text is valid UTF-8 without a visible character.
 *
 *	 make fuzz                 (clang, -fsanitize=fuzzer,address,undefined)
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "encoding_core.h"
#include "text_fold_core.h"
#include "unicode_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *copy = malloc(size ? size : 1);
	char	   *dec = malloc(size + 1);
	char	   *esc = malloc(6 * size + 1);
	char	   *back = malloc(size + 1);
	char	   *fb = malloc(size + 1);
	long		n;

	if (size)
		memcpy(copy, data, size);
	n = ic_unescape_unicode(copy, size, dec, size + 1);
	if (n >= 0)
	{
		long		e = ic_escape_unicode(dec, (size_t) n, esc, 6 * size + 1);

		if (e < 0)
			abort();
		for (long i = 0; i < e; i++)
			if ((unsigned char) esc[i] >= 0x80)
				abort();
		if (ic_unescape_unicode(esc, (size_t) e, back, size + 1) != n || memcmp(back, dec, (size_t) n) != 0)
			abort();
	}
	n = ic_kk_fallback_utf8(copy, size, fb, size + 1);
	if (n > (long) size)
		abort();
	/* blank: valid UTF-8 (up to the first NUL) and no visible code point */
	{
		char	   *nul = size ? memchr(copy, '\0', size) : NULL;
		size_t		len = nul ? (size_t) (nul - copy) : size;
		char	   *z = malloc(len + 1);
		int			expect = 1;

		memcpy(z, copy, len);
		z[len] = '\0';
		for (size_t i = 0; i < len && expect;)
		{
			uint32_t	c;
			size_t		k = ic_utf8_decode(z + i, len - i, &c);

			if (k == 0 || ic_codepoint_is_visible(c))
				expect = 0;
			i += k ? k : 1;
		}
		if (ic_utf8_is_blank(z) != (expect != 0))
			abort();
		free(z);
	}
	free(copy);
	free(dec);
	free(esc);
	free(back);
	free(fb);
	return 0;
}
