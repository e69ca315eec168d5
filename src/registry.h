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

#include "rules_core.h"

#define IC_SCHEMA "instruction_control"

/* The instruction a decision concerns, as the rules need it. */
typedef struct IcInstructionFacts
{
	int64		id;
	IcInstructionKind kind;
	IcControlLevel level;
	IcRegime	regime;
	bool		on_control;
	int32		due_date;		/* IC_NO_DATE if NULL */
	int32		received_on;
	IcCategory	category;
	int64		parent_id;		/* 0 if none */
	char		calendar[32];
	int			extensions;		/* extensions and transfers so far */
	int64		last_decision_id;	/* 0 if none */
} IcInstructionFacts;

/* The parent of an instruction, for R50.1 and R79. */
typedef struct IcParentFacts
{
	bool		exists;
	int32		due_date;
	bool		is_pa_level;
	bool		on_control;
} IcParentFacts;

/* Row locks taken on the instruction while a decision is judged. */
typedef enum IcLock
{
	IC_LOCK_UPDATE,				/* decisions: serialize on the instruction */
	IC_LOCK_SHARE,				/* reports: wait for a decision in flight */
	IC_LOCK_NONE				/* questions that decide nothing */
} IcLock;

/*
 * A decision as it is applied to its instruction.  While the journal's AFTER
 * trigger applies one, ic_applying holds it, so the instruction's guard can
 * check the UPDATE against it without reading it back (decision_id 0: none).
 */
typedef struct IcAppliedDecision
{
	int64		decision_id;
	int64		instruction_id;
	char		kind[32];
	int32		new_due_date;	/* IC_NO_DATE if none */
	char		new_regime[32];	/* "" if none */
	int32		decided_on;
	int32		roadmap_due_date;	/* IC_NO_DATE if none */
} IcAppliedDecision;

extern IcAppliedDecision ic_applying;

/* A plan prepared once per backend (generic, kept); SPI connected. */
extern SPIPlanPtr ic_keep_plan(SPIPlanPtr *slot, const char *sql, int nargs, Oid *argtypes);

/* Load (and lock) an instruction; 23503 if it does not exist.  SPI connected. */
extern void ic_load_instruction(int64 id, IcLock lock, IcInstructionFacts *out);
extern void ic_load_parent(int64 parent_id, IcParentFacts *out);

/*
 * The journal's history of extensions and transfers (R69.1) into ctx: count,
 * date and decider of the last, whether one was repeated.  The count is also
 * kept on the instruction row; the rest is read only where it is shown.
 */
extern void ic_load_extension_history(int64 instruction_id, IcDecisionContext *ctx);

/* Deciders the administrator's table lists for a level and action (R74-1). */
extern IcDeciderSet ic_load_authority(IcControlLevel level, IcAction action);

/* Fill the parts of a context that come from an instruction and its parent. */
extern void ic_context_from_facts(IcDecisionContext *ctx, const IcInstructionFacts *f,
								  const IcParentFacts *parent);

/* ereport(ERROR) a denied verdict with its family's SQLSTATE. */
extern void ic_raise_verdict(const IcVerdict *v) pg_attribute_noreturn();

/* ereport(ERROR) a bypass of the decision journal (IC111). */
extern void ic_raise_bypass(const char *message, const char *detail,
							const char *hint) pg_attribute_noreturn();

/* Column access by name for trigger tuples (errors if the column is missing). */
extern int	ic_attnum(TupleDesc desc, const char *name);
extern Datum ic_getattr(HeapTuple tuple, TupleDesc desc, const char *name, bool *isnull);
extern int32 ic_get_date(HeapTuple tuple, TupleDesc desc, const char *name);
extern int64 ic_get_int64(HeapTuple tuple, TupleDesc desc, const char *name);
extern bool ic_get_bool(HeapTuple tuple, TupleDesc desc, const char *name);
/* Text value as a palloc'd C string, or NULL. */
extern char *ic_get_cstring(HeapTuple tuple, TupleDesc desc, const char *name);

/* Codes of a text column parsed into an enum; 22023 for an unknown code. */
extern IcDecider ic_get_decider(HeapTuple tuple, TupleDesc desc, const char *name);

/* Control level and instruction kind Datums (one byte, by value). */
#define DatumGetIcControlLevel(d) ((IcControlLevel) DatumGetUInt8(d))
#define DatumGetIcInstructionKind(d) ((IcInstructionKind) DatumGetUInt8(d))

/* Trigger sanity checks shared by every trigger function. */
extern TriggerData *ic_trigger_data(FunctionCallInfo fcinfo, const char *name);

#endif							/* IC_REGISTRY_H */
