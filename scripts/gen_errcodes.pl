#!/usr/bin/perl
# gen_errcodes.pl -- the extension's SQLSTATEs from their one list.
#
#   perl scripts/gen_errcodes.pl header LIST          C header on stdout (src/common/ic_errcodes.h)
#   perl scripts/gen_errcodes.pl readme LIST README   rewrite README's tables between the markers
#   perl scripts/gen_errcodes.pl check  LIST HEADER README DIR...
#        fail (exit 1, one line per finding) when HEADER or README is not what
#        LIST generates, when a file under DIR... (*.c, *.h, *.sql) uses an IC
#        code LIST lacks, or when LIST holds an IC code nothing uses
#
# LIST is src/common/ic_errcodes.txt (its header says the format), modelled
# on PostgreSQL's errcodes.txt, which generates errcodes.h and its docs.
use strict;
use warnings;
use File::Find;

my $BEGIN = '<!-- errcodes:begin (generated from src/common/ic_errcodes.txt by scripts/gen_errcodes.pl; edit the list, then make errcodes) -->';
my $END = '<!-- errcodes:end -->';

sub read_list
{
	my ($file) = @_;
	my (@sections, %seen);
	open my $fh, '<:encoding(UTF-8)', $file or die "$file: $!\n";
	while (my $line = <$fh>)
	{
		chomp $line;
		next if $line =~ /^\s*(#|$)/;
		my @f = split / \| /, $line;
		if ($f[0] =~ /^section (.*)$/)
		{
			push @sections, { heading => $1, columns => [ @f[ 1 .. $#f ] ], codes => [] };
			next;
		}
		die "$file:$.: an entry before the first section\n" unless @sections;
		my ($code, $macro, @text) = @f;
		die "$file:$.: bad SQLSTATE '$code'\n" unless $code =~ /^[0-9A-Z]{5}$/;
		die "$file:$.: $code twice\n" if $seen{$code}++;
		die "$file:$.: bad macro '$macro'\n" unless $macro eq '-' || $macro =~ /^ERRCODE_IC_[A-Z0-9_]+$/;
		die "$file:$.: an IC code needs its macro\n" if $code =~ /^IC/ && $macro eq '-';
		my $want = scalar @{ $sections[-1]{columns} };
		die "$file:$.: $code has " . scalar(@text) . " text fields, its section $want\n" unless @text == $want;
		push @{ $sections[-1]{codes} }, { code => $code, macro => $macro, text => \@text };
	}
	return \@sections;
}

sub header
{
	my ($sections) = @_;
	my $out = <<'HDR';
/*
 * ic_errcodes.h
 *		The extension's own SQLSTATEs.
 *
 * GENERATED from src/common/ic_errcodes.txt by scripts/gen_errcodes.pl (make
 * regenerates it): edit the list, never this file.  The list also writes
 * README.md's tables of errors, so a code is documented where it is defined.
 *
 * Every domain error the extension raises (as opposed to PostgreSQL's standard
 * codes such as 22P02 for a malformed literal) uses class "IC".  The codes are
 * stable API: clients match on them.
 */
#ifndef IC_ERRCODES_H
#define IC_ERRCODES_H

#include "utils/elog.h"
HDR
	for my $s (@$sections)
	{
		my @ic = grep { $_->{macro} ne '-' } @{ $s->{codes} };
		next unless @ic;
		my $heading = $s->{heading} eq '-' ? 'Configuration and calendar (IC0xx)' : $s->{heading};
		$heading =~ s/`//g;
		$out .= "\n/* $heading */\n";
		for my $c (@ic)
		{
			my $name = "#define $c->{macro}";
			my $width = length($name);
			my $tabs = $width >= 48 ? 1 : int((48 - $width + 3) / 4);
			my @ch = split //, $c->{code};
			$out .= $name . ("\t" x $tabs) . "MAKE_SQLSTATE(" . join(',', map { "'$_'" } @ch) . ")\n";
		}
	}
	$out .= "\n#endif\t\t\t\t\t\t\t/* IC_ERRCODES_H */\n";
	return $out;
}

sub readme_tables
{
	my ($sections) = @_;
	my $out = "$BEGIN\n";
	for my $s (@$sections)
	{
		$out .= "\n### $s->{heading}\n\n" unless $s->{heading} eq '-';
		$out .= "| SQLSTATE | " . join(' | ', @{ $s->{columns} }) . " |\n";
		$out .= "|---|" . ('---|' x @{ $s->{columns} }) . "\n";
		$out .= "| `$_->{code}` | " . join(' | ', @{ $_->{text} }) . " |\n" for @{ $s->{codes} };
	}
	return "$out$END";
}

sub slurp
{
	my ($file) = @_;
	open my $fh, '<:encoding(UTF-8)', $file or die "$file: $!\n";
	local $/;
	return <$fh>;
}

sub readme_with_tables
{
	my ($sections, $readme) = @_;
	my $text = slurp($readme);
	my $tables = readme_tables($sections);
	$text =~ s/\Q<!-- errcodes:begin\E[^\n]*-->.*?\Q$END\E/$tables/s
	  or die "$readme: no <!-- errcodes:begin --> ... $END markers\n";
	return $text;
}

my ($cmd, $list, @args) = @ARGV;
die "usage: $0 header|readme|check LIST ...\n" unless $cmd && $list;
my $sections = read_list($list);
binmode STDOUT, ':encoding(UTF-8)';

if ($cmd eq 'header')
{
	print header($sections);
}
elsif ($cmd eq 'readme')
{
	my ($readme) = @args;
	my $text = readme_with_tables($sections, $readme);
	open my $fh, '>:encoding(UTF-8)', "$readme.tmp" or die "$readme.tmp: $!\n";
	print $fh $text;
	close $fh or die "$readme.tmp: $!\n";
	rename "$readme.tmp", $readme or die "$readme: $!\n";
}
elsif ($cmd eq 'check')
{
	my ($hfile, $readme, @dirs) = @args;
	my @bad;
	push @bad, "$hfile is not what $list generates (make errcodes)" if slurp($hfile) ne header($sections);
	push @bad, "${readme}'s tables of errors are not what $list generates (make errcodes)"
	  if slurp($readme) ne readme_with_tables($sections, $readme);
	my %listed = map { $_->{code} => 1 } grep { $_->{code} =~ /^IC/ } map { @{ $_->{codes} } } @$sections;
	my %used;
	find(
		{
			no_chdir => 1,
			wanted => sub {
				return unless -f $_ && /\.(c|h|sql)$/ && $_ ne $hfile;
				my $text = slurp($_);
				while ($text =~ /\bIC([0-9]{3})\b/g)
				{
					my $code = "IC$1";
					push @{ $used{$code} }, $File::Find::name unless grep { $_ eq $File::Find::name } @{ $used{$code} || [] };
				}
				# a macro of the header counts as a use of its code
				while ($text =~ /\b(ERRCODE_IC_[A-Z0-9_]+)\b/g)
				{
					my $macro = $1;
					for my $c (map { @{ $_->{codes} } } @$sections)
					{
						push @{ $used{ $c->{code} } }, $File::Find::name if $c->{macro} eq $macro;
					}
				}
				while ($text =~ /\b(ERRCODE_IC_[A-Z0-9_]+)\b/g)
				{
					my $macro = $1;
					push @bad, "$File::Find::name uses $macro, which $list does not define"
					  unless grep { $_->{macro} eq $macro } map { @{ $_->{codes} } } @$sections;
				}
			}
		},
		@dirs);
	for my $code (sort keys %used)
	{
		push @bad, "$code is used in " . join(', ', @{ $used{$code} }) . " but $list lacks it" unless $listed{$code};
	}
	for my $code (sort keys %listed)
	{
		push @bad, "$code is in $list but nothing in @dirs raises it" unless $used{$code};
	}
	if (@bad)
	{
		print "$_\n" for @bad;
		exit 1;
	}
	print "errcodes: " . scalar(keys %listed) . " IC codes, header and README in step with $list\n";
}
else
{
	die "usage: $0 header|readme|check LIST ...\n";
}
