/*
 * insert_calls.c
 *		The API's calls that are one INSERT -- put_on_control(), submit_report(),
 *		register_roadmap(), import_instruction(), import_decision(), the drafts'
 *		receive_draft(), refine_draft(), agree_draft(), return_draft(),
 *		visa_draft(), and take_control_measure(), coordinate_instruction(),
 *		sign_annual_summary() -- in C: one entry point, a table of the calls by
 *		name, each INSERT prepared once per backend.
 *
 * As SQL functions (BEGIN ATOMIC) they parsed their INSERT from the stored
 * body, planned and started it on every call: put_on_control() cost twice the
 * same INSERT sent by a client as a prepared statement, take_control_measure()
 * one and a half times (issue 19).  Here each
 * call's INSERT is the statement its SQL body was -- every argument into its
 * column, in the order of the arguments, and the same constants -- prepared
 * once per backend and kept (generic), run as the caller: its privileges,
 * its row-level security (the plan cache plans again for another role), the
 * table's triggers, which judge, and its constraints, as any INSERT.  The
 * statements name their tables by schema and nothing else, so no caller's
 * search_path reaches them.  A plan is prepared again when the function is
 * another (the extension dropped and created again in the same session: its
 * argument types are new types).
 */
#include "postgres.h"

#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/lsyscache.h"

#include "registry.h"

PG_FUNCTION_INFO_V1(ic_insert_call);

typedef struct InsertCall
{
	const char *name;			/* the SQL function's name, for errors */
	const char *sql;			/* its INSERT, $1.. its arguments in order */
	int			nargs;
	SPIPlanPtr	plan;			/* kept once prepared */
	Oid			fn;				/* the function it was prepared for */
} InsertCall;

#define S IC_SCHEMA "."

/* the calls, by the name of their SQL function */
static InsertCall calls[] = {
	{"put_on_control",
		"INSERT INTO " S "instruction (kind, level, received_on, term, due_date, content, act_id, point, "
		"signed_on, responsible_body_id, co_executor_ids, controlling_body_id, pa_unit, completion_form, "
		"final_result, category, secrecy, paper_card_ref, local_character, public_resonance, new_approaches, "
		"reporting_period, parent_id, external_ref, deadline_source, upper_record_id) "
		"VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, "
		"$21, $22, $23, $24, $25, $26) RETURNING *", 26},
	{"submit_report",
		"INSERT INTO " S "report (instruction_id, kind, content, submitted_by_body_id, addressee, period_end, "
		"submitted_on, document_ref, signed_by, signed_by_person_id, resolution_addressee) "
		"VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *", 11},
	{"register_roadmap",
		"INSERT INTO " S "roadmap (instruction_id, drafter, approved_by, drafted_by_body_id, approved_on, "
		"touches_government_powers, agreed_with_prime_minister, agreed_with_pa_on, document_ref, "
		"submitted_to_pa_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *", 10},
	/* history: imported = true, in_force (the last argument) into imported_in_force */
	{"import_instruction",
		"INSERT INTO " S "instruction (kind, level, received_on, due_date, content, act_id, point, signed_on, "
		"term, responsible_body_id, co_executor_ids, category, secrecy, paper_card_ref, external_ref, "
		"upper_record_id, imported, imported_in_force) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
		"$12, $13, $14, $15, $16, true, $17) RETURNING *", 17},
	{"import_decision",
		"INSERT INTO " S "decision (instruction_id, kind, decided_on, decided_by, new_due_date, new_regime, "
		"ground, basis, reason, evidence, evidence_ref, disciplinary_review, imported, imported_in_force) "
		"VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, true, $13) RETURNING *", 13},
	/* drafts (R14, R20, R21, R24, R30, R33): a draft, then its steps, each step a constant */
	{"receive_draft",
		"INSERT INTO " S "draft (kind, submitted_by_body_id, signatory, received_on, title, content, secrecy, "
		"channel, paper_reason, paper_card_ref, national_plan, external_ref) "
		"VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *", 12},
	{"refine_draft",
		"INSERT INTO " S "draft_step (draft_id, step, basis, on_date, decided_by, term_days) "
		"VALUES ($1, 'refinement', $2, $3, $4, $5) RETURNING *", 5},
	{"agree_draft",
		"INSERT INTO " S "draft_step (draft_id, step, on_date, r30_worked_out, r30_strategic, r30_result, "
		"r30_deadlines, r30_feasible, r30_autonomy, r33_no_duplicate, basis) "
		"VALUES ($1, 'agreed', $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *", 10},
	{"return_draft",
		"INSERT INTO " S "draft_step (draft_id, step, basis, on_date) "
		"VALUES ($1, 'returned', $2, $3) RETURNING *", 3},
	{"visa_draft",
		"INSERT INTO " S "draft_step (draft_id, step, visa_position, medium, on_date) "
		"VALUES ($1, 'visa', $2, $3, $4) RETURNING *", 4},
	/* control measures (R43-1, R47, R66-2), coordination (R48), the annual summary's signature (R75-1) */
	{"take_control_measure",
		"INSERT INTO " S "control_measure (instruction_id, kind, taken_by_body_id, taken_on, outcome, basis, "
		"planned, schedule_ref, document_ref) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *", 9},
	{"coordinate_instruction",
		"INSERT INTO " S "coordination (instruction_id, coordinating_body_id, basis) "
		"VALUES ($1, $2, $3) RETURNING *", 3},
	{"sign_annual_summary",
		"INSERT INTO " S "annual_summary_signature (body_id, year, signed_by, signed_by_person_id, "
		"supervision_area, signed_on, document_ref) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *", 7}
};

#undef S

/* Run call's INSERT with the function's arguments; the stored row, or NULL. */
static Datum
run_insert(FunctionCallInfo fcinfo, InsertCall *call)
{
	Oid			fn = fcinfo->flinfo->fn_oid;
	Datum	   *args = palloc(sizeof(Datum) * call->nargs);
	char	   *nulls = palloc(call->nargs);
	HeapTupleHeader result;

	if (PG_NARGS() != call->nargs)
		elog(ERROR, "%s() was called with %d arguments; the library expects %d",
			 call->name, PG_NARGS(), call->nargs);
	for (int i = 0; i < call->nargs; i++)
	{
		args[i] = PG_GETARG_DATUM(i);
		nulls[i] = PG_ARGISNULL(i) ? 'n' : ' ';
	}

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (call->plan != NULL && call->fn != fn)
	{
		SPI_freeplan(call->plan);
		call->plan = NULL;
	}
	if (call->plan == NULL)
	{
		Oid		   *argtypes;
		int			nargs;

		/* the parameters have the function's declared types: its domains and enums
		 * (as many as PG_NARGS(), checked above) */
		(void) get_func_signature(fn, &argtypes, &nargs);
		ic_keep_plan(&call->plan, call->sql, nargs, argtypes);
		call->fn = fn;
	}
	if (SPI_execute_plan(call->plan, args, nulls, false, 0) != SPI_OK_INSERT_RETURNING || SPI_processed > 1)
		elog(ERROR, "%s() could not write its row", call->name);
	/* no row: a BEFORE trigger skipped it, and the SQL function returned NULL then */
	if (SPI_processed == 0)
	{
		SPI_finish();
		PG_RETURN_NULL();
	}
	result = SPI_returntuple(SPI_tuptable->vals[0], SPI_tuptable->tupdesc);
	SPI_finish();
	PG_RETURN_HEAPTUPLEHEADER(result);
}

/*
 * The one entry point of put_on_control() (R50.3, R51, R56), submit_report()
 * (R66-1, R66-3.5, R67, R72.4), register_roadmap() (R56, R57, R59),
 * import_instruction() and import_decision() (IC117; R74, R77), the drafts'
 * calls (R14, R20, R21, R30, R33), take_control_measure() (R43-1, R66-2),
 * coordinate_instruction() (R48) and sign_annual_summary() (R75-1): the call
 * is the SQL function's name, looked up once per call site (fn_extra).
 */
Datum
ic_insert_call(PG_FUNCTION_ARGS)
{
	InsertCall *call = (InsertCall *) fcinfo->flinfo->fn_extra;

	if (call == NULL)
	{
		char	   *name = get_func_name(fcinfo->flinfo->fn_oid);

		for (size_t i = 0; i < lengthof(calls) && call == NULL; i++)
			if (name != NULL && strcmp(name, calls[i].name) == 0)
				call = &calls[i];
		if (call == NULL)
			elog(ERROR, "%s() is not a call of the library that is one INSERT", name ? name : "?");
		fcinfo->flinfo->fn_extra = call;
	}
	return run_insert(fcinfo, call);
}
