/*
 * term.h
 *		The SQL type term (a duration in working days, days, weeks or months):
 *		how its values are passed, for the modules that take a term argument.
 *
 * A term is stored as the 8-byte struct IcTerm of term_core.h (count, unit),
 * passed by reference.
 */
#ifndef IC_TERM_H
#define IC_TERM_H

#include "postgres.h"

#include "fmgr.h"

#include "term_core.h"

#define DatumGetIcTermP(X)		((const IcTerm *) DatumGetPointer(X))
#define IcTermPGetDatum(X)		PointerGetDatum(X)
#define PG_GETARG_IC_TERM_P(n)	DatumGetIcTermP(PG_GETARG_DATUM(n))
#define PG_RETURN_IC_TERM_P(x)	return IcTermPGetDatum(x)

#endif							/* IC_TERM_H */
