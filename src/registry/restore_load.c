/*
 * restore_load.c
 *		A restore loads the extension's tables in any order (pg_restore -j N).
 *
 * The extension's tables, their foreign keys included, are created by CREATE
 * EXTENSION, before pg_restore loads any data; an ordinary table gets its
 * foreign keys only after its data.  pg_dump sorts the data of configuration
 * tables by their foreign keys, but the archive keeps no such order: with
 * -j N pg_restore loads them side by side, largest first, so decisions come
 * before the roadmaps they name and the foreign key refuses them; the tables
 * loaded in time stay, and the copy is half empty.
 *
 * The statement triggers restore_load (BEFORE INSERT) and restore_load_end
 * (AFTER INSERT), ENABLE ALWAYS on every configuration table, act only while
 * instruction_control.restore_mode is on:
 *   - a load the database's encoding cannot be trusted to hold (text in
 *     another encoding than the database's, which is neither UTF8 nor
 *     SQL_ASCII) is refused on every table alike, before any row (IC005),
 *     instead of failing at the first Kazakh letter of some tables only;
 *   - on a table with a foreign key to another configuration table (trigger
 *     argument 'any_order'), session_replication_role is replica for the
 *     statement, as pg_restore --disable-triggers would do: the foreign keys
 *     and the ORIGIN triggers do not fire (the rows were checked and judged
 *     when first written; the triggers that must act on a restored row are
 *     ENABLE ALWAYS).  Only for a role that may set session_replication_role
 *     (superuser, or GRANT SET ON PARAMETER): other roles load in the dump's
 *     own order (pg_restore -j 1).
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_trigger.h"
#include "commands/trigger.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/value.h"
#include "parser/parse_func.h"
#include "utils/acl.h"
#include "utils/guc.h"
#include "utils/rel.h"

#include "ic_errcodes.h"
#include "ic_schema.h"
#include "instruction_control.h"
#include "registry.h"

PG_FUNCTION_INFO_V1(ic_restore_load);
PG_FUNCTION_INFO_V1(ic_restore_load_end);

/* restore_load switched session_replication_role for the statement under way */
static bool switched_role = false;

/* the two trigger functions, looked up again when a trigger names another */
static Oid	restore_load_oid = InvalidOid;
static Oid	restore_load_end_oid = InvalidOid;

static Oid
restore_function(const char *name)
{
	return LookupFuncName(list_make2(makeString(IC_SCHEMA), makeString(pstrdup(name))), 0, NULL, true);
}

/*
 * A statement trigger of the extension's restore (restore_load or
 * restore_load_end on its function): the registry's own writes
 * (registry_writer.c) do not start a statement for it, since it does nothing
 * outside restore_mode and a row the registry writes is judged anyway.
 */
bool
ic_is_restore_trigger(const Trigger *trig)
{
	if (TRIGGER_FOR_ROW(trig->tgtype) || trig->tgisinternal ||
		(strcmp(trig->tgname, "restore_load") != 0 && strcmp(trig->tgname, "restore_load_end") != 0))
		return false;
	if (trig->tgfoid != restore_load_oid && trig->tgfoid != restore_load_end_oid)
	{
		restore_load_oid = restore_function("restore_load");
		restore_load_end_oid = restore_function("restore_load_end");
	}
	return strcmp(trig->tgname, "restore_load") == 0 ? trig->tgfoid == restore_load_oid
		: trig->tgfoid == restore_load_end_oid;
}

static TriggerData *
restore_trigger_data(FunctionCallInfo fcinfo, const char *name, bool before)
{
	TriggerData *td;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" was not called by the trigger manager", name)));
	td = castNode(TriggerData, fcinfo->context);
	if (TRIGGER_FIRED_FOR_ROW(td->tg_event) || !TRIGGER_FIRED_BY_INSERT(td->tg_event) ||
		(before ? !TRIGGER_FIRED_BEFORE(td->tg_event) : !TRIGGER_FIRED_AFTER(td->tg_event)))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("%s must be a %s INSERT STATEMENT trigger", name, before ? "BEFORE" : "AFTER")));
	if (RelationGetNamespace(td->tg_relation) != get_namespace_oid(IC_SCHEMA, true))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger function \"%s\" fires only on the tables of instruction_control", name),
				 errdetail("It was fired on table \"%s\".", RelationGetRelationName(td->tg_relation))));
	return td;
}

/* the role that restores may switch session_replication_role itself */
static bool
may_set_replication_role(void)
{
	return superuser() ||
		pg_parameter_aclcheck("session_replication_role", GetUserId(), ACL_SET) == ACLCHECK_OK;
}

/*
 * restore_load(): BEFORE INSERT FOR EACH STATEMENT, while restore_mode is on.
 */
Datum
ic_restore_load(PG_FUNCTION_ARGS)
{
	TriggerData *td = restore_trigger_data(fcinfo, "restore_load", true);
	int			db_enc = GetDatabaseEncoding();
	int			client_enc = pg_get_client_encoding();

	switched_role = false;
	if (!ic_restore_mode)
		return PointerGetDatum(NULL);

	if (db_enc != PG_UTF8 && db_enc != PG_SQL_ASCII && client_enc != db_enc)
		ereport(ERROR,
				(errcode(ERRCODE_IC_RESTORE_ENCODING),
				 errmsg("cannot restore a dump in encoding %s into a %s database",
						pg_encoding_to_char(client_enc), pg_encoding_to_char(db_enc)),
				 errdetail("Table %s was refused before any row, as every table of instruction_control is: text in %s may hold letters %s lacks (the Kazakh letters of a UTF8 registry), and a restore that fails on some tables only would leave the registry half empty.",
						   RelationGetRelationName(td->tg_relation),
						   pg_encoding_to_char(client_enc), pg_encoding_to_char(db_enc)),
				 errhint("Restore into a UTF8 database (createdb -E UTF8 -T template0), or make the dump in this database's encoding (pg_dump -E %s), which stops at once if the registry holds a letter %s lacks.",
						 pg_encoding_to_char(db_enc), pg_encoding_to_char(db_enc))));

	if (td->tg_trigger->tgnargs == 1 && strcmp(td->tg_trigger->tgargs[0], "any_order") == 0 &&
		SessionReplicationRole != SESSION_REPLICATION_ROLE_REPLICA && may_set_replication_role())
	{
		(void) set_config_option("session_replication_role", "replica",
								 superuser() ? PGC_SUSET : PGC_USERSET, PGC_S_SESSION,
								 GUC_ACTION_LOCAL, true, 0, false);
		switched_role = true;
	}
	return PointerGetDatum(NULL);
}

/*
 * restore_load_end(): AFTER INSERT FOR EACH STATEMENT: the statement's load
 * is over, the foreign keys and triggers fire again for what follows in the
 * same transaction (pg_restore --single-transaction).
 */
Datum
ic_restore_load_end(PG_FUNCTION_ARGS)
{
	(void) restore_trigger_data(fcinfo, "restore_load_end", false);
	if (switched_role)
	{
		switched_role = false;
		(void) set_config_option("session_replication_role", "origin",
								 superuser() ? PGC_SUSET : PGC_USERSET, PGC_S_SESSION,
								 GUC_ACTION_LOCAL, true, 0, false);
	}
	return PointerGetDatum(NULL);
}
