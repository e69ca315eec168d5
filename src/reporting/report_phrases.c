/*
 * report_phrases.c
 *		The aggregate report_phrases(seq, phrase): Appendix 8's phrases of an
 *		instruction's decisions, joined by a space in the order of the
 *		journal (seq) whatever order they came in.  Its state is a bag of
 *		pieces (report_phrases_core.c) kept in the aggregate's memory and
 *		grown in place; two bags joined byte by byte are a bag, so the
 *		aggregate has a partial mode (combine, serialize, deserialize) and the
 *		form folds the journal in its parallel workers (issue 19: string_agg
 *		with ORDER BY has none, and kept the fold in one process).
 */
#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "report_phrases_core.h"

PG_FUNCTION_INFO_V1(ic_report_phrases_add);
PG_FUNCTION_INFO_V1(ic_report_phrases_combine);
PG_FUNCTION_INFO_V1(ic_report_phrases_serialize);
PG_FUNCTION_INFO_V1(ic_report_phrases_deserialize);
PG_FUNCTION_INFO_V1(ic_report_phrases_final);

/* the aggregate's memory; its functions run nowhere else */
static MemoryContext
phrases_context(FunctionCallInfo fcinfo, const char *function)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "%s called in non-aggregate context", function);
	return aggcontext;
}

/* an empty bag in the aggregate's memory */
static StringInfo
phrases_new(MemoryContext aggcontext)
{
	MemoryContext old = MemoryContextSwitchTo(aggcontext);
	StringInfo	bag = makeStringInfo();

	MemoryContextSwitchTo(old);
	return bag;
}

/*
 * Room for len more bytes in a bag, refusing a bag past what a text value
 * may hold (the final function writes it as one).
 */
static void
phrases_reserve(StringInfo bag, size_t len)
{
	if (len > (size_t) (MaxAllocSize - VARHDRSZ) - (size_t) bag->len - 1)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("the phrases of one row exceed the largest text PostgreSQL holds")));
	enlargeStringInfo(bag, (int) len);
}

/*
 * report_phrases_add(state internal, seq integer, phrase text): the phrase as
 * one more piece of the bag; a NULL phrase or seq adds nothing.
 */
Datum
ic_report_phrases_add(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = phrases_context(fcinfo, "report_phrases_add");
	StringInfo	bag = PG_ARGISNULL(0) ? NULL : (StringInfo) PG_GETARG_POINTER(0);
	text	   *phrase;
	size_t		len;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (bag == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(bag);
	}
	if (bag == NULL)
		bag = phrases_new(aggcontext);
	phrase = PG_GETARG_TEXT_PP(2);
	len = VARSIZE_ANY_EXHDR(phrase);
	phrases_reserve(bag, IC_PHRASE_HEADER + len);
	bag->len += (int) ic_phrase_put(bag->data + bag->len, PG_GETARG_INT32(1), VARDATA_ANY(phrase), (uint32) len);
	bag->data[bag->len] = '\0';
	PG_RETURN_POINTER(bag);
}

/*
 * report_phrases_combine(state internal, other internal): the two bags as
 * one (the parallel workers' shares).
 */
Datum
ic_report_phrases_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = phrases_context(fcinfo, "report_phrases_combine");
	StringInfo	bag = PG_ARGISNULL(0) ? NULL : (StringInfo) PG_GETARG_POINTER(0);
	StringInfo	other = PG_ARGISNULL(1) ? NULL : (StringInfo) PG_GETARG_POINTER(1);

	if (other == NULL || other->len == 0)
	{
		if (bag == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(bag);
	}
	if (bag == NULL)
		bag = phrases_new(aggcontext);
	phrases_reserve(bag, (size_t) other->len);
	appendBinaryStringInfoNT(bag, other->data, other->len);
	PG_RETURN_POINTER(bag);
}

/* report_phrases_serialize(state internal): the bag as bytea */
Datum
ic_report_phrases_serialize(PG_FUNCTION_ARGS)
{
	StringInfo	bag;
	bytea	   *result;

	(void) phrases_context(fcinfo, "report_phrases_serialize");
	bag = (StringInfo) PG_GETARG_POINTER(0);
	result = (bytea *) palloc(VARHDRSZ + bag->len);
	SET_VARSIZE(result, VARHDRSZ + bag->len);
	memcpy(VARDATA(result), bag->data, bag->len);
	PG_RETURN_BYTEA_P(result);
}

/*
 * report_phrases_deserialize(bytes bytea, internal): the bag again, in the
 * aggregate's memory.  Not read here: the final function reads every bag
 * within its bounds and refuses one that is not whole pieces.
 */
Datum
ic_report_phrases_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = phrases_context(fcinfo, "report_phrases_deserialize");
	bytea	   *bytes = PG_GETARG_BYTEA_PP(0);
	size_t		size = VARSIZE_ANY_EXHDR(bytes);
	StringInfo	bag;

	bag = phrases_new(aggcontext);
	phrases_reserve(bag, size);
	appendBinaryStringInfoNT(bag, VARDATA_ANY(bytes), (int) size);
	PG_RETURN_POINTER(bag);
}

/*
 * report_phrases_final(state internal): the pieces' texts in the order of
 * their seq, joined by a space; NULL without a piece.  The one reader of a
 * bag's bytes: a bag that is not whole pieces (bytes a worker passed cut
 * short) is refused here.
 */
Datum
ic_report_phrases_final(PG_FUNCTION_ARGS)
{
	StringInfo	bag;
	long		n;
	IcPhrase   *pieces;
	text	   *result;
	size_t		len;

	(void) phrases_context(fcinfo, "report_phrases_final");
	bag = PG_ARGISNULL(0) ? NULL : (StringInfo) PG_GETARG_POINTER(0);
	if (bag == NULL || bag->len == 0)
		PG_RETURN_NULL();
	n = ic_phrase_read(bag->data, (size_t) bag->len, NULL, 0);
	if (n < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("not a state of the aggregate report_phrases")));
	pieces = (IcPhrase *) palloc_extended(sizeof(IcPhrase) * (size_t) n, MCXT_ALLOC_HUGE);
	(void) ic_phrase_read(bag->data, (size_t) bag->len, pieces, n);
	ic_phrase_sort(pieces, n);
	/* the texts and a space between two: no longer than the bag */
	result = (text *) palloc(VARHDRSZ + bag->len);
	len = ic_phrase_join(pieces, n, ' ', VARDATA(result));
	SET_VARSIZE(result, VARHDRSZ + len);
	/* each phrase came as text of this database: a piece cut short would not */
	(void) pg_verifymbstr(VARDATA(result), (int) len, false);
	pfree(pieces);
	PG_RETURN_TEXT_P(result);
}
