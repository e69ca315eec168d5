/*
 * text_limit.c
 *		The documented length limits of the registry's text columns (issue 16,
 *		item 8): text_limit_ok(value, class, column), the one function every
 *		text column's CHECK constraint calls.
 *
 * The idea: a limit is a class, not a number written at each column --
 * 'free_text' (a basis, a reason, an instruction's content, a report) or
 * 'name' (names, codes and references: external_ref, paper_card_ref, ...).
 * The numbers live here and in README.md ("Limits of text").  A value is
 * judged on its stored size first, without detoasting it: a 100 MB basis is
 * refused in constant time, and only a value near the limit has its
 * characters counted.
 */
#include "postgres.h"

#include "access/detoast.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"

/* The limits, in characters (README.md, Limits of text). */
#define IC_TEXT_MAX_FREE	10000
#define IC_TEXT_MAX_NAME	500
/* at most this many elements in a text array (evidence codes) */
#define IC_TEXT_MAX_ELEMENTS 100

static int
limit_of(text *class_name)
{
	char	   *c = text_to_cstring(class_name);

	if (strcmp(c, "free_text") == 0)
		return IC_TEXT_MAX_FREE;
	if (strcmp(c, "name") == 0)
		return IC_TEXT_MAX_NAME;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown class of text limit \"%s\"", c),
			 errhint("The classes are free_text (%d characters) and name (%d characters).",
					 IC_TEXT_MAX_FREE, IC_TEXT_MAX_NAME)));
	return 0;					/* not reached */
}

static void
refuse(const char *column, int limit, const char *how_long)
{
	ereport(ERROR,
			(errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
			 errmsg("value too long for %s: at most %d characters", column, limit),
			 errdetail("The value has %s.", how_long),
			 errhint("Free text (a basis, a reason, content, a report) holds at most %d characters, names, codes and references at most %d; give a reference to a longer document instead.",
					 IC_TEXT_MAX_FREE, IC_TEXT_MAX_NAME)));
}

/* Refuse d (a text datum, maybe toasted) longer than limit characters. */
static void
check_one(Datum d, int limit, const char *column)
{
	Size		bytes = toast_raw_datum_size(d) - VARHDRSZ;
	text	   *t;
	int			chars;

	if (bytes <= (Size) limit)
		return;					/* a character is at least a byte */
	if (bytes > (Size) limit * pg_database_encoding_max_length())
		refuse(column, limit, psprintf("%zu bytes", bytes));
	t = DatumGetTextPP(d);
	chars = pg_mbstrlen_with_len(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
	if (chars > limit)
		refuse(column, limit, psprintf("%d characters", chars));
}

PG_FUNCTION_INFO_V1(ic_text_limit_ok);

/*
 * text_limit_ok(value text, class text, column text) -> true, or 22001 with
 * the limit in errmsg and HINT.  STRICT: NULL is within every limit.
 */
Datum
ic_text_limit_ok(PG_FUNCTION_ARGS)
{
	check_one(PG_GETARG_DATUM(0), limit_of(PG_GETARG_TEXT_PP(1)),
			  text_to_cstring(PG_GETARG_TEXT_PP(2)));
	PG_RETURN_BOOL(true);
}

PG_FUNCTION_INFO_V1(ic_text_array_limit_ok);

/* The same for a text[]: at most IC_TEXT_MAX_ELEMENTS elements, each within the class. */
Datum
ic_text_array_limit_ok(PG_FUNCTION_ARGS)
{
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(0);
	int			limit = limit_of(PG_GETARG_TEXT_PP(1));
	char	   *column = text_to_cstring(PG_GETARG_TEXT_PP(2));
	int			n = ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr));
	Datum	   *elems;
	bool	   *nulls;

	if (n > IC_TEXT_MAX_ELEMENTS)
		ereport(ERROR,
				(errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
				 errmsg("too many elements for %s: at most %d", column, IC_TEXT_MAX_ELEMENTS),
				 errdetail("The array has %d elements.", n),
				 errhint("A list of codes holds at most %d elements of at most %d characters each.",
						 IC_TEXT_MAX_ELEMENTS, limit)));
	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	for (int i = 0; i < n; i++)
		if (!nulls[i])
			check_one(elems[i], limit, column);
	PG_RETURN_BOOL(true);
}
