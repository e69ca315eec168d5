/*
 * rules_matrix_core.h
 *		The decision matrix: who may take a decision, as rows of data.
 *
 * Each row says: for this action, at this level (or any), on instructions of
 * this kind class, first or repeated (or either), drafted by (R57 roadmaps
 * only), in force between two days -- these deciders may decide, and this
 * rule says so.  Rows are tried in precedence order; the first that matches
 * answers.  The rows live in the table instruction_control.decision_rule (the
 * decree's rows) and decision_authority (the administrator's R74-1 rows),
 * read together through the view decision_matrix.  Pure C.
 */
#ifndef IC_RULES_MATRIX_CORE_H
#define IC_RULES_MATRIX_CORE_H

#include "rules_core.h"

/* The kind predicates a row may single out (instruction_kind_core.h). */
typedef enum IcKindClass
{
	IC_KINDS_INVALID = 0,
	IC_KINDS_ANY,
	IC_KINDS_PERSONAL,				/* ic_kind_is_personal: published or not (R77) */
	IC_KINDS_PERSONAL_UNPUBLISHED,	/* ic_kind_extension_only_by_president (R74) */
	IC_KINDS_SECURITY_COUNCIL,		/* R69.2, R70.5, R72.3, R76.4 */
	IC_KINDS_NATIONAL_PLAN,			/* R72.1 */
	IC_KINDS_DOCUMENT_OR_APPEAL		/* R48-1: instructions on documents and appeals */
} IcKindClass;

#define IC_MATRIX_ANY (-1)			/* level or repeated: any */
#define IC_MATRIX_RULE_LEN 24

typedef struct IcMatrixRow
{
	IcAction	action;
	int			level;			/* IcControlLevel, or IC_MATRIX_ANY */
	IcKindClass kinds;
	int			repeated;		/* 0, 1, or IC_MATRIX_ANY */
	IcDrafter	drafter;		/* IC_DRAFTER_INVALID: any */
	IcDeciderSet deciders;
	char		rule[IC_MATRIX_RULE_LEN];
	int32_t		effective_from; /* IC_NO_DATE: open */
	int32_t		effective_to;	/* IC_NO_DATE: open */
} IcMatrixRow;

/* Rows in precedence order (the first match answers). */
typedef struct IcMatrix
{
	int			nrows;
	const IcMatrixRow *rows;
} IcMatrix;

extern bool ic_kind_class_matches(IcKindClass c, IcInstructionKind kind);

/* The first row that answers for ctx on day `on`, or NULL. */
extern const IcMatrixRow *ic_matrix_match(const IcMatrix *m, const IcDecisionContext *ctx,
										  int32_t on);

extern const char *ic_kind_class_code(IcKindClass c);
extern bool ic_kind_class_parse(const char *code, IcKindClass *out);

#endif							/* IC_RULES_MATRIX_CORE_H */
