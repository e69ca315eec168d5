/*
 * term_fuzz.c
 *		libFuzzer target for the term parser (term_core.c): any byte string is
 *		parsed without crashing or reading out of bounds, and whatever parses
 *		is valid, formats canonically and parses back to itself.
 *
 *	 make fuzz                 (clang, -fsanitize=fuzzer,address,undefined)
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "term_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	IcTerm		t,
				back;
	char		buf[IC_TERM_TEXT_MAX];
	IcTermError err;

	/* Copy so that any read past the end is caught by ASan. */
	char	   *copy = malloc(size ? size : 1);

	if (size)
		memcpy(copy, data, size);
	err = ic_term_parse(copy, size, &t);
	if (err == IC_TERM_OK)
	{
		if (!ic_term_is_valid(&t))
			abort();
		ic_term_format(&t, buf, sizeof(buf));
		if (ic_term_parse(buf, strlen(buf), &back) != IC_TERM_OK || ic_term_cmp(&t, &back) != 0)
			abort();
	}
	else if (ic_term_error_text(err) == NULL)
		abort();
	free(copy);
	return 0;
}
