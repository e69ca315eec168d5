/*
 * signatory_test.c
 *		Unit tests of signatory_core.c: the signatory of the Government's
 *		information on execution (R67, parts 1 and 2) and of the annual
 *		summary (R75-1).
 */
#include <string.h>

#include "signatory_core.h"
#include "unit.h"

static bool
refused(const char *r, const char *rule)
{
	return r != NULL && strstr(r, rule) != NULL;
}

int
main(void)
{
	/* the domain */
	CHECK(ic_signatory_valid("prime_minister") && ic_signatory_valid("akim"), "domain codes");
	CHECK(!ic_signatory_valid("head_of_pa") && !ic_signatory_valid(NULL), "not signatories");

	/* nothing recorded: nothing to check */
	CHECK(ic_report_signatory_refusal("government", "final", NULL, NULL, NULL) == NULL, "R67: not recorded");

	/* R67 part 1: the Government's three, the addressee of the resolution signs */
	CHECK(ic_report_signatory_refusal("government", "final", NULL, NULL, "prime_minister") == NULL, "R67: PM");
	CHECK(ic_report_signatory_refusal("government", "final", NULL, NULL, "deputy_prime_minister") == NULL, "R67: DPM");
	CHECK(ic_report_signatory_refusal("government", "intermediate", "secretary_sc", NULL, "head_of_government_office") == NULL,
		  "R67: Head of the Government Office");
	CHECK(ic_report_signatory_refusal("government", "final", NULL, "deputy_prime_minister", "deputy_prime_minister") == NULL,
		  "R67: the addressee of the resolution signs");
	CHECK(refused(ic_report_signatory_refusal("government", "final", NULL, "deputy_prime_minister", "prime_minister"), "R67"),
		  "R67: the PM does not sign for the Deputy PM the resolution names");
	CHECK(refused(ic_report_signatory_refusal("government", "final", NULL, NULL, "first_head"), "R67"),
		  "R67: a first head does not sign the Government's information");
	CHECK(refused(ic_report_signatory_refusal("government", "final", NULL, NULL, "deputy_head_of_government_office"), "R67"),
		  "R67: a deputy Head of the Government Office signs interim information to the Office only");
	CHECK(refused(ic_report_signatory_refusal("government", "final", NULL, "deputy_prime_minister", NULL), "R67"),
		  "R67: a resolution's addressee without the signatory");
	CHECK(refused(ic_report_signatory_refusal("government", "final", NULL, "first_head", "first_head"), "R67"),
		  "R67: a resolution is addressed to one of the Government's three");
	CHECK(refused(ic_report_signatory_refusal("central", "final", NULL, "prime_minister", "first_head"), "R67"),
		  "R67: the resolution's addressee belongs to the Government's information");
	CHECK(refused(ic_report_signatory_refusal("government", "final", NULL, NULL, "mayor"), "R67"), "R67: unknown code");

	/* R67 part 2: interim information to the Office, Assistants, Advisers */
	CHECK(ic_signatory_interim_to_office("intermediate", "assistant_or_adviser"), "part 2: to an Adviser");
	CHECK(!ic_signatory_interim_to_office("final", "assistant_or_adviser"), "part 2: interim only");
	CHECK(!ic_signatory_interim_to_office("intermediate", "secretary_sc"), "part 2: not to the Secretary of the SC");
	CHECK(ic_report_signatory_refusal("government", "intermediate", "head_of_presidents_office", NULL,
									  "deputy_head_of_government_office") == NULL,
		  "R67 part 2: a deputy Head of the Government Office");
	CHECK(ic_report_signatory_refusal("government", "intermediate", "assistant_or_adviser", "prime_minister",
									  "deputy_head_of_government_office") == NULL,
		  "R67 part 2: whatever the resolution's addressee");
	CHECK(ic_report_signatory_refusal("central", "intermediate", "assistant_or_adviser", NULL, "deputy_first_head") == NULL,
		  "R67 part 2: a deputy of the first head");
	CHECK(ic_report_signatory_refusal("central", "intermediate", "assistant_or_adviser", NULL, "collegial_body_member") == NULL,
		  "R67 part 2: a member of the collegial body");
	CHECK(refused(ic_report_signatory_refusal("central", "intermediate", "secretary_sc", NULL, "deputy_first_head"), "part 2"),
		  "R67 part 2: not to the Secretary of the SC");
	CHECK(refused(ic_report_signatory_refusal("central", "final", NULL, NULL, "deputy_first_head"), "R67"),
		  "R67: a deputy does not sign a final report");

	/* other bodies: the first head (reading) */
	CHECK(ic_report_signatory_refusal("central", "final", NULL, NULL, "first_head") == NULL, "first head");
	CHECK(ic_report_signatory_refusal("local", "final", NULL, NULL, "akim") == NULL, "akim of a local body");
	CHECK(refused(ic_report_signatory_refusal("central", "final", NULL, NULL, "akim"), "R67"), "akim of a central body");
	CHECK(refused(ic_report_signatory_refusal("central", "final", NULL, NULL, "prime_minister"), "R67"),
		  "the PM does not sign a ministry's information");

	/* R75-1 */
	CHECK(ic_annual_signatory_refusal("government", "deputy_prime_minister") == NULL, "R75-1: a Deputy PM");
	CHECK(ic_annual_signatory_refusal("government", "head_of_government_office") == NULL, "R75-1: the Head of the Office");
	CHECK(refused(ic_annual_signatory_refusal("government", "prime_minister"), "R75-1"), "R75-1: not the PM");
	CHECK(refused(ic_annual_signatory_refusal("government", NULL), "R75-1"), "R75-1: nobody");
	CHECK(ic_annual_signatory_refusal("central", "first_head") == NULL, "R75-1: a ministry's first head");
	CHECK(ic_annual_signatory_refusal("local", "akim") == NULL, "R75-1: an akim");
	CHECK(refused(ic_annual_signatory_refusal("central", "deputy_prime_minister"), "R75-1"), "R75-1: a ministry");
	CHECK(refused(ic_annual_signatory_refusal("central", "deputy_first_head"), "R75-1"), "R75-1: not a deputy");

	return UNIT_SUMMARY();
}
