/*
 * instruction_control.h
 *		What every module of the extension shares: the settings (GUCs) and the
 *		per-module initialisation hooks that _PG_init calls.
 */
#ifndef INSTRUCTION_CONTROL_H
#define INSTRUCTION_CONTROL_H

/* Version of the shared library; compared with the SQL script's version. */
#define IC_LIB_VERSION "0.1"

/* GUC instruction_control.calendar: the calendar used when none is given. */
extern char *ic_default_calendar;

#endif							/* INSTRUCTION_CONTROL_H */
