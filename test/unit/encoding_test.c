/*
 * encoding_test.c
 *		Unit tests of encoding_core.c: the Kazakh fallback letters and the
 *		U&''-style escapes of the ASCII install script.
 */
#include <string.h>

#include "encoding_core.h"
#include "unit.h"

static const struct
{
	const char *in;
	const char *out;			/* NULL: refused */
}			unescape_cases[] =
{
	{"abc", "abc"},
	{"", ""},
	{"\\041F\\0440\\0435\\0437\\0438\\0434\\0435\\043D\\0442", "Президент"},
	{"\\04d8\\043A\\0456\\043C", "Әкім"},	/* lower-case hex digits too */
	{"10 \\0436\\04B1\\043C\\044B\\0441", "10 жұмыс"},
	{"a\\\\b", "a\\b"},
	{"it''s", "it''s"},			/* quotes are the SQL literal's business */
	{"\\+01F600", "\xF0\x9F\x98\x80"},
	{"\\2014", "\xE2\x80\x94"},		/* em dash */
	{"\\041", NULL},			/* too few digits */
	{"\\04G0", NULL},
	{"\\", NULL},
	{"\\+11FFFF", NULL},		/* past U+10FFFF */
	{"\\D800", NULL},			/* surrogate */
	{"\\0000", NULL},			/* NUL */
	{"\xD0\x9F", NULL},			/* not ASCII */
};

static const struct
{
	const char *in;
	const char *out;
}			fallback_cases[] =
{
	{"Президент Әкімшілігі", "Президент Акімшілігі"},
	{"ӘҒҚҢӨҰҮҺ", "АГКНОУУХ"},
	{"әғқңөұүһ", "агкноуух"},
	{"Қазақстан Республикасының Конституциясы күні", "Казакстан Республикасынын Конституциясы куні"},
	{"Тұңғыш Президент күні", "Тунгыш Президент куні"},
	{"Іс-шара", "Іс-шара"},		/* і and І are in WIN1251 */
	{"Руководитель Администрации Президента", "Руководитель Администрации Президента"},
	{"New Year", "New Year"},
	{"", ""},
};

int
main(void)
{
	char		buf[256];
	char		back[256];

	for (size_t i = 0; i < sizeof(unescape_cases) / sizeof(unescape_cases[0]); i++)
	{
		long		n = ic_unescape_unicode(unescape_cases[i].in, strlen(unescape_cases[i].in),
											buf, sizeof(buf));

		if (unescape_cases[i].out == NULL)
			CHECK(n == -1, "unescape '%s' should be refused, got '%s'", unescape_cases[i].in, buf);
		else
			CHECK(n >= 0 && strcmp(buf, unescape_cases[i].out) == 0 && (size_t) n == strlen(buf),
				  "unescape '%s' = '%s', expected '%s'", unescape_cases[i].in,
				  n >= 0 ? buf : "(refused)", unescape_cases[i].out);
	}

	/* escape then unescape gives the text back, and the escaped form is ASCII */
	for (size_t i = 0; i < sizeof(fallback_cases) / sizeof(fallback_cases[0]); i++)
	{
		const char *s = fallback_cases[i].in;
		long		n = ic_escape_unicode(s, strlen(s), buf, sizeof(buf));
		bool		ascii = n >= 0;

		for (long k = 0; k < n; k++)
			ascii = ascii && (unsigned char) buf[k] < 0x80;
		CHECK(ascii, "escape '%s' is ASCII", s);
		n = ic_unescape_unicode(buf, strlen(buf), back, sizeof(back));
		CHECK(n >= 0 && strcmp(back, s) == 0, "round trip of '%s' via '%s'", s, buf);
	}
	CHECK(ic_escape_unicode("a\\b", 3, buf, sizeof(buf)) == 4 && strcmp(buf, "a\\\\b") == 0,
		  "a backslash is escaped: '%s'", buf);
	CHECK(ic_escape_unicode("\xD0", 1, buf, sizeof(buf)) == -1, "escape refuses bad UTF-8");
	CHECK(ic_escape_unicode("Әкім", strlen("Әкім"), buf, 5) == -1, "escape refuses a short buffer");
	CHECK(ic_unescape_unicode("abc", 3, buf, 3) == -1, "unescape refuses a short buffer");

	for (size_t i = 0; i < sizeof(fallback_cases) / sizeof(fallback_cases[0]); i++)
	{
		const char *s = fallback_cases[i].in;
		long		n = ic_kk_fallback_utf8(s, strlen(s), buf, strlen(s) + 1);

		CHECK(n >= 0 && strcmp(buf, fallback_cases[i].out) == 0,
			  "fallback '%s' = '%s', expected '%s'", s, n >= 0 ? buf : "(refused)",
			  fallback_cases[i].out);
	}
	CHECK(ic_kk_fallback_utf8("\xC0\xAF", 2, buf, sizeof(buf)) == -1, "fallback refuses bad UTF-8");
	CHECK(ic_kk_fallback(0x04D9) == 0x0430 && ic_kk_fallback(0x04BB) == 0x0445,
		  "ә -> а, һ -> х");
	CHECK(ic_kk_fallback(0x0456) == 'i', "і -> Latin i where і is missing");
	CHECK(ic_kk_fallback(0x0430) == 0 && ic_kk_fallback('a') == 0, "others have no fallback");

	return UNIT_SUMMARY();
}
