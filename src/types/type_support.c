/*
 * type_support.c
 *		Encoding conversion and the lang argument for the domain types' glue.
 *
 * The pure cores read and write UTF-8.  A database in another encoding still
 * works: input is converted to UTF-8 before parsing and labels back to the
 * server encoding (an error if a label's letters cannot be represented there).
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "text_fold_core.h"
#include "type_support.h"

const char *
ic_server_to_utf8(const char *s, size_t *len)
{
	size_t		slen = strlen(s);
	char	   *u;

	if (GetDatabaseEncoding() == PG_UTF8 || GetDatabaseEncoding() == PG_SQL_ASCII)
	{
		*len = slen;
		return s;
	}
	u = pg_server_to_any(s, (int) slen, PG_UTF8);
	*len = strlen(u);
	return u;
}

text *
ic_utf8_to_text(const char *s)
{
	size_t		len = strlen(s);
	char	   *conv = pg_any_to_server(s, (int) len, PG_UTF8);

	return cstring_to_text(conv);
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
