/*
 * 99zf_calendar_library: the working-day functions live in the calendar's own
 *   library, instruction_control_calendar (issue 19, the first call of a
 *   session): a session whose first call counts working days loads it alone,
 *   with the one setting it reads (instruction_control.calendar), instead of
 *   the registry's library and its eight settings, which PostgreSQL 15 sorts
 *   its list of settings again for, one by one.  Each C function of the
 *   calendar is defined again as it is (attributes as in sql/src/20_calendar.sql
 *   and the parts before this one), naming the new library.  The registry's
 *   library links the calendar's and loads it first, so a database still on
 *   0.1 or 0.2, whose functions name the registry's library, finds them there.
 */

CREATE OR REPLACE FUNCTION instruction_control.add_working_days(d date, n integer)
 RETURNS date
 LANGUAGE c
 STABLE PARALLEL SAFE
AS '$libdir/instruction_control_calendar', $function$ic_sql_add_working_days$function$
;
CREATE OR REPLACE FUNCTION instruction_control.add_working_days(d date, n integer, calendar text)
 RETURNS date
 LANGUAGE c
 STABLE PARALLEL SAFE
AS '$libdir/instruction_control_calendar', $function$ic_sql_add_working_days$function$
;
CREATE OR REPLACE FUNCTION instruction_control.calendar_cache_loads()
 RETURNS bigint
 LANGUAGE c
 PARALLEL RESTRICTED STRICT
AS '$libdir/instruction_control_calendar', $function$ic_sql_calendar_cache_loads$function$
;
CREATE OR REPLACE FUNCTION instruction_control.calendar_data_changed()
 RETURNS trigger
 LANGUAGE c
AS '$libdir/instruction_control_calendar', $function$ic_calendar_data_changed$function$
;
CREATE OR REPLACE FUNCTION instruction_control.deadline(received date, t instruction_control.term)
 RETURNS date
 LANGUAGE c
 STABLE PARALLEL SAFE STRICT
AS '$libdir/instruction_control_calendar', $function$ic_sql_deadline$function$
;
CREATE OR REPLACE FUNCTION instruction_control.deadline(received date, t instruction_control.term, calendar text)
 RETURNS date
 LANGUAGE c
 STABLE PARALLEL SAFE STRICT
AS '$libdir/instruction_control_calendar', $function$ic_sql_deadline$function$
;
CREATE OR REPLACE FUNCTION instruction_control.is_confirmed(d date)
 RETURNS boolean
 LANGUAGE c
 STABLE PARALLEL SAFE STRICT
AS '$libdir/instruction_control_calendar', $function$ic_sql_is_confirmed$function$
;
CREATE OR REPLACE FUNCTION instruction_control.is_confirmed(d date, calendar text)
 RETURNS boolean
 LANGUAGE c
 STABLE PARALLEL SAFE STRICT
AS '$libdir/instruction_control_calendar', $function$ic_sql_is_confirmed$function$
;
CREATE OR REPLACE FUNCTION instruction_control.is_working_day(d date)
 RETURNS boolean
 LANGUAGE c
 STABLE PARALLEL SAFE
AS '$libdir/instruction_control_calendar', $function$ic_sql_is_working_day$function$
;
CREATE OR REPLACE FUNCTION instruction_control.is_working_day(d date, calendar text)
 RETURNS boolean
 LANGUAGE c
 STABLE PARALLEL SAFE
AS '$libdir/instruction_control_calendar', $function$ic_sql_is_working_day$function$
;
CREATE OR REPLACE FUNCTION instruction_control.kurban_ait_estimate(p_year integer)
 RETURNS SETOF date
 LANGUAGE c
 IMMUTABLE PARALLEL SAFE STRICT ROWS 1
AS '$libdir/instruction_control_calendar', $function$ic_sql_kurban_ait_estimate$function$
;
CREATE OR REPLACE FUNCTION instruction_control.roll_backward(d date)
 RETURNS date
 LANGUAGE c
 STABLE PARALLEL SAFE STRICT
AS '$libdir/instruction_control_calendar', $function$ic_sql_roll_backward$function$
;
CREATE OR REPLACE FUNCTION instruction_control.roll_backward(d date, calendar text)
 RETURNS date
 LANGUAGE c
 STABLE PARALLEL SAFE STRICT
AS '$libdir/instruction_control_calendar', $function$ic_sql_roll_backward$function$
;
CREATE OR REPLACE FUNCTION instruction_control.roll_forward(d date)
 RETURNS date
 LANGUAGE c
 STABLE PARALLEL SAFE STRICT
AS '$libdir/instruction_control_calendar', $function$ic_sql_roll_forward$function$
;
CREATE OR REPLACE FUNCTION instruction_control.roll_forward(d date, calendar text)
 RETURNS date
 LANGUAGE c
 STABLE PARALLEL SAFE STRICT
AS '$libdir/instruction_control_calendar', $function$ic_sql_roll_forward$function$
;
CREATE OR REPLACE FUNCTION instruction_control.working_days(a date, b date)
 RETURNS SETOF date
 LANGUAGE c
 STABLE PARALLEL SAFE STRICT ROWS 250
AS '$libdir/instruction_control_calendar', $function$ic_sql_working_days$function$
;
CREATE OR REPLACE FUNCTION instruction_control.working_days(a date, b date, calendar text)
 RETURNS SETOF date
 LANGUAGE c
 STABLE PARALLEL SAFE STRICT ROWS 250
AS '$libdir/instruction_control_calendar', $function$ic_sql_working_days$function$
;
CREATE OR REPLACE FUNCTION instruction_control.working_days_between(a date, b date)
 RETURNS integer
 LANGUAGE c
 STABLE PARALLEL SAFE
AS '$libdir/instruction_control_calendar', $function$ic_sql_working_days_between$function$
;
CREATE OR REPLACE FUNCTION instruction_control.working_days_between(a date, b date, calendar text)
 RETURNS integer
 LANGUAGE c
 STABLE PARALLEL SAFE
AS '$libdir/instruction_control_calendar', $function$ic_sql_working_days_between$function$
;
