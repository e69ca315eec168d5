/*
 * codes_fuzz.c
 *		libFuzzer target for the code tables of the rules vocabulary
 *		(rules_codes_core.c), the short-code check (code_core.c) and the text
 *		folding under every keyword type (text_fold_core.c) (make fuzz).
 *
 * The first byte chooses what the rest of the input is fed to:
 *
 *	a code of every vocabulary (decider, action, regime, ground, category,
 *		evidence, reason, drafter, deadline source, secrecy, status, report
 *		kind): accepted only when it is exactly a code, which then round-trips;
 *		any integer, out of range or not, has a code ("invalid" for none);
 *	ic_code_is_valid: agrees with a plain reading of its rule;
 *	ic_text_fold: idempotent; no leading, trailing or double spaces, no upper
 *		case letter it knows; the same answer for any output buffer that holds
 *		it, a clean refusal for any that does not;
 *	UTF-8 decoding: what decodes re-encodes to the same bytes; ic_utf8_is_blank
 *		and ic_lang_parse read only the string they are given;
 *	ic_decider_set_format and ic_format_day: any set or day, any buffer
 *		length, always NUL-terminated inside the buffer.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar_core.h"
#include "code_core.h"
#include "rules_core.h"
#include "text_fold_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FAIL_IF(cond) do { if (cond) abort(); } while (0)

#define VOCABULARY(name, type) \
static void \
fuzz_##name(const char *s, int32_t any) \
{ \
	type		v; \
	const char *code; \
	if (ic_##name##_parse(s, &v)) \
	{ \
		code = ic_##name##_code(v); \
		FAIL_IF(code == NULL || strcmp(code, s) != 0); \
	} \
	code = ic_##name##_code((type) any); \
	FAIL_IF(code == NULL); \
	if (strcmp(code, "invalid") != 0) \
		FAIL_IF(!ic_##name##_parse(code, &v) || (int32_t) v != any); \
}

VOCABULARY(decider, IcDecider)
VOCABULARY(action, IcAction)
VOCABULARY(regime, IcRegime)
VOCABULARY(ground, IcRemovalGround)
VOCABULARY(category, IcCategory)
VOCABULARY(evidence, IcEvidence)
VOCABULARY(reason, IcNewDeadlineReason)
VOCABULARY(drafter, IcDrafter)
VOCABULARY(deadline_source, IcDeadlineSource)
VOCABULARY(secrecy, IcSecrecy)
VOCABULARY(status, IcStatus)
VOCABULARY(report_kind, IcReportKind)

static int32_t
int_of(const uint8_t *data, size_t size)
{
	uint32_t	v = 0;

	for (size_t i = 0; i < size && i < 4; i++)
		v = (v << 8) | data[i];
	/* small values (the enums' range) most of the time */
	if (size > 0 && (data[0] & 0x80) == 0)
		return (int32_t) (v % 40) - 4;
	return (int32_t) v;
}

static void
fuzz_vocabularies(const uint8_t *data, size_t size)
{
	/* NUL-terminated, exactly sized: a read past the end is seen by ASan */
	char	   *s = malloc(size + 1);
	int32_t		any = int_of(data, size);

	memcpy(s, data, size);
	s[size] = '\0';
	fuzz_decider(s, any);
	fuzz_action(s, any);
	fuzz_regime(s, any);
	fuzz_ground(s, any);
	fuzz_category(s, any);
	fuzz_evidence(s, any);
	fuzz_reason(s, any);
	fuzz_drafter(s, any);
	fuzz_deadline_source(s, any);
	fuzz_secrecy(s, any);
	fuzz_status(s, any);
	fuzz_report_kind(s, any);

	/* a short code: 1..maxlen of [A-Za-z0-9_], up to the first NUL */
	for (size_t maxlen = 0; maxlen <= IC_CALENDAR_CODE_MAXLEN + 1; maxlen += 4)
	{
		size_t		len = strlen(s);
		bool		want = len > 0 && len <= maxlen;

		for (size_t i = 0; want && i < len; i++)
			want = (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
				(s[i] >= '0' && s[i] <= '9') || s[i] == '_';
		FAIL_IF(ic_code_is_valid(s, maxlen) != want);
	}
	FAIL_IF(ic_code_is_valid(NULL, 16));
	FAIL_IF(!ic_utf8_is_blank(NULL));
	(void) ic_utf8_is_blank(s);
	free(s);
}

static void
fuzz_fold(const uint8_t *data, size_t size, int flags)
{
	char		out[IC_FOLD_MAXLEN + 1];
	char		again[IC_FOLD_MAXLEN + 1];
	size_t		olen = 0,
				alen = 0;
	bool		ok = ic_text_fold((const char *) data, size, flags, out, sizeof(out), &olen);

	if (!ok)
		return;
	FAIL_IF(olen >= sizeof(out) || out[olen] != '\0' || strlen(out) != olen);
	/* no leading, trailing or double space */
	FAIL_IF(olen > 0 && (out[0] == ' ' || out[olen - 1] == ' '));
	FAIL_IF(strstr(out, "  ") != NULL);
	if (flags & IC_FOLD_UNDERSCORE_AS_SPACE)
		FAIL_IF(strchr(out, '_') != NULL);
	/* every code point is folded and no space is left but ' ' */
	for (size_t i = 0; i < olen;)
	{
		uint32_t	c = 0;
		size_t		n = ic_utf8_decode(out + i, olen - i, &c);

		FAIL_IF(n == 0 || c == 0);
		FAIL_IF(ic_fold_codepoint(c) != c);
		FAIL_IF(c != ' ' && ic_is_space_codepoint(c));
		i += n;
	}
	/* idempotent */
	FAIL_IF(!ic_text_fold(out, olen, flags, again, sizeof(again), &alen));
	FAIL_IF(alen != olen || memcmp(out, again, olen + 1) != 0);
	/* a buffer just big enough gives the same; one byte less is refused */
	{
		char	   *exact = malloc(olen + 1);
		size_t		elen = 0;

		FAIL_IF(!ic_text_fold((const char *) data, size, flags, exact, olen + 1, &elen));
		FAIL_IF(elen != olen || memcmp(exact, out, olen + 1) != 0);
		if (olen > 0)
			FAIL_IF(ic_text_fold((const char *) data, size, flags, exact, olen, &elen));
		free(exact);
	}
	FAIL_IF(ic_text_fold((const char *) data, size, flags, out, 0, &olen));
}

static void
fuzz_utf8(const uint8_t *data, size_t size)
{
	size_t		i = 0;

	while (i < size)
	{
		uint32_t	c = 0;
		char		enc[4];
		size_t		n = ic_utf8_decode((const char *) data + i, size - i, &c);

		if (n == 0)
		{
			i++;
			continue;
		}
		FAIL_IF(n > 4 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF));
		FAIL_IF(ic_utf8_encode(c, enc) != n || memcmp(enc, data + i, n) != 0);
		FAIL_IF(ic_fold_codepoint(ic_fold_codepoint(c)) != ic_fold_codepoint(c));
		i += n;
	}
	{
		IcLang		l = ic_lang_parse((const char *) data, size);

		FAIL_IF(l != IC_LANG_INVALID && l != IC_LANG_KK && l != IC_LANG_RU && l != IC_LANG_EN);
	}
}

static void
fuzz_formats(const uint8_t *data, size_t size)
{
	uint32_t	set = 0;
	int32_t		day;
	size_t		len = size > 0 ? data[0] % 80 : 0;
	char	   *buf;

	for (size_t i = 1; i < size && i < 5; i++)
		set = (set << 8) | data[i];
	day = (int32_t) set;
	/* exactly len bytes: a write past them is seen by ASan */
	buf = malloc(len ? len : 1);
	ic_decider_set_format((IcDeciderSet) set, buf, len);
	if (len > 0)
		FAIL_IF(memchr(buf, '\0', len) == NULL);
	if (len > 0)
	{
		ic_format_day(day, buf, len);
		FAIL_IF(memchr(buf, '\0', len) == NULL);
	}
	free(buf);
	{
		char		text[16];
		int			y,
					m,
					d;

		/* a date PostgreSQL can hold prints as YYYY-MM-DD and reads back */
		day = (int32_t) (set % (2451545u + 2145031949u)) - 2451545;
		ic_format_day(day, text, sizeof(text));
		ic_cal_to_ymd(day, &y, &m, &d);
		if (y >= 1 && y <= 9999)
			FAIL_IF(strlen(text) != 10 || text[4] != '-' || text[7] != '-');
		FAIL_IF(ic_format_day(IC_NO_DATE, text, sizeof(text)) != text || strcmp(text, "(none)") != 0);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	switch (data[0] % 4)
	{
		case 0:
			fuzz_vocabularies(data + 1, size - 1);
			break;
		case 1:
			fuzz_fold(data + 1, size - 1, (data[0] >> 2) & IC_FOLD_UNDERSCORE_AS_SPACE);
			break;
		case 2:
			fuzz_utf8(data + 1, size - 1);
			break;
		default:
			fuzz_formats(data + 1, size - 1);
			break;
	}
	return 0;
}
