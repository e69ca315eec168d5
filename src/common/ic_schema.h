/*
 * ic_schema.h
 *		The schema the extension lives in (instruction_control.control says
 *		schema = instruction_control, relocatable = false), for the queries
 *		the C code runs.
 */
#ifndef IC_SCHEMA_H
#define IC_SCHEMA_H

#define IC_SCHEMA "instruction_control"

#endif							/* IC_SCHEMA_H */
