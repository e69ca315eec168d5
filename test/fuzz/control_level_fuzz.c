/*
 * control_level_fuzz.c
 *		libFuzzer target for the control_level parser and the text folding
 *		under it (make fuzz).
 *
 * The parser must not crash; an accepted value is a valid level whose code
 * and labels parse back to it; folding is idempotent.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "control_level_core.h"
#include "text_fold_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	IcControlLevel v;
	IcControlLevel back;
	char		f1[IC_FOLD_MAXLEN + 1];
	char		f2[IC_FOLD_MAXLEN + 1];
	size_t		l1,
				l2;

	if (ic_text_fold((const char *) data, size, IC_FOLD_UNDERSCORE_AS_SPACE, f1, sizeof(f1), &l1))
	{
		if (!ic_text_fold(f1, l1, IC_FOLD_UNDERSCORE_AS_SPACE, f2, sizeof(f2), &l2) ||
			l1 != l2 || memcmp(f1, f2, l1) != 0)
			abort();
	}
	if (!ic_control_level_parse((const char *) data, size, &v))
		return 0;
	if (!ic_control_level_is_valid((int) v))
		abort();
	{
		const char *code = ic_control_level_code(v);
		const char *langs[] = {"kk", "ru", "en"};

		if (code == NULL || !ic_control_level_parse(code, strlen(code), &back) || back != v)
			abort();
		for (int i = 0; i < 3; i++)
		{
			const char *label = ic_control_level_label(v, langs[i]);

			if (label == NULL || !ic_control_level_parse(label, strlen(label), &back) || back != v)
				abort();
		}
	}
	return 0;
}
