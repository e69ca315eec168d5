/*
 * encoding_core.h
 *		What the extension needs to live in a database whose encoding is not
 *		UTF-8: the nearest letter for the Kazakh letters other encodings lack,
 *		and the decoding of the ASCII form the install script carries its
 *		Kazakh and Russian texts in.  Pure C: no PostgreSQL headers.
 *
 * The sources (the files of sql/src, the C cores) are UTF-8.  The install script is
 * made pure ASCII at build time (scripts/sql_ascii.pl): every string literal
 * with other characters is written as unicode_text('...') whose argument uses
 * the escapes of PostgreSQL's U&'' strings (\XXXX, \+XXXXXX, \\).  At install
 * time unicode_text() turns it back into UTF-8 (ic_unescape_unicode) and then
 * into the server encoding; a character the encoding lacks becomes its
 * fallback (ic_kk_fallback), and '?' when even that is missing.
 */
#ifndef IC_ENCODING_CORE_H
#define IC_ENCODING_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * The fallback of a letter of the Kazakh alphabet missing from the Russian
 * one: ә→а, ғ→г, қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х and their capitals; і→i
 * (Latin, for encodings without Ukrainian і, such as KOI8-R).  0 when c has
 * no fallback.
 */
extern uint32_t ic_kk_fallback(uint32_t c);

/*
 * Decode the U&''-style escapes of s[0..len) into UTF-8: "\XXXX" (4 hex
 * digits), "\+XXXXXX" (6 hex digits), "\\" (one backslash); any other byte
 * is copied.  out has room for outcap bytes (len + 1 always suffices); the
 * result is NUL-terminated.  Returns its length, or -1 for a bad escape (too
 * few hex digits, a surrogate, past U+10FFFF, U+0000), a NUL or non-ASCII
 * byte in s, or too small an out.
 */
extern long ic_unescape_unicode(const char *s, size_t len, char *out, size_t outcap);

/*
 * The inverse, for tests and tools: s (UTF-8) with every non-ASCII character
 * and every backslash escaped.  Returns the length written (NUL-terminated),
 * or -1 when s is not valid UTF-8 or out is too small (6 * len + 1 always
 * suffices).
 */
extern long ic_escape_unicode(const char *s, size_t len, char *out, size_t outcap);

/*
 * s (UTF-8) with the Kazakh fallback applied to every character, as a
 * database in WIN1251 stores it.  Returns the length written (NUL-terminated;
 * len + 1 suffices), or -1 when s is not valid UTF-8 or out is too small.
 */
extern long ic_kk_fallback_utf8(const char *s, size_t len, char *out, size_t outcap);

#endif							/* IC_ENCODING_CORE_H */
