/*
 * kk_case.c
 *		kk_number_ending(n, grammatical_case): the Kazakh case ending a number
 *		in digits takes, for the forms' Kazakh text ("11.03.2025-тен бастап
 *		02.06.2025-ке дейін").  The rule is in kk_case_core.c.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "kk_case.h"

PG_FUNCTION_INFO_V1(ic_kk_number_ending_sql);

/* ablative or dative, as SQL names them; another name raises 22023 */
IcKkCase
ic_kk_case_from_text(text *which_text)
{
	char	   *which = text_to_cstring(which_text);

	if (strcmp(which, "ablative") == 0)
		return IC_KK_ABLATIVE;
	if (strcmp(which, "dative") == 0)
		return IC_KK_DATIVE;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown Kazakh case \"%s\"", which),
			 errhint("Give ablative (-дан/-ден/-тан/-тен/-нан/-нен) or dative (-ға/-ге/-қа/-ке).")));
	return IC_KK_ABLATIVE;		/* keep the compiler quiet */
}

Datum
ic_kk_number_ending_sql(PG_FUNCTION_ARGS)
{
	int64		n = PG_GETARG_INT64(0);
	IcKkCase	kcase = ic_kk_case_from_text(PG_GETARG_TEXT_PP(1));

	PG_RETURN_TEXT_P(cstring_to_text(ic_kk_number_ending((int64_t) n, kcase)));
}
