/*
 * report_date_test.c
 *		Unit tests of report_date_core.c: a day as the forms print it,
 *		DD.MM.YYYY, the text to_char(d, 'DD.MM.YYYY') writes (issue 19).
 */
#include <string.h>

#include "report_date_core.h"
#include "unit.h"

static const struct
{
	int			year,
				month,
				day;
	const char *text;
}			cases[] =
{
	{2025, 3, 11, "11.03.2025"},
	{2024, 12, 31, "31.12.2024"},
	{2000, 1, 1, "01.01.2000"},
	{1, 1, 1, "01.01.0001"},
	{999, 10, 9, "09.10.0999"},
	{9999, 12, 31, "31.12.9999"},
	{10000, 1, 1, "01.01.10000"},
	{5874897, 12, 31, "31.12.5874897"},
};

int
main(void)
{
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		char		buf[IC_REPORT_DATE_MAXLEN];
		size_t		len = ic_report_date_format(buf, cases[i].year, cases[i].month, cases[i].day);

		CHECK(strcmp(buf, cases[i].text) == 0, "%d-%d-%d: got %s, want %s",
			  cases[i].year, cases[i].month, cases[i].day, buf, cases[i].text);
		CHECK(len == strlen(cases[i].text), "%d-%d-%d: length %zu", cases[i].year, cases[i].month, cases[i].day, len);
	}
	return UNIT_SUMMARY();
}
