/*
 * type_support.h
 *		What the fmgr glue of the domain types shares: conversion between the
 *		server encoding and the UTF-8 the pure cores read and write, the lang
 *		argument of label(), and the comparison/hash functions of the one-byte
 *		types control_level and instruction_kind.
 */
#ifndef IC_TYPE_SUPPORT_H
#define IC_TYPE_SUPPORT_H

#include "postgres.h"

#include "common/hashfn.h"
#include "fmgr.h"

/*
 * s (NUL-terminated, server encoding) as UTF-8; *len is set to its length.
 * Returns s itself when the server encoding is UTF-8 or SQL_ASCII.
 */
extern const char *ic_server_to_utf8(const char *s, size_t *len);

/* A UTF-8 string as text in the server encoding (Kazakh fallback, encoding.h). */
extern text *ic_utf8_to_text(const char *s);

/* The lang argument of label(): "kk", "ru" or "en", else error 22023. */
extern const char *ic_label_lang(text *lang);

/*
 * The comparison, hash and btree support functions of a one-byte type whose
 * order is the numeric order of its byte: PREFIX_cmp, _lt, _le, _eq, _ne,
 * _ge, _gt, _hash, _hash_extended.
 */
#define IC_BYTE_TYPE_COMPARISONS(PREFIX) \
	PG_FUNCTION_INFO_V1(PREFIX##_cmp); \
	Datum PREFIX##_cmp(PG_FUNCTION_ARGS) \
	{ \
		uint8 a = (uint8) PG_GETARG_CHAR(0); \
		uint8 b = (uint8) PG_GETARG_CHAR(1); \
		PG_RETURN_INT32(a < b ? -1 : (a > b ? 1 : 0)); \
	} \
	PG_FUNCTION_INFO_V1(PREFIX##_lt); \
	Datum PREFIX##_lt(PG_FUNCTION_ARGS) \
	{ PG_RETURN_BOOL((uint8) PG_GETARG_CHAR(0) < (uint8) PG_GETARG_CHAR(1)); } \
	PG_FUNCTION_INFO_V1(PREFIX##_le); \
	Datum PREFIX##_le(PG_FUNCTION_ARGS) \
	{ PG_RETURN_BOOL((uint8) PG_GETARG_CHAR(0) <= (uint8) PG_GETARG_CHAR(1)); } \
	PG_FUNCTION_INFO_V1(PREFIX##_eq); \
	Datum PREFIX##_eq(PG_FUNCTION_ARGS) \
	{ PG_RETURN_BOOL((uint8) PG_GETARG_CHAR(0) == (uint8) PG_GETARG_CHAR(1)); } \
	PG_FUNCTION_INFO_V1(PREFIX##_ne); \
	Datum PREFIX##_ne(PG_FUNCTION_ARGS) \
	{ PG_RETURN_BOOL((uint8) PG_GETARG_CHAR(0) != (uint8) PG_GETARG_CHAR(1)); } \
	PG_FUNCTION_INFO_V1(PREFIX##_ge); \
	Datum PREFIX##_ge(PG_FUNCTION_ARGS) \
	{ PG_RETURN_BOOL((uint8) PG_GETARG_CHAR(0) >= (uint8) PG_GETARG_CHAR(1)); } \
	PG_FUNCTION_INFO_V1(PREFIX##_gt); \
	Datum PREFIX##_gt(PG_FUNCTION_ARGS) \
	{ PG_RETURN_BOOL((uint8) PG_GETARG_CHAR(0) > (uint8) PG_GETARG_CHAR(1)); } \
	PG_FUNCTION_INFO_V1(PREFIX##_hash); \
	Datum PREFIX##_hash(PG_FUNCTION_ARGS) \
	{ return hash_uint32((uint32) (uint8) PG_GETARG_CHAR(0)); } \
	PG_FUNCTION_INFO_V1(PREFIX##_hash_extended); \
	Datum PREFIX##_hash_extended(PG_FUNCTION_ARGS) \
	{ return hash_uint32_extended((uint32) (uint8) PG_GETARG_CHAR(0), PG_GETARG_INT64(1)); } \
	extern int no_such_variable

#endif							/* IC_TYPE_SUPPORT_H */
