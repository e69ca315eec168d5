/*
 * text_fold_core.h
 *		Case folding and whitespace normalisation of UTF-8 input, and lookup of
 *		folded words in a table of synonyms.  Pure C: no PostgreSQL headers.
 *
 * The domain types accept the words a DBA finds in a Kazakh or Russian host
 * registry, so their input is compared after folding: Latin and Cyrillic
 * letters (Kazakh ә ғ қ ң ө ұ ү һ і included) to lower case, leading and
 * trailing whitespace dropped, inner runs of whitespace made one space, and
 * the typographic hyphens and minus sign made an ASCII '-'.  The mapping is
 * our own and deliberately small: it does not depend on the server's locale.
 */
#ifndef IC_TEXT_FOLD_CORE_H
#define IC_TEXT_FOLD_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Longest folded input a keyword type looks at (longer input is invalid). */
#define IC_FOLD_MAXLEN 256

/* Flags of ic_text_fold */
#define IC_FOLD_UNDERSCORE_AS_SPACE	0x01	/* 'act_point' folds like 'act point' */

/*
 * Fold len bytes of s into out (capacity outcap, NUL-terminated) and store
 * the folded length in *outlen.  False when s is not valid UTF-8 or the
 * result (with its NUL) does not fit.
 */
extern bool ic_text_fold(const char *s, size_t len, int flags,
						 char *out, size_t outcap, size_t *outlen);

/* True for the code points folding treats as whitespace. */
extern bool ic_is_space_codepoint(uint32_t c);

/* NULL, empty, or no visible character (unicode_core.h); invalid UTF-8 is not blank. */
extern bool ic_utf8_is_blank(const char *s);

/* Lower case of one code point, by the extension's own small mapping. */
extern uint32_t ic_fold_codepoint(uint32_t c);

/*
 * Decode one UTF-8 character of s[0..len): store the code point in *cp and
 * return its length in bytes, or 0 when the bytes there are not valid UTF-8
 * (overlong forms, surrogates and values past U+10FFFF are invalid).
 */
extern size_t ic_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encode cp into out (at least 4 bytes); returns the length. */
extern size_t ic_utf8_encode(uint32_t cp, char *out);

/* A synonym: a folded word and the enum value it stands for. */
typedef struct IcKeyword
{
	const char *word;			/* already folded (ic_keyword_table_check) */
	int			value;
}			IcKeyword;

/*
 * Fold s (with IC_FOLD_UNDERSCORE_AS_SPACE) and look it up in table; a word
 * written with the Kazakh fallback letters (encoding_core.h: ә→а, қ→к, ...)
 * matches too.  Returns the value, or 0 when the input is invalid or no word
 * matches.
 */
extern int	ic_keyword_parse(const IcKeyword *table, size_t n,
							 const char *s, size_t len);

/*
 * Check a synonym table: every word is non-empty and equal to its own
 * folding (or it could never match), no word appears twice, and no two words
 * of different values have the same Kazakh fallback spelling.  Returns the
 * index of the first bad entry, or -1 when the table is sound.
 */
extern long ic_keyword_table_check(const IcKeyword *table, size_t n);

/* Languages of labels */
typedef enum IcLang
{
	IC_LANG_INVALID = -1,
	IC_LANG_KK = 0,
	IC_LANG_RU = 1,
	IC_LANG_EN = 2
} IcLang;

/* "kk", "ru", "en" (ASCII case-insensitive, surrounding spaces ignored). */
extern IcLang ic_lang_parse(const char *s, size_t len);

#endif							/* IC_TEXT_FOLD_CORE_H */
