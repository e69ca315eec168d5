/*
 * term_core.h
 *		The term of an instruction (R50.3, R51): a count of working days,
 *		calendar days, weeks or months.  Parser and formatter in pure C (no
 *		PostgreSQL headers), so they are unit-tested and fuzzed unchanged.
 *
 * Input is UTF-8: a positive integer, optional spaces, then a unit in
 * English, Kazakh or Russian, case-insensitive (Latin and Cyrillic, including
 * the Kazakh letters ә ғ қ ң ө ұ ү һ і), e.g. '10 working days', '10 wd',
 * '14 days', '2 weeks', '6 months', '10 жұмыс күні', '10 рабочих дней',
 * '2 апта', '2 недели', '6 ай', '6 месяцев'.  Output is canonical English.
 */
#ifndef IC_TERM_CORE_H
#define IC_TERM_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum IcTermUnit
{
	IC_TERM_WORKING_DAYS = 0,
	IC_TERM_DAYS = 1,
	IC_TERM_WEEKS = 2,
	IC_TERM_MONTHS = 3
} IcTermUnit;

#define IC_TERM_UNIT_MAX IC_TERM_MONTHS

/* A term: 1 <= count <= IC_TERM_MAX_COUNT units. */
typedef struct IcTerm
{
	int32_t		count;
	IcTermUnit	unit;
} IcTerm;

/* Largest count a term may have (whatever the unit). */
#define IC_TERM_MAX_COUNT 10000

/* Longest canonical text, with its terminating NUL ("10000 working days"). */
#define IC_TERM_TEXT_MAX 32

typedef enum IcTermError
{
	IC_TERM_OK = 0,
	IC_TERM_ERR_BAD_UTF8,		/* the input is not valid UTF-8 */
	IC_TERM_ERR_NO_NUMBER,		/* no count at the start */
	IC_TERM_ERR_COUNT_RANGE,	/* count is 0 or above IC_TERM_MAX_COUNT */
	IC_TERM_ERR_NO_UNIT,		/* a count with no unit */
	IC_TERM_ERR_UNKNOWN_UNIT	/* the unit is not one of the accepted words */
} IcTermError;

/* Parse len bytes of s (need not be NUL-terminated). */
extern IcTermError ic_term_parse(const char *s, size_t len, IcTerm *term);

/* Canonical English text, e.g. "10 working days"; buf has IC_TERM_TEXT_MAX bytes. */
extern void ic_term_format(const IcTerm *term, char *buf, size_t buflen);

/* True when count and unit are within bounds (for binary input). */
extern bool ic_term_is_valid(const IcTerm *term);

/* Total order: by unit, then by count. */
extern int	ic_term_cmp(const IcTerm *a, const IcTerm *b);

/* 'working_days', 'days', 'weeks' or 'months'. */
extern const char *ic_term_unit_name(IcTermUnit unit);

/* An English sentence describing an error, for error DETAIL. */
extern const char *ic_term_error_text(IcTermError err);

#endif							/* IC_TERM_CORE_H */
