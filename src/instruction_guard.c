/*
 * instruction_guard.c
 *		BEFORE trigger on instruction: putting on control, and the columns that
 *		only decisions may change.
 *
 * INSERT is putting on control: the due date is computed when not given
 * (R50.3 from the term, R51 for personal instructions), the roadmap due date
 * is set where R56 asks for one, and the rules core judges the rest (R42-1,
 * R14, R50, the parent's deadline).  UPDATE may change descriptive columns
 * freely, but due date, regime, status and the roadmap due date only as the
 * application of a new decision from the journal; the columns fixed when the
 * instruction was put on control never change.  DELETE is refused: removal
 * from control is a decision (R75).
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/array.h"
#include "utils/datum.h"

#include "calendar.h"
#include "ic_errcodes.h"
#include "instruction_control.h"
#include "registry.h"
#include "term.h"

PG_FUNCTION_INFO_V1(ic_instruction_guard);

/* R51: personal instructions are executed within two weeks of signing. */
static const IcTerm personal_term = {14, IC_TERM_DAYS};

/* R56: a roadmap is drafted within 10 working days of receipt. */
#define ROADMAP_WORKING_DAYS 10

/* Columns fixed when the instruction is put on control (R30-1, R50). */
static const char *const fixed_columns[] = {
	"id", "kind", "level", "received_on", "signed_on", "term",
	"original_due_date", "calendar", "parent_id", "created_at"
};

/* Columns only the application of a decision changes. */
static const char *const decision_columns[] = {
	"due_date", "regime", "status", "removed_on", "roadmap_due_date", "extensions",
	"last_decision_id"
};

static bool
column_changed(HeapTuple oldtup, HeapTuple newtup, TupleDesc desc, const char *name)
{
	int			attnum = ic_attnum(desc, name);
	Form_pg_attribute att = TupleDescAttr(desc, attnum - 1);
	bool		oldnull,
				newnull;
	Datum		o = heap_getattr(oldtup, attnum, desc, &oldnull);
	Datum		n = heap_getattr(newtup, attnum, desc, &newnull);

	if (oldnull || newnull)
		return oldnull != newnull;
	return !datumIsEqual(o, n, att->attbyval, att->attlen);
}

static bool
is_state_secret(HeapTuple tuple, TupleDesc desc)
{
	char	   *secrecy = ic_get_cstring(tuple, desc, "secrecy");

	return secrecy != NULL && strcmp(secrecy, "state_secret") == 0;
}

static bool
has_content(HeapTuple tuple, TupleDesc desc)
{
	bool		content_null,
				result_null;

	(void) ic_getattr(tuple, desc, "content", &content_null);
	(void) ic_getattr(tuple, desc, "final_result", &result_null);
	return !content_null || !result_null;
}

static void
raise_deadline(const char *rule, const char *message, const char *hint)
{
	ereport(ERROR,
			(errcode(ERRCODE_IC_DEADLINE),
			 errmsg("%s (%s)", message, rule),
			 errhint("%s", hint)));
}

/*
 * Where a term ends before it is rolled to a working day: R56 asks whether
 * the term is longer than six months, not whether its due date is.
 */
static int32
nominal_term_end(int32 received, const IcTerm *term, int32 due)
{
	switch (term->unit)
	{
		case IC_TERM_DAYS:
			return received + term->count;
		case IC_TERM_WEEKS:
			return received + 7 * term->count;
		case IC_TERM_MONTHS:
			return ic_cal_add_months(received, term->count);
		default:
			return due;
	}
}

/* Putting on control. */
static HeapTuple
guard_insert(TriggerData *td)
{
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	HeapTuple	tuple = td->tg_trigtuple;
	IcDecisionContext ctx;
	IcVerdict	verdict;
	IcParentFacts parent;
	bool		isnull;
	Datum		d;
	char	   *calendar;
	char	   *status;
	int32		due;
	int32		received;
	int32		signed_on;
	int32		roadmap_due;
	int32		term_end = IC_NO_DATE;	/* end of the term before rolling (R56) */
	int			executing_bodies = 1;
	int			cols[4];
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};
	int			ncols = 0;

	memset(&ctx, 0, sizeof(ctx));
	ctx.action = IC_ACTION_PUT_ON_CONTROL;
	ctx.instruction_id = ic_get_int64(tuple, desc, "id");
	ctx.on_control = true;

	status = ic_get_cstring(tuple, desc, "status");
	if ((status && strcmp(status, "on_control") != 0) ||
		ic_get_date(tuple, desc, "removed_on") != IC_NO_DATE ||
		ic_get_int64(tuple, desc, "last_decision_id") != 0 ||
		DatumGetInt16(ic_getattr(tuple, desc, "extensions", &isnull)) != 0)
		ic_raise_bypass("instruction is put on control with status on_control and no decisions",
						"An INSERT gave status, removed_on, extensions or last_decision_id.",
						"Insert the instruction as on control, then record its decisions with extend_deadline(), transfer_control(), set_new_deadline() or remove_from_control().  Reloading a dump? A superuser sets instruction_control.restore_mode = on for it.");

	d = ic_getattr(tuple, desc, "kind", &isnull);
	if (isnull)
		return tuple;			/* the NOT NULL constraint reports it */
	ctx.kind = DatumGetIcInstructionKind(d);
	d = ic_getattr(tuple, desc, "level", &isnull);
	if (isnull)
		return tuple;
	ctx.level = DatumGetIcControlLevel(d);

	calendar = ic_get_cstring(tuple, desc, "calendar");
	if (calendar == NULL)
		calendar = ic_default_calendar;
	(void) ic_calendar_get(calendar);	/* IC001 now if it does not exist */

	received = ic_get_date(tuple, desc, "received_on");
	signed_on = ic_get_date(tuple, desc, "signed_on");
	due = ic_get_date(tuple, desc, "due_date");
	if (due == IC_NO_DATE)
	{
		d = ic_getattr(tuple, desc, "term", &isnull);
		if (!isnull)
		{
			IcTerm		term;

			term = *DatumGetIcTermP(d);
			if (received == IC_NO_DATE)
				raise_deadline("R50.3", "term cannot be counted without the day of receipt",
							   "Give received_on: deadlines are counted from the day the instruction is received.");
			due = ic_term_deadline(calendar, received, &term);
			term_end = nominal_term_end(received, &term, due);
		}
		else if ((ctx.kind == IC_KIND_PERSONAL || ctx.kind == IC_KIND_PERSONAL_PUBLISHED) &&
				 signed_on != IC_NO_DATE)
			due = ic_term_deadline(calendar, signed_on, &personal_term);
	}

	ctx.due_date = due;
	ctx.received_on = received;
	ctx.local_character = ic_get_bool(tuple, desc, "local_character");
	ctx.public_resonance = ic_get_bool(tuple, desc, "public_resonance");
	ctx.state_secret = is_state_secret(tuple, desc);
	ctx.has_content = has_content(tuple, desc);
	(void) ic_getattr(tuple, desc, "paper_card_ref", &isnull);
	ctx.has_paper_card = !isnull;

	memset(&parent, 0, sizeof(parent));
	parent.due_date = IC_NO_DATE;
	{
		int64		parent_id = ic_get_int64(tuple, desc, "parent_id");

		if (parent_id != 0)
		{
			if (SPI_connect() != SPI_OK_CONNECT)
				elog(ERROR, "SPI_connect failed");
			ic_load_parent(parent_id, &parent);
			SPI_finish();
		}
	}
	ctx.parent_due_date = parent.exists ? parent.due_date : IC_NO_DATE;

	if (!ic_rules_decide(&ctx, &verdict))
		ic_raise_verdict(&verdict);

	/* R56: roadmap due within 10 working days of receipt */
	roadmap_due = ic_get_date(tuple, desc, "roadmap_due_date");
	d = ic_getattr(tuple, desc, "co_executor_ids", &isnull);
	if (!isnull)
	{
		ArrayType  *arr = DatumGetArrayTypeP(d);

		executing_bodies += ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr));
	}
	if (roadmap_due == IC_NO_DATE &&
		ic_rules_roadmap_required(received, term_end != IC_NO_DATE ? term_end : due,
								  executing_bodies,
								  ic_get_bool(tuple, desc, "new_approaches")))
	{
		roadmap_due = ic_add_working_days(calendar, received, ROADMAP_WORKING_DAYS);
		cols[ncols] = ic_attnum(desc, "roadmap_due_date");
		values[ncols++] = DateADTGetDatum(roadmap_due);
	}

	cols[ncols] = ic_attnum(desc, "due_date");
	values[ncols++] = DateADTGetDatum(due);
	cols[ncols] = ic_attnum(desc, "original_due_date");
	values[ncols++] = DateADTGetDatum(due);
	cols[ncols] = ic_attnum(desc, "calendar");
	values[ncols++] = CStringGetTextDatum(calendar);

	return heap_modify_tuple_by_cols(tuple, desc, ncols, cols, values, nulls);
}

/* Read a decision of the journal by id; false if there is none. */
static bool
read_decision(int64 id, IcAppliedDecision *out)
{
	static SPIPlanPtr plan = NULL;
	Oid			argtypes[1] = {INT8OID};
	Datum		args[1];
	bool		found = false;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ic_keep_plan(&plan, "SELECT instruction_id, kind::text, new_due_date, new_regime::text, "
						   "       decided_on, roadmap_due_date "
						   "  FROM " IC_SCHEMA ".decision WHERE id = $1",
				 1, argtypes);
	args[0] = Int64GetDatum(id);
	if (SPI_execute_plan(plan, args, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "could not read decision %lld", (long long) id);
	if (SPI_processed == 1)
	{
		HeapTuple	t = SPI_tuptable->vals[0];
		TupleDesc	d = SPI_tuptable->tupdesc;
		bool		isnull;
		Datum		v;
		char	   *text;

		memset(out, 0, sizeof(*out));
		out->decision_id = id;
		out->instruction_id = DatumGetInt64(SPI_getbinval(t, d, 1, &isnull));
		strlcpy(out->kind, SPI_getvalue(t, d, 2), sizeof(out->kind));
		v = SPI_getbinval(t, d, 3, &isnull);
		out->new_due_date = isnull ? IC_NO_DATE : DatumGetDateADT(v);
		text = SPI_getvalue(t, d, 4);
		strlcpy(out->new_regime, text ? text : "", sizeof(out->new_regime));
		out->decided_on = DatumGetDateADT(SPI_getbinval(t, d, 5, &isnull));
		v = SPI_getbinval(t, d, 6, &isnull);
		out->roadmap_due_date = isnull ? IC_NO_DATE : DatumGetDateADT(v);
		found = true;
	}
	SPI_finish();
	return found;
}

/*
 * The decision an UPDATE claims to apply (a newer last_decision_id), checked
 * against the new row: the journal's own UPDATE is checked against what it
 * is applying, any other against the journal.
 */
static void
check_applied_decision(HeapTuple oldtup, HeapTuple newtup, TupleDesc desc)
{
	int64		instruction_id = ic_get_int64(oldtup, desc, "id");
	int64		old_id = ic_get_int64(oldtup, desc, "last_decision_id");
	int64		new_id = ic_get_int64(newtup, desc, "last_decision_id");
	IcAppliedDecision dec;
	bool		found = false;
	bool		ok = false;
	bool		isnull;

	if (new_id > old_id)
	{
		if (ic_applying.decision_id != 0 && ic_applying.decision_id == new_id)
		{
			dec = ic_applying;
			found = true;
		}
		else
			found = read_decision(new_id, &dec);
	}
	if (found)
	{
		bool		removal = strcmp(dec.kind, "removal") == 0;
		bool		moves_due = strcmp(dec.kind, "extension") == 0 ||
			strcmp(dec.kind, "transfer") == 0 || strcmp(dec.kind, "new_deadline") == 0;
		char	   *status = ic_get_cstring(newtup, desc, "status");
		char	   *regime = ic_get_cstring(newtup, desc, "regime");
		char	   *old_regime = ic_get_cstring(oldtup, desc, "regime");
		int32		expected_due = moves_due && dec.new_due_date != IC_NO_DATE
			? dec.new_due_date : ic_get_date(oldtup, desc, "due_date");
		int32		expected_roadmap = dec.roadmap_due_date != IC_NO_DATE
			? dec.roadmap_due_date : ic_get_date(oldtup, desc, "roadmap_due_date");

		ok = dec.instruction_id == instruction_id &&
			ic_get_date(newtup, desc, "due_date") == expected_due &&
			strcmp(regime, dec.new_regime[0] && strcmp(dec.kind, "transfer") == 0
				   ? dec.new_regime : old_regime) == 0 &&
			strcmp(status, removal ? "removed" : "on_control") == 0 &&
			ic_get_date(newtup, desc, "removed_on") ==
			(removal ? dec.decided_on : ic_get_date(oldtup, desc, "removed_on")) &&
			ic_get_date(newtup, desc, "roadmap_due_date") == expected_roadmap &&
			DatumGetInt16(ic_getattr(newtup, desc, "extensions", &isnull)) ==
			DatumGetInt16(ic_getattr(oldtup, desc, "extensions", &isnull)) +
			(strcmp(dec.kind, "extension") == 0 || strcmp(dec.kind, "transfer") == 0 ? 1 : 0);
	}
	if (!ok)
	{
		StringInfoData changes;

		initStringInfo(&changes);
		for (size_t i = 0; i < lengthof(decision_columns) - 1; i++)
		{
			int			attnum = ic_attnum(desc, decision_columns[i]);
			char	   *before = SPI_getvalue(oldtup, desc, attnum);
			char	   *after = SPI_getvalue(newtup, desc, attnum);

			if (column_changed(oldtup, newtup, desc, decision_columns[i]))
				appendStringInfo(&changes, "%s%s %s -> %s", changes.len ? ", " : "",
								 decision_columns[i], before ? before : "NULL",
								 after ? after : "NULL");
		}
		ereport(ERROR,
				(errcode(ERRCODE_IC_BYPASS),
				 errmsg("deadline, regime and status of an instruction change only by a decision (R69.1, R75)"),
				 errdetail("Instruction %lld: %s, with no new decision in the journal.",
						   (long long) instruction_id,
						   changes.len ? changes.data : "last_decision_id changed"),
				 errhint("Use extend_deadline(), transfer_control(), set_new_deadline() or remove_from_control(); they record the decision and apply it.")));
	}
}

static HeapTuple
guard_update(TriggerData *td)
{
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	HeapTuple	oldtup = td->tg_trigtuple;
	HeapTuple	newtup = td->tg_newtuple;
	char	   *old_status = ic_get_cstring(oldtup, desc, "status");

	if (old_status && strcmp(old_status, "removed") == 0)
		ereport(ERROR,
				(errcode(ERRCODE_IC_NOT_ON_CONTROL),
				 errmsg("instruction was removed from control; its record is closed (R75)"),
				 errdetail("Instruction %lld was removed from control.",
						   (long long) ic_get_int64(oldtup, desc, "id")),
				 errhint("Put a new instruction on control if the matter continues.")));

	for (size_t i = 0; i < lengthof(fixed_columns); i++)
		if (column_changed(oldtup, newtup, desc, fixed_columns[i]))
			ereport(ERROR,
					(errcode(ERRCODE_IC_BYPASS),
					 errmsg("column \"%s\" is fixed when the instruction is put on control (R30-1, R50.3)",
							fixed_columns[i]),
					 errdetail("An UPDATE of instruction %lld changed %s.",
							   (long long) ic_get_int64(oldtup, desc, "id"), fixed_columns[i]),
					 errhint("Deadlines change by decisions (extend_deadline, transfer_control, set_new_deadline); a wrongly registered instruction is removed from control and registered again.")));

	for (size_t i = 0; i < lengthof(decision_columns); i++)
		if (column_changed(oldtup, newtup, desc, decision_columns[i]))
		{
			check_applied_decision(oldtup, newtup, desc);
			break;
		}

	if (is_state_secret(newtup, desc) && has_content(newtup, desc))
		ereport(ERROR,
				(errcode(ERRCODE_IC_SECRECY),
				 errmsg("content of a state-secret instruction is not stored (R14)"),
				 errdetail("Instruction %lld is state_secret and the UPDATE gives content or final_result.",
						   (long long) ic_get_int64(oldtup, desc, "id")),
				 errhint("Keep only the requisites and paper_card_ref of a state-secret instruction.")));
	return newtup;
}

Datum
ic_instruction_guard(PG_FUNCTION_ARGS)
{
	TriggerData *td = ic_trigger_data(fcinfo, "instruction_guard");

	/* reloading a dump: the row was judged when it was first written */
	if (ic_restore_mode)
		return PointerGetDatum(TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple);

	if (!TRIGGER_FIRED_BEFORE(td->tg_event) || !TRIGGER_FIRED_FOR_ROW(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("instruction_guard must be a BEFORE ROW trigger")));

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
