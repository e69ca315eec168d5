/*
 * drafts_core.h
 *		The rules a draft act or draft instruction is reviewed by before it
 *		exists: how long the PA has to review it (R20, R33), who may set
 *		another refinement term (R21), how it reaches the PA (R13, R14), the
 *		R30 checklist an instruction draft is agreed against (R33), the visas
 *		it needs before signature (R24, R33) and who settles a disagreement on
 *		the measures of a national plan (R37).
 *
 * Pure functions of codes (the lower-case codes of the SQL domains), so the
 * unit tests and the server share them.  Each function that refuses returns
 * the rule's words for the DETAIL/HINT, never a bare boolean, so the glue
 * says what is missing.  No PostgreSQL headers.
 */
#ifndef IC_DRAFTS_CORE_H
#define IC_DRAFTS_CORE_H

#include <stdbool.h>

typedef enum IcDraftKind
{
	IC_DRAFT_PLANNING_ACT,		/* act approving a state planning document (R20) */
	IC_DRAFT_ACT,				/* any other act of the President */
	IC_DRAFT_INSTRUCTION,		/* draft instruction prepared by a body (R33) */
	IC_DRAFT_KIND_INVALID
} IcDraftKind;

/* Visa media, as bits: R24 asks for paper, R33 for both. */
#define IC_VISA_PAPER		0x1
#define IC_VISA_ELECTRONIC	0x2

/* R21: the refinement term unless one of the named officials sets another. */
#define IC_DRAFT_REFINEMENT_DAYS 5

/* The R30 checklist (R33 reviews a draft instruction against it), as bits. */
#define IC_R30_WORKED_OUT		0x01	/* R30(1) worked out, agreed with every body concerned */
#define IC_R30_STRATEGIC		0x02	/* R30(2) fits the country's strategic goals */
#define IC_R30_RESULT			0x04	/* R30(3) concrete expected result and effect */
#define IC_R30_DEADLINES		0x08	/* R30(4) concrete deadlines */
#define IC_R30_FEASIBLE			0x10	/* R30(5) economically feasible and resourced */
#define IC_R30_AUTONOMY			0x20	/* R30(6) respects the Government's autonomy */
#define IC_R33_NO_DUPLICATE		0x40	/* R33 does not duplicate earlier instructions */
#define IC_R33_ALL				0x7F

typedef struct IcDraftVisa
{
	const char *position;		/* a visa_position code */
	const char *medium;			/* "paper" or "electronic" */
} IcDraftVisa;

extern IcDraftKind ic_draft_kind(const char *code);

/* R20, R33: working days the PA has from receipt; 0: the decree sets none. */
extern int	ic_draft_review_days(IcDraftKind kind);

/* R21: may this decider set a refinement term other than five working days? */
extern bool ic_draft_may_set_refinement_term(const char *decider);

/* R21: refinement is a step of an act's draft only. */
extern bool ic_draft_may_be_refined(IcDraftKind kind);

/*
 * R13, R14: how a draft reaches the PA.  secrecy: none, restricted or
 * state_secret; channel: electronic or paper.  Returns NULL when allowed,
 * else the rule's words for the refusal.
 */
extern const char *ic_draft_channel_refusal(const char *secrecy, const char *channel,
											bool has_content, bool has_paper_reason,
											bool has_paper_card);

/* R14: who signs the draft a body submits: the Prime Minister for the
 * Government, the first head (an akim for a local executive body) for others. */
extern const char *ic_draft_signatory_refusal(const char *body_type, const char *signatory);

/* R33: the first unmet item of the checklist, or NULL when all are met. */
extern const char *ic_draft_checklist_unmet(unsigned met);

/* R24 (acts) and R33 (instructions): the first visa still missing before
 * signature, or NULL when all are there. */
extern const char *ic_draft_missing_visa(IcDraftKind kind, const IcDraftVisa *visas, int nvisas);

/* R24: the State Counsellor visas an act's draft electronically. */
extern const char *ic_draft_visa_refusal(IcDraftKind kind, const char *position, const char *medium);

/* R37: may this decider settle a disagreement on a national plan's measures? */
extern bool ic_draft_may_resolve_disagreement(const char *decider);

#endif							/* IC_DRAFTS_CORE_H */
