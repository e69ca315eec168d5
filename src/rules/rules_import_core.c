/*
 * rules_import_core.c
 *		Imports only import history (IC117): the rules core's verdict on an
 *		imported instruction or decision.  Pure C, no server headers.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "calendar_core.h"
#include "instruction_kind_core.h"
#include "rules_core.h"

#define deny ic_rules_deny
#define allow ic_rules_allow

/*
 * Imports only import history (IC117).  The amended Rules govern what is
 * dated on or after 2024-02-01 (IC_RULES_IN_FORCE_FROM); the import path
 * records what came before as it was.  So an import never lands on an
 * instruction the live journal has decided on, and a row dated when the rules
 * were in force is imported only onto imported history and only when the
 * import says so (in_force).  Whatever the date, the rules about who hold
 * where the decree reserves a decision to the President: R77 (removing a
 * personal instruction, published or not) and R74 (the deadline of an
 * unpublished one, read as every change of it, as the decision matrix does).
 * Interpretation: those prerogatives are not the amendments' invention; an
 * import saying an akim removed a personal instruction is refused.
 */
bool
ic_rules_check_import(const IcDecisionContext *ctx, IcVerdict *v)
{
	char		a[16];
	bool		putting = ctx->action == IC_ACTION_PUT_ON_CONTROL;
	int32_t		dated = putting ? ctx->received_on : ctx->decided_on;
	bool		in_force = dated != IC_NO_DATE && dated >= IC_RULES_IN_FORCE_FROM;

	ic_format_day(dated, a, sizeof(a));
	if (putting)
	{
		if (in_force && !ctx->import_in_force)
			return deny(v, IC_FAMILY_IMPORT, "Decree No. 403",
						"imported instruction was received when the rules were in force",
						"Put it on control with put_on_control(), where the rules judge it; import it only if the registry held it outside these rules, and then with in_force => true.",
						"The imported instruction was received %s; the amended Rules apply from 2024-02-01.", a);
		if (!in_force && ctx->import_in_force)
			return deny(v, IC_FAMILY_IMPORT, "Decree No. 403",
						"imported instruction says in_force but was received before the rules entered into force",
						"Leave in_force false for history received before 2024-02-01.",
						"The imported instruction was received %s; the amended Rules apply from 2024-02-01.", a);
		return allow(v);
	}
	if (ctx->has_live_decision)
		return deny(v, IC_FAMILY_IMPORT, "journal",
					"history is not imported onto an instruction the live journal has decided on",
					"Record the decision through the API (extend_deadline(), transfer_control(), set_new_deadline(), remove_from_control()), where the rules judge it.",
					"Instruction %lld has decisions recorded under the rules; the imported %s is dated %s.",
					(long long) ctx->instruction_id, ic_action_code(ctx->action), a);
	if (in_force && !ctx->instruction_imported)
		return deny(v, IC_FAMILY_IMPORT, "Decree No. 403",
					"imported decision on an instruction the rules govern",
					"Record it through the API, where the rules judge it; only imported history takes imported decisions.",
					"Instruction %lld was put on control under the rules; the imported %s is dated %s, on or after 2024-02-01.",
					(long long) ctx->instruction_id, ic_action_code(ctx->action), a);
	if (in_force && !ctx->import_in_force)
		return deny(v, IC_FAMILY_IMPORT, "Decree No. 403",
					"imported decision is dated when the rules were in force",
					"Import it with in_force => true if the registry held it outside these rules; otherwise record it through the API.",
					"The imported %s of instruction %lld is dated %s; the amended Rules apply from 2024-02-01.",
					ic_action_code(ctx->action), (long long) ctx->instruction_id, a);
	if (!in_force && ctx->import_in_force)
		return deny(v, IC_FAMILY_IMPORT, "Decree No. 403",
					"imported decision says in_force but is dated before the rules entered into force",
					"Leave in_force false for history dated before 2024-02-01.",
					"The imported %s of instruction %lld is dated %s; the amended Rules apply from 2024-02-01.",
					ic_action_code(ctx->action), (long long) ctx->instruction_id, a);
	if (ctx->decided_by != IC_DECIDER_PRESIDENT && ic_kind_is_personal(ctx->kind) &&
		ctx->action == IC_ACTION_REMOVE)
		return deny(v, IC_FAMILY_NOT_AUTHORISED, "R77",
					"only the President removes a personal instruction from control, in imported history too",
					"This decision may be taken by: president.",
					"The imported removal of personal instruction %lld names %s.",
					(long long) ctx->instruction_id,
					ctx->decided_by == IC_DECIDER_INVALID ? "no decider" : ic_decider_code(ctx->decided_by));
	if (ctx->decided_by != IC_DECIDER_PRESIDENT && ic_kind_extension_only_by_president(ctx->kind) &&
		(ctx->action == IC_ACTION_EXTEND || ctx->action == IC_ACTION_TRANSFER ||
		 ctx->action == IC_ACTION_NEW_DEADLINE))
		return deny(v, IC_FAMILY_NOT_AUTHORISED, "R74",
					"only the President changes the deadline of a personal instruction, in imported history too",
					"This decision may be taken by: president.",
					"The imported %s of personal instruction %lld names %s.",
					ic_action_code(ctx->action), (long long) ctx->instruction_id,
					ctx->decided_by == IC_DECIDER_INVALID ? "no decider" : ic_decider_code(ctx->decided_by));
	return allow(v);
}
