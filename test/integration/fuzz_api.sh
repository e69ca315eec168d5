#!/usr/bin/env bash
# SQL-level random fuzzer of instruction_control against a running cluster.
#
#   eval "$(bash scripts/cluster.sh env test)"      # the PG* variables (scripts/test.sh stage 8 sets them)
#   bash test/integration/fuzz_api.sh               # seed 12, 2 x 1500 statements
#   IC_FUZZ_SEED=7 IC_FUZZ_CALLS=5000 bash test/integration/fuzz_api.sh
#
# Generates, from a printed seed (the same seed gives the same statements),
# random calls of the API (put_on_control ... record_decisions,
# extend_deadlines, who_may_decide, import_*), of the types' input functions
# and of the calendar functions, with hostile arguments: random bytes made
# valid UTF-8, look-alike letters, white space of every kind, overlong text,
# extreme numbers, dates from -infinity to infinity, NULLs, arrays with NULLs
# and of mismatched lengths.  Each call is its own top-level statement, run
# once as an ordinary role (SET ROLE; the table privileges a registry clerk
# has) and once as the superuser, in a scratch database with a small registry
# (demo/30_registry.sql).  Calls that change the calendar run in a transaction
# that is rolled back.  The superuser also sends random binary values to the
# types' receive functions (COPY ... FORMAT binary of a file it writes).
#
# Checks: the server never crashes (the session stays up to the last
# statement; pg_postmaster_start_time() unchanged), and every error has an
# allowed SQLSTATE: classes 22 (data), 23 (integrity), 42 (syntax, privilege),
# IC0xx/IC1xx (the extension's), 2BP01, 40001, and 08P01 for a binary value
# cut short (as PostgreSQL's own types answer).  XX000, XX001, 58xxx and
# anything else fail the script.  Prints "ok - ..." / "not ok - ..." lines
# and exits non-zero on a failure.
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seed=${IC_FUZZ_SEED:-12}
calls=${IC_FUZZ_CALLS:-1500}
db=ic_fuzz_api
clerk=ic_fuzz_clerk
work=$(mktemp -d "${TMPDIR:-/tmp}/ic_fuzz_api.XXXXXX")
failures=0

ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; failures=$((failures + 1)); }

echo "# fuzz_api: seed $seed, $calls statements as $clerk and $calls as superuser (work dir $work)"

psql_su() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# ---------------------------------------------------------------------------
# Scratch database, roles, a small registry
# ---------------------------------------------------------------------------
setup() {
	dropdb --if-exists "$db" &&
	createdb "$db" &&
	psql_su -d postgres -c "DO \$\$ BEGIN
		IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$clerk') THEN
		  CREATE ROLE $clerk NOLOGIN; END IF; END \$\$" &&
	psql_su -d "$db" <<SQL &&
CREATE EXTENSION instruction_control;
GRANT USAGE ON SCHEMA instruction_control TO $clerk;
GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA instruction_control TO $clerk;
GRANT UPDATE ON instruction_control.instruction TO $clerk;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA instruction_control TO $clerk;
SQL
	psql -X -q -d "$db" -f "$repo/demo/30_registry.sql" >/dev/null 2>&1 &&
	psql_su -d "$db" <<'SQL'
SET search_path = instruction_control, public;
-- a few more instructions in other states: personal, state secret, long-term, imported
INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central');
SELECT count(*) FROM (
  SELECT put_on_control('personal', 'pa', '2025-03-03', signed_on => '2025-03-01', deadline_source => 'two_weeks', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45')) UNION ALL
  SELECT put_on_control('act_point', 'central', '2025-04-01', term => '3 months') UNION ALL
  SELECT put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', secrecy => 'state_secret', paper_card_ref => 'PC-1', pa_unit => 'Бақылау бөлімі', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45')) UNION ALL
  SELECT import_instruction('act_point', 'pa', '2019-03-01', '2019-03-15', external_ref => 'OLD-1')) s;
SQL
}
if setup >"$work/setup.log" 2>&1; then
	ok "scratch database $db with a registry, role $clerk"
else
	not_ok "setup (log $work/setup.log)"
	cat "$work/setup.log"
	exit 1
fi
ninstr=$(psql -X -At -d "$db" -c "SELECT coalesce(max(id), 1) FROM instruction_control.instruction")
start_time=$(psql -X -At -d "$db" -c "SELECT pg_postmaster_start_time()")

# ---------------------------------------------------------------------------
# The generator (Perl: PostgreSQL's own tools need it, so it is there)
# ---------------------------------------------------------------------------
# Writes one psql script: each statement followed by "\echo N :SQLSTATE";
# and the statements themselves, one per line, to look up failures.
generate() {
	local seed=$1 n=$2 script=$3 list=$4 superuser=$5
	perl -MEncode -e '
use strict; use warnings; use utf8;
my ($seed, $n, $ninstr, $script, $list, $superuser) = @ARGV;
srand($seed);
sub pick { return $_[int(rand(@_))]; }
sub chance { return rand() < $_[0]; }

# A string as an ASCII-only E'\''...'\'' literal (never a NUL).
sub lit {
	my ($s) = @_;
	return "NULL" unless defined $s;
	my $out = "";
	for my $ch (split //, $s) {
		my $c = ord($ch);
		next if $c == 0;
		if ($c == 39) { $out .= "\x27\x27"; }
		elsif ($c == 92) { $out .= "\\\\"; }
		elsif ($c >= 32 && $c < 127) { $out .= $ch; }
		elsif ($c <= 0xFFFF) { $out .= sprintf("\\u%04x", $c); }
		else { $out .= sprintf("\\U%08x", $c); }
	}
	# a long literal is written as repeat() so that the script stays small
	return "E\x27$out\x27";
}

my @words = ("10 wd", "10 working days", "14 days", "2 weeks", "6 months", "10 рабочих дней",
	"10 жұмыс күні", "6 ай", "pa", "central", "local", "government", "PA", "Президент Әкімшілігі",
	"act_point", "personal", "security_council", "national_plan", "1.42-1", "3.5)", "2", "1.",
	"KZ", "kz", "head_of_pa", "president", "akim", "executed", "official_report", "extension",
	"long_term", "quarantine", "local", "final", "none", "state_secret", "en", "kk", "ru");
my @spaces = (0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x2007, 0x202F, 0x200B, 0xFEFF, 0x3000, 0x2028, 0x85);
my @lookalike = (0x0430, 0x0435, 0x043E, 0x0440, 0x0441, 0x0410, 0x0420, 0x0421, 0x041E,
	0x04D9, 0x0493, 0x049B, 0x04A3, 0x04E9, 0x04B1, 0x04AF, 0x04BB, 0x0456, 0x0406, 0xFF11, 0x2010, 0x2212);

sub random_char {
	my $r = rand();
	return chr(32 + int(rand(95))) if $r < 0.35;
	return chr(pick(@spaces)) if $r < 0.5;
	return chr(pick(@lookalike)) if $r < 0.6;
	return chr(1 + int(rand(31))) if $r < 0.65;
	return chr(0x400 + int(rand(0x100))) if $r < 0.75;
	return chr(0x80 + int(rand(0x180))) if $r < 0.85;
	if ($r < 0.95) { my $c; do { $c = 1 + int(rand(0xFFFE)); } while ($c >= 0xD800 && $c <= 0xDFFF); return chr($c); }
	return chr(0x10000 + int(rand(0x100000 - 1)));
}

# Random bytes made valid UTF-8 (malformed sequences become U+FFFD).
sub garbage_bytes {
	my $len = int(rand(40));
	my $bytes = join "", map { chr(1 + int(rand(255))) } 1 .. $len;
	return Encode::decode("UTF-8", $bytes);
}

sub hostile_text {
	my $r = rand();
	return undef if $r < 0.06;
	return "" if $r < 0.1;
	return pick(@words) if $r < 0.3;
	if ($r < 0.45) {			# a word bent: case, spaces, look-alikes, digits
		my $w = pick(@words);
		$w = uc($w) if chance(0.3);
		$w = chr(pick(@spaces)) . $w . chr(pick(@spaces)) if chance(0.4);
		my @c = split //, $w;
		$c[int(rand(@c))] = random_char() if @c && chance(0.6);
		return join "", @c;
	}
	if ($r < 0.55) { return join "", map { chr(pick(@spaces)) } 1 .. 1 + int(rand(6)); }
	if ($r < 0.65) { return pick("", "-", "+", "0", "00") . pick(0, 1, 9999, 10000, 10001, 2147483647, 2147483648,
		"99999999999999999999999", "-1", "1e9", "0x1F") . pick(" days", " wd", " months", "", ".1", ".", " weeks"); }
	if ($r < 0.75) { return garbage_bytes(); }
	if ($r < 0.8) { return pick(@words) x (1 + int(rand(300))); }	# overlong
	return join "", map { random_char() } 1 .. int(rand(24));
}

sub text_arg { my $t = hostile_text(); return lit($t); }
sub long_text_arg {			# overlong as an expression
	return chance(0.5) ? "repeat(" . lit(pick(@words, "x", " ")) . ", " . pick(1000, 100000, 1048576) . ")"
	                   : text_arg();
}

sub int_arg {
	return pick("NULL", 0, 1, -1, 2, 10, 10000, 10001, 2147483647, -2147483648, "(-2147483647 - 1)",
		int(rand(100)) - 50, int(rand(2**31)) * pick(1, -1));
}
sub id_arg {
	return pick("NULL", 0, -1, 1 + int(rand($ninstr)), 1 + int(rand($ninstr)), 1 + int(rand($ninstr)),
		$ninstr + 1, "9223372036854775807", "(-9223372036854775807 - 1)", int(rand(2**31)));
}
sub date_arg {
	my $r = rand();
	return "NULL" if $r < 0.06;
	return pick("\x27infinity\x27::date", "\x27-infinity\x27::date", "\x274713-01-01 BC\x27::date",
		"\x275874897-12-31\x27::date", "\x271999-12-31\x27::date", "\x272000-01-01\x27::date",
		"\x272075-12-31\x27::date", "\x272076-01-01\x27::date", "\x272024-01-31\x27::date",
		"\x272024-02-01\x27::date", "\x272024-02-29\x27::date", "current_date") if $r < 0.3;
	my ($y0, $span) = $r < 0.85 ? (2024, 3) : (1900, 250);
	return sprintf("\x27%04d-%02d-%02d\x27::date", $y0 + int(rand($span)), 1 + int(rand(12)), 1 + int(rand(28)));
}
sub code_arg {			# a vocabulary code: valid, or a hostile one
	my @codes = @_;
	return chance(0.6) ? lit(pick(@codes)) : text_arg();
}
my @deciders = qw(president head_of_pa secretary_sc state_counsellor head_of_presidents_office
	assistant_or_adviser pa_unit_head prime_minister deputy_prime_minister head_of_government_office first_head akim);
my @kinds = ("act_point", "personal", "security_council", "national_plan", "meeting", "Актінің тармағы");
my @levels = ("pa", "central", "local", "government");
my @evidence = qw(official_report act_adopted law_signed pa_unit_memo executor_final_report
	pa_expert_conclusion event_held new_instruction control_passed_decision);

sub array_of {
	my ($gen, $type) = @_;
	my $r = rand();
	return "NULL::$type\[\]" if $r < 0.08;
	return "\x27{}\x27::$type\[\]" if $r < 0.16;
	my @e = map { chance(0.1) ? "NULL" : $gen->() } 1 .. 1 + int(rand(4));
	return "ARRAY[" . join(", ", @e) . "]::$type\[\]";
}
sub cal_arg { return chance(0.7) ? "" : ", " . code_arg("KZ", "XX", "kz", ""); }
sub term_arg { return chance(0.5) ? lit(pick(@words[0..7])) . "::term" : text_arg() . "::term"; }

my @gens = (
	# the types input functions
	sub { "SELECT " . text_arg() . "::term" },
	sub { "SELECT " . text_arg() . "::control_level" },
	sub { "SELECT " . text_arg() . "::instruction_kind" },
	sub { "SELECT " . text_arg() . "::point_ref" },
	sub { "SELECT " . long_text_arg() . "::" . pick("term", "control_level", "instruction_kind", "point_ref") },
	sub { "SELECT term_count(" . text_arg() . "::term), term_unit(" . text_arg() . "::term)" },
	sub { "SELECT point_ref(" . int_arg() . ")" },
	sub { "SELECT parent(" . text_arg() . "::point_ref), depth(" . text_arg() . "::point_ref)" },
	sub { "SELECT " . text_arg() . "::point_ref @> " . text_arg() . "::point_ref" },
	sub { "SELECT label(" . text_arg() . "::control_level, " . text_arg() . ")" },
	sub { "SELECT label(" . text_arg() . "::instruction_kind, " . text_arg() . ")" },
	sub { "SELECT label(" . text_arg() . ", " . text_arg() . ", " . text_arg() . ")" },
	sub { "SELECT code_of(" . code_arg("decider", "removal_ground", "evidence_kind") . ", " . text_arg() . ")" },
	# the calendar
	sub { "SELECT add_working_days(" . date_arg() . ", " . int_arg() . cal_arg() . ")" },
	sub { "SELECT working_days_between(" . date_arg() . ", " . date_arg() . cal_arg() . ")" },
	sub { "SELECT roll_forward(" . date_arg() . cal_arg() . ")" },
	sub { "SELECT roll_backward(" . date_arg() . cal_arg() . ")" },
	sub { "SELECT is_working_day(" . date_arg() . cal_arg() . ")" },
	sub { "SELECT is_confirmed(" . date_arg() . cal_arg() . ")" },
	sub { "SELECT count(*) FROM working_days(" . date_arg() . ", " . date_arg() . cal_arg() . ")" },
	sub { "SELECT deadline(" . date_arg() . ", " . term_arg() . cal_arg() . ")" },
	sub { "SELECT " . date_arg() . " + " . term_arg() },
	sub { "SELECT count(*) FROM kurban_ait_estimate(" . int_arg() . ")" },
	sub { "SELECT set_config(\x27instruction_control.calendar\x27, " . code_arg("KZ", "XX", "K Z") . ", true), add_working_days("
		. date_arg() . ", " . int_arg() . ")" },
	sub { "BEGIN;\nSELECT generate_calendar_year(" . code_arg("KZ", "XX") . ", " . pick(int_arg(), 2076, 1999) . ")" },
	sub { "BEGIN;\nSELECT extend_calendar(" . code_arg("KZ", "XX") . ", " . pick(int_arg(), 2077, 2080) . ")" },
	sub { "BEGIN;\nSELECT add_transfer(" . code_arg("KZ", "XX") . ", " . date_arg() . ", " . date_arg() . ", " . text_arg() . ")" },
	sub { "BEGIN;\nSELECT confirm_calendar_year(" . code_arg("KZ", "XX") . ", " . int_arg() . ", " . text_arg() . ")" },
	# the API
	sub { "SELECT id FROM put_on_control(" . code_arg(@kinds) . ", " . code_arg(@levels) . ", " . date_arg()
		. (chance(0.7) ? ", term => " . term_arg() : "") . (chance(0.3) ? ", due_date => " . date_arg() : "")
		. (chance(0.3) ? ", deadline_source => " . code_arg("term", "act", "two_weeks", "pa") : "")
		. (chance(0.2) ? ", point => " . text_arg() . "::point_ref" : "")
		. (chance(0.2) ? ", signed_on => " . date_arg() : "")
		. (chance(0.2) ? ", responsible_body_id => " . id_arg() : "")
		. (chance(0.2) ? ", co_executor_ids => " . array_of(\&id_arg, "bigint") : "")
		. (chance(0.2) ? ", parent_id => " . id_arg() : "")
		. (chance(0.2) ? ", secrecy => " . code_arg("none", "restricted", "state_secret") : "")
		. (chance(0.2) ? ", paper_card_ref => " . long_text_arg() : "")
		. (chance(0.2) ? ", content => " . text_arg() : "") . ")" },
	sub { "SELECT id FROM extend_deadline(" . id_arg() . ", " . date_arg() . ", " . code_arg(@deciders) . ", " . text_arg()
		. (chance(0.3) ? ", disciplinary_review => " . text_arg() : "") . (chance(0.6) ? ", decided_on => " . date_arg() : "") . ", evidence => '{pa_expert_conclusion}')" },
	sub { "SELECT id FROM transfer_control(" . id_arg() . ", " . code_arg("medium_term", "long_term", "regular") . ", " . date_arg()
		. ", " . code_arg(@deciders) . ", " . text_arg() . ", reason => " . text_arg() . (chance(0.6) ? ", decided_on => " . date_arg() : "") . ", evidence => '{pa_expert_conclusion}')" },
	sub { "SELECT id FROM set_new_deadline(" . id_arg() . ", " . date_arg() . ", " . code_arg(@deciders) . ", " . text_arg()
		. ", " . code_arg("emergency", "state_of_emergency", "quarantine") . (chance(0.6) ? ", decided_on => " . date_arg() : "") . ", evidence => '{pa_expert_conclusion}')" },
	sub { "SELECT id FROM remove_from_control(" . id_arg() . ", " . code_arg("executed", "duplicated", "impossible", "control_passed")
		. ", " . code_arg(@deciders) . ", " . array_of(sub { code_arg(@evidence) }, "evidence_kind")
		. (chance(0.5) ? ", evidence_ref => " . text_arg() : "") . (chance(0.3) ? ", receiving_body_id => " . id_arg() : "")
		. (chance(0.6) ? ", decided_on => " . date_arg() : "") . ")" },
	sub { "SELECT id FROM register_roadmap(" . id_arg() . ", " . code_arg("central_outside_government", "central_interdepartmental",
		"local", "executor_only") . ", " . code_arg(@deciders) . (chance(0.5) ? ", approved_on => " . date_arg() : "")
		. (chance(0.3) ? ", agreed_with_pa_on => " . date_arg() : "") . (chance(0.3) ? ", document_ref => " . text_arg() : "") . ")" },
	sub { "SELECT id FROM submit_report(" . id_arg() . ", " . code_arg("intermediate", "final", "risk", "measures")
		. ", " . text_arg() . (chance(0.3) ? ", addressee => " . code_arg(@deciders) : "")
		. (chance(0.3) ? ", period_end => " . date_arg() : "") . (chance(0.5) ? ", submitted_on => " . date_arg() : "") . ")" },
	sub { "SELECT count(*) FROM who_may_decide(" . id_arg() . ", " . code_arg("extension", "transfer", "new_deadline",
		"removal", "roadmap_approval") . ")" },
	sub { "SELECT count(*) FROM extend_deadlines(" . array_of(\&id_arg, "bigint") . ", " . array_of(\&date_arg, "date")
		. ", " . code_arg(@deciders) . ", " . text_arg() . (chance(0.6) ? ", decided_on => " . date_arg() : "") . ", evidence => '{pa_expert_conclusion}')" },
	sub {
		my @rows = map {
			my %f = (instruction_id => id_arg(), kind => code_arg("extension", "transfer", "new_deadline", "removal"),
				decided_by => code_arg(@deciders), decided_on => date_arg(), basis => text_arg(),
				new_due_date => date_arg(), new_regime => code_arg("medium_term", "long_term"),
				ground => code_arg("executed", "impossible"), reason => text_arg());
			my @keys = grep { chance(0.7) } sort keys %f;
			"jsonb_populate_record(NULL::decision, jsonb_build_object(" .
				join(", ", map { "\x27$_\x27, $f{$_}" } @keys) . "))"
		} 1 .. 1 + int(rand(3));
		push @rows, "NULL::decision" if chance(0.1);
		"SELECT count(*) FROM record_decisions(ARRAY[" . join(", ", @rows) . "])" },
	sub { "SELECT id FROM import_instruction(" . code_arg(@kinds) . ", " . code_arg(@levels) . ", " . date_arg() . ", " . date_arg()
		. (chance(0.3) ? ", term => " . term_arg() : "") . ")" },
	sub { "SELECT id FROM import_decision(" . id_arg() . ", " . code_arg("extension", "transfer", "removal") . ", " . date_arg()
		. ", " . code_arg(@deciders) . ", new_due => " . date_arg() . ")" },
);

# Binary input (the types receive functions), through COPY ... (FORMAT binary)
# of a file the superuser writes: random bytes, or a valid value with a byte
# changed, cut short or extended, or as it is.
my %valid = (term => ["0000000a00000000", "0000000e00000001", "0000271000000003"],
	control_level => ["05", "01", "03"], instruction_kind => ["01", "08", "05"],
	point_ref => ["0134", "01312e34322d312e3529", "0131"]);
sub binary_value {
	my $typ = pick(sort keys %valid);
	my $hex;
	my $r = rand();
	if ($r < 0.4) {
		$hex = join "", map { sprintf("%02x", int(rand(256))) } 1 .. pick(0, 1, 1, 2, 3, 4, 5, 8, 8, 9, 16, 64, int(rand(1100)));
	} else {
		$hex = pick(@{$valid{$typ}});
		my @b = ($hex =~ /../g);
		if ($r < 0.5) { }
		elsif ($r < 0.6 && @b) { $b[int(rand(@b))] = sprintf("%02x", int(rand(256))); }
		elsif ($r < 0.75) { pop @b if @b; }
		elsif ($r < 0.9) { push @b, sprintf("%02x", int(rand(256))) for 1 .. 1 + int(rand(4)); }
		else { @b = map { pick("00", "ff", "7f", "80") } 1 .. scalar(@b) + int(rand(3)); }
		$hex = join "", @b;
	}
	return "SELECT pg_temp.copy_binary(\x27$typ\x27, \x27\\x$hex\x27::bytea)";
}
push @gens, (\&binary_value) x 4 if $superuser;

open(my $sf, ">", $script) or die;
open(my $lf, ">", $list) or die;
binmode($sf, ":raw");
for my $i (1 .. $n) {
	my $stmt = pick(@gens)->();
	(my $one = $stmt) =~ s/\n/ /g;
	print $lf "$i\t$one\n";
	if ($stmt =~ /^BEGIN;\n/) {
		print $sf "$stmt;\n\\echo $i :SQLSTATE\nROLLBACK;\n";
	} else {
		print $sf "$stmt;\n\\echo $i :SQLSTATE\n";
	}
}
' "$seed" "$n" "$ninstr" "$script" "$list" "$superuser"
}

# ---------------------------------------------------------------------------
# Run: as the clerk, then as the superuser
# ---------------------------------------------------------------------------
allowed='^(22...|23...|42...|IC[01]..|2BP01|40001|00000)$'
declare -A class_count=()
total=0
for pass in clerk superuser; do
	[ "$pass" = superuser ] && pass_seed=$((seed * 2 + 1)) || pass_seed=$((seed * 2))
	script="$work/$pass.sql"
	list="$work/$pass.list"
	if ! generate "$pass_seed" "$calls" "$script.body" "$list" "$([ "$pass" = superuser ] && echo 1 || echo 0)"; then
		not_ok "generating the statements for $pass"
		continue
	fi
	{
		echo "SET search_path = instruction_control, public;"
		echo "SET statement_timeout = '20s';"
		echo "SET datestyle = ISO;"
		[ "$pass" = clerk ] && echo "SET ROLE $clerk;"
		if [ "$pass" = superuser ]; then
			# one binary COPY row (header, one field of the value's bytes, trailer) into a table of the type
			cat <<'SQL'
CREATE TEMP TABLE bin_term (v term);
CREATE TEMP TABLE bin_control_level (v control_level);
CREATE TEMP TABLE bin_instruction_kind (v instruction_kind);
CREATE TEMP TABLE bin_point_ref (v point_ref);
CREATE FUNCTION pg_temp.copy_binary(typ text, val bytea) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  f text := current_setting('data_directory') || '/ic_fuzz_api.copy';
  o oid;
BEGIN
  o := lo_from_bytea(0, '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
                        || '\x0001'::bytea || int4send(length(val)) || val || '\xffff'::bytea);
  PERFORM lo_export(o, f);
  PERFORM lo_unlink(o);
  EXECUTE format('COPY pg_temp.%I FROM %L WITH (FORMAT binary)', 'bin_' || typ, f);
END
$$;
SQL
		fi
		echo "\\o /dev/null"
		echo "\\set VERBOSITY sqlstate"
		cat "$script.body"
		if [ "$pass" = superuser ]; then
			# every binary value accepted is a value: its text parses back to it
			cat <<'SQL'
SELECT (SELECT count(*) FROM bin_term) + (SELECT count(*) FROM bin_control_level)
       + (SELECT count(*) FROM bin_instruction_kind) + (SELECT count(*) FROM bin_point_ref) AS binary_accepted,
       (SELECT count(*) FROM bin_term WHERE v::text::term IS DISTINCT FROM v)
       + (SELECT count(*) FROM bin_control_level WHERE v::text::control_level IS DISTINCT FROM v)
       + (SELECT count(*) FROM bin_instruction_kind WHERE v::text::instruction_kind IS DISTINCT FROM v)
       + (SELECT count(*) FROM bin_point_ref WHERE v::text::point_ref IS DISTINCT FROM v
                                                OR point_ref_send(v) IS DISTINCT FROM point_ref_send(v::text::point_ref))
       AS binary_not_round_trip \gset
\echo binary :binary_accepted :binary_not_round_trip
SQL
		fi
		echo "\\echo end"
	} >"$script"
	psql -X -q -d "$db" -f "$script" >"$work/$pass.out" 2>"$work/$pass.err"
	rc=$?
	done_n=$(grep -cE '^[0-9]+ ' "$work/$pass.out" || true)
	if [ $rc -eq 0 ] && grep -qx end "$work/$pass.out" && [ "$done_n" -eq "$calls" ]; then
		ok "$pass: the session ran all $calls statements (psql exit $rc)"
	else
		not_ok "$pass: the session ended after $done_n of $calls statements (psql exit $rc)"
		tail -n 5 "$work/$pass.err"
		last=$(grep -E '^[0-9]+ ' "$work/$pass.out" | tail -n 1 | cut -d' ' -f1)
		grep -P "^$(( ${last:-0} + 1 ))\t" "$list" | cut -c1-400
	fi
	if [ "$pass" = superuser ]; then
		read -r _ b_acc b_bad < <(grep '^binary ' "$work/$pass.out" || echo "binary ? ?")
		if [ "$b_bad" = 0 ]; then
			ok "$pass: the $b_acc binary values accepted are values (their text reads back to them)"
		else
			not_ok "$pass: $b_bad of the $b_acc binary values accepted do not read back from their text"
		fi
	fi
	# "N SQLSTATE" per statement (00000 when it succeeded)
	grep -E '^[0-9]+ [0-9A-Z]{5}$' "$work/$pass.out" >"$work/$pass.states" || true
	# a binary value cut short is 08P01 (insufficient data left in message), as for PostgreSQL's own types
	binary_ids=$(grep -P '^[0-9]+\tSELECT pg_temp\.copy_binary\(' "$list" | cut -f1 | tr '\n' ' ')
	awk -v ids="$binary_ids" 'BEGIN { n = split(ids, a, " "); for (i = 1; i <= n; i++) bin[a[i]] = 1 }
		!($2 == "08P01" && ($1 in bin)) { print }' "$work/$pass.states" >"$work/$pass.judged"
	bad=$(cut -d' ' -f2 "$work/$pass.judged" | grep -vcE "$allowed" || true)
	errors=$(cut -d' ' -f2 "$work/$pass.states" | grep -vc '^00000$' || true)
	summary=$(cut -d' ' -f2 "$work/$pass.states" | sort | uniq -c | awk '{printf "%s %s, ", $2, $1}' | sed 's/, $//')
	total=$((total + done_n))
	if [ "$bad" -eq 0 ]; then
		ok "$pass: every SQLSTATE allowed ($((done_n - errors)) succeeded, $errors refused; by SQLSTATE: $summary)"
	else
		not_ok "$pass: $bad statements failed with a SQLSTATE outside the allowed set ($summary)"
		grep -vE " ${allowed#^}" "$work/$pass.judged" | head -n 10 |
		while read -r n st; do
			echo "#   $st: $(grep -P "^$n\t" "$list" | cut -f2 | cut -c1-400)"
		done
	fi
done

# ---------------------------------------------------------------------------
# The server is the one that started
# ---------------------------------------------------------------------------
now_time=$(psql -X -At -d "$db" -c "SELECT pg_postmaster_start_time()" 2>&1)
if [ "$now_time" = "$start_time" ]; then
	ok "server up, never restarted (postmaster started $start_time)"
else
	not_ok "server restarted or down: postmaster start time was '$start_time', now '$now_time'"
fi
if psql -X -At -d "$db" -c "SELECT 1" >/dev/null 2>&1; then
	ok "a new session connects after $total statements (seed $seed)"
else
	not_ok "no new session after the run"
fi

if [ $failures -eq 0 ]; then
	dropdb --if-exists "$db" >/dev/null 2>&1
	psql -X -q -d postgres -c "DROP ROLE IF EXISTS $clerk" >/dev/null 2>&1
	rm -rf "$work"
	echo "# fuzz_api: $total statements, seed $seed: no crash, every SQLSTATE allowed"
	exit 0
fi
echo "# fuzz_api: $failures failures; statements, output and errors kept in $work, database $db kept"
exit 1
