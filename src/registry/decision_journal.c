/*
 * decision_journal.c
 *		Triggers of the decision journal: judge a decision and apply it, and
 *		keep the registry's append-only tables append-only.
 *
 * BEFORE INSERT locks the instruction (FOR NO KEY UPDATE, so decisions on one
 * instruction serialize and the second of two concurrent extensions sees the
 * first) and goes straight down: decode the row once (ic_decision_from_row,
 * decision_decode.c), gather every fact the judgement needs, judge once (the
 * rules core), derive the effect (rules_dates_core.c: R72.4, R59;
 * ic_rules_effect).  It then fills in what the journal records on its own --
 * never what the client sent: the order (seq), who recorded it and when, the
 * old due date and regime, whether the extension is repeated (R72), when
 * information on measures is due (R72.4) and when a roadmap is due after a
 * transfer to long-term control (R59) -- and applies the decision to the
 * instruction.
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
#include "rules_dates_core.h"

PG_FUNCTION_INFO_V1(ic_decision_judge);
PG_FUNCTION_INFO_V1(ic_journal_append_only);


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
check_roadmap_entry(int64 roadmap_id, int64 instruction_id)
{
	static SPIPlanPtr plan = NULL;
	Oid			argtypes[1] = {INT8OID};
	Datum		args[1];
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
 * A calendar change (R50.3): the dates the calendar counts now for this
 * instruction, from the one SQL definition of what is counted
 * (calendar_counted_of(), 78_calendar_change.sql, which the preview and
 * calendar_stale_date read too): NULL where the date is fixed, not counted.
 * Read under the instruction's row lock, with this statement's snapshot, so
 * a decision committed while the lock was awaited is seen.
 */
static void
load_counted_dates(int64 instruction_id, IcDecisionContext *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			argtypes[1] = {INT8OID};
	Datum		args[1];
	Datum		d;
	bool		isnull;

	ic_keep_plan(&plan, "SELECT c.due_date, c.roadmap_due_date"
				 "  FROM " IC_SCHEMA ".instruction i, " IC_SCHEMA ".calendar_counted_of(i) c"
				 " WHERE i.id OPERATOR(pg_catalog.=) $1",
				 1, argtypes);
	args[0] = Int64GetDatum(instruction_id);
	if (SPI_execute_plan(plan, args, NULL, false, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "could not count the dates of instruction %lld", (long long) instruction_id);
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	ctx->counted_due = isnull ? IC_NO_DATE : DatumGetDateADT(d);
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull);
	ctx->counted_roadmap_due = isnull ? IC_NO_DATE : DatumGetDateADT(d);
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

/*
 * Facts: everything the judgement and the derived dates need, gathered before
 * the one judgement -- the instruction (read and locked by the caller) and its
 * parent, the row's values in the rules core's terms, and what only the
 * journal knows: the import's history (IC117), the PA's record of the same
 * point (R79), the last extension where R72 refuses a repeated one without
 * review (its refusal names it).  The one fact only the effect needs, whether
 * a roadmap exists (R59), is read after the verdict, for an accepted transfer
 * to long-term control only, so a refusal costs no query for it.
 */
static void
gather_facts(const IcDecisionRow *row, const IcInstructionFacts *facts, IcDecisionContext *ctx)
{
	IcParentFacts parent;

	memset(ctx, 0, sizeof(*ctx));
	ic_load_parent(facts->parent_id, &parent);
	ic_context_from_facts(ctx, facts, &parent);
	ctx->action = row->action;
	ctx->decided_on = row->decided_on;
	ctx->imported = row->imported;
	ctx->import_in_force = row->import_in_force;
	if (ctx->import_in_force && !row->imported)
		ic_raise_bypass("only an import says it is dated when the rules were in force",
						"A decision of the live journal gave imported_in_force.",
						"Record decisions through the API; import history with import_decision().");
	if (row->imported)
		load_import_facts(facts->id, ctx);
	/* a date of the journal: finite, and inside the instruction's calendar */
	ctx->new_due_date = ctx->due_rolled = IC_NO_DATE;
	if (row->new_due_given)
	{
		ctx->new_due_date = ic_check_finite_date("new_due_date", row->new_due_date);
		ctx->due_rolled = ic_roll_forward(facts->calendar, ctx->new_due_date);	/* IC002 outside the calendar */
	}

	if (ctx->action == IC_ACTION_APPROVE_ROADMAP)
	{
		if (!row->imported)
			check_roadmap_entry(row->roadmap_id, facts->id);
		return;
	}

	ctx->last_extension_on = IC_NO_DATE;
	ctx->decided_by = IC_DECIDER_INVALID;
	if (row->decided_by_code != NULL && !ic_decider_parse(row->decided_by_code, &ctx->decided_by))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown decider \"%s\"", row->decided_by_code)));
	ctx->new_regime = row->new_regime;
	ctx->new_deadline_reason = row->reason;
	ctx->ground = row->ground;
	ctx->evidence = row->evidence;
	/*
	 * R69.1 typed basis (on by default since 0.3): a 0.2 schema has no kind
	 * for the PA's agreement and its API no evidence for an extension, so
	 * until ALTER EXTENSION UPDATE it is judged on its free-text basis as 0.2
	 * judged it.
	 */
	if (!row->schema_0_3)
		ctx->typed_basis_required = false;
	ctx->receiving_body_given = row->receiving_body_given;
	ctx->executor_directly_subordinate = ctx->receiver_is_government = false;
	if (ctx->action == IC_ACTION_REMOVE && ctx->ground == IC_GROUND_CONTROL_PASSED && row->receiving_body_given)
		ic_load_control_passing(facts->id, row->receiving_body_id,
								&ctx->executor_directly_subordinate, &ctx->receiver_is_government);
	if (ctx->action == IC_ACTION_REMOVE && facts->level != IC_LEVEL_PA)
		ctx->pa_record_on_control = ic_load_pa_record_on_control(facts);
	ctx->counted_due = ctx->counted_roadmap_due = IC_NO_DATE;
	ctx->roadmap_due_date = facts->state.roadmap_due_date;
	if (ctx->action == IC_ACTION_CALENDAR_CHANGE && !row->imported)
	{
		/* R50.3: only the calendar's keeper; the counted dates are read for it alone */
		ctx->calendar_keeper = ic_is_registry_admin();
		if (ctx->calendar_keeper)
			load_counted_dates(facts->id, ctx);
	}

	if (facts->state_secret)
	{
		/* R14: the paper document's reference stands for the texts */
		bool		paper = !ic_text_is_blank(row->paper_ref);

		/* a calendar change's basis is the public act that changed the calendar */
		ctx->has_content = (row->basis_given && ctx->action != IC_ACTION_CALENDAR_CHANGE) ||
			(ctx->action == IC_ACTION_TRANSFER && row->reason_given) ||
			row->disciplinary_review_given || row->evidence_ref_given;
		ctx->paper_ref_too_long = paper && strlen(row->paper_ref) > IC_PAPER_REF_MAXLEN;
		ctx->basis_given = ctx->reason_given = ctx->disciplinary_review_given = paper;
		if (ctx->action == IC_ACTION_CALENDAR_CHANGE)
			ctx->basis_given = row->basis_given;
	}
	else
	{
		ctx->basis_given = row->basis_given;
		ctx->reason_given = row->reason_given;
		ctx->disciplinary_review_given = row->disciplinary_review_given;
	}

	if (ic_rules_needs_extension_history(ctx))
	{
		/* a refused repeated extension shows when and by whom the last was */
		int			prior = ctx->prior_extensions;

		ic_load_extension_history(facts->id, ctx);
		ctx->prior_extensions = prior;	/* judged on the instruction's count */
	}
}

/*
 * Judge: one verdict of the rules core.  Imported history is not judged by
 * the rules of Decree No. 403: history only (IC117), who decided where the
 * decree reserves it to the President (R74, R77); dated and ordered like any
 * decision, otherwise as recorded.
 */
static void
judge_decision(const IcDecisionContext *ctx)
{
	IcVerdict	verdict;
	bool		allowed;

	if (ctx->imported)
		allowed = ic_rules_check_import(ctx, &verdict) &&
			ic_rules_check_decision_date(ctx, &verdict);
	else if (ctx->action == IC_ACTION_APPROVE_ROADMAP)
		allowed = ic_rules_check_decision_date(ctx, &verdict);	/* judged by register_roadmap() */
	else
		allowed = ic_rules_decide(ctx, &verdict);
	if (!allowed)
		ic_raise_verdict(&verdict);
}

/* Raise IC002 where a derived date left the instruction's calendar. */
static void
check_derived(const IcCalendar *cal, IcCalStatus st, const IcDateFault *fault)
{
	if (st != IC_CAL_OK)
		ic_calendar_range_error(cal, st, fault->day, fault->what);
}

/*
 * Judge one journal row against its instruction (facts: read and locked by
 * the caller, SPI connected) and fill in what the journal records on its own:
 * decode, gather the facts, judge once, derive the effect (pure), write.
 * Returns the row to store; *effect is what it does to the instruction.
 */
HeapTuple
ic_judge_decision_row(HeapTuple tuple, TupleDesc desc, const IcInstructionFacts *facts,
					  IcDecisionEffect *effect)
{
	IcDecisionRow row;
	IcDecisionContext ctx;
	IcDateFault fault;
	const IcCalendar *cal;
	bool		has_roadmap;
	bool		repeated;
	int32		new_due;
	int32		measures_due = IC_NO_DATE;
	int32		roadmap_due = IC_NO_DATE;
	int32		old_roadmap_due = IC_NO_DATE;
	IcRowEdit	edit = {0};
	Datum		acted_by;
	bool		acted_by_null;
	Datum		acted_by_person;
	bool		acted_by_person_null;
	int64		rules_version;
	bool		rules_version_known;

	memset(effect, 0, sizeof(*effect));

	/* decode */
	ic_decision_from_row(tuple, desc, &row);
	if (row.imported)
		ic_require_import_admin();

	/* facts */
	gather_facts(&row, facts, &ctx);

	/* judge */
	judge_decision(&ctx);

	/* effect: the dates the rules derive (rules_dates_core.c) */
	repeated = ic_rules_is_repeated_extension(&ctx);
	new_due = ctx.new_due_date;
	if (ctx.action == IC_ACTION_APPROVE_ROADMAP || ctx.action == IC_ACTION_REMOVE)
		new_due = IC_NO_DATE;
	else
	{
		/*
		 * R59's one fact, for an accepted transfer: any roadmap registered
		 * before it (an R56 roadmap too) is the roadmap R59 asks for
		 * (README, Interpretations); journal order keeps a later one out.
		 */
		has_roadmap = ctx.action == IC_ACTION_TRANSFER && ctx.new_regime == IC_REGIME_LONG_TERM &&
			roadmap_exists(facts->id);
		cal = ic_calendar_get(facts->calendar);
		check_derived(cal, ic_rules_measures_due(&cal->core, &ctx, &measures_due, &fault), &fault);	/* R72.4 */
		check_derived(cal, ic_rules_roadmap_due_on_transfer(&cal->core, &ctx, has_roadmap, &roadmap_due, &fault),
					  &fault);	/* R59 */
	}
	if (ctx.action == IC_ACTION_CALENDAR_CHANGE && !row.imported)
	{
		/* R50.3: the dates the calendar counts now, never the client's */
		new_due = ctx.counted_due;
		if (ctx.counted_roadmap_due != ctx.roadmap_due_date)
		{
			roadmap_due = ctx.counted_roadmap_due;
			/* the date it moves from, for the event's from -> to */
			if (roadmap_due != IC_NO_DATE)
				old_roadmap_due = ctx.roadmap_due_date;
		}
	}

	if (facts->state.decision_count == PG_INT32_MAX || facts->state.extensions == PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("instruction %lld has reached the largest number of decisions", (long long) facts->id)));

	/* What the journal records on its own; client values are replaced. */
	ic_edit_set(&edit, desc, "seq", IC_COL_INT4, Int32GetDatum(facts->state.decision_count + 1), false);
	ic_edit_date(&edit, desc, "old_due_date", facts->state.due_date);
	ic_edit_set(&edit, desc, "old_regime", IC_COL_TEXT,
				CStringGetTextDatum(ic_regime_code(facts->state.regime)), false);
	ic_edit_set(&edit, desc, "repeated", IC_COL_BOOL, BoolGetDatum(repeated), false);
	ic_edit_date(&edit, desc, "measures_due_date", measures_due);
	ic_edit_date(&edit, desc, "roadmap_due_date", roadmap_due);
	ic_edit_set_if_present(&edit, desc, "old_roadmap_due_date", IC_COL_DATE, DateADTGetDatum(old_roadmap_due),
						   old_roadmap_due == IC_NO_DATE);	/* 0.3 */
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
						   row.imported || !rules_version_known);
	ic_edit_set(&edit, desc, "recorded_at", IC_COL_TIMESTAMPTZ,
				TimestampTzGetDatum(GetCurrentTransactionStartTimestamp()), false);
	tuple = ic_edit_apply(&edit, tuple, desc);

	effect->action = ctx.action;
	effect->decision_id = row.id;
	effect->new_due_date = new_due;
	effect->new_regime = ctx.new_regime;
	effect->decided_on = ctx.decided_on;
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
