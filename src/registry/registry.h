/*
 * registry.h
 *		Shared pieces of the registry's trigger glue: reading the facts a
 *		decision is judged on (SPI, cached plans), raising a verdict as an
 *		error with its SQLSTATE, and reading columns of trigger tuples by name.
 *
 * The judging itself is rules_core.c; these files only gather plain C values
 * for it and write back what it decided.
 */
#ifndef IC_REGISTRY_H
#define IC_REGISTRY_H

#include "postgres.h"

#include "access/htup.h"
#include "access/tupdesc.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/date.h"

#include "encoding.h"
#include "rules_core.h"

#include "ic_schema.h"

/* The instruction a decision concerns, as the rules need it. */
typedef struct IcInstructionFacts
{
	int64		id;
	IcInstructionKind kind;
	IcControlLevel level;
	int32		received_on;
	IcCategory	category;
	int64		parent_id;		/* 0 if none */
	char		calendar[32];
	bool		state_secret;
	int64		act_id;			/* 0 if none */
	int64		upper_record_id;	/* 0 if none */
	IcInstructionState state;	/* the columns decisions change */
	/* set where the row was locked without an executor (ic_load_instruction) */
	bool		locked_directly;
	Oid			relid;			/* then: the table */
	ItemPointerData tid;		/* and the locked version of the row */
} IcInstructionFacts;

/*
 * The facts of a row of instruction_control.instruction (a trigger's row, or
 * one read by the queries below): the one reader of the instruction's columns.
 */
extern void ic_facts_from_row(HeapTuple tuple, TupleDesc desc, IcInstructionFacts *out);
/* Only the columns decisions change. */
extern void ic_state_from_row(HeapTuple tuple, TupleDesc desc, IcInstructionState *out);

/* The parent of an instruction (the point it details), for R50.1. */
typedef struct IcParentFacts
{
	bool		exists;
	int32		due_date;
} IcParentFacts;

/* Row locks taken on the instruction while a decision is judged. */
typedef enum IcLock
{
	IC_LOCK_UPDATE,				/* decisions: serialize on the instruction */
	IC_LOCK_SHARE,				/* reports: wait for a decision in flight */
	IC_LOCK_NONE				/* questions that decide nothing */
} IcLock;

/*
 * A decision as it is applied to its instruction.  The journal's trigger sets
 * ic_applying and updates the instruction; the instruction's guard then
 * writes ic_rules_effect() of it into the row (and refuses any change of the
 * columns decisions own when no decision is being applied to that row).  A
 * bare UPDATE never finds ic_applying set for its row.
 */
typedef struct IcAppliedDecision
{
	bool		active;
	int64		instruction_id;
	IcDecisionEffect effect;
} IcAppliedDecision;

extern IcAppliedDecision ic_applying;

/*
 * Apply a judged decision to its instruction (decision_apply.c): an UPDATE of
 * last_decision_id through which the guard writes the effect.  Row triggers,
 * CHECK constraints and indexes are kept as an UPDATE keeps them; where the
 * row was locked directly and no statement-level UPDATE trigger needs a
 * statement, without an executor start-up.  SPI connected.
 */
extern void ic_apply_decision(const IcInstructionFacts *facts, const IcDecisionEffect *effect);

/*
 * A row of the decision journal, decoded once (decision_decode.c): what the
 * client sent, as the rules core's values.  The columns the journal fills in
 * on its own (seq, old_*, repeated, the derived dates, who and when) are not
 * read: they are written.
 */
typedef struct IcDecisionRow
{
	int64		id;
	IcAction	action;			/* a decision of the journal (IC111 otherwise) */
	bool		imported;
	bool		import_in_force;	/* 0.3; false where the column is absent */
	bool		schema_0_3;		/* the journal has 0.3's columns (rules_version) */
	int32		decided_on;		/* finite or IC_NO_DATE */
	bool		new_due_given;	/* new_due_date is not NULL */
	int32		new_due_date;	/* as given: not yet checked to be finite */
	int64		roadmap_id;		/* roadmap approval: 0 if none */
	const char *decided_by_code;	/* NULL if none; parsed with the context */
	IcRegime	new_regime;		/* IC_REGIME_INVALID: none or unknown */
	IcNewDeadlineReason reason;
	IcRemovalGround ground;
	IcEvidenceSet evidence;
	bool		receiving_body_given;
	int64		receiving_body_id;	/* 0 if none */
	bool		basis_given;	/* non-blank texts */
	bool		reason_given;
	bool		disciplinary_review_given;
	bool		evidence_ref_given;
	const char *paper_ref;		/* R14: NULL if none */
} IcDecisionRow;

extern void ic_decision_from_row(HeapTuple tuple, TupleDesc desc, IcDecisionRow *out);

/* Judge one journal row (decision_journal.c); facts read and locked, SPI connected. */
extern HeapTuple ic_judge_decision_row(HeapTuple tuple, TupleDesc desc, const IcInstructionFacts *facts,
									   IcDecisionEffect *effect);

/*
 * record_decisions() (decision_batch.c): while it inserts the rows it judged,
 * the journal's trigger accepts exactly those rows, and the instruction's
 * guard writes each instruction's state after the batch.
 */
extern bool ic_batch_prepared(HeapTuple tuple, TupleDesc desc);
/* Is id one the batch being written took from the identity of table relid? */
extern bool ic_batch_owns_id(Oid relid, int64 id);
extern bool ic_batch_applying(void);
extern bool ic_batch_state(int64 instruction_id, const IcInstructionState *before,
						   IcInstructionState *after);

/*
 * An API call's one decision (extend_deadline(), decision_calls.c): begin
 * with the INSERT's checks and an empty journal row (every column NULL),
 * fill it, finish by judging and writing it as a batch of one; finish
 * returns the stored row.
 */
typedef struct IcDecisionCall
{
	Oid			rowtype;		/* instruction_control.decision */
	TupleDesc	desc;
	Datum	   *values;
	bool	   *nulls;
} IcDecisionCall;
extern void ic_decision_call_begin(IcDecisionCall *call);
extern Datum ic_decision_call_finish(IcDecisionCall *call, HeapTuple row);
/* record_decisions()'s path (decision_batch.c): judge and write rows[0..n), the stored rows into out */
extern Oid	ic_journal_rowtype(void);
extern void ic_record_rows(HeapTuple *rows, int n, TupleDesc desc, Oid rowtype, Tuplestorestate *out);

/* A plan prepared once per backend (generic, kept); SPI connected. */
extern SPIPlanPtr ic_keep_plan(SPIPlanPtr *slot, const char *sql, int nargs, Oid *argtypes);

/* Load (and lock) an instruction; 23503 if it does not exist.  SPI connected. */
extern void ic_load_instruction(int64 id, IcLock lock, IcInstructionFacts *out);
extern void ic_load_parent(int64 parent_id, IcParentFacts *out);
/* R50.3: the day an act was signed (held FOR SHARE), IC_NO_DATE if none.  SPI connected. */
extern int32 ic_load_act_signed_on(int64 act_id);

/*
 * Load and lock (FOR NO KEY UPDATE, in id order) the instructions of ids[],
 * sorted ascending and distinct, into out[] in the same order; 23503 for a
 * missing one.  SPI connected.
 */
extern int	ic_load_instructions_locked(const int64 *ids, int n, IcInstructionFacts *out);

/*
 * The journal's history of extensions and transfers (R69.1) into ctx: count,
 * date and decider of the last, whether one was repeated.  The count is also
 * kept on the instruction row; the rest is read only where it is shown.
 */
extern void ic_load_extension_history(int64 instruction_id, IcDecisionContext *ctx);

/*
 * R79: the PA's record of the same point still on control -- reached through
 * upper_record_id at any depth, or the PA-level record of the same act and
 * point -- or 0.
 */
extern int64 ic_load_pa_record_on_control(const IcInstructionFacts *f);
/* R42-1.4: is the instruction's responsible body directly subordinate to the
 * President, and is the receiving body the Government? */
extern void ic_load_control_passing(int64 instruction_id, int64 receiving_body_id,
									bool *executor_subordinate, bool *receiver_government);

/* The decision matrix of this session (decision_matrix.c); SPI connected. */
extern const struct IcMatrix *ic_decision_matrix(void);
extern int64 ic_decision_matrix_version(bool *known);

/* Fill the parts of a context that come from an instruction and its parent. */
/* "today" of the rules: the day the transaction started, in the session's time zone */
extern int32 ic_transaction_day(void);
extern void ic_context_from_facts(IcDecisionContext *ctx, const IcInstructionFacts *f,
								  const IcParentFacts *parent);

/* ereport(ERROR) a denied verdict with its family's SQLSTATE. */
extern void ic_raise_verdict(const IcVerdict *v) pg_attribute_noreturn();

/* ereport(ERROR) a bypass of the decision journal (IC111). */
extern void ic_raise_bypass(const char *message, const char *detail,
							const char *hint) pg_attribute_noreturn();

/*
 * Column access for trigger tuples.  A trigger function first checks that it
 * fires on the extension's own table (ic_trigger_data); each column is then
 * found by name once per row type and its type checked against what the C
 * code will read from it (IC111 otherwise), so no Datum is ever read as a type
 * it is not, even on a table altered by its owner.
 */
typedef enum IcColType
{
	IC_COL_DATE,
	IC_COL_INT8,
	IC_COL_INT4,
	IC_COL_BOOL,
	IC_COL_TEXT,				/* text or a domain over text */
	IC_COL_TEXT_ARRAY,			/* text[] or an array of a domain over text */
	IC_COL_INT8_ARRAY,
	IC_COL_BYTE,				/* one-byte by-value type (control_level, instruction_kind) */
	IC_COL_TERM,				/* the term type: 8 bytes by reference */
	IC_COL_TIMESTAMPTZ,
	IC_COL_NAME,
	IC_COL_POINT_REF			/* the point_ref type: a varlena (R79's lookup) */
} IcColType;

extern int	ic_attnum(TupleDesc desc, const char *name, IcColType type);

/*
 * The columns the registry writes into a row on its own (computed, never
 * taken from the client), gathered by name and applied in one go.
 */
#define IC_ROW_EDIT_MAX 16
typedef struct IcRowEdit
{
	int			n;
	int			cols[IC_ROW_EDIT_MAX];
	Datum		values[IC_ROW_EDIT_MAX];
	bool		nulls[IC_ROW_EDIT_MAX];
} IcRowEdit;

extern void ic_edit_set(IcRowEdit *e, TupleDesc desc, const char *name, IcColType type,
						Datum value, bool isnull);
/* A date column: NULL for IC_NO_DATE. */
extern void ic_edit_set_if_present(IcRowEdit *e, TupleDesc desc, const char *name, IcColType type,
								   Datum value, bool isnull);
extern void ic_edit_date(IcRowEdit *e, TupleDesc desc, const char *name, int32 day);
extern HeapTuple ic_edit_apply(const IcRowEdit *e, HeapTuple tuple, TupleDesc desc);

/* Imported history (imported = true) is the registry administrator's: IC111 otherwise. */
extern void ic_require_import_admin(void);

/* Deform the row being judged once; ic_getattr() then reads it from there. */
extern void ic_row_deform(HeapTuple tuple, TupleDesc desc);
extern void ic_row_forget(void);
extern Datum ic_getattr(HeapTuple tuple, TupleDesc desc, const char *name,
						IcColType type, bool *isnull);
extern int32 ic_get_date(HeapTuple tuple, TupleDesc desc, const char *name);
extern int64 ic_get_int64(HeapTuple tuple, TupleDesc desc, const char *name);
extern int64 ic_get_required_int64(HeapTuple tuple, TupleDesc desc, const char *name);
extern int32 ic_get_int32(HeapTuple tuple, TupleDesc desc, const char *name);
extern bool ic_get_bool(HeapTuple tuple, TupleDesc desc, const char *name);
/* A column added in a later version (0.3): false where the schema lacks it. */
extern int32 ic_check_finite_date(const char *name, int32 d);
extern bool ic_get_bool_if_present(HeapTuple tuple, TupleDesc desc, const char *name);
extern bool ic_is_null(HeapTuple tuple, TupleDesc desc, const char *name, IcColType type);
/* Text value as a palloc'd C string, or NULL. */
extern char *ic_get_cstring(HeapTuple tuple, TupleDesc desc, const char *name);

/* Codes of a text column parsed into an enum; 22023 for an unknown code. */
extern IcDecider ic_get_decider(HeapTuple tuple, TupleDesc desc, const char *name);

/*
 * A date the registry stores: NULL (IC_NO_DATE) or finite.  infinity and
 * -infinity are refused (22008) naming the column: they cannot be counted in
 * working days and a date derived from them would not come back from a dump.
 */
extern int32 ic_get_finite_date(HeapTuple tuple, TupleDesc desc, const char *name);

/* Control level and instruction kind Datums (one byte, by value). */
#define DatumGetIcControlLevel(d) ((IcControlLevel) DatumGetUInt8(d))
#define DatumGetIcInstructionKind(d) ((IcInstructionKind) DatumGetUInt8(d))

/*
 * Trigger sanity checks shared by every trigger function: called by the
 * trigger manager, on the extension's own table "table" (else 39P01, as a
 * trigger function attached to another table would read columns it does not
 * have).
 */
extern TriggerData *ic_trigger_data(FunctionCallInfo fcinfo, const char *name,
									const char *table);

/* AFTER INSERT on instruction: write its executors (instruction_executors.c). */
extern void ic_write_executors(TriggerData *td);

/* session_user as a name Datum (what recorded_by holds). */
extern Datum ic_session_user_name(void);

/* Whether the current user acts as the registry's administrator (ic_admin). */
extern bool ic_is_registry_admin(void);
#define IC_ADMIN_ROLE "ic_admin"

/*
 * Writing rows of the registry's tables without an executor start-up
 * (registry_writer.c): row triggers, constraints, indexes and foreign-key
 * events as a statement keeps them.  ic_writer_open() is NULL where the
 * caller must run the statement instead; between open and close the caller
 * inserts (returns the stored row, NULL if a BEFORE trigger skipped it) or
 * updates rows it has locked (one column set, the row's triggers do the rest).
 */
typedef struct IcWriter IcWriter;
typedef struct IcColumn
{
	const char *name;
	IcColType	type;
} IcColumn;
/*
 * restore_load.c: whether a trigger is one of the extension's restore
 * triggers (restore_load, restore_load_end), which act only in restore_mode:
 * a row the registry writes needs no statement for them.
 */
extern bool ic_is_restore_trigger(const Trigger *trig);

extern IcWriter *ic_writer_open(Oid relid, CmdType cmd, const IcColumn *updated, int nupdated,
								bool as_caller);
extern HeapTuple ic_writer_insert(IcWriter *w, HeapTuple tuple);
extern void ic_writer_update(IcWriter *w, ItemPointer tid, const IcColumn *column, Datum value);
extern void ic_writer_close(IcWriter *w);

/*
 * The registry's own writes (applying a decision to its instruction,
 * journaling a roadmap's approval) run as the owner of the table written:
 * the caller's privilege is the one it used to take the decision.
 */
typedef struct IcActingAs
{
	Oid			saved_user;
	int			saved_context;
} IcActingAs;
extern void ic_act_as_owner(Oid relid, IcActingAs *saved);
extern void ic_act_restore(const IcActingAs *saved);

/* The columns the application of a decision changes (UPDATE OF triggers fire for them). */
extern const IcColumn ic_applied_columns[];
extern const int ic_applied_column_count;

/* Who acted, proven for roleid's memberships (acting_person.c): NULLs when none is named. */
extern void ic_prove_acting_person(Oid roleid, Datum *name, bool *name_null,
								   Datum *person_id, bool *id_null);

#endif							/* IC_REGISTRY_H */
