/*
 * control_level_core.c
 *		Control levels (R42-1): codes, synonyms and labels.
 *
 * Input accepts the code and the names a host registry uses, in Kazakh,
 * Russian and English.  Each synonym names exactly one level; the unit test
 * checks the table is folded and free of duplicates, so no input is ambiguous.
 */
#include <string.h>

#include "control_level_core.h"

static const char *const codes[] = {
	NULL, "organisation", "local", "central", "government", "pa"
};

/* labels[value][lang] with lang IC_LANG_KK, IC_LANG_RU, IC_LANG_EN */
static const char *const labels[][3] = {
	{NULL, NULL, NULL},
	{"Ұйым", "Организация", "Organisation"},
	{"Жергілікті атқарушы орган", "Местный исполнительный орган", "Local executive body"},
	{"Орталық мемлекеттік орган", "Центральный государственный орган", "Central state body"},
	{"Үкімет", "Правительство", "Government"},
	{"Президент Әкімшілігі", "Администрация Президента", "Presidential Administration"},
};

/* Folded words (lower case, one space, '_' as space). */
static const IcKeyword synonyms[] = {
	/* Presidential Administration */
	{"pa", IC_LEVEL_PA},
	{"presidential administration", IC_LEVEL_PA},
	{"administration of the president", IC_LEVEL_PA},
	{"пә", IC_LEVEL_PA},
	{"президент әкімшілігі", IC_LEVEL_PA},
	{"президенттің әкімшілігі", IC_LEVEL_PA},
	{"президент әкімшілігінің бақылауы", IC_LEVEL_PA},
	{"қр президентінің әкімшілігі", IC_LEVEL_PA},
	{"қазақстан республикасы президентінің әкімшілігі", IC_LEVEL_PA},
	{"ап", IC_LEVEL_PA},
	{"ап рк", IC_LEVEL_PA},
	{"администрация президента", IC_LEVEL_PA},
	{"администрация президента рк", IC_LEVEL_PA},
	{"администрация президента республики казахстан", IC_LEVEL_PA},
	/* Government */
	{"government", IC_LEVEL_GOVERNMENT},
	{"the government", IC_LEVEL_GOVERNMENT},
	{"government of kazakhstan", IC_LEVEL_GOVERNMENT},
	{"үкімет", IC_LEVEL_GOVERNMENT},
	{"үкіметі", IC_LEVEL_GOVERNMENT},
	{"қр үкіметі", IC_LEVEL_GOVERNMENT},
	{"қазақстан республикасының үкіметі", IC_LEVEL_GOVERNMENT},
	{"правительство", IC_LEVEL_GOVERNMENT},
	{"правительство рк", IC_LEVEL_GOVERNMENT},
	{"правительство республики казахстан", IC_LEVEL_GOVERNMENT},
	/* central state body */
	{"central", IC_LEVEL_CENTRAL},
	{"central state body", IC_LEVEL_CENTRAL},
	{"central government body", IC_LEVEL_CENTRAL},
	{"central executive body", IC_LEVEL_CENTRAL},
	{"ministry", IC_LEVEL_CENTRAL},
	{"орталық мемлекеттік орган", IC_LEVEL_CENTRAL},
	{"орталық атқарушы орган", IC_LEVEL_CENTRAL},
	{"омо", IC_LEVEL_CENTRAL},
	{"министрлік", IC_LEVEL_CENTRAL},
	{"центральный государственный орган", IC_LEVEL_CENTRAL},
	{"центральный исполнительный орган", IC_LEVEL_CENTRAL},
	{"цго", IC_LEVEL_CENTRAL},
	{"цио", IC_LEVEL_CENTRAL},
	{"министерство", IC_LEVEL_CENTRAL},
	/* local executive body */
	{"local", IC_LEVEL_LOCAL},
	{"local executive body", IC_LEVEL_LOCAL},
	{"akimat", IC_LEVEL_LOCAL},
	{"жергілікті атқарушы орган", IC_LEVEL_LOCAL},
	{"жао", IC_LEVEL_LOCAL},
	{"әкімдік", IC_LEVEL_LOCAL},
	{"облыс әкімдігі", IC_LEVEL_LOCAL},
	{"местный исполнительный орган", IC_LEVEL_LOCAL},
	{"мио", IC_LEVEL_LOCAL},
	{"акимат", IC_LEVEL_LOCAL},
	{"акимат области", IC_LEVEL_LOCAL},
	/* organisation */
	{"organisation", IC_LEVEL_ORGANISATION},
	{"organization", IC_LEVEL_ORGANISATION},
	{"ұйым", IC_LEVEL_ORGANISATION},
	{"ведомстволық бағынысты ұйым", IC_LEVEL_ORGANISATION},
	{"организация", IC_LEVEL_ORGANISATION},
	{"подведомственная организация", IC_LEVEL_ORGANISATION},
};

bool
ic_control_level_is_valid(int value)
{
	return value >= IC_LEVEL_MIN && value <= IC_LEVEL_MAX;
}

const char *
ic_control_level_code(IcControlLevel value)
{
	return ic_control_level_is_valid((int) value) ? codes[value] : NULL;
}

bool
ic_control_level_parse(const char *s, size_t len, IcControlLevel *value)
{
	int			v = ic_keyword_parse(synonyms, sizeof(synonyms) / sizeof(synonyms[0]), s, len);

	if (!ic_control_level_is_valid(v))
		return false;
	*value = (IcControlLevel) v;
	return true;
}

const char *
ic_control_level_label(IcControlLevel value, const char *lang)
{
	IcLang		l = ic_lang_parse(lang, lang ? strlen(lang) : 0);

	if (l == IC_LANG_INVALID || !ic_control_level_is_valid((int) value))
		return NULL;
	return labels[value][l];
}

const IcKeyword *
ic_control_level_synonyms(size_t *n)
{
	*n = sizeof(synonyms) / sizeof(synonyms[0]);
	return synonyms;
}
