/*
 * instruction_kind_core.h
 *		The kinds of instruction the rules distinguish (R4.2, R42): codes,
 *		parsing of Kazakh/Russian/English names, labels, and the predicates the
 *		rule engine asks.  Pure C: no PostgreSQL headers.
 */
#ifndef IC_INSTRUCTION_KIND_CORE_H
#define IC_INSTRUCTION_KIND_CORE_H

#include <stdbool.h>
#include <stddef.h>

#include "text_fold_core.h"

typedef enum IcInstructionKind
{
	IC_KIND_INVALID = 0,
	IC_KIND_ACT_POINT = 1,		/* a point of an act of the President */
	IC_KIND_EVENT = 2,			/* given following a trip, meeting, event ... */
	IC_KIND_SECURITY_COUNCIL = 3,	/* in a decision of the Security Council */
	IC_KIND_ASSEMBLY = 4,		/* in a decision of the Assembly of People */
	IC_KIND_PERSONAL = 5,		/* personal instruction, not published */
	IC_KIND_PERSONAL_PUBLISHED = 6,	/* personal, published (social media, mass media) */
	IC_KIND_DOCUMENT = 7,		/* on a service document or an appeal */
	IC_KIND_NATIONAL_PLAN = 8	/* item of the national action plan (R72) */
} IcInstructionKind;

#define IC_KIND_MIN IC_KIND_ACT_POINT
#define IC_KIND_MAX IC_KIND_NATIONAL_PLAN

extern bool ic_instruction_kind_is_valid(int value);

/* "act_point", "event", ...; NULL for an invalid value. */
extern const char *ic_instruction_kind_code(IcInstructionKind value);

/* Parse a code or a name; false, *value untouched, when s is none. */
extern bool ic_instruction_kind_parse(const char *s, size_t len, IcInstructionKind *value);

/* Label in lang "kk", "ru" or "en"; NULL for an unknown lang or value. */
extern const char *ic_instruction_kind_label(IcInstructionKind value, const char *lang);

/* The synonym table (for tests: ic_keyword_table_check). */
extern const IcKeyword *ic_instruction_kind_synonyms(size_t *n);

/*
 * Predicates of the rules.  All are false for an invalid value.
 */
/* personal or personal_published: two weeks from signing (R51), removed only
 * by the President (R77) */
extern bool ic_kind_is_personal(IcInstructionKind value);
/* personal_published only: extended by the general rules, not only by the
 * President (the exception of R74) */
extern bool ic_kind_is_published_personal(IcInstructionKind value);
/* personal, not published: deadline extended only by the President (R74) */
extern bool ic_kind_extension_only_by_president(IcInstructionKind value);
/* security_council: the Secretary of the SC decides (R66-1.3, R69.2, R70.5,
 * R72.3, R76.4) */
extern bool ic_kind_is_security_council(IcInstructionKind value);
/* national_plan: a repeated extension only by the President (R72.1) */
extern bool ic_kind_is_national_plan(IcInstructionKind value);
/* security_council, assembly, personal, personal_published: put on PA
 * control by R42-1.1 whatever else the control approval says */
extern bool ic_kind_requires_pa_control(IcInstructionKind value);

#endif							/* IC_INSTRUCTION_KIND_CORE_H */
