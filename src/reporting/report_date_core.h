/*
 * report_date_core.h
 *		A day as the forms print it, DD.MM.YYYY (pure core).
 */
#ifndef IC_REPORT_DATE_CORE_H
#define IC_REPORT_DATE_CORE_H

#include <stddef.h>

/* longest text ic_report_date_format writes, with its terminating zero */
#define IC_REPORT_DATE_MAXLEN 24

extern size_t ic_report_date_format(char *buf, int year, int month, int day);

#endif							/* IC_REPORT_DATE_CORE_H */
