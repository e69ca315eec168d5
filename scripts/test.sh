#!/usr/bin/env bash
# Every test of instruction_control, in order.  A failed stage from 1 to 7 ends
# the run (the later stages build on it); in stage 8 every script runs and each
# failure is reported:
#
#   1. C unit tests of the pure cores (no server), built with ASan and UBSan
#   2. build with clang and gcc (-Wall -Wextra -Werror), install
#   3. a fresh throwaway cluster (scripts/cluster.sh, NAME "test")
#   4. pg_regress: make installcheck (sql/ -> expected/); its test pgtap runs the pgTAP suites
#   5. pgTAP through pg_prove (test/pgtap/): the assertions of stage 4's results/pgtap.tap, counted
#      here and not as a regression test (the suites run once)
#   6. isolation specs (specs/ -> expected/)
#   7. dump and restore of a registry (pg_dump -Fc, pg_restore)
#   8. integration scripts (test/integration/*.sh), each against the running test cluster
#
# Installs missing Debian packages first (scripts/install-deps.sh).  Ends with one
# line "N passed, N failed" that counts unit checks, regression files, pgTAP
# assertions, isolation specs and dump/restore checks.
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
export IC_WERROR=1		# the project's own builds: warnings are errors
logdir="$repo/.cluster/logs"
mkdir -p "$logdir"

passed=0
failed=0
declare -a report=()

summary_and_exit() {
	echo
	echo "== Summary"
	for line in "${report[@]}"; do echo "  $line"; done
	echo "$passed passed, $failed failed"
	exit "$1"
}

# record_failure STAGE LOG [N] -- counts N failures (default 1), lists the stage
# as failed and prints the tail of its log (and the regression diffs, if any).
record_failure() {
	local stage=$1 log=$2
	failed=$((failed + ${3:-1}))
	report+=("$stage: FAILED (log: ${log#$repo/})")
	echo "---- last lines of ${log#$repo/} ----"
	tail -n 40 "$log"
	[ -f "$repo/regression.diffs" ] && { echo "---- regression.diffs ----"; head -n 80 "$repo/regression.diffs"; }
	[ -f "$repo/output_iso/regression.diffs" ] && { echo "---- output_iso/regression.diffs ----"; head -n 80 "$repo/output_iso/regression.diffs"; }
	return 0
}

# fail_stage STAGE LOG [N] -- a failed stage of 1 to 7 is recorded and ends the run.
fail_stage() {
	record_failure "$@"
	summary_and_exit 1
}

# Count "ok"/"FAILED" lines of pg_regress or pg_isolation_regress output.
count_regress() {
	local log=$1
	local ok bad
	ok=$(grep -cE '^(test| ) *[^ ].* \.\.\. ok' "$log" || true)
	bad=$(grep -cE '\.\.\. FAILED' "$log" || true)
	echo "$ok $bad"
}

echo "== 0. dependencies"
bash scripts/install-deps.sh || { echo "could not install dependencies"; summary_and_exit 1; }

# The version is written once, in the control file: META.json (PGXN) must agree.
control_version=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" instruction_control.control)
if ! grep -q "\"version\": \"$control_version.0\"" META.json; then
	echo "META.json does not give version $control_version.0 of instruction_control.control"; summary_and_exit 1
fi

echo "== 1. C unit tests (ASan + UBSan)"
log="$logdir/unit.log"
if make -s unit >"$log" 2>&1; then rc=0; else rc=1; fi
u_pass=$(awk '/^[0-9]+ passed, [0-9]+ failed$/ {s += $1} END {print s+0}' "$log")
u_fail=$(awk '/^[0-9]+ passed, [0-9]+ failed$/ {s += $3} END {print s+0}' "$log")
grep -E '^(==|FAIL)' "$log" || true
passed=$((passed + u_pass))
if [ $rc -ne 0 ] || [ "$u_fail" -ne 0 ]; then
	fail_stage "unit" "$log" "$((u_fail > 0 ? u_fail : 1))"
fi
report+=("unit: $u_pass checks passed under ASan and UBSan")

echo "== 2. build (clang, then gcc) and install"
log="$logdir/build.log"
{ make check-errcodes && make check-clang && make && make install; } >"$log" 2>&1 || fail_stage "build" "$log"
report+=("build: clean with clang and gcc, installed")

echo "== 3. throwaway cluster"
log="$logdir/cluster.log"
{ bash scripts/cluster.sh destroy test && bash scripts/cluster.sh start test; } >"$log" 2>&1 \
	|| fail_stage "cluster" "$log"
cat "$log"
eval "$(bash scripts/cluster.sh env test)"

echo "== 4. pg_regress (make installcheck)"
log="$logdir/regress.log"
rm -f regression.diffs regression.out
if make installcheck ISOLATION= >"$log" 2>&1; then rc=0; else rc=1; fi
read -r r_ok r_bad < <(count_regress "$log")
grep -E '\.\.\. (ok|FAILED)' "$log" || true
# the regression test pgtap runs the pgTAP suites (stage 5 counts their
# assertions from results/pgtap.tap): it is not counted as a test here too
grep -qE '^(test| ) *pgtap +\.\.\. ok' "$log" && r_ok=$((r_ok - 1))
passed=$((passed + r_ok))
if [ $rc -ne 0 ] || [ "$r_bad" -ne 0 ]; then fail_stage "pg_regress" "$log" "$((r_bad > 0 ? r_bad : 1))"; fi
report+=("pg_regress: $r_ok tests passed")

echo "== 5. pgTAP (pg_prove, run by the regression test pgtap of stage 4)"
log="$logdir/pgtap.log"
cp results/pgtap.tap "$log" 2>/dev/null || { echo "no results/pgtap.tap: the regression test pgtap did not run" >"$log"; fail_stage "pgTAP" "$log"; }
if grep -qE '^Result: PASS' "$log"; then rc=0; else rc=1; fi
t_ok=$(grep -cE '^ *ok [0-9]+' "$log" || true)
t_bad=$(grep -cE '^ *not ok [0-9]+' "$log" || true)
grep -E '^test/pgtap/.*\.\.' "$log" | sed 's/\.\. .*/../' || true
grep -E '^(Files=|Result:)' "$log" || true
passed=$((passed + t_ok))
if [ $rc -ne 0 ] || [ "$t_bad" -ne 0 ]; then fail_stage "pgTAP" "$log" "$((t_bad > 0 ? t_bad : 1))"; fi
report+=("pgTAP: $t_ok assertions passed")

echo "== 6. isolation specs"
log="$logdir/isolation.log"
if make installcheck REGRESS= >"$log" 2>&1; then rc=0; else rc=1; fi
read -r i_ok i_bad < <(count_regress "$log")
grep -E '\.\.\. (ok|FAILED)' "$log" || true
passed=$((passed + i_ok))
if [ $rc -ne 0 ] || [ "$i_bad" -ne 0 ]; then fail_stage "isolation" "$log" "$((i_bad > 0 ? i_bad : 1))"; fi
report+=("isolation: $i_ok specs passed")

echo "== 7. dump and restore"
log="$logdir/dump.log"
snapshot() {
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" <<'SQL'
SET search_path = instruction_control, public;
SELECT 'instruction', i.* FROM instruction i ORDER BY id;
SELECT 'decision', d.* FROM decision d ORDER BY id;
SELECT 'roadmap', r.* FROM roadmap r ORDER BY id;
SELECT 'report', r.* FROM report r ORDER BY id;
SELECT 'instruction_executor', e.* FROM instruction_executor e ORDER BY 2, 3;
SELECT 'state_body', b.* FROM state_body b ORDER BY id;
SELECT 'act', a.* FROM act a ORDER BY id;
SELECT 'authority', a.* FROM decision_authority a ORDER BY level, action, decider;
SELECT 'calendar_day', c.* FROM calendar_day c ORDER BY 2, 3;
SELECT 'calendar_year', c.* FROM calendar_year c ORDER BY 2, 3;
SELECT 'body_member', m.* FROM body_member m ORDER BY 2, 3;
SQL
}
d_ok=0
{
	dropdb --if-exists ic_dump && dropdb --if-exists ic_restore && dropdb --if-exists ic_restore_plain &&
	createdb ic_dump &&
	psql -X -q -d ic_dump -c 'CREATE EXTENSION instruction_control' &&
	psql -X -q -d ic_dump -f demo/30_registry.sql &&
	psql -X -q -v ON_ERROR_STOP=1 -d ic_dump -c "
		SET search_path = instruction_control, public;
		UPDATE instruction_control.decision_authority SET basis = 'Government regulation No. 1'
		 WHERE level = 'government' AND action = 'removal' AND decider = 'prime_minister';
		INSERT INTO instruction_control.decision_authority (level, action, decider, basis)
		VALUES ('central', 'extension', 'deputy_prime_minister', 'internal regulation');
		SELECT instruction_control.add_transfer('KZ', '2026-12-26', '2026-12-28', 'test decree');
		INSERT INTO instruction_control.calendar_year (calendar, year, status, basis, seeded)
		VALUES ('KZ', 2076, 'generated', 'an administrator''s row marked seeded', true);
		INSERT INTO instruction_control.body_member SELECT 'ic_reader', min(id) FROM instruction_control.state_body;
		SELECT instruction_control.import_decision(
		  (instruction_control.import_instruction('act_point', 'pa', '2019-03-01', '2019-03-15', external_ref => 'OLD-1')).id,
		  'extension', '2019-03-12', 'head_of_pa', new_due => '2019-04-15');
		SELECT instruction_control.put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd',
		  secrecy => 'state_secret', paper_card_ref => 'PC-1', pa_unit => 'Бақылау бөлімі',
		  responsible_body_id => (SELECT min(id) FROM instruction_control.state_body));" &&
	pg_dump -Fc -d ic_dump -f "$logdir/ic_dump.dump"
} >"$log" 2>&1 || fail_stage "dump" "$log"
# Without restore_mode the triggers judge the reloaded rows again, and refuse them.
createdb ic_restore_plain >>"$log" 2>&1
if pg_restore --exit-on-error -d ic_restore_plain "$logdir/ic_dump.dump" >>"$log" 2>&1; then
	echo "restore without restore_mode was accepted" >>"$log"; fail_stage "restore refused without restore_mode" "$log"
fi
d_ok=$((d_ok + 1))
echo "  ok: a plain restore is refused by the rules (IC1xx), not silently re-judged"
{
	createdb ic_restore &&
	PGOPTIONS='-c instruction_control.restore_mode=on' pg_restore --exit-on-error -d ic_restore "$logdir/ic_dump.dump"
} >>"$log" 2>&1 || fail_stage "restore with restore_mode" "$log"
if ! diff <(snapshot ic_dump) <(snapshot ic_restore) >>"$log" 2>&1; then
	fail_stage "restored data differs" "$log"
fi
d_ok=$((d_ok + 1))
echo "  ok: every registry and calendar row comes back as it was"
psql -X -q -At -v ON_ERROR_STOP=1 -d ic_restore -c "
	SELECT instruction_control.extend_deadline(4, '2025-04-30', 'president', 'letter', decided_on => '2025-03-20',
	                                           evidence => '{pa_agreement}');
	SELECT count(*) FROM instruction_control.extend_deadline(1, '2025-06-30', 'head_of_pa', 'c',
	                                                         evidence => '{pa_expert_conclusion}');" >>"$log" 2>&1 \
	&& fail_stage "rules after restore" "$log"
grep -q 'repeated extension needs the decision on disciplinary responsibility (R72.2)' "$log" || fail_stage "rules after restore" "$log"
d_ok=$((d_ok + 1))
echo "  ok: after restore the journal still counts: a third extension is refused (R69.1, R72.2)"
passed=$((passed + d_ok))
report+=("dump/restore: $d_ok checks passed")

echo "== 8. integration scripts"
# Each script runs with the PG* variables of the test cluster, prints one line
# "ok - ..." per check and "not ok - ..." on a failure, and exits non-zero on failure.
# They are independent of each other (each makes its own databases or clusters),
# so a failed one does not end the stage: every script runs, and the run reports
# every failure at once.
integration_failed=0
for script in test/integration/*.sh; do
	[ -e "$script" ] || continue
	log="$logdir/integration-$(basename "$script" .sh).log"
	if bash "$script" >"$log" 2>&1; then rc=0; else rc=1; fi
	g_ok=$(grep -cE '^ok ' "$log" || true)
	g_bad=$(grep -cE '^not ok ' "$log" || true)
	echo "  $script: $g_ok ok, $g_bad not ok"
	passed=$((passed + g_ok))
	if [ $rc -ne 0 ] || [ "$g_bad" -ne 0 ]; then
		record_failure "integration $(basename "$script") ($g_ok passed)" "$log" "$((g_bad > 0 ? g_bad : 1))"
		integration_failed=$((integration_failed + 1))
	else
		report+=("integration $(basename "$script"): $g_ok checks passed")
	fi
done

bash scripts/cluster.sh stop test
summary_and_exit $((integration_failed > 0))
