/*
 * ic_schema.h
 *		The schema the extension lives in (instruction_control.control says
 *		schema = instruction_control, relocatable = false), for the queries
 *		the C code runs.
 */
#ifndef IC_SCHEMA_H
#define IC_SCHEMA_H

#define IC_SCHEMA "instruction_control"

/*
 * The working-day calendar's own library (src/calendar/calendar_module.c),
 * which the registry's library links and loads first.
 */
#define IC_CALENDAR_LIBRARY "instruction_control_calendar"

#endif							/* IC_SCHEMA_H */
