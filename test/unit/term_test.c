/*
 * term_test.c
 *		Unit tests of term_core.c: the accepted spellings in English, Kazakh
 *		and Russian, case folding, bounds, errors and the canonical output.
 */
#include <string.h>

#include "term_core.h"
#include "unit.h"

static const struct
{
	const char *text;
	IcTermError err;
	int32_t		count;
	IcTermUnit	unit;
}			cases[] =
{
	{"10 working days", IC_TERM_OK, 10, IC_TERM_WORKING_DAYS},
	{"1 working day", IC_TERM_OK, 1, IC_TERM_WORKING_DAYS},
	{"10 wd", IC_TERM_OK, 10, IC_TERM_WORKING_DAYS},
	{"10wd", IC_TERM_OK, 10, IC_TERM_WORKING_DAYS},
	{"  10   Working   Days  ", IC_TERM_OK, 10, IC_TERM_WORKING_DAYS},
	{"10 WD", IC_TERM_OK, 10, IC_TERM_WORKING_DAYS},
	{"5 workdays", IC_TERM_OK, 5, IC_TERM_WORKING_DAYS},
	{"14 days", IC_TERM_OK, 14, IC_TERM_DAYS},
	{"14 calendar days", IC_TERM_OK, 14, IC_TERM_DAYS},
	{"1 day", IC_TERM_OK, 1, IC_TERM_DAYS},
	{"2 weeks", IC_TERM_OK, 2, IC_TERM_WEEKS},
	{"1 week", IC_TERM_OK, 1, IC_TERM_WEEKS},
	{"6 months", IC_TERM_OK, 6, IC_TERM_MONTHS},
	{"6 MONTHS", IC_TERM_OK, 6, IC_TERM_MONTHS},
	/* Kazakh */
	{"10 жұмыс күні", IC_TERM_OK, 10, IC_TERM_WORKING_DAYS},
	/* Kazakh written with the fallback letters (a WIN1251 database, a Russian keyboard) */
	{"10 жумыс куні", IC_TERM_OK, 10, IC_TERM_WORKING_DAYS},
	{"14 кунтізбелік кун", IC_TERM_OK, 14, IC_TERM_DAYS},
	{"2 аптага", IC_TERM_OK, 2, IC_TERM_WEEKS},
	{"1 айдын", IC_TERM_OK, 1, IC_TERM_MONTHS},
	{"10 жұмыс куні", IC_TERM_OK, 10, IC_TERM_WORKING_DAYS},	/* mixed */
	{"10 ЖҰМЫС КҮНІ", IC_TERM_OK, 10, IC_TERM_WORKING_DAYS},
	{"10 Жұмыс Күні", IC_TERM_OK, 10, IC_TERM_WORKING_DAYS},
	{"3 жұмыс күн", IC_TERM_OK, 3, IC_TERM_WORKING_DAYS},
	{"5 жұмыс күнге", IC_TERM_OK, 5, IC_TERM_WORKING_DAYS},
	{"5 жұмыс күнінде", IC_TERM_OK, 5, IC_TERM_WORKING_DAYS},
	{"14 күн", IC_TERM_OK, 14, IC_TERM_DAYS},
	{"14 күнтізбелік күн", IC_TERM_OK, 14, IC_TERM_DAYS},
	{"2 апта", IC_TERM_OK, 2, IC_TERM_WEEKS},
	{"2 аптаға", IC_TERM_OK, 2, IC_TERM_WEEKS},
	{"2 АПТА", IC_TERM_OK, 2, IC_TERM_WEEKS},
	{"6 ай", IC_TERM_OK, 6, IC_TERM_MONTHS},
	{"6 айға", IC_TERM_OK, 6, IC_TERM_MONTHS},
	{"6 АЙ", IC_TERM_OK, 6, IC_TERM_MONTHS},
	/* Russian */
	{"10 рабочих дней", IC_TERM_OK, 10, IC_TERM_WORKING_DAYS},
	{"1 рабочий день", IC_TERM_OK, 1, IC_TERM_WORKING_DAYS},
	{"3 рабочих дня", IC_TERM_OK, 3, IC_TERM_WORKING_DAYS},
	{"10 РАБОЧИХ ДНЕЙ", IC_TERM_OK, 10, IC_TERM_WORKING_DAYS},
	{"1 рабочего дня", IC_TERM_OK, 1, IC_TERM_WORKING_DAYS},
	{"14 дней", IC_TERM_OK, 14, IC_TERM_DAYS},
	{"14 календарных дней", IC_TERM_OK, 14, IC_TERM_DAYS},
	{"2 недели", IC_TERM_OK, 2, IC_TERM_WEEKS},
	{"1 неделя", IC_TERM_OK, 1, IC_TERM_WEEKS},
	{"5 недель", IC_TERM_OK, 5, IC_TERM_WEEKS},
	{"6 месяцев", IC_TERM_OK, 6, IC_TERM_MONTHS},
	{"1 месяц", IC_TERM_OK, 1, IC_TERM_MONTHS},
	{"2 месяца", IC_TERM_OK, 2, IC_TERM_MONTHS},
	{"6 МЕСЯЦЕВ", IC_TERM_OK, 6, IC_TERM_MONTHS},
	{"10000 days", IC_TERM_OK, 10000, IC_TERM_DAYS},
	/* errors */
	{"", IC_TERM_ERR_NO_NUMBER, 0, 0},
	{"   ", IC_TERM_ERR_NO_NUMBER, 0, 0},
	{"days", IC_TERM_ERR_NO_NUMBER, 0, 0},
	{"-1 days", IC_TERM_ERR_NO_NUMBER, 0, 0},
	{"1.5 days", IC_TERM_ERR_UNKNOWN_UNIT, 0, 0},
	{"0 days", IC_TERM_ERR_COUNT_RANGE, 0, 0},
	{"10001 days", IC_TERM_ERR_COUNT_RANGE, 0, 0},
	{"99999999999999999999 days", IC_TERM_ERR_COUNT_RANGE, 0, 0},
	{"10", IC_TERM_ERR_NO_UNIT, 0, 0},
	{"10   ", IC_TERM_ERR_NO_UNIT, 0, 0},
	{"10 fortnights", IC_TERM_ERR_UNKNOWN_UNIT, 0, 0},
	{"10 working", IC_TERM_ERR_UNKNOWN_UNIT, 0, 0},
	{"10 working days later", IC_TERM_ERR_UNKNOWN_UNIT, 0, 0},
	{"10 daysx", IC_TERM_ERR_UNKNOWN_UNIT, 0, 0},
	{"10 жұмыс", IC_TERM_ERR_UNKNOWN_UNIT, 0, 0},
	{"10 \xff days", IC_TERM_ERR_BAD_UTF8, 0, 0},
	{"10 \xc0\xaf days", IC_TERM_ERR_BAD_UTF8, 0, 0},
	{"10 \xed\xa0\x80 days", IC_TERM_ERR_BAD_UTF8, 0, 0},
	{"10 \xd0", IC_TERM_ERR_BAD_UTF8, 0, 0},
};

static const struct
{
	IcTerm		term;
	const char *text;
}			outputs[] =
{
	{{1, IC_TERM_WORKING_DAYS}, "1 working day"},
	{{10, IC_TERM_WORKING_DAYS}, "10 working days"},
	{{1, IC_TERM_DAYS}, "1 day"},
	{{14, IC_TERM_DAYS}, "14 days"},
	{{2, IC_TERM_WEEKS}, "2 weeks"},
	{{1, IC_TERM_MONTHS}, "1 month"},
	{{10000, IC_TERM_MONTHS}, "10000 months"},
};

int
main(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		IcTerm		t = {0, 0};
		IcTermError err = ic_term_parse(cases[i].text, strlen(cases[i].text), &t);

		CHECK(err == cases[i].err, "parse(\"%s\"): error %d, expected %d", cases[i].text, err, cases[i].err);
		if (err == IC_TERM_OK && cases[i].err == IC_TERM_OK)
			CHECK(t.count == cases[i].count && t.unit == cases[i].unit,
				  "parse(\"%s\") = (%d, %d), expected (%d, %d)", cases[i].text,
				  (int) t.count, (int) t.unit, (int) cases[i].count, (int) cases[i].unit);
	}

	/* An embedded NUL is not part of a term; the length, not NUL, ends the input. */
	{
		IcTerm		t;

		CHECK(ic_term_parse("10 days\0x", 9, &t) == IC_TERM_ERR_BAD_UTF8, "embedded NUL");
		CHECK(ic_term_parse("10 daysXYZ", 7, &t) == IC_TERM_OK && t.count == 10, "length bounds the input");
	}

	for (size_t i = 0; i < sizeof(outputs) / sizeof(outputs[0]); i++)
	{
		char		buf[IC_TERM_TEXT_MAX];
		IcTerm		back;

		ic_term_format(&outputs[i].term, buf, sizeof(buf));
		CHECK(strcmp(buf, outputs[i].text) == 0, "format: \"%s\", expected \"%s\"", buf, outputs[i].text);
		CHECK(ic_term_parse(buf, strlen(buf), &back) == IC_TERM_OK &&
			  ic_term_cmp(&back, &outputs[i].term) == 0, "\"%s\" parses back to itself", buf);
	}

	{
		IcTerm		a = {10, IC_TERM_WORKING_DAYS},
					b = {2, IC_TERM_DAYS},
					c = {11, IC_TERM_WORKING_DAYS},
					bad1 = {0, IC_TERM_DAYS},
					bad2 = {5, (IcTermUnit) 7};

		CHECK(ic_term_cmp(&a, &b) < 0 && ic_term_cmp(&b, &a) > 0, "ordered by unit first");
		CHECK(ic_term_cmp(&a, &c) < 0 && ic_term_cmp(&a, &a) == 0, "then by count");
		CHECK(ic_term_is_valid(&a) && !ic_term_is_valid(&bad1) && !ic_term_is_valid(&bad2), "validity");
		CHECK(strcmp(ic_term_unit_name(IC_TERM_MONTHS), "months") == 0 &&
			  strcmp(ic_term_unit_name(IC_TERM_WORKING_DAYS), "working_days") == 0, "unit names");
	}
	return UNIT_SUMMARY();
}
