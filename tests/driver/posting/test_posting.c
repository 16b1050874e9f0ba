/* Unit tests of what posting adds to the mails and reads from the mail tools. */
#include <stdlib.h>
#include <string.h>
#include "lib/fileio.h"
#include "posting/address.h"
#include "posting/cp_origin.h"
#include "posting/mailfile.h"
#include "posting/patchset.h"
#include "posting/posting.h"
#include "posting/posting_checks.h"
#include "posting/recipients.h"
#include "posting/reroll.h"
#include "posting/stable.h"
#include "posting/b4branch.h"
#include "unit.h"
#include "lib/usage.h"

static const char mail[] =
	"From 1234 Mon Sep 17 00:00:00 2001\n"
	"From: A Long Name\n <a@example.org>\n"
	"Date: Thu, 3 Dec 2026 16:00:00 +0000\n"
	"Subject: [PATCH 01/02] mm: one, a subject long enough for format-patch\n to fold it\n"
	"\n"
	"Body.\n---\n mm/a.c | 1 +\n";

static void test_headers(const char *dir)
{
	char *path = xstrfmt("%s/mail", dir), *text, *v;
	struct strvec cc = STRVEC_INIT;

	write_file(path, mail);
	strvec_pushl(&cc, "Kai <kai@example.org>", "list@example.org", "KAI <Kai@Example.org>", NULL);
	CHECK("mail_add_header: 0", !mail_add_header(path, "Cc", &cc));
	text = read_file(path);
	CHECK("the Cc header comes after Subject, before the blank line",
	      text && strstr(text, "fold it\nCc: Kai <kai@example.org>,\n list@example.org\n\nBody."));
	CHECK("an address given twice (other case) is there once", text && !strstr(text, "KAI"));
	v = text ? mail_header(text, "From") : NULL;
	CHECK_STR("mail_header unfolds", v, "A Long Name <a@example.org>");
	free(v);
	free(text);
	CHECK("a second add of the same addresses adds nothing", !mail_add_header(path, "Cc", &cc));
	text = read_file(path);
	CHECK("one Cc header still", text && strstr(text, "\nCc:") &&
	      !strstr(strstr(text, "\nCc:") + 1, "\nCc:"));
	free(text);
	CHECK("mail_unfold: 0", !mail_unfold(path));
	text = read_file(path);
	CHECK("From: and Subject: on one line each, Cc still folded, the body as it was",
	      text && strstr(text, "\nFrom: A Long Name <a@example.org>\nDate:") &&
	      strstr(text, "mm: one, a subject long enough for format-patch to fold it\nCc: Kai") &&
	      strstr(text, ",\n list@example.org") &&
	      strstr(text, "\n\nBody.\n---\n mm/a.c | 1 +\n"));
	free(text);
	strvec_clear(&cc);
	/* format-patch's --to is there: the maintainers join that header, not a second one */
	write_file(path, "From: A <a@example.org>\nSubject: s\nTo: \"Doe, Jo\" <jo@example.org>,\n"
		   " list@example.org\nCc: c@example.org\n\nBody.\n");
	strvec_pushl(&cc, "Kai <kai@example.org>", "LIST@example.org", NULL);
	CHECK("mail_add_header into an existing To: 0", !mail_add_header(path, "To", &cc));
	text = read_file(path);
	CHECK("one To: header: its addresses first (a quoted comma kept), then the new one",
	      text && strstr(text, "Subject: s\nCc: c@example.org\nTo: \"Doe, Jo\" <jo@example.org>,\n"
			     " list@example.org,\n Kai <kai@example.org>\n\nBody.\n") &&
	      !strstr(strstr(text, "To:") + 1, "To:"));
	free(text);
	strvec_clear(&cc);
	free(path);
}

static void test_addresses(void)
{
	char *s = mail_encode_entry("\"Radim Kr\xc4\x8dm\xc3\xa1\xc5\x99\" <rk@example.org>");

	CHECK_STR("a name that is not ASCII is RFC 2047, without its quotes", s,
		  "=?UTF-8?q?Radim_Kr=C4=8Dm=C3=A1=C5=99?= <rk@example.org>");
	free(s);
	s = mail_encode_entry("\"H. Peter Anvin\" <hpa@example.org>");
	CHECK_STR("an ASCII name stays as it is", s, "\"H. Peter Anvin\" <hpa@example.org>");
	free(s);
	s = address_key("Kai <Kai@Example.ORG>");
	CHECK_STR("address_key: the bare address, lower case", s, "kai@example.org");
	free(s);
}

static void test_b4_cover(void)
{
	struct strvec to = STRVEC_INIT, cc = STRVEC_INIT;
	struct b4_branch b = { .version = 2, .subject_prefix = "PATCH 4.9", .to = &to, .cc = &cc };
	char *m;

	strvec_push(&to, "Kai <kai@example.org>");
	strvec_push(&cc, "kvm@example.org");
	m = b4_cover_message("From: A <a@example.org>\nSubject: [PATCH 4.9 v2 0/3] mm: one\n two\n\n"
			     "Changes (v2):\n  not a shortlog: no count in its parentheses.\n\n"
			     "A Author (3):\n  mm: one\n\n mm/a.c | 1 +\n\nbase-commit: 1234\n",
			     &b, "20170201-mm-one-0123456789ab");
	CHECK("b4 cover: the subject without [PATCH ...], then the blurb up to the shortlog",
	      m && !strncmp(m, "mm: one two\n\nChanges (v2):\n  not a shortlog: no count in its parentheses.\n\n"
			    "To: Kai <kai@example.org>\nCc: kvm@example.org\n\n--- b4-submit-tracking ---\n",
			    strlen("mm: one two\n\nChanges (v2):\n  not a shortlog: no count in its parentheses.\n\n"
				   "To: Kai <kai@example.org>\nCc: kvm@example.org\n\n--- b4-submit-tracking ---\n")));
	CHECK("b4 cover: no shortlog, diffstat or base-commit (b4 writes its own)",
	      m && !strstr(m, "A Author") && !strstr(m, "base-commit"));
	CHECK("b4 cover: tracking holds the revision, change-id and the stable prefix without PATCH",
	      m && strstr(m, "\"revision\": 2") && strstr(m, "\"change-id\": \"20170201-mm-one-0123456789ab\"") &&
	      strstr(m, "\"prefixes\": [\n      \"4.9\"\n    ]"));
	free(m);
	strvec_clear(&to);
	strvec_clear(&cc);
}

static void test_recipients(void)
{
	struct recipients r = { STRVEC_INIT, STRVEC_INIT, STRVEC_INIT, STRVEC_INIT, NULL };

	recipients_parse("Paolo <p@example.org> (supporter:KERNEL VIRTUAL MACHINE (KVM))\n"
			 "x86@example.org (maintainer:X86 ARCHITECTURE (32-BIT AND 64-BIT))\n"
			 "Rita <rita@example.org> (reviewer:INFINIBAND)\n"
			 "kvm@example.org (open list:KERNEL VIRTUAL MACHINE (KVM))\n"
			 "arm@example.org (moderated list:ARM PORT)\n"
			 "lkml@example.org (open list)\n"
			 "Adam <adam@example.org> (supporter:3WARE SAS/SATA-RAID SCSI DRIVERS (3W-XXXX, 3W-9...)\n"
			 "Odd <odd@example.org> (odd fixer:SOME DRIVER)\n"
			 "Bad divisor in main::vcs_assign: 0\n", &r);
	CHECK("To: the supporter, the address-only maintainer, a role cut short, the odd fixer",
	      r.maintainers.nr == 4 && !strcmp(r.maintainers.v[2], "Adam <adam@example.org>"));
	CHECK_STR("a nested role is cut whole", r.maintainers.nr ? r.maintainers.v[0] : NULL,
		  "Paolo <p@example.org>");
	CHECK("Cc: the reviewer only, among the people", r.people.nr == 1 &&
	      !strcmp(r.people.v[0], "Rita <rita@example.org>"));
	CHECK("lists: open, moderated, the rest's", r.lists.nr == 3);
	CHECK_STR("a list's address", r.lists.nr ? r.lists.v[0] : NULL, "kvm@example.org");
	recipients_clear(&r);
	recipients_parse("Kai <kai@example.org>\nkvm@example.org\n", &r);
	CHECK("--norolestats lines: a name is a maintainer, a bare address a list",
	      r.maintainers.nr == 1 && !r.people.nr && r.lists.nr == 1);
	recipients_clear(&r);
}

static const char range_diff[] =
	" 1:  aaaaaaa =  1:  bbbbbbb dax: one\n"
	" 2:  aaaaaab !  2:  bbbbbbc mm/rmap: two\n"
	"    @@ Metadata\n"
	"      ## Commit message ##\n"
	"         mm/rmap: two\n"
	"    +    A new sentence.\n"
	"      ## mm/rmap.c ##\n"
	"     @@ mm/rmap.c: static int f(void)\n"
	"    -+\told();\n"
	"    ++\tnew();\n"
	" 3:  aaaaaac <  -:  ------- xen: three\n"
	" -:  ------- >  3:  bbbbbbd xen: three\n"
	" 4:  aaaaaad <  -:  ------- gone: four\n"
	" -:  ------- >  4:  bbbbbbe new: four\n"
	"10:  aaaaaae ! 10:  bbbbbbf KVM: ten\n"
	"    @@ virt/kvm/kvm_main.c (new)\n"
	"     +a\n"
	"    -+b\n";

static void test_range_diff(void)
{
	struct range_diff rd = { 0 };
	char *section;

	range_diff_parse(range_diff, 10, &rd);
	CHECK("changed: the two '!' and the rewritten pair", rd.changed.nr == 3);
	CHECK_STR("a change in the message and the code names both",
		  rd.changed.nr ? rd.changed.v[0] : NULL,
		  "02/10 mm/rmap: two: the commit message, mm/rmap.c");
	CHECK_STR("right-aligned numbers, a new file's section", rd.changed.nr > 1 ? rd.changed.v[1] : NULL,
		  "10/10 KVM: ten: virt/kvm/kvm_main.c");
	CHECK_STR("a dropped and an added patch of one subject: rewritten",
		  rd.changed.nr > 2 ? rd.changed.v[2] : NULL, "03/10 xen: three: rewritten");
	CHECK("added: the one new subject", rd.added.nr == 1 && !strcmp(rd.added.v[0], "04/10 new: four"));
	CHECK("dropped: the one gone", rd.dropped.nr == 1 && !strcmp(rd.dropped.v[0], "old 04 gone: four"));
	section = range_diff_section(&rd, 1, 10);
	CHECK("the section: its title, each line, the rest the same",
	      strstr(section, "Changes since v1:\n- 02/10 mm/rmap: two: the commit message") &&
	      strstr(section, "- 04/10 new: four: new in this version\n") &&
	      strstr(section, "- dropped: v1's 04 gone: four\n") &&
	      strstr(section, "- the other 6 patches: the same\n"));
	free(section);
	range_diff_clear(&rd);
	range_diff_parse(" 1:  a = 1:  b x: y\n", 1, &rd);
	section = range_diff_section(&rd, 2, 1);
	CHECK("nothing changed: a resend", strstr(section, "none: every patch is the same"));
	free(section);
	range_diff_clear(&rd);
}

static void test_tools(void)
{
	char *p;

	CHECK("send-email: two results OK", posting_count_ok("x\nResult: OK\ny\nResult: OK\n") == 2);
	CHECK("send-email: a quoted one does not count", posting_count_ok("said Result: OK\n") == 0);
	p = posting_b4_problems("---\nTotal patches: 2\n---\n Base: using specified base-commit "
				"0123456789abcdef\n", 2, "0123456789abcdef");
	CHECK_STR("b4: all patches and the base: no problem", p, "");
	free(p);
	p = posting_b4_problems("WARNING: Thread incomplete!\nTotal patches: 1\n Base: base-commit "
				"0123456789abcdef not known, ignoring\n", 2, "0123456789abcdef");
	CHECK("b4: a warning, a missing patch and an unknown base are all named",
	      strstr(p, "Thread incomplete") && strstr(p, "took 1 patches of 2") &&
	      strstr(p, "did not find the base"));
	free(p);
}

static void test_stable(void)
{
	struct strvec log = STRVEC_INIT;
	char *s;

	strvec_pushl(&log, "1111\tKVM: ten", "2222\tmm/rmap: two", "3333\tKVM: ten", NULL);
	CHECK_STR("the newest commit of a subject", stable_counterpart(&log, "KVM: ten"), "1111");
	CHECK("no commit of a subject: NULL", !stable_counterpart(&log, "xen: three"));
	s = stable_message("1111", "Body.");
	CHECK_STR("the stable form's first line", s, "commit 1111 upstream.\n\nBody.");
	free(s);
	s = stable_subject_prefix("v4.9.45");
	CHECK_STR("a stable base's prefix", s, "PATCH 4.9");
	free(s);
	s = stable_subject_prefix("v4.12-rc3-5-gabcdef");
	CHECK_STR("a describe past a tag", s, "PATCH 4.12");
	free(s);
	CHECK("no vX.Y: no prefix", !stable_subject_prefix("ef8f5328"));
	strvec_clear(&log);
	stable_backport_notes("diff --git a/mm/a.c b/mm/a.c\n--- a/mm/a.c\n+++ b/mm/a.c\n@@ -1,3 +1,3 @@ f\n"
			      " ctx here\n-old();\n+new();\n"
			      "diff --git a/mm/b.c b/mm/b.c\n--- a/mm/b.c\n+++ b/mm/b.c\n@@ -9 +9 @@\n-x;\n+y;\n"
			      "diff --git a/mm/c.c b/mm/c.c\n@@ -1 +1 @@\n-p;\n+q;\n",
			      "diff --git a/mm/a.c b/mm/a.c\n--- a/mm/a.c\n+++ b/mm/a.c\n@@ -40,3 +40,3 @@ g\n"
			      " other ctx\n-old();\n+new();\n"
			      "diff --git a/mm/b.c b/mm/b.c\n@@ -9 +9 @@\n-x;\n+z;\n"
			      "diff --git a/mm/d.c b/mm/d.c\n@@ -1 +1 @@\n-r;\n+s;\n", &log);
	CHECK("backport notes: same lines elsewhere is no note; other code, a file of ours only, "
	      "a file of upstream's only are", log.nr == 3 &&
	      !strcmp(log.v[0], "[ kseries: mm/b.c differs from upstream ]") &&
	      !strcmp(log.v[1], "[ kseries: mm/c.c is not in the upstream commit ]") &&
	      !strcmp(log.v[2], "[ kseries: upstream also changes mm/d.c; this tree's patch does not ]"));
	strvec_clear(&log);
}

static void test_checkpatch_filter(void)
{
	struct rev_result r;
	struct patch_result p[2];

	memset(&r, 0, sizeof(r));
	memset(p, 0, sizeof(p));
	r.patches = p;
	r.nr_patches = 2;
	p[0].subject = "KVM: ten";
	p[0].upstream = "0123456789abcdef0123";
	p[0].cp_errors = 2;
	strvec_push(&p[0].cp_messages, "0001-x.patch:10: ERROR: Please use git commit description style "
		    "'commit <12+ chars of sha1> (\"<title line>\")' - ie: 'commit 0123456789ab "
		    "(\"KVM: ten\")'");
	strvec_push(&p[0].cp_messages, "0001-x.patch:30: ERROR: Please use git commit description style "
		    "'commit <12+ chars of sha1> (\"<title line>\")' - ie: 'commit fedcba987654 "
		    "(\"other: one\")'");
	p[1].subject = "xen: three";
	p[1].cp_errors = 1;
	strvec_push(&p[1].cp_messages, "0002-x.patch:10: ERROR: Please use git commit description style "
		    "'commit <12+ chars of sha1> (\"<title line>\")' - ie: 'commit 0123456789ab "
		    "(\"KVM: ten\")'");
	posting_filter_checkpatch(&r);
	CHECK("checkpatch: the stable line's error is not counted, another commit's is",
	      p[0].cp_errors == 1 && p[0].cp_messages.nr == 1 && strstr(p[0].cp_messages.v[0], "fedcba") &&
	      p[0].cp_stable_line);
	CHECK("checkpatch: a patch with no upstream keeps its errors", p[1].cp_errors == 1 &&
	      !p[1].cp_stable_line);
	strvec_clear(&p[0].cp_messages);
	strvec_clear(&p[1].cp_messages);
}

static void test_prefixes(void)
{
	char *p = patchset_path_prefix("drivers/nvme/host/pci.c");

	CHECK_STR("a catch-all's prefix without history: the path below drivers/", p, "nvme/host");
	free(p);
	p = patchset_path_prefix("drivers/usb/host/xhci.c");
	CHECK_STR("... so NVMe and xHCI differ", p, "usb/host");
	free(p);
	p = patchset_path_prefix("arch/x86/kvm/mmu.c");
	CHECK_STR("... below arch/ too", p, "x86/kvm");
	free(p);
	p = patchset_path_prefix("fs/ext2/inode.c");
	CHECK_STR("... the whole folder elsewhere", p, "fs/ext2");
	free(p);
	p = patchset_path_prefix("drivers/atm.c");
	CHECK_STR("... a file right under drivers/", p, "drivers");
	free(p);
}

/* cp_origin.c: the reversed patch, and the findings that were there before */
static void check_cp_origin(void)
{
	const char *patch =
		"Subject: [PATCH] x\n\n---\n"						/* 1-3 */
		"diff --git a/f.c b/f.c\n--- a/f.c\n+++ b/f.c\n"			/* 4-6 */
		"@@ -1,2 +1,2 @@ ctx\n-old long\n+new long\n context\n"		/* 7-10 */
		"@@ -9 +9,2 @@\n-gone\n+added one\n+added two\n-- \n2.39\n";	/* 11-16 */
	char *rev = cp_reverse_patch(patch);
	struct patch_result p = { .cp_messages = STRVEC_INIT };

	CHECK("cp_origin: the reversed hunks swap their sides", rev &&
	      strstr(rev, "@@ -1,2 +1,2 @@ ctx\n+old long\n-new long\n context\n") &&
	      strstr(rev, "@@ -9,2 +9,1 @@\n+gone\n-added one\n-added two\n-- \n") &&
	      strstr(rev, "--- a/f.c\n+++ b/f.c\n"));
	strvec_push(&p.cp_messages, "0001.patch:9: WARNING: line over 80 characters");
	strvec_push(&p.cp_messages, "0001.patch:13: WARNING: line over 80 characters");
	strvec_push(&p.cp_messages, "0001.patch:16: ERROR: Missing Signed-off-by: line(s)");
	cp_mark_already(&p, patch, rev, "r.patch:8: WARNING: line over 80 characters\n"
			"r.patch:16: ERROR: Missing Signed-off-by: line(s)\n");
	CHECK("cp_origin: the same finding on the old line: already there, once", p.cp_already == 1 &&
	      strstr(p.cp_messages.v[0], "(already there before the series)") &&
	      !strstr(p.cp_messages.v[1], "already there"));
	CHECK("cp_origin: a finding on no code line is never the tree's",
	      !strstr(p.cp_messages.v[2], "already there"));
	strvec_clear(&p.cp_messages);
	free(rev);
}

int main(void)
{
	check_cp_origin();
	char tmpl[] = "/tmp/kseries-posting-XXXXXX", *dir = mkdtemp(tmpl), cmd[80];

	if (!dir)
		return 1;
	test_headers(dir);
	test_addresses();
	test_recipients();
	test_b4_cover();
	test_range_diff();
	test_tools();
	test_stable();
	test_checkpatch_filter();
	test_prefixes();
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd))
		return 1;
	UNIT_EXIT();
}
