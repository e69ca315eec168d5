/*
 * code_core.c
 *		Validation of short codes (calendar codes, ...).
 *
 * Codes end up in settings and in messages, so they are kept to a plain ASCII
 * alphabet that needs no quoting anywhere.
 */
#include "code_core.h"

static bool
is_code_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		(c >= '0' && c <= '9') || c == '_';
}

bool
ic_code_is_valid(const char *s, size_t maxlen)
{
	size_t		len = 0;

	if (s == NULL)
		return false;
	for (; s[len] != '\0'; len++)
	{
		if (len >= maxlen || !is_code_char(s[len]))
			return false;
	}
	return len > 0;
}
