/*
 * rules_roadmap_core.h
 *		R57 for a roadmap: who may draft it as what, read from the body, and
 *		the dates of its submission to the PA and of the PA's agreement.
 *
 * Pure (no PostgreSQL headers): the roadmap trigger (registry_documents.c)
 * gathers the body and the dates, these functions judge them.
 */
#ifndef IC_RULES_ROADMAP_CORE_H
#define IC_RULES_ROADMAP_CORE_H

#include <stdbool.h>
#include <stdint.h>

#include "rules_core.h"

/*
 * R57: the PA agrees a roadmap within 5 working days of its submission to
 * the PA -- the PA's own term, not the executor's (rules.md, round 3).
 */
#define IC_ROADMAP_PA_WORKING_DAYS 5

/*
 * What state_body says of the drafting body: its body_type code and its two
 * flags.  NULL body_type: IC_DRAFTER_BODY_UNKNOWN.
 */
extern IcDrafterBody ic_rules_drafter_body(const char *body_type, bool inside_government,
										   bool directly_subordinate_to_president);

/* Whether a drafter class (which fixes the approver, R57) fits the body. */
extern bool ic_rules_drafter_fits_body(IcDrafterBody body, IcDrafter drafter);

/*
 * R57: who may approve a roadmap drafted by this body -- the union of the
 * approvers of every drafter class the body fits (ctx: the instruction, its
 * matrix and day).  *rule: "R57".
 */
extern IcDeciderSet ic_rules_roadmap_approvers(const IcDecisionContext *ctx, IcDrafterBody body,
											   const char **rule);

/*
 * R57 on a roadmap's approval: the declared drafter fits the drafting body,
 * and the PA's dates (ctx->pa_submitted_on, ctx->pa_agreed_on; IC_NO_DATE
 * when not given) are in order: the submission not before receipt and not in
 * the future; the agreement only after a submission, not before receipt,
 * submission or approval (ctx->decided_on), not in the future.
 */
extern bool ic_rules_check_roadmap_drafter(const IcDecisionContext *ctx, IcVerdict *v);
extern bool ic_rules_check_roadmap_pa_dates(const IcDecisionContext *ctx, IcVerdict *v);

#endif							/* IC_RULES_ROADMAP_CORE_H */
