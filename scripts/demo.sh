#!/usr/bin/env bash
# The main job, end to end, on a throwaway cluster (.cluster/demo):
# install what is missing, build and install the extension, create the database
# "instruction_control_demo" afresh, CREATE EXTENSION (and pg_cron), then run
# demo/*.sql in order and print what they show.
#
#   scripts/demo.sh           run, then stop the cluster
#   scripts/demo.sh --keep    run and leave the cluster running to explore with psql
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
keep=no
[ "${1:-}" = "--keep" ] && keep=yes
db=instruction_control_demo

bash scripts/install-deps.sh
echo "== build and install"
make -s >/dev/null
make -s install >/dev/null

echo "== throwaway cluster"
IC_CRON_DB=$db bash scripts/cluster.sh start demo
eval "$(bash scripts/cluster.sh env demo)"

psql -X -q -v ON_ERROR_STOP=1 -d postgres <<SQL
DROP DATABASE IF EXISTS $db WITH (FORCE);
CREATE DATABASE $db;
SQL
# pg_cron's launcher leaves when its database is dropped and comes back with a
# restart: restart, and wait for it, so the demo schedules its sweep for real.
bash scripts/cluster.sh stop demo >/dev/null
IC_CRON_DB=$db bash scripts/cluster.sh start demo >/dev/null
for _ in $(seq 1 40); do
	[ "$(psql -X -At -d postgres -c "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'pg_cron launcher'")" = 1 ] && break
	sleep 0.25
done
psql -X -q -v ON_ERROR_STOP=1 -d "$db" <<'SQL'
CREATE EXTENSION pg_cron;
CREATE EXTENSION instruction_control;
SQL

for f in demo/*.sql; do
	echo
	echo "== $f"
	psql -X -v ON_ERROR_STOP=1 --pset=pager=off -d "$db" -f "$f"
done

# The decree's forms as printable HTML (and CSV), to open in a browser and print.
outdir="$repo/demo/out"
mkdir -p "$outdir"
form() {	# FILE SQL
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -c "SET search_path = instruction_control" -c "$2" >"$outdir/$1"
}
act="(SELECT id FROM instruction_control.act WHERE external_ref = 'R-ACT-1')"
gov="(SELECT id FROM instruction_control.state_body WHERE code = 'R-GOV')"
for lang in ru kk; do
	form "appendix5_$lang.html" "SELECT form_control_approval_html($act, '$lang')"
	form "appendix5_$lang.csv" "SELECT form_control_approval_csv($act, '$lang')"
	form "appendix8_$lang.html" "SELECT form_annual_summary_html($gov, 2025, '$lang')"
	form "appendix8_$lang.csv" "SELECT form_annual_summary_csv($gov, 2025, '$lang')"
done
echo
echo "== the forms (Appendix 5 and 8, kk and ru) are in ${outdir#$repo/}/:"
ls -1 "$outdir" | sed 's/^/  /'

# Embedding: a host schema made before the extension, linked, dumped, restored with -j 4
echo
echo "== Embedding (demo/host/run.sh)"
bash demo/host/run.sh instruction_control_embed_demo

echo
if [ "$keep" = yes ]; then
	echo "The demo cluster is running.  Connect with:"
	echo "  $(bash scripts/cluster.sh env demo); psql -d $db"
	echo "Stop it with: scripts/cluster.sh stop demo"
else
	bash scripts/cluster.sh stop demo
	echo "Done.  (scripts/demo.sh --keep leaves the cluster running to explore.)"
fi
