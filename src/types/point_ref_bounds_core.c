/*
 * point_ref_bounds_core.c
 *		The bounds of a point's subtree, for the btree range that answers
 *		@> and <@: the greatest point in it, and the least point after it.
 *
 * Both are values point_ref input accepts (at most IC_POINT_REF_MAX_TEXT
 * bytes of text): a bound that could not be read back would not survive a
 * dump, and an index range over it would be wrong.
 */
#include <stdbool.h>
#include <string.h>

#include "point_ref_core.h"
#include "point_ref_tokens.h"

/* Digits of n (1..99999999). */
static size_t
n_digits(uint32_t n)
{
	size_t		d = 1;

	while (n >= 10)
	{
		n /= 10;
		d++;
	}
	return d;
}

/*
 * Bytes of canonical text that token t adds: a number its digits, plus the
 * '.' or '-' before it unless it is the first token; END_PAREN its ')';
 * END nothing (the '.' after it is counted with the next number).
 */
static size_t
token_text_len(uint32_t t, bool first)
{
	if (t == TOKEN_END)
		return 0;
	if (t == TOKEN_END_PAREN)
		return 1;
	return n_digits(t - 1) + (first ? 0 : 1);
}

/* Length of the canonical text of a valid encoding, without writing it. */
static size_t
text_len(const uint8_t *enc, size_t len)
{
	size_t		i = 0;
	size_t		n = 0;
	uint32_t	t;

	while (i < len)
	{
		bool		first = (i == 0);

		if (!ic_point_ref_get_token(enc, len, &i, &t))
			break;
		n += token_text_len(t, first);
	}
	return n;
}

/*
 * Append the largest number that fits in the *room bytes of text left,
 * after its '.' or '-' (which takes one of them); *room must be at least 2.
 */
static void
put_largest_number(uint8_t *out, size_t *o, size_t *room)
{
	size_t		d = *room - 1 < 8 ? *room - 1 : 8;
	uint32_t	n = 0;

	*room -= d + 1;
	while (d-- > 0)
		n = n * 10 + 9;
	ic_point_ref_put_token(out, o, TOKEN_NUMBER(n));
}

size_t
ic_point_ref_subtree_last_within(const uint8_t *enc, size_t len, size_t maxtext, uint8_t *out)
{
	size_t		tl = text_len(enc, len);
	size_t		room = maxtext > tl ? maxtext - tl : 0;
	size_t		o = len;

	/*
	 * Greedy: at every step the largest token for which the rest still fits.
	 * Numbers are the largest tokens (the larger the number, the larger the
	 * token), then END_PAREN, then END; a number can always be closed by
	 * END, which costs no text.  So: a new segment ".99999999" (fewer nines
	 * if less room is left), then "-99999999" parts while two bytes are
	 * left, then ')' if one is.  "42" gives "42.99999999-99999999-...".
	 */
	memcpy(out, enc, len);
	if (room < 2)
		return len;				/* no sub-point fits: p is its own last */
	put_largest_number(out, &o, &room);
	while (room >= 2)
		put_largest_number(out, &o, &room);
	ic_point_ref_put_token(out, &o, room == 1 ? TOKEN_END_PAREN : TOKEN_END);
	return o;
}

size_t
ic_point_ref_subtree_upper_within(const uint8_t *enc, size_t len, size_t maxtext, uint8_t *out)
{
	size_t		i = 0;
	size_t		prefix_text = 0;	/* text of the tokens before i */
	bool		found = false;
	size_t		best_at = 0;
	uint32_t	best_token = 0;
	size_t		o;

	/*
	 * Every point after p's subtree differs from p at some token k, where it
	 * has a larger token; the least such point keeps p's tokens before k,
	 * puts there the next larger token (END -> END_PAREN, END_PAREN -> the
	 * number 1, n -> n + 1) and closes the segment.  The nearer k is to the
	 * end, the smaller the point, so the answer is the last k whose point
	 * fits in maxtext bytes of text (its text is monotone in the token, so
	 * if the next larger token does not fit, no larger one does).  At the
	 * last token (k = the final END or END_PAREN) that is "42" -> "42)",
	 * "42)" -> "42-1"; only at the limit of length does k move left.
	 */
	while (i < len)
	{
		size_t		at = i;
		bool		first = (i == 0);
		uint32_t	t;
		uint32_t	next;
		bool		has_next = true;

		if (!ic_point_ref_get_token(enc, len, &i, &t))
			break;
		if (t == TOKEN_END)
			next = TOKEN_END_PAREN;
		else if (t == TOKEN_END_PAREN)
			next = TOKEN_NUMBER(1);
		else
		{
			next = t + 1;
			has_next = (t < TOKEN_NUMBER(IC_POINT_REF_MAX_NUMBER));
		}
		if (has_next && prefix_text + token_text_len(next, first) <= maxtext)
		{
			found = true;
			best_at = at;
			best_token = next;
		}
		prefix_text += token_text_len(t, first);
	}
	if (!found)
		return 0;
	memcpy(out, enc, best_at);
	o = best_at;
	ic_point_ref_put_token(out, &o, best_token);
	if (best_token != TOKEN_END_PAREN)
		ic_point_ref_put_token(out, &o, TOKEN_END);	/* close the segment after a number */
	return o;
}

size_t
ic_point_ref_subtree_last(const uint8_t *enc, size_t len, uint8_t *out)
{
	return ic_point_ref_subtree_last_within(enc, len, IC_POINT_REF_MAX_TEXT, out);
}

size_t
ic_point_ref_subtree_upper(const uint8_t *enc, size_t len, uint8_t *out)
{
	return ic_point_ref_subtree_upper_within(enc, len, IC_POINT_REF_MAX_TEXT, out);
}
