/*
 * point_ref_core.c
 *		Point numbers ("1.42-1.5)"): parser, canonical text, order, ancestry.
 *
 * See point_ref_core.h for the grammar and the order-preserving encoding:
 * everything after parsing is byte arithmetic on the encoding.
 */
#include <string.h>

#include "point_ref_core.h"
#include "point_ref_tokens.h"
#include "text_fold_core.h"


/*
 * Words for "point" and "sub-point" dropped before or after the number.
 * Folded (lower case).  A leading word must be followed by a space or end in
 * '.', a trailing one preceded by a space or a hyphen ("42-1-тармақ").
 */
static const char *const point_words[] = {
	"тармақшасы", "тармақшаның", "тармақша", "тармақтың", "тармағы", "тармақ",
	/* the same with the Kazakh fallback letters, as typed in a WIN1251 database */
	"тармакшасы", "тармакшанын", "тармакша", "тармактын", "тармагы", "тармак",
	"подпункта", "подпункт", "пункта", "пункт", "пп.", "п.", "пп", "п",
	"sub-point", "subpoint", "point"
};

#define N_POINT_WORDS (sizeof(point_words) / sizeof(point_words[0]))

void
ic_point_ref_put_token(uint8_t *out, size_t *o, uint32_t t)
{
	if (t < 0x80u)
		out[(*o)++] = (uint8_t) t;
	else if (t < 0x4000u)
	{
		out[(*o)++] = (uint8_t) (0x80u | (t >> 8));
		out[(*o)++] = (uint8_t) (t & 0xFFu);
	}
	else if (t < 0x200000u)
	{
		out[(*o)++] = (uint8_t) (0xC0u | (t >> 16));
		out[(*o)++] = (uint8_t) ((t >> 8) & 0xFFu);
		out[(*o)++] = (uint8_t) (t & 0xFFu);
	}
	else
	{
		out[(*o)++] = (uint8_t) (0xE0u | (t >> 24));
		out[(*o)++] = (uint8_t) ((t >> 16) & 0xFFu);
		out[(*o)++] = (uint8_t) ((t >> 8) & 0xFFu);
		out[(*o)++] = (uint8_t) (t & 0xFFu);
	}
}

/*
 * Read the token at enc[*i]; false when it is truncated, not in its shortest
 * form, or beyond the largest number.
 */
bool
ic_point_ref_get_token(const uint8_t *enc, size_t len, size_t *i, uint32_t *t)
{
	uint8_t		b = enc[*i];
	size_t		n;
	uint32_t	v;
	uint32_t	min;

	if (b < 0x80u)
	{
		*t = b;
		(*i)++;
		return true;
	}
	if ((b & 0xC0u) == 0x80u)
	{
		n = 2;
		v = b & 0x3Fu;
		min = 0x80u;
	}
	else if ((b & 0xE0u) == 0xC0u)
	{
		n = 3;
		v = b & 0x1Fu;
		min = 0x4000u;
	}
	else if ((b & 0xF0u) == 0xE0u)
	{
		n = 4;
		v = b & 0x0Fu;
		min = 0x200000u;
	}
	else
		return false;
	if (len - *i < n)
		return false;
	for (size_t k = 1; k < n; k++)
		v = (v << 8) | enc[*i + k];
	if (v < min || v > TOKEN_NUMBER(IC_POINT_REF_MAX_NUMBER))
		return false;
	*t = v;
	*i += n;
	return true;
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Drop one leading and one trailing word for "point" from s[*b..*e). */
static void
strip_point_words(const char *s, size_t *b, size_t *e)
{
	for (size_t w = 0; w < N_POINT_WORDS; w++)
	{
		size_t		wl = strlen(point_words[w]);

		if (*e - *b >= wl && memcmp(s + *b, point_words[w], wl) == 0 &&
			(point_words[w][wl - 1] == '.' || *e - *b == wl || s[*b + wl] == ' '))
		{
			*b += wl;
			while (*b < *e && s[*b] == ' ')
				(*b)++;
			break;
		}
	}
	for (size_t w = 0; w < N_POINT_WORDS; w++)
	{
		size_t		wl = strlen(point_words[w]);

		if (point_words[w][wl - 1] == '.')
			continue;
		if (*e - *b > wl && memcmp(s + *e - wl, point_words[w], wl) == 0 &&
			(s[*e - wl - 1] == ' ' || s[*e - wl - 1] == '-'))
		{
			*e -= wl + 1;
			while (*e > *b && s[*e - 1] == ' ')
				(*e)--;
			break;
		}
	}
}

/*
 * The character of the original input s[0..len) that folded into the
 * character at byte offset pos of the folded text buf.  Folding maps every
 * non-space character to exactly one character, so the k-th non-space
 * character of one is the k-th of the other.
 */
static uint32_t
original_char(const char *s, size_t len, const char *buf, size_t pos)
{
	size_t		k = 0;
	size_t		i = 0;
	uint32_t	c = 0;

	while (i < pos)
	{
		size_t		n = ic_utf8_decode(buf + i, pos - i, &c);

		if (n == 0)
			break;
		if (!ic_is_space_codepoint(c))
			k++;
		i += n;
	}
	for (i = 0; i < len;)
	{
		size_t		n = ic_utf8_decode(s + i, len - i, &c);

		if (n == 0)
			break;
		i += n;
		if (ic_is_space_codepoint(c))
			continue;
		if (k == 0)
			return c;
		k--;
	}
	return 0;
}

typedef enum
{
	AT_SEGMENT_START,			/* before a segment's first number */
	AFTER_NUMBER,
	NEED_NUMBER,				/* after '-' */
	AFTER_PAREN
} ScanState;

size_t
ic_point_ref_parse(const char *s, size_t len, uint8_t *out,
				   IcPointRefError *err, uint32_t *bad)
{
	char		buf[IC_POINT_REF_MAX_INPUT + 1];
	size_t		flen;
	size_t		b = 0;
	size_t		e;
	size_t		o = 0;
	ScanState	st = AT_SEGMENT_START;

	*err = IC_PR_OK;
	if (len > IC_POINT_REF_MAX_INPUT)
	{
		*err = IC_PR_TOO_LONG;
		return 0;
	}
	if (!ic_text_fold(s, len, 0, buf, sizeof(buf), &flen))
	{
		*err = IC_PR_BAD_UTF8;
		return 0;
	}
	e = flen;
	strip_point_words(buf, &b, &e);
	if (b >= e)
	{
		*err = IC_PR_EMPTY;
		return 0;
	}

	for (size_t i = b; i < e;)
	{
		char		c = buf[i];

		if (c == ' ')
		{
			/* folding left single spaces, never at the ends */
			if (i > b && is_digit(buf[i - 1]) && i + 1 < e && is_digit(buf[i + 1]))
			{
				*err = IC_PR_SPACE_IN_NUMBER;
				return 0;
			}
			i++;
			continue;
		}
		if (is_digit(c))
		{
			uint32_t	n = 0;

			if (st == AFTER_PAREN)
			{
				*err = IC_PR_MISPLACED_PAREN;
				return 0;
			}
			if (c == '0')
			{
				*err = IC_PR_LEADING_ZERO;
				return 0;
			}
			for (; i < e && is_digit(buf[i]); i++)
			{
				n = n * 10 + (uint32_t) (buf[i] - '0');
				if (n > IC_POINT_REF_MAX_NUMBER)
				{
					*err = IC_PR_NUMBER_TOO_LARGE;
					return 0;
				}
			}
			ic_point_ref_put_token(out, &o, TOKEN_NUMBER(n));
			st = AFTER_NUMBER;
			continue;
		}
		switch (c)
		{
			case '-':
				if (st == AFTER_PAREN)
				{
					*err = IC_PR_MISPLACED_PAREN;
					return 0;
				}
				if (st != AFTER_NUMBER)
				{
					*err = IC_PR_MISSING_NUMBER;
					return 0;
				}
				st = NEED_NUMBER;
				break;
			case ')':
				if (st == AFTER_PAREN)
				{
					*err = IC_PR_MISPLACED_PAREN;
					return 0;
				}
				if (st != AFTER_NUMBER)
				{
					*err = IC_PR_MISSING_NUMBER;
					return 0;
				}
				ic_point_ref_put_token(out, &o, TOKEN_END_PAREN);
				st = AFTER_PAREN;
				break;
			case '.':
				if (st == AT_SEGMENT_START)
				{
					*err = IC_PR_EMPTY_SEGMENT;
					return 0;
				}
				if (st == NEED_NUMBER)
				{
					*err = IC_PR_MISSING_NUMBER;
					return 0;
				}
				if (st == AFTER_NUMBER)
					ic_point_ref_put_token(out, &o, TOKEN_END);
				st = AT_SEGMENT_START;
				break;
			default:
				{
					if (bad)
						*bad = original_char(s, len, buf, i);
					*err = IC_PR_BAD_CHAR;
					return 0;
				}
		}
		i++;
	}

	switch (st)
	{
		case AFTER_NUMBER:
			ic_point_ref_put_token(out, &o, TOKEN_END);
			break;
		case NEED_NUMBER:
			*err = IC_PR_MISSING_NUMBER;
			return 0;
		case AT_SEGMENT_START:
			/* a final '.' after at least one segment ("42.") is allowed */
		case AFTER_PAREN:
			break;
	}
	if (o == 0)
	{
		*err = IC_PR_EMPTY;
		return 0;
	}
	return o;
}

const char *
ic_point_ref_error_detail(IcPointRefError err)
{
	switch (err)
	{
		case IC_PR_OK:
			return "The value is valid.";
		case IC_PR_EMPTY:
			return "The value has no point number.";
		case IC_PR_TOO_LONG:
			return "The value is longer than 1024 bytes.";
		case IC_PR_BAD_UTF8:
			return "The value is not valid UTF-8.";
		case IC_PR_BAD_CHAR:
			return "A point number has only digits, '-', ')' and '.'.";
		case IC_PR_EMPTY_SEGMENT:
			return "A segment between dots is empty.";
		case IC_PR_MISSING_NUMBER:
			return "A number is missing before or after '-' or before ')'.";
		case IC_PR_LEADING_ZERO:
			return "Point numbers start at 1 and have no leading zeros.";
		case IC_PR_NUMBER_TOO_LARGE:
			return "A number is larger than 99999999.";
		case IC_PR_MISPLACED_PAREN:
			return "')' may only close a segment.";
		case IC_PR_SPACE_IN_NUMBER:
			return "A space separates the digits of a number.";
	}
	return "The value is not a point number.";
}

bool
ic_point_ref_valid(const uint8_t *enc, size_t len)
{
	size_t		i = 0;
	bool		in_segment = false;
	uint32_t	t;

	if (enc == NULL || len == 0)
		return false;
	while (i < len)
	{
		if (!ic_point_ref_get_token(enc, len, &i, &t))
			return false;
		if (t == TOKEN_END || t == TOKEN_END_PAREN)
		{
			if (!in_segment)
				return false;
			in_segment = false;
		}
		else
			in_segment = true;
	}
	return !in_segment;
}

size_t
ic_point_ref_format(const uint8_t *enc, size_t len, char *out, size_t outcap)
{
	size_t		i = 0;
	size_t		o = 0;
	bool		in_segment = false;
	bool		first_segment = true;
	uint32_t	t;

	while (i < len)
	{
		char		digits[12];
		size_t		nd = 0;

		if (!ic_point_ref_get_token(enc, len, &i, &t))
			return 0;
		if (t == TOKEN_END || t == TOKEN_END_PAREN)
		{
			if (t == TOKEN_END_PAREN)
			{
				if (o + 1 >= outcap)
					return 0;
				out[o++] = ')';
			}
			in_segment = false;
			first_segment = false;
			continue;
		}
		/* a number: '-' inside a segment, '.' before a new one */
		if (in_segment || !first_segment)
		{
			if (o + 1 >= outcap)
				return 0;
			out[o++] = in_segment ? '-' : '.';
		}
		for (uint32_t n = t - 1; n > 0; n /= 10)
			digits[nd++] = (char) ('0' + n % 10);
		if (o + nd >= outcap)
			return 0;
		while (nd > 0)
			out[o++] = digits[--nd];
		in_segment = true;
	}
	if (o >= outcap)
		return 0;
	out[o] = '\0';
	return o;
}

int
ic_point_ref_cmp(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
	int			c = memcmp(a, b, alen < blen ? alen : blen);

	if (c != 0)
		return c < 0 ? -1 : 1;
	return alen < blen ? -1 : (alen > blen ? 1 : 0);
}

bool
ic_point_ref_contains(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
	/* a ends with an END token and tokens are prefix-free */
	return alen <= blen && memcmp(a, b, alen) == 0;
}

int
ic_point_ref_depth(const uint8_t *enc, size_t len)
{
	size_t		i = 0;
	int			depth = 0;
	uint32_t	t;

	while (i < len && ic_point_ref_get_token(enc, len, &i, &t))
	{
		if (t == TOKEN_END || t == TOKEN_END_PAREN)
			depth++;
	}
	return depth;
}

size_t
ic_point_ref_parent_len(const uint8_t *enc, size_t len)
{
	size_t		i = 0;
	size_t		last_end = 0;	/* just past the last END seen */
	size_t		prev_end = 0;	/* just past the one before it */
	uint32_t	t;

	while (i < len && ic_point_ref_get_token(enc, len, &i, &t))
	{
		if (t == TOKEN_END || t == TOKEN_END_PAREN)
		{
			prev_end = last_end;
			last_end = i;
		}
	}
	return prev_end;
}
