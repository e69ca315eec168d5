/*
 * registry_documents.c
 *		Triggers on the registry's documents (roadmaps, reports), and
 *		who_may_decide().
 *
 * A roadmap's approval is a decision (R57): it is judged like the others and
 * journaled.  The drafter it declares must fit the drafting body
 * (drafted_by_body_id, else the instruction's responsible body, as
 * state_body describes it), so the approver follows from the body.  A roadmap
 * is append-only but for the PA's two steps of R57, each written once: its
 * submission to the PA (submitted_to_pa_on) and the PA's agreement
 * (agreed_with_pa_on), judged by the same trigger on UPDATE.  A report is not
 * a decision, but it is accepted only while the instruction is on control, so
 * it takes a share lock on the instruction and waits for a removal in flight
 * (R75, R72.4).
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "utils/datum.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "catalog/namespace.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "ic_errcodes.h"
#include "instruction_control.h"
#include "registry.h"
#include "rules_roadmap_core.h"

PG_FUNCTION_INFO_V1(ic_roadmap_judge);
PG_FUNCTION_INFO_V1(ic_report_judge);
PG_FUNCTION_INFO_V1(ic_who_may_decide);

/*
 * R57: what the drafting body is -- drafted_by_body_id, else the body
 * responsible for the instruction; IC_DRAFTER_BODY_UNKNOWN when neither.
 */
static IcDrafterBody
drafting_body(int64 body_id, int64 instruction_id, int64 *found_id)
{
	static SPIPlanPtr plan = NULL;
	Oid			argtypes[2] = {INT8OID, INT8OID};
	Datum		args[2];
	char		nulls[2] = {' ', ' '};
	bool		isnull;
	Datum		v;
	char	   *type;
	bool		inside;
	bool		direct;

	ic_keep_plan(&plan, "SELECT b.id, b.body_type::pg_catalog.text, b.inside_government, "
				 "       b.directly_subordinate_to_president "
				 "  FROM " IC_SCHEMA ".state_body b "
				 " WHERE b.id OPERATOR(pg_catalog.=) coalesce($1, "
				 "         (SELECT i.responsible_body_id FROM " IC_SCHEMA ".instruction i "
				 "           WHERE i.id OPERATOR(pg_catalog.=) $2))",
				 2, argtypes);
	args[0] = Int64GetDatum(body_id);
	nulls[0] = body_id == 0 ? 'n' : ' ';
	args[1] = Int64GetDatum(instruction_id);
	*found_id = 0;
	if (SPI_execute_plan(plan, args, nulls, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "could not read the drafting body");
	if (SPI_processed == 0)
		return IC_DRAFTER_BODY_UNKNOWN;
	*found_id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	type = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);
	v = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3, &isnull);
	inside = !isnull && DatumGetBool(v);
	v = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 4, &isnull);
	direct = !isnull && DatumGetBool(v);
	return ic_rules_drafter_body(type, inside, direct);
}

/*
 * roadmap.submitted_to_pa_on, new in 0.3.  A 0.2 schema (before ALTER
 * EXTENSION UPDATE) records no submission: an agreement is then checked
 * against approval, receipt and today only, as if submitted on approval.
 */
static int32
submitted_to_pa_on(HeapTuple tuple, TupleDesc desc, int32 approved_on, int32 agreed_on)
{
	if (SPI_fnumber(desc, "submitted_to_pa_on") <= 0)
		return agreed_on == IC_NO_DATE ? IC_NO_DATE : approved_on;
	return ic_get_finite_date(tuple, desc, "submitted_to_pa_on");
}

static void
judge_roadmap(HeapTuple tuple, TupleDesc desc)
{
	IcDecisionContext ctx;
	IcVerdict	verdict;
	IcInstructionFacts facts;
	char	   *drafter = ic_get_cstring(tuple, desc, "drafter");

	memset(&ctx, 0, sizeof(ctx));
	ic_load_instruction(ic_get_required_int64(tuple, desc, "instruction_id"), IC_LOCK_UPDATE, &facts);
	ic_context_from_facts(&ctx, &facts, NULL);
	ctx.action = IC_ACTION_APPROVE_ROADMAP;
	ctx.decided_by = ic_get_decider(tuple, desc, "approved_by");
	if (drafter == NULL || !ic_drafter_parse(drafter, &ctx.drafter))
		ctx.drafter = IC_DRAFTER_INVALID;
	ctx.decided_on = ic_get_finite_date(tuple, desc, "approved_on");
	ctx.pa_agreed_on = ic_get_finite_date(tuple, desc, "agreed_with_pa_on");
	ctx.pa_submitted_on = submitted_to_pa_on(tuple, desc, ctx.decided_on, ctx.pa_agreed_on);
	ctx.drafter_body = drafting_body(ic_get_int64(tuple, desc, "drafted_by_body_id"), facts.id,
									 &ctx.drafter_body_id);
	ctx.touches_government_powers = ic_get_bool(tuple, desc, "touches_government_powers");
	ctx.agreed_with_prime_minister = ic_get_bool(tuple, desc, "agreed_with_prime_minister");
	if (!ic_rules_decide(&ctx, &verdict))
		ic_raise_verdict(&verdict);
}

/*
 * An UPDATE of a roadmap: only the PA's steps of R57, each written once --
 * submitted_to_pa_on, then agreed_with_pa_on -- and judged like a new row's
 * (ic_rules_check_roadmap_pa_dates()).  Any other change is refused as the
 * append-only tables refuse it.
 */
static void
judge_roadmap_pa_step(HeapTuple old, HeapTuple new, TupleDesc desc)
{
	IcDecisionContext ctx;
	IcVerdict	verdict;
	IcInstructionFacts facts;

	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		const char *name = NameStr(att->attname);
		bool		null_old,
					null_new;
		Datum		v_old,
					v_new;
		bool		once = strcmp(name, "submitted_to_pa_on") == 0 ||
			strcmp(name, "agreed_with_pa_on") == 0;

		if (att->attisdropped)
			continue;
		v_old = heap_getattr(old, i + 1, desc, &null_old);
		v_new = heap_getattr(new, i + 1, desc, &null_new);
		if (null_old && null_new)
			continue;
		if (!null_old && !null_new && datumIsEqual(v_old, v_new, att->attbyval, att->attlen))
			continue;
		if (once && null_old)
			continue;
		ereport(ERROR,
				(errcode(ERRCODE_IC_BYPASS),
				 errmsg("roadmap is append-only"),
				 errdetail(once ? "Changing roadmap.%s, already recorded, was refused."
						   : "Changing roadmap.%s was refused.", name),
				 errhint("Only the PA's steps of R57 are written later, each once: submit_roadmap_to_pa() and agree_roadmap_with_pa(); anything else is corrected by a new roadmap.")));
	}

	memset(&ctx, 0, sizeof(ctx));
	ic_load_instruction(ic_get_required_int64(new, desc, "instruction_id"), IC_LOCK_SHARE, &facts);
	ic_context_from_facts(&ctx, &facts, NULL);
	ctx.action = IC_ACTION_APPROVE_ROADMAP;
	ctx.decided_on = ic_get_finite_date(new, desc, "approved_on");
	ctx.pa_agreed_on = ic_get_finite_date(new, desc, "agreed_with_pa_on");
	ctx.pa_submitted_on = submitted_to_pa_on(new, desc, ctx.decided_on, ctx.pa_agreed_on);
	if (!ic_rules_check_roadmap_pa_dates(&ctx, &verdict))
		ic_raise_verdict(&verdict);
}

static void
journal_roadmap(HeapTuple tuple, TupleDesc desc)
{
	static SPIPlanPtr plan = NULL;
	Oid			argtypes[5] = {INT8OID, TEXTOID, DATEOID, INT8OID, TEXTOID};
	Datum		args[5];
	char		nulls[5] = {' ', ' ', ' ', ' ', ' '};
	char	   *ref = ic_get_cstring(tuple, desc, "document_ref");
	IcActingAs	saved;

	ic_keep_plan(&plan, "INSERT INTO " IC_SCHEMA ".decision "
						   "  (instruction_id, kind, decided_by, decided_on, roadmap_id, basis) "
						   "VALUES ($1, 'roadmap_approval', $2, $3, $4, $5)",
				 5, argtypes);
	args[0] = Int64GetDatum(ic_get_int64(tuple, desc, "instruction_id"));
	args[1] = CStringGetTextDatum(ic_get_cstring(tuple, desc, "approved_by"));
	args[2] = DateADTGetDatum(ic_get_date(tuple, desc, "approved_on"));
	args[3] = Int64GetDatum(ic_get_int64(tuple, desc, "id"));
	args[4] = ref ? CStringGetTextDatum(ref) : (Datum) 0;
	nulls[4] = ref ? ' ' : 'n';
	/* the registry journals the approval: whoever registers the roadmap needs no INSERT on decision */
	ic_act_as_owner(get_relname_relid("decision", get_namespace_oid(IC_SCHEMA, false)), &saved);
	PG_TRY();
	{
		if (SPI_execute_plan(plan, args, nulls, false, 0) != SPI_OK_INSERT)
			elog(ERROR, "could not journal the roadmap approval");
	}
	PG_FINALLY();
	{
		ic_act_restore(&saved);
	}
	PG_END_TRY();
}

Datum
ic_roadmap_judge(PG_FUNCTION_ARGS)
{
	TriggerData *td = ic_trigger_data(fcinfo, "roadmap_judge", "roadmap");
	TupleDesc	desc = RelationGetDescr(td->tg_relation);

	if (!TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		!(TRIGGER_FIRED_BY_INSERT(td->tg_event) ||
		  (TRIGGER_FIRED_BY_UPDATE(td->tg_event) && TRIGGER_FIRED_BEFORE(td->tg_event))))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("roadmap_judge must be an INSERT ROW or BEFORE UPDATE ROW trigger")));
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		/* the PA's steps (R57); a restore writes rows, it never updates them */
		if (SPI_connect() != SPI_OK_CONNECT)
			elog(ERROR, "SPI_connect failed");
		judge_roadmap_pa_step(td->tg_trigtuple, td->tg_newtuple, desc);
		SPI_finish();
		return PointerGetDatum(td->tg_newtuple);
	}
	if (ic_restore_mode)		/* reloading a dump: judged and journaled when first written */
		return PointerGetDatum(td->tg_trigtuple);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (TRIGGER_FIRED_BEFORE(td->tg_event))
		judge_roadmap(td->tg_trigtuple, desc);
	else
		journal_roadmap(td->tg_trigtuple, desc);
	SPI_finish();
	return PointerGetDatum(td->tg_trigtuple);
}

Datum
ic_report_judge(PG_FUNCTION_ARGS)
{
	IcReportKind report_kind;
	TriggerData *td = ic_trigger_data(fcinfo, "report_judge", "report");
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	HeapTuple	tuple = td->tg_trigtuple;
	IcDecisionContext ctx;
	IcVerdict	verdict;
	IcInstructionFacts facts;
	char	   *kind;
	int32		submitted_on;

	if (!TRIGGER_FIRED_BEFORE(td->tg_event) || !TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		!TRIGGER_FIRED_BY_INSERT(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("report_judge must be a BEFORE INSERT ROW trigger")));
	if (ic_restore_mode)		/* reloading a dump */
		return PointerGetDatum(tuple);

	memset(&ctx, 0, sizeof(ctx));
	kind = ic_get_cstring(tuple, desc, "kind");
	submitted_on = ic_get_finite_date(tuple, desc, "submitted_on");
	(void) ic_get_finite_date(tuple, desc, "period_end");
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ic_load_instruction(ic_get_required_int64(tuple, desc, "instruction_id"), IC_LOCK_SHARE, &facts);
	if (facts.state_secret && !ic_text_is_blank(ic_get_cstring(tuple, desc, "content")))
		ereport(ERROR,
				(errcode(ERRCODE_IC_SECRECY),
				 errmsg("a report on a state-secret instruction holds no content (R14)"),
				 errdetail("The report on instruction %lld gives content.", (long long) facts.id),
				 errhint("Leave content empty and give document_ref, the reference of the paper report.")));
	ic_context_from_facts(&ctx, &facts, NULL);
	ctx.action = IC_ACTION_SUBMIT_REPORT;
	ctx.decided_on = submitted_on;	/* R66-1: between receipt and today */
	if (kind == NULL || !ic_report_kind_parse(kind, &report_kind))
		report_kind = IC_REPORT_INVALID;
	ctx.is_measures_report = report_kind == IC_REPORT_MEASURES;
	ctx.report_kind = report_kind;
	ctx.report_addressee = ic_get_decider(tuple, desc, "addressee");	/* R66-1.2 */
	if (ctx.is_measures_report)
		ic_load_extension_history(facts.id, &ctx);
	SPI_finish();
	if (!ic_rules_decide(&ctx, &verdict))
		ic_raise_verdict(&verdict);
	return PointerGetDatum(tuple);
}

/*
 * who_may_decide(instruction_id, action): the positions that may take this
 * decision now, from the same function the triggers judge with.  For
 * roadmap_approval (R57) the drafter is read from the responsible body
 * (state_body: local, inside the Government, outside it or directly
 * subordinate to the President), never declared: the approvers of every
 * drafter class that body fits.
 */
Datum
ic_who_may_decide(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int64		instruction_id = PG_GETARG_INT64(0);
	char	   *action = text_to_cstring(PG_GETARG_TEXT_PP(1));
	IcDecisionContext ctx;
	IcInstructionFacts facts;
	IcDeciderSet allowed;
	const char *rule = NULL;
	IcDrafterBody body = IC_DRAFTER_BODY_UNKNOWN;
	int64		body_id;

	memset(&ctx, 0, sizeof(ctx));
	if (!ic_action_parse(action, &ctx.action) ||
		(ctx.action != IC_ACTION_EXTEND && ctx.action != IC_ACTION_TRANSFER &&
		 ctx.action != IC_ACTION_NEW_DEADLINE && ctx.action != IC_ACTION_REMOVE &&
		 ctx.action != IC_ACTION_APPROVE_ROADMAP))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("who_may_decide answers for extension, transfer, new_deadline, removal or roadmap_approval, not \"%s\"", action),
				 ctx.action == IC_ACTION_CALENDAR_CHANGE ?
				 errhint("No position decides a calendar change: the calendar's keeper (ic_admin) applies it with apply_calendar_change() (R50.3).") :
				 errhint("A report is addressed by its kind and the level of control (R66-1.2); see README.")));

	InitMaterializedSRF(fcinfo, 0);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ic_load_instruction(instruction_id, IC_LOCK_NONE, &facts);
	ic_context_from_facts(&ctx, &facts, NULL);
	/* R57: the drafter is read from the responsible body, as the roadmap trigger reads it */
	if (ctx.action == IC_ACTION_APPROVE_ROADMAP)
		body = drafting_body(0, instruction_id, &body_id);
	SPI_finish();

	if (ctx.action == IC_ACTION_APPROVE_ROADMAP)
		allowed = ic_rules_roadmap_approvers(&ctx, body, &rule);
	else
		allowed = ic_rules_allowed_deciders(&ctx, &rule);
	for (int d = 1; d < IC_DECIDER_COUNT; d++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		if (!(allowed & IC_DECIDER_BIT(d)))
			continue;
		values[0] = CStringGetTextDatum(ic_decider_code((IcDecider) d));
		values[1] = CStringGetTextDatum(rule ? rule : "");
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
