/*
 * control_level_core.h
 *		The level an instruction is controlled at (R42-1): codes, parsing of
 *		Kazakh/Russian/English names, labels.  Pure C: no PostgreSQL headers.
 *
 * The values are ordered as the decree orders the levels,
 * PA > Government > central body > local executive body, with organisations
 * (controlled by a body) below them; the SQL type control_level stores the
 * number in one byte and compares it numerically.
 */
#ifndef IC_CONTROL_LEVEL_CORE_H
#define IC_CONTROL_LEVEL_CORE_H

#include <stdbool.h>
#include <stddef.h>

#include "text_fold_core.h"

typedef enum IcControlLevel
{
	IC_LEVEL_INVALID = 0,
	IC_LEVEL_ORGANISATION = 1,
	IC_LEVEL_LOCAL = 2,
	IC_LEVEL_CENTRAL = 3,
	IC_LEVEL_GOVERNMENT = 4,
	IC_LEVEL_PA = 5
} IcControlLevel;

#define IC_LEVEL_MIN IC_LEVEL_ORGANISATION
#define IC_LEVEL_MAX IC_LEVEL_PA

/* True for the five levels (not for IC_LEVEL_INVALID or out-of-range bytes). */
extern bool ic_control_level_is_valid(int value);

/* "pa", "government", ...; NULL for an invalid value. */
extern const char *ic_control_level_code(IcControlLevel value);

/*
 * Parse a code or a name (case-insensitive, whitespace-normalised UTF-8).
 * False, and *value untouched, when s is none of them.
 */
extern bool ic_control_level_parse(const char *s, size_t len, IcControlLevel *value);

/* Label in lang "kk", "ru" or "en"; NULL for an unknown lang or value. */
extern const char *ic_control_level_label(IcControlLevel value, const char *lang);

/* The synonym table (for tests: ic_keyword_table_check). */
extern const IcKeyword *ic_control_level_synonyms(size_t *n);

#endif							/* IC_CONTROL_LEVEL_CORE_H */
