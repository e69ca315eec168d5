/*
 * instruction_kind_fuzz.c
 *		libFuzzer target for the instruction_kind parser (make fuzz).
 *
 * The parser must not crash; an accepted value is a valid kind whose code
 * and labels parse back to it, and the predicates agree with each other.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "instruction_kind_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	IcInstructionKind v;
	IcInstructionKind back;
	const char *langs[] = {"kk", "ru", "en"};
	const char *code;

	if (!ic_instruction_kind_parse((const char *) data, size, &v))
		return 0;
	if (!ic_instruction_kind_is_valid((int) v))
		abort();
	code = ic_instruction_kind_code(v);
	if (code == NULL || !ic_instruction_kind_parse(code, strlen(code), &back) || back != v)
		abort();
	for (int i = 0; i < 3; i++)
	{
		const char *label = ic_instruction_kind_label(v, langs[i]);

		if (label == NULL || !ic_instruction_kind_parse(label, strlen(label), &back) || back != v)
			abort();
	}
	/* R74: a published personal instruction is personal but not reserved to the President */
	if (ic_kind_is_published_personal(v) &&
		(!ic_kind_is_personal(v) || ic_kind_extension_only_by_president(v)))
		abort();
	if (ic_kind_is_personal(v) && !ic_kind_requires_pa_control(v))
		abort();
	return 0;
}
