/*
 * point_ref_core.h
 *		The number of a point inside an act or instruction ("1.42-1.5)"):
 *		parsing, canonical text, order, ancestry.  Pure C: no PostgreSQL headers.
 *
 * The one idea: a point number is stored as an order-preserving byte string,
 * so that comparing two values is memcmp, a point's ancestors are byte
 * prefixes of it, and p with all its sub-points is one btree range
 * [p, ic_point_ref_subtree_last(p)].
 *
 * Text: dot-separated segments; a segment is a number, optionally followed by
 * "-number" parts (42-1, 66-3) and optionally closed by ')' (the Kazakh and
 * Russian numbering of sub-points, "5)").  Numbers are 1..99999999 without
 * leading zeros.  Whitespace next to '.', '-', ')' and at the ends, a final
 * '.', typographic hyphens, and the words for point/sub-point before or after
 * the number ("тармақ", "42-1-тармақ", "п. 5", "подпункт 5)") are accepted
 * and dropped; the canonical text has none of them.
 *
 * Encoding: a sequence of tokens, END (0) closing a plain segment, END_PAREN
 * (1) closing a segment written with ')', and the number n as token n + 1.
 * Token t is written big-endian in 1..4 bytes, the length given by the first
 * byte (0xxxxxxx, 10xxxxxx +1, 110xxxxx +2, 1110xxxx +3), always in the
 * shortest form, so byte order equals token order.  The order of point
 * numbers is therefore token by token:
 *
 *		4 < 13 < 42 < 42.1 < 42.2) < 42) < 42-1 < 42-1.5) < 42-2 < 43 < 100
 *
 * A point sorts before its sub-points (and "5" before "5)" before "5-1").
 */
#ifndef IC_POINT_REF_CORE_H
#define IC_POINT_REF_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define IC_POINT_REF_MAX_NUMBER		99999999
/* Longest input (bytes of UTF-8) the parser reads. */
#define IC_POINT_REF_MAX_INPUT		1024
/*
 * Longest canonical text of a value.  The canonical text is never longer
 * than the input it came from, and is input itself, so the values are
 * exactly the point numbers whose canonical text has at most this many
 * bytes; every function below returns such a value.
 */
#define IC_POINT_REF_MAX_TEXT		IC_POINT_REF_MAX_INPUT
/* An encoding is at most one byte longer than the (folded) text it came from. */
#define IC_POINT_REF_MAX_ENCODED	(IC_POINT_REF_MAX_INPUT + 1)

typedef enum IcPointRefError
{
	IC_PR_OK = 0,
	IC_PR_EMPTY,				/* nothing but whitespace and words */
	IC_PR_TOO_LONG,				/* input longer than IC_POINT_REF_MAX_INPUT */
	IC_PR_BAD_UTF8,
	IC_PR_BAD_CHAR,				/* a character that is no digit, '.', '-', ')' */
	IC_PR_EMPTY_SEGMENT,		/* "1..2", ".5", "5.." */
	IC_PR_MISSING_NUMBER,		/* "42-", "-1", "42--1", ")" */
	IC_PR_LEADING_ZERO,			/* "05", "0" */
	IC_PR_NUMBER_TOO_LARGE,		/* > IC_POINT_REF_MAX_NUMBER */
	IC_PR_MISPLACED_PAREN,		/* "5)1", "5))" */
	IC_PR_SPACE_IN_NUMBER		/* "4 2" */
} IcPointRefError;

/*
 * Parse len bytes of UTF-8 text into out (IC_POINT_REF_MAX_ENCODED bytes).
 * Returns the encoded length, or 0 with *err set (and *bad set to the
 * offending character of s, as written, for IC_PR_BAD_CHAR; may be NULL).
 */
extern size_t ic_point_ref_parse(const char *s, size_t len, uint8_t *out,
								 IcPointRefError *err, uint32_t *bad);

/* A sentence saying what is wrong, for error details. */
extern const char *ic_point_ref_error_detail(IcPointRefError err);

/* True when enc[0..len) is a canonical encoding of a point number. */
extern bool ic_point_ref_valid(const uint8_t *enc, size_t len);

/*
 * Canonical text of a valid encoding, NUL-terminated, into out (outcap
 * bytes; 4 * len + 1 always suffice).  Returns its length, 0 if it did not fit.
 */
extern size_t ic_point_ref_format(const uint8_t *enc, size_t len, char *out, size_t outcap);

/* <0, 0, >0 as a sorts before, with, after b. */
extern int	ic_point_ref_cmp(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen);

/*
 * True when a is b or an ancestor of b: "1" contains "1", "1.42" and
 * "1.42.5)", but not "1-1" or "1)" (other points at the same depth).
 */
extern bool ic_point_ref_contains(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen);

/* Number of segments ("1.42-1.5)" has 3). */
extern int	ic_point_ref_depth(const uint8_t *enc, size_t len);

/* Length of the parent's encoding (a prefix of enc); 0 at depth 1. */
extern size_t ic_point_ref_parent_len(const uint8_t *enc, size_t len);

/*
 * The greatest value in p's subtree: p's last sub-point (or p itself when
 * no sub-point fits in IC_POINT_REF_MAX_TEXT bytes of text), so that
 * p <= ref <= last is the same as "p is ref or an ancestor of ref" for every
 * value ref.  It always exists; "42" gives "42.99999999-99999999-...", 1024
 * bytes of text.  out must hold IC_POINT_REF_MAX_ENCODED bytes, or len if
 * that is more.  Returns its length.
 */
extern size_t ic_point_ref_subtree_last(const uint8_t *enc, size_t len, uint8_t *out);

/*
 * The least value after p and all its sub-points: "42" gives "42)", "42)"
 * gives "42-1".  At the limit of length the bound is the next value that
 * fits: "1.1. ... .1.10" (1024 bytes) gives "1.1. ... .1.11", and
 * "9.9. ... .9.99" gives "9.9. ... .9)".  Returns 0 when there is none: only
 * for the greatest value of all, "99999999-99999999- ... -9999999" (1024
 * bytes), whose subtree is itself.  out must hold IC_POINT_REF_MAX_ENCODED
 * bytes.
 */
extern size_t ic_point_ref_subtree_upper(const uint8_t *enc, size_t len, uint8_t *out);

/*
 * The same two within maxtext bytes of text instead of IC_POINT_REF_MAX_TEXT
 * (the unit tests check them against every value of a small limit).
 */
extern size_t ic_point_ref_subtree_last_within(const uint8_t *enc, size_t len, size_t maxtext,
											   uint8_t *out);
extern size_t ic_point_ref_subtree_upper_within(const uint8_t *enc, size_t len, size_t maxtext,
												uint8_t *out);

#endif							/* IC_POINT_REF_CORE_H */
