/*
 * encoding.h
 *		Conversion between the server encoding and the UTF-8 the pure cores
 *		read and write, with the Kazakh fallback of encoding_core.c for the
 *		letters a server encoding such as WIN1251 lacks.
 */
#ifndef IC_ENCODING_H
#define IC_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

/*
 * s[0..len) (server encoding) as UTF-8, NUL-terminated; *outlen is set to
 * its length.  Returns s itself when no conversion is needed (the server
 * encoding is UTF-8 or SQL_ASCII), a palloc'd string otherwise.
 */
extern const char *ic_to_utf8(const char *s, size_t len, size_t *outlen);

/*
 * s[0..len) (UTF-8) in the server encoding, palloc'd and NUL-terminated.
 * Never fails on a character the encoding lacks: it becomes its fallback
 * (Kazakh ә→а, қ→к, ...), or '?' when the encoding lacks that too.  s must be
 * valid UTF-8 (an error otherwise).
 */
extern char *ic_from_utf8(const char *s, size_t len);

/*
 * NULL, empty or white space only (Unicode spaces too: U+00A0, U+2000-U+200B,
 * U+3000, U+FEFF), s in the server encoding: no basis, no reason.
 */
extern bool ic_text_is_blank(const char *s);

/* NUL-terminated shorthand of ic_from_utf8, e.g. for errhint("%s", ...). */
extern char *ic_server_str(const char *utf8);

#endif							/* IC_ENCODING_H */
