/*
 * acting_person.c
 *		Who acted is proven, not claimed: the person an application names for a
 *		transaction (SET LOCAL instruction_control.acting_person) is recorded
 *		only when the role may act for that person (person_role).  Used by the
 *		decision journal and, through acting_person_proven(), by the journal of
 *		the rule data.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "ic_errcodes.h"
#include "ic_schema.h"
#include "instruction_control.h"
#include "registry.h"

/*
 * Who acted is proven, not claimed.  The application names the person for the
 * transaction (SET LOCAL instruction_control.acting_person, a person's name
 * or id); the journal records it only when
 *   - it was set for this transaction: a session-level value would be
 *     recorded for a later transaction of a pooled session (IC118), and
 *   - it names an active person the current role may act for: a row of
 *     person_role naming a role it is a member of (42501), as my_bodies()
 *     reads body_member (member is a regrole: a RENAME is followed).
 * It records the person's id and name as the person table holds them.
 * roleid is the role whose memberships count: the current role for a
 * decision; the session user for a change of the rule data, whose journal
 * trigger runs as the extension's owner (acting_person_proven()).  On a
 * schema older than 0.3 (no person table) the name is recorded as given.
 */
static bool
person_table_exists(void)
{
	/*
	 * Two syscache lookups, only when a person is named: a backend may see
	 * the extension updated, or dropped and created at another version.
	 */
	Oid			nsp = get_namespace_oid(IC_SCHEMA, true);

	return OidIsValid(nsp) && OidIsValid(get_relname_relid("person", nsp));
}

void
ic_prove_acting_person(Oid roleid, Datum *name, bool *name_null, Datum *person_id, bool *id_null)
{
	static SPIPlanPtr plan = NULL;
	Oid			argtypes[3] = {TEXTOID, INT8OID, OIDOID};
	Datum		args[3];
	char		nulls[3] = {' ', ' ', ' '};
	const char *person = ic_acting_person;
	const char *p;
	bool		digits = true;
	bool		isnull;

	*name_null = *id_null = true;
	*name = *person_id = (Datum) 0;
	if (person == NULL || ic_text_is_blank(person))
		return;
	if (pg_mbstrlen(person) > IC_ACTING_PERSON_MAXLEN)
		ereport(ERROR,
				(errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
				 errmsg("instruction_control.acting_person is longer than %d characters", IC_ACTING_PERSON_MAXLEN),
				 errhint("Name the acting person, e.g. SET LOCAL instruction_control.acting_person = 'A. Abenov'.")));
	if (!ic_acting_person_set_locally())
		ereport(ERROR,
				(errcode(ERRCODE_IC_ACTING_PERSON),
				 errmsg("instruction_control.acting_person was not set for this transaction"),
				 errdetail("The value in effect was set by a session-level SET (or ALTER ROLE ... SET, a connection option, the configuration); it outlives the transaction that set it and may name an earlier user of a pooled session."),
				 errhint("Name the acting person in each transaction: SET LOCAL instruction_control.acting_person = '...'; RESET instruction_control.acting_person ends a session-level value.")));
	if (!person_table_exists())
	{
		/* 0.2 schema: no people yet, the name as given */
		*name = CStringGetTextDatum(person);
		*name_null = false;
		return;
	}

	for (p = person; *p; p++)
		if (*p < '0' || *p > '9')
			digits = false;
	digits = digits && strlen(person) <= 18;	/* a person's id; names are never only digits */

	ic_keep_plan(&plan,
				 "SELECT p.id, p.name FROM " IC_SCHEMA ".person p"
				 " WHERE (p.id OPERATOR(pg_catalog.=) $2 OR p.name OPERATOR(pg_catalog.=) $1) AND p.active"
				 "   AND EXISTS (SELECT 1 FROM " IC_SCHEMA ".person_role m"
				 "                 JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) m.member"
				 "                WHERE m.person_id OPERATOR(pg_catalog.=) p.id"
				 "                  AND pg_catalog.pg_has_role($3, r.oid, 'MEMBER'))",
				 3, argtypes);
	args[0] = CStringGetTextDatum(person);
	args[1] = digits ? Int64GetDatum(pg_strtoint64(person)) : (Datum) 0;
	nulls[1] = digits ? ' ' : 'n';
	args[2] = ObjectIdGetDatum(roleid);
	if (SPI_execute_plan(plan, args, nulls, true, 2) != SPI_OK_SELECT)
		elog(ERROR, "could not read the persons");
	if (SPI_processed != 1)
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("role \"%s\" may not act for person \"%s\"",
						GetUserNameFromId(roleid, false), person),
				 errdetail("No active person of that name or id is mapped to this role or a role it is a member of (instruction_control.person_role)."),
				 errhint("Name a person this role may act for (SELECT id, name FROM instruction_control.person); the registry's administrator maps roles to persons in person_role.")));
	*person_id = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	*id_null = false;
	*name = SPI_datumTransfer(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull),
							  false, -1);
	*name_null = false;
}

/*
 * acting_person_proven() -> text: the name of the person named for this
 * transaction, proven for the session user, or NULL when none is named;
 * raises as the decision journal does (IC118, 42501).  The session user,
 * not the current role: the rule data's journal calls it from a SECURITY
 * DEFINER trigger, where the current role is the extension's owner.
 */
PG_FUNCTION_INFO_V1(ic_acting_person_proven);
Datum
ic_acting_person_proven(PG_FUNCTION_ARGS)
{
	Datum		name;
	Datum		person_id;
	bool		name_null;
	bool		id_null;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ic_prove_acting_person(GetSessionUserId(), &name, &name_null, &person_id, &id_null);
	SPI_finish();
	if (name_null)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(name);
}
