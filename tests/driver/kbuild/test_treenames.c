/* Unit tests of driver/kbuild/treenames.c: defconfigs and Kconfig symbols picked from what a tree has. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/fileio.h"
#include "kbuild/treenames.h"
#include "unit.h"
#include "lib/usage.h"

/* a git tree shaped like a 4.4 kernel: powerpc has ppc64le_defconfig only as a Makefile rule */
static char *make_tree(void)
{
	char tmpl[] = "/tmp/kseries-treenames-XXXXXX", *dir = mkdtemp(tmpl), *cmd;

	if (!dir)
		return NULL;
	cmd = xstrfmt("cd %s && mkdir -p arch/powerpc/configs arch/x86/configs arch/arm/kvm mm && "
		      "echo '# ppc64' > arch/powerpc/configs/ppc64_defconfig && "
		      "printf 'all:\\n\\nppc64le_defconfig:\\n\\t$(call merge_into_defconfig,ppc64_defconfig,le)\\n'"
		      " > arch/powerpc/Makefile && "
		      "printf 'config PPC_DISABLE_WERROR\\n\\tbool\\n' > arch/powerpc/Kconfig.debug && "
		      "printf 'config KVM_ARM_HOST\\n' > arch/arm/kvm/Kconfig && "
		      "printf 'menuconfig TRANSPARENT_HUGEPAGE\\n  bool\\nconfig  KSM \\n' > mm/Kconfig && "
		      "printf 'config CRYPTO_DEV_QAT_DH895xCC\\n\\ttristate\\n\\tdepends on PCI && !UML\\n"
		      "config CRYPTO_DEV_QAT\\n\\ttristate\\n"
		      "if NET_VENDOR_DEMO\\nmenu \\\"Demo\\\"\\n\\tdepends on PCI\\nconfig DEMO_NIC\\n\\ttristate\\n"
		      "\\tdepends on HAS_DMA\\nendmenu\\nendif\\nconfig AFTER_IF\\n\\tbool\\n' > mm/Kconfig.qat && "
		      "git init -q && git add -A && git -c user.name=t -c user.email=t@t commit -q -m t",
		      dir);
	if (system(cmd))
		dir = NULL;
	free(cmd);
	return dir ? xstrdup(dir) : NULL;
}

int main(void)
{
	char *tree = make_tree(), *note = NULL, *got;
	struct strvec syms = STRVEC_INIT, unknown = STRVEC_INIT;

	if (!tree)
		return 1;
	got = treenames_defconfig(tree, "powerpc", NULL, "powernv_defconfig ppc64le_defconfig", &note);
	CHECK_STR("treenames: 4.4 has ppc64le_defconfig as a Makefile rule", got, "ppc64le_defconfig");
	CHECK_STR("treenames: the choice names what the tree lacks", note,
		  "ppc64le_defconfig (powernv_defconfig: not in this tree)");
	free(got);
	free(note);
	got = treenames_defconfig(tree, "powerpc", "ppc64_defconfig", "powernv_defconfig", &note);
	CHECK("treenames: the series' defconfig first, no note when the first is there",
	      got && !strcmp(got, "ppc64_defconfig") && !note);
	free(got);
	got = treenames_defconfig(tree, "powerpc", "nope_defconfig", "none_defconfig", &note);
	CHECK("treenames: none there is NULL, and the note lists what was tried",
	      !got && note && strstr(note, "nope_defconfig, none_defconfig") &&
	      strstr(note, "arch/powerpc/configs"));
	free(note);
	got = treenames_defconfig(tree, "arm64", NULL, "defconfig", &note);
	CHECK_STR("treenames: the generic defconfig always exists", got, "defconfig");
	free(got);
	free(note);
	strvec_pushl(&syms, "TRANSPARENT_HUGEPAGE", "KSM", "PPC_DISABLE_WERROR", "KVM_ARM_HOST",
		     "ZONE_DEVICE", "KS", NULL);
	treenames_kconfig_unknown(tree, "powerpc", &syms, &unknown);
	CHECK("treenames: unknown symbols are the ones no Kconfig of the arch defines",
	      unknown.nr == 3 && !strcmp(unknown.v[0], "KVM_ARM_HOST") &&
	      !strcmp(unknown.v[1], "ZONE_DEVICE") && !strcmp(unknown.v[2], "KS"));
	strvec_clear(&unknown);
	treenames_kconfig_unknown(tree, "arm", &syms, &unknown);
	CHECK("treenames: another arch's Kconfig counts for that arch only",
	      strvec_contains(&unknown, "PPC_DISABLE_WERROR") && !strvec_contains(&unknown, "KVM_ARM_HOST"));
	strvec_clear(&unknown);
	strvec_clear(&syms);
	CHECK_STR("treenames: no scripts/kconfig/Makefile: olddefconfig", treenames_olddefconfig(tree),
		  "olddefconfig");
	{
		char *mk = xstrfmt("%s/scripts/kconfig", tree), *cmd = xstrfmt("mkdir -p %s && printf "
			"'PHONY += listnewconfig oldnoconfig\\n' > %s/Makefile", mk, mk);

		if (system(cmd))
			return 1;
		CHECK_STR("treenames: a 3.4 tree's Kconfig has only oldnoconfig", treenames_olddefconfig(tree),
			  "oldnoconfig");
		free(cmd);
		cmd = xstrfmt("printf 'listnewconfig olddefconfig oldnoconfig:\\n' > %s/Makefile", mk);
		if (system(cmd))
			return 1;
		CHECK_STR("treenames: a tree with both: olddefconfig", treenames_olddefconfig(tree),
			  "olddefconfig");
		free(cmd);
		free(mk);
	}
	{
		char *why = treenames_kconfig_why_off(tree, "CRYPTO_DEV_QAT_DH895xCC", "CONFIG_UML=y\n");

		CHECK_STR("treenames: a dropped mixed-case symbol: what it depends on, what is off",
			  why, "depends on PCI && !UML; off here: PCI; on here: UML");
		free(why);
		why = treenames_kconfig_why_off(tree, "CRYPTO_DEV_QAT", "");
		CHECK("treenames: no depends on: nothing to say", !why);
		free(why);
		why = treenames_kconfig_why_off(tree, "DEMO_NIC", "CONFIG_PCI=y\n");
		CHECK_STR("treenames: the if block and the menu around an entry count too",
			  why, "depends on NET_VENDOR_DEMO && PCI && HAS_DMA; off here: NET_VENDOR_DEMO, HAS_DMA");
		free(why);
		why = treenames_kconfig_why_off(tree, "AFTER_IF", "");
		CHECK("treenames: an entry after endif has none of them", !why);
		free(why);
	}
	{
		/* help prose and comments are not symbols; a parent's menu counts (HFI1 on 4.4) */
		char *cmd = xstrfmt("cd %s && mkdir -p drivers/ib/hw/hfi1 && "
			"printf 'menuconfig INFINIBAND\\n\\ttristate\\nif INFINIBAND\\n"
			"source \"drivers/ib/hw/hfi1/Kconfig\"\\nendif\\n' > drivers/ib/Kconfig && "
			"printf 'menu \"Devices\"\\n\\tdepends on PCI # buses\\nsource \"drivers/ib/Kconfig\"\\n"
			"endmenu\\n' > drivers/Kconfig && "
			"printf 'config HFI1\\n\\ttristate \"hfi1\"\\n\\tdepends on X86_64 # you have one of these machines.\\n"
			"\\thelp\\n\\t  This driver depends on you have one of these machines.\\n"
			"\\t  if you say Y here\\n\\nconfig OTHER\\n\\tbool\\n' > drivers/ib/hw/hfi1/Kconfig && "
			"git add -A >/dev/null 2>&1", tree);
		char *why;

		if (system(cmd))
			return 1;
		why = treenames_kconfig_why_off(tree, "HFI1", "CONFIG_X86_64=y\n");
		CHECK_STR("treenames: the entry's own depends (no comment, no help prose), then the "
			  "sourcing files' if and menu", why,
			  "depends on X86_64 && INFINIBAND && PCI; off here: INFINIBAND, PCI");
		free(why);
		why = treenames_kconfig_why_off(tree, "OTHER", "CONFIG_PCI=y\nCONFIG_INFINIBAND=y\n");
		CHECK_STR("treenames: an entry after a help text is its own, with the parents' conditions",
			  why, "depends on INFINIBAND && PCI");
		free(why);
		free(cmd);
	}
	{
		char *cmd = xstrfmt("rm -rf %s", tree);

		if (system(cmd))
			return 1;
		free(cmd);
	}
	free(tree);
	UNIT_EXIT();
}
