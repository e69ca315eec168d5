-- What is installed, and whether deadline sweeps can be scheduled here.
\pset expanded on
SELECT e.extname, e.extversion, instruction_control.lib_version() AS library,
       current_setting('instruction_control.calendar') AS default_calendar
  FROM pg_extension e WHERE e.extname = 'instruction_control';
SELECT * FROM instruction_control.scheduling_status();
