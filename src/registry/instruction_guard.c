/*
 * instruction_guard.c
 *		Triggers on instruction: putting on control, the columns only
 *		decisions change, and the executors' rows.
 *
 * INSERT is putting on control: the due date is computed from the term
 * (R50.3) or the signing day (R51), an explicit one is checked against them
 * and against the calendar, the roadmap due date is computed where R56 asks
 * for one (never taken from the client), and the rules core judges the rest
 * (R42-1, R14, R50, the parent's deadline).  UPDATE may change a few
 * descriptive columns; the columns decisions own change only while the
 * journal applies a decision to this very row (ic_applying), and the guard
 * then writes the effect itself.  The card's facts are fixed once on control.
 * DELETE is refused: removal from control is a decision (R75).  AFTER INSERT
 * writes instruction_executor (instruction_executors.c).
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/rel.h"
#include "utils/timestamp.h"

#include "calendar.h"
#include "ic_errcodes.h"
#include "instruction_control.h"
#include "registry.h"
#include "roadmap.h"
#include "rules_dates_core.h"
#include "term.h"

PG_FUNCTION_INFO_V1(ic_instruction_guard);

typedef struct GuardColumn
{
	const char *name;
	IcColType	type;
} GuardColumn;

/*
 * The card's facts, fixed when the instruction is put on control (R30-1,
 * R50, R4.5): what the rules judge by (category for R76-1, executors for R56,
 * the deadline's source) cannot be changed around them.  A wrongly registered
 * card is removed from control and registered again.
 */
static const GuardColumn fixed_columns[] = {
	{"id", IC_COL_INT8}, {"kind", IC_COL_BYTE}, {"level", IC_COL_BYTE},
	{"received_on", IC_COL_DATE}, {"signed_on", IC_COL_DATE}, {"term", IC_COL_TERM},
	{"original_due_date", IC_COL_DATE}, {"calendar", IC_COL_TEXT}, {"parent_id", IC_COL_INT8},
	{"created_at", IC_COL_TIMESTAMPTZ}, {"category", IC_COL_TEXT},
	{"responsible_body_id", IC_COL_INT8}, {"co_executor_ids", IC_COL_INT8_ARRAY},
	{"controlling_body_id", IC_COL_INT8}, {"pa_unit", IC_COL_TEXT},
	{"completion_form", IC_COL_TEXT}, {"new_approaches", IC_COL_BOOL},
	{"deadline_source", IC_COL_TEXT}, {"upper_record_id", IC_COL_INT8},
	{"act_id", IC_COL_INT8}, {"imported", IC_COL_BOOL}, {"recorded_by", IC_COL_NAME}
};

/* Added in 0.3 (absent from an older schema): fixed like the columns above. */
static const GuardColumn import_in_force_column = {"imported_in_force", IC_COL_BOOL};

/* Columns only the application of a decision changes. */
static const GuardColumn decision_columns[] = {
	{"due_date", IC_COL_DATE}, {"regime", IC_COL_TEXT}, {"status", IC_COL_TEXT},
	{"removed_on", IC_COL_DATE}, {"roadmap_due_date", IC_COL_DATE},
	{"extensions", IC_COL_INT4}, {"decision_count", IC_COL_INT4},
	{"last_decision_id", IC_COL_INT8}, {"last_decided_on", IC_COL_DATE}
};

static bool
column_changed(HeapTuple oldtup, HeapTuple newtup, TupleDesc desc, const GuardColumn *c)
{
	int			attnum = ic_attnum(desc, c->name, c->type);
	Form_pg_attribute att = TupleDescAttr(desc, attnum - 1);
	bool		oldnull,
				newnull;
	Datum		o = heap_getattr(oldtup, attnum, desc, &oldnull);
	Datum		n = heap_getattr(newtup, attnum, desc, &newnull);

	if (oldnull || newnull)
		return oldnull != newnull;
	return !datumIsEqual(o, n, att->attbyval, att->attlen);
}

/* none < restricted < state_secret: the order of IcSecrecy */
static int
secrecy_rank(HeapTuple tuple, TupleDesc desc)
{
	char	   *secrecy = ic_get_cstring(tuple, desc, "secrecy");
	IcSecrecy	s;

	if (secrecy == NULL || !ic_secrecy_parse(secrecy, &s))
		s = IC_SECRECY_NONE;	/* the domain admits no other value */
	return (int) s - (int) IC_SECRECY_NONE;
}

/* Free text of the card that could hold the content of a state secret (R14). */
static bool
has_content(HeapTuple tuple, TupleDesc desc)
{
	return !ic_is_null(tuple, desc, "content", IC_COL_TEXT) ||
		!ic_is_null(tuple, desc, "final_result", IC_COL_TEXT) ||
		!ic_is_null(tuple, desc, "completion_form", IC_COL_TEXT);
}

static bool
paper_card_too_long(HeapTuple tuple, TupleDesc desc)
{
	char	   *ref = ic_get_cstring(tuple, desc, "paper_card_ref");

	return ref != NULL && strlen(ref) > IC_PAPER_REF_MAXLEN;
}

/* A body id and where it stands in co_executor_ids. */
typedef struct BodyAt
{
	int64		id;
	int			at;
}			BodyAt;

static int
cmp_body_at(const void *a, const void *b)
{
	const BodyAt *x = a,
			   *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at ? 1 : 0;
}

/* The co-executors: no NULL, no duplicate, not the responsible body. */
static int
check_co_executors(HeapTuple tuple, TupleDesc desc, int64 responsible, Datum *ids_out)
{
	bool		isnull;
	Datum		d = ic_getattr(tuple, desc, "co_executor_ids", IC_COL_INT8_ARRAY, &isnull);
	ArrayType  *arr;
	Datum	   *elems;
	bool	   *elem_nulls;
	int			n;
	BodyAt	   *sorted;
	int			nsorted = 0;
	int			dup_at = -1;

	*ids_out = d;
	if (isnull)
		return 0;
	arr = DatumGetArrayTypeP(d);
	deconstruct_array(arr, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &elems, &elem_nulls, &n);
	/*
	 * Duplicates found by sorting (id, position), not by comparing every pair
	 * (issue 16, item 8): dup_at is the first position holding an id seen
	 * before it.
	 */
	sorted = palloc(sizeof(BodyAt) * Max(n, 1));
	for (int i = 0; i < n; i++)
		if (!elem_nulls[i])
		{
			sorted[nsorted].id = DatumGetInt64(elems[i]);
			sorted[nsorted++].at = i;
		}
	qsort(sorted, nsorted, sizeof(BodyAt), cmp_body_at);
	for (int k = 1; k < nsorted; k++)
		if (sorted[k].id == sorted[k - 1].id && (dup_at < 0 || sorted[k].at < dup_at))
			dup_at = sorted[k].at;
	for (int i = 0; i < n; i++)
	{
		int64		id = elem_nulls[i] ? 0 : DatumGetInt64(elems[i]);
		const char *problem = NULL;

		CHECK_FOR_INTERRUPTS();
		if (elem_nulls[i])
			problem = "an empty element";
		else if (id == responsible)
			problem = "the responsible body again";
		else if (i == dup_at)
			problem = "a body twice";
		if (problem)
			ereport(ERROR,
					(errcode(ERRCODE_IC_ROADMAP),
					 errmsg("co-executors name distinct state bodies other than the responsible one (R56)"),
					 errdetail("co_executor_ids names %s (element %d, body %lld).", problem, i + 1,
							   (long long) id),
					 errhint("List each co-executing body once; the responsible body is responsible_body_id. R56 counts distinct bodies.")));
	}
	return n;
}

/*
 * The upper record of a point: exists, and is at a higher level; and what it
 * is to this record (R42-1.1, round 3): the same act and point, or a record
 * removed on ground control_passed naming this record's controlling body
 * (R75(4)).  The rules core judges those two facts (check_upper_record).
 */
static bool
load_upper_record(int64 upper_id, IcControlLevel level, HeapTuple tuple, TupleDesc desc,
				  IcDecisionContext *ctx)
{
	static SPIPlanPtr plan = NULL;
	Oid			argtypes[4] = {INT8OID, INT8OID, TEXTOID, INT8OID};
	Datum		args[4];
	char		nulls[4] = {' ', ' ', ' ', ' '};
	int64		act_id = ic_get_int64(tuple, desc, "act_id");
	int64		controlling = ic_get_int64(tuple, desc, "controlling_body_id");
	int			point_att = SPI_fnumber(desc, "point");
	char	   *point = point_att > 0 ? SPI_getvalue(tuple, desc, point_att) : NULL;
	IcInstructionFacts upper;
	bool		isnull;

	if (upper_id == 0)
		return false;
	ic_load_instruction(upper_id, IC_LOCK_NONE, &upper);
	ic_keep_plan(&plan,
				 "SELECT u.act_id IS NOT NULL AND u.act_id OPERATOR(pg_catalog.=) $2"
				 "       AND u.point::pg_catalog.text IS NOT DISTINCT FROM $3,"
				 "       EXISTS (SELECT 1 FROM " IC_SCHEMA ".decision d"
				 "                WHERE d.instruction_id OPERATOR(pg_catalog.=) u.id"
				 "                  AND d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'removal'"
				 "                  AND d.ground::pg_catalog.text OPERATOR(pg_catalog.=) 'control_passed'"
				 "                  AND d.receiving_body_id OPERATOR(pg_catalog.=) $4)"
				 "  FROM " IC_SCHEMA ".instruction u WHERE u.id OPERATOR(pg_catalog.=) $1",
				 4, argtypes);
	args[0] = Int64GetDatum(upper_id);
	args[1] = Int64GetDatum(act_id);
	nulls[1] = act_id == 0 ? 'n' : ' ';
	args[2] = point ? CStringGetTextDatum(point) : (Datum) 0;
	nulls[2] = point ? ' ' : 'n';
	args[3] = Int64GetDatum(controlling);
	nulls[3] = controlling == 0 ? 'n' : ' ';
	if (SPI_execute_plan(plan, args, nulls, true, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "could not read upper record %lld", (long long) upper_id);
	ctx->upper_record_given = true;
	ctx->upper_same_point =
		DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull)) && !isnull;
	ctx->upper_passed_to_body =
		DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull)) && !isnull;
	if (!(upper.level > level))
		ereport(ERROR,
				(errcode(ERRCODE_IC_CONTROL_LEVEL),
				 errmsg("the upper record of a point is held at a higher level (R42-1.4, R79)"),
				 errdetail("Record %lld is at level %s; this one would be at level %s.",
						   (long long) upper_id, ic_control_level_code(upper.level),
						   ic_control_level_code(level)),
				 errhint("upper_record_id names the PA's record of the same point, or the record of the body that passed control down.")));
	return true;
}

/* Putting on control. */
static HeapTuple
guard_insert(TriggerData *td)
{
	IcStatus	given_status;
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	HeapTuple	tuple = td->tg_trigtuple;
	IcDecisionContext ctx;
	IcVerdict	verdict;
	IcParentFacts parent;
	bool		isnull;
	bool		imported = ic_get_bool(tuple, desc, "imported");
	Datum		d;
	Datum		co_ids;
	const IcCalendar *cal;
	IcCalStatus cal_status;
	IcDateFault fault;
	IcTerm		term;
	char	   *calendar;
	char	   *status;
	char	   *source_code;
	int32		due;
	int32		roadmap_due = IC_NO_DATE;
	int32		term_end = IC_NO_DATE;	/* end of the term before rolling (R56) */
	int64		responsible;
	int64		parent_id;
	int			executing_bodies;
	IcRowEdit	edit = {0};

	memset(&ctx, 0, sizeof(ctx));
	ic_row_deform(tuple, desc);
	ctx.action = IC_ACTION_PUT_ON_CONTROL;
	ctx.instruction_id = ic_get_int64(tuple, desc, "id");
	ctx.on_control = true;
	ctx.today = ic_transaction_day();	/* R50.3: received by today */

	if (imported)
		ic_require_import_admin();

	status = ic_get_cstring(tuple, desc, "status");
	if ((status && !(ic_status_parse(status, &given_status) && given_status == IC_STATUS_ON_CONTROL)) ||
		ic_get_date(tuple, desc, "removed_on") != IC_NO_DATE ||
		ic_get_int64(tuple, desc, "last_decision_id") != 0 ||
		ic_get_int32(tuple, desc, "extensions") != 0 ||
		ic_get_int32(tuple, desc, "decision_count") != 0 ||
		ic_get_date(tuple, desc, "last_decided_on") != IC_NO_DATE)
		ic_raise_bypass("instruction is put on control with status on_control and no decisions",
						"An INSERT gave status, removed_on, extensions, decision_count, last_decision_id or last_decided_on.",
						"Insert the instruction as on control, then record its decisions with extend_deadline(), transfer_control(), set_new_deadline() or remove_from_control().  Reloading a dump? A superuser sets instruction_control.restore_mode = on for it.");

	d = ic_getattr(tuple, desc, "kind", IC_COL_BYTE, &isnull);
	if (isnull)
		return tuple;			/* the NOT NULL constraint reports it */
	ctx.kind = DatumGetIcInstructionKind(d);
	d = ic_getattr(tuple, desc, "level", IC_COL_BYTE, &isnull);
	if (isnull)
		return tuple;
	ctx.level = DatumGetIcControlLevel(d);

	calendar = ic_get_cstring(tuple, desc, "calendar");
	if (calendar == NULL)
		calendar = ic_default_calendar;
	cal = ic_calendar_get(calendar);	/* IC001 now if it does not exist */

	ctx.received_on = ic_get_finite_date(tuple, desc, "received_on");
	ctx.signed_on = ic_get_finite_date(tuple, desc, "signed_on");
	due = ic_get_finite_date(tuple, desc, "due_date");
	(void) ic_get_finite_date(tuple, desc, "original_due_date");
	source_code = ic_get_cstring(tuple, desc, "deadline_source");
	if (source_code == NULL || !ic_deadline_source_parse(source_code, &ctx.deadline_source))
		ctx.deadline_source = IC_SOURCE_NONE;

	/* the deadline: from the term (R50.3), from signing (R51), or as given */
	d = ic_getattr(tuple, desc, "term", IC_COL_TERM, &isnull);
	if (!isnull)
		term = *DatumGetIcTermP(d);
	cal_status = ic_rules_deadline(&cal->core, &ctx, isnull ? NULL : &term, due, &term_end, &fault);
	if (cal_status != IC_CAL_OK)
		ic_calendar_range_error(cal, cal_status, fault.day, fault.what);	/* IC002 */
	due = ctx.due_date;
	ctx.local_character = ic_get_bool(tuple, desc, "local_character");
	ctx.public_resonance = ic_get_bool(tuple, desc, "public_resonance");
	ctx.state_secret = secrecy_rank(tuple, desc) == 2;
	ctx.has_content = has_content(tuple, desc);
	ctx.has_paper_card = !ic_text_is_blank(ic_get_cstring(tuple, desc, "paper_card_ref"));
	ctx.paper_ref_too_long = paper_card_too_long(tuple, desc);

	responsible = ic_get_int64(tuple, desc, "responsible_body_id");
	/* R4.5: what a control approval fixes for the point (Appendix 5) */
	ctx.completion_form_given = !ic_text_is_blank(ic_get_cstring(tuple, desc, "completion_form"));
	ctx.pa_unit_given = !ic_text_is_blank(ic_get_cstring(tuple, desc, "pa_unit"));
	ctx.responsible_given = responsible != 0;
	executing_bodies = (responsible != 0 ? 1 : 0) +
		check_co_executors(tuple, desc, responsible, &co_ids);
	if (executing_bodies == 0)
		executing_bodies = 1;	/* an executor not yet named */

	parent_id = ic_get_int64(tuple, desc, "parent_id");
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ic_load_parent(parent_id, &parent);	/* nothing when there is none */
	/* R50.3: history is as it was held; a live point is received after its act is signed */
	ctx.act_signed_on = imported ? IC_NO_DATE : ic_load_act_signed_on(ic_get_int64(tuple, desc, "act_id"));
	ctx.passed_down = load_upper_record(ic_get_int64(tuple, desc, "upper_record_id"), ctx.level,
										 tuple, desc, &ctx);
	SPI_finish();
	ctx.parent_due_date = parent.exists ? parent.due_date : IC_NO_DATE;

	ctx.import_in_force = ic_get_bool_if_present(tuple, desc, "imported_in_force");	/* 0.3 */
	if (ctx.import_in_force && !imported)
		ic_raise_bypass("only an import says it was received when the rules were in force",
						"An INSERT of a live instruction gave imported_in_force.",
						"Put instructions on control with put_on_control(); import history with import_instruction().");
	if (imported)
	{
		/* history only (IC117): received before 2024-02-01, or said so explicitly */
		/* history as it was recorded: real dates, a deadline, no content of a secret */
		if (!ic_rules_check_import(&ctx, &verdict) ||
			!ic_rules_check_imported_card(&ctx, &verdict))
			ic_raise_verdict(&verdict);
	}
	else if (!ic_rules_decide(&ctx, &verdict))
		ic_raise_verdict(&verdict);

	/* R56: roadmap due within 10 working days of receipt -- computed, never given */
	if (!imported)
		roadmap_due = ic_roadmap_due_on_receipt(calendar, ctx.received_on,
												term_end != IC_NO_DATE ? term_end : due,
												executing_bodies, ic_get_bool(tuple, desc, "new_approaches"));

	ic_edit_date(&edit, desc, "roadmap_due_date", roadmap_due);
	ic_edit_date(&edit, desc, "due_date", due);
	ic_edit_date(&edit, desc, "original_due_date", due);
	ic_edit_set(&edit, desc, "calendar", IC_COL_TEXT, CStringGetTextDatum(calendar), false);
	ic_edit_set(&edit, desc, "deadline_source", IC_COL_TEXT,
				CStringGetTextDatum(ic_deadline_source_code(ctx.deadline_source)),
				ctx.deadline_source == IC_SOURCE_NONE);
	ic_edit_set(&edit, desc, "recorded_by", IC_COL_NAME, ic_session_user_name(), false);
	ic_edit_set(&edit, desc, "created_at", IC_COL_TIMESTAMPTZ,
				TimestampTzGetDatum(GetCurrentTransactionStartTimestamp()), false);

	ic_row_forget();
	return ic_edit_apply(&edit, tuple, desc);
}

/*
 * Write the decision being applied to this row into it (ic_rules_effect()),
 * or the state a batch of decisions leaves it in; NULL if no decision is
 * being applied to this row.
 */
static HeapTuple
apply_effect(HeapTuple oldtup, HeapTuple newtup, TupleDesc desc, int64 id)
{
	IcInstructionState old;
	IcInstructionState after;
	IcRowEdit	edit = {0};

	if (!(ic_applying.active && ic_applying.instruction_id == id) && !ic_batch_applying())
		return NULL;
	ic_state_from_row(oldtup, desc, &old);
	if (ic_applying.active && ic_applying.instruction_id == id)
		ic_rules_effect(&ic_applying.effect, &old, &after);
	else if (!ic_batch_state(id, &old, &after))
		return NULL;			/* no decision is being applied to this row */
	ic_edit_date(&edit, desc, "due_date", after.due_date);
	ic_edit_set(&edit, desc, "regime", IC_COL_TEXT, CStringGetTextDatum(ic_regime_code(after.regime)), false);
	ic_edit_set(&edit, desc, "status", IC_COL_TEXT,
				CStringGetTextDatum(ic_status_code(after.on_control ? IC_STATUS_ON_CONTROL : IC_STATUS_REMOVED)), false);
	ic_edit_date(&edit, desc, "removed_on", after.removed_on);
	ic_edit_date(&edit, desc, "roadmap_due_date", after.roadmap_due_date);
	ic_edit_set(&edit, desc, "extensions", IC_COL_INT4, Int32GetDatum(after.extensions), false);
	ic_edit_set(&edit, desc, "decision_count", IC_COL_INT4, Int32GetDatum(after.decision_count), false);
	ic_edit_set(&edit, desc, "last_decision_id", IC_COL_INT8, Int64GetDatum(after.last_decision_id),
				after.last_decision_id == 0);
	ic_edit_date(&edit, desc, "last_decided_on", after.last_decided_on);
	return ic_edit_apply(&edit, newtup, desc);
}

static void
refuse_decision_columns(HeapTuple oldtup, HeapTuple newtup, TupleDesc desc, int64 id)
{
	StringInfoData changes;

	initStringInfo(&changes);
	for (size_t i = 0; i < lengthof(decision_columns); i++)
	{
		const GuardColumn *c = &decision_columns[i];
		int			attnum = ic_attnum(desc, c->name, c->type);

		if (column_changed(oldtup, newtup, desc, c))
		{
			char	   *before = SPI_getvalue(oldtup, desc, attnum);
			char	   *after = SPI_getvalue(newtup, desc, attnum);

			appendStringInfo(&changes, "%s%s %s -> %s", changes.len ? ", " : "", c->name,
							 before ? before : "NULL", after ? after : "NULL");
		}
	}
	ereport(ERROR,
			(errcode(ERRCODE_IC_BYPASS),
			 errmsg("deadline, regime and status of an instruction change only by a decision (R69.1, R75)"),
			 errdetail("Instruction %lld: %s, with no decision being applied.", (long long) id, changes.data),
			 errhint("Use extend_deadline(), transfer_control(), set_new_deadline() or remove_from_control(); they record the decision and apply it.")));
}

/*
 * R4.5 and R14 together: every PA-level point names its completion form when
 * put on control, and a state secret keeps none.  The UPDATE that raises an
 * instruction to state_secret may therefore empty the completion form (only
 * empty it, only in that UPDATE); the form stays fixed otherwise.
 */
static bool
secret_drops_completion_form(HeapTuple oldtup, HeapTuple newtup, TupleDesc desc,
							 const GuardColumn *col, int old_secrecy, int new_secrecy)
{
	return strcmp(col->name, "completion_form") == 0 &&
		old_secrecy < 2 && new_secrecy == 2 &&
		ic_is_null(newtup, desc, "completion_form", IC_COL_TEXT);
}

static HeapTuple
guard_update(TriggerData *td)
{
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	HeapTuple	oldtup = td->tg_trigtuple;
	HeapTuple	newtup = td->tg_newtuple;
	int64		id = ic_get_int64(oldtup, desc, "id");
	char	   *old_status = ic_get_cstring(oldtup, desc, "status");
	HeapTuple	applied;
	int			old_secrecy = secrecy_rank(oldtup, desc);
	int			new_secrecy = secrecy_rank(newtup, desc);

	IcStatus	old_state;

	if (old_status && ic_status_parse(old_status, &old_state) && old_state == IC_STATUS_REMOVED)
		ereport(ERROR,
				(errcode(ERRCODE_IC_NOT_ON_CONTROL),
				 errmsg("instruction was removed from control; its record is closed (R75)"),
				 errdetail("Instruction %lld was removed from control.", (long long) id),
				 errhint("Put a new instruction on control if the matter continues.")));

	/* the journal's own UPDATE sets last_decision_id only; the guard writes the effect */
	if ((applied = apply_effect(oldtup, newtup, desc, id)) != NULL)
		return applied;

	for (size_t i = 0; i < lengthof(fixed_columns); i++)
		if (column_changed(oldtup, newtup, desc, &fixed_columns[i]) &&
			!secret_drops_completion_form(oldtup, newtup, desc, &fixed_columns[i],
										  old_secrecy, new_secrecy))
			ereport(ERROR,
					(errcode(ERRCODE_IC_BYPASS),
					 errmsg("column \"%s\" is fixed when the instruction is put on control (R30-1, R50.3)",
							fixed_columns[i].name),
					 errdetail("An UPDATE of instruction %lld changed %s.", (long long) id, fixed_columns[i].name),
					 errhint("Deadlines change by decisions (extend_deadline, transfer_control, set_new_deadline); a wrongly registered instruction is removed from control and registered again.")));

	/* 0.3: what an import said of its date is fixed like the card's facts */
	if (SPI_fnumber(desc, import_in_force_column.name) > 0 &&
		column_changed(oldtup, newtup, desc, &import_in_force_column))
		ereport(ERROR,
				(errcode(ERRCODE_IC_BYPASS),
				 errmsg("column \"%s\" is fixed when the instruction is imported (Decree No. 403)",
						import_in_force_column.name),
				 errdetail("An UPDATE of instruction %lld changed %s.", (long long) id, import_in_force_column.name),
				 errhint("Whether imported history was received when the rules were in force is said once, by import_instruction().")));

	for (size_t i = 0; i < lengthof(decision_columns); i++)
		if (column_changed(oldtup, newtup, desc, &decision_columns[i]))
			refuse_decision_columns(oldtup, newtup, desc, id);

	if (new_secrecy < old_secrecy)
		ereport(ERROR,
				(errcode(ERRCODE_IC_SECRECY),
				 errmsg("the secrecy of an instruction is raised, never lowered, by an UPDATE (R14)"),
				 errdetail("Instruction %lld: secrecy would go from %s to %s.", (long long) id,
						   ic_get_cstring(oldtup, desc, "secrecy"), ic_get_cstring(newtup, desc, "secrecy")),
				 errhint("A declassified instruction is registered anew; the secret record keeps only its requisites.")));
	if (new_secrecy == 2)
	{
		if (has_content(newtup, desc))
			ereport(ERROR,
					(errcode(ERRCODE_IC_SECRECY),
					 errmsg("content of a state-secret instruction is not stored (R14)"),
					 errdetail("Instruction %lld is state_secret and the UPDATE leaves content, final_result or completion_form.", (long long) id),
					 errhint("Keep only the requisites and paper_card_ref of a state-secret instruction.")));
		if (ic_text_is_blank(ic_get_cstring(newtup, desc, "paper_card_ref")) ||
			paper_card_too_long(newtup, desc))
			ereport(ERROR,
					(errcode(ERRCODE_IC_SECRECY),
					 errmsg("state-secret instruction needs a paper card reference (R50.2)"),
					 errdetail("Instruction %lld is state_secret and the UPDATE leaves paper_card_ref empty or longer than a reference.", (long long) id),
					 errhint("Give paper_card_ref, the reference of the paper card (at most 100 characters).")));
	}

	/* R42-1.2 again whenever local character or resonance change on a PA-level card */
	if (DatumGetIcControlLevel(ic_getattr(newtup, desc, "level", IC_COL_BYTE, &(bool){false})) == IC_LEVEL_PA &&
		ic_get_bool(newtup, desc, "local_character") && !ic_get_bool(newtup, desc, "public_resonance"))
		ereport(ERROR,
				(errcode(ERRCODE_IC_CONTROL_LEVEL),
				 errmsg("instruction of a current (local) character is not held on PA control (R42-1.2)"),
				 errdetail("The UPDATE of instruction %lld marks it local_character without public_resonance.", (long long) id),
				 errhint("Record public_resonance if the matter caused it; otherwise the PA passes control to the Government or a body (R75(4)).")));
	return newtup;
}

Datum
ic_instruction_guard(PG_FUNCTION_ARGS)
{
	TriggerData *td = ic_trigger_data(fcinfo, "instruction_guard", "instruction");

	if (!TRIGGER_FIRED_FOR_ROW(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("instruction_guard must be a ROW trigger")));
	if (TRIGGER_FIRED_AFTER(td->tg_event))
	{
		if (!TRIGGER_FIRED_BY_INSERT(td->tg_event))
			ereport(ERROR,
					(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
					 errmsg("instruction_guard fires AFTER INSERT only")));
		if (!ic_restore_mode)	/* a dump brings instruction_executor along */
			ic_write_executors(td);
		return PointerGetDatum(NULL);
	}

	/* reloading a dump: the row was judged when it was first written */
	if (ic_restore_mode)
		return PointerGetDatum(TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple);

	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
		return PointerGetDatum(guard_insert(td));
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
		return PointerGetDatum(guard_update(td));

	ereport(ERROR,
			(errcode(ERRCODE_IC_BYPASS),
			 errmsg("instructions are not deleted; they are removed from control (R75)"),
			 errdetail("A DELETE of instruction %lld was refused.",
					   (long long) ic_get_int64(td->tg_trigtuple, RelationGetDescr(td->tg_relation), "id")),
			 errhint("Use remove_from_control() with a ground of R75; the record and its journal stay.")));
	PG_RETURN_NULL();
}
