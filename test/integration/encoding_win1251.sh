#!/usr/bin/env bash
# The extension in a database whose encoding is not UTF-8: WIN1251, common in
# Russian-language registries.  The install script is ASCII and writes its texts
# through unicode_text() (README, Encodings), so CREATE EXTENSION works there,
# every Russian text is the same as in a UTF-8 database and every Kazakh text is
# the same but for the letters WIN1251 lacks (ә->а, ғ->г, қ->к, ң->н, ө->о, ұ->у,
# ү->у, һ->х; і stays).  Input of the domain types is read in the server encoding,
# the registry works, the forms come out in Russian, and a dump reloads into
# another WIN1251 database with the same texts.  psql talks UTF-8 to the server
# (PGCLIENTENCODING), so every expected string below is UTF-8.
#
# Runs with the PG* variables of a running cluster (scripts/test.sh, stage 8).
set -uo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work="$repo/.cluster/logs/encoding_win1251"
rm -rf "$work"
mkdir -p "$work"
export PGCLIENTENCODING=UTF8
db=ic_enc_win1251
db_restore=ic_enc_win1251_restore
db_utf8=ic_enc_utf8
db_latin1=ic_enc_latin1
failed=0
ok() { echo "ok - $*"; }
notok() { echo "not ok - $*"; failed=$((failed + 1)); }

cleanup() {
	for d in "$db" "$db_restore" "$db_utf8" "$db_latin1"; do dropdb --if-exists "$d" >/dev/null 2>&1; done
}
cleanup

# q DB SQL: the result of the last statement, unaligned, search_path set.
q() {
	PGOPTIONS='-c search_path=instruction_control,public' \
		psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2" 2>&1
}
# is DESCRIPTION ACTUAL EXPECTED
is() {
	if [ "$2" == "$3" ]; then ok "$1"; else notok "$1: got '$2', expected '$3'"; fi
}

# What the Kazakh fallback does to a text, computed in the UTF-8 database.
KK_FROM='ӘәҒғҚқҢңӨөҰұҮүҺһ'
KK_TO='АаГгКкНнОоУуУуХх'

if createdb -E WIN1251 -T template0 --lc-collate=C --lc-ctype=C "$db" >"$work/createdb.log" 2>&1 &&
	createdb -E UTF8 -T template0 --lc-collate=C --lc-ctype=C "$db_utf8" >>"$work/createdb.log" 2>&1; then
	ok "databases in WIN1251 and UTF8 created"
else
	notok "databases in WIN1251 and UTF8 created: $(cat "$work/createdb.log")"
	exit 1
fi
is "the database's encoding is WIN1251" "$(q "$db" 'SHOW server_encoding')" "WIN1251"

if q "$db" 'CREATE EXTENSION instruction_control' >"$work/create.log" &&
	q "$db_utf8" 'CREATE EXTENSION instruction_control' >>"$work/create.log"; then
	ok "CREATE EXTENSION succeeds in the WIN1251 database (and in UTF8)"
else
	notok "CREATE EXTENSION in WIN1251: $(head -5 "$work/create.log")"
	cleanup
	exit 1
fi

# --- seeded texts: Russian exact, Kazakh by the fallback ----------------------
is "label of a control level in Russian (C)" "$(q "$db" "SELECT label('pa'::control_level, 'ru')")" "Администрация Президента"
is "label of an instruction kind in Russian (C)" "$(q "$db" "SELECT label('personal'::instruction_kind, 'ru')")" \
	"$(q "$db_utf8" "SELECT label('personal'::instruction_kind, 'ru')")"
is "label of a decider in Russian" "$(q "$db" "SELECT label('decider', 'head_of_pa', 'ru')")" "Руководитель Администрации Президента"
is "label of a decision kind in Russian" "$(q "$db" "SELECT label('decision_kind', 'extension', 'ru')")" "Продление срока"
is "label in Kazakh: the fallback of Kazakh letters (Әкімшілігі -> Акімшілігі; і stays)" \
	"$(q "$db" "SELECT label('pa'::control_level, 'kk')")" "Президент Акімшілігі"
is "label of a decider in Kazakh with the fallback" "$(q "$db" "SELECT label('decider', 'head_of_pa', 'kk')")" \
	"Президент Акімшілігінін Басшысы"
is "the same label in the UTF8 database is the source's, byte for byte" \
	"$(q "$db_utf8" "SELECT label('decider', 'head_of_pa', 'kk')")" "Президент Әкімшілігінің Басшысы"
is "unicode_text(): a Kazakh letter missing in WIN1251 becomes its Russian letter, і stays" \
	"$(q "$db" "SELECT unicode_text('\\04D9\\049B\\0456\\0436')")" "акіж"

# Every seeded text, row by row: the WIN1251 database holds what the UTF8 one
# holds, with the fallback applied (translate() in the UTF8 database).
compare_seeded() {
	local what=$1 sql=$2
	q "$db_utf8" "SELECT translate(t, '$KK_FROM', '$KK_TO') FROM ($sql) s(t)" >"$work/$what.utf8"
	q "$db" "$sql" >"$work/$what.win1251"
	local n
	n=$(wc -l <"$work/$what.utf8")
	if [ "$n" -gt 0 ] && ! grep -q '^ERROR' "$work/$what.utf8" "$work/$what.win1251" && grep -qP '[\x{0400}-\x{04FF}]' "$work/$what.utf8" &&
		diff "$work/$what.utf8" "$work/$what.win1251" >"$work/$what.diff"; then
		ok "$what: $n rows, Russian texts equal, Kazakh texts equal but for the fallback letters"
	else
		notok "$what: differs (see ${work#$repo/}/$what.diff): $(head -4 "$work/$what.diff")"
	fi
}
compare_seeded vocabulary "SELECT v::text FROM vocabulary v ORDER BY domain, code"
compare_seeded rule_titles "SELECT r::text FROM rule r ORDER BY id"
compare_seeded calendar_days "SELECT c::text FROM calendar_day c WHERE name_ru IS NOT NULL ORDER BY calendar, day"
compare_seeded holiday_rules "SELECT r::text FROM calendar_holiday_rule r ORDER BY r::text COLLATE \"C\""
compare_seeded code_labels "SELECT r::text FROM report_code_label r ORDER BY domain, code"
compare_seeded sector_headings "SELECT sector_heading(s, 'kk') || ' / ' || sector_heading(s, 'ru') FROM unnest(ARRAY['labour and social protection', 'health care', 'education', 'science', 'finance', 'economy', 'agriculture', 'energy', 'digital development', 'transport', 'culture', 'justice', 'internal affairs', 'regional development', 'ecology', NULL]) WITH ORDINALITY u(s, n) ORDER BY n"
compare_seeded comments "SELECT pg_describe_object(d.classoid, d.objoid, d.objsubid) || ': ' || d.description
	FROM pg_description d JOIN pg_depend e ON e.classid = d.classoid AND e.objid = d.objoid AND e.deptype = 'e'
	 AND e.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'instruction_control')
	ORDER BY pg_describe_object(d.classoid, d.objoid, d.objsubid) COLLATE \"C\""
is "a date as a Russian form writes it" "$(q "$db" "SELECT report_long_date('2024-09-02', 'ru')")" "2 сентября 2024 года"
is "a date as a Kazakh form writes it, by the fallback" "$(q "$db" "SELECT report_long_date('2024-09-02', 'kk')")" "2024 жылгы 2 кыркуйектегі"

# --- input in the server encoding --------------------------------------------
is "term in Russian: '10 рабочих дней'" "$(q "$db" "SELECT '10 рабочих дней'::term")" "10 working days"
is "term in Russian: '14 календарных дней', '2 недели', '6 месяцев'" \
	"$(q "$db" "SELECT '14 календарных дней'::term || ', ' || '2 недели'::term || ', ' || '6 месяцев'::term")" \
	"14 days, 2 weeks, 6 months"
is "term in English: '10 working days', '10 wd'" "$(q "$db" "SELECT '10 working days'::term = '10 wd'::term")" "t"
is "term in Kazakh words WIN1251 can hold: '2 апта', '6 ай'" \
	"$(q "$db" "SELECT '2 апта'::term || ', ' || '6 ай'::term")" "2 weeks, 6 months"
is "term in Kazakh written with the fallback letters: '10 жумыс куні'" "$(q "$db" "SELECT '10 жумыс куні'::term")" "10 working days"
is "every Kazakh label of a control level, as stored in WIN1251, reads back as its level" \
	"$(q "$db" "SELECT count(*) FILTER (WHERE label(l, 'kk')::control_level = l) || '/' || count(*) FROM control_levels() l")" "5/5"
is "every Kazakh and Russian label of an instruction kind reads back as its kind" \
	"$(q "$db" "SELECT count(*) FILTER (WHERE label(k, 'kk')::instruction_kind = k AND label(k, 'ru')::instruction_kind = k) || '/' || count(*) FROM instruction_kinds() k")" "8/8"
is "point_ref with the Kazakh word written with the fallback letters: 'тармак 42-1'" "$(q "$db" "SELECT 'тармак 42-1'::point_ref")" "42-1"
is "control_level by a Russian name: 'Администрация Президента', 'акимат'" \
	"$(q "$db" "SELECT 'Администрация Президента'::control_level || ' ' || 'акимат'::control_level")" "pa local"
is "instruction_kind by a Russian name: 'Личное поручение', 'Пункт акта'" \
	"$(q "$db" "SELECT 'Личное поручение'::instruction_kind || ' ' || 'Пункт акта'::instruction_kind")" "personal act_point"
is "point_ref with the Russian word пункт" "$(q "$db" "SELECT 'пункт 42-1'::point_ref")" "42-1"
is "code_of() by a Russian label" "$(q "$db" "SELECT code_of('decider', 'Руководитель Администрации Президента')")" "head_of_pa"
is "code_of() by the stored Kazakh label" "$(q "$db" "SELECT code_of('decider', 'Президент Акімшілігінін Басшысы')")" "head_of_pa"
err=$(q "$db" "SELECT 'десять дней'::term")
if grep -q 'invalid input syntax for type term: "десять дней"' <<<"$err" && grep -q "'10 рабочих дней'" <<<"$err" &&
	grep -q "'10 жумыс куні'" <<<"$err"; then
	ok "a bad term: the message and hint are readable (Russian exact, Kazakh by the fallback)"
else
	notok "a bad term's message and hint: $err"
fi

# --- the registry --------------------------------------------------------------
body=$(q "$db" "INSERT INTO state_body (code, name, name_ru, body_type, sector)
	VALUES ('ENC-MF', 'Ministry of Finance', 'Министерство финансов', 'central', 'finance') RETURNING id")
put=$(q "$db" "SELECT id || ' ' || due_date FROM put_on_control('act_point', 'central', '2025-03-03',
	term => '10 рабочих дней', responsible_body_id => $body, content => 'Обеспечить цифровизацию услуг')")
id=${put%% *}
is "put_on_control with a Russian term: the deadline of '10 wd' (ten working days from receipt; 8 March is a holiday)" "${put#* }" "$(q "$db_utf8" "SELECT add_working_days('2025-03-03', 10)")"
err=$(q "$db" "SELECT * FROM extend_deadline($id, '2025-04-15', 'first_head', E'\\u00a0 \\u00a0', decided_on => '2025-03-12')")
if grep -q 'has no basis (R69.1)' <<<"$err"; then
	ok "a basis of no-break spaces is blank in WIN1251 too (R69.1)"
else
	notok "a basis of no-break spaces is refused as blank: $err"
fi
is "extend_deadline with a Russian basis" \
	"$(q "$db" "SELECT new_due_date FROM extend_deadline($id, '2025-04-15', 'first_head', 'заключение № 12', decided_on => '2025-03-12', evidence => '{pa_expert_conclusion}')")" \
	"2025-04-15"
is "remove_from_control" \
	"$(q "$db" "SELECT ground FROM remove_from_control($id, 'executed', 'first_head', '{official_report}', 'отчёт от 14.04.2025', decided_on => '2025-04-14')")" \
	"executed"
is "the instruction is removed and its basis is stored in Russian" \
	"$(q "$db" "SELECT i.status || ' ' || d.basis FROM instruction i JOIN decision d ON d.instruction_id = i.id AND d.kind = 'extension' WHERE i.id = $id")" \
	"removed заключение № 12"

# --- a form in Russian ---------------------------------------------------------
q "$db" "SELECT form_annual_summary_html($body, 2025, 'ru')" >"$work/annual_ru.html"
if grep -q '<title>Ежегодный сводный отчёт</title>' "$work/annual_ru.html" &&
	grep -q 'Министерство финансов' "$work/annual_ru.html" &&
	grep -q 'Обеспечить цифровизацию услуг' "$work/annual_ru.html" &&
	grep -q 'В сфере финансов' "$work/annual_ru.html"; then
	ok "form_annual_summary_html in Russian: title, body, sector heading and the instruction"
else
	notok "form_annual_summary_html in Russian (see ${work#$repo/}/annual_ru.html)"
fi
is "form_annual_summary in Russian: the status label" \
	"$(q "$db" "SELECT status_label FROM form_annual_summary($body, 2025, 'ru')")" "исполнено"
is "form_annual_summary_csv in Kazakh: the header by the fallback" \
	"$(q "$db" "SELECT split_part(form_annual_summary_csv($body, 2025, 'kk'), ',', 3)")" "Тапсырманын деректемелері"
is "form_annual_summary_csv for Excel: ';' between the fields (issue 17, item 5)" \
	"$(q "$db" "SELECT split_part(form_annual_summary_csv($body, 2025, 'ru', delimiter => ';'), ';', 3)")" "Реквизиты поручения"
is "form_annual_summary_csv: no UTF-8 byte order mark in a WIN1251 database (IC306)" \
	"$(q "$db" "DO \$\$ BEGIN PERFORM form_annual_summary_csv($body, 2025, 'ru', bom => true);
	            EXCEPTION WHEN SQLSTATE 'IC306' THEN RAISE NOTICE 'refused: %', SQLERRM; END \$\$")" \
	"NOTICE:  refused: a byte order mark is written for UTF-8 only"

# --- dump and restore into another WIN1251 database ----------------------------
snapshot() {
	q "$1" "SELECT string_agg(t, E'\\n' ORDER BY t COLLATE \"C\") FROM (
	  SELECT 'vocabulary ' || v::text FROM vocabulary v UNION ALL
	  SELECT 'label ' || l::text || ' ' || label(l, 'kk') || ' / ' || label(l, 'ru') FROM control_levels() l UNION ALL
	  SELECT 'body ' || b::text FROM state_body b UNION ALL
	  SELECT 'instruction ' || i::text FROM instruction i UNION ALL
	  SELECT 'decision ' || d::text FROM decision d) s(t)"
}
# the dump in the database's own encoding (PGCLIENTENCODING above says UTF8): a
# restore_mode restore of text in another encoding into a WIN1251 database is
# refused on every table alike (IC005, test/integration/restore_paths.sh)
if pg_dump -E WIN1251 -Fc -d "$db" -f "$work/win1251.dump" >"$work/dump.log" 2>&1 &&
	createdb -E WIN1251 -T template0 --lc-collate=C --lc-ctype=C "$db_restore" >>"$work/dump.log" 2>&1 &&
	PGOPTIONS='-c instruction_control.restore_mode=on' pg_restore --exit-on-error -d "$db_restore" "$work/win1251.dump" >>"$work/dump.log" 2>&1; then
	ok "pg_dump of the WIN1251 database restores into another WIN1251 database"
else
	notok "pg_dump and pg_restore in WIN1251: $(tail -5 "$work/dump.log")"
fi
snapshot "$db" >"$work/before.txt"
snapshot "$db_restore" >"$work/after.txt"
if [ -s "$work/before.txt" ] && diff "$work/before.txt" "$work/after.txt" >"$work/restore.diff"; then
	ok "after the restore: the same labels, bodies, instructions and decisions ($(wc -l <"$work/before.txt") rows)"
else
	notok "after the restore the texts differ: $(head -4 "$work/restore.diff")"
fi

# --- any other encoding: no error, '?' where even the fallback is missing -------
if createdb -E LATIN1 -T template0 --lc-collate=C --lc-ctype=C "$db_latin1" >"$work/latin1.log" 2>&1 &&
	q "$db_latin1" 'CREATE EXTENSION instruction_control' >>"$work/latin1.log"; then
	is "LATIN1: CREATE EXTENSION succeeds; Cyrillic labels become '?'" \
		"$(q "$db_latin1" "SELECT label('decision_kind', 'extension', 'ru') || ' / ' || label('decision_kind', 'extension', 'en')")" \
		"????????? ????? / Extension of the deadline"
else
	notok "CREATE EXTENSION in a LATIN1 database: $(tail -3 "$work/latin1.log")"
fi

cleanup
[ "$failed" -eq 0 ]
