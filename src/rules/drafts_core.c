/*
 * drafts_core.c
 *		The review rules of drafts (R13, R14, R20, R21, R24, R30, R33, R37)
 *		as pure functions of codes; see drafts_core.h.
 *
 * The rules are tables, so a change of the decree is a change of one row.
 */
#include <stddef.h>
#include <string.h>

#include "drafts_core.h"

static bool
code_in(const char *code, const char *const *list)
{
	if (code == NULL)
		return false;
	for (; *list != NULL; list++)
		if (strcmp(code, *list) == 0)
			return true;
	return false;
}

IcDraftKind
ic_draft_kind(const char *code)
{
	if (code == NULL)
		return IC_DRAFT_KIND_INVALID;
	if (strcmp(code, "planning_act") == 0)
		return IC_DRAFT_PLANNING_ACT;
	if (strcmp(code, "act") == 0)
		return IC_DRAFT_ACT;
	if (strcmp(code, "instruction_draft") == 0)
		return IC_DRAFT_INSTRUCTION;
	return IC_DRAFT_KIND_INVALID;
}

int
ic_draft_review_days(IcDraftKind kind)
{
	switch (kind)
	{
		case IC_DRAFT_PLANNING_ACT:
			return 10;			/* R20 */
		case IC_DRAFT_INSTRUCTION:
			return 3;			/* R33 */
		default:
			return 0;			/* other acts: the decree sets no review term */
	}
}

/* R21: «Президент Әкімшілігінің Басшысы, Қауіпсіздік Кеңесінің Хатшысы,
 * Президент Кеңесінің бастығы, Президенттің көмекшісі немесе кеңесшісі» */
static const char *const r21_term_setters[] = {
	"head_of_pa", "secretary_sc", "head_of_presidents_office", "assistant_or_adviser", NULL
};

bool
ic_draft_may_set_refinement_term(const char *decider)
{
	return code_in(decider, r21_term_setters);
}

bool
ic_draft_may_be_refined(IcDraftKind kind)
{
	return kind == IC_DRAFT_PLANNING_ACT || kind == IC_DRAFT_ACT;
}

const char *
ic_draft_channel_refusal(const char *secrecy, const char *channel,
						 bool has_content, bool has_paper_reason, bool has_paper_card)
{
	bool		paper = channel != NULL && strcmp(channel, "paper") == 0;

	if (secrecy != NULL && strcmp(secrecy, "state_secret") == 0)
	{
		if (!paper)
			return "a draft containing state secrets is agreed and submitted on paper (R14)";
		if (has_content)
			return "the registry holds no content of a state-secret draft, only its requisites (R14)";
		if (!has_paper_card)
			return "a state-secret draft is kept as a paper card: its reference is required (R14)";
		return NULL;
	}
	if (secrecy != NULL && strcmp(secrecy, "restricted") == 0)
	{
		if (paper && !has_paper_reason)
			return "a draft with restricted information goes on paper only when electronic submission is impossible: state why (R14)";
		return NULL;
	}
	if (paper)
		return "drafts are submitted electronically through the document management system (R13)";
	return NULL;
}

const char *
ic_draft_signatory_refusal(const char *body_type, const char *signatory)
{
	if (body_type != NULL && strcmp(body_type, "government") == 0)
		return signatory != NULL && strcmp(signatory, "prime_minister") == 0 ? NULL
			: "the Government submits a draft signed by the Prime Minister (R14(1))";
	if (signatory != NULL && strcmp(signatory, "first_head") == 0)
		return NULL;
	if (signatory != NULL && strcmp(signatory, "akim") == 0 &&
		body_type != NULL && strcmp(body_type, "local") == 0)
		return NULL;
	return "another state body submits a draft signed by its first head (R14(2))";
}

static const struct
{
	unsigned	bit;
	const char *words;
}			checklist[] =
{
	{IC_R30_WORKED_OUT, "R30(1): the questions raised are worked out and agreed with every body concerned"},
	{IC_R30_STRATEGIC, "R30(2): it fits the country's strategic goals and tasks"},
	{IC_R30_RESULT, "R30(3): a concrete expected result and effect"},
	{IC_R30_DEADLINES, "R30(4): concrete deadlines"},
	{IC_R30_FEASIBLE, "R30(5): economically feasible and provided with resources"},
	{IC_R30_AUTONOMY, "R30(6): the Government's autonomy and full responsibility for economic policy"},
	{IC_R33_NO_DUPLICATE, "R33: it does not duplicate instructions the President gave before"},
};

const char *
ic_draft_checklist_unmet(unsigned met)
{
	for (size_t i = 0; i < sizeof(checklist) / sizeof(checklist[0]); i++)
		if ((met & checklist[i].bit) == 0)
			return checklist[i].words;
	return NULL;
}

/*
 * Who visas before signature.  R24: the Head of the PA, the official who
 * supervises the responsible unit (Secretary of the SC, Chief of the
 * President's Council, an Assistant or an Adviser) and the head of the
 * General Department, on paper.  R33: the head of the responsible unit, the
 * supervising official and the head of the General Department, both
 * electronically and on paper.
 */
static const char *const head_of_pa[] = {"head_of_pa", NULL};
static const char *const r24_supervisors[] = {
	"secretary_sc", "head_of_presidents_office", "assistant_or_adviser", NULL
};
static const char *const r33_supervisors[] = {
	"head_of_pa", "secretary_sc", "head_of_presidents_office", "assistant_or_adviser", NULL
};
static const char *const general_department[] = {"general_department_head", NULL};
static const char *const unit_head[] = {"pa_unit_head", NULL};

typedef struct VisaNeed
{
	const char *const *positions;
	unsigned	media;
	const char *words;
} VisaNeed;

static const VisaNeed act_needs[] = {
	{head_of_pa, IC_VISA_PAPER, "the Head of the PA's visa on paper (R24)"},
	{r24_supervisors, IC_VISA_PAPER,
	"the supervising official's visa on paper: the Secretary of the Security Council, the Head of the President's Office, an Assistant or an Adviser (R24)"},
	{general_department, IC_VISA_PAPER, "the head of the General Department's visa on paper (R24)"},
	{NULL, 0, NULL}
};

static const VisaNeed instruction_needs[] = {
	{unit_head, IC_VISA_ELECTRONIC, "the responsible unit head's visa, electronic (R33)"},
	{unit_head, IC_VISA_PAPER, "the responsible unit head's visa, on paper (R33)"},
	{r33_supervisors, IC_VISA_ELECTRONIC, "the supervising official's visa, electronic (R33)"},
	{r33_supervisors, IC_VISA_PAPER, "the supervising official's visa, on paper (R33)"},
	{general_department, IC_VISA_ELECTRONIC, "the head of the General Department's visa, electronic (R33)"},
	{general_department, IC_VISA_PAPER, "the head of the General Department's visa, on paper (R33)"},
	{NULL, 0, NULL}
};

static unsigned
medium_bit(const char *medium)
{
	if (medium == NULL)
		return 0;
	if (strcmp(medium, "paper") == 0)
		return IC_VISA_PAPER;
	if (strcmp(medium, "electronic") == 0)
		return IC_VISA_ELECTRONIC;
	return 0;
}

const char *
ic_draft_missing_visa(IcDraftKind kind, const IcDraftVisa *visas, int nvisas)
{
	const VisaNeed *need;

	if (kind == IC_DRAFT_INSTRUCTION)
		need = instruction_needs;
	else if (kind == IC_DRAFT_PLANNING_ACT || kind == IC_DRAFT_ACT)
		need = act_needs;
	else
		return "unknown kind of draft";

	for (; need->positions != NULL; need++)
	{
		bool		found = false;

		for (int i = 0; i < nvisas && !found; i++)
			found = code_in(visas[i].position, need->positions) &&
				(medium_bit(visas[i].medium) & need->media) != 0;
		if (!found)
			return need->words;
	}
	return NULL;
}

const char *
ic_draft_visa_refusal(IcDraftKind kind, const char *position, const char *medium)
{
	if (medium_bit(medium) == 0)
		return "a visa is put on paper or electronically";
	if (kind != IC_DRAFT_INSTRUCTION && position != NULL &&
		strcmp(position, "state_counsellor") == 0 &&
		medium_bit(medium) != IC_VISA_ELECTRONIC)
		return "the State Counsellor visas an act's draft electronically (R24)";
	return NULL;
}

/* R37: «жалпыұлттық іс-шаралар жоспарын дайындауға жауапты құрылымдық
 * бөлімшеге жетекшілік ететін Президент Әкімшілігінің басшы лауазымды адамы
 * немесе Президент Әкімшілігінің Басшысы» */
static const char *const r37_deciders[] = {
	"head_of_pa", "secretary_sc", "head_of_presidents_office", "assistant_or_adviser",
	"state_counsellor", NULL
};

bool
ic_draft_may_resolve_disagreement(const char *decider)
{
	return code_in(decider, r37_deciders);
}
