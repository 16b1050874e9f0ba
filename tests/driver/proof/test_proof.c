/* cmdfile_cpp_command (Kbuild's .cmd to gcc -E) and objcode_parse (objdump, normalised). */
#include <stdlib.h>
#include "proof/identity.h"
#include "kbuild/cmdfile.h"
#include "proof/lineproof.h"
#include "proof/objcode.h"
#include "unit.h"

static const char *cmd =
	"cmd_mm/rmap.o := ccache gcc -Wp,-MD,mm/.rmap.o.d  -nostdinc -isystem /usr/lib/gcc/12/include "
	"-D\"KBUILD_STR(s)=\\#s\" -DKBUILD_BASENAME='\"rmap\"' -DCOST=$$x -c -o mm/.tmp_rmap.o "
	"/tree/mm/rmap.c ; ./scripts/recordmcount mm/.tmp_rmap.o\n\n"
	"source_mm/rmap.o := /tree/mm/rmap.c\n";

/* objdump -h -t -dr --no-show-raw-insn of a small x86_64 object, cut to what matters */
static const char *dis =
	"Sections:\n"
	"Idx Name          Size      VMA               LMA               File off  Algn\n"
	"  0 .text         00000077  0000000000000000  0000000000000000  00000040  2**4\n"
	"  1 .rodata.str1.1 00000010  0000000000000000  0000000000000000  000000b7  2**0\n"
	"SYMBOL TABLE:\n"
	"0000000000000000 l    d  .text\t0000000000000000 .text\n"
	"0000000000000000 l     F .text\t0000000000000018 helper.constprop.0\n"
	"0000000000000020 g     F .text\t000000000000001d user\n"
	"0000000000000000         *UND*\t0000000000000000 printk\n"
	"\n"
	"Disassembly of section .text:\n"
	"\n"
	"0000000000000000 <helper.constprop.0>:\n"
	"   0:\tlea    0x0(%rip),%rdi        # 7 <helper.constprop.0+0x7>\n"
	"\t\t\t3: R_X86_64_PC32\t.rodata.str1.1-0x1\n"
	"   7:\tjmp    c <helper.constprop.0+0xc>\n"
	"\t\t\t8: R_X86_64_PLT32\tprintk-0x4\n"
	"   c:\tnopl   0x0(%rax)\n"
	"\n"
	"0000000000000020 <user>:\n"
	"  20:\tcmp    $0x2,%edi\n"
	"  23:\tjg     2a <user+0xa>\n"
	"  25:\tcall   0 <helper.constprop.0>\n"
	"  2a:\tmov    $0x1a2,%esi\n"
	"  2f:\tret\n";
static const char *strs =
	"\nContents of section .rodata.str1.1:\n"
	" 0000 6869006f 6b202564 0a00               hi.ok %d..\n";

int main(void)
{
	char *cpp = cmdfile_cpp_command(cmd, "mm/rmap.o");
	struct objcode oc;
	const struct objfunc *f;

	CHECK_STR("cpp: the compiler's own words, -E -dD, no -c/-o/-MD/ccache/recordmcount", cpp,
		  "gcc -nostdinc -isystem /usr/lib/gcc/12/include -D\"KBUILD_STR(s)=#s\" "
		  "-DKBUILD_BASENAME='\"rmap\"' -DCOST=$x /tree/mm/rmap.c -E -dD");
	free(cpp);
	CHECK("cpp: another object's line is not taken", !cmdfile_cpp_command(cmd, "mm/x.o"));

	objcode_parse(&oc, dis, strs);
	CHECK("objcode: two functions", oc.nr == 2);
	f = objcode_find(&oc, "helper.constprop");
	CHECK("objcode: the clone's number is dropped", f != NULL);
	CHECK_STR("objcode: the string a relocation points at, placeholders dropped, padding gone", f ? f->code : NULL,
		  "lea 0x0(%rip),%rdi #  [R_X86_64_PC32 \"ok %d\\012\"+0]\n"
		  "jmp  [R_X86_64_PLT32 printk-0x4]\n");
	f = objcode_find(&oc, "user");
	CHECK_STR("objcode: a call by name, a jump inside by offset", f ? f->code : NULL,
		  "cmp $0x2,%edi\njg <user+.>\ncall <helper.constprop>\nmov $0x1a2,%esi\nret\n");
	objcode_clear(&oc);
	{
		/* a data object moved by 4 in .rodata: its offsets are no change, other numbers are */
		struct hunks h = { 0 };
		struct identity id = { .h = &h };
		struct objsym bs[] = { { "ops", ".rodata", 0x0 }, { "vm_ops", ".rodata", 0x60 } };
		struct objsym as[] = { { "ops", ".rodata", 0x0 }, { "vm_ops", ".rodata", 0x5c } };
		struct objcode bo = { .data = bs, .nr_data = 2 }, ao = { .data = as, .nr_data = 2 };

		CHECK("identity: a moved data object's offset is no change",
		      identity_same_but_lines(&id, &bo, &ao, "add x1, x1, #0x60\n", "add x1, x1, #0x5c\n"));
		CHECK("identity: ... another number is",
		      !identity_same_but_lines(&id, &bo, &ao, "add x1, x1, #0x64\n", "add x1, x1, #0x5c\n"));
		CHECK("identity: arm's mov and movw of one immediate are one",
		      identity_same_but_lines(&id, &bo, &ao, "mov r1, #0x60\n", "movw r1, #0x5c\n"));
	}
	{
		char *n = objcode_norm_name("foo.part.0.isra.12");

		CHECK_STR("objcode: every .N part goes", n, "foo.part.isra");
		free(n);
	}
	UNIT_EXIT();
}
