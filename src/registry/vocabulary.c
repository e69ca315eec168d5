/*
 * vocabulary.c
 *		vocabulary_codes(): the codes the C code knows, per SQL domain, so a
 *		regress test can hold the C tables and the SQL domains and labels to
 *		one another (sql/vocabulary.sql).
 *
 * The codes come from the code tables of the pure cores (rules_codes_core.c,
 * rules_matrix_core.c, control_level_core.c, instruction_kind_core.c); a
 * code the C code does not know, or a SQL value it cannot read, shows up as
 * a difference in that test.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "control_level_core.h"
#include "instruction_kind_core.h"
#include "rules_matrix_core.h"

PG_FUNCTION_INFO_V1(ic_vocabulary_codes);

#define DEFINE_CODE_OF(name, type, fn) \
	static const char *name(int v) { return fn((type) v); }
DEFINE_CODE_OF(decider_code, IcDecider, ic_decider_code)
DEFINE_CODE_OF(action_code, IcAction, ic_action_code)
DEFINE_CODE_OF(regime_code, IcRegime, ic_regime_code)
DEFINE_CODE_OF(ground_code, IcRemovalGround, ic_ground_code)
DEFINE_CODE_OF(category_code, IcCategory, ic_category_code)
DEFINE_CODE_OF(evidence_code, IcEvidence, ic_evidence_code)
DEFINE_CODE_OF(reason_code, IcNewDeadlineReason, ic_reason_code)
DEFINE_CODE_OF(drafter_code, IcDrafter, ic_drafter_code)
DEFINE_CODE_OF(source_code, IcDeadlineSource, ic_deadline_source_code)
DEFINE_CODE_OF(kind_class_code, IcKindClass, ic_kind_class_code)
DEFINE_CODE_OF(level_code, IcControlLevel, ic_control_level_code)
DEFINE_CODE_OF(kind_code, IcInstructionKind, ic_instruction_kind_code)
DEFINE_CODE_OF(secrecy_code, IcSecrecy, ic_secrecy_code)
DEFINE_CODE_OF(status_code, IcStatus, ic_status_code)
DEFINE_CODE_OF(report_kind_code, IcReportKind, ic_report_kind_code)

typedef struct Vocabulary
{
	const char *domain;			/* the SQL domain or type */
	const char *(*code) (int);
	int			first;
	int			last;
} Vocabulary;

/* The journal's kinds are the actions from extension to calendar change. */
static const Vocabulary vocabularies[] = {
	{"decider", decider_code, IC_DECIDER_PRESIDENT, IC_DECIDER_COUNT - 1},
	{"decision_kind", action_code, IC_ACTION_EXTEND, IC_ACTION_CALENDAR_CHANGE},
	{"control_regime", regime_code, IC_REGIME_REGULAR, IC_REGIME_LONG_TERM},
	{"removal_ground", ground_code, IC_GROUND_EXECUTED, IC_GROUND_CONTROL_PASSED},
	{"monitoring_category", category_code, IC_CATEGORY_MONUMENT, IC_CATEGORY_EVENT_OR_NAMING},
	{"evidence_kind", evidence_code, 0, IC_EVIDENCE_COUNT - 1},
	{"new_deadline_reason", reason_code, IC_REASON_EMERGENCY, IC_REASON_QUARANTINE},
	{"roadmap_drafter", drafter_code, IC_DRAFTER_CENTRAL_OUTSIDE_GOVERNMENT, IC_DRAFTER_EXECUTOR_ONLY},
	{"deadline_source", source_code, IC_SOURCE_TERM, IC_SOURCE_PA},
	{"kind_class", kind_class_code, IC_KINDS_ANY, IC_KINDS_DOCUMENT_OR_APPEAL},
	{"control_level", level_code, IC_LEVEL_MIN, IC_LEVEL_MAX},
	{"instruction_kind", kind_code, IC_KIND_MIN, IC_KIND_MAX},
	{"secrecy_class", secrecy_code, IC_SECRECY_NONE, IC_SECRECY_STATE_SECRET},
	{"instruction_status", status_code, IC_STATUS_ON_CONTROL, IC_STATUS_REMOVED},
	{"report_kind", report_kind_code, IC_REPORT_INTERMEDIATE, IC_REPORT_MEASURES},
};

/* vocabulary_codes() -> (domain, code, ordinal) */
Datum
ic_vocabulary_codes(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (size_t i = 0; i < lengthof(vocabularies); i++)
	{
		const Vocabulary *v = &vocabularies[i];

		for (int c = v->first; c <= v->last; c++)
		{
			Datum		values[3];
			bool		nulls[3] = {false, false, false};

			values[0] = CStringGetTextDatum(v->domain);
			values[1] = CStringGetTextDatum(v->code(c));
			values[2] = Int32GetDatum(c - v->first + 1);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	return (Datum) 0;
}
