/*
 * unit.h
 *		A tiny harness for the C unit tests of the pure cores.
 *
 * Each test binary runs tables of cases through CHECK and ends with
 * UNIT_SUMMARY(), which prints "N passed, N failed" (the line scripts/test.sh
 * counts) and returns non-zero if anything failed.
 */
#ifndef IC_UNIT_H
#define IC_UNIT_H

#include <stdio.h>

static int	unit_passed = 0;
static int	unit_failed = 0;

#define CHECK(cond, ...) \
	do { \
		if (cond) \
			unit_passed++; \
		else \
		{ \
			unit_failed++; \
			fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
			fprintf(stderr, __VA_ARGS__); \
			fputc('\n', stderr); \
		} \
	} while (0)

#define UNIT_SUMMARY() \
	(printf("%d passed, %d failed\n", unit_passed, unit_failed), unit_failed != 0)

#endif							/* IC_UNIT_H */
