/*
 * report_phrases_test.c
 *		Unit tests of report_phrases_core.c: Appendix 8's phrases put in the
 *		order of the journal whatever order they came in, the bags of two
 *		parallel workers joined byte by byte, and a bag that is not whole
 *		pieces refused (issue 19).
 */
#include <string.h>

#include "report_phrases_core.h"
#include "unit.h"

/* the bag of the phrases given as seq, text, ..., ending with a NULL text */
static size_t
bag_of(char *buf, const int32_t *seqs, const char *const *texts, int n)
{
	size_t		at = 0;
	int			i;

	for (i = 0; i < n; i++)
		at += ic_phrase_put(buf + at, seqs[i], texts[i], (uint32_t) strlen(texts[i]));
	return at;
}

/* the bag's phrases in order, joined by a space, into out */
static long
joined(const char *bag, size_t size, char *out)
{
	IcPhrase	pieces[64];
	long		n = ic_phrase_read(bag, size, pieces, 64);
	size_t		len;

	if (n < 0)
		return n;
	ic_phrase_sort(pieces, n);
	len = ic_phrase_join(pieces, n, ' ', out);
	out[len] = '\0';
	return n;
}

int
main(void)
{
	char		bag[4096],
				out[4096];
	size_t		size;
	long		n;

	/* in order already */
	{
		const int32_t seqs[] = {1, 2, 3};
		const char *const texts[] = {"Extended.", "Transferred.", "Removed."};

		size = bag_of(bag, seqs, texts, 3);
		CHECK(size == 3 * IC_PHRASE_HEADER + strlen("Extended.Transferred.Removed."), "size %zu", size);
		n = joined(bag, size, out);
		CHECK(n == 3 && strcmp(out, "Extended. Transferred. Removed.") == 0, "in order: %ld \"%s\"", n, out);
	}
	/* in any order: the journal's order comes back (seq, not arrival) */
	{
		const int32_t seqs[] = {3, 1, 2};
		const char *const texts[] = {"c.", "a.", "b."};

		size = bag_of(bag, seqs, texts, 3);
		n = joined(bag, size, out);
		CHECK(n == 3 && strcmp(out, "a. b. c.") == 0, "reordered: \"%s\"", out);
	}
	/* two workers' bags joined byte by byte are one bag */
	{
		const int32_t s1[] = {4, 2};
		const char *const t1[] = {"four", "two"};
		const int32_t s2[] = {3, 1};
		const char *const t2[] = {"three", "one"};
		size_t		a = bag_of(bag, s1, t1, 2);

		size = a + bag_of(bag + a, s2, t2, 2);
		n = joined(bag, size, out);
		CHECK(n == 4 && strcmp(out, "one two three four") == 0, "two bags: \"%s\"", out);
	}
	/* one seq twice keeps its arrival order; an empty phrase is a piece */
	{
		const int32_t seqs[] = {2, 1, 2, 1};
		const char *const texts[] = {"b1", "a1", "b2", ""};

		size = bag_of(bag, seqs, texts, 4);
		n = joined(bag, size, out);
		CHECK(n == 4 && strcmp(out, "a1  b1 b2") == 0, "stable: \"%s\"", out);
	}
	/* negative and extreme seqs */
	{
		const int32_t seqs[] = {INT32_MAX, INT32_MIN, 0};
		const char *const texts[] = {"max", "min", "zero"};

		size = bag_of(bag, seqs, texts, 3);
		n = joined(bag, size, out);
		CHECK(n == 3 && strcmp(out, "min zero max") == 0, "extremes: \"%s\"", out);
	}
	/* many pieces in reverse: the n log n path, still stable */
	{
		int32_t		seqs[40];
		const char *texts[40];
		static const char *const names[] = {"x", "y"};
		int			i;
		IcPhrase	pieces[64];

		for (i = 0; i < 40; i++)
		{
			seqs[i] = 20 - i / 2;
			texts[i] = names[i % 2];
		}
		size = bag_of(bag, seqs, texts, 40);
		n = ic_phrase_read(bag, size, pieces, 64);
		CHECK(n == 40, "40 pieces: %ld", n);
		ic_phrase_sort(pieces, n);
		for (i = 1; i < 40; i++)
			CHECK(pieces[i - 1].seq < pieces[i].seq
				  || (pieces[i - 1].seq == pieces[i].seq && pieces[i - 1].text < pieces[i].text),
				  "piece %d out of order", i);
		CHECK(pieces[0].seq == 1 && pieces[0].len == 1 && pieces[0].text[0] == 'x', "first of seq 1 is x");
	}
	/* the empty bag has no pieces */
	CHECK(ic_phrase_read(bag, 0, NULL, 0) == 0, "empty bag");
	/* counted without out */
	{
		const int32_t seqs[] = {1, 2};
		const char *const texts[] = {"a", "b"};

		size = bag_of(bag, seqs, texts, 2);
		CHECK(ic_phrase_read(bag, size, NULL, 0) == 2, "counted");
		/* more pieces than room */
		{
			IcPhrase	one[1];

			CHECK(ic_phrase_read(bag, size, one, 1) == -1, "more pieces than room refused");
		}
	}
	/* not whole pieces: a cut header, a length past the end */
	{
		const int32_t seqs[] = {1};
		const char *const texts[] = {"abc"};
		uint32_t	huge = 0xFFFFFFFFu;

		size = bag_of(bag, seqs, texts, 1);
		CHECK(ic_phrase_read(bag, size - 1, NULL, 0) == -1, "text cut short");
		CHECK(ic_phrase_read(bag, 5, NULL, 0) == -1, "header cut short");
		memcpy(bag + sizeof(int32_t), &huge, sizeof(huge));
		CHECK(ic_phrase_read(bag, size, NULL, 0) == -1, "length past the end");
	}
	return UNIT_SUMMARY();
}
