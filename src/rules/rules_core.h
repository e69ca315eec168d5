/*
 * rules_core.h
 *		The decree's rules on control decisions, as a pure function.
 *
 * A decision (put on control, extend, transfer, set a new deadline, remove,
 * approve a roadmap, submit a report) is described by an IcDecisionContext of
 * plain C values that the trigger glue gathers from the row being written and
 * from the journal.  ic_rules_decide() answers allowed, or denied with the
 * rule id, the family of the violation (which fixes the SQLSTATE), the facts
 * (DETAIL) and what would be allowed (HINT).  No PostgreSQL headers: the same
 * code runs in the server, the unit tests and the fuzz targets.
 *
 * "Who may decide" is answered in one place, ic_rules_allowed_deciders():
 * fixed by the decree at PA level, and taken from the administrator's table
 * (R74-1) at the Government, central, local and organisation levels.
 */
#ifndef IC_RULES_CORE_H
#define IC_RULES_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "control_level_core.h"
#include "instruction_kind_core.h"

/* Positions that take decisions (rules.md, R69-R77). */
typedef enum IcDecider
{
	IC_DECIDER_INVALID = 0,
	IC_DECIDER_PRESIDENT,
	IC_DECIDER_HEAD_OF_PA,
	IC_DECIDER_SECRETARY_SC,
	IC_DECIDER_STATE_COUNSELLOR,
	IC_DECIDER_HEAD_OF_PRESIDENTS_OFFICE,
	IC_DECIDER_ASSISTANT_OR_ADVISER,
	IC_DECIDER_PA_UNIT_HEAD,
	IC_DECIDER_PRIME_MINISTER,
	IC_DECIDER_DEPUTY_PRIME_MINISTER,
	IC_DECIDER_HEAD_OF_GOVERNMENT_OFFICE,
	IC_DECIDER_FIRST_HEAD,
	IC_DECIDER_AKIM,
	IC_DECIDER_COUNT
} IcDecider;

/* A set of deciders: bit (1 << decider). */
typedef uint32_t IcDeciderSet;
#define IC_DECIDER_BIT(d) ((IcDeciderSet) 1 << (d))

typedef enum IcAction
{
	IC_ACTION_INVALID = 0,
	IC_ACTION_PUT_ON_CONTROL,
	IC_ACTION_EXTEND,			/* R69.1, R72 */
	IC_ACTION_TRANSFER,			/* R69.3, R69.4 */
	IC_ACTION_NEW_DEADLINE,		/* R70.4, R70.5 */
	IC_ACTION_REMOVE,			/* R75-R79 */
	IC_ACTION_APPROVE_ROADMAP,	/* R57 */
	IC_ACTION_CALENDAR_CHANGE,	/* R50.3: the calendar changed, counted dates move */
	IC_ACTION_SUBMIT_REPORT,	/* R66-1, R72.4 */
	IC_ACTION_COUNT
} IcAction;

typedef enum IcRegime
{
	IC_REGIME_INVALID = 0,
	IC_REGIME_REGULAR,
	IC_REGIME_MEDIUM_TERM,
	IC_REGIME_LONG_TERM
} IcRegime;

typedef enum IcRemovalGround	/* R75 */
{
	IC_GROUND_INVALID = 0,
	IC_GROUND_EXECUTED,			/* (1) full and proper execution */
	IC_GROUND_DUPLICATED,		/* (2) a new instruction contains it */
	IC_GROUND_IMPOSSIBLE,		/* (3) objective circumstances */
	IC_GROUND_CONTROL_PASSED	/* (4) control passed to another body */
} IcRemovalGround;

typedef enum IcCategory			/* R66-3 categories, for R76-1 evidence */
{
	IC_CATEGORY_NONE = 0,
	IC_CATEGORY_MONUMENT,
	IC_CATEGORY_CONSTRUCTION,
	IC_CATEGORY_DIGITALISATION,
	IC_CATEGORY_NAMED_LAW,
	IC_CATEGORY_LAW_AMENDMENTS,
	IC_CATEGORY_EVENT_OR_NAMING
} IcCategory;

/*
 * Kinds of evidence, a bit set: for removal from control (R75, R76-1), and the
 * typed basis of an extension, transfer or new deadline (R69.1, R70.4).
 */
typedef enum IcEvidence
{
	IC_EVIDENCE_OFFICIAL_REPORT = 0,	/* the executor's report on execution */
	IC_EVIDENCE_ACT_ADOPTED,			/* a signed law or adopted act (R75(1)) */
	IC_EVIDENCE_LAW_SIGNED,				/* the President signed the named law */
	IC_EVIDENCE_PA_UNIT_MEMO,			/* memo of the responsible PA unit */
	IC_EVIDENCE_EXECUTOR_FINAL_REPORT,	/* works finished / results reached */
	IC_EVIDENCE_PA_EXPERT_CONCLUSION,	/* expert conclusion of a PA unit */
	IC_EVIDENCE_EVENT_HELD,				/* the event took place */
	IC_EVIDENCE_NEW_INSTRUCTION,		/* the instruction that supersedes it */
	IC_EVIDENCE_CONTROL_PASSED_DECISION,	/* the decision passing control */
	/* the basis of an extension, transfer or new deadline (R69.1, R70.4) */
	IC_EVIDENCE_PA_AGREEMENT,			/* the PA's agreement to a proposal (R69.1) */
	IC_EVIDENCE_EXECUTOR_LETTER,		/* letter of the responsible executor (R70.4) */
	/* below PA level the controlling body's unit stands for the PA's (R74-1, R75(3), R76-1) */
	IC_EVIDENCE_BODY_EXPERT_CONCLUSION,	/* expert conclusion of the controlling body's unit */
	IC_EVIDENCE_BODY_UNIT_MEMO,			/* memo of the controlling body's unit */
	IC_EVIDENCE_BODY_AGREEMENT,			/* the controlling body's agreement to a proposal */
	IC_EVIDENCE_COUNT
} IcEvidence;
typedef uint32_t IcEvidenceSet;
#define IC_EVIDENCE_BIT(e) ((IcEvidenceSet) 1 << (e))

typedef enum IcNewDeadlineReason	/* R70.4 */
{
	IC_REASON_INVALID = 0,
	IC_REASON_EMERGENCY,
	IC_REASON_STATE_OF_EMERGENCY,
	IC_REASON_QUARANTINE
} IcNewDeadlineReason;

/* The body that drafted a roadmap, for R57. */
typedef enum IcDrafter
{
	IC_DRAFTER_INVALID = 0,
	IC_DRAFTER_CENTRAL_OUTSIDE_GOVERNMENT,	/* directly subordinate to the President or outside the Government */
	IC_DRAFTER_CENTRAL_INTERDEPARTMENTAL,	/* another central body, interdepartmental measures */
	IC_DRAFTER_LOCAL,						/* local executive body */
	IC_DRAFTER_EXECUTOR_ONLY				/* only the executor and its subordinate organisations */
} IcDrafter;

/*
 * The body that drafted a roadmap, as state_body describes it (R57): which
 * drafters fit it is ic_rules_drafter_fits_body() (rules_roadmap_core.h).
 */
typedef enum IcDrafterBody
{
	IC_DRAFTER_BODY_UNKNOWN = 0,	/* no body given: the drafter is not checked */
	IC_DRAFTER_BODY_OUTSIDE_GOVERNMENT,	/* central, outside the Government or directly subordinate to the President */
	IC_DRAFTER_BODY_INSIDE_GOVERNMENT,	/* central, inside the Government (or the Government itself) */
	IC_DRAFTER_BODY_LOCAL,			/* local executive body */
	IC_DRAFTER_BODY_ORGANISATION,	/* an organisation: only its own measures */
	IC_DRAFTER_BODY_OTHER			/* PA, Security Council: not an executor R57 names */
} IcDrafterBody;

/* Families of violations; each has one SQLSTATE (src/common/ic_errcodes.h). */
typedef enum IcRuleFamily
{
	IC_FAMILY_NONE = 0,
	IC_FAMILY_NOT_AUTHORISED,		/* IC101: the decider may not decide this */
	IC_FAMILY_REPEATED_EXTENSION,	/* IC102: R69.1 limit, R72 conditions */
	IC_FAMILY_TRANSFER,				/* IC103: R69.3, R69.4 */
	IC_FAMILY_NEW_DEADLINE,			/* IC104: R70.4 */
	IC_FAMILY_REMOVAL_GROUNDS,		/* IC105: R75, R76-1 */
	IC_FAMILY_REMOVAL_ORDER,		/* IC106: R79 */
	IC_FAMILY_CONTROL_LEVEL,		/* IC107: R42-1 */
	IC_FAMILY_DEADLINE,				/* IC108: R50, R51, parent deadline */
	IC_FAMILY_ROADMAP,				/* IC109: R56, R57, R59 */
	IC_FAMILY_SECRECY,				/* IC110: R14 */
	IC_FAMILY_BYPASS,				/* IC111: journal and decisions bypassed */
	IC_FAMILY_NOT_ON_CONTROL,		/* IC112: the instruction is removed */
	IC_FAMILY_REPORT,				/* IC113: R66-1, R72.4 */
	IC_FAMILY_MISSING_BASIS,		/* IC114: no expert conclusion or agreement */
	IC_FAMILY_NOT_IN_FORCE,			/* IC115: dated before the rules entered into force */
	IC_FAMILY_DECISION_DATE,		/* IC116: decided before receipt, before the last decision, or in the future */
	IC_FAMILY_IMPORT				/* IC117: an import of what the rules govern, not of history */
} IcRuleFamily;

/* Where an instruction's deadline comes from (R50.1-R50.3, R51). */
typedef enum IcDeadlineSource
{
	IC_SOURCE_NONE = 0,
	IC_SOURCE_TERM,				/* counted from the term (R50.3) */
	IC_SOURCE_TWO_WEEKS,		/* personal instruction, two weeks of signing (R51) */
	IC_SOURCE_ACT,				/* the act or instruction names the date (R50.1) */
	IC_SOURCE_CONTROL_APPROVAL, /* the control approval sets it (R4.5, R50.1) */
	IC_SOURCE_RESOLUTION,		/* a resolution sets it (R50.1) */
	IC_SOURCE_PA				/* the PA sets it where nothing else does (R50.2) */
} IcDeadlineSource;

/* Secrecy of an instruction (R14: a state secret keeps its requisites only). */
typedef enum IcSecrecy
{
	IC_SECRECY_INVALID = 0,
	IC_SECRECY_NONE,
	IC_SECRECY_RESTRICTED,
	IC_SECRECY_STATE_SECRET
} IcSecrecy;

/* Whether an instruction is on control or was removed (R75). */
typedef enum IcStatus
{
	IC_STATUS_INVALID = 0,
	IC_STATUS_ON_CONTROL,
	IC_STATUS_REMOVED
} IcStatus;

/* Reports on an instruction (R66-1, R66-3.5, R72.4). */
typedef enum IcReportKind
{
	IC_REPORT_INVALID = 0,
	IC_REPORT_INTERMEDIATE,
	IC_REPORT_FINAL,
	IC_REPORT_RISK,
	IC_REPORT_MEASURES
} IcReportKind;

/* Day the amendments of Decree No. 403 entered into force (1 February 2024). */
#define IC_RULES_IN_FORCE_FROM 8797	/* days since 2000-01-01 */

#define IC_NO_DATE INT32_MIN	/* a date that is not known */

/*
 * Everything a decision is judged on.  Dates are PostgreSQL day numbers
 * (days since 2000-01-01), IC_NO_DATE when absent.
 */
typedef struct IcDecisionContext
{
	IcAction	action;
	int64_t		instruction_id;
	IcInstructionKind kind;
	IcControlLevel level;
	IcRegime	regime;			/* current regime */
	bool		on_control;		/* false once removed */
	IcDecider	decided_by;

	/* who may decide: the decision matrix (rules_matrix_core.h) */
	const struct IcMatrix *matrix;

	/* history from the journal */
	int			prior_extensions;	/* extensions + transfers (R69.1) */
	int32_t		last_extension_on;	/* date of the latest of them */
	IcDecider	last_extension_by;
	IcAction	last_extension_action;	/* extension or transfer */

	/* the decision's own date, today, and the instruction's latest decision */
	int32_t		decided_on;
	int32_t		today;
	int32_t		last_decided_on;	/* IC_NO_DATE if none */
	bool		imported;		/* history: not judged by Decree No. 403's rules, dates still checked */
	bool		instruction_imported;	/* import: the instruction itself is imported history */
	bool		has_live_decision;	/* import: the instruction has a decision of the live journal */
	bool		import_in_force;	/* import: it says the row is dated when the rules were in force */

	/* setting: a transfer after an extension or transfer needs R72's review */
	bool		repeated_transfer_needs_review;

	/* extend / transfer / new deadline */
	int32_t		due_date;		/* current due date */
	int32_t		new_due_date;
	bool		basis_given;	/* a free-text basis (0.2 clients; R69.1 typed: evidence) */
	bool		typed_basis_required;	/* setting: the basis must be named by kind (R69.1) */
	bool		disciplinary_review_given;	/* R72 */
	IcRegime	new_regime;		/* transfer */
	bool		reason_given;	/* transfer: the circumstances are stated */
	IcNewDeadlineReason new_deadline_reason;
	int32_t		parent_due_date;	/* IC_NO_DATE if no parent */

	/* removal */
	IcRemovalGround ground;
	IcEvidenceSet evidence;
	IcCategory	category;
	bool		receiving_body_given;	/* R75(4): the body control passes to */
	bool		receiver_is_government;	/* R42-1.4: that body is the Government */
	bool		executor_directly_subordinate;	/* R42-1.4: the responsible body is directly subordinate and accountable to the President */
	int64_t		pa_record_on_control;	/* R79: the PA's record of the same point still on control, 0 if none */

	/* put on control */
	bool		local_character;	/* R42-1.2 */
	bool		public_resonance;
	int32_t		received_on;
	int32_t		signed_on;
	int32_t		act_signed_on;	/* R50.3: the day its act was signed, IC_NO_DATE if none or unknown */
	bool		explicit_due;		/* the due date was given, not computed */
	int32_t		term_due;			/* due date counted from the term, IC_NO_DATE if no term */
	int32_t		personal_due;		/* R51: two weeks of signing, IC_NO_DATE if not personal */
	int32_t		due_rolled;			/* the first working day on or after due_date */
	IcDeadlineSource deadline_source;
	bool		passed_down;		/* a record of control passed from a higher level (R42-1.4, R74-1, R75(4)) */
	/* R42-1.1 (round 3): what the upper record (upper_record_id) is to this one */
	bool		upper_record_given;
	bool		upper_same_point;	/* the same act and point */
	bool		upper_passed_to_body;	/* removed on ground control_passed naming this record's controlling body */
	/* R4.5, Appendix 5: the fields a control approval fixes for each point */
	bool		completion_form_given;
	bool		pa_unit_given;
	bool		responsible_given;
	bool		state_secret;		/* R14 */
	bool		has_content;		/* free text that could hold content (R14) */
	bool		has_paper_card;
	bool		paper_ref_too_long;	/* a paper reference longer than a reference (R14) */

	/* roadmap approval */
	IcDrafter	drafter;
	IcDrafterBody drafter_body;	/* R57: the drafting body, from state_body */
	int64_t		drafter_body_id;	/* 0 if none */
	int32_t		pa_submitted_on;	/* R57: submitted to the PA, IC_NO_DATE if not */
	int32_t		pa_agreed_on;	/* R57: agreed by the PA, IC_NO_DATE if not */
	bool		touches_government_powers;
	bool		agreed_with_prime_minister;

	/*
	 * calendar change (R50.3): the role applying it keeps the calendar
	 * (ic_admin), and the dates the calendar counts now for the due date and
	 * the R56 roadmap (IC_NO_DATE where the date is not counted but fixed)
	 */
	bool		calendar_keeper;
	int32_t		counted_due;
	int32_t		counted_roadmap_due;
	int32_t		roadmap_due_date;	/* the stored roadmap due date, IC_NO_DATE if none */

	/* report */
	bool		is_measures_report;	/* R72.4 information on measures taken */
	bool		has_repeated_extension;
	IcReportKind report_kind;	/* IC_REPORT_INVALID when not known */
	IcDecider	report_addressee;	/* R66-1.2: IC_DECIDER_INVALID when not given */
} IcDecisionContext;

#define IC_VERDICT_TEXT 512

typedef struct IcVerdict
{
	bool		allowed;
	IcRuleFamily family;
	const char *rule;			/* e.g. "R69.1" */
	char		message[IC_VERDICT_TEXT];
	char		detail[IC_VERDICT_TEXT];
	char		hint[IC_VERDICT_TEXT];
} IcVerdict;

/* Putting on control (rules_control_core.c); ic_rules_decide() calls it. */
extern bool ic_rules_decide_put_on_control(const IcDecisionContext *ctx, IcVerdict *verdict);

/*
 * A report's addressee against the level of control (R66-1.2, R66-1.3,
 * R74-1 below PA): the positions a report of this kind may go to; 0 when any
 * (a kind the decree routes nowhere in particular).  rules_control_core.c.
 */
extern IcDeciderSet ic_rules_report_addressees(IcReportKind kind, IcInstructionKind ikind,
											   IcControlLevel level, const char **rule);
extern bool ic_rules_check_report_addressee(const IcDecisionContext *ctx, IcVerdict *verdict);

/* Shared by the rules files: deny with a rule id, allow. */
extern bool ic_rules_deny(IcVerdict *v, IcRuleFamily family, const char *rule,
						  const char *message, const char *hint, const char *detail_fmt,...)
#if defined(__GNUC__) || defined(__clang__)
			__attribute__((format(printf, 6, 7)))
#endif
			;
extern bool ic_rules_allow(IcVerdict *v);
extern bool ic_rules_check_not_future(IcVerdict *v, IcRuleFamily family, const char *rule, const char *message,
									  const char *hint, const char *what, int64_t instruction_id,
									  int32_t day, int32_t today);
extern bool ic_rules_check_working_day(const IcDecisionContext *ctx, IcVerdict *v, int32_t given,
									   const char *message);
extern bool ic_rules_check_parent_due(const IcDecisionContext *ctx, IcVerdict *v, int32_t due,
									  const char *hint);

/* The columns of an instruction a decision changes. */
typedef struct IcInstructionState
{
	int32_t		due_date;
	IcRegime	regime;
	bool		on_control;
	int32_t		removed_on;		/* IC_NO_DATE if on control */
	int32_t		roadmap_due_date;	/* IC_NO_DATE if none */
	int32_t		extensions;
	int32_t		decision_count;
	int64_t		last_decision_id;	/* 0 if none */
	int32_t		last_decided_on;	/* IC_NO_DATE if none */
} IcInstructionState;

/* An accepted decision, as much of it as changes the instruction. */
typedef struct IcDecisionEffect
{
	IcAction	action;
	int64_t		decision_id;
	int32_t		new_due_date;	/* IC_NO_DATE: none */
	IcRegime	new_regime;		/* IC_REGIME_INVALID: none */
	int32_t		decided_on;
	int32_t		roadmap_due_date;	/* IC_NO_DATE: none (R59) */
} IcDecisionEffect;

/* What the decision does to the instruction (rules_effect_core.c). */
extern void ic_rules_effect(const IcDecisionEffect *decision, const IcInstructionState *before,
							IcInstructionState *after);

/*
 * An imported decision or instruction: history only (IC117), and for a
 * decision who decided where the rule is about who (R74, R77); its dates are
 * then checked like any decision's (ic_rules_check_decision_date).
 */
extern bool ic_rules_check_import(const IcDecisionContext *ctx, IcVerdict *verdict);

/* Judge a decision.  Returns verdict->allowed. */
extern bool ic_rules_decide(const IcDecisionContext *ctx, IcVerdict *verdict);

/*
 * Who may take this action on this instruction (and which rule says so): the
 * first row of ctx->matrix that matches, on the decision's day.
 */
extern IcDeciderSet ic_rules_allowed_deciders(const IcDecisionContext *ctx,
											  const char **rule);

/*
 * Whether judging ctx needs the journal's last extension or transfer
 * (last_extension_on, _by, _action): R72 refuses this repeated extension or
 * transfer for want of the decision on disciplinary responsibility, and the
 * refusal names the last one.  The glue reads it only then.
 */
extern bool ic_rules_needs_extension_history(const IcDecisionContext *ctx);

/* True when an extension (given prior_extensions) counts as repeated (R72). */
extern bool ic_rules_is_repeated_extension(const IcDecisionContext *ctx);

/*
 * R56: a roadmap is required when the term is longer than six months and the
 * instruction is interdepartmental (2+ bodies) or forms new approaches.
 * Interpretation in rules.md: both conditions together.
 */
extern bool ic_rules_roadmap_required(int32_t received_on, int32_t due_date,
									  int executing_bodies, bool new_approaches);

/*
 * R56 measures the term given in the act, not its rolled deadline: the day a
 * term of unit/count from received_on ends before it is rolled to a working
 * day (days, weeks, months); term_due for a term of working days (which ends
 * on a working day) or no term.  One home for the SQL (roadmap_due_on_receipt())
 * and the guard.
 */
extern int32_t ic_rules_term_end(int32_t received_on, int unit, int32_t count,
								 int32_t term_due);

/* Codes <-> enums; parse functions return false for an unknown code. */
extern const char *ic_decider_code(IcDecider d);
extern bool ic_decider_parse(const char *code, IcDecider *out);
extern const char *ic_action_code(IcAction a);
extern bool ic_action_parse(const char *code, IcAction *out);
extern const char *ic_regime_code(IcRegime r);
extern bool ic_regime_parse(const char *code, IcRegime *out);
extern const char *ic_ground_code(IcRemovalGround g);
extern bool ic_ground_parse(const char *code, IcRemovalGround *out);
extern const char *ic_category_code(IcCategory c);
extern bool ic_category_parse(const char *code, IcCategory *out);
extern const char *ic_evidence_code(IcEvidence e);
extern bool ic_evidence_parse(const char *code, IcEvidence *out);
extern const char *ic_reason_code(IcNewDeadlineReason r);
extern bool ic_reason_parse(const char *code, IcNewDeadlineReason *out);
extern const char *ic_drafter_code(IcDrafter d);
extern bool ic_drafter_parse(const char *code, IcDrafter *out);
extern const char *ic_deadline_source_code(IcDeadlineSource s);
extern bool ic_deadline_source_parse(const char *code, IcDeadlineSource *out);
extern const char *ic_secrecy_code(IcSecrecy s);
extern bool ic_secrecy_parse(const char *code, IcSecrecy *out);
extern const char *ic_status_code(IcStatus s);
extern bool ic_status_parse(const char *code, IcStatus *out);
extern const char *ic_report_kind_code(IcReportKind k);
extern bool ic_report_kind_parse(const char *code, IcReportKind *out);

/* R56: a roadmap is drafted within 10 working days; R59 borrows R56's term. */
#define IC_ROADMAP_WORKING_DAYS 10

/* Longest text accepted as a reference of a paper document of a state secret (R14). */
#define IC_PAPER_REF_MAXLEN 100

/* Checks every decision of the journal shares (R14, effective date, decided_on). */
extern bool ic_rules_check_decision_date(const IcDecisionContext *ctx, IcVerdict *v);

/*
 * Typed evidence (rules_evidence_core.c): the kinds of basis R69.1 (extension,
 * transfer) or R70.4 (new deadline) accept, any one enough; the check of a
 * decision's basis (IC114) and of a removal's evidence (R75, R76-1, IC105).
 * Below PA level the controlling body's unit stands for the PA unit (R74-1).
 */
extern IcEvidenceSet ic_rules_basis_kinds(IcAction action);
extern bool ic_rules_check_basis(const IcDecisionContext *ctx, IcVerdict *v, const char *rule);
extern bool ic_rules_check_removal_evidence(const IcDecisionContext *ctx, IcVerdict *v);

/* "president, head_of_pa" into buf; returns buf. */
extern char *ic_decider_set_format(IcDeciderSet set, char *buf, size_t len);

/* Day number (days since 2000-01-01) as YYYY-MM-DD into buf (>= 11 bytes). */
extern char *ic_format_day(int32_t day, char *buf, size_t len);

#endif							/* IC_RULES_CORE_H */
