/*
 * decision_journal.c
 *		Triggers of the decision journal: judge a decision and apply it, and
 *		keep the registry's append-only tables append-only.
 *
 * BEFORE INSERT locks the instruction (FOR NO KEY UPDATE, so decisions on one
 * instruction serialize and the second of two concurrent extensions sees the
 * first), reads the history and the authority table, and asks the rules core.
 * It then fills in what the journal records on its own -- never what the
 * client sent: the order (seq), who recorded it and when, the old due date and
 * regime, whether the extension is repeated (R72), when information on
 * measures is due (R72.4) and when a roadmap is due after a transfer to
 * long-term control (R59) -- and applies the decision to the instruction.
 *
 * Imported history (imported = true, the registry's administrator only) is
 * not judged by the rules of Decree No. 403: it is recorded as it was and
 * its effect applied, with the same order, dates and append-only checks.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/timestamp.h"

#include "calendar.h"
#include "ic_errcodes.h"
#include "instruction_control.h"
#include "registry.h"

PG_FUNCTION_INFO_V1(ic_decision_judge);
PG_FUNCTION_INFO_V1(ic_journal_append_only);


static IcEvidenceSet
evidence_set(HeapTuple tuple, TupleDesc desc)
{
	bool		isnull;
	Datum		d = ic_getattr(tuple, desc, "evidence", IC_COL_TEXT_ARRAY, &isnull);
	ArrayType  *arr;
	Datum	   *elems;
	bool	   *elem_nulls;
	int			n;
	IcEvidenceSet set = 0;

	if (isnull)
		return 0;
	arr = DatumGetArrayTypeP(d);
	deconstruct_array(arr, ARR_ELEMTYPE(arr), -1, false, TYPALIGN_INT, &elems, &elem_nulls, &n);
	for (int i = 0; i < n; i++)
	{
		IcEvidence	e;

		CHECK_FOR_INTERRUPTS();
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

	ic_keep_plan(&plan, "SELECT 1 FROM " IC_SCHEMA ".roadmap WHERE instruction_id OPERATOR(pg_catalog.=) $1 LIMIT 1",
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
				 "       EXISTS (SELECT 1 FROM " IC_SCHEMA ".decision d WHERE d.roadmap_id OPERATOR(pg_catalog.=) r.id) "
				 "  FROM " IC_SCHEMA ".roadmap r WHERE r.id OPERATOR(pg_catalog.=) $1",
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
 * What an import is judged on (IC117): whether the instruction is itself
 * imported history and whether the live journal has decided on it.
 */
static void
load_import_facts(int64 instruction_id, IcDecisionContext *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			argtypes[1] = {INT8OID};
	Datum		args[1];
	bool		isnull;

	ic_keep_plan(&plan, "SELECT i.imported, EXISTS (SELECT 1 FROM " IC_SCHEMA ".decision d"
				 "        WHERE d.instruction_id OPERATOR(pg_catalog.=) i.id AND NOT d.imported)"
				 "  FROM " IC_SCHEMA ".instruction i WHERE i.id OPERATOR(pg_catalog.=) $1",
				 1, argtypes);
	args[0] = Int64GetDatum(instruction_id);
	if (SPI_execute_plan(plan, args, NULL, false, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "could not read instruction %lld", (long long) instruction_id);
	ctx->instruction_imported = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	ctx->has_live_decision = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
}

/* A date of the journal: finite, and inside the instruction's calendar. */
static int32
calendar_date(HeapTuple tuple, TupleDesc desc, const char *name, const char *calendar,
			  int32 *rolled)
{
	int32		d = ic_get_finite_date(tuple, desc, name);

	if (d != IC_NO_DATE && rolled != NULL)
		*rolled = ic_roll_forward(calendar, d);	/* IC002 outside the calendar */
	return d;
}

/*
 * Judge one journal row against its instruction (facts: read and locked by
 * the caller, SPI connected) and fill in what the journal records on its own.
 * Returns the row to store; *effect is what it does to the instruction.
 */
HeapTuple
ic_judge_decision_row(HeapTuple tuple, TupleDesc desc, const IcInstructionFacts *fp,
					  IcDecisionEffect *effect)
{
	IcDecisionContext ctx;
	IcVerdict	verdict;
	IcInstructionFacts facts = *fp;
	IcParentFacts parent;
	char	   *kind = ic_get_cstring(tuple, desc, "kind");
	char	   *text;
	char	   *paper_ref;
	bool		imported = ic_get_bool(tuple, desc, "imported");
	int64		instruction_id = facts.id;
	int32		decided_on = ic_get_finite_date(tuple, desc, "decided_on");
	int32		new_due;
	int32		new_due_rolled = IC_NO_DATE;
	int32		measures_due = IC_NO_DATE;
	int32		roadmap_due = IC_NO_DATE;
	IcRowEdit	edit = {0};
	Datum		acted_by;
	bool		acted_by_null;
	Datum		acted_by_person;
	bool		acted_by_person_null;
	int64		rules_version;
	bool		rules_version_known;

	memset(&ctx, 0, sizeof(ctx));
	memset(effect, 0, sizeof(*effect));
	ic_row_deform(tuple, desc);
	if (kind == NULL || !ic_action_parse(kind, &ctx.action) ||
		ctx.action == IC_ACTION_PUT_ON_CONTROL || ctx.action == IC_ACTION_SUBMIT_REPORT)
		ic_raise_bypass("unknown kind of decision",
						kind ? psprintf("Kind \"%s\" is not a decision of the journal.", kind) : "The kind is empty.",
						"Record extension, transfer, new_deadline or removal; roadmaps through register_roadmap().");
	if (imported)
		ic_require_import_admin();

	ic_load_parent(facts.parent_id, &parent);
	ic_context_from_facts(&ctx, &facts, &parent);
	ctx.decided_on = decided_on;
	ctx.imported = imported;
	ctx.import_in_force = ic_get_bool_if_present(tuple, desc, "imported_in_force");	/* 0.3 */
	if (ctx.import_in_force && !imported)
		ic_raise_bypass("only an import says it is dated when the rules were in force",
						"A decision of the live journal gave imported_in_force.",
						"Record decisions through the API; import history with import_decision().");
	if (imported)
		load_import_facts(instruction_id, &ctx);
	new_due = calendar_date(tuple, desc, "new_due_date", facts.calendar, &new_due_rolled);

	if (ctx.action == IC_ACTION_APPROVE_ROADMAP)
	{
		if (!imported)
			check_roadmap_entry(tuple, desc, instruction_id);
		else if (!ic_rules_check_import(&ctx, &verdict))
			ic_raise_verdict(&verdict);	/* IC117: history only */
		if (!ic_rules_check_decision_date(&ctx, &verdict))
			ic_raise_verdict(&verdict);
		new_due = IC_NO_DATE;
	}
	else
	{
		ctx.last_extension_on = IC_NO_DATE;

		ctx.decided_by = ic_get_decider(tuple, desc, "decided_by");
		paper_ref = ic_get_cstring(tuple, desc, "paper_ref");
		ctx.new_due_date = new_due;
		ctx.due_rolled = new_due_rolled;
		text = ic_get_cstring(tuple, desc, "new_regime");
		if (text == NULL || !ic_regime_parse(text, &ctx.new_regime))
			ctx.new_regime = IC_REGIME_INVALID;
		text = ic_get_cstring(tuple, desc, "reason");
		if (text == NULL || !ic_reason_parse(text, &ctx.new_deadline_reason))
			ctx.new_deadline_reason = IC_REASON_INVALID;
		text = ic_get_cstring(tuple, desc, "ground");
		if (text == NULL || !ic_ground_parse(text, &ctx.ground))
			ctx.ground = IC_GROUND_INVALID;
		ctx.evidence = evidence_set(tuple, desc);
		ctx.receiving_body_given = !ic_is_null(tuple, desc, "receiving_body_id", IC_COL_INT8);
		if (ctx.action == IC_ACTION_REMOVE && facts.level != IC_LEVEL_PA)
			ctx.pa_record_on_control = ic_load_pa_record_on_control(&facts);

		if (facts.state_secret)
		{
			/* R14: the paper document's reference stands for the texts */
			bool		paper = !ic_text_is_blank(paper_ref);

			ctx.has_content = !ic_text_is_blank(ic_get_cstring(tuple, desc, "basis")) ||
				(ctx.action == IC_ACTION_TRANSFER && !ic_text_is_blank(ic_get_cstring(tuple, desc, "reason"))) ||
				!ic_text_is_blank(ic_get_cstring(tuple, desc, "disciplinary_review")) ||
				!ic_text_is_blank(ic_get_cstring(tuple, desc, "evidence_ref"));
			ctx.paper_ref_too_long = paper && strlen(paper_ref) > IC_PAPER_REF_MAXLEN;
			ctx.basis_given = ctx.reason_given = ctx.disciplinary_review_given = paper;
		}
		else
		{
			ctx.basis_given = !ic_text_is_blank(ic_get_cstring(tuple, desc, "basis"));
			ctx.reason_given = !ic_text_is_blank(ic_get_cstring(tuple, desc, "reason"));
			ctx.disciplinary_review_given = !ic_text_is_blank(ic_get_cstring(tuple, desc, "disciplinary_review"));
		}

		if (imported)
		{
			/*
			 * history only (IC117), who decided where the decree reserves it
			 * to the President (R74, R77); dated and ordered like any
			 * decision, otherwise as recorded
			 */
			if (!ic_rules_check_import(&ctx, &verdict) ||
				!ic_rules_check_decision_date(&ctx, &verdict))
				ic_raise_verdict(&verdict);
		}
		else if (!ic_rules_decide(&ctx, &verdict))
		{
			/* a refused repeated extension shows when and by whom the last was */
			if (verdict.family == IC_FAMILY_REPEATED_EXTENSION)
			{
				ic_load_extension_history(instruction_id, &ctx);
				ic_rules_decide(&ctx, &verdict);
			}
			ic_raise_verdict(&verdict);
		}

		if (ic_rules_is_repeated_extension(&ctx))
		{
			/* R72.4: information on the measures within one month, a working day */
			measures_due = ic_roll_forward(facts.calendar, ic_cal_add_months(decided_on, 1));
		}
		if (ctx.action == IC_ACTION_TRANSFER && ctx.new_regime == IC_REGIME_LONG_TERM &&
			!roadmap_exists(instruction_id))
		{
			/* R59: long-term control needs a roadmap */
			roadmap_due = ic_add_working_days(facts.calendar, decided_on, IC_ROADMAP_WORKING_DAYS);	/* R59, like R56 */
		}
		if (ctx.action == IC_ACTION_REMOVE)
			new_due = IC_NO_DATE;
	}

	if (facts.state.decision_count == PG_INT32_MAX || facts.state.extensions == PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("instruction %lld has reached the largest number of decisions", (long long) instruction_id)));

	/* What the journal records on its own; client values are replaced. */
	ic_edit_set(&edit, desc, "seq", IC_COL_INT4, Int32GetDatum(facts.state.decision_count + 1), false);
	ic_edit_date(&edit, desc, "old_due_date", facts.state.due_date);
	ic_edit_set(&edit, desc, "old_regime", IC_COL_TEXT,
				CStringGetTextDatum(ic_regime_code(facts.state.regime)), false);
	ic_edit_set(&edit, desc, "repeated", IC_COL_BOOL, BoolGetDatum(ic_rules_is_repeated_extension(&ctx)), false);
	ic_edit_date(&edit, desc, "measures_due_date", measures_due);
	ic_edit_date(&edit, desc, "roadmap_due_date", roadmap_due);
	ic_edit_date(&edit, desc, "new_due_date", new_due);
	ic_edit_set(&edit, desc, "recorded_by", IC_COL_NAME, ic_session_user_name(), false);
	ic_prove_acting_person(GetUserId(), &acted_by, &acted_by_null, &acted_by_person, &acted_by_person_null);
	ic_edit_set_if_present(&edit, desc, "acted_by", IC_COL_TEXT, acted_by, acted_by_null);	/* 0.2 */
	ic_edit_set_if_present(&edit, desc, "acted_by_person_id", IC_COL_INT8, acted_by_person,
						   acted_by_person_null);	/* 0.3 */
	ic_edit_set_if_present(&edit, desc, "imported_in_force", IC_COL_BOOL,
						   BoolGetDatum(ctx.import_in_force), false);	/* 0.3: never NULL */
	/* the rules that judged it: the version the matrix was read at (0.3) */
	rules_version = ic_decision_matrix_version(&rules_version_known);
	ic_edit_set_if_present(&edit, desc, "rules_version", IC_COL_INT8, Int64GetDatum(rules_version),
						   imported || !rules_version_known);
	ic_edit_set(&edit, desc, "recorded_at", IC_COL_TIMESTAMPTZ,
				TimestampTzGetDatum(GetCurrentTransactionStartTimestamp()), false);
	ic_row_forget();
	tuple = ic_edit_apply(&edit, tuple, desc);

	effect->action = ctx.action;
	effect->decision_id = ic_get_int64(tuple, desc, "id");
	effect->new_due_date = new_due;
	effect->new_regime = ctx.new_regime;
	effect->decided_on = decided_on;
	effect->roadmap_due_date = roadmap_due;
	return tuple;
}

/* The trigger's path: lock the instruction, judge the row, apply it. */
static HeapTuple
judge(TriggerData *td)
{
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	HeapTuple	tuple = td->tg_trigtuple;
	IcInstructionFacts facts;
	IcDecisionEffect effect;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ic_load_instruction(ic_get_required_int64(tuple, desc, "instruction_id"), IC_LOCK_UPDATE, &facts);
	tuple = ic_judge_decision_row(tuple, desc, &facts, &effect);
	ic_apply_decision(&facts, &effect);
	/*
	 * The judged row was made in SPI's memory, which SPI_finish() frees: copy
	 * it out first (a row with a large basis lived in its own block, given
	 * back to the system, and the executor read freed memory).
	 */
	tuple = SPI_copytuple(tuple);
	SPI_finish();
	return tuple;
}

Datum
ic_decision_judge(PG_FUNCTION_ARGS)
{
	TriggerData *td = ic_trigger_data(fcinfo, "decision_judge", "decision");

	if (!TRIGGER_FIRED_BEFORE(td->tg_event) || !TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		!TRIGGER_FIRED_BY_INSERT(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("decision_judge must be a BEFORE INSERT ROW trigger")));
	if (ic_restore_mode)		/* reloading a dump: judged when first written */
		return PointerGetDatum(td->tg_trigtuple);
	if (ic_batch_prepared(td->tg_trigtuple, RelationGetDescr(td->tg_relation)))
		return PointerGetDatum(td->tg_trigtuple);	/* judged by record_decisions() */
	return PointerGetDatum(judge(td));
}

/* The tables that only grow: a correction is a new row. */
static const char *const append_only_tables[] = {
	"decision", "roadmap", "report", "instruction_executor", "instruction", "rule_change"
};

Datum
ic_journal_append_only(PG_FUNCTION_ARGS)
{
	TriggerData *td;
	const char *table = NULL;
	const char *what;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"journal_append_only\" was not called by the trigger manager")));
	td = castNode(TriggerData, fcinfo->context);
	for (size_t i = 0; i < lengthof(append_only_tables); i++)
		if (strcmp(RelationGetRelationName(td->tg_relation), append_only_tables[i]) == 0)
			table = append_only_tables[i];
	if (table == NULL)
		table = "decision";		/* not one of ours: ic_trigger_data says so */
	(void) ic_trigger_data(fcinfo, "journal_append_only", table);
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("journal_append_only must be an UPDATE, DELETE or TRUNCATE trigger")));
	/* reloading a dump into a database that already has rows is not our case */
	what = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? "UPDATE"
		: TRIGGER_FIRED_BY_DELETE(td->tg_event) ? "DELETE" : "TRUNCATE";

	ereport(ERROR,
			(errcode(ERRCODE_IC_BYPASS),
			 errmsg("%s is append-only", strcmp(table, "decision") == 0 ? "decision journal" : table),
			 errdetail("%s of %s was refused.", what, table),
			 strcmp(table, "rule_change") == 0 ?
			 errhint("The rule data's journal is written by the extension's triggers only; change the rule data instead.") :
			 errhint("A decision, roadmap or report is corrected by a new row; the registry keeps both.")));
	PG_RETURN_NULL();
}
