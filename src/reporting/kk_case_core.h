/*
 * kk_case_core.h
 *		The Kazakh case ending a number written in digits takes (pure core).
 */
#ifndef IC_KK_CASE_CORE_H
#define IC_KK_CASE_CORE_H

#include <stdint.h>

typedef enum IcKkCase
{
	IC_KK_ABLATIVE,				/* шығыс септік: -дан/-ден/-тан/-тен/-нан/-нен */
	IC_KK_DATIVE				/* барыс септік: -ға/-ге/-қа/-ке */
} IcKkCase;

extern const char *ic_kk_number_ending(int64_t n, IcKkCase kcase);

#endif							/* IC_KK_CASE_CORE_H */
