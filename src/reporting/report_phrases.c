/*
 * report_phrases.c
 *		The aggregate report_phrases(seq, phrase): Appendix 8's phrases of an
 *		instruction's decisions, joined by a space in the order of the
 *		journal (seq) whatever order they came in.  Its state is a bag of
 *		pieces (report_phrases_core.c) that two parallel workers' bags make
 *		by bytea's ||, so the form folds the journal in the workers (issue 19:
 *		string_agg with ORDER BY has no partial mode, and kept the fold in one
 *		process).
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "report_phrases_core.h"

PG_FUNCTION_INFO_V1(ic_report_phrases_add);
PG_FUNCTION_INFO_V1(ic_report_phrases_join);

/*
 * report_phrases_add(state bytea, seq integer, phrase text): the state with
 * the phrase as one more piece; a NULL phrase or seq adds nothing.
 */
Datum
ic_report_phrases_add(PG_FUNCTION_ARGS)
{
	bytea	   *state = PG_ARGISNULL(0) ? NULL : PG_GETARG_BYTEA_PP(0);
	text	   *phrase;
	size_t		old_size,
				len;
	bytea	   *result;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (state == NULL)
			PG_RETURN_NULL();
		PG_RETURN_BYTEA_P(state);
	}
	phrase = PG_GETARG_TEXT_PP(2);
	old_size = state == NULL ? 0 : VARSIZE_ANY_EXHDR(state);
	len = VARSIZE_ANY_EXHDR(phrase);
	if (old_size + IC_PHRASE_HEADER + len > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("the phrases of one row exceed the largest text PostgreSQL holds")));
	result = (bytea *) palloc(VARHDRSZ + old_size + IC_PHRASE_HEADER + len);
	SET_VARSIZE(result, VARHDRSZ + old_size + IC_PHRASE_HEADER + len);
	if (old_size > 0)
		memcpy(VARDATA(result), VARDATA_ANY(state), old_size);
	ic_phrase_put(VARDATA(result) + old_size, PG_GETARG_INT32(1), VARDATA_ANY(phrase), (uint32) len);
	PG_RETURN_BYTEA_P(result);
}

/*
 * report_phrases_join(state bytea): the pieces' texts in the order of their
 * seq, joined by a space.  The state may come from a direct call: a bag
 * that is not whole pieces, or text not in the database's encoding, is
 * refused.
 */
Datum
ic_report_phrases_join(PG_FUNCTION_ARGS)
{
	bytea	   *state = PG_GETARG_BYTEA_PP(0);
	const char *bag = VARDATA_ANY(state);
	size_t		size = VARSIZE_ANY_EXHDR(state);
	long		n = ic_phrase_read(bag, size, NULL, 0);
	IcPhrase   *pieces;
	text	   *result;
	size_t		len;

	if (n < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("not a state of the aggregate report_phrases"),
				 errhint("report_phrases_join() finishes report_phrases(seq, phrase); call the aggregate.")));
	if (n == 0)
		PG_RETURN_NULL();
	pieces = (IcPhrase *) palloc(sizeof(IcPhrase) * n);
	(void) ic_phrase_read(bag, size, pieces, n);
	ic_phrase_sort(pieces, n);
	/* the texts and a space between two: no longer than the bag */
	result = (text *) palloc(VARHDRSZ + size);
	len = ic_phrase_join(pieces, n, ' ', VARDATA(result));
	SET_VARSIZE(result, VARHDRSZ + len);
	(void) pg_verifymbstr(VARDATA(result), (int) len, false);
	pfree(pieces);
	PG_RETURN_TEXT_P(result);
}
