/*
 * script_settings.c
 *		Settings for the run of the extension's own install script only.
 *
 * CREATE EXTENSION writes thousands of catalog rows; the largest of them (the
 * views' rules, the bodies of the longer functions) pass TOAST's threshold and
 * are compressed as they are written and decompressed each time the script
 * reads them back (a relation created in the same transaction is rebuilt in
 * the relcache after every change to it).  With pglz that was about 5% of the
 * backend's CPU in CREATE EXTENSION; lz4 does the same for a fraction of it
 * (issue 19, CREATE EXTENSION <= 150 ms).
 *
 * The setting is made as CREATE EXTENSION makes its own (search_path,
 * client_min_messages): saved at the script's GUC nesting level, so it is put
 * back when the script ends and the caller's session never sees it.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/guc.h"

#include "instruction_control.h"

PG_FUNCTION_INFO_V1(ic_install_script_settings);

/*
 * instruction_control.install_script_settings(): called once by the install
 * script and dropped right after; refuses to run anywhere else.
 */
Datum
ic_install_script_settings(PG_FUNCTION_ARGS)
{
	if (!ic_own_script_running())
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("install_script_settings() runs only inside CREATE EXTENSION instruction_control")));

#ifdef USE_LZ4
	(void) set_config_option("default_toast_compression", "lz4",
							 PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
#endif
	PG_RETURN_VOID();
}
