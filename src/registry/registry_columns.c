/*
 * registry_columns.c
 *		Reading the registry's trigger rows: which table a trigger fires on,
 *		each column found by name once and checked against the type the C
 *		code reads from it, the row being judged deformed once, and the small
 *		facts of the session (who records, whether it is the administrator).
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/syscache.h"
#include "catalog/pg_class.h"

#include "ic_errcodes.h"
#include "registry.h"
#include "text_fold_core.h"

/*
 * Column numbers by name, cached per (row type, name): a trigger asks for
 * the same dozen columns on every row of a COPY.  Names are the string
 * constants of the trigger code, so the pointer identifies them.  The type is
 * checked when an entry is filled.  Any relcache invalidation (ALTER TABLE,
 * ...) empties the cache.
 */
#define ATTNUM_CACHE_SIZE 256

typedef struct AttnumEntry
{
	Oid			typid;
	int			natts;
	const char *name;
	IcColType	type;
	int			attnum;
} AttnumEntry;

static AttnumEntry attnum_cache[ATTNUM_CACHE_SIZE];
static bool attnum_callback_registered = false;

static void
attnum_cache_flush(Datum arg, Oid relid)
{
	memset(attnum_cache, 0, sizeof(attnum_cache));
}

static bool
column_type_fits(Form_pg_attribute att, IcColType type)
{
	Oid			base = getBaseType(att->atttypid);
	Oid			elem;

	switch (type)
	{
		case IC_COL_DATE:
			return base == DATEOID;
		case IC_COL_INT8:
			return base == INT8OID;
		case IC_COL_INT4:
			return base == INT4OID;
		case IC_COL_BOOL:
			return base == BOOLOID;
		case IC_COL_TEXT:
			return base == TEXTOID;
		case IC_COL_TEXT_ARRAY:
			elem = get_element_type(base);
			return OidIsValid(elem) && getBaseType(elem) == TEXTOID;
		case IC_COL_INT8_ARRAY:
			return base == INT8ARRAYOID;
		case IC_COL_BYTE:
			return att->attlen == 1 && att->attbyval && get_typtype(base) == TYPTYPE_BASE &&
				base != BOOLOID && base != CHAROID;
		case IC_COL_TERM:
			return att->attlen == 8 && !att->attbyval && get_typtype(base) == TYPTYPE_BASE &&
				strcmp(format_type_extended(base, -1, FORMAT_TYPE_FORCE_QUALIFY), IC_SCHEMA ".term") == 0;
		case IC_COL_TIMESTAMPTZ:
			return base == TIMESTAMPTZOID;
		case IC_COL_NAME:
			return base == NAMEOID;
		case IC_COL_POINT_REF:
			return att->attlen == -1 && get_typtype(base) == TYPTYPE_BASE &&
				strcmp(format_type_extended(base, -1, FORMAT_TYPE_FORCE_QUALIFY), IC_SCHEMA ".point_ref") == 0;
	}
	return false;
}

int
ic_attnum(TupleDesc desc, const char *name, IcColType type)
{
	uint32		h = (uint32) (((uintptr_t) name >> 3) ^ (desc->tdtypeid * 2654435761u));
	AttnumEntry *e = &attnum_cache[h % ATTNUM_CACHE_SIZE];
	int			attnum;

	if (e->name == name && e->typid == desc->tdtypeid && e->natts == desc->natts &&
		e->type == type && desc->tdtypeid != InvalidOid)
		return e->attnum;

	attnum = SPI_fnumber(desc, name);
	if (attnum <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" is missing from a registry table", name),
				 errhint("The registry's tables belong to the extension; restore them with ALTER EXTENSION instruction_control UPDATE or reinstall.")));
	if (!column_type_fits(TupleDescAttr(desc, attnum - 1), type))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("column \"%s\" of a registry table has type %s, which the registry does not read",
						name, format_type_be(TupleDescAttr(desc, attnum - 1)->atttypid)),
				 errhint("The registry's tables belong to the extension; restore them with ALTER EXTENSION instruction_control UPDATE or reinstall.")));

	if (!attnum_callback_registered)
	{
		CacheRegisterRelcacheCallback(attnum_cache_flush, (Datum) 0);
		attnum_callback_registered = true;
	}
	e->typid = desc->tdtypeid;
	e->natts = desc->natts;
	e->name = name;
	e->type = type;
	e->attnum = attnum;
	return attnum;
}

/*
 * The row being judged, deformed once: a trigger reads some thirty columns of
 * it, each a walk over the NULL bitmap with heap_getattr.  Only the tuple
 * named by ic_row_deform() is served from here, until ic_row_forget(); every
 * trigger entry forgets (ic_trigger_data), so an error cannot leave a stale row.
 */
static HeapTuple deformed_tuple = NULL;
static HeapTupleHeader deformed_data = NULL;
static Datum *deformed_values = NULL;
static bool *deformed_nulls = NULL;
static int	deformed_capacity = 0;

void
ic_row_deform(HeapTuple tuple, TupleDesc desc)
{
	if (desc->natts > deformed_capacity)
	{
		int			n = Max(desc->natts, 64);

		deformed_values = MemoryContextAlloc(TopMemoryContext, sizeof(Datum) * n);
		deformed_nulls = MemoryContextAlloc(TopMemoryContext, sizeof(bool) * n);
		deformed_capacity = n;
	}
	heap_deform_tuple(tuple, desc, deformed_values, deformed_nulls);
	deformed_tuple = tuple;
	deformed_data = tuple->t_data;
}

void
ic_row_forget(void)
{
	deformed_tuple = NULL;
	deformed_data = NULL;
}

Datum
ic_getattr(HeapTuple tuple, TupleDesc desc, const char *name, IcColType type, bool *isnull)
{
	int			attnum = ic_attnum(desc, name, type);

	if (tuple == deformed_tuple && tuple->t_data == deformed_data && attnum <= deformed_capacity)
	{
		*isnull = deformed_nulls[attnum - 1];
		return deformed_values[attnum - 1];
	}
	return heap_getattr(tuple, attnum, desc, isnull);
}

int32
ic_get_date(HeapTuple tuple, TupleDesc desc, const char *name)
{
	bool		isnull;
	Datum		d = ic_getattr(tuple, desc, name, IC_COL_DATE, &isnull);

	return isnull ? IC_NO_DATE : DatumGetDateADT(d);
}

int32
ic_get_finite_date(HeapTuple tuple, TupleDesc desc, const char *name)
{
	bool		isnull;
	Datum		v = ic_getattr(tuple, desc, name, IC_COL_DATE, &isnull);

	if (isnull)
		return IC_NO_DATE;
	return ic_check_finite_date(name, DatumGetDateADT(v));
}

/* A non-NULL date of column name, refused if infinite. */
int32
ic_check_finite_date(const char *name, int32 d)
{
	/* -infinity is INT32_MIN, the same as IC_NO_DATE: the caller has ruled out NULL */
	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("%s cannot be %s", name, DATE_IS_NOBEGIN(d) ? "-infinity" : "infinity"),
				 errdetail("The registry keeps real days: deadlines are counted over them in working days (R50.3)."),
				 errhint("Give a calendar date, or leave %s empty where it is optional.", name)));
	return d;
}

int64
ic_get_int64(HeapTuple tuple, TupleDesc desc, const char *name)
{
	bool		isnull;
	Datum		d = ic_getattr(tuple, desc, name, IC_COL_INT8, &isnull);

	return isnull ? 0 : DatumGetInt64(d);
}

/*
 * A NOT NULL key column read by a BEFORE trigger, which runs before the
 * constraint is checked: NULL is refused as the constraint would refuse it,
 * rather than read as 0 ("instruction 0 does not exist").
 */
int64
ic_get_required_int64(HeapTuple tuple, TupleDesc desc, const char *name)
{
	bool		isnull;
	Datum		d = ic_getattr(tuple, desc, name, IC_COL_INT8, &isnull);

	if (isnull)
		ereport(ERROR,
				(errcode(ERRCODE_NOT_NULL_VIOLATION),
				 errmsg("null value in column \"%s\" violates not-null constraint", name)));
	return DatumGetInt64(d);
}

int32
ic_get_int32(HeapTuple tuple, TupleDesc desc, const char *name)
{
	bool		isnull;
	Datum		d = ic_getattr(tuple, desc, name, IC_COL_INT4, &isnull);

	return isnull ? 0 : DatumGetInt32(d);
}

bool
ic_get_bool(HeapTuple tuple, TupleDesc desc, const char *name)
{
	bool		isnull;
	Datum		d = ic_getattr(tuple, desc, name, IC_COL_BOOL, &isnull);

	return !isnull && DatumGetBool(d);
}

bool
ic_is_null(HeapTuple tuple, TupleDesc desc, const char *name, IcColType type)
{
	bool		isnull;

	(void) ic_getattr(tuple, desc, name, type, &isnull);
	return isnull;
}

char *
ic_get_cstring(HeapTuple tuple, TupleDesc desc, const char *name)
{
	bool		isnull;
	Datum		d = ic_getattr(tuple, desc, name, IC_COL_TEXT, &isnull);

	return isnull ? NULL : TextDatumGetCString(d);
}

IcDecider
ic_get_decider(HeapTuple tuple, TupleDesc desc, const char *name)
{
	char	   *code = ic_get_cstring(tuple, desc, name);
	IcDecider	d;

	if (code == NULL)
		return IC_DECIDER_INVALID;
	if (!ic_decider_parse(code, &d))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown decider \"%s\"", code)));
	return d;
}

static Oid	schema_oid = InvalidOid;

TriggerData *
ic_trigger_data(FunctionCallInfo fcinfo, const char *name, const char *table)
{
	TriggerData *td;
	Relation	rel;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" was not called by the trigger manager", name)));
	td = castNode(TriggerData, fcinfo->context);
	rel = td->tg_relation;
	ic_row_forget();
	/* the schema's OID, looked up again whenever it does not match */
	if (RelationGetNamespace(rel) != schema_oid)
		schema_oid = get_namespace_oid(IC_SCHEMA, true);
	if (strcmp(RelationGetRelationName(rel), table) != 0 ||
		RelationGetNamespace(rel) != schema_oid)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger function \"%s\" fires only on table %s.%s", name, IC_SCHEMA, table),
				 errdetail("It was fired on table \"%s\".", RelationGetRelationName(rel)),
				 errhint("The registry's trigger functions belong to its own tables; do not attach them elsewhere.")));
	return td;
}

/*
 * session_user as a name Datum, looked up once per session user (COPY of a
 * million instructions asks a million times).
 */
Datum
ic_session_user_name(void)
{
	static Oid	cached_user = InvalidOid;
	static NameData cached_name;
	Oid			user = GetSessionUserId();

	if (user != cached_user)
	{
		namestrcpy(&cached_name, GetUserNameFromId(user, false));
		cached_user = user;
	}
	return NameGetDatum(&cached_name);
}

void
ic_edit_set(IcRowEdit *e, TupleDesc desc, const char *name, IcColType type, Datum value, bool isnull)
{
	if (e->n >= IC_ROW_EDIT_MAX)
		elog(ERROR, "too many columns edited in one registry row");
	e->cols[e->n] = ic_attnum(desc, name, type);
	e->values[e->n] = value;
	e->nulls[e->n] = isnull;
	e->n++;
}

/*
 * A column added in a later version: the library also serves a database whose
 * extension has not been updated yet (ALTER EXTENSION ... UPDATE), and there
 * the column is simply not written.
 */
void
ic_edit_set_if_present(IcRowEdit *e, TupleDesc desc, const char *name, IcColType type, Datum value,
					   bool isnull)
{
	if (SPI_fnumber(desc, name) > 0)
		ic_edit_set(e, desc, name, type, value, isnull);
}

/* A boolean column added in a later version: false where it does not exist yet. */
bool
ic_get_bool_if_present(HeapTuple tuple, TupleDesc desc, const char *name)
{
	return SPI_fnumber(desc, name) > 0 && ic_get_bool(tuple, desc, name);
}

void
ic_edit_date(IcRowEdit *e, TupleDesc desc, const char *name, int32 day)
{
	ic_edit_set(e, desc, name, IC_COL_DATE, DateADTGetDatum(day), day == IC_NO_DATE);
}

HeapTuple
ic_edit_apply(const IcRowEdit *e, HeapTuple tuple, TupleDesc desc)
{
	return heap_modify_tuple_by_cols(tuple, desc, e->n, (int *) e->cols,
									 (Datum *) e->values, (bool *) e->nulls);
}

void
ic_require_import_admin(void)
{
	if (ic_is_registry_admin())
		return;
	ereport(ERROR,
			(errcode(ERRCODE_IC_BYPASS),
			 errmsg("imported history is written only by the registry's administrator"),
			 errdetail("Role \"%s\" is not a member of %s.", GetUserNameFromId(GetUserId(), false),
					   IC_ADMIN_ROLE),
			 errhint("Record decisions and put instructions on control through the API; a superuser grants %s to the administrator who imports history.",
					 IC_ADMIN_ROLE)));
}

bool
ic_is_registry_admin(void)
{
	Oid			admin = get_role_oid(IC_ADMIN_ROLE, true);

	if (superuser())
		return true;
	return OidIsValid(admin) && has_privs_of_role(GetUserId(), admin);
}

void
ic_act_as_owner(Oid relid, IcActingAs *saved)
{
	HeapTuple	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	Oid			owner;

	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for relation %u", relid);
	owner = ((Form_pg_class) GETSTRUCT(tup))->relowner;
	ReleaseSysCache(tup);
	GetUserIdAndSecContext(&saved->saved_user, &saved->saved_context);
	SetUserIdAndSecContext(owner, saved->saved_context | SECURITY_LOCAL_USERID_CHANGE);
}

void
ic_act_restore(const IcActingAs *saved)
{
	SetUserIdAndSecContext(saved->saved_user, saved->saved_context);
}
