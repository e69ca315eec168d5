/*
 * code_test.c
 *		Unit tests of code_core.c: which calendar codes are accepted.
 */
#include <stddef.h>

#include "code_core.h"
#include "unit.h"

static const struct
{
	const char *code;
	bool		valid;
}			cases[] =
{
	{"KZ", true},
	{"kz_2026", true},
	{"A", true},
	{"ABCDEFGHIJKLMNOP", true},		/* 16 characters: the limit */
	{"ABCDEFGHIJKLMNOPQ", false},	/* 17 */
	{"", false},
	{"K Z", false},
	{"KZ;", false},
	{"KZ'", false},
	{"ҚЗ", false},					/* non-ASCII */
	{"kz-ast", false},
};

int
main(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK(ic_code_is_valid(cases[i].code, IC_CALENDAR_CODE_MAXLEN) == cases[i].valid,
			  "ic_code_is_valid(\"%s\") should be %s", cases[i].code,
			  cases[i].valid ? "true" : "false");
	CHECK(!ic_code_is_valid(NULL, IC_CALENDAR_CODE_MAXLEN), "NULL is not a code");
	return UNIT_SUMMARY();
}
