/*
 * ic_errcodes.h
 *		The extension's own SQLSTATEs.
 *
 * Every domain error the extension raises (as opposed to PostgreSQL's standard
 * codes such as 22P02 for a malformed literal) uses class "IC".  The codes are
 * stable API: clients match on them, and README.md lists them all.
 *
 *	 IC0xx	configuration and calendar (unknown calendar, date out of range)
 *	 IC1xx	rule violations of the decree (one code per family of rules)
 */
#ifndef IC_ERRCODES_H
#define IC_ERRCODES_H

#include "utils/elog.h"

/* IC0xx: configuration and calendar */
#define ERRCODE_IC_UNKNOWN_CALENDAR			MAKE_SQLSTATE('I','C','0','0','1')
#define ERRCODE_IC_DATE_OUT_OF_CALENDAR		MAKE_SQLSTATE('I','C','0','0','2')
#define ERRCODE_IC_INVALID_CALENDAR_DATA	MAKE_SQLSTATE('I','C','0','0','3')

#endif							/* IC_ERRCODES_H */
