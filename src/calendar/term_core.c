/*
 * term_core.c
 *		Parser and formatter of terms (see term_core.h).  Pure C.
 *
 * The input is decoded from UTF-8 into code points, folded to lower case
 * with a small table of our own (ASCII, Russian Cyrillic, and the Kazakh
 * letters), split into words, and the words after the count are matched
 * against a table of phrases: each word is a stem followed by one of the
 * stem's accepted endings (Russian and Kazakh case endings).
 */
#include <stdio.h>
#include <string.h>

#include "encoding_core.h"
#include "term_core.h"

/* Longest input, in code points, that can still be a term. */
#define MAX_CPS 128

/* ----------------------------------------------------------------------
 * UTF-8 decoding and case folding
 * ---------------------------------------------------------------------- */

/*
 * Decode one code point from s[0..len); returns its byte length, or 0 when
 * the bytes are not well-formed UTF-8 (overlongs, surrogates and values above
 * U+10FFFF are rejected).
 */
static size_t
utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	uint32_t	c;
	size_t		n;

	if (len == 0)
		return 0;
	c = s[0];
	if (c < 0x80)
	{
		*cp = c;
		return 1;
	}
	else if (c >= 0xC2 && c <= 0xDF)
		n = 2, c &= 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3, c &= 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4, c &= 0x07;
	else
		return 0;
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++)
	{
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
		(c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

/* Lower case of Latin and Cyrillic letters (Russian and Kazakh alphabets). */
static uint32_t
fold(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 0x20;
	if (c >= 0x0410 && c <= 0x042F)		/* А..Я */
		return c + 0x20;
	if (c >= 0x0400 && c <= 0x040F)		/* Ѐ..Џ, incl. Ё and Kazakh І */
		return c + 0x50;
	/* Paired blocks: upper case even, lower case odd (Ғ Қ Ң Ү Ұ Һ Ә Ө ...). */
	if (((c >= 0x0460 && c <= 0x0481) || (c >= 0x048A && c <= 0x04BF) ||
		 (c >= 0x04D0 && c <= 0x04FF)) && (c & 1) == 0)
		return c + 1;
	if (c >= 0x04C1 && c <= 0x04CE && (c & 1) == 1)
		return c + 1;
	if (c == 0x04C0)			/* Ӏ */
		return 0x04CF;
	return c;
}

static bool
is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
		c == '\v' || c == 0x00A0;
}

/* ----------------------------------------------------------------------
 * Phrases
 * ---------------------------------------------------------------------- */

typedef struct WordPat
{
	const char *stem;
	const char *const *endings;	/* NULL-terminated */
} WordPat;

typedef struct Phrase
{
	IcTermUnit	unit;
	int			nwords;
	WordPat		words[2];
} Phrase;

static const char *const e_none[] = {"", NULL};
static const char *const e_en_plural[] = {"", "s", NULL};

/* Russian: рабочий/календарный + день, in every case and number. */
static const char *const e_ru_raboch[] = {"ий", "их", "ие", "его", "ему", "им", "ими", "ем", NULL};
static const char *const e_ru_kalend[] = {"ый", "ых", "ые", "ого", "ому", "ым", "ыми", "ом", NULL};
static const char *const e_ru_den[] = {"ень", "ня", "ней", "ни", "ню", "нём", "нем", "ням", "нями", "нях", "не", NULL};
static const char *const e_ru_nedel[] = {"я", "и", "ь", "ю", "ей", "е", "ям", "ями", "ях", NULL};
static const char *const e_ru_mesyac[] = {"", "а", "ев", "ы", "у", "ем", "ам", "ами", "ах", "е", NULL};

/* Kazakh: күн (day), апта (week), ай (month) with case and possessive endings. */
static const char *const e_kk_kun[] = {"", "і", "ге", "ді", "де", "нен", "мен", "нің", "дер", "дері",
	"ін", "іне", "інде", "інен", "інің", "дік", NULL};
static const char *const e_kk_apta[] = {"", "ға", "ны", "да", "дан", "мен", "ның", "лар", "сы",
	"сын", "сына", "сында", "сынан", "дағы", NULL};
static const char *const e_kk_ai[] = {"", "ға", "ды", "да", "дан", "мен", "дың", "лар", "ы", "ын",
	"ына", "ында", "ынан", "дағы", NULL};

static const Phrase phrases[] = {
	/* English */
	{IC_TERM_WORKING_DAYS, 2, {{"working", e_none}, {"day", e_en_plural}}},
	{IC_TERM_WORKING_DAYS, 2, {{"work", e_none}, {"day", e_en_plural}}},
	{IC_TERM_WORKING_DAYS, 1, {{"workday", e_en_plural}}},
	{IC_TERM_WORKING_DAYS, 1, {{"wd", e_none}}},
	{IC_TERM_DAYS, 1, {{"day", e_en_plural}}},
	{IC_TERM_DAYS, 2, {{"calendar", e_none}, {"day", e_en_plural}}},
	{IC_TERM_WEEKS, 1, {{"week", e_en_plural}}},
	{IC_TERM_MONTHS, 1, {{"month", e_en_plural}}},
	/* Russian */
	{IC_TERM_WORKING_DAYS, 2, {{"рабоч", e_ru_raboch}, {"д", e_ru_den}}},
	{IC_TERM_DAYS, 1, {{"д", e_ru_den}}},
	{IC_TERM_DAYS, 2, {{"календарн", e_ru_kalend}, {"д", e_ru_den}}},
	{IC_TERM_WEEKS, 1, {{"недел", e_ru_nedel}}},
	{IC_TERM_MONTHS, 1, {{"месяц", e_ru_mesyac}}},
	/* Kazakh */
	{IC_TERM_WORKING_DAYS, 2, {{"жұмыс", e_none}, {"күн", e_kk_kun}}},
	{IC_TERM_DAYS, 1, {{"күн", e_kk_kun}}},
	{IC_TERM_DAYS, 2, {{"күнтізбелік", e_none}, {"күн", e_kk_kun}}},
	{IC_TERM_WEEKS, 1, {{"апта", e_kk_apta}}},
	{IC_TERM_MONTHS, 1, {{"ай", e_kk_ai}}},
};

/*
 * The letter a Kazakh word is written with where ә ғ қ ң ө ұ ү һ are missing
 * (a WIN1251 database, a Russian keyboard): '10 жумыс куні' is '10 жұмыс күні'.
 * і stays: WIN1251 has it.
 */
static uint32_t
kk_plain(uint32_t cp)
{
	return cp == 0x0456 ? cp : ic_kk_fallback(cp);
}

/*
 * If the code points w[0..wlen) start with the UTF-8 literal lit, the number
 * of code points of lit; otherwise -1.
 */
static long
prefix_len(const uint32_t *w, size_t wlen, const char *lit)
{
	const unsigned char *p = (const unsigned char *) lit;
	size_t		left = strlen(lit);
	size_t		i = 0;

	while (left > 0)
	{
		uint32_t	cp;
		size_t		n = utf8_decode(p, left, &cp);

		if (n == 0 || i >= wlen || (w[i] != cp && w[i] != kk_plain(cp)))
			return -1;
		p += n;
		left -= n;
		i++;
	}
	return (long) i;
}

static bool
match_word(const uint32_t *w, size_t wlen, const WordPat *pat)
{
	long		p = prefix_len(w, wlen, pat->stem);

	if (p < 0)
		return false;
	for (const char *const *e = pat->endings; *e; e++)
	{
		long		q = prefix_len(w + p, wlen - (size_t) p, *e);

		if (q >= 0 && (size_t) (p + q) == wlen)
			return true;
	}
	return false;
}

/* ----------------------------------------------------------------------
 * Parser
 * ---------------------------------------------------------------------- */

IcTermError
ic_term_parse(const char *s, size_t len, IcTerm *term)
{
	uint32_t	cps[MAX_CPS];
	size_t		ncps = 0;
	bool		too_long = false;
	size_t		pos = 0;
	size_t		i;
	int64_t		count = 0;
	size_t		ndigits = 0;
	size_t		wstart[3];
	size_t		wlen[3];
	int			nwords = 0;

	/* Decode and fold the whole input; remember whether it fits. */
	while (pos < len)
	{
		uint32_t	cp;
		size_t		n = utf8_decode((const unsigned char *) s + pos, len - pos, &cp);

		if (n == 0 || cp == 0)
			return IC_TERM_ERR_BAD_UTF8;
		pos += n;
		if (ncps < MAX_CPS)
			cps[ncps++] = fold(cp);
		else
			too_long = true;
	}

	i = 0;
	while (i < ncps && is_space(cps[i]))
		i++;
	while (i < ncps && cps[i] >= '0' && cps[i] <= '9')
	{
		if (count <= IC_TERM_MAX_COUNT)
			count = count * 10 + (cps[i] - '0');
		ndigits++;
		i++;
	}
	if (ndigits == 0)
		return IC_TERM_ERR_NO_NUMBER;
	if (count < 1 || count > IC_TERM_MAX_COUNT)
		return IC_TERM_ERR_COUNT_RANGE;

	/* Split the rest into words. */
	while (i < ncps)
	{
		while (i < ncps && is_space(cps[i]))
			i++;
		if (i >= ncps)
			break;
		if (nwords == 3)
			return IC_TERM_ERR_UNKNOWN_UNIT;
		wstart[nwords] = i;
		while (i < ncps && !is_space(cps[i]))
			i++;
		wlen[nwords] = i - wstart[nwords];
		nwords++;
	}
	if (nwords == 0 && !too_long)
		return IC_TERM_ERR_NO_UNIT;
	if (too_long)
		return IC_TERM_ERR_UNKNOWN_UNIT;

	for (size_t p = 0; p < sizeof(phrases) / sizeof(phrases[0]); p++)
	{
		const Phrase *ph = &phrases[p];
		bool		ok = ph->nwords == nwords;

		for (int w = 0; ok && w < nwords; w++)
			ok = match_word(cps + wstart[w], wlen[w], &ph->words[w]);
		if (ok)
		{
			term->count = (int32_t) count;
			term->unit = ph->unit;
			return IC_TERM_OK;
		}
	}
	return IC_TERM_ERR_UNKNOWN_UNIT;
}

/* ----------------------------------------------------------------------
 * Formatting, comparison, names
 * ---------------------------------------------------------------------- */

void
ic_term_format(const IcTerm *term, char *buf, size_t buflen)
{
	static const char *const singular[] = {"working day", "day", "week", "month"};
	const char *word = (term->unit >= IC_TERM_WORKING_DAYS && term->unit <= IC_TERM_UNIT_MAX)
		? singular[term->unit] : "?";

	snprintf(buf, buflen, "%d %s%s", (int) term->count, word, term->count == 1 ? "" : "s");
}

bool
ic_term_is_valid(const IcTerm *term)
{
	return term->count >= 1 && term->count <= IC_TERM_MAX_COUNT &&
		(int) term->unit >= IC_TERM_WORKING_DAYS && (int) term->unit <= IC_TERM_UNIT_MAX;
}

int
ic_term_cmp(const IcTerm *a, const IcTerm *b)
{
	if (a->unit != b->unit)
		return (int) a->unit < (int) b->unit ? -1 : 1;
	if (a->count != b->count)
		return a->count < b->count ? -1 : 1;
	return 0;
}

const char *
ic_term_unit_name(IcTermUnit unit)
{
	switch (unit)
	{
		case IC_TERM_WORKING_DAYS:
			return "working_days";
		case IC_TERM_DAYS:
			return "days";
		case IC_TERM_WEEKS:
			return "weeks";
		case IC_TERM_MONTHS:
			return "months";
	}
	return "unknown";
}

const char *
ic_term_error_text(IcTermError err)
{
	switch (err)
	{
		case IC_TERM_OK:
			return "No error.";
		case IC_TERM_ERR_BAD_UTF8:
			return "The text is not valid UTF-8.";
		case IC_TERM_ERR_NO_NUMBER:
			return "A term starts with a whole number of units.";
		case IC_TERM_ERR_COUNT_RANGE:
			return "The number of units must be between 1 and 10000.";
		case IC_TERM_ERR_NO_UNIT:
			return "The number is not followed by a unit.";
		case IC_TERM_ERR_UNKNOWN_UNIT:
			return "The unit is not one of the accepted words.";
	}
	return "Unknown error.";
}
