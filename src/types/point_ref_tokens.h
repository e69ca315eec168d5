/*
 * point_ref_tokens.h
 *		The tokens of point_ref's order-preserving encoding, shared by the
 *		parser (point_ref_core.c) and the subtree bounds
 *		(point_ref_bounds_core.c).  Internal to those two files.
 */
#ifndef IC_POINT_REF_TOKENS_H
#define IC_POINT_REF_TOKENS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TOKEN_END		0u
#define TOKEN_END_PAREN	1u
#define TOKEN_NUMBER(n)	((uint32_t) (n) + 1u)

/* Append token t to out at *o. */
extern void ic_point_ref_put_token(uint8_t *out, size_t *o, uint32_t t);

/*
 * Read the token at enc[*i]; false when it is truncated, not in its shortest
 * form, or beyond the largest number.
 */
extern bool ic_point_ref_get_token(const uint8_t *enc, size_t len, size_t *i, uint32_t *t);

#endif							/* IC_POINT_REF_TOKENS_H */
