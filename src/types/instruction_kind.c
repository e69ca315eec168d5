/*
 * instruction_kind.c
 *		SQL type instruction_kind (R4.2, R42): I/O, binary I/O, comparison,
 *		hash, label() and the predicates the rules ask (is_personal, ...).
 *
 * One byte, passed by value: the IcInstructionKind number.  Parsing, naming
 * and the predicates live in instruction_kind_core.c.
 */
#include "postgres.h"

#include "fmgr.h"
#include "libpq/pqformat.h"

#include "instruction_kind_core.h"
#include "encoding.h"
#include "type_support.h"

#define DatumGetInstructionKind(d)		((IcInstructionKind) (uint8) DatumGetChar(d))
#define PG_GETARG_INSTRUCTION_KIND(n)	DatumGetInstructionKind(PG_GETARG_DATUM(n))
#define PG_RETURN_INSTRUCTION_KIND(v)	PG_RETURN_CHAR((char) (uint8) (v))

PG_FUNCTION_INFO_V1(ic_instruction_kind_in);
Datum
ic_instruction_kind_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);
	size_t		len;
	const char *u = ic_server_to_utf8(s, &len);
	IcInstructionKind v;

	if (!ic_instruction_kind_parse(u, len, &v))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"", "instruction_kind", s),
				 errdetail("The value is neither an instruction kind code nor a known Kazakh, Russian or English name of a kind (R4.2, R42)."),
				 errhint("%s", ic_server_str("Use a code (act_point, event, security_council, assembly, personal, "
						 "personal_published, document, national_plan; '_' or a space between words) or a name "
						 "such as 'Актінің тармағы', 'Пункт акта', 'Іс-шара', 'Мероприятие', "
						 "'Қауіпсіздік Кеңесі', 'Совет Безопасности', 'Қазақстан халқы Ассамблеясы', "
						 "'Ассамблея народа Казахстана', 'Жеке тапсырма', 'Личное поручение', "
						 "'Жарияланған жеке тапсырма', 'Құжат', 'Обращение', "
						 "'Жалпыұлттық іс-шаралар жоспары', 'Общенациональный план'."))));
	PG_RETURN_INSTRUCTION_KIND(v);
}

PG_FUNCTION_INFO_V1(ic_instruction_kind_out);
Datum
ic_instruction_kind_out(PG_FUNCTION_ARGS)
{
	IcInstructionKind v = PG_GETARG_INSTRUCTION_KIND(0);
	const char *code = ic_instruction_kind_code(v);

	if (code == NULL)
		elog(ERROR, "invalid instruction_kind value %d", (int) v);
	PG_RETURN_CSTRING(pstrdup(code));
}

/* Binary form: the kind's number in one byte. */
PG_FUNCTION_INFO_V1(ic_instruction_kind_recv);
Datum
ic_instruction_kind_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			v = pq_getmsgbyte(buf);

	if (!ic_instruction_kind_is_valid(v))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary instruction_kind value %d", v),
				 errdetail("An instruction kind is a byte from %d (act_point) to %d (national_plan).",
						   IC_KIND_MIN, IC_KIND_MAX)));
	PG_RETURN_INSTRUCTION_KIND(v);
}

PG_FUNCTION_INFO_V1(ic_instruction_kind_send);
Datum
ic_instruction_kind_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, (uint8) PG_GETARG_INSTRUCTION_KIND(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

IC_BYTE_TYPE_COMPARISONS(ic_instruction_kind);

PG_FUNCTION_INFO_V1(ic_instruction_kind_label_sql);
Datum
ic_instruction_kind_label_sql(PG_FUNCTION_ARGS)
{
	IcInstructionKind v = PG_GETARG_INSTRUCTION_KIND(0);
	const char *lang = ic_label_lang(PG_GETARG_TEXT_PP(1));
	const char *label = ic_instruction_kind_label(v, lang);

	if (label == NULL)
		elog(ERROR, "invalid instruction_kind value %d", (int) v);
	PG_RETURN_TEXT_P(ic_utf8_to_text(label));
}

/* The predicates of the rules, one SQL function each. */
#define KIND_PREDICATE(SQLNAME, COREFN) \
	PG_FUNCTION_INFO_V1(SQLNAME); \
	Datum SQLNAME(PG_FUNCTION_ARGS) \
	{ PG_RETURN_BOOL(COREFN(PG_GETARG_INSTRUCTION_KIND(0))); } \
	extern int no_such_variable

KIND_PREDICATE(ic_is_personal, ic_kind_is_personal);	/* R51, R77 */
KIND_PREDICATE(ic_is_published_personal, ic_kind_is_published_personal);	/* R74 */
KIND_PREDICATE(ic_extension_only_by_president, ic_kind_extension_only_by_president);	/* R74 */
KIND_PREDICATE(ic_is_security_council, ic_kind_is_security_council);	/* R69.2 ... */
KIND_PREDICATE(ic_is_national_plan, ic_kind_is_national_plan);	/* R72.1 */
KIND_PREDICATE(ic_requires_pa_control, ic_kind_requires_pa_control);	/* R42-1.1 */
