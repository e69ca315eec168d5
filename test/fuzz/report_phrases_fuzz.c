/*
 * report_phrases_fuzz.c
 *		libFuzzer target for the bags of Appendix 8's phrases
 *		(report_phrases_core.c): any byte string is read without reading out
 *		of bounds; a bag that reads is sorted in the order of its seqs, each
 *		seq keeping its arrival order, and joins into exactly its texts and
 *		the separators between them.
 *
 *	 make fuzz                 (clang, -fsanitize=fuzzer,address,undefined)
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report_phrases_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Copy so that any read past the end is caught by ASan. */
	char	   *copy = malloc(size ? size : 1);
	long		n,
				i;
	IcPhrase   *pieces;
	char	   *out;
	size_t		texts = 0,
				len;

	if (size)
		memcpy(copy, data, size);
	n = ic_phrase_read(copy, size, NULL, 0);
	if (n > 0)
	{
		pieces = malloc(sizeof(IcPhrase) * (size_t) n);
		if (ic_phrase_read(copy, size, pieces, n) != n)
			abort();
		ic_phrase_sort(pieces, n);
		for (i = 0; i < n; i++)
		{
			if (pieces[i].text < copy || pieces[i].text + pieces[i].len > copy + size)
				abort();
			if (i > 0 && (pieces[i - 1].seq > pieces[i].seq
						  || (pieces[i - 1].seq == pieces[i].seq && pieces[i - 1].text > pieces[i].text)))
				abort();
			texts += pieces[i].len;
		}
		/* the join fits in the bag's size, as report_phrases_join allots */
		if (texts + (size_t) (n - 1) > size)
			abort();
		out = malloc(size);
		len = ic_phrase_join(pieces, n, ' ', out);
		if (len != texts + (size_t) (n - 1))
			abort();
		free(out);
		free(pieces);
	}
	else if (n < -1)
		abort();
	free(copy);
	return 0;
}
