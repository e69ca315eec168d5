/*
 * control_level_test.c
 *		Unit tests of control_level_core.c: codes, Kazakh/Russian/English
 *		names, the order of the levels (R42-1), labels, the synonym table.
 */
#include <string.h>

#include "control_level_core.h"
#include "encoding_core.h"
#include "unit.h"

static const struct
{
	const char *in;
	IcControlLevel level;		/* IC_LEVEL_INVALID: refused */
}			cases[] =
{
	{"pa", IC_LEVEL_PA},
	{"PA", IC_LEVEL_PA},
	{" Pa ", IC_LEVEL_PA},
	{"Президент Әкімшілігі", IC_LEVEL_PA},
	{"ПРЕЗИДЕНТ ӘКІМШІЛІГІ", IC_LEVEL_PA},
	{"ПӘ", IC_LEVEL_PA},
	{"Администрация Президента", IC_LEVEL_PA},
	{"Администрация  президента РК", IC_LEVEL_PA},
	{"АП", IC_LEVEL_PA},
	{"Presidential Administration", IC_LEVEL_PA},
	{"government", IC_LEVEL_GOVERNMENT},
	{"Government", IC_LEVEL_GOVERNMENT},
	{"Үкімет", IC_LEVEL_GOVERNMENT},
	{"Правительство", IC_LEVEL_GOVERNMENT},
	{"Правительство РК", IC_LEVEL_GOVERNMENT},
	{"central", IC_LEVEL_CENTRAL},
	{"орталық мемлекеттік орган", IC_LEVEL_CENTRAL},
	{"Орталық мемлекеттік орган", IC_LEVEL_CENTRAL},
	{"центральный государственный орган", IC_LEVEL_CENTRAL},
	{"ЦГО", IC_LEVEL_CENTRAL},
	{"local", IC_LEVEL_LOCAL},
	{"жергілікті атқарушы орган", IC_LEVEL_LOCAL},
	{"местный исполнительный орган", IC_LEVEL_LOCAL},
	{"акимат", IC_LEVEL_LOCAL},
	/* written with the Kazakh fallback letters, as a WIN1251 database stores them */
	{"Президент Акімшілігі", IC_LEVEL_PA},
	{"Укімет", IC_LEVEL_GOVERNMENT},
	{"жергілікті аткарушы орган", IC_LEVEL_LOCAL},
	{"Akimat", IC_LEVEL_LOCAL},
	{"ЖАО", IC_LEVEL_LOCAL},
	{"organisation", IC_LEVEL_ORGANISATION},
	{"Organization", IC_LEVEL_ORGANISATION},
	{"ұйым", IC_LEVEL_ORGANISATION},
	{"Организация", IC_LEVEL_ORGANISATION},
	{"", IC_LEVEL_INVALID},
	{"   ", IC_LEVEL_INVALID},
	{"p a", IC_LEVEL_INVALID},
	{"pa.", IC_LEVEL_INVALID},
	{"president", IC_LEVEL_INVALID},
	{"Президент", IC_LEVEL_INVALID},
	{"орган", IC_LEVEL_INVALID},
	{"organisation1", IC_LEVEL_INVALID},
	{"\xFF", IC_LEVEL_INVALID},
	{"РА", IC_LEVEL_INVALID},	/* Cyrillic Р and А, not the code */
	{"invalid", IC_LEVEL_INVALID},
};

int
main(void)
{
	size_t		n;
	const IcKeyword *syn = ic_control_level_synonyms(&n);
	IcControlLevel v;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		IcControlLevel got = IC_LEVEL_INVALID;
		bool		ok = ic_control_level_parse(cases[i].in, strlen(cases[i].in), &got);

		CHECK(ok == (cases[i].level != IC_LEVEL_INVALID) && got == cases[i].level,
			  "parse(\"%s\") = %d, expected %d", cases[i].in, (int) got, (int) cases[i].level);
	}

	/* R42-1: PA > Government > central > local > organisation */
	CHECK(IC_LEVEL_PA > IC_LEVEL_GOVERNMENT && IC_LEVEL_GOVERNMENT > IC_LEVEL_CENTRAL &&
		  IC_LEVEL_CENTRAL > IC_LEVEL_LOCAL && IC_LEVEL_LOCAL > IC_LEVEL_ORGANISATION &&
		  IC_LEVEL_ORGANISATION > IC_LEVEL_INVALID, "R42-1 order of the levels");

	for (int l = IC_LEVEL_MIN; l <= IC_LEVEL_MAX; l++)
	{
		const char *code = ic_control_level_code((IcControlLevel) l);

		/* every code parses back to its level; every level has three labels */
		CHECK(code != NULL && ic_control_level_parse(code, strlen(code), &v) && v == (IcControlLevel) l,
			  "code of %d round-trips", l);
		CHECK(ic_control_level_label((IcControlLevel) l, "kk") != NULL &&
			  ic_control_level_label((IcControlLevel) l, "ru") != NULL &&
			  ic_control_level_label((IcControlLevel) l, "en") != NULL, "labels of %d", l);
		/* and its labels are accepted as input too */
		{
			const char *langs[] = {"kk", "ru", "en"};

			for (int k = 0; k < 3; k++)
			{
				const char *lab = ic_control_level_label((IcControlLevel) l, langs[k]);

				char		plain[256];

				CHECK(ic_control_level_parse(lab, strlen(lab), &v) && v == (IcControlLevel) l,
					  "label \"%s\" parses back", lab);
				/* and so does the label a WIN1251 database stores (Kazakh fallback) */
				CHECK(ic_kk_fallback_utf8(lab, strlen(lab), plain, sizeof(plain)) >= 0 &&
					  ic_control_level_parse(plain, strlen(plain), &v) && v == (IcControlLevel) l,
					  "fallback label \"%s\" parses back", plain);
			}
		}
	}
	CHECK(strcmp(ic_control_level_label(IC_LEVEL_PA, "kk"), "Президент Әкімшілігі") == 0, "kk label of pa");
	CHECK(strcmp(ic_control_level_label(IC_LEVEL_LOCAL, "ru"), "Местный исполнительный орган") == 0,
		  "ru label of local");
	CHECK(ic_control_level_label(IC_LEVEL_PA, "de") == NULL, "unknown language");
	CHECK(ic_control_level_label(IC_LEVEL_INVALID, "en") == NULL, "invalid value has no label");
	CHECK(ic_control_level_code(IC_LEVEL_INVALID) == NULL, "invalid value has no code");
	CHECK(ic_control_level_code((IcControlLevel) 6) == NULL, "6 is no level");
	CHECK(!ic_control_level_is_valid(0) && !ic_control_level_is_valid(6) &&
		  !ic_control_level_is_valid(-1), "range of valid values");

	/* every synonym is folded, none appears twice: no input is ambiguous */
	CHECK(ic_keyword_table_check(syn, n) == -1, "synonym table sound (first bad entry %ld)",
		  ic_keyword_table_check(syn, n));
	for (size_t i = 0; i < n; i++)
		CHECK(ic_control_level_is_valid(syn[i].value), "synonym \"%s\" names a level", syn[i].word);

	/* a failed parse leaves the output alone */
	v = IC_LEVEL_LOCAL;
	CHECK(!ic_control_level_parse("nonsense", 8, &v) && v == IC_LEVEL_LOCAL, "untouched on failure");
	CHECK(!ic_control_level_parse(NULL, 0, &v), "NULL input");
	return UNIT_SUMMARY();
}
