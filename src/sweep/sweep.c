/*
 * sweep.c
 *		What the deadline sweep asks of the server that SQL cannot answer.
 *
 * The sweep (sql/src/63_sweep_run.sql) is a procedure that commits after each
 * batch of events.  PL/pgSQL refuses COMMIT when the procedure was called
 * inside a transaction block (BEGIN ... CALL sweep() ...), and the refusal
 * cannot be caught (a block with an exception handler forbids COMMIT too).
 * So the procedure asks first, and runs as one transaction when it must.
 */
#include "postgres.h"

#include "access/xact.h"
#include "fmgr.h"

PG_FUNCTION_INFO_V1(ic_in_transaction_block);

/*
 * in_transaction_block() -> boolean: true inside BEGIN ... COMMIT (or an
 * implicit block of several statements sent at once), where a procedure may
 * not commit.
 */
Datum
ic_in_transaction_block(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(IsTransactionBlock());
}
