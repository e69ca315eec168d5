/*
 * decision_matrix.c
 *		The decision matrix of this session: read once from the view
 *		instruction_control.decision_matrix and kept until it changes.
 *
 * The rows are judged by the pure core (rules_matrix_core.c).  A statement-
 * level trigger on decision_rule and decision_authority invalidates the two
 * tables' relcache entries; every session's relcache callback then marks the
 * matrix stale (this session at the end of the statement, the others at
 * commit, a rolled-back change undone the same way), as the calendar does.
 * The rules version (0.3) is read with the matrix, in the same snapshot: a
 * decision records the version of the rules that judged it.  Every journaled
 * change of rule data (rule_change) marks the matrix stale too.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "registry.h"
#include "rules_matrix_core.h"

PG_FUNCTION_INFO_V1(ic_decision_matrix_changed);

static MemoryContext matrix_cxt = NULL;
static IcMatrix matrix;
static bool matrix_valid = false;
static bool callback_registered = false;
static Oid	watched[3] = {InvalidOid, InvalidOid, InvalidOid};
static int64 matrix_version = 0;
static bool matrix_version_known = false;

static void
matrix_relcache_callback(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == watched[0] || relid == watched[1] || relid == watched[2])
		matrix_valid = false;
}

static IcDeciderSet
decider_set(HeapTuple t, TupleDesc d, int col, const char *rule)
{
	bool		isnull;
	Datum		v = SPI_getbinval(t, d, col, &isnull);
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	IcDeciderSet set = 0;

	if (isnull)
		return 0;
	deconstruct_array(DatumGetArrayTypeP(v), TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	for (int i = 0; i < n; i++)
	{
		IcDecider	dec;

		if (nulls[i] || !ic_decider_parse(TextDatumGetCString(elems[i]), &dec))
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("decision matrix row %s names an unknown decider", rule)));
		set |= IC_DECIDER_BIT(dec);
	}
	return set;
}

/*
 * The rules version, in the snapshot the matrix was read in; a schema before
 * 0.3 has no journal and its decisions no version.
 */
static void
load_version(void)
{
	static SPIPlanPtr plan = NULL;
	bool		isnull;
	Datum		v;

	matrix_version_known = false;
	if (!OidIsValid(watched[2]))
		return;
	ic_keep_plan(&plan, "SELECT " IC_SCHEMA ".rules_version()", 0, NULL);
	if (SPI_execute_plan(plan, NULL, NULL, true, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "could not read " IC_SCHEMA ".rules_version()");
	v = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	matrix_version = isnull ? 0 : DatumGetInt64(v);
	matrix_version_known = true;
}

static void
load_matrix(void)
{
	static SPIPlanPtr plan = NULL;
	Oid			nsp = get_namespace_oid(IC_SCHEMA, false);
	IcMatrixRow *rows;
	MemoryContext old;

	watched[0] = get_relname_relid("decision_rule", nsp);
	watched[1] = get_relname_relid("decision_authority", nsp);
	watched[2] = get_relname_relid("rule_change", nsp);	/* 0.3 */
	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(matrix_relcache_callback, (Datum) 0);
		callback_registered = true;
	}
	if (matrix_cxt == NULL)
		matrix_cxt = AllocSetContextCreate(TopMemoryContext, "instruction_control decision matrix",
										   ALLOCSET_SMALL_SIZES);
	matrix_valid = true;		/* an invalidation while loading marks it stale again */

	ic_keep_plan(&plan,
				 "SELECT action, level, kind_class, repeated, drafter, deciders, rule_id, "
				 "       effective_from, effective_to "
				 "  FROM " IC_SCHEMA ".decision_matrix ORDER BY precedence, rule_id COLLATE pg_catalog.\"C\"",
				 0, NULL);
	if (SPI_execute_plan(plan, NULL, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read " IC_SCHEMA ".decision_matrix");

	MemoryContextReset(matrix_cxt);
	old = MemoryContextSwitchTo(matrix_cxt);
	rows = palloc0(sizeof(IcMatrixRow) * Max(SPI_processed, 1));
	MemoryContextSwitchTo(old);
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		TupleDesc	d = SPI_tuptable->tupdesc;
		IcMatrixRow *r = &rows[i];
		char	   *s;
		bool		isnull;
		Datum		v;
		IcControlLevel level;

		strlcpy(r->rule, SPI_getvalue(t, d, 7), sizeof(r->rule));
		if (!ic_action_parse(SPI_getvalue(t, d, 1), &r->action))
			r->action = IC_ACTION_INVALID;
		s = SPI_getvalue(t, d, 2);
		r->level = IC_MATRIX_ANY;
		if (s != NULL && ic_control_level_parse(s, strlen(s), &level))
			r->level = (int) level;
		if (!ic_kind_class_parse(SPI_getvalue(t, d, 3), &r->kinds))
			r->kinds = IC_KINDS_INVALID;
		v = SPI_getbinval(t, d, 4, &isnull);
		r->repeated = isnull ? IC_MATRIX_ANY : DatumGetBool(v) ? 1 : 0;
		s = SPI_getvalue(t, d, 5);
		if (s == NULL || !ic_drafter_parse(s, &r->drafter))
			r->drafter = IC_DRAFTER_INVALID;
		r->deciders = decider_set(t, d, 6, r->rule);
		v = SPI_getbinval(t, d, 8, &isnull);
		r->effective_from = isnull ? IC_NO_DATE : DatumGetDateADT(v);
		v = SPI_getbinval(t, d, 9, &isnull);
		r->effective_to = isnull ? IC_NO_DATE : DatumGetDateADT(v);
	}
	matrix.rows = rows;
	matrix.nrows = (int) SPI_processed;
	load_version();
}

const IcMatrix *
ic_decision_matrix(void)
{
	if (!matrix_valid)
		load_matrix();
	return &matrix;
}

/* The rules version the cached matrix was read at; *known false before 0.3. */
int64
ic_decision_matrix_version(bool *known)
{
	(void) ic_decision_matrix();
	*known = matrix_version_known;
	return matrix_version;
}

/*
 * Statement-level AFTER trigger on decision_rule, decision_authority and
 * rule_change (a new rules version):
 * every session (at commit) and this one (at the end of the statement)
 * reloads the matrix.
 */
Datum
ic_decision_matrix_changed(PG_FUNCTION_ARGS)
{
	TriggerData *td;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"decision_matrix_changed\" was not called by the trigger manager")));
	td = castNode(TriggerData, fcinfo->context);
	if (strcmp(RelationGetRelationName(td->tg_relation), "decision_rule") == 0)
		(void) ic_trigger_data(fcinfo, "decision_matrix_changed", "decision_rule");
	else if (strcmp(RelationGetRelationName(td->tg_relation), "rule_change") == 0)
		(void) ic_trigger_data(fcinfo, "decision_matrix_changed", "rule_change");
	else
		(void) ic_trigger_data(fcinfo, "decision_matrix_changed", "decision_authority");
	if (!TRIGGER_FIRED_AFTER(td->tg_event) || !TRIGGER_FIRED_FOR_STATEMENT(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("decision_matrix_changed must be fired AFTER ... FOR EACH STATEMENT")));
	CacheInvalidateRelcache(td->tg_relation);
	matrix_valid = false;
	return PointerGetDatum(NULL);
}
