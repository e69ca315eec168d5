/*
 * text_fold_core.c
 *		Case folding of Latin, Cyrillic and Kazakh letters, whitespace
 *		normalisation, and synonym lookup for the keyword types.
 *
 * The one idea: a value is recognised by comparing the folded input with a
 * table of folded synonyms, so "Президент Әкімшілігі", "президент  ӘКІМШІЛІГІ"
 * and " президент әкімшілігі " are the same word.  Nothing here depends on the
 * C library's locale.
 */
#include <string.h>

#include "encoding_core.h"
#include "text_fold_core.h"
#include "unicode_core.h"

size_t
ic_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *) s;
	uint32_t	c;
	size_t		n;

	if (len == 0)
		return 0;
	if (u[0] < 0x80)
	{
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF)
	{
		n = 2;
		c = u[0] & 0x1F;
	}
	else if (u[0] >= 0xE0 && u[0] <= 0xEF)
	{
		n = 3;
		c = u[0] & 0x0F;
	}
	else if (u[0] >= 0xF0 && u[0] <= 0xF4)
	{
		n = 4;
		c = u[0] & 0x07;
	}
	else
		return 0;
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++)
	{
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3F);
	}
	/* overlong forms, surrogates, beyond Unicode */
	if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) ||
		(c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		return 0;
	*cp = c;
	return n;
}

size_t
ic_utf8_encode(uint32_t cp, char *out)
{
	unsigned char *u = (unsigned char *) out;

	if (cp < 0x80)
	{
		u[0] = (unsigned char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		u[0] = (unsigned char) (0xC0 | (cp >> 6));
		u[1] = (unsigned char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		u[0] = (unsigned char) (0xE0 | (cp >> 12));
		u[1] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
		u[2] = (unsigned char) (0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = (unsigned char) (0xF0 | (cp >> 18));
	u[1] = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
	u[2] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
	u[3] = (unsigned char) (0x80 | (cp & 0x3F));
	return 4;
}

/*
 * Upper to lower case for ASCII, Russian and the Cyrillic supplement that
 * holds the Kazakh letters: Ғ Қ Ң Ү Ұ Һ (U+0492..U+04BB, pairs upper/lower),
 * Ә Ө (U+04D8, U+04E8, pairs) and І (U+0406, with the U+0400 block).
 */
uint32_t
ic_fold_codepoint(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 0x20;
	if (c >= 0x0410 && c <= 0x042F)		/* А..Я */
		return c + 0x20;
	if (c >= 0x0400 && c <= 0x040F)		/* Ѐ..Џ: Ё, І, Ї, Ў ... */
		return c + 0x50;
	if (((c >= 0x0460 && c <= 0x0481) || (c >= 0x048A && c <= 0x04BF) ||
		 (c >= 0x04D0 && c <= 0x04FF)) && (c % 2) == 0)
		return c + 1;
	if (c >= 0x04C1 && c <= 0x04CE && (c % 2) == 1)
		return c + 1;
	if (c == 0x04C0)					/* Ӏ palochka */
		return 0x04CF;
	return c;
}

bool
ic_is_space_codepoint(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
		c == '\f' || c == 0x00A0 || c == 0x2007 || c == 0x202F;
}

static bool
is_dash_cp(uint32_t c)
{
	/* hyphen, non-breaking hyphen, figure dash, en dash, minus sign */
	return (c >= 0x2010 && c <= 0x2013) || c == 0x2212;
}

bool
ic_text_fold(const char *s, size_t len, int flags,
			 char *out, size_t outcap, size_t *outlen)
{
	size_t		i = 0;
	size_t		o = 0;
	bool		pending_space = false;

	if (outcap == 0)
		return false;
	while (i < len)
	{
		uint32_t	c;
		size_t		n = ic_utf8_decode(s + i, len - i, &c);
		char		buf[4];
		size_t		bn;

		if (n == 0 || c == 0)
			return false;
		i += n;
		if (ic_is_space_codepoint(c) || (c == '_' && (flags & IC_FOLD_UNDERSCORE_AS_SPACE)))
		{
			pending_space = (o > 0);
			continue;
		}
		if (is_dash_cp(c))
			c = '-';
		bn = ic_utf8_encode(ic_fold_codepoint(c), buf);
		if (o + (pending_space ? 1 : 0) + bn + 1 > outcap)
			return false;
		if (pending_space)
			out[o++] = ' ';
		pending_space = false;
		memcpy(out + o, buf, bn);
		o += bn;
	}
	out[o] = '\0';
	*outlen = o;
	return true;
}

int
ic_keyword_parse(const IcKeyword *table, size_t n, const char *s, size_t len)
{
	char		folded[IC_FOLD_MAXLEN + 1];
	char		plain[IC_FOLD_MAXLEN + 1];
	size_t		flen;

	if (s == NULL ||
		!ic_text_fold(s, len, IC_FOLD_UNDERSCORE_AS_SPACE, folded, sizeof(folded), &flen))
		return 0;
	for (size_t i = 0; i < n; i++)
	{
		if (strcmp(table[i].word, folded) == 0)
			return table[i].value;
	}

	/*
	 * Written with the Kazakh fallback letters (ә→а, қ→к, ...), as a database
	 * in WIN1251 stores a Kazakh label and a keyboard without Kazakh letters
	 * types it; ic_keyword_table_check makes sure this is never ambiguous.
	 */
	if (ic_kk_fallback_utf8(folded, flen, plain, sizeof(plain)) < 0)
		return 0;
	for (size_t i = 0; i < n; i++)
	{
		char		wplain[IC_FOLD_MAXLEN + 1];

		if (ic_kk_fallback_utf8(table[i].word, strlen(table[i].word), wplain, sizeof(wplain)) >= 0 &&
			strcmp(wplain, plain) == 0)
			return table[i].value;
	}
	return 0;
}

long
ic_keyword_table_check(const IcKeyword *table, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		char		folded[IC_FOLD_MAXLEN + 1];
		size_t		flen;
		size_t		wlen;

		if (table[i].word == NULL || table[i].value == 0)
			return (long) i;
		wlen = strlen(table[i].word);
		if (wlen == 0 ||
			!ic_text_fold(table[i].word, wlen, IC_FOLD_UNDERSCORE_AS_SPACE,
						  folded, sizeof(folded), &flen) ||
			strcmp(folded, table[i].word) != 0)
			return (long) i;
		for (size_t j = 0; j < i; j++)
		{
			char		pi[IC_FOLD_MAXLEN + 1];
			char		pj[IC_FOLD_MAXLEN + 1];

			if (strcmp(table[j].word, table[i].word) == 0)
				return (long) i;
			/* the Kazakh fallback spelling of two words must not name two values */
			if (table[j].value != table[i].value &&
				(ic_kk_fallback_utf8(table[i].word, wlen, pi, sizeof(pi)) < 0 ||
				 ic_kk_fallback_utf8(table[j].word, strlen(table[j].word), pj, sizeof(pj)) < 0 ||
				 strcmp(pi, pj) == 0))
				return (long) i;
		}
	}
	return -1;
}

IcLang
ic_lang_parse(const char *s, size_t len)
{
	char		a,
				b;

	if (s == NULL)
		return IC_LANG_INVALID;
	while (len > 0 && (*s == ' ' || *s == '\t'))
	{
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len != 2)
		return IC_LANG_INVALID;
	a = (char) ((s[0] >= 'A' && s[0] <= 'Z') ? s[0] + 0x20 : s[0]);
	b = (char) ((s[1] >= 'A' && s[1] <= 'Z') ? s[1] + 0x20 : s[1]);
	if (a == 'k' && b == 'k')
		return IC_LANG_KK;
	if (a == 'r' && b == 'u')
		return IC_LANG_RU;
	if (a == 'e' && b == 'n')
		return IC_LANG_EN;
	return IC_LANG_INVALID;
}

/*
 * What a user may type for "nothing": no visible letter, digit, punctuation
 * or symbol (unicode_core.h, from Unicode's general categories).  A basis, a
 * reason or a review made only of these is not given (R69.1, R72).
 */
static bool
is_blank_codepoint(uint32_t c)
{
	return !ic_codepoint_is_visible(c);
}

bool
ic_utf8_is_blank(const char *s)
{
	size_t		len;
	size_t		i = 0;

	if (s == NULL)
		return true;
	len = strlen(s);
	while (i < len)
	{
		uint32_t	c;
		size_t		n = ic_utf8_decode(s + i, len - i, &c);

		if (n == 0 || !is_blank_codepoint(c))
			return false;
		i += n;
	}
	return true;
}
