#!/usr/bin/env bash
# Embedding demo (README "Embedding"): a host registry with its own schema
# "docs" (departments, documents, staff) exists before the extension; link it,
# work through the API, then pg_dump -Fc and pg_restore -j 4 into a copy and
# compare the answers.  Runs against the server the PG* variables point at
# (scripts/demo.sh runs it on the demo cluster).
#
#   demo/host/run.sh [database]      (default ic_embed_demo; the copy is <database>_copy)
# IC_RESTORE_JOBS sets pg_restore -j (default 4).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
db=${1:-ic_embed_demo}
copy=${db}_copy
tmp=$(mktemp -d /tmp/ic-embed-demo.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

for d in "$db" "$copy"; do dropdb --if-exists "$d" >/dev/null 2>&1; done
createdb "$db"
echo "== the host's schema, before the extension"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$here/01_host_schema.sql"
echo "== link it and work through the API"
psql -X -q --pset=pager=off -d "$db" -f "$here/02_link.sql" 2>&1
psql -X -q --pset=pager=off -d "$db" -f "$here/03_answers.sql" >"$tmp/before"

jobs=${IC_RESTORE_JOBS:-4}
echo "== pg_dump -Fc, pg_restore -j $jobs (restore_mode) into $copy"
pg_dump -Fc -d "$db" -f "$tmp/dump" 2>"$tmp/dump.log" || { cat "$tmp/dump.log"; exit 1; }
createdb "$copy"
PGOPTIONS='-c instruction_control.restore_mode=on' pg_restore -j "$jobs" -d "$copy" "$tmp/dump"
psql -X -q --pset=pager=off -d "$copy" -f "$here/03_answers.sql" >"$tmp/after"
cat "$tmp/after"
if diff -u "$tmp/before" "$tmp/after"; then
	echo "== the same answers after the restore"
else
	echo "== the answers differ after the restore (diff above)"
	exit 1
fi
echo "== the restored copy is still linked: a new department comes in, a used document stays"
psql -X -q -At -d "$copy" -c "INSERT INTO docs.department VALUES (500, 'Ministry of Energy', NULL, 'central', NULL)" \
	-c "SELECT external_ref || ' ' || name FROM instruction_control.state_body WHERE external_ref = '500'"
psql -X -q -At -d "$copy" -c "DELETE FROM docs.document WHERE id = '6f1c2a52-0c1e-4d7a-9a51-1a2b3c4d5e01'" 2>&1 | head -1 || true
