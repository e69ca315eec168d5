/*
 * report_phrases_core.h
 *		Phrases kept with their place in a journal and joined in that order
 *		(pure core of the aggregate report_phrases).
 *
 * A bag is a run of pieces, each a header (the place: a signed 32-bit seq;
 * the text's length: an unsigned 32-bit count of bytes; both in the
 * machine's byte order, which the bag never leaves) and then the text,
 * unaligned.  Two bags joined byte by byte are a bag: the aggregate's
 * parallel workers each fill one, and the leader appends one to the other
 * before the pieces are put in order.
 */
#ifndef IC_REPORT_PHRASES_CORE_H
#define IC_REPORT_PHRASES_CORE_H

#include <stddef.h>
#include <stdint.h>

/* bytes before each piece's text */
#define IC_PHRASE_HEADER 8

typedef struct IcPhrase
{
	int32_t		seq;			/* the place of the phrase's decision */
	uint32_t	len;			/* bytes of text */
	const char *text;			/* in the bag, not terminated */
} IcPhrase;

/* writes a piece (IC_PHRASE_HEADER + len bytes) at dst; returns its size */
extern size_t ic_phrase_put(char *dst, int32_t seq, const char *text, uint32_t len);

/*
 * The pieces of a bag of size bytes, at most max of them, into out (NULL
 * with max 0: only counted).  Returns their count, or -1 if the bag is not a
 * run of whole pieces.
 */
extern long ic_phrase_read(const char *bag, size_t size, IcPhrase *out, long max);

/* puts n pieces in the order of their seq; pieces of one seq keep theirs */
extern void ic_phrase_sort(IcPhrase *pieces, long n);

/*
 * Writes the texts of n pieces joined by sep at out (room for the sum of
 * their lengths and n - 1 separators); returns the bytes written.
 */
extern size_t ic_phrase_join(const IcPhrase *pieces, long n, char sep, char *out);

#endif							/* IC_REPORT_PHRASES_CORE_H */
