/*
 * report_point.c
 *		point_sort_key(point_ref): a plain-text key that sorts point numbers in
 *		their natural order, for BI tools that cannot read the point_ref type.
 *
 * A point_ref is stored in an order-preserving encoding (point_ref_core.c):
 * two points compare as memcmp of their bytes.  Written as lower-case hex,
 * two hex digits per byte, the bytes keep that order as text compared byte by
 * byte (COLLATE "C"), a shorter prefix first.  So the key needs no parsing:
 * it is the encoding, spelt in characters every client can read.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(ic_point_sort_key);

Datum
ic_point_sort_key(PG_FUNCTION_ARGS)
{
	struct varlena *p = PG_GETARG_VARLENA_PP(0);
	const unsigned char *src = (const unsigned char *) VARDATA_ANY(p);
	size_t		len = VARSIZE_ANY_EXHDR(p);
	static const char hex[] = "0123456789abcdef";
	text	   *result = (text *) palloc(VARHDRSZ + 2 * len);
	char	   *dst = VARDATA(result);
	size_t		i;

	for (i = 0; i < len; i++)
	{
		dst[2 * i] = hex[src[i] >> 4];
		dst[2 * i + 1] = hex[src[i] & 0x0f];
	}
	SET_VARSIZE(result, VARHDRSZ + 2 * len);
	PG_RETURN_TEXT_P(result);
}
