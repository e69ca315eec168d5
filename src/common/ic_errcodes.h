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
/* raised by rule_change_journal() (sql/src/65_rule_audit.sql) */
#define ERRCODE_IC_RULE_CHANGE_BASIS		MAKE_SQLSTATE('I','C','0','0','4')

/* IC1xx: rule violations, one code per family (rules_core.h IcRuleFamily) */
#define ERRCODE_IC_NOT_AUTHORISED			MAKE_SQLSTATE('I','C','1','0','1')
#define ERRCODE_IC_REPEATED_EXTENSION		MAKE_SQLSTATE('I','C','1','0','2')
#define ERRCODE_IC_TRANSFER					MAKE_SQLSTATE('I','C','1','0','3')
#define ERRCODE_IC_NEW_DEADLINE				MAKE_SQLSTATE('I','C','1','0','4')
#define ERRCODE_IC_REMOVAL_GROUNDS			MAKE_SQLSTATE('I','C','1','0','5')
#define ERRCODE_IC_REMOVAL_ORDER			MAKE_SQLSTATE('I','C','1','0','6')
#define ERRCODE_IC_CONTROL_LEVEL			MAKE_SQLSTATE('I','C','1','0','7')
#define ERRCODE_IC_DEADLINE					MAKE_SQLSTATE('I','C','1','0','8')
#define ERRCODE_IC_ROADMAP					MAKE_SQLSTATE('I','C','1','0','9')
#define ERRCODE_IC_SECRECY					MAKE_SQLSTATE('I','C','1','1','0')
#define ERRCODE_IC_BYPASS					MAKE_SQLSTATE('I','C','1','1','1')
#define ERRCODE_IC_NOT_ON_CONTROL			MAKE_SQLSTATE('I','C','1','1','2')
#define ERRCODE_IC_REPORT					MAKE_SQLSTATE('I','C','1','1','3')
#define ERRCODE_IC_MISSING_BASIS			MAKE_SQLSTATE('I','C','1','1','4')
#define ERRCODE_IC_NOT_IN_FORCE				MAKE_SQLSTATE('I','C','1','1','5')
#define ERRCODE_IC_DECISION_DATE			MAKE_SQLSTATE('I','C','1','1','6')
#define ERRCODE_IC_IMPORT					MAKE_SQLSTATE('I','C','1','1','7')
#define ERRCODE_IC_ACTING_PERSON			MAKE_SQLSTATE('I','C','1','1','8')
/* an id supplied by the client (OVERRIDING SYSTEM VALUE, COPY): ids are the registry's */
#define ERRCODE_IC_SERVER_ID				MAKE_SQLSTATE('I','C','1','1','9')

#endif							/* IC_ERRCODES_H */
