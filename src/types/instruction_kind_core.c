/*
 * instruction_kind_core.c
 *		Kinds of instruction (R4.2, R42): codes, synonyms, labels, predicates.
 *
 * As for control levels, each synonym names exactly one kind and the unit
 * test checks the table; the predicates are the only place the rule engine
 * learns which kinds a rule singles out.
 */
#include <string.h>

#include "instruction_kind_core.h"

static const char *const codes[] = {
	NULL, "act_point", "event", "security_council", "assembly", "personal",
	"personal_published", "document", "national_plan"
};

/* labels[value][lang] with lang IC_LANG_KK, IC_LANG_RU, IC_LANG_EN */
static const char *const labels[][3] = {
	{NULL, NULL, NULL},
	{"Президент актісінің тармағы", "Пункт акта Президента", "Point of an act of the President"},
	{"Іс-шара қорытындысы бойынша тапсырма", "Поручение по итогам мероприятия",
	"Instruction following an event"},
	{"Қауіпсіздік Кеңесінің шешімі", "Решение Совета Безопасности", "Security Council decision"},
	{"Қазақстан халқы Ассамблеясының шешімі", "Решение Ассамблеи народа Казахстана",
	"Assembly of People of Kazakhstan decision"},
	{"Президенттің жеке тапсырмасы", "Личное поручение Президента",
	"Personal instruction of the President"},
	{"Әлеуметтік желіде немесе БАҚ-та жарияланған жеке тапсырма",
		"Личное поручение, опубликованное в социальных сетях или СМИ",
	"Personal instruction published on social media or in mass media"},
	/* the decree's word for an appeal of a person is «жолданым» (R4.2) */
	{"Құжат немесе жолданым бойынша тапсырма", "Поручение по документу или обращению",
	"Instruction on a document or appeal"},
	{"Жалпыұлттық іс-шаралар жоспарының тармағы", "Пункт Общенационального плана мероприятий",
	"Item of the national action plan"},
};

/* Folded words (lower case, one space, '_' as space). */
static const IcKeyword synonyms[] = {
	/* act point */
	{"act point", IC_KIND_ACT_POINT},
	{"point of an act", IC_KIND_ACT_POINT},
	{"act", IC_KIND_ACT_POINT},
	{"акт", IC_KIND_ACT_POINT},
	{"актінің тармағы", IC_KIND_ACT_POINT},
	{"акт тармағы", IC_KIND_ACT_POINT},
	{"президент актісінің тармағы", IC_KIND_ACT_POINT},
	{"пункт акта", IC_KIND_ACT_POINT},
	{"пункт акта президента", IC_KIND_ACT_POINT},
	{"point of an act of the president", IC_KIND_ACT_POINT},
	/* event */
	{"event", IC_KIND_EVENT},
	{"event instruction", IC_KIND_EVENT},
	{"іс-шара", IC_KIND_EVENT},
	{"іс-шара қорытындысы бойынша тапсырма", IC_KIND_EVENT},
	{"мероприятие", IC_KIND_EVENT},
	{"поручение по итогам мероприятия", IC_KIND_EVENT},
	{"instruction following an event", IC_KIND_EVENT},
	/* Security Council */
	{"security council", IC_KIND_SECURITY_COUNCIL},
	{"sc", IC_KIND_SECURITY_COUNCIL},
	{"security council decision", IC_KIND_SECURITY_COUNCIL},
	{"қк", IC_KIND_SECURITY_COUNCIL},
	{"қауіпсіздік кеңесі", IC_KIND_SECURITY_COUNCIL},
	{"қауіпсіздік кеңесінің шешімі", IC_KIND_SECURITY_COUNCIL},
	{"сб", IC_KIND_SECURITY_COUNCIL},
	{"совет безопасности", IC_KIND_SECURITY_COUNCIL},
	{"решение совета безопасности", IC_KIND_SECURITY_COUNCIL},
	/* Assembly of People of Kazakhstan */
	{"assembly", IC_KIND_ASSEMBLY},
	{"assembly of people", IC_KIND_ASSEMBLY},
	{"assembly of people of kazakhstan", IC_KIND_ASSEMBLY},
	{"қха", IC_KIND_ASSEMBLY},
	{"қазақстан халқы ассамблеясы", IC_KIND_ASSEMBLY},
	{"қазақстан халқы ассамблеясының шешімі", IC_KIND_ASSEMBLY},
	{"анк", IC_KIND_ASSEMBLY},
	{"ассамблея", IC_KIND_ASSEMBLY},
	{"ассамблея народа казахстана", IC_KIND_ASSEMBLY},
	{"решение ассамблеи народа казахстана", IC_KIND_ASSEMBLY},
	{"assembly of people of kazakhstan decision", IC_KIND_ASSEMBLY},
	/* personal, not published */
	{"personal", IC_KIND_PERSONAL},
	{"personal instruction", IC_KIND_PERSONAL},
	{"жеке тапсырма", IC_KIND_PERSONAL},
	{"президенттің жеке тапсырмасы", IC_KIND_PERSONAL},
	{"личное поручение", IC_KIND_PERSONAL},
	{"личное поручение президента", IC_KIND_PERSONAL},
	{"personal instruction of the president", IC_KIND_PERSONAL},
	/* personal, published */
	{"personal published", IC_KIND_PERSONAL_PUBLISHED},
	{"published personal", IC_KIND_PERSONAL_PUBLISHED},
	{"published personal instruction", IC_KIND_PERSONAL_PUBLISHED},
	{"жарияланған жеке тапсырма", IC_KIND_PERSONAL_PUBLISHED},
	{"опубликованное личное поручение", IC_KIND_PERSONAL_PUBLISHED},
	{"личное поручение, опубликованное в сми", IC_KIND_PERSONAL_PUBLISHED},
	{"личное поручение, опубликованное в социальных сетях или сми", IC_KIND_PERSONAL_PUBLISHED},
	{"әлеуметтік желіде немесе бақ-та жарияланған жеке тапсырма", IC_KIND_PERSONAL_PUBLISHED},
	{"personal instruction published on social media or in mass media", IC_KIND_PERSONAL_PUBLISHED},
	/* document or appeal */
	{"document", IC_KIND_DOCUMENT},
	{"appeal", IC_KIND_DOCUMENT},
	{"құжат", IC_KIND_DOCUMENT},
	{"жолданым", IC_KIND_DOCUMENT},
	{"өтініш", IC_KIND_DOCUMENT},	/* the label before issue 18 */
	{"құжат бойынша тапсырма", IC_KIND_DOCUMENT},
	{"документ", IC_KIND_DOCUMENT},
	{"обращение", IC_KIND_DOCUMENT},
	{"поручение по документу", IC_KIND_DOCUMENT},
	{"поручение по документу или обращению", IC_KIND_DOCUMENT},
	{"құжат немесе жолданым бойынша тапсырма", IC_KIND_DOCUMENT},
	{"құжат немесе өтініш бойынша тапсырма", IC_KIND_DOCUMENT},
	{"instruction on a document or appeal", IC_KIND_DOCUMENT},
	/* national action plan */
	{"national plan", IC_KIND_NATIONAL_PLAN},
	{"national action plan", IC_KIND_NATIONAL_PLAN},
	{"жалпыұлттық жоспар", IC_KIND_NATIONAL_PLAN},
	{"жалпыұлттық іс-шаралар жоспары", IC_KIND_NATIONAL_PLAN},
	{"общенациональный план", IC_KIND_NATIONAL_PLAN},
	{"общенациональный план мероприятий", IC_KIND_NATIONAL_PLAN},
	{"пункт общенационального плана мероприятий", IC_KIND_NATIONAL_PLAN},
	{"жалпыұлттық іс-шаралар жоспарының тармағы", IC_KIND_NATIONAL_PLAN},
	{"item of the national action plan", IC_KIND_NATIONAL_PLAN},
};

bool
ic_instruction_kind_is_valid(int value)
{
	return value >= IC_KIND_MIN && value <= IC_KIND_MAX;
}

const char *
ic_instruction_kind_code(IcInstructionKind value)
{
	return ic_instruction_kind_is_valid((int) value) ? codes[value] : NULL;
}

bool
ic_instruction_kind_parse(const char *s, size_t len, IcInstructionKind *value)
{
	int			v = ic_keyword_parse(synonyms, sizeof(synonyms) / sizeof(synonyms[0]), s, len);

	if (!ic_instruction_kind_is_valid(v))
		return false;
	*value = (IcInstructionKind) v;
	return true;
}

const char *
ic_instruction_kind_label(IcInstructionKind value, const char *lang)
{
	IcLang		l = ic_lang_parse(lang, lang ? strlen(lang) : 0);

	if (l == IC_LANG_INVALID || !ic_instruction_kind_is_valid((int) value))
		return NULL;
	return labels[value][l];
}

const IcKeyword *
ic_instruction_kind_synonyms(size_t *n)
{
	*n = sizeof(synonyms) / sizeof(synonyms[0]);
	return synonyms;
}

bool
ic_kind_is_personal(IcInstructionKind value)
{
	return value == IC_KIND_PERSONAL || value == IC_KIND_PERSONAL_PUBLISHED;
}

bool
ic_kind_is_published_personal(IcInstructionKind value)
{
	return value == IC_KIND_PERSONAL_PUBLISHED;
}

bool
ic_kind_extension_only_by_president(IcInstructionKind value)
{
	return value == IC_KIND_PERSONAL;
}

bool
ic_kind_is_security_council(IcInstructionKind value)
{
	return value == IC_KIND_SECURITY_COUNCIL;
}

bool
ic_kind_is_national_plan(IcInstructionKind value)
{
	return value == IC_KIND_NATIONAL_PLAN;
}

bool
ic_kind_requires_pa_control(IcInstructionKind value)
{
	return value == IC_KIND_SECURITY_COUNCIL || value == IC_KIND_ASSEMBLY ||
		ic_kind_is_personal(value);
}
