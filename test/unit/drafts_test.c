/*
 * drafts_test.c
 *		Unit tests of drafts_core.c: review terms (R20, R33), refinement
 *		(R21), channel and signatory (R13, R14), the R30 checklist (R33),
 *		visas before signature (R24, R33) and R37.
 */
#include <string.h>

#include "drafts_core.h"
#include "unit.h"

int
main(void)
{
	const char *r;

	/* R20, R33: review terms */
	CHECK(ic_draft_review_days(ic_draft_kind("planning_act")) == 10, "R20: 10 working days");
	CHECK(ic_draft_review_days(ic_draft_kind("instruction_draft")) == 3, "R33: 3 working days");
	CHECK(ic_draft_review_days(ic_draft_kind("act")) == 0, "other acts: no term");
	CHECK(ic_draft_kind("decree") == IC_DRAFT_KIND_INVALID && ic_draft_kind(NULL) == IC_DRAFT_KIND_INVALID,
		  "unknown kinds");
	CHECK(ic_draft_review_days(IC_DRAFT_KIND_INVALID) == 0, "invalid kind: no term");

	/* R21 */
	CHECK(ic_draft_may_set_refinement_term("head_of_pa"), "R21: Head of the PA sets another term");
	CHECK(ic_draft_may_set_refinement_term("secretary_sc"), "R21: Secretary of the SC");
	CHECK(ic_draft_may_set_refinement_term("head_of_presidents_office"), "R21: Chief of the Council");
	CHECK(ic_draft_may_set_refinement_term("assistant_or_adviser"), "R21: Assistant or Adviser");
	CHECK(!ic_draft_may_set_refinement_term("pa_unit_head"), "R21: a unit head does not");
	CHECK(!ic_draft_may_set_refinement_term("prime_minister"), "R21: the Prime Minister does not");
	CHECK(!ic_draft_may_set_refinement_term(NULL), "R21: nobody named");
	CHECK(ic_draft_may_be_refined(IC_DRAFT_ACT) && ic_draft_may_be_refined(IC_DRAFT_PLANNING_ACT) &&
		  !ic_draft_may_be_refined(IC_DRAFT_INSTRUCTION), "R21 refines acts' drafts");

	/* R13, R14: channel */
	CHECK(ic_draft_channel_refusal("none", "electronic", true, false, false) == NULL, "R13 electronic");
	r = ic_draft_channel_refusal("none", "paper", true, true, false);
	CHECK(r != NULL && strstr(r, "R13") != NULL, "R13: an ordinary draft on paper is refused");
	CHECK(ic_draft_channel_refusal("restricted", "electronic", true, false, false) == NULL, "R14 restricted electronic");
	r = ic_draft_channel_refusal("restricted", "paper", true, false, false);
	CHECK(r != NULL && strstr(r, "R14") != NULL, "R14: restricted on paper without the reason");
	CHECK(ic_draft_channel_refusal("restricted", "paper", true, true, false) == NULL, "R14: restricted on paper with the reason");
	CHECK(ic_draft_channel_refusal("state_secret", "paper", false, false, true) == NULL, "R14: secret on paper, card only");
	r = ic_draft_channel_refusal("state_secret", "electronic", false, false, true);
	CHECK(r != NULL && strstr(r, "on paper") != NULL, "R14: secret electronic refused");
	r = ic_draft_channel_refusal("state_secret", "paper", true, false, true);
	CHECK(r != NULL && strstr(r, "no content") != NULL, "R14: secret with content refused");
	r = ic_draft_channel_refusal("state_secret", "paper", false, false, false);
	CHECK(r != NULL && strstr(r, "paper card") != NULL, "R14: secret without card refused");
	CHECK(ic_draft_channel_refusal("none", NULL, false, false, false) == NULL, "no channel: electronic");

	/* R14: signatory */
	CHECK(ic_draft_signatory_refusal("government", "prime_minister") == NULL, "R14(1) Government: PM");
	CHECK(ic_draft_signatory_refusal("government", "first_head") != NULL, "R14(1) Government: not a first head");
	CHECK(ic_draft_signatory_refusal("central", "first_head") == NULL, "R14(2) central: first head");
	CHECK(ic_draft_signatory_refusal("local", "akim") == NULL, "R14(2) local: akim");
	CHECK(ic_draft_signatory_refusal("central", "akim") != NULL, "R14(2) central: not an akim");
	CHECK(ic_draft_signatory_refusal("central", "deputy_prime_minister") != NULL, "R14(2) central: not a deputy PM");
	CHECK(ic_draft_signatory_refusal(NULL, NULL) != NULL, "R14: no signatory");

	/* R30 via R33 */
	CHECK(ic_draft_checklist_unmet(IC_R33_ALL) == NULL, "R33: all met");
	r = ic_draft_checklist_unmet(0);
	CHECK(r != NULL && strncmp(r, "R30(1)", 6) == 0, "R33: first unmet is R30(1)");
	r = ic_draft_checklist_unmet(IC_R33_ALL & ~IC_R30_AUTONOMY);
	CHECK(r != NULL && strncmp(r, "R30(6)", 6) == 0, "R33: R30(6) unmet");
	r = ic_draft_checklist_unmet(IC_R33_ALL & ~IC_R33_NO_DUPLICATE);
	CHECK(r != NULL && strncmp(r, "R33", 3) == 0, "R33: duplicate check unmet");
	for (unsigned bit = 1; bit < 0x80; bit <<= 1)
		CHECK(ic_draft_checklist_unmet(IC_R33_ALL & ~bit) != NULL, "R33: each item is required (bit %u)", bit);

	/* R24: visas of an act's draft */
	{
		IcDraftVisa ok[] = {{"head_of_pa", "paper"}, {"assistant_or_adviser", "paper"},
		{"general_department_head", "paper"}};
		IcDraftVisa electronic_only[] = {{"head_of_pa", "electronic"}, {"assistant_or_adviser", "paper"},
		{"general_department_head", "paper"}};
		IcDraftVisa no_supervisor[] = {{"head_of_pa", "paper"}, {"pa_unit_head", "paper"},
		{"general_department_head", "paper"}};

		CHECK(ic_draft_missing_visa(IC_DRAFT_ACT, ok, 3) == NULL, "R24: all visas on paper");
		CHECK(ic_draft_missing_visa(IC_DRAFT_PLANNING_ACT, ok, 3) == NULL, "R24: planning act too");
		r = ic_draft_missing_visa(IC_DRAFT_ACT, electronic_only, 3);
		CHECK(r != NULL && strstr(r, "Head of the PA") != NULL, "R24: the Head of the PA on paper");
		r = ic_draft_missing_visa(IC_DRAFT_ACT, no_supervisor, 3);
		CHECK(r != NULL && strstr(r, "supervising") != NULL, "R24: a unit head is not the supervisor");
		r = ic_draft_missing_visa(IC_DRAFT_ACT, ok, 0);
		CHECK(r != NULL && strstr(r, "R24") != NULL, "R24: none");
		CHECK(ic_draft_missing_visa(IC_DRAFT_KIND_INVALID, ok, 3) != NULL, "unknown kind");
	}
	/* R33: visas of an instruction's draft, both media */
	{
		IcDraftVisa both[] = {{"pa_unit_head", "electronic"}, {"pa_unit_head", "paper"},
		{"secretary_sc", "electronic"}, {"secretary_sc", "paper"},
		{"general_department_head", "electronic"}, {"general_department_head", "paper"}};
		IcDraftVisa paper_only[] = {{"pa_unit_head", "paper"}, {"secretary_sc", "paper"},
		{"general_department_head", "paper"}};

		CHECK(ic_draft_missing_visa(IC_DRAFT_INSTRUCTION, both, 6) == NULL, "R33: both media");
		r = ic_draft_missing_visa(IC_DRAFT_INSTRUCTION, paper_only, 3);
		CHECK(r != NULL && strstr(r, "electronic (R33)") != NULL, "R33: paper alone is not enough");
		r = ic_draft_missing_visa(IC_DRAFT_INSTRUCTION, both, 5);
		CHECK(r != NULL && strstr(r, "General Department") != NULL, "R33: the last visa missing");
	}
	CHECK(ic_draft_visa_refusal(IC_DRAFT_ACT, "state_counsellor", "electronic") == NULL, "R24: State Counsellor electronic");
	CHECK(ic_draft_visa_refusal(IC_DRAFT_ACT, "state_counsellor", "paper") != NULL, "R24: State Counsellor not on paper");
	CHECK(ic_draft_visa_refusal(IC_DRAFT_ACT, "head_of_pa", "fax") != NULL, "a visa's medium");
	CHECK(ic_draft_visa_refusal(IC_DRAFT_ACT, "head_of_pa", NULL) != NULL, "a visa has a medium");

	/* R37 */
	CHECK(ic_draft_may_resolve_disagreement("head_of_pa"), "R37: Head of the PA");
	CHECK(ic_draft_may_resolve_disagreement("secretary_sc"), "R37: a leading official of the PA");
	CHECK(!ic_draft_may_resolve_disagreement("prime_minister"), "R37: not the Prime Minister");
	CHECK(!ic_draft_may_resolve_disagreement("pa_unit_head"), "R37: not the unit head");
	CHECK(!ic_draft_may_resolve_disagreement(NULL), "R37: nobody");

	return UNIT_SUMMARY();
}
