#ifndef KSERIES_LINEEND_H
#define KSERIES_LINEEND_H

/*
 * Line endings of a source file. spatch writes LF lines, so a CRLF file is
 * rewritten as LF and given its CRLF back after: a patch never mixes them.
 */
enum line_ends {
	ENDS_LF,	/* no CR before any LF (also: no line at all) */
	ENDS_CRLF,	/* every line ends in CR LF (a last line without LF too) */
	ENDS_MIXED,	/* some of each: kseries refuses to guess */
};

/* What text uses; *crlf_lines and *lines (may be NULL) get the counts. */
enum line_ends line_ends_of(const char *text, int *crlf_lines, int *lines);
/* New text with every CR LF as LF (caller frees). */
char *crlf_to_lf(const char *text);
/* New text with every LF as CR LF (caller frees); text must be LF only. */
char *lf_to_crlf(const char *text);

#endif
