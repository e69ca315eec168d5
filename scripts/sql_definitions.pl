#!/usr/bin/perl
# sql_definitions.pl -- concatenate the parts of an upgrade script, each line
#
#   \definition NAME sql/src/FILE.sql
#
# replaced by the definition of the function, procedure or aggregate NAME as
# the install script's part FILE writes it (CREATE becoming CREATE OR
# REPLACE), with the COMMENT ON that follows it (after blank lines, if any).
# A definition ends at $$; on a line of its own, or, for one without a $$
# body (a C function, an aggregate, a RETURN body), at the first line that
# is not a comment and ends with a semicolon.  The last part of an upgrade that changes a
# function names it so, rather than carry a copy of its text: one definition,
# in sql/src, for the install and the upgrade alike.  A later part that
# changes the function again takes the line over (an earlier part would
# otherwise create the newest body before what it refers to exists).
#
#   perl scripts/sql_definitions.pl sql/upgrade/0.2--0.3/*.sql | perl scripts/sql_ascii.pl
#
# A NAME the file does not define exactly once, or a definition without its
# end, stops the build.
use strict;
use warnings;

binmode STDOUT, ':raw';

sub slurp
{
	my ($f) = @_;
	open(my $fh, '<:raw', $f) or die "sql_definitions.pl: $f: $!\n";
	local $/;
	my $s = <$fh>;
	close $fh;
	return $s;
}

sub definition
{
	my ($name, $file, $where) = @_;
	my @lines = split /^/m, slurp($file);
	my @starts = grep { $lines[$_] =~ /^CREATE (?:OR REPLACE )?(?:FUNCTION|PROCEDURE|AGGREGATE) \Q$name\E\(/ } 0 .. $#lines;
	die "sql_definitions.pl: $where: $file defines $name " . scalar(@starts) . " times, not once\n"
	  unless @starts == 1;
	my $i = $starts[0];
	my $text = '';
	my $body = 0;	# a $$ body has begun: only $$; ends it
	for (; $i <= $#lines; $i++)
	{
		$text .= $lines[$i];
		last if $lines[$i] =~ /^\$\$;\s*$/;
		$body = 1 if $lines[$i] =~ /\$\$/;
		last if !$body && $lines[$i] !~ /^\s*--/ && $lines[$i] =~ /;\s*$/;
	}
	die "sql_definitions.pl: $where: $name in $file has no end (\$\$; on a line of its own, or a line ending with ;)\n"
	  if $i > $#lines;
	# the COMMENT ON of it that follows (blank lines between): its lines up to
	# the one ending the string
	my $c = $i + 1;
	$c++ while ($c <= $#lines && $lines[$c] =~ /^\s*$/);
	if ($c <= $#lines && $lines[$c] =~ /^COMMENT ON (?:FUNCTION|PROCEDURE|AGGREGATE) \Q$name\E\(/)
	{
		for ($i = $c; $i <= $#lines; $i++)
		{
			$text .= $lines[$i];
			last if $lines[$i] =~ /';\s*$/;
		}
	}
	$text =~ s/^CREATE (?:OR REPLACE )?(FUNCTION|PROCEDURE|AGGREGATE)/CREATE OR REPLACE $1/;
	return "-- $name(): as $file defines it\n" . $text;
}

for my $part (@ARGV)
{
	my $n = 0;
	for my $line (split /^/m, slurp($part))
	{
		$n++;
		if ($line =~ /^\\definition\s+(\w+)\s+(\S+)\s*$/)
		{
			print definition($1, $2, "$part:$n");
		}
		else
		{
			print $line;
		}
	}
}
