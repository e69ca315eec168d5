/*
 * kk_case.h
 *		The grammatical case a form names in SQL (ablative, dative), for the
 *		fmgr glue of kk_case.c and report_date.c.
 */
#ifndef IC_KK_CASE_H
#define IC_KK_CASE_H

#include "kk_case_core.h"

extern IcKkCase ic_kk_case_from_text(text *which);

#endif							/* IC_KK_CASE_H */
