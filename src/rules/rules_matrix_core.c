/*
 * rules_matrix_core.c
 *		Matching a decision against the decision matrix (rules_matrix_core.h).
 *
 * The kind classes are the only place the rules learn which kinds a rule
 * singles out: each maps to one predicate of instruction_kind_core.c.
 */
#include <string.h>

#include "rules_matrix_core.h"

bool
ic_kind_class_matches(IcKindClass c, IcInstructionKind kind)
{
	switch (c)
	{
		case IC_KINDS_ANY:
			return true;
		case IC_KINDS_PERSONAL:
			return ic_kind_is_personal(kind);
		case IC_KINDS_PERSONAL_UNPUBLISHED:
			return ic_kind_extension_only_by_president(kind);
		case IC_KINDS_SECURITY_COUNCIL:
			return ic_kind_is_security_council(kind);
		case IC_KINDS_NATIONAL_PLAN:
			return ic_kind_is_national_plan(kind);
		case IC_KINDS_DOCUMENT_OR_APPEAL:
			return kind == IC_KIND_DOCUMENT;
		default:
			return false;
	}
}

static bool
row_matches(const IcMatrixRow *r, const IcDecisionContext *ctx, int32_t on)
{
	if (r->action != ctx->action)
		return false;
	if (r->level != IC_MATRIX_ANY && r->level != (int) ctx->level)
		return false;
	if (!ic_kind_class_matches(r->kinds, ctx->kind))
		return false;
	if (r->repeated != IC_MATRIX_ANY && r->repeated != (ic_rules_is_repeated_extension(ctx) ? 1 : 0))
		return false;
	if (r->drafter != IC_DRAFTER_INVALID && r->drafter != ctx->drafter)
		return false;
	if (on != IC_NO_DATE)
	{
		if (r->effective_from != IC_NO_DATE && on < r->effective_from)
			return false;
		if (r->effective_to != IC_NO_DATE && on > r->effective_to)
			return false;
	}
	return true;
}

const IcMatrixRow *
ic_matrix_match(const IcMatrix *m, const IcDecisionContext *ctx, int32_t on)
{
	if (m == NULL)
		return NULL;
	for (int i = 0; i < m->nrows; i++)
		if (row_matches(&m->rows[i], ctx, on))
			return &m->rows[i];
	return NULL;
}

static const char *const kind_class_codes[] = {
	[IC_KINDS_ANY] = "any",
	[IC_KINDS_PERSONAL] = "personal",
	[IC_KINDS_PERSONAL_UNPUBLISHED] = "personal_unpublished",
	[IC_KINDS_SECURITY_COUNCIL] = "security_council",
	[IC_KINDS_NATIONAL_PLAN] = "national_plan",
	[IC_KINDS_DOCUMENT_OR_APPEAL] = "document_or_appeal",
};

const char *
ic_kind_class_code(IcKindClass c)
{
	if ((int) c <= 0 || (size_t) c >= sizeof(kind_class_codes) / sizeof(kind_class_codes[0]))
		return "invalid";
	return kind_class_codes[c];
}

bool
ic_kind_class_parse(const char *code, IcKindClass *out)
{
	if (code == NULL)
		return false;
	for (size_t i = 1; i < sizeof(kind_class_codes) / sizeof(kind_class_codes[0]); i++)
		if (strcmp(kind_class_codes[i], code) == 0)
		{
			*out = (IcKindClass) i;
			return true;
		}
	return false;
}
