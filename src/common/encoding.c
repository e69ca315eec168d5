/*
 * encoding.c
 *		The extension in a database whose encoding is not UTF-8: conversion
 *		of input to UTF-8 for the pure cores, of their UTF-8 texts back to the
 *		server encoding with the Kazakh fallback, and unicode_text(), through
 *		which the ASCII install script writes its Kazakh and Russian texts.
 *
 * The idea: everything the extension ships is UTF-8; what a server encoding
 * cannot hold is replaced one character at a time (encoding_core.c), so
 * CREATE EXTENSION, label() and the forms never fail and never store mojibake.
 * In a UTF-8 (or SQL_ASCII) database the bytes pass unchanged.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "encoding.h"
#include "encoding_core.h"
#include "text_fold_core.h"

/* The conversion function from UTF-8 to the database's encoding (fixed per backend). */
static Oid	utf8_to_server_proc = InvalidOid;

static bool
server_is_utf8_like(void)
{
	int			enc = GetDatabaseEncoding();

	return enc == PG_UTF8 || enc == PG_SQL_ASCII;
}

const char *
ic_to_utf8(const char *s, size_t len, size_t *outlen)
{
	char	   *u;

	if (server_is_utf8_like())
	{
		*outlen = len;
		return s;
	}
	u = pg_server_to_any(s, (int) len, PG_UTF8);
	if (u == s)
		u = pnstrdup(s, len);
	*outlen = strlen(u);
	return u;
}

/*
 * Convert the UTF-8 bytes src[0..len) into out as far as the encoding allows;
 * returns the number of bytes of src converted.
 */
static int
convert_prefix(const char *src, int len, StringInfo out)
{
	int			consumed;

	enlargeStringInfo(out, len * MAX_CONVERSION_GROWTH + 1);
	consumed = pg_do_encoding_conversion_buf(utf8_to_server_proc, PG_UTF8, GetDatabaseEncoding(),
											 (unsigned char *) src, len,
											 (unsigned char *) out->data + out->len,
											 out->maxlen - out->len, true);
	out->len += strlen(out->data + out->len);
	return consumed;
}

char *
ic_from_utf8(const char *s, size_t len)
{
	StringInfoData out;
	size_t		pos = 0;

	if (server_is_utf8_like())
	{
		pg_verify_mbstr(PG_UTF8, s, (int) len, false);
		return pnstrdup(s, len);
	}
	if (!OidIsValid(utf8_to_server_proc))
	{
		utf8_to_server_proc = FindDefaultConversionProc(PG_UTF8, GetDatabaseEncoding());
		if (!OidIsValid(utf8_to_server_proc))
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_FUNCTION),
					 errmsg("no conversion from UTF8 to %s", GetDatabaseEncodingName())));
	}
	initStringInfo(&out);
	while (pos < len)
	{
		uint32_t	c;
		uint32_t	f;
		size_t		n;

		CHECK_FOR_INTERRUPTS();	/* a character at a time where the encoding lacks many */
		pos += convert_prefix(s + pos, (int) (len - pos), &out);
		if (pos >= len)
			break;
		/* s[pos] is a character the encoding lacks */
		n = ic_utf8_decode(s + pos, len - pos, &c);
		if (n == 0)
			ereport(ERROR,
					(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
					 errmsg("invalid UTF-8 text in instruction_control")));
		f = ic_kk_fallback(c);
		if (f != 0)
		{
			char		enc[4];
			size_t		m = ic_utf8_encode(f, enc);
			int			before = out.len;

			if ((size_t) convert_prefix(enc, (int) m, &out) != m)
			{
				out.len = before;
				out.data[before] = '\0';
				appendStringInfoChar(&out, '?');
			}
		}
		else
			appendStringInfoChar(&out, '?');
		pos += n;
	}
	return out.data;
}

char *
ic_server_str(const char *utf8)
{
	return ic_from_utf8(utf8, strlen(utf8));
}

/*
 * unicode_text(escaped text) -> text: the install script's ASCII form of a
 * UTF-8 literal (escapes of U&'' strings: \XXXX, \+XXXXXX, \\) as text in the
 * server encoding, Kazakh letters the encoding lacks replaced by their
 * fallback.  IMMUTABLE: a database's encoding never changes.
 */
PG_FUNCTION_INFO_V1(ic_unicode_text);
Datum
ic_unicode_text(PG_FUNCTION_ARGS)
{
	text	   *arg = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(arg);
	size_t		len = VARSIZE_ANY_EXHDR(arg);
	char	   *utf8 = palloc(len + 1);
	long		n = ic_unescape_unicode(s, len, utf8, len + 1);

	if (n < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_ESCAPE_SEQUENCE),
				 errmsg("invalid Unicode escape in \"%s\"", text_to_cstring(arg)),
				 errdetail("The text is ASCII with \\XXXX, \\+XXXXXX or \\\\ escapes, as in U&'' strings.")));
	PG_RETURN_TEXT_P(cstring_to_text(ic_from_utf8(utf8, (size_t) n)));
}

bool
ic_text_is_blank(const char *s)
{
	size_t		len;

	if (s == NULL)
		return true;
	return ic_utf8_is_blank(ic_to_utf8(s, strlen(s), &len));
}

PG_FUNCTION_INFO_V1(ic_is_blank);

/*
 * instruction_control.is_blank(text): ic_text_is_blank() for SQL -- a basis
 * made of white space is no basis, for the calendar's functions as for
 * decisions (IC114).
 */
Datum
ic_is_blank(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_BOOL(true);
	PG_RETURN_BOOL(ic_text_is_blank(text_to_cstring(PG_GETARG_TEXT_PP(0))));
}
