/*
 * encoding_core.c
 *		The Kazakh fallback letters and the U&''-style escapes of the install
 *		script (see encoding_core.h).  Pure C: no PostgreSQL headers.
 *
 * The fallback is the letter a Kazakh reader writes when a keyboard or a code
 * page has only the Russian alphabet: the letter without its diacritic or
 * tail.  It is applied only to characters the server encoding lacks, so in
 * WIN1251 і (present there) stays and in UTF-8 nothing changes at all.
 */
#include "encoding_core.h"
#include "text_fold_core.h"

static const struct
{
	uint32_t	from;
	uint32_t	to;
}			kk_fallbacks[] =
{
	{0x04D8, 0x0410}, {0x04D9, 0x0430},	/* Ә ә -> А а */
	{0x0492, 0x0413}, {0x0493, 0x0433},	/* Ғ ғ -> Г г */
	{0x049A, 0x041A}, {0x049B, 0x043A},	/* Қ қ -> К к */
	{0x04A2, 0x041D}, {0x04A3, 0x043D},	/* Ң ң -> Н н */
	{0x04E8, 0x041E}, {0x04E9, 0x043E},	/* Ө ө -> О о */
	{0x04B0, 0x0423}, {0x04B1, 0x0443},	/* Ұ ұ -> У у */
	{0x04AE, 0x0423}, {0x04AF, 0x0443},	/* Ү ү -> У у */
	{0x04BA, 0x0425}, {0x04BB, 0x0445},	/* Һ һ -> Х х */
	{0x0406, 0x0049}, {0x0456, 0x0069},	/* І і -> I i (Latin), where і is missing */
};

uint32_t
ic_kk_fallback(uint32_t c)
{
	for (size_t i = 0; i < sizeof(kk_fallbacks) / sizeof(kk_fallbacks[0]); i++)
		if (kk_fallbacks[i].from == c)
			return kk_fallbacks[i].to;
	return 0;
}

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* ndigits hex digits at s, or -1 */
static long
read_hex(const char *s, size_t avail, int ndigits)
{
	long		v = 0;

	if (avail < (size_t) ndigits)
		return -1;
	for (int i = 0; i < ndigits; i++)
	{
		int			h = hex_value(s[i]);

		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

long
ic_unescape_unicode(const char *s, size_t len, char *out, size_t outcap)
{
	size_t		i = 0;
	size_t		o = 0;

	while (i < len)
	{
		unsigned char c = (unsigned char) s[i];
		char		enc[4];
		size_t		n;

		if (c == 0 || c >= 0x80)
			return -1;
		if (c != '\\')
		{
			enc[0] = (char) c;
			n = 1;
			i++;
		}
		else if (i + 1 < len && s[i + 1] == '\\')
		{
			enc[0] = '\\';
			n = 1;
			i += 2;
		}
		else
		{
			bool		plus = (i + 1 < len && s[i + 1] == '+');
			int			ndigits = plus ? 6 : 4;
			size_t		start = i + (plus ? 2 : 1);
			long		cp = read_hex(s + start, len - start, ndigits);

			if (cp <= 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
				return -1;
			n = ic_utf8_encode((uint32_t) cp, enc);
			i = start + (size_t) ndigits;
		}
		if (o + n + 1 > outcap)
			return -1;
		for (size_t k = 0; k < n; k++)
			out[o++] = enc[k];
	}
	if (o + 1 > outcap)
		return -1;
	out[o] = '\0';
	return (long) o;
}

long
ic_escape_unicode(const char *s, size_t len, char *out, size_t outcap)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t		i = 0;
	size_t		o = 0;

	while (i < len)
	{
		uint32_t	c;
		size_t		n = ic_utf8_decode(s + i, len - i, &c);
		char		buf[8];
		size_t		m = 0;

		if (n == 0 || c == 0)
			return -1;
		if (c == '\\')
		{
			buf[m++] = '\\';
			buf[m++] = '\\';
		}
		else if (c < 0x80)
			buf[m++] = (char) c;
		else
		{
			int			ndigits = c > 0xFFFF ? 6 : 4;

			buf[m++] = '\\';
			if (ndigits == 6)
				buf[m++] = '+';
			for (int k = ndigits - 1; k >= 0; k--)
				buf[m++] = hex[(c >> (4 * k)) & 0xF];
		}
		if (o + m + 1 > outcap)
			return -1;
		for (size_t k = 0; k < m; k++)
			out[o++] = buf[k];
		i += n;
	}
	if (o + 1 > outcap)
		return -1;
	out[o] = '\0';
	return (long) o;
}

long
ic_kk_fallback_utf8(const char *s, size_t len, char *out, size_t outcap)
{
	size_t		i = 0;
	size_t		o = 0;

	while (i < len)
	{
		uint32_t	c;
		uint32_t	f;
		size_t		n = ic_utf8_decode(s + i, len - i, &c);
		char		enc[4];
		size_t		m;

		if (n == 0)
			return -1;
		f = ic_kk_fallback(c);
		/* і is in WIN1251: only the letters Russian lacks are replaced */
		if (f != 0 && c != 0x0406 && c != 0x0456)
			c = f;
		m = ic_utf8_encode(c, enc);
		if (o + m + 1 > outcap)
			return -1;
		for (size_t k = 0; k < m; k++)
			out[o++] = enc[k];
		i += n;
	}
	if (o + 1 > outcap)
		return -1;
	out[o] = '\0';
	return (long) o;
}
