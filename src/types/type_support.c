/*
 * type_support.c
 *		Encoding conversion and the lang argument for the domain types' glue.
 *
 * The pure cores read and write UTF-8.  A database in another encoding still
 * works: input is converted to UTF-8 before parsing and labels back to the
 * server encoding (Kazakh letters the encoding lacks replaced by their fallback,
 * encoding.c).
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "encoding.h"
#include "text_fold_core.h"
#include "type_support.h"

const char *
ic_server_to_utf8(const char *s, size_t *len)
{
	return ic_to_utf8(s, strlen(s), len);
}

text *
ic_utf8_to_text(const char *s)
{
	return cstring_to_text(ic_server_str(s));
}

const char *
ic_label_lang(text *lang)
{
	char	   *s = text_to_cstring(lang);

	switch (ic_lang_parse(s, strlen(s)))
	{
		case IC_LANG_KK:
			return "kk";
		case IC_LANG_RU:
			return "ru";
		case IC_LANG_EN:
			return "en";
		case IC_LANG_INVALID:
			break;
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown label language: \"%s\"", s),
			 errhint("Use kk (Kazakh), ru (Russian) or en (English).")));
	return NULL;				/* not reached */
}
