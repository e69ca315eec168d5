/*
 * signatory_core.c
 *		The signatories of what bodies submit to the PA (R67, R75-1).
 *
 * R67: the Government's information on the course of execution of the
 * President's acts and instructions is signed, depending on the addressee of
 * the resolution of the President, the Head of the PA or the Secretary of the
 * SC, by the Prime Minister, the Deputy Prime Minister concerned or the Head
 * of the Government Office.  The registry's reading: the addressee of the
 * resolution signs (when recorded, the signatory must be that addressee; the
 * Prime Minister does not sign in a Deputy's place).  Part 2: interim
 * information addressed to the Head of the President's Office, an Assistant
 * or an Adviser may be signed by a deputy Head of the Government Office, a
 * deputy of a body's first head or a member of its collegial body.  R67 names
 * no signatory for another body's information: the registry reads it as the
 * first head (the akim of a local body), as R14(2) does for its drafts.
 *
 * R75-1: the Government's annual summary is signed by a Deputy Prime Minister
 * or the Head of the Government Office, by area of supervision (not by the
 * Prime Minister); another body's by its first head (the same reading).
 */
#include <stddef.h>
#include <string.h>

#include "signatory_core.h"

static const char *const signatories[] = {
	"prime_minister", "deputy_prime_minister", "head_of_government_office",
	"deputy_head_of_government_office", "first_head", "deputy_first_head",
	"collegial_body_member", "akim"
};

static bool
is(const char *code, const char *want)
{
	return code != NULL && strcmp(code, want) == 0;
}

bool
ic_signatory_valid(const char *code)
{
	for (size_t i = 0; i < sizeof(signatories) / sizeof(signatories[0]); i++)
		if (is(code, signatories[i]))
			return true;
	return false;
}

/* the three who sign for the Government under R67, part 1 */
static bool
government_head(const char *code)
{
	return is(code, "prime_minister") || is(code, "deputy_prime_minister") ||
		is(code, "head_of_government_office");
}

/* the first head of a body of body_type: its first head, a local body's akim */
static bool
first_head_of(const char *body_type, const char *code)
{
	return is(code, "first_head") || (is(code, "akim") && is(body_type, "local"));
}

bool
ic_signatory_interim_to_office(const char *report_kind, const char *addressee)
{
	return is(report_kind, "intermediate") &&
		(is(addressee, "head_of_presidents_office") || is(addressee, "assistant_or_adviser"));
}

const char *
ic_report_signatory_refusal(const char *body_type, const char *report_kind, const char *addressee,
							const char *resolution_addressee, const char *signatory)
{
	bool		government = is(body_type, "government");
	bool		interim = ic_signatory_interim_to_office(report_kind, addressee);

	if (signatory == NULL && resolution_addressee == NULL)
		return NULL;			/* nothing recorded */
	if (resolution_addressee != NULL && !government)
		return "R67: the addressee of a resolution in the Government is recorded on the Government's information only";
	if (resolution_addressee != NULL && !government_head(resolution_addressee))
		return "R67: a resolution on the Government's information is addressed to the Prime Minister, a Deputy Prime Minister or the Head of the Government Office";
	if (signatory == NULL)
		return "R67: the Government's information names who signed it (the addressee of the resolution)";
	if (!ic_signatory_valid(signatory))
		return "R67: the signatory is one of the positions of the domain signatory";
	if (government)
	{
		if (government_head(signatory))
		{
			if (resolution_addressee != NULL && !is(signatory, resolution_addressee) &&
				!(interim && is(signatory, "deputy_head_of_government_office")))
				return "R67: the Government's information is signed by the addressee of the resolution (the Prime Minister, the Deputy Prime Minister concerned or the Head of the Government Office)";
			return NULL;
		}
		if (interim && is(signatory, "deputy_head_of_government_office"))
			return NULL;		/* R67, part 2 */
		return interim
			? "R67: the Government's information is signed by the Prime Minister, the Deputy Prime Minister concerned or the Head of the Government Office; interim information to the Head of the President's Office, an Assistant or an Adviser also by a deputy Head of the Government Office (part 2)"
			: "R67: the Government's information is signed by the Prime Minister, the Deputy Prime Minister concerned or the Head of the Government Office, by the addressee of the resolution";
	}
	if (first_head_of(body_type, signatory))
		return NULL;
	if (interim && (is(signatory, "deputy_first_head") || is(signatory, "collegial_body_member")))
		return NULL;			/* R67, part 2 */
	return interim
		? "R67: another body's information is signed by its first head (the akim of a local body); interim information to the Head of the President's Office, an Assistant or an Adviser also by a deputy of the first head or a member of its collegial body (part 2)"
		: "R67: another body's information is signed by its first head (the akim of a local body; the registry's reading, as R14(2)); its deputies sign interim information to the Head of the President's Office, an Assistant or an Adviser only (part 2)";
}

const char *
ic_annual_signatory_refusal(const char *body_type, const char *signatory)
{
	if (is(body_type, "government"))
		return is(signatory, "deputy_prime_minister") || is(signatory, "head_of_government_office")
			? NULL
			: "R75-1: the Government's annual summary is signed by a Deputy Prime Minister or the Head of the Government Office, by area of supervision";
	if (first_head_of(body_type, signatory))
		return NULL;
	return "R75-1: another body's annual summary is signed by its first head (the akim of a local body; the registry's reading, as R14(2))";
}
