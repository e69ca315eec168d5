/*
 * report_phrases_core.c
 *		Phrases kept with their place in a journal and joined in that order
 *		(see report_phrases_core.h).  No PostgreSQL headers: the unit test
 *		and the fuzzer link this file alone.
 */
#include "report_phrases_core.h"

#include <stdlib.h>
#include <string.h>

size_t
ic_phrase_put(char *dst, int32_t seq, const char *text, uint32_t len)
{
	memcpy(dst, &seq, sizeof(seq));
	memcpy(dst + sizeof(seq), &len, sizeof(len));
	if (len > 0)
		memcpy(dst + IC_PHRASE_HEADER, text, len);
	return IC_PHRASE_HEADER + (size_t) len;
}

long
ic_phrase_read(const char *bag, size_t size, IcPhrase *out, long max)
{
	size_t		at = 0;
	long		n = 0;

	while (at < size)
	{
		int32_t		seq;
		uint32_t	len;

		if (size - at < IC_PHRASE_HEADER)
			return -1;
		memcpy(&seq, bag + at, sizeof(seq));
		memcpy(&len, bag + at + sizeof(seq), sizeof(len));
		at += IC_PHRASE_HEADER;
		if (len > size - at)
			return -1;
		if (n < max)
		{
			out[n].seq = seq;
			out[n].len = len;
			out[n].text = bag + at;
		}
		else if (out != NULL)
			return -1;
		n++;
		at += len;
	}
	return n;
}

/* by seq, then by place in the bag (the text's address): a stable order */
static int
phrase_cmp(const void *a, const void *b)
{
	const IcPhrase *x = a;
	const IcPhrase *y = b;

	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	if (x->text != y->text)
		return x->text < y->text ? -1 : 1;
	return 0;
}

void
ic_phrase_sort(IcPhrase *pieces, long n)
{
	long		i;

	/*
	 * An instruction's journal has a few decisions, and the pieces of one
	 * worker come in order already: insertion sort.  A bag of many pieces
	 * (only a direct call can make one) is sorted in n log n.
	 */
	if (n > 16)
	{
		qsort(pieces, (size_t) n, sizeof(IcPhrase), phrase_cmp);
		return;
	}
	for (i = 1; i < n; i++)
	{
		IcPhrase	p = pieces[i];
		long		j = i;

		while (j > 0 && pieces[j - 1].seq > p.seq)
		{
			pieces[j] = pieces[j - 1];
			j--;
		}
		pieces[j] = p;
	}
}

size_t
ic_phrase_join(const IcPhrase *pieces, long n, char sep, char *out)
{
	size_t		at = 0;
	long		i;

	for (i = 0; i < n; i++)
	{
		if (i > 0)
			out[at++] = sep;
		if (pieces[i].len > 0)
			memcpy(out + at, pieces[i].text, pieces[i].len);
		at += pieces[i].len;
	}
	return at;
}
