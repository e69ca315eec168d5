/*
 * ic_errcodes.h
 *		The extension's own SQLSTATEs.
 *
 * GENERATED from src/common/ic_errcodes.txt by scripts/gen_errcodes.pl (make
 * regenerates it): edit the list, never this file.  The list also writes
 * README.md's tables of errors, so a code is documented where it is defined.
 *
 * Every domain error the extension raises (as opposed to PostgreSQL's standard
 * codes such as 22P02 for a malformed literal) uses class "IC".  The codes are
 * stable API: clients match on them.
 */
#ifndef IC_ERRCODES_H
#define IC_ERRCODES_H

#include "utils/elog.h"

/* Configuration and calendar (IC0xx) */
#define ERRCODE_IC_UNKNOWN_CALENDAR				MAKE_SQLSTATE('I','C','0','0','1')
#define ERRCODE_IC_DATE_OUT_OF_CALENDAR			MAKE_SQLSTATE('I','C','0','0','2')
#define ERRCODE_IC_INVALID_CALENDAR_DATA		MAKE_SQLSTATE('I','C','0','0','3')
#define ERRCODE_IC_RULE_CHANGE_BASIS			MAKE_SQLSTATE('I','C','0','0','4')
#define ERRCODE_IC_RESTORE_ENCODING				MAKE_SQLSTATE('I','C','0','0','5')
#define ERRCODE_IC_ROLE_TIE						MAKE_SQLSTATE('I','C','0','1','0')

/* Rule violations (SQLSTATE class IC1xx) */
#define ERRCODE_IC_NOT_AUTHORISED				MAKE_SQLSTATE('I','C','1','0','1')
#define ERRCODE_IC_REPEATED_EXTENSION			MAKE_SQLSTATE('I','C','1','0','2')
#define ERRCODE_IC_TRANSFER						MAKE_SQLSTATE('I','C','1','0','3')
#define ERRCODE_IC_NEW_DEADLINE					MAKE_SQLSTATE('I','C','1','0','4')
#define ERRCODE_IC_REMOVAL_GROUNDS				MAKE_SQLSTATE('I','C','1','0','5')
#define ERRCODE_IC_REMOVAL_ORDER				MAKE_SQLSTATE('I','C','1','0','6')
#define ERRCODE_IC_CONTROL_LEVEL				MAKE_SQLSTATE('I','C','1','0','7')
#define ERRCODE_IC_DEADLINE						MAKE_SQLSTATE('I','C','1','0','8')
#define ERRCODE_IC_ROADMAP						MAKE_SQLSTATE('I','C','1','0','9')
#define ERRCODE_IC_SECRECY						MAKE_SQLSTATE('I','C','1','1','0')
#define ERRCODE_IC_BYPASS						MAKE_SQLSTATE('I','C','1','1','1')
#define ERRCODE_IC_NOT_ON_CONTROL				MAKE_SQLSTATE('I','C','1','1','2')
#define ERRCODE_IC_REPORT						MAKE_SQLSTATE('I','C','1','1','3')
#define ERRCODE_IC_MISSING_BASIS				MAKE_SQLSTATE('I','C','1','1','4')
#define ERRCODE_IC_NOT_IN_FORCE					MAKE_SQLSTATE('I','C','1','1','5')
#define ERRCODE_IC_DECISION_DATE				MAKE_SQLSTATE('I','C','1','1','6')
#define ERRCODE_IC_IMPORT						MAKE_SQLSTATE('I','C','1','1','7')
#define ERRCODE_IC_ACTING_PERSON				MAKE_SQLSTATE('I','C','1','1','8')
#define ERRCODE_IC_SERVER_ID					MAKE_SQLSTATE('I','C','1','1','9')

/* Sweeps and scheduling (SQLSTATE class IC2xx) */
#define ERRCODE_IC_SCHEDULER_UNAVAILABLE		MAKE_SQLSTATE('I','C','2','0','1')
#define ERRCODE_IC_SCHEDULER_DATABASE			MAKE_SQLSTATE('I','C','2','0','2')
#define ERRCODE_IC_SWEEP_FUTURE_DAY				MAKE_SQLSTATE('I','C','2','0','3')

/* Reports and forms (SQLSTATE class IC3xx) */
#define ERRCODE_IC_FORM_LANGUAGE				MAKE_SQLSTATE('I','C','3','0','1')
#define ERRCODE_IC_FORM_UNKNOWN_ACT				MAKE_SQLSTATE('I','C','3','0','2')
#define ERRCODE_IC_FORM_UNKNOWN_BODY			MAKE_SQLSTATE('I','C','3','0','3')
#define ERRCODE_IC_FORM_YEAR					MAKE_SQLSTATE('I','C','3','0','4')
#define ERRCODE_IC_FORM_PARTIAL					MAKE_SQLSTATE('I','C','3','0','5')
#define ERRCODE_IC_CSV_DIALECT					MAKE_SQLSTATE('I','C','3','0','6')
#define ERRCODE_IC_REPORT_AS_OF					MAKE_SQLSTATE('I','C','3','0','7')
#define ERRCODE_IC_SIGNATORY					MAKE_SQLSTATE('I','C','3','0','8')

/* Embedding in a host database (SQLSTATE class IC4xx) */
#define ERRCODE_IC_HOST_KEY						MAKE_SQLSTATE('I','C','4','0','1')
#define ERRCODE_IC_HOST_ROW_IN_USE				MAKE_SQLSTATE('I','C','4','0','2')
#define ERRCODE_IC_HOST_LINK					MAKE_SQLSTATE('I','C','4','0','3')
#define ERRCODE_IC_MEMBER_DDL					MAKE_SQLSTATE('I','C','4','0','4')

/* Drafts and their review (SQLSTATE class IC5xx) */
#define ERRCODE_IC_DRAFT_SUBMISSION				MAKE_SQLSTATE('I','C','5','0','1')
#define ERRCODE_IC_DRAFT_STEP_DATE				MAKE_SQLSTATE('I','C','5','0','2')
#define ERRCODE_IC_DRAFT_NOT_AUTHORISED			MAKE_SQLSTATE('I','C','5','0','3')
#define ERRCODE_IC_DRAFT_CHECKLIST				MAKE_SQLSTATE('I','C','5','0','4')
#define ERRCODE_IC_DRAFT_MISSING_BASIS			MAKE_SQLSTATE('I','C','5','0','5')
#define ERRCODE_IC_DRAFT_VISA					MAKE_SQLSTATE('I','C','5','0','6')
#define ERRCODE_IC_DRAFT_STATE					MAKE_SQLSTATE('I','C','5','0','7')

/* Control measures, inspections and coordination (SQLSTATE class IC6xx) */
#define ERRCODE_IC_MEASURE_DATE					MAKE_SQLSTATE('I','C','6','0','1')
#define ERRCODE_IC_INSPECTION					MAKE_SQLSTATE('I','C','6','0','2')
#define ERRCODE_IC_COORDINATION					MAKE_SQLSTATE('I','C','6','0','3')

#endif							/* IC_ERRCODES_H */
