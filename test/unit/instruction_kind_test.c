/*
 * instruction_kind_test.c
 *		Unit tests of instruction_kind_core.c: codes, names, labels and the
 *		predicates of the rules (R42-1.1, R51, R69.2, R72.1, R74, R77).
 */
#include <string.h>

#include "encoding_core.h"
#include "instruction_kind_core.h"
#include "unit.h"

static const struct
{
	const char *in;
	IcInstructionKind kind;		/* IC_KIND_INVALID: refused */
}			cases[] =
{
	{"act_point", IC_KIND_ACT_POINT},
	{"ACT_POINT", IC_KIND_ACT_POINT},
	{"act point", IC_KIND_ACT_POINT},
	{"Актінің тармағы", IC_KIND_ACT_POINT},
	{"Пункт акта", IC_KIND_ACT_POINT},
	{"Актінін тармагы", IC_KIND_ACT_POINT},	/* Kazakh fallback letters (WIN1251) */
	{"event", IC_KIND_EVENT},
	{"Іс-шара", IC_KIND_EVENT},
	{"Іс\xE2\x80\x93шара", IC_KIND_EVENT},	/* with an en dash */
	{"Мероприятие", IC_KIND_EVENT},
	{"security_council", IC_KIND_SECURITY_COUNCIL},
	{"Security Council", IC_KIND_SECURITY_COUNCIL},
	{"ҚК", IC_KIND_SECURITY_COUNCIL},
	{"Қауіпсіздік Кеңесі", IC_KIND_SECURITY_COUNCIL},
	{"Совет Безопасности", IC_KIND_SECURITY_COUNCIL},
	{"assembly", IC_KIND_ASSEMBLY},
	{"Қазақстан халқы Ассамблеясы", IC_KIND_ASSEMBLY},
	{"Ассамблея народа Казахстана", IC_KIND_ASSEMBLY},
	{"personal", IC_KIND_PERSONAL},
	{"Жеке тапсырма", IC_KIND_PERSONAL},
	{"Личное поручение Президента", IC_KIND_PERSONAL},
	{"personal_published", IC_KIND_PERSONAL_PUBLISHED},
	{"Жарияланған жеке тапсырма", IC_KIND_PERSONAL_PUBLISHED},
	{"document", IC_KIND_DOCUMENT},
	{"Обращение", IC_KIND_DOCUMENT},
	{"national_plan", IC_KIND_NATIONAL_PLAN},
	{"Общенациональный план мероприятий", IC_KIND_NATIONAL_PLAN},
	{"Жалпыұлттық іс-шаралар жоспары", IC_KIND_NATIONAL_PLAN},
	{"", IC_KIND_INVALID},
	{"act-point", IC_KIND_INVALID},
	{"actpoint", IC_KIND_INVALID},
	{"personal published!", IC_KIND_INVALID},
	{"поручение", IC_KIND_INVALID},
	{"plan", IC_KIND_INVALID},
	{"\xC3", IC_KIND_INVALID},
};

int
main(void)
{
	size_t		n;
	const IcKeyword *syn = ic_instruction_kind_synonyms(&n);
	IcInstructionKind v;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		IcInstructionKind got = IC_KIND_INVALID;
		bool		ok = ic_instruction_kind_parse(cases[i].in, strlen(cases[i].in), &got);

		CHECK(ok == (cases[i].kind != IC_KIND_INVALID) && got == cases[i].kind,
			  "parse(\"%s\") = %d, expected %d", cases[i].in, (int) got, (int) cases[i].kind);
	}

	for (int k = IC_KIND_MIN; k <= IC_KIND_MAX; k++)
	{
		const char *code = ic_instruction_kind_code((IcInstructionKind) k);
		const char *langs[] = {"kk", "ru", "en"};

		CHECK(code != NULL && ic_instruction_kind_parse(code, strlen(code), &v) &&
			  v == (IcInstructionKind) k, "code of %d round-trips", k);
		for (int l = 0; l < 3; l++)
		{
			const char *lab = ic_instruction_kind_label((IcInstructionKind) k, langs[l]);
			char		plain[256] = "";

			CHECK(lab != NULL && strlen(lab) > 0, "label %s of %d", langs[l], k);
			/* a label is accepted as input too */
			CHECK(lab != NULL && ic_instruction_kind_parse(lab, strlen(lab), &v) &&
				  v == (IcInstructionKind) k, "label \"%s\" parses back", lab ? lab : "");
			/* and so does the label a WIN1251 database stores (Kazakh fallback) */
			CHECK(lab != NULL && ic_kk_fallback_utf8(lab, strlen(lab), plain, sizeof(plain)) >= 0 &&
				  ic_instruction_kind_parse(plain, strlen(plain), &v) &&
				  v == (IcInstructionKind) k, "fallback label \"%s\" parses back", plain);
		}
	}
	CHECK(ic_instruction_kind_label(IC_KIND_EVENT, "xx") == NULL, "unknown language");
	CHECK(ic_instruction_kind_label(IC_KIND_INVALID, "en") == NULL, "invalid kind has no label");
	CHECK(ic_instruction_kind_code((IcInstructionKind) 9) == NULL, "9 is no kind");

	CHECK(ic_keyword_table_check(syn, n) == -1, "synonym table sound (first bad entry %ld)",
		  ic_keyword_table_check(syn, n));
	for (size_t i = 0; i < n; i++)
		CHECK(ic_instruction_kind_is_valid(syn[i].value), "synonym \"%s\" names a kind", syn[i].word);

	/* the predicates, over every kind */
	for (int k = IC_KIND_INVALID; k <= IC_KIND_MAX + 1; k++)
	{
		IcInstructionKind x = (IcInstructionKind) k;

		CHECK(ic_kind_is_personal(x) == (k == IC_KIND_PERSONAL || k == IC_KIND_PERSONAL_PUBLISHED),
			  "R51/R77 is_personal(%d)", k);
		CHECK(ic_kind_is_published_personal(x) == (k == IC_KIND_PERSONAL_PUBLISHED),
			  "R74 is_published_personal(%d)", k);
		CHECK(ic_kind_extension_only_by_president(x) == (k == IC_KIND_PERSONAL),
			  "R74 extension_only_by_president(%d)", k);
		CHECK(ic_kind_is_security_council(x) == (k == IC_KIND_SECURITY_COUNCIL),
			  "R69.2 is_security_council(%d)", k);
		CHECK(ic_kind_is_national_plan(x) == (k == IC_KIND_NATIONAL_PLAN),
			  "R72.1 is_national_plan(%d)", k);
		CHECK(ic_kind_requires_pa_control(x) ==
			  (k == IC_KIND_SECURITY_COUNCIL || k == IC_KIND_ASSEMBLY ||
			   k == IC_KIND_PERSONAL || k == IC_KIND_PERSONAL_PUBLISHED),
			  "R42-1.1 requires_pa_control(%d)", k);
	}
	return UNIT_SUMMARY();
}
