#!/usr/bin/env bash
# The same answer on every cluster (issue 17, item 3): the regression tests and
# the pgTAP suites (make installcheck without the isolation specs; its test
# pgtap runs test/pgtap/*.sql) pass on a cluster initialised with ru_RU.UTF-8
# and on one initialised with kk_KZ.UTF-8, both with lc_messages in Russian, as
# they do on the C.UTF-8 test cluster.  Forms sort their text with the
# extension's own ICU collations (README, Collation and locale), so the
# cluster's lc_collate changes no order; the tests read SQLSTATEs, not
# PostgreSQL's translated message texts; dates in forms are formatted by the
# extension, not by lc_time.
#
# Each cluster is a throwaway of its own (scripts/cluster.sh NAME locale_ru /
# locale_kk, ports PGPORT + 5 and + 6 or IC_LOCALE_PORT and IC_LOCALE_PORT + 1),
# destroyed at the end.  The locales come from scripts/install-deps.sh.
# Runs after the build is installed (scripts/test.sh, stage 8).
set -uo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
work="$repo/.cluster/logs/locale_clusters"
rm -rf "$work"
mkdir -p "$work"
failed=0
ok() { echo "ok - $*"; }
notok() { echo "not ok - $*"; failed=$((failed + 1)); }

base_port=${IC_LOCALE_PORT:-$((${PGPORT:-55432} + 5))}
names=()
cleanup() {
	local n
	for n in "${names[@]}"; do
		IC_PORT=0 bash scripts/cluster.sh destroy "$n" >/dev/null 2>&1
	done
}
trap cleanup EXIT

have_locale() {
	locale -a 2>/dev/null | tr 'A-Z' 'a-z' | sed 's/utf-8$/utf8/' | grep -qx "$(echo "$1" | tr 'A-Z' 'a-z' | sed 's/utf-8$/utf8/')"
}

# Where the database cannot use ICU (SQL_ASCII here) the collations are copies
# of "C": CREATE EXTENSION works and warns (in the test cluster).
dropdb --if-exists ic_coll_ascii >/dev/null 2>&1
if createdb -E SQL_ASCII -T template0 --lc-collate=C --lc-ctype=C ic_coll_ascii >"$work/ascii.log" 2>&1 &&
	psql -X -q -At -v ON_ERROR_STOP=1 -d ic_coll_ascii -c 'CREATE EXTENSION instruction_control' \
		-c "SELECT string_agg(collname || ':' || collprovider::text, ' ' ORDER BY collname COLLATE \"C\") FROM pg_collation
		     WHERE collnamespace = 'instruction_control'::regnamespace" >>"$work/ascii.log" 2>&1 &&
	grep -q '^kk:c ru:c und:c$' "$work/ascii.log" && grep -q 'WARNING:  collation instruction_control.kk is a copy of "C"' "$work/ascii.log"; then
	ok "SQL_ASCII database: CREATE EXTENSION warns and makes kk, ru, und copies of \"C\""
else
	notok "SQL_ASCII database: $(tail -3 "$work/ascii.log" | tr '\n' ' ')"
fi
dropdb --if-exists ic_coll_ascii >/dev/null 2>&1

port=$base_port
for loc in ru_RU.UTF-8 kk_KZ.UTF-8; do
	name="locale_${loc:0:2}"
	names+=("$name")
	log="$work/$name"
	if ! have_locale "$loc"; then
		notok "$loc: the locale is not generated (scripts/install-deps.sh as root generates it)"
		port=$((port + 1))
		continue
	fi
	IC_PORT=$port bash scripts/cluster.sh destroy "$name" >/dev/null 2>&1
	if ! IC_PORT=$port IC_CRON_DB=ic_cron IC_LOCALE=$loc IC_LC_MESSAGES=ru_RU.UTF-8 \
		bash scripts/cluster.sh start "$name" >"$log.cluster.log" 2>&1; then
		notok "$loc: cluster started: $(tail -5 "$log.cluster.log")"
		port=$((port + 1))
		continue
	fi
	(
		eval "$(IC_PORT=$port bash scripts/cluster.sh env "$name")"
		settings=$(psql -X -At -d postgres -c "SELECT datcollate || ' ' || datctype FROM pg_database WHERE datname = 'template1'" \
			-c 'SHOW lc_messages' -c 'SHOW lc_time' -c 'SHOW lc_numeric' 2>&1 | tr '\n' ' ')
		if [ "$settings" == "$loc $loc ru_RU.UTF-8 $loc $loc " ]; then
			ok "$loc: cluster initialised with lc_collate, lc_ctype, lc_time, lc_numeric $loc and lc_messages ru_RU.UTF-8"
		else
			notok "$loc: cluster settings: $settings"
		fi
		# PostgreSQL's own messages come out in Russian there (what the tests must not read)
		msg=$(psql -X -At -d postgres -c 'SELECT 1/0' 2>&1)
		if [[ "$msg" == *деление* ]]; then
			ok "$loc: the server speaks Russian (\"$msg\")"
		else
			echo "# $loc: the server's messages are not translated here (no postgres-15.mo): \"$msg\""
		fi
		# One registry in a database with LC_COLLATE/LC_CTYPE C and in one with the
		# cluster's locale: Appendix 8 (CSV, kk and ru) and code_of() give the same
		# text in both, and the Kazakh form lists Ғылым and Қаржы before Экономика.
		form_of() {
			psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" <<'SQL'
SET client_min_messages = error;   -- not the WARNING of adopted ic_* roles (it names the first database)
CREATE EXTENSION instruction_control;
SET client_min_messages = warning;
SET search_path = instruction_control, public;
SET instruction_control.calendar = 'KZ';
INSERT INTO state_body (code, name, body_type, sector) VALUES
  ('C-GOV', 'Government', 'government', NULL), ('C-EC', 'Economy', 'central', 'economy'),
  ('C-SC', 'Science', 'central', 'science'), ('C-FI', 'Finance', 'central', 'finance'),
  ('C-AG', 'Agriculture', 'central', 'agriculture'), ('C-X', 'Agency X', 'central', 'Custom sector');
\o /dev/null
SELECT put_on_control('event', 'government', '2025-03-03', term => '10 wd', responsible_body_id => b.id,
                      controlling_body_id => (SELECT id FROM state_body WHERE code = 'C-GOV'), content => 'Measure ' || b.code)
  FROM state_body b WHERE b.code <> 'C-GOV' ORDER BY b.code COLLATE "C";
SELECT transfer_control(i.id, 'medium_term', '2027-12-24', 'prime_minister', 'letter 1', 'the harvest failed', decided_on => '2025-03-05', evidence => '{pa_expert_conclusion}')
  FROM instruction i JOIN state_body b ON b.id = i.responsible_body_id AND b.code = 'C-SC';
\o
DO $$
BEGIN
  INSERT INTO instruction_control.vocabulary_synonym VALUES ('decider', 'РАП', 'head_of_pa');
  RAISE WARNING 'a synonym in capitals is accepted';
EXCEPTION WHEN check_violation THEN
  RAISE WARNING 'a synonym in capitals is refused';
END
$$;
SQL
			show_form "$1"
		}
		show_form() {
			psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" <<'SQL'
SET search_path = instruction_control, public;
SELECT form_annual_summary_csv(b.id, 2025, 'kk') FROM state_body b WHERE b.code = 'C-GOV';
SELECT form_annual_summary_csv(b.id, 2025, 'ru') FROM state_body b WHERE b.code = 'C-GOV';
SELECT code_of('decider', 'ПРЕМЬЕР-МИНИСТР');
SQL
		}
		dropdb --if-exists ic_coll_c >/dev/null 2>&1; dropdb --if-exists ic_coll_locale >/dev/null 2>&1
		if createdb -T template0 --lc-collate=C --lc-ctype=C ic_coll_c && createdb -T template0 ic_coll_locale &&
			form_of ic_coll_c >"$log.form_c.txt" 2>&1 && form_of ic_coll_locale >"$log.form_locale.txt" 2>&1; then
			if diff "$log.form_c.txt" "$log.form_locale.txt" >"$log.form.diff"; then
				ok "$loc: Appendix 8 (kk, ru) and code_of() give the same text in a C database and a $loc one"
			else
				notok "$loc: Appendix 8 differs between a C database and a $loc one: $(head -6 "$log.form.diff" | tr '\n' ' ')"
			fi
			order=$(grep -oE '"?(Ауыл шаруашылығы|Ғылым|Қаржы|Экономика) саласында' "$log.form_locale.txt" | tr -d '"' | tr '\n' ',')
			if [ "$order" == "Ауыл шаруашылығы саласында,Ғылым саласында,Қаржы саласында,Экономика саласында," ]; then
				ok "$loc: the Kazakh form follows the Kazakh alphabet (Ғылым, Қаржы before Экономика)"
			else
				notok "$loc: the Kazakh form's sectors: $order"
			fi
		else
			notok "$loc: the registry in a C and a $loc database: $(tail -3 "$log.form_c.txt" "$log.form_locale.txt" 2>/dev/null | tr '\n' ' ')"
		fi
		# One dump, one form: the C database's dump restored into a $loc database
		# (the collations come with CREATE EXTENSION, not from the dump)
		dropdb --if-exists ic_coll_restored >/dev/null 2>&1
		if pg_dump -Fc -d ic_coll_c -f "$log.dump" >"$log.restore.log" 2>&1 && createdb -T template0 ic_coll_restored &&
			PGOPTIONS='-c instruction_control.restore_mode=on' pg_restore --exit-on-error -d ic_coll_restored "$log.dump" >>"$log.restore.log" 2>&1 &&
			show_form ic_coll_restored >"$log.form_restored.txt" 2>&1 &&
			diff <(show_form ic_coll_c 2>&1) "$log.form_restored.txt" >>"$log.restore.log"; then
			ok "$loc: a C database's dump restored into a $loc database gives the same Appendix 8"
		else
			notok "$loc: the C database's dump restored into a $loc one: $(tail -6 "$log.restore.log" | tr '\n' ' ')"
		fi
		dropdb --if-exists ic_coll_c >/dev/null 2>&1; dropdb --if-exists ic_coll_locale >/dev/null 2>&1
		dropdb --if-exists ic_coll_restored >/dev/null 2>&1

		rm -f regression.diffs regression.out
		if make installcheck ISOLATION= >"$log.regress.log" 2>&1; then rc=0; else rc=1; fi
		cp regression.diffs "$log.regression.diffs" 2>/dev/null
		cp results/pgtap.tap "$log.pgtap.tap" 2>/dev/null
		r_ok=$(grep -cE '^(test| ) *[^ ].* \.\.\. ok' "$log.regress.log" || true)
		r_bad=$(grep -cE '\.\.\. FAILED' "$log.regress.log" || true)
		if [ $rc -eq 0 ] && [ "$r_bad" -eq 0 ] && [ "$r_ok" -gt 0 ]; then
			ok "$loc: make installcheck: $r_ok regression tests pass (the pgTAP suites among them)"
		else
			notok "$loc: make installcheck: $r_bad failed: $(grep -E '\.\.\. FAILED' "$log.regress.log" | tr -s ' ' | tr '\n' ';') (diffs: ${log#$repo/}.regression.diffs)"
			head -n 60 "$log.regression.diffs" 2>/dev/null
		fi
		t_ok=$(grep -cE '^ *ok [0-9]+' "$log.pgtap.tap" 2>/dev/null || true)
		t_bad=$(grep -cE '^ *not ok [0-9]+' "$log.pgtap.tap" 2>/dev/null || true)
		if grep -qE '^Result: PASS' "$log.pgtap.tap" 2>/dev/null && [ "$t_bad" -eq 0 ]; then
			ok "$loc: pgTAP: $t_ok assertions pass"
		else
			notok "$loc: pgTAP: $t_bad assertions fail: $(grep -E '^ *not ok' "$log.pgtap.tap" 2>/dev/null | head -5 | tr '\n' ';')"
		fi
		exit "$failed"
	)
	failed=$((failed + $?))
	IC_PORT=$port bash scripts/cluster.sh destroy "$name" >/dev/null 2>&1
	port=$((port + 1))
done

exit $((failed > 0))
