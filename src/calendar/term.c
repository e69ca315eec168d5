/*
 * term.c
 *		The SQL type term: input/output, binary send/receive, comparison,
 *		hashing and accessors, over the pure parser of term_core.c.
 *
 * A term is 8 bytes (count, unit), passed by reference.  Equality is exact:
 * '2 weeks' and '14 days' are different terms (they give the same deadline,
 * but a term records what the act said).  The btree order is by unit, then
 * by count.
 */
#include "postgres.h"

#include "fmgr.h"
#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "encoding.h"
#include "term.h"

StaticAssertDecl(sizeof(IcTerm) == 8, "a term is stored in 8 bytes");

PG_FUNCTION_INFO_V1(ic_sql_term_in);
PG_FUNCTION_INFO_V1(ic_sql_term_out);
PG_FUNCTION_INFO_V1(ic_sql_term_recv);
PG_FUNCTION_INFO_V1(ic_sql_term_send);
PG_FUNCTION_INFO_V1(ic_sql_term_cmp);
PG_FUNCTION_INFO_V1(ic_sql_term_eq);
PG_FUNCTION_INFO_V1(ic_sql_term_ne);
PG_FUNCTION_INFO_V1(ic_sql_term_lt);
PG_FUNCTION_INFO_V1(ic_sql_term_le);
PG_FUNCTION_INFO_V1(ic_sql_term_gt);
PG_FUNCTION_INFO_V1(ic_sql_term_ge);
PG_FUNCTION_INFO_V1(ic_sql_term_hash);
PG_FUNCTION_INFO_V1(ic_sql_term_count);
PG_FUNCTION_INFO_V1(ic_sql_term_unit);

#define TERM_HINT "A term is a whole number from 1 to 10000 followed by a unit: " \
	"working days ('10 working days', '10 wd', '10 жұмыс күні', '10 рабочих дней'), " \
	"days ('14 days', '14 күн', '14 дней'), weeks ('2 weeks', '2 апта', '2 недели') " \
	"or months ('6 months', '6 ай', '6 месяцев')."

Datum
ic_sql_term_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	IcTerm	   *t = palloc(sizeof(IcTerm));
	size_t		len;
	const char *u = ic_to_utf8(str, strlen(str), &len);	/* the parser reads UTF-8 */
	IcTermError err = ic_term_parse(u, len, t);

	if (err != IC_TERM_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"", "term", str),
				 errdetail("%s", ic_term_error_text(err)),
				 errhint("%s", ic_server_str(TERM_HINT))));
	PG_RETURN_IC_TERM_P(t);
}

Datum
ic_sql_term_out(PG_FUNCTION_ARGS)
{
	const IcTerm *t = PG_GETARG_IC_TERM_P(0);
	char	   *buf = palloc(IC_TERM_TEXT_MAX);

	ic_term_format(t, buf, IC_TERM_TEXT_MAX);
	PG_RETURN_CSTRING(buf);
}

/* Binary form: int32 count, int32 unit (0 working days, 1 days, 2 weeks, 3 months). */
Datum
ic_sql_term_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	IcTerm	   *t = palloc(sizeof(IcTerm));

	t->count = pq_getmsgint(buf, 4);
	t->unit = (IcTermUnit) pq_getmsgint(buf, 4);
	if (!ic_term_is_valid(t))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external term value"),
				 errdetail("The count is %d and the unit code %d.", (int) t->count, (int) t->unit),
				 errhint("The count is 1 to %d; the unit code is 0 (working days), 1 (days), 2 (weeks) or 3 (months).",
						 IC_TERM_MAX_COUNT)));
	PG_RETURN_IC_TERM_P(t);
}

Datum
ic_sql_term_send(PG_FUNCTION_ARGS)
{
	const IcTerm *t = PG_GETARG_IC_TERM_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint32(&buf, t->count);
	pq_sendint32(&buf, (int32) t->unit);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

#define TERM_CMP() ic_term_cmp(PG_GETARG_IC_TERM_P(0), PG_GETARG_IC_TERM_P(1))

Datum
ic_sql_term_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(TERM_CMP());
}

Datum
ic_sql_term_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(TERM_CMP() == 0);
}

Datum
ic_sql_term_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(TERM_CMP() != 0);
}

Datum
ic_sql_term_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(TERM_CMP() < 0);
}

Datum
ic_sql_term_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(TERM_CMP() <= 0);
}

Datum
ic_sql_term_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(TERM_CMP() > 0);
}

Datum
ic_sql_term_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(TERM_CMP() >= 0);
}

Datum
ic_sql_term_hash(PG_FUNCTION_ARGS)
{
	const IcTerm *t = PG_GETARG_IC_TERM_P(0);

	PG_RETURN_UINT32(hash_bytes_uint32(((uint32) t->unit << 16) ^ (uint32) t->count));
}

Datum
ic_sql_term_count(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_IC_TERM_P(0)->count);
}

Datum
ic_sql_term_unit(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(ic_term_unit_name(PG_GETARG_IC_TERM_P(0)->unit)));
}
