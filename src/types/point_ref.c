/*
 * point_ref.c
 *		SQL type point_ref, the number of a point in an act or instruction
 *		("1.42-1.5)"): I/O, binary I/O, comparison, hash, depth(), parent(),
 *		point_ref_subtree_last(), point_ref_subtree_upper().
 *
 * A varlena holding the order-preserving encoding of point_ref_core.c, so
 * comparison is memcmp and equality is byte equality.  The operators @> and
 * <@ are SQL functions over >= and <= point_ref_subtree_last() (see the
 * install script), which the planner inlines into a btree range.
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"

#include "point_ref_core.h"
#include "text_fold_core.h"
#include "encoding.h"
#include "type_support.h"

#define PR_DATA(p)	((const uint8_t *) VARDATA_ANY(p))
#define PR_LEN(p)	((size_t) VARSIZE_ANY_EXHDR(p))

/* Binary format version sent before the canonical text. */
#define POINT_REF_BINARY_VERSION 1

static struct varlena *
make_point_ref(const uint8_t *enc, size_t len)
{
	struct varlena *r = (struct varlena *) palloc(VARHDRSZ + len);

	SET_VARSIZE(r, VARHDRSZ + len);
	memcpy(VARDATA(r), enc, len);
	return r;
}

/* Parse s (server encoding, NUL-terminated) or raise 22P02. */
static struct varlena *
parse_point_ref(const char *s)
{
	size_t		len;
	const char *u = ic_server_to_utf8(s, &len);
	uint8_t		enc[IC_POINT_REF_MAX_ENCODED];
	IcPointRefError err;
	uint32_t	bad = 0;
	size_t		elen = ic_point_ref_parse(u, len, enc, &err, &bad);

	if (elen == 0)
	{
		char		detail[160];

		if (err == IC_PR_BAD_CHAR)
		{
			char		ch[5];
			size_t		chlen = ic_utf8_encode(bad, ch);

			ch[chlen] = '\0';
			snprintf(detail, sizeof(detail),
					 "The character \"%s\" is not part of a point number, which has only digits, '-', ')' and '.'.",
					 pg_any_to_server(ch, (int) chlen, PG_UTF8));
		}
		else
			snprintf(detail, sizeof(detail), "%s", ic_point_ref_error_detail(err));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"", "point_ref", s),
				 errdetail("%s", detail),
				 errhint("%s", ic_server_str("Write dot-separated segments, each a number from 1 with optional -number parts "
						 "and an optional closing ')', e.g. 4, 42-1, 5), 1.42-1.5); spaces and the words "
						 "тармақ, тармақша, тармағы, пункт, подпункт, п., пп. before or after it are ignored."))));
	}
	return make_point_ref(enc, elen);
}

PG_FUNCTION_INFO_V1(ic_point_ref_in);
Datum
ic_point_ref_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(parse_point_ref(PG_GETARG_CSTRING(0)));
}

static char *
format_point_ref(struct varlena *p)
{
	size_t		cap = 4 * PR_LEN(p) + 1;
	char	   *out = palloc(cap);

	if (ic_point_ref_format(PR_DATA(p), PR_LEN(p), out, cap) == 0)
		elog(ERROR, "invalid point_ref value");
	return out;
}

PG_FUNCTION_INFO_V1(ic_point_ref_out);
Datum
ic_point_ref_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(format_point_ref(PG_GETARG_VARLENA_PP(0)));
}

/*
 * Binary form: a version byte (1) and the canonical text, so the wire format
 * does not depend on the storage encoding.
 */
PG_FUNCTION_INFO_V1(ic_point_ref_recv);
Datum
ic_point_ref_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	int			nbytes;
	char	   *s;

	if (version != POINT_REF_BINARY_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported binary point_ref version %d", version),
				 errdetail("Version %d is the only one.", POINT_REF_BINARY_VERSION)));
	s = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	PG_RETURN_POINTER(parse_point_ref(s));
}

PG_FUNCTION_INFO_V1(ic_point_ref_send);
Datum
ic_point_ref_send(PG_FUNCTION_ARGS)
{
	char	   *s = format_point_ref(PG_GETARG_VARLENA_PP(0));
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, POINT_REF_BINARY_VERSION);
	pq_sendtext(&buf, s, strlen(s));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static int
point_ref_cmp_args(FunctionCallInfo fcinfo)
{
	struct varlena *a = PG_GETARG_VARLENA_PP(0);
	struct varlena *b = PG_GETARG_VARLENA_PP(1);
	int			c = ic_point_ref_cmp(PR_DATA(a), PR_LEN(a), PR_DATA(b), PR_LEN(b));

	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	return c;
}

PG_FUNCTION_INFO_V1(ic_point_ref_cmp_sql);
Datum
ic_point_ref_cmp_sql(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(point_ref_cmp_args(fcinfo));
}

#define POINT_REF_COMPARISON(NAME, OP) \
	PG_FUNCTION_INFO_V1(NAME); \
	Datum NAME(PG_FUNCTION_ARGS) \
	{ PG_RETURN_BOOL(point_ref_cmp_args(fcinfo) OP 0); } \
	extern int no_such_variable

POINT_REF_COMPARISON(ic_point_ref_lt, <);
POINT_REF_COMPARISON(ic_point_ref_le, <=);
POINT_REF_COMPARISON(ic_point_ref_eq, ==);
POINT_REF_COMPARISON(ic_point_ref_ne, !=);
POINT_REF_COMPARISON(ic_point_ref_ge, >=);
POINT_REF_COMPARISON(ic_point_ref_gt, >);

/* The encoding is canonical: equal values have equal bytes. */
PG_FUNCTION_INFO_V1(ic_point_ref_hash);
Datum
ic_point_ref_hash(PG_FUNCTION_ARGS)
{
	struct varlena *p = PG_GETARG_VARLENA_PP(0);
	Datum		h = hash_any(PR_DATA(p), (int) PR_LEN(p));

	PG_FREE_IF_COPY(p, 0);
	return h;
}

PG_FUNCTION_INFO_V1(ic_point_ref_hash_extended);
Datum
ic_point_ref_hash_extended(PG_FUNCTION_ARGS)
{
	struct varlena *p = PG_GETARG_VARLENA_PP(0);
	Datum		h = hash_any_extended(PR_DATA(p), (int) PR_LEN(p), PG_GETARG_INT64(1));

	PG_FREE_IF_COPY(p, 0);
	return h;
}

/* a @> b: a is b or an ancestor of b (what the operator's range means). */
PG_FUNCTION_INFO_V1(ic_point_ref_contains_sql);
Datum
ic_point_ref_contains_sql(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_GETARG_VARLENA_PP(0);
	struct varlena *b = PG_GETARG_VARLENA_PP(1);

	PG_RETURN_BOOL(ic_point_ref_contains(PR_DATA(a), PR_LEN(a), PR_DATA(b), PR_LEN(b)));
}

PG_FUNCTION_INFO_V1(ic_point_ref_depth_sql);
Datum
ic_point_ref_depth_sql(PG_FUNCTION_ARGS)
{
	struct varlena *p = PG_GETARG_VARLENA_PP(0);

	PG_RETURN_INT32(ic_point_ref_depth(PR_DATA(p), PR_LEN(p)));
}

/* parent(p): p without its last segment; NULL at depth 1. */
PG_FUNCTION_INFO_V1(ic_point_ref_parent_sql);
Datum
ic_point_ref_parent_sql(PG_FUNCTION_ARGS)
{
	struct varlena *p = PG_GETARG_VARLENA_PP(0);
	size_t		plen = ic_point_ref_parent_len(PR_DATA(p), PR_LEN(p));

	if (plen == 0)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(make_point_ref(PR_DATA(p), plen));
}

/*
 * point_ref_subtree_last(p): the greatest value in p's subtree, so that
 * "ref >= p AND ref <= point_ref_subtree_last(p)" is p's subtree as one
 * btree range, for every p.
 */
PG_FUNCTION_INFO_V1(ic_point_ref_subtree_last_sql);
Datum
ic_point_ref_subtree_last_sql(PG_FUNCTION_ARGS)
{
	struct varlena *p = PG_GETARG_VARLENA_PP(0);
	size_t		len = PR_LEN(p);
	struct varlena *r = (struct varlena *) palloc(VARHDRSZ + len + IC_POINT_REF_MAX_ENCODED);
	size_t		rlen = ic_point_ref_subtree_last(PR_DATA(p), len, (uint8_t *) VARDATA(r));

	SET_VARSIZE(r, VARHDRSZ + rlen);
	PG_RETURN_POINTER(r);
}

/*
 * point_ref_subtree_upper(p): the least value after p and all its
 * sub-points; NULL for the greatest value of all, which nothing follows.
 */
PG_FUNCTION_INFO_V1(ic_point_ref_subtree_upper_sql);
Datum
ic_point_ref_subtree_upper_sql(PG_FUNCTION_ARGS)
{
	struct varlena *p = PG_GETARG_VARLENA_PP(0);
	struct varlena *r = (struct varlena *) palloc(VARHDRSZ + IC_POINT_REF_MAX_ENCODED);
	size_t		rlen = ic_point_ref_subtree_upper(PR_DATA(p), PR_LEN(p), (uint8_t *) VARDATA(r));

	if (rlen == 0)
		PG_RETURN_NULL();
	SET_VARSIZE(r, VARHDRSZ + rlen);
	PG_RETURN_POINTER(r);
}

/* point_ref(integer): the one-segment point number n. */
PG_FUNCTION_INFO_V1(ic_point_ref_from_int);
Datum
ic_point_ref_from_int(PG_FUNCTION_ARGS)
{
	int32		n = PG_GETARG_INT32(0);
	char		buf[16];

	if (n < 1 || n > IC_POINT_REF_MAX_NUMBER)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("point number %d is out of range", n),
				 errdetail("Point numbers are 1 to %d.", IC_POINT_REF_MAX_NUMBER)));
	snprintf(buf, sizeof(buf), "%d", n);
	PG_RETURN_POINTER(parse_point_ref(buf));
}
