/*
 * unicode_test.c
 *		Unit tests of unicode_core.c and of ic_utf8_is_blank() built on it:
 *		blank is "no visible letter, digit, punctuation or symbol" (issue 16,
 *		item 9), from Unicode's general categories, fillers included.
 */
#include <string.h>

#include "encoding_core.h"
#include "text_fold_core.h"
#include "unicode_core.h"
#include "unit.h"

static const struct
{
	uint32_t	c;
	int			visible;
	const char *what;
}			codepoint_cases[] =
{
	{'a', 1, "Latin letter (Ll)"},
	{'7', 1, "digit (Nd)"},
	{'.', 1, "full stop (Po)"},
	{'+', 1, "plus sign (Sm)"},
	{0x04D8, 1, "Kazakh capital schwa (Lu)"},
	{0x0456, 1, "Kazakh/Ukrainian i (Ll)"},
	{0x2116, 1, "numero sign (So)"},
	{0x20B8, 1, "tenge sign (Sc)"},
	{0x00BD, 1, "vulgar fraction one half (No)"},
	{0x1F600, 1, "emoji (So)"},
	{0x4E00, 1, "CJK ideograph, in a range of UnicodeData (Lo)"},
	{0xAC00, 1, "Hangul syllable, in a range (Lo)"},
	{0x20, 0, "space (Zs)"},
	{0x00A0, 0, "no-break space (Zs)"},
	{0x3000, 0, "ideographic space (Zs)"},
	{0x2028, 0, "line separator (Zl)"},
	{0x001C, 0, "file separator (Cc)"},
	{0x007F, 0, "delete (Cc)"},
	{0x0085, 0, "next line (Cc)"},
	{0x00AD, 0, "soft hyphen (Cf)"},
	{0x200B, 0, "zero width space (Cf)"},
	{0x200D, 0, "zero width joiner (Cf)"},
	{0x2060, 0, "word joiner (Cf)"},
	{0xFEFF, 0, "byte order mark (Cf)"},
	{0x180E, 0, "Mongolian vowel separator (Cf)"},
	{0xE0020, 0, "tag space (Cf)"},
	{0x0301, 0, "combining acute accent without a base (Mn)"},
	{0xFE0F, 0, "variation selector (Mn)"},
	{0x115F, 0, "Hangul choseong filler (Lo, listed)"},
	{0x1160, 0, "Hangul jungseong filler (Lo, listed)"},
	{0x3164, 0, "Hangul filler (Lo, listed)"},
	{0xFFA0, 0, "halfwidth Hangul filler (Lo, listed)"},
	{0x2800, 0, "Braille pattern blank (So, listed)"},
	{0x2801, 1, "Braille pattern dots-1 (So)"},
	{0x1D159, 0, "musical symbol null notehead (So, listed)"},
	{0xE000, 0, "private use (Co)"},
	{0x0378, 0, "unassigned (Cn)"},
	{0x10FFFF, 0, "last code point, a noncharacter (Cn)"},
};

static const struct
{
	const char *s;
	int			blank;
	const char *what;
}			blank_cases[] =
{
	{"", 1, "empty"},
	{" \t\r\n", 1, "ASCII white space"},
	{"\xc2\xad", 1, "U+00AD alone"},
	{"\xe3\x85\xa4", 1, "U+3164 alone"},
	{"\xe1\x85\x9f", 1, "U+115F alone"},
	{"\xe2\xa0\x80", 1, "U+2800 alone"},
	{"\x1c", 1, "U+001C alone"},
	{" \xc2\xad\xe3\x85\xa4\xe1\x85\x9f\xe2\xa0\x80\x1c\xef\xbe\xa0\xe2\x80\x8b\xef\xbb\xbf\xcc\x81", 1,
	"the issue's five, U+FFA0, U+200B, U+FEFF, a lone accent"},
	{"\xe3\x85\xa4x", 0, "a filler and a letter"},
	{"\xd0\x97\xd0\xb0\xd0\xba\xd0\xbb\xd1\x8e\xd1\x87\xd0\xb5\xd0\xbd\xd0\xb8\xd0\xb5", 0, "Cyrillic word"},
	{"-", 0, "a hyphen is punctuation"},
	{"\xe2\x84\x96", 0, "numero sign"},
	{"\xff", 0, "invalid UTF-8 is not blank (the server refuses it first)"},
	{" \xe0\x80\x80", 0, "an overlong form is invalid, not blank"},
};

int
main(void)
{
	for (size_t i = 0; i < sizeof(codepoint_cases) / sizeof(codepoint_cases[0]); i++)
		CHECK(ic_codepoint_is_visible(codepoint_cases[i].c) == (codepoint_cases[i].visible != 0),
			  "U+%04X %s: visible should be %d", (unsigned) codepoint_cases[i].c,
			  codepoint_cases[i].what, codepoint_cases[i].visible);
	for (size_t i = 0; i < sizeof(blank_cases) / sizeof(blank_cases[0]); i++)
		CHECK(ic_utf8_is_blank(blank_cases[i].s) == (blank_cases[i].blank != 0),
			  "%s: blank should be %d", blank_cases[i].what, blank_cases[i].blank);
	CHECK(ic_utf8_is_blank(NULL), "NULL is blank");

	/* every code point: the ASCII fast path agrees with the table, no crash past U+10FFFF */
	for (uint32_t c = 0; c < 0x80; c++)
		CHECK(ic_codepoint_is_visible(c) == (c >= 0x21 && c <= 0x7E), "ASCII U+%04X", (unsigned) c);
	CHECK(!ic_codepoint_is_visible(0x110000) && !ic_codepoint_is_visible(UINT32_MAX), "past U+10FFFF");
	return UNIT_SUMMARY();
}
