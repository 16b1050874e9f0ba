#!/usr/bin/perl
# Demo kernel: a small checkpatch in the real one's --terse format, so the
# series' checkpatch step runs on the demo too. Checks three things only: a
# Signed-off-by line (ERROR), added lines over 80 columns (WARNING) and
# added lines indented with 8 spaces or more (ERROR, as the real one).
use strict;
use warnings;

my @files = grep { !/^--/ } @ARGV;
my $status = 0;
for my $file (@files) {
	open(my $fh, '<', $file) or die "cannot open $file: $!\n";
	my ($line, $signed, $in_diff) = (0, 0, 0);
	while (my $l = <$fh>) {
		$line++;
		chomp $l;
		$signed = 1 if $l =~ /^Signed-off-by: /;
		$in_diff = 1 if $l =~ /^diff --git /;
		if ($in_diff && $l =~ /^\+(?!\+\+)/) {
			(my $text = substr($l, 1)) =~ s/\t/        /g;
			print "$file:$line: WARNING: line over 80 characters\n" if length($text) > 80;
			if ($l =~ /^\+\s*        / || $l =~ /^\+\s* \t/) {
				print "$file:$line: ERROR: code indent should use tabs where possible\n";
				$status = 1;
			}
		}
	}
	if (!$signed) {
		print "$file:$line: ERROR: Missing Signed-off-by: line(s)\n";
		$status = 1;
	}
	close($fh);
}
exit $status;
