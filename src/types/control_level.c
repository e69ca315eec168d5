/*
 * control_level.c
 *		SQL type control_level (R42-1): I/O, binary I/O, comparison, hash,
 *		label().
 *
 * One byte, passed by value: the IcControlLevel number, so the numeric order
 * of the byte is the decree's order PA > Government > central > local >
 * organisation.  Parsing and naming live in control_level_core.c.
 */
#include "postgres.h"

#include "fmgr.h"
#include "libpq/pqformat.h"

#include "control_level_core.h"
#include "encoding.h"
#include "type_support.h"

#define DatumGetControlLevel(d)		((IcControlLevel) (uint8) DatumGetChar(d))
#define PG_GETARG_CONTROL_LEVEL(n)	DatumGetControlLevel(PG_GETARG_DATUM(n))
#define PG_RETURN_CONTROL_LEVEL(v)	PG_RETURN_CHAR((char) (uint8) (v))

PG_FUNCTION_INFO_V1(ic_control_level_in);
Datum
ic_control_level_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);
	size_t		len;
	const char *u = ic_server_to_utf8(s, &len);
	IcControlLevel v;

	if (!ic_control_level_parse(u, len, &v))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"", "control_level", s),
				 errdetail("The value is neither a control level code nor a known Kazakh, Russian or English name of a level (R42-1)."),
				 errhint("%s", ic_server_str("Use a code (pa, government, central, local, organisation) or a name such as "
						 "'Президент Әкімшілігі', 'ПӘ', 'Администрация Президента', 'АП', "
						 "'Үкімет', 'Правительство', 'орталық мемлекеттік орган', "
						 "'центральный государственный орган', 'жергілікті атқарушы орган', "
						 "'местный исполнительный орган', 'акимат'; case and spacing do not matter."))));
	PG_RETURN_CONTROL_LEVEL(v);
}

PG_FUNCTION_INFO_V1(ic_control_level_out);
Datum
ic_control_level_out(PG_FUNCTION_ARGS)
{
	IcControlLevel v = PG_GETARG_CONTROL_LEVEL(0);
	const char *code = ic_control_level_code(v);

	if (code == NULL)
		elog(ERROR, "invalid control_level value %d", (int) v);
	PG_RETURN_CSTRING(pstrdup(code));
}

/* Binary form: the level's number in one byte. */
PG_FUNCTION_INFO_V1(ic_control_level_recv);
Datum
ic_control_level_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			v = pq_getmsgbyte(buf);

	if (!ic_control_level_is_valid(v))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary control_level value %d", v),
				 errdetail("A control level is a byte from %d (organisation) to %d (pa).",
						   IC_LEVEL_MIN, IC_LEVEL_MAX)));
	PG_RETURN_CONTROL_LEVEL(v);
}

PG_FUNCTION_INFO_V1(ic_control_level_send);
Datum
ic_control_level_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, (uint8) PG_GETARG_CONTROL_LEVEL(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

IC_BYTE_TYPE_COMPARISONS(ic_control_level);

PG_FUNCTION_INFO_V1(ic_control_level_label_sql);
Datum
ic_control_level_label_sql(PG_FUNCTION_ARGS)
{
	IcControlLevel v = PG_GETARG_CONTROL_LEVEL(0);
	const char *lang = ic_label_lang(PG_GETARG_TEXT_PP(1));
	const char *label = ic_control_level_label(v, lang);

	if (label == NULL)
		elog(ERROR, "invalid control_level value %d", (int) v);
	PG_RETURN_TEXT_P(ic_utf8_to_text(label));
}
