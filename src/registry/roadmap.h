/*
 * roadmap.h
 *		R56's roadmap due date on receipt, in one place for the guard that puts
 *		an instruction on control and for the SQL that replays a past day.
 */
#ifndef IC_ROADMAP_H
#define IC_ROADMAP_H

#include "postgres.h"

#include "utils/date.h"

/*
 * The day a roadmap is due under R56 (IC_ROADMAP_WORKING_DAYS working days
 * from received), or IC_NO_DATE when R56 does not ask for one.  term_end is
 * the end of the term before rolling (ic_rules_term_end()), else the due date.
 */
extern DateADT ic_roadmap_due_on_receipt(const char *calendar, DateADT received,
										 DateADT term_end, int executing_bodies,
										 bool new_approaches);

#endif							/* IC_ROADMAP_H */
