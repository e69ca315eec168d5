/*
 * code_core.h
 *		Validation of the short codes the extension stores and accepts in
 *		settings (calendar codes, ...).  Pure C: no PostgreSQL headers.
 */
#ifndef IC_CODE_CORE_H
#define IC_CODE_CORE_H

#include <stdbool.h>
#include <stddef.h>

/* Longest calendar code (instruction_control.calendar). */
#define IC_CALENDAR_CODE_MAXLEN 16

/*
 * True when s is 1..maxlen characters of ASCII letters, digits and
 * underscores.
 */
extern bool ic_code_is_valid(const char *s, size_t maxlen);

#endif							/* IC_CODE_CORE_H */
