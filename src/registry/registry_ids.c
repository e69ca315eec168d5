/*
 * registry_ids.c
 *		Ids are the server's: a row's id comes from its table's identity.
 *
 * The tables with an id are GENERATED ALWAYS AS IDENTITY, which refuses a
 * plain INSERT that names an id (428C9).  Two doors stay open to anyone with
 * INSERT: INSERT ... OVERRIDING SYSTEM VALUE and COPY FROM, which both take the
 * client's value.  A client choosing ids learns that a hidden row exists
 * (23505 on another body's report 1), claims the ids other sessions will get,
 * or writes 2^63-1.  The trigger server_id closes both doors: the identity has
 * just given the row its id in this session (the sequence's currval), so an
 * id that is not this session's latest from the identity was supplied.
 *
 * Two writers supply ids legitimately: a restore (instruction_control.
 * restore_mode, superuser only) reloads the ids a dump holds, and the batch of
 * decisions (decision_batch.c) takes its ids from the identity before it
 * judges the rows and writes them all at once.
 */
#include "postgres.h"

#include "catalog/dependency.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "commands/sequence.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/inval.h"
#include "utils/rel.h"

#include "ic_errcodes.h"
#include "ic_schema.h"
#include "instruction_control.h"
#include "registry.h"

PG_FUNCTION_INFO_V1(ic_server_id);

/* this session's latest value of the sequence, read as its owner; false if none yet */
static bool
session_currval(Oid seq, Oid owner, int64 *value)
{
	Oid			save_userid;
	int			save_sec;
	volatile bool defined = true;
	MemoryContext cxt = CurrentMemoryContext;

	GetUserIdAndSecContext(&save_userid, &save_sec);
	SetUserIdAndSecContext(owner, save_sec | SECURITY_LOCAL_USERID_CHANGE);
	PG_TRY();
	{
		*value = DatumGetInt64(DirectFunctionCall1(currval_oid, ObjectIdGetDatum(seq)));
	}
	PG_CATCH();
	{
		ErrorData  *edata;

		SetUserIdAndSecContext(save_userid, save_sec);
		MemoryContextSwitchTo(cxt);
		edata = CopyErrorData();
		if (edata->sqlerrcode != ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE)
			PG_RE_THROW();
		/*
		 * "currval not yet defined": the caller raises its own ERROR next, and
		 * the abort releases what currval held.
		 */
		FlushErrorState();
		FreeErrorData(edata);
		defined = false;
	}
	PG_END_TRY();
	SetUserIdAndSecContext(save_userid, save_sec);
	return defined;
}

/*
 * The identity sequence of each registry table, looked up once per backend:
 * getIdentitySequence() scans pg_depend, and the trigger fires for every row
 * of a batch.  Any relcache invalidation forgets them all.
 */
#define IC_MAX_ID_TABLES 16
static struct
{
	Oid			relid;
	Oid			seq;
}			identity_seqs[IC_MAX_ID_TABLES];
static int	n_identity_seqs = 0;
static bool identity_callback_registered = false;

static void
forget_identity_seqs(Datum arg, Oid relid)
{
	n_identity_seqs = 0;
}

/* InvalidOid unless rel is a table of the registry with an identity id */
static Oid
identity_sequence(Relation rel, int attnum)
{
	Oid			relid = RelationGetRelid(rel);
	Oid			seq;

	for (int i = 0; i < n_identity_seqs; i++)
		if (identity_seqs[i].relid == relid)
			return identity_seqs[i].seq;
	if (!identity_callback_registered)
	{
		CacheRegisterRelcacheCallback(forget_identity_seqs, (Datum) 0);
		identity_callback_registered = true;
	}
	seq = (RelationGetNamespace(rel) == get_namespace_oid(IC_SCHEMA, true))
		? getIdentitySequence(relid, attnum, true) : InvalidOid;
	if (OidIsValid(seq) && n_identity_seqs < IC_MAX_ID_TABLES)
	{
		identity_seqs[n_identity_seqs].relid = relid;
		identity_seqs[n_identity_seqs].seq = seq;
		n_identity_seqs++;
	}
	return seq;
}

/*
 * server_id(): BEFORE INSERT FOR EACH ROW on the registry's tables with an id
 * (sql/src/35_registry_triggers.sql).  Refuses (IC119) a row whose id this
 * session's identity did not just give it.
 */
Datum
ic_server_id(PG_FUNCTION_ARGS)
{
	TriggerData *td;
	Relation	rel;
	TupleDesc	desc;
	int			attnum;
	Oid			seq;
	bool		isnull;
	int64		id;
	int64		given = 0;
	bool		have_given;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"server_id\" was not called by the trigger manager")));
	td = castNode(TriggerData, fcinfo->context);
	if (!TRIGGER_FIRED_BEFORE(td->tg_event) || !TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		!TRIGGER_FIRED_BY_INSERT(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("server_id must be a BEFORE INSERT ROW trigger")));
	rel = td->tg_relation;
	desc = RelationGetDescr(rel);
	attnum = ic_attnum(desc, "id", IC_COL_INT8);
	seq = identity_sequence(rel, attnum);
	if (!OidIsValid(seq))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger function \"server_id\" fires only on the registry's tables with an identity id"),
				 errdetail("It was fired on table \"%s\".", RelationGetRelationName(rel)),
				 errhint("The registry's trigger functions belong to its own tables; do not attach them elsewhere.")));

	if (ic_restore_mode)		/* reloading a dump: the ids were the server's then */
		return PointerGetDatum(td->tg_trigtuple);

	id = DatumGetInt64(heap_getattr(td->tg_trigtuple, attnum, desc, &isnull));
	if (!isnull && ic_batch_owns_id(RelationGetRelid(rel), id))
		return PointerGetDatum(td->tg_trigtuple);
	have_given = session_currval(seq, rel->rd_rel->relowner, &given);
	if (isnull || !have_given || id != given)
		ereport(ERROR,
				(errcode(ERRCODE_IC_SERVER_ID),
				 errmsg("the id of a row of %s is the registry's, not the client's", RelationGetRelationName(rel)),
				 errdetail("The row was given id %s (INSERT ... OVERRIDING SYSTEM VALUE or COPY); ids come from the table's identity.",
						   isnull ? "NULL" : psprintf(INT64_FORMAT, id)),
				 errhint("Leave the id out: the server assigns it and RETURNING id tells it.")));
	return PointerGetDatum(td->tg_trigtuple);
}
