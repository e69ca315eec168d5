/*
 * signatory_core.h
 *		Who signs what a state body submits to the PA about execution: the
 *		Government's information on the course of execution (R67) and the
 *		annual summary of the instructions given to a body's control (R75-1).
 *
 * Pure functions of codes (the lower-case codes of the SQL domains signatory,
 * body_type, report_kind and decider), so the unit tests and the server share
 * them.  A refusal is the rule's words for the HINT (what is allowed), NULL
 * when the signatory may sign.  No PostgreSQL headers.
 */
#ifndef IC_SIGNATORY_CORE_H
#define IC_SIGNATORY_CORE_H

#include <stdbool.h>

/* A code of the SQL domain signatory? */
extern bool ic_signatory_valid(const char *code);

/*
 * R67, part 2: interim information on execution addressed to the Head of the
 * President's Office, an Assistant or an Adviser may be signed by deputies.
 */
extern bool ic_signatory_interim_to_office(const char *report_kind, const char *addressee);

/*
 * R67: may signatory sign a report (information on the course of execution)
 * a body of body_type submits, of report_kind, addressed to addressee (a
 * decider code or NULL), on a resolution addressed in the Government to
 * resolution_addressee (a signatory code or NULL)?  NULL signatory and NULL
 * resolution_addressee: nothing recorded, nothing to check.
 */
extern const char *ic_report_signatory_refusal(const char *body_type, const char *report_kind,
											   const char *addressee, const char *resolution_addressee,
											   const char *signatory);

/* R75-1: may signatory sign the annual summary (Appendix 8) of a body of body_type? */
extern const char *ic_annual_signatory_refusal(const char *body_type, const char *signatory);

#endif							/* IC_SIGNATORY_CORE_H */
