#!/usr/bin/perl
# Demo kernel: a small get_maintainer in the real one's output format
# ("Name <addr> (maintainer:SECTION)", "list (open list:SECTION)"), so the
# series' recipients step runs on the demo. It reads MAINTAINERS (M: R: L:
# S: F: X:) and the files a patch touches; like the real one it refuses to
# run outside the top of a tree, and it knows only the options kseries and
# its tests give (--nom, --nor, --nol: no maintainers, reviewers, lists).
use strict;
use warnings;

my ($rolestats, $file_mode, @inputs) = (1, 0);
my %want = (maintainer => 1, reviewer => 1, list => 1);
for my $arg (@ARGV) {
	if ($arg eq '--no-git' || $arg eq '--no-git-fallback') { next }
	elsif ($arg eq '--nom') { $want{maintainer} = 0 }
	elsif ($arg eq '--nor') { $want{reviewer} = 0 }
	elsif ($arg eq '--nol') { $want{list} = 0 }
	elsif ($arg eq '--norolestats' || $arg eq '--no-rolestats') { $rolestats = 0 }
	elsif ($arg eq '-f') { $file_mode = 1 }
	elsif ($arg =~ /^-/) { die "get_maintainer.pl (demo): unknown option $arg\n" }
	else { push @inputs, $arg }
}
for my $need (qw(MAINTAINERS Makefile)) {
	-f $need or die "The current directory does not appear to be a linux kernel source tree.\n";
}
for my $need (qw(Documentation arch drivers fs include mm scripts virt)) {
	-d $need or die "The current directory does not appear to be a linux kernel source tree.\n";
}

# sections: name, status, people [addr, role], lists, F and X patterns
my (@sections, $cur);
open(my $mf, '<:encoding(UTF-8)', 'MAINTAINERS') or die "cannot open MAINTAINERS: $!\n";
while (my $l = <$mf>) {
	chomp $l;
	if ($l =~ /^([MRLSFX]):\s*(.*)$/ && $cur) {
		my ($k, $v) = ($1, $2);
		push @{$cur->{people}}, [$v, 'maintainer'] if $k eq 'M';
		push @{$cur->{people}}, [$v, 'reviewer'] if $k eq 'R';
		push @{$cur->{lists}}, $v if $k eq 'L';
		$cur->{status} = $v if $k eq 'S';
		push @{$cur->{$k}}, $v if $k eq 'F' || $k eq 'X';
	} elsif ($l =~ /^[A-Z]/ && $l !~ /:/) {
		$cur = { name => $l, people => [], lists => [], F => [], X => [], status => '' };
		push @sections, $cur;
	}
}

sub matches {
	my ($pattern, $file) = @_;
	my $re = quotemeta($pattern);
	$re =~ s/\\\*/[^\/]*/g;
	$re =~ s/\\\?/[^\/]/g;
	return $file =~ /^$re/ if $pattern =~ m{/$};
	return $file =~ /^$re$/ || $file =~ /^$re\//;
}

my @files;
for my $in (@inputs) {
	if ($file_mode) { push @files, $in; next }
	open(my $pf, '<', $in) or die "get_maintainer.pl (demo): cannot open $in: $!\n";
	while (<$pf>) { push @files, $1 if m{^\+\+\+ b/(\S+)} || m{^--- a/(\S+)} }
}

my (%seen, @people, @lists);
for my $file (@files) {
	for my $s (@sections) {
		next unless grep { matches($_, $file) } @{$s->{F}};
		next if grep { matches($_, $file) } @{$s->{X}};
		my $role = $s->{status} eq 'Supported' ? 'supporter' :
			$s->{status} eq 'Odd Fixes' ? 'odd fixer' : 'maintainer';
		my $named = $s->{name} eq 'THE REST' ? '' : ":$s->{name}";
		for my $p (@{$s->{people}}) {
			my $r = $p->[1] eq 'reviewer' ? 'reviewer' : $role;
			next unless $want{$p->[1]};
			push @people, "$p->[0] ($r$named)" unless $seen{$p->[0]}++;
		}
		next unless $want{list};
		push @lists, "$_ (open list$named)" for grep { !$seen{$_}++ } @{$s->{lists}};
	}
}
binmode(STDOUT, ':encoding(UTF-8)');
for (@people, @lists) {
	(my $line = $_) =~ s/ \(.*\)$// unless $rolestats;
	print(($line // $_), "\n");
}
