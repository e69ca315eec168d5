#!/usr/bin/perl
# sql_ascii.pl -- write a UTF-8 SQL script as pure ASCII, so that it installs
# in a database of any encoding (the control file says encoding = UTF8, and
# PostgreSQL converts the script to the database's encoding; Kazakh letters
# have no equivalent in WIN1251, so a script that contains them fails there).
#
#   perl scripts/sql_ascii.pl sql/src/*.sql > sql/instruction_control--0.1.sql
#
# The Makefile runs it to build the install script; upgrade scripts written
# with Kazakh or Russian texts can go through it the same way.
#
#   'Президент Әкімшілігі'   -> instruction_control.unicode_text('\041F...\04D8...')
#       unicode_text() (src/common/encoding.c) decodes the escapes of U&''
#       strings and returns the text in the database's encoding, with the
#       Kazakh letters the encoding lacks replaced by their nearest Russian
#       letter; in a UTF-8 database the text is byte for byte the source's.
#   COMMENT ON x IS 'текст'  -> DO $ic_comment$ BEGIN EXECUTE pg_catalog.format(
#                                 'COMMENT ON x IS %L', instruction_control.unicode_text('...'));
#                               END $ic_comment$
#       (comments that follow one another share one DO block).
#       (a comment must be a literal, so it is written through EXECUTE).
#   other characters in -- and /* */ comments: a few typographic signs become
#       their ASCII look-alikes, the rest <U+XXXX>.
#
# Literals inside dollar-quoted function bodies (and dollar-quoted strings
# within them) are rewritten the same way.  Anything else non-ASCII (quoted
# identifiers, E'' or U&'' strings, a literal continued on the next line) is
# an error: the build stops rather than install a script that breaks.
use strict;
use warnings;

binmode STDOUT, ':raw';

my $FUNC = 'instruction_control.unicode_text';
my %ascii_lookalike = (
	"\x{2014}" => '--', "\x{2013}" => '-', "\x{2212}" => '-', "\x{2010}" => '-', "\x{2011}" => '-',
	"\x{00AB}" => '"', "\x{00BB}" => '"', "\x{201C}" => '"', "\x{201D}" => '"', "\x{201E}" => '"',
	"\x{2018}" => "'", "\x{2019}" => "'", "\x{2192}" => '->', "\x{2190}" => '<-', "\x{2264}" => '<=',
	"\x{2265}" => '>=', "\x{00D7}" => 'x', "\x{00B7}" => '.', "\x{2026}" => '...', "\x{00A0}" => ' ',
	"\x{2116}" => 'No.', "\x{2260}" => '<>', "\x{2248}" => '~',
);

my $input = do { local $/; my $s = ''; for my $f (@ARGV ? @ARGV : ('-')) {
	open(my $fh, '<:raw', $f) or die "$f: $!\n"; $s .= <$fh>; close $fh; } $s };
utf8::decode($input) or die "sql_ascii.pl: the input is not valid UTF-8\n";

sub fail
{
	my ($msg, $text) = @_;
	my $snippet = substr($text, 0, 80);
	utf8::encode($snippet);
	die "sql_ascii.pl: $msg: $snippet\n";
}

# The ASCII form of a literal's body (as written between the quotes, '' kept).
sub escaped
{
	my ($body) = @_;
	$body =~ s/\\/\\\\/g;
	$body =~ s/([^\x00-\x7f])/ord($1) > 0xFFFF ? sprintf('\\+%06X', ord($1)) : sprintf('\\%04X', ord($1))/ge;
	return $body;
}

sub comment_ascii
{
	my ($c) = @_;
	$c =~ s/([^\x00-\x7f])/exists $ascii_lookalike{$1} ? $ascii_lookalike{$1} : sprintf('<U+%04X>', ord($1))/ge;
	return $c;
}

# Rewrite SQL text; returns the ASCII text.
sub rewrite
{
	my ($sql) = @_;
	my $out = '';
	my $stmt_start = 0;			# offset in $out where the current statement starts

	pos($sql) = 0;
	while (pos($sql) < length($sql))
	{
		if ($sql =~ /\G(--[^\n]*)/gc || $sql =~ /\G(\/\*.*?\*\/)/gcs)
		{
			$out .= comment_ascii($1);
		}
		elsif ($sql =~ /\G((?:[Ee]|[Uu]&)'(?:[^'\\]|\\.|'')*')/gcs)
		{
			my $lit = $1;
			fail("non-ASCII in an E'' or U&'' string", $lit) if $lit =~ /[^\x00-\x7f]/;
			$out .= $lit;
		}
		elsif ($sql =~ /\G('(?:[^']|'')*')/gc)
		{
			my $lit = $1;
			if ($lit !~ /[^\x00-\x7f]/)
			{
				$out .= $lit;
				next;
			}
			fail('a literal continued on the next line', $lit) if $sql =~ /\G\s*\n\s*'/;
			fail('a literal right after a word', $lit) if $out =~ /[A-Za-z0-9_&]\z/;
			my $body = substr($lit, 1, -1);
			my $call = "$FUNC('" . escaped($body) . "')";
			my $stmt = substr($out, $stmt_start);
			if ($stmt =~ /\A((?:\s|--[^\n]*\n|\/\*.*?\*\/)*)COMMENT\s+ON\s+(.*?)\s+IS\s*\z/is)
			{
				my ($lead, $target) = ($1, $2);
				(my $t = $target) =~ s/'/''/g;
				$t =~ s/%/%%/g;
				substr($out, $stmt_start) = $lead
					. "DO \$ic_comment\$ BEGIN EXECUTE pg_catalog.format('COMMENT ON $t IS %L',\n  $call); END \$ic_comment\$";
			}
			else
			{
				$out .= $call;
			}
		}
		elsif ($sql =~ /\G(?<![A-Za-z0-9_\$])(\$(?:[A-Za-z_][A-Za-z_0-9]*)?\$)/gc)
		{
			my $tag = $1;
			my $end = index($sql, $tag, pos($sql));
			fail("unterminated dollar quote $tag", substr($sql, pos($sql) - length($tag)))
				if $end < 0;
			my $body = substr($sql, pos($sql), $end - pos($sql));
			$out .= $tag . rewrite($body) . $tag;
			pos($sql) = $end + length($tag);
		}
		elsif ($sql =~ /\G("(?:[^"]|"")*")/gc)
		{
			fail('a non-ASCII quoted identifier', $1) if $1 =~ /[^\x00-\x7f]/;
			$out .= $1;
		}
		elsif ($sql =~ /\G;/gc)
		{
			$out .= ';';
			$stmt_start = length($out);
		}
		elsif ($sql =~ /\G([A-Za-z0-9_]+|\s+|.)/gcs)
		{
			$out .= $1;
		}
	}
	return $out;
}

my $result = rewrite($input);

# Comments written one after another (a table's columns, say) share one DO
# block: each DO compiles a PL/pgSQL block, and there were 188 of them in the
# install script (issue 19, CREATE EXTENSION time).  Only blank lines and --
# comments may stand between two of them, and those stay where they were.
$result =~ s/ END \$ic_comment\$;((?:\s|--[^\n]*\n)*)DO \$ic_comment\$ BEGIN /$1/g;

# Constraints added to one table on consecutive one-line statements (the text
# limits) become one ALTER TABLE: the table is locked, checked and its cache
# entry rebuilt once, not once per constraint.
{
	my @lines = split /\n/, $result, -1;
	my ($table, @merged) = ('');
	for my $line (@lines)
	{
		my ($t, $add) = $line =~ /^ALTER TABLE (\w+) (ADD CONSTRAINT .*;)$/;
		if (defined $t && $t eq $table)
		{
			$merged[-1] =~ s/;$/,/;
			push @merged, "  $add";
			next;
		}
		$table = defined $t ? $t : '';
		push @merged, $line;
	}
	$result = join "\n", @merged;
}
if ($result =~ /([^\n]*[^\x00-\x7f][^\n]*)/)
{
	fail('non-ASCII left outside any string literal', $1);
}
print $result;
