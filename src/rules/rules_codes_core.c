/*
 * rules_codes_core.c
 *		The codes of the rules vocabulary (deciders, actions, regimes, grounds,
 *		categories, evidence, reasons, roadmap drafters) and small formatters.
 *
 * Codes are the lower-case snake_case values stored in the registry's tables;
 * each table below is indexed by the enum, so code and enum cannot drift.
 */
#include <stdio.h>
#include <string.h>

#include "calendar_core.h"
#include "rules_core.h"

static const char *const decider_codes[IC_DECIDER_COUNT] = {
	[IC_DECIDER_PRESIDENT] = "president",
	[IC_DECIDER_HEAD_OF_PA] = "head_of_pa",
	[IC_DECIDER_SECRETARY_SC] = "secretary_sc",
	[IC_DECIDER_STATE_COUNSELLOR] = "state_counsellor",
	[IC_DECIDER_HEAD_OF_PRESIDENTS_OFFICE] = "head_of_presidents_office",
	[IC_DECIDER_ASSISTANT_OR_ADVISER] = "assistant_or_adviser",
	[IC_DECIDER_PA_UNIT_HEAD] = "pa_unit_head",
	[IC_DECIDER_PRIME_MINISTER] = "prime_minister",
	[IC_DECIDER_DEPUTY_PRIME_MINISTER] = "deputy_prime_minister",
	[IC_DECIDER_HEAD_OF_GOVERNMENT_OFFICE] = "head_of_government_office",
	[IC_DECIDER_FIRST_HEAD] = "first_head",
	[IC_DECIDER_AKIM] = "akim",
};

static const char *const action_codes[IC_ACTION_COUNT] = {
	[IC_ACTION_PUT_ON_CONTROL] = "put_on_control",
	[IC_ACTION_EXTEND] = "extension",
	[IC_ACTION_TRANSFER] = "transfer",
	[IC_ACTION_NEW_DEADLINE] = "new_deadline",
	[IC_ACTION_REMOVE] = "removal",
	[IC_ACTION_APPROVE_ROADMAP] = "roadmap_approval",
	[IC_ACTION_CALENDAR_CHANGE] = "calendar_change",
	[IC_ACTION_SUBMIT_REPORT] = "report",
};

static const char *const regime_codes[] = {
	[IC_REGIME_REGULAR] = "regular",
	[IC_REGIME_MEDIUM_TERM] = "medium_term",
	[IC_REGIME_LONG_TERM] = "long_term",
};

static const char *const secrecy_codes[] = {
	[IC_SECRECY_NONE] = "none",
	[IC_SECRECY_RESTRICTED] = "restricted",
	[IC_SECRECY_STATE_SECRET] = "state_secret",
};

static const char *const status_codes[] = {
	[IC_STATUS_ON_CONTROL] = "on_control",
	[IC_STATUS_REMOVED] = "removed",
};

static const char *const report_kind_codes[] = {
	[IC_REPORT_INTERMEDIATE] = "intermediate",
	[IC_REPORT_FINAL] = "final",
	[IC_REPORT_RISK] = "risk",
	[IC_REPORT_MEASURES] = "measures",
};

static const char *const ground_codes[] = {
	[IC_GROUND_EXECUTED] = "executed",
	[IC_GROUND_DUPLICATED] = "duplicated",
	[IC_GROUND_IMPOSSIBLE] = "impossible",
	[IC_GROUND_CONTROL_PASSED] = "control_passed",
};

static const char *const category_codes[] = {
	[IC_CATEGORY_NONE] = "none",
	[IC_CATEGORY_MONUMENT] = "monument",
	[IC_CATEGORY_CONSTRUCTION] = "construction",
	[IC_CATEGORY_DIGITALISATION] = "digitalisation",
	[IC_CATEGORY_NAMED_LAW] = "named_law",
	[IC_CATEGORY_LAW_AMENDMENTS] = "law_amendments",
	[IC_CATEGORY_EVENT_OR_NAMING] = "event_or_naming",
};

static const char *const evidence_codes[IC_EVIDENCE_COUNT] = {
	[IC_EVIDENCE_OFFICIAL_REPORT] = "official_report",
	[IC_EVIDENCE_ACT_ADOPTED] = "act_adopted",
	[IC_EVIDENCE_LAW_SIGNED] = "law_signed",
	[IC_EVIDENCE_PA_UNIT_MEMO] = "pa_unit_memo",
	[IC_EVIDENCE_EXECUTOR_FINAL_REPORT] = "executor_final_report",
	[IC_EVIDENCE_PA_EXPERT_CONCLUSION] = "pa_expert_conclusion",
	[IC_EVIDENCE_EVENT_HELD] = "event_held",
	[IC_EVIDENCE_NEW_INSTRUCTION] = "new_instruction",
	[IC_EVIDENCE_CONTROL_PASSED_DECISION] = "control_passed_decision",
	[IC_EVIDENCE_PA_AGREEMENT] = "pa_agreement",
	[IC_EVIDENCE_EXECUTOR_LETTER] = "executor_letter",
	[IC_EVIDENCE_BODY_EXPERT_CONCLUSION] = "body_expert_conclusion",
	[IC_EVIDENCE_BODY_UNIT_MEMO] = "body_unit_memo",
	[IC_EVIDENCE_BODY_AGREEMENT] = "body_agreement",
};

static const char *const reason_codes[] = {
	[IC_REASON_EMERGENCY] = "emergency",
	[IC_REASON_STATE_OF_EMERGENCY] = "state_of_emergency",
	[IC_REASON_QUARANTINE] = "quarantine",
};

static const char *const drafter_codes[] = {
	[IC_DRAFTER_CENTRAL_OUTSIDE_GOVERNMENT] = "central_outside_government",
	[IC_DRAFTER_CENTRAL_INTERDEPARTMENTAL] = "central_interdepartmental",
	[IC_DRAFTER_LOCAL] = "local",
	[IC_DRAFTER_EXECUTOR_ONLY] = "executor_only",
};

static const char *const deadline_source_codes[] = {
	[IC_SOURCE_TERM] = "term",
	[IC_SOURCE_TWO_WEEKS] = "two_weeks",
	[IC_SOURCE_ACT] = "act",
	[IC_SOURCE_CONTROL_APPROVAL] = "control_approval",
	[IC_SOURCE_RESOLUTION] = "resolution",
	[IC_SOURCE_PA] = "pa",
};

#define LENGTHOF(a) (sizeof(a) / sizeof((a)[0]))

static const char *
code_of(const char *const *codes, size_t n, int value)
{
	if (value < 0 || (size_t) value >= n || codes[value] == NULL)
		return "invalid";
	return codes[value];
}

/* Index of code in codes[first..n), or -1. */
static int
parse_code(const char *const *codes, size_t n, size_t first, const char *code)
{
	if (code == NULL)
		return -1;
	for (size_t i = first; i < n; i++)
		if (codes[i] != NULL && strcmp(codes[i], code) == 0)
			return (int) i;
	return -1;
}

#define DEFINE_CODES(name, type, table, first) \
const char * \
ic_##name##_code(type v) \
{ \
	return code_of(table, LENGTHOF(table), (int) v); \
} \
bool \
ic_##name##_parse(const char *code, type *out) \
{ \
	int			i = parse_code(table, LENGTHOF(table), first, code); \
	if (i < 0) \
		return false; \
	*out = (type) i; \
	return true; \
}

DEFINE_CODES(decider, IcDecider, decider_codes, 1)
DEFINE_CODES(action, IcAction, action_codes, 1)
DEFINE_CODES(regime, IcRegime, regime_codes, 1)
DEFINE_CODES(ground, IcRemovalGround, ground_codes, 1)
DEFINE_CODES(category, IcCategory, category_codes, 0)
DEFINE_CODES(evidence, IcEvidence, evidence_codes, 0)
DEFINE_CODES(reason, IcNewDeadlineReason, reason_codes, 1)
DEFINE_CODES(drafter, IcDrafter, drafter_codes, 1)
DEFINE_CODES(deadline_source, IcDeadlineSource, deadline_source_codes, 1)
DEFINE_CODES(secrecy, IcSecrecy, secrecy_codes, 1)
DEFINE_CODES(status, IcStatus, status_codes, 1)
DEFINE_CODES(report_kind, IcReportKind, report_kind_codes, 1)

char *
ic_decider_set_format(IcDeciderSet set, char *buf, size_t len)
{
	size_t		used = 0;

	if (len == 0)
		return buf;
	buf[0] = '\0';
	for (int d = 1; d < IC_DECIDER_COUNT; d++)
	{
		int			n;

		if (!(set & IC_DECIDER_BIT(d)))
			continue;
		n = snprintf(buf + used, len - used, "%s%s", used ? ", " : "",
					 decider_codes[d]);
		if (n < 0 || (size_t) n >= len - used)
			break;
		used += (size_t) n;
	}
	if (used == 0)
		snprintf(buf, len, "(nobody)");
	return buf;
}

char *
ic_format_day(int32_t day, char *buf, size_t len)
{
	int			y,
				m,
				d;

	if (day == IC_NO_DATE)
	{
		snprintf(buf, len, "(none)");
		return buf;
	}
	ic_cal_to_ymd(day, &y, &m, &d);
	snprintf(buf, len, "%04d-%02d-%02d", y, m, d);
	return buf;
}
