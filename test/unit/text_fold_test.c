/*
 * text_fold_test.c
 *		Unit tests of text_fold_core.c: case folding (Latin, Russian, Kazakh),
 *		whitespace and hyphens, UTF-8 validation, language codes.
 */
#include <string.h>

#include "text_fold_core.h"
#include "unit.h"

static const struct
{
	const char *in;
	int			flags;
	const char *out;			/* NULL: the input is refused */
}			fold_cases[] =
{
	{"PA", 0, "pa"},
	{"  Government  ", 0, "government"},
	{"Президент  Әкімшілігі", 0, "президент әкімшілігі"},
	{"ӘҒҚҢӨҰҮҺІ", 0, "әғқңөұүһі"},
	{"әғқңөұүһі", 0, "әғқңөұүһі"},
	{"ЁЖИК ЇЎЄ", 0, "ёжик їўє"},
	{"АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ", 0, "абвгдежзийклмнопрстуфхцчшщъыьэюя"},
	{"\tа\n\r б\xC2\xA0в ", 0, "а б в"},	/* tab, newline, no-break space */
	{"ІС\xE2\x80\x93ШАРА", 0, "іс-шара"},	/* en dash */
	{"42\xE2\x88\x92" "1", 0, "42-1"},	/* minus sign */
	{"act_point", IC_FOLD_UNDERSCORE_AS_SPACE, "act point"},
	{"act_point", 0, "act_point"},
	{"__a__b__", IC_FOLD_UNDERSCORE_AS_SPACE, "a b"},
	{"", 0, ""},
	{"   ", 0, ""},
	{"\xD0", 0, NULL},			/* truncated */
	{"\xC0\xAF", 0, NULL},		/* overlong '/' */
	{"\xED\xA0\x80", 0, NULL},	/* surrogate */
	{"\xF4\x90\x80\x80", 0, NULL},	/* beyond U+10FFFF */
	{"\x80" "a", 0, NULL},		/* stray continuation byte */
	{"中文", 0, "中文"},			/* unchanged */
};

int
main(void)
{
	char		out[IC_FOLD_MAXLEN + 1];
	size_t		olen;
	char		small[4];

	for (size_t i = 0; i < sizeof(fold_cases) / sizeof(fold_cases[0]); i++)
	{
		bool		ok = ic_text_fold(fold_cases[i].in, strlen(fold_cases[i].in),
									  fold_cases[i].flags, out, sizeof(out), &olen);

		if (fold_cases[i].out == NULL)
			CHECK(!ok, "fold(\"%s\") should be refused", fold_cases[i].in);
		else
			CHECK(ok && strcmp(out, fold_cases[i].out) == 0 && olen == strlen(out),
				  "fold(\"%s\") = \"%s\", expected \"%s\"", fold_cases[i].in,
				  ok ? out : "(refused)", fold_cases[i].out);
	}

	/* an embedded NUL is refused, as is output that does not fit */
	CHECK(!ic_text_fold("a\0b", 3, 0, out, sizeof(out), &olen), "NUL is refused");

	/* R69.1: a basis made only of white space is not a basis */
	CHECK(ic_utf8_is_blank(NULL) && ic_utf8_is_blank("") && ic_utf8_is_blank(" \t\r\n"), "ASCII blanks");
	CHECK(ic_utf8_is_blank("\xc2\xa0") && ic_utf8_is_blank(" \xc2\xa0 \xe2\x80\xaf\xe3\x80\x80\xe2\x80\x8b\xef\xbb\xbf"),
		  "U+00A0, U+202F, U+3000, U+200B, U+FEFF are blank");
	CHECK(!ic_utf8_is_blank("\xc2\xa0x") && !ic_utf8_is_blank("Заключение") && !ic_utf8_is_blank("\xff"),
		  "text, Cyrillic and invalid UTF-8 are not blank");
	CHECK(!ic_text_fold("abcd", 4, 0, small, sizeof(small), &olen), "4 bytes do not fit in 4");
	CHECK(ic_text_fold("abc", 3, 0, small, sizeof(small), &olen) && olen == 3, "3 bytes fit in 4");

	/* every Cyrillic capital of U+0400..U+042F folds to a different letter */
	for (uint32_t c = 0x0400; c <= 0x042F; c++)
		CHECK(ic_fold_codepoint(c) != c && ic_fold_codepoint(ic_fold_codepoint(c)) == ic_fold_codepoint(c),
			  "U+%04X folds to a lower-case letter", (unsigned) c);
	/* the Kazakh capitals */
	{
		static const uint32_t kz[][2] = {
			{0x04D8, 0x04D9}, {0x0492, 0x0493}, {0x049A, 0x049B}, {0x04A2, 0x04A3},
			{0x04E8, 0x04E9}, {0x04B0, 0x04B1}, {0x04AE, 0x04AF}, {0x04BA, 0x04BB},
			{0x0406, 0x0456}
		};

		for (size_t i = 0; i < sizeof(kz) / sizeof(kz[0]); i++)
		{
			CHECK(ic_fold_codepoint(kz[i][0]) == kz[i][1], "U+%04X -> U+%04X",
				  (unsigned) kz[i][0], (unsigned) kz[i][1]);
			CHECK(ic_fold_codepoint(kz[i][1]) == kz[i][1], "U+%04X stays", (unsigned) kz[i][1]);
		}
	}
	/* UTF-8 round trip over the Basic Multilingual Plane and beyond */
	for (uint32_t c = 1; c < 0x110000; c += (c < 0x3000 ? 1 : 97))
	{
		char		b[4];
		size_t		n;
		uint32_t	back = 0;

		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		n = ic_utf8_encode(c, b);
		if (ic_utf8_decode(b, n, &back) != n || back != c)
		{
			CHECK(false, "UTF-8 round trip of U+%04X", (unsigned) c);
			break;
		}
	}
	CHECK(true, "UTF-8 round trip");

	CHECK(ic_lang_parse("kk", 2) == IC_LANG_KK, "kk");
	CHECK(ic_lang_parse("RU", 2) == IC_LANG_RU, "RU");
	CHECK(ic_lang_parse(" en ", 4) == IC_LANG_EN, "' en '");
	CHECK(ic_lang_parse("kz", 2) == IC_LANG_INVALID, "kz is not a language code here");
	CHECK(ic_lang_parse("eng", 3) == IC_LANG_INVALID, "eng");
	CHECK(ic_lang_parse("", 0) == IC_LANG_INVALID, "empty");
	CHECK(ic_lang_parse(NULL, 0) == IC_LANG_INVALID, "NULL");

	{
		static const IcKeyword good[] = {{"a b", 1}, {"c", 2}};
		static const IcKeyword dup[] = {{"a", 1}, {"b", 2}, {"a", 2}};
		static const IcKeyword unfolded[] = {{"a", 1}, {"B", 2}};
		static const IcKeyword underscore[] = {{"a_b", 1}};

		CHECK(ic_keyword_table_check(good, 2) == -1, "a sound table");
		CHECK(ic_keyword_table_check(dup, 3) == 2, "a duplicate word is found");
		CHECK(ic_keyword_table_check(unfolded, 2) == 1, "an unfolded word is found");
		CHECK(ic_keyword_table_check(underscore, 1) == 0, "'_' can never match");
		CHECK(ic_keyword_parse(good, 2, "A_B", 3) == 1, "A_B finds 'a b'");
		CHECK(ic_keyword_parse(good, 2, " C ", 3) == 2, "' C ' finds 'c'");
		CHECK(ic_keyword_parse(good, 2, "d", 1) == 0, "d is not there");
	}
	return UNIT_SUMMARY();
}
