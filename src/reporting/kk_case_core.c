/*
 * kk_case_core.c
 *		The Kazakh case ending after a number written in digits (pure core).
 *
 * In Kazakh a number in digits takes its case ending after a hyphen
 * ("2025-тен бастап", "2025-ке дейін"), and the ending is the one the number's
 * LAST WORD takes when the number is read aloud: 2025 is read "екі мың жиырма
 * бес", so it ends like "бес" (бестен, беске); 2020 ends in "жиырма"
 * (жиырмадан, жиырмаға); 2000 in "мың" (мыңнан, мыңға).  That last word is:
 * for a number ending in whole thousands (…000) the word of that power (мың,
 * миллион, миллиард …); else the units word when the units digit is not 0,
 * else the tens word, else "жүз" (hundred); "нөл" for 0.  A date dd.mm.yyyy is
 * read with its year last, so a date takes the ending of its year.
 *
 * The ending of a word follows two rules of Kazakh:
 *	- vowel harmony: a back last vowel (а, о, ұ, ы) takes -а, a front one
 *	  (ә, е, ө, ү, і) takes -е;
 *	- the last sound: ablative -дан after a vowel or р, й, у, л, з, ж; -нан
 *	  after м, н, ң; -тан after a voiceless consonant (с, т, ш, қ, к ...);
 *	  dative -ға after a vowel or a voiced consonant, -қа after a voiceless one.
 * The words are few, so their endings are a table (checked against the rules
 * in the unit test's comments) rather than a phonetic engine.
 */
#include "kk_case_core.h"

#include <stddef.h>

typedef struct KkWord
{
	const char *word;			/* the word, for the reader of this table */
	const char *ablative;
	const char *dative;
} KkWord;

/* units 0-9 */
static const KkWord units[10] = {
	{"нөл", "ден", "ге"},
	{"бір", "ден", "ге"},
	{"екі", "ден", "ге"},
	{"үш", "тен", "ке"},
	{"төрт", "тен", "ке"},
	{"бес", "тен", "ке"},
	{"алты", "дан", "ға"},
	{"жеті", "ден", "ге"},
	{"сегіз", "ден", "ге"},
	{"тоғыз", "дан", "ға"},
};

/* tens 10-90, by the tens digit */
static const KkWord tens[10] = {
	{NULL, NULL, NULL},
	{"он", "нан", "ға"},
	{"жиырма", "дан", "ға"},
	{"отыз", "дан", "ға"},
	{"қырық", "тан", "қа"},
	{"елу", "ден", "ге"},
	{"алпыс", "тан", "қа"},
	{"жетпіс", "тен", "ке"},
	{"сексен", "нен", "ге"},
	{"тоқсан", "нан", "ға"},
};

static const KkWord hundred = {"жүз", "ден", "ге"};

/* powers of a thousand: мың, миллион, миллиард, триллион, квадриллион, квинтиллион */
static const KkWord powers[6] = {
	{"мың", "нан", "ға"},
	{"миллион", "нан", "ға"},
	{"миллиард", "тан", "қа"},
	{"триллион", "нан", "ға"},
	{"квадриллион", "нан", "ға"},
	{"квинтиллион", "нан", "ға"},
};

static const char *
pick(const KkWord *w, IcKkCase kcase)
{
	return kcase == IC_KK_ABLATIVE ? w->ablative : w->dative;
}

/*
 * The ending (without the hyphen) that the number n takes in the case kcase;
 * a negative number ends as its absolute value does (minus is read first).
 */
const char *
ic_kk_number_ending(int64_t n, IcKkCase kcase)
{
	uint64_t	u = n < 0 ? (uint64_t) 0 - (uint64_t) n : (uint64_t) n;
	int			power = 0;

	if (u == 0)
		return pick(&units[0], kcase);
	/* strip whole groups of three zeros: the last word is then a power's */
	while (u % 1000 == 0)
	{
		u /= 1000;
		power++;
	}
	if (power > 0)
		return pick(&powers[power - 1], kcase);	/* 2000: "екі мың" */
	if (u % 10 != 0)
		return pick(&units[u % 10], kcase);
	if ((u / 10) % 10 != 0)
		return pick(&tens[(u / 10) % 10], kcase);
	return pick(&hundred, kcase);	/* u % 1000 != 0: the hundreds digit */
}
