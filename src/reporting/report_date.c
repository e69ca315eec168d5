/*
 * report_date.c
 *		report_date(date) and report_date_kk(date, grammatical_case): a day as
 *		the forms print it, DD.MM.YYYY, in Kazakh with the case ending its year
 *		takes ("11.03.2025-тен").  The digits are written by
 *		report_date_core.c, the ending by kk_case_core.c; the text is the same
 *		as to_char(d, 'DD.MM.YYYY') wrote (issue 19: the forms' dates without
 *		to_char's picture parsing, once per day printed).
 */
#include "postgres.h"

#include "fmgr.h"
#include "catalog/pg_collation.h"
#include "datatype/timestamp.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

#include "kk_case.h"
#include "kk_case_core.h"
#include "report_date_core.h"

PG_FUNCTION_INFO_V1(ic_report_date_sql);
PG_FUNCTION_INFO_V1(ic_report_date_kk_sql);

/*
 * The day as text into buf; false for infinity (to_char gives NULL).  A day
 * before the common era goes through to_char itself, so every day prints as
 * it did.
 */
static bool
report_date_text(DateADT d, char *buf, int *year)
{
	int			y,
				m,
				day;

	if (DATE_NOT_FINITE(d))
		return false;
	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	/* the year as date_part('year', d) gives it: 44 BC is -44 */
	*year = y > 0 ? y : y - 1;
	if (y > 0)
		ic_report_date_format(buf, y, m, day);
	else
	{
		Datum		t = DirectFunctionCall1(date_timestamptz, DateADTGetDatum(d));
		text	   *s = DatumGetTextPP(DirectFunctionCall2Coll(timestamptz_to_char, DEFAULT_COLLATION_OID, t,
															   CStringGetTextDatum("DD.MM.YYYY")));

		strlcpy(buf, text_to_cstring(s), IC_REPORT_DATE_MAXLEN);
	}
	return true;
}

Datum
ic_report_date_sql(PG_FUNCTION_ARGS)
{
	char		buf[IC_REPORT_DATE_MAXLEN];
	int			year;

	if (!report_date_text(PG_GETARG_DATEADT(0), buf, &year))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

Datum
ic_report_date_kk_sql(PG_FUNCTION_ARGS)
{
	char		buf[IC_REPORT_DATE_MAXLEN + 32];
	int			year;
	IcKkCase	kcase = ic_kk_case_from_text(PG_GETARG_TEXT_PP(1));
	size_t		len;

	if (!report_date_text(PG_GETARG_DATEADT(0), buf, &year))
		PG_RETURN_NULL();
	len = strlen(buf);
	buf[len++] = '-';
	strlcpy(buf + len, ic_kk_number_ending((int64_t) year, kcase), sizeof(buf) - len);
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}
