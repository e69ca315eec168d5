/*
 * report_date_core.c
 *		A day as the forms print it: DD.MM.YYYY (pure core).
 *
 * The forms print tens of thousands of days per page set (Appendix 8 for all
 * bodies prints several per row), and to_char() parses its picture and builds
 * a broken-down time for each (issue 19).  The picture of the forms is fixed,
 * so the digits are written straight: day and month two digits each, the year
 * at least four, as to_char's DD, MM and YYYY write a year of the common era.
 * Years before it are the glue's to answer (report_date.c asks to_char).
 */
#include "report_date_core.h"

/*
 * Writes DD.MM.YYYY for a year of 1 or later into buf (at least
 * IC_REPORT_DATE_MAXLEN bytes) and returns its length.  A year above 9999 is
 * written with all its digits, as YYYY does.
 */
size_t
ic_report_date_format(char *buf, int year, int month, int day)
{
	char		digits[12];
	int			nd = 0;
	size_t		len = 0;
	unsigned int y = year > 0 ? (unsigned int) year : 0;

	buf[len++] = (char) ('0' + (day / 10) % 10);
	buf[len++] = (char) ('0' + day % 10);
	buf[len++] = '.';
	buf[len++] = (char) ('0' + (month / 10) % 10);
	buf[len++] = (char) ('0' + month % 10);
	buf[len++] = '.';
	do
	{
		digits[nd++] = (char) ('0' + y % 10);
		y /= 10;
	} while (y > 0);
	while (nd < 4)
		digits[nd++] = '0';
	while (nd > 0)
		buf[len++] = digits[--nd];
	buf[len] = '\0';
	return len;
}
