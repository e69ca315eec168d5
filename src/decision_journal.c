/*
 * decision_journal.c
 *		Triggers of the decision journal: judge a decision and apply it, and
 *		keep the journal append-only.
 *
 * BEFORE INSERT locks the instruction (FOR NO KEY UPDATE, so decisions on one
 * instruction serialize and the second of two concurrent extensions sees the
 * first), reads the history and the authority table, and asks the rules core.
 * It then fills in what the journal records on its own: the old due date and
 * regime, whether the extension is repeated (R72), when information on
 * measures is due (R72.4) and when a roadmap is due after a transfer to
 * long-term control (R59), and writes the decision into the instruction,
 * whose guard checks that the UPDATE matches it.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "calendar.h"
#include "ic_errcodes.h"
#include "instruction_control.h"
#include "registry.h"

PG_FUNCTION_INFO_V1(ic_decision_judge);
PG_FUNCTION_INFO_V1(ic_journal_append_only);

IcAppliedDecision ic_applying;

/* R59: the roadmap after a transfer to long-term control, like R56's. */
#define ROADMAP_WORKING_DAYS 10

static bool
nonempty(const char *s)
{
	if (s == NULL)
		return false;
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	return *s != '\0';
}

static IcEvidenceSet
evidence_set(HeapTuple tuple, TupleDesc desc)
{
	bool		isnull;
	Datum		d = ic_getattr(tuple, desc, "evidence", &isnull);
	Datum	   *elems;
	bool	   *elem_nulls;
	int			n;
	IcEvidenceSet set = 0;

	if (isnull)
		return 0;
	deconstruct_array(DatumGetArrayTypeP(d), ARR_ELEMTYPE(DatumGetArrayTypeP(d)),
					  -1, false, TYPALIGN_INT, &elems, &elem_nulls, &n);
	for (int i = 0; i < n; i++)
	{
		IcEvidence	e;

		if (!elem_nulls[i] && ic_evidence_parse(TextDatumGetCString(elems[i]), &e))
			set |= IC_EVIDENCE_BIT(e);
	}
	return set;
}

static bool
roadmap_exists(int64 instruction_id)
{
	static SPIPlanPtr plan = NULL;
	Oid			argtypes[1] = {INT8OID};
	Datum		args[1];

	ic_keep_plan(&plan, "SELECT 1 FROM " IC_SCHEMA ".roadmap WHERE instruction_id = $1 LIMIT 1",
				 1, argtypes);
	args[0] = Int64GetDatum(instruction_id);
	if (SPI_execute_plan(plan, args, NULL, false, 1) != SPI_OK_SELECT)
		elog(ERROR, "could not read roadmaps");
	return SPI_processed > 0;
}

/* roadmap_approval rows are written by the roadmap trigger, once per roadmap. */
static void
check_roadmap_entry(HeapTuple tuple, TupleDesc desc, int64 instruction_id)
{
	static SPIPlanPtr plan = NULL;
	Oid			argtypes[1] = {INT8OID};
	Datum		args[1];
	int64		roadmap_id = ic_get_int64(tuple, desc, "roadmap_id");
	bool		ok = false;

	ic_keep_plan(&plan, "SELECT r.instruction_id, "
						   "       EXISTS (SELECT 1 FROM " IC_SCHEMA ".decision d WHERE d.roadmap_id = r.id) "
						   "  FROM " IC_SCHEMA ".roadmap r WHERE r.id = $1",
				 1, argtypes);
	if (roadmap_id != 0)
	{
		args[0] = Int64GetDatum(roadmap_id);
		if (SPI_execute_plan(plan, args, NULL, false, 1) != SPI_OK_SELECT)
			elog(ERROR, "could not read roadmaps");
		if (SPI_processed == 1)
		{
			bool		isnull;
			int64		owner = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0],
															SPI_tuptable->tupdesc, 1, &isnull));
			bool		journaled = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0],
															   SPI_tuptable->tupdesc, 2, &isnull));

			ok = owner == instruction_id && !journaled;
		}
	}
	if (!ok)
		ic_raise_bypass("a roadmap approval is journaled when the roadmap is registered (R57)",
						"The roadmap_approval entry names no unjournaled roadmap of this instruction.",
						"Use register_roadmap(); it judges the approval and journals it.");
}

/*
 * Write an accepted decision into its instruction (still SPI-connected, the
 * instruction locked).  The row's id was assigned before the BEFORE trigger,
 * so the instruction can point at it; the guard on instruction checks the
 * UPDATE against ic_applying.
 */
static void
apply_decision(HeapTuple tuple, TupleDesc desc, const char *kind)
{
	static SPIPlanPtr plan = NULL;
	Oid			argtypes[8] = {INT8OID, DATEOID, TEXTOID, BOOLOID, DATEOID, DATEOID, INT8OID, INT2OID};
	Datum		args[8];
	char		nulls[8] = {' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '};
	bool		removal = strcmp(kind, "removal") == 0;
	bool		counts = strcmp(kind, "extension") == 0 || strcmp(kind, "transfer") == 0;
	char	   *regime = strcmp(kind, "transfer") == 0 ? ic_get_cstring(tuple, desc, "new_regime") : NULL;
	int32		due = ic_get_date(tuple, desc, "new_due_date");
	int32		roadmap_due = ic_get_date(tuple, desc, "roadmap_due_date");

	args[0] = Int64GetDatum(ic_get_int64(tuple, desc, "instruction_id"));
	args[1] = DateADTGetDatum(due);
	nulls[1] = due == IC_NO_DATE ? 'n' : ' ';
	args[2] = regime ? CStringGetTextDatum(regime) : (Datum) 0;
	nulls[2] = regime ? ' ' : 'n';
	args[3] = BoolGetDatum(removal);
	args[4] = DateADTGetDatum(ic_get_date(tuple, desc, "decided_on"));
	args[5] = DateADTGetDatum(roadmap_due);
	nulls[5] = roadmap_due == IC_NO_DATE ? 'n' : ' ';
	args[6] = Int64GetDatum(ic_get_int64(tuple, desc, "id"));
	args[7] = Int16GetDatum(counts ? 1 : 0);

	ic_keep_plan(&plan, "UPDATE " IC_SCHEMA ".instruction SET "
				 "  due_date = coalesce($2, due_date), "
				 "  regime = coalesce($3, regime), "
				 "  status = CASE WHEN $4 THEN 'removed' ELSE status END, "
				 "  removed_on = CASE WHEN $4 THEN $5 ELSE removed_on END, "
				 "  roadmap_due_date = coalesce($6, roadmap_due_date), "
				 "  last_decision_id = $7, "
				 "  extensions = extensions + $8 "
				 "WHERE id = $1",
				 8, argtypes);

	memset(&ic_applying, 0, sizeof(ic_applying));
	ic_applying.decision_id = DatumGetInt64(args[6]);
	ic_applying.instruction_id = DatumGetInt64(args[0]);
	strlcpy(ic_applying.kind, kind, sizeof(ic_applying.kind));
	ic_applying.new_due_date = due;
	strlcpy(ic_applying.new_regime, regime ? regime : "", sizeof(ic_applying.new_regime));
	ic_applying.decided_on = DatumGetDateADT(args[4]);
	ic_applying.roadmap_due_date = roadmap_due;
	PG_TRY();
	{
		if (SPI_execute_plan(plan, args, nulls, false, 0) != SPI_OK_UPDATE || SPI_processed != 1)
			elog(ERROR, "decision %lld was not applied", (long long) DatumGetInt64(args[6]));
	}
	PG_FINALLY();
	{
		ic_applying.decision_id = 0;
	}
	PG_END_TRY();
}

static HeapTuple
judge(TriggerData *td)
{
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	HeapTuple	tuple = td->tg_trigtuple;
	IcDecisionContext ctx;
	IcVerdict	verdict;
	IcInstructionFacts facts;
	IcParentFacts parent;
	char	   *kind = ic_get_cstring(tuple, desc, "kind");
	char	   *text;
	int64		instruction_id = ic_get_int64(tuple, desc, "instruction_id");
	int32		decided_on = ic_get_date(tuple, desc, "decided_on");
	int			cols[6];
	Datum		values[6];
	bool		nulls[6] = {false, false, false, false, false, false};
	int			ncols = 0;

	memset(&ctx, 0, sizeof(ctx));
	if (kind == NULL || !ic_action_parse(kind, &ctx.action) ||
		ctx.action == IC_ACTION_PUT_ON_CONTROL || ctx.action == IC_ACTION_SUBMIT_REPORT)
		ic_raise_bypass("unknown kind of decision",
						kind ? psprintf("Kind \"%s\" is not a decision of the journal.", kind) : "The kind is empty.",
						"Record extension, transfer, new_deadline or removal; roadmaps through register_roadmap().");

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	ic_load_instruction(instruction_id, IC_LOCK_UPDATE, &facts);
	if (ctx.action == IC_ACTION_APPROVE_ROADMAP)
	{
		check_roadmap_entry(tuple, desc, instruction_id);
		SPI_finish();
		return tuple;
	}
	ic_load_parent(facts.parent_id, &parent);
	ic_context_from_facts(&ctx, &facts, &parent);
	ctx.last_extension_on = IC_NO_DATE;
	if (facts.level != IC_LEVEL_PA)
		ctx.table_deciders = ic_load_authority(facts.level, ctx.action);

	ctx.decided_by = ic_get_decider(tuple, desc, "decided_by");
	ctx.basis_given = nonempty(ic_get_cstring(tuple, desc, "basis"));
	ctx.disciplinary_review_given = nonempty(ic_get_cstring(tuple, desc, "disciplinary_review"));
	ctx.new_due_date = ic_get_date(tuple, desc, "new_due_date");
	text = ic_get_cstring(tuple, desc, "new_regime");
	if (text == NULL || !ic_regime_parse(text, &ctx.new_regime))
		ctx.new_regime = IC_REGIME_INVALID;
	text = ic_get_cstring(tuple, desc, "reason");
	ctx.reason_given = nonempty(text);
	if (text == NULL || !ic_reason_parse(text, &ctx.new_deadline_reason))
		ctx.new_deadline_reason = IC_REASON_INVALID;
	text = ic_get_cstring(tuple, desc, "ground");
	if (text == NULL || !ic_ground_parse(text, &ctx.ground))
		ctx.ground = IC_GROUND_INVALID;
	ctx.evidence = evidence_set(tuple, desc);

	if (!ic_rules_decide(&ctx, &verdict))
	{
		/* a refused repeated extension shows when and by whom the last was */
		if (verdict.family == IC_FAMILY_REPEATED_EXTENSION)
		{
			ic_load_extension_history(instruction_id, &ctx);
			ic_rules_decide(&ctx, &verdict);
		}
		ic_raise_verdict(&verdict);
	}

	/* What the journal records on its own. */
	cols[ncols] = ic_attnum(desc, "old_due_date");
	values[ncols] = DateADTGetDatum(facts.due_date);
	nulls[ncols++] = facts.due_date == IC_NO_DATE;
	cols[ncols] = ic_attnum(desc, "old_regime");
	values[ncols++] = CStringGetTextDatum(ic_regime_code(facts.regime));
	cols[ncols] = ic_attnum(desc, "repeated");
	values[ncols++] = BoolGetDatum(ic_rules_is_repeated_extension(&ctx));
	if (ic_rules_is_repeated_extension(&ctx))
	{
		/* R72.4: information on the measures taken within one month */
		cols[ncols] = ic_attnum(desc, "measures_due_date");
		values[ncols++] = DateADTGetDatum(ic_cal_add_months(decided_on, 1));
	}
	if (ctx.action == IC_ACTION_TRANSFER && ctx.new_regime == IC_REGIME_LONG_TERM &&
		!roadmap_exists(instruction_id))
	{
		/* R59: long-term control needs a roadmap */
		cols[ncols] = ic_attnum(desc, "roadmap_due_date");
		values[ncols++] = DateADTGetDatum(ic_add_working_days(facts.calendar, decided_on,
															  ROADMAP_WORKING_DAYS));
	}
	if (ctx.action == IC_ACTION_REMOVE)
	{
		cols[ncols] = ic_attnum(desc, "new_due_date");
		nulls[ncols] = true;
		values[ncols++] = (Datum) 0;
	}
	tuple = heap_modify_tuple_by_cols(tuple, desc, ncols, cols, values, nulls);
	apply_decision(tuple, desc, kind);
	SPI_finish();
	return tuple;
}

Datum
ic_decision_judge(PG_FUNCTION_ARGS)
{
	TriggerData *td = ic_trigger_data(fcinfo, "decision_judge");

	if (ic_restore_mode)		/* reloading a dump: judged when first written */
		return PointerGetDatum(td->tg_trigtuple);

	if (!TRIGGER_FIRED_BEFORE(td->tg_event) || !TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		!TRIGGER_FIRED_BY_INSERT(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("decision_judge must be a BEFORE INSERT ROW trigger")));
	return PointerGetDatum(judge(td));
}

Datum
ic_journal_append_only(PG_FUNCTION_ARGS)
{
	TriggerData *td = ic_trigger_data(fcinfo, "journal_append_only");
	const char *what = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? "UPDATE"
		: TRIGGER_FIRED_BY_DELETE(td->tg_event) ? "DELETE" : "TRUNCATE";

	ereport(ERROR,
			(errcode(ERRCODE_IC_BYPASS),
			 errmsg("decision journal is append-only"),
			 errdetail("%s of %s was refused.", what, RelationGetRelationName(td->tg_relation)),
			 errhint("A decision is corrected by a new decision; the journal keeps both.")));
	PG_RETURN_NULL();
}
