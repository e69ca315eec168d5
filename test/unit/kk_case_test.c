/*
 * kk_case_test.c
 *		Unit tests of kk_case_core.c: the Kazakh case ending after a number,
 *		by the last word of the number read aloud.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kk_case_core.h"
#include "unit.h"

static const struct
{
	int64_t		n;
	const char *ablative;
	const char *dative;
	const char *read;			/* the last word read aloud */
}			cases[] =
{
	{2025, "тен", "ке", "бес: front vowel, voiceless с"},
	{2024, "тен", "ке", "төрт"},
	{2023, "тен", "ке", "үш"},
	{2026, "дан", "ға", "алты: back vowel, ends in a vowel"},
	{2027, "ден", "ге", "жеті"},
	{2028, "ден", "ге", "сегіз: voiced з"},
	{2029, "дан", "ға", "тоғыз"},
	{2021, "ден", "ге", "бір: р"},
	{2022, "ден", "ге", "екі"},
	{2020, "дан", "ға", "жиырма"},
	{2030, "дан", "ға", "отыз"},
	{2040, "тан", "қа", "қырық: voiceless қ"},
	{2050, "ден", "ге", "елу"},
	{2060, "тан", "қа", "алпыс"},
	{2070, "тен", "ке", "жетпіс"},
	{2080, "нен", "ге", "сексен: н takes -нен"},
	{2090, "нан", "ға", "тоқсан"},
	{2010, "нан", "ға", "он"},
	{2100, "ден", "ге", "жүз"},
	{2000, "нан", "ға", "екі мың: мың"},
	{1000, "нан", "ға", "мың"},
	{1100, "ден", "ге", "мың жүз: жүз"},
	{1500000, "нан", "ға", "бір миллион бес жүз мың: мың"},
	{3000000, "нан", "ға", "үш миллион"},
	{2000000000, "тан", "қа", "екі миллиард"},
	{0, "ден", "ге", "нөл"},
	{-5, "тен", "ке", "минус бес"},
	{INT64_MIN, "ден", "ге", "... сегіз"},
	{INT64_MAX, "ден", "ге", "... жеті"},
};

int
main(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		CHECK(strcmp(ic_kk_number_ending(cases[i].n, IC_KK_ABLATIVE), cases[i].ablative) == 0,
			  "%lld-%s (ablative, %s), got -%s", (long long) cases[i].n, cases[i].ablative,
			  cases[i].read, ic_kk_number_ending(cases[i].n, IC_KK_ABLATIVE));
		CHECK(strcmp(ic_kk_number_ending(cases[i].n, IC_KK_DATIVE), cases[i].dative) == 0,
			  "%lld-%s (dative, %s), got -%s", (long long) cases[i].n, cases[i].dative,
			  cases[i].read, ic_kk_number_ending(cases[i].n, IC_KK_DATIVE));
	}
	return UNIT_SUMMARY();
}
