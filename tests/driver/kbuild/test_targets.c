/* Unit tests of driver/kbuild/targets.c (and make_step.c's make-log reader). */
#include <stdlib.h>
#include "kbuild/targets.h"
#include "kbuild/make_step.h"
#include "unit.h"

int main(void)
{
	struct strvec out = STRVEC_INIT, other = STRVEC_INIT, files = STRVEC_INIT, t = STRVEC_INIT;

	make_failed_objects(
		"  CC      mm/rmap.o\n"
		"make[2]: *** [/k/scripts/Makefile.build:303: drivers/infiniband/core/umem_odp.o] Error 1\n"
		"make[1]: *** [/k/Makefile:1663: drivers/infiniband/core/umem_odp.o] Error 2\n"
		"make: *** [Makefile:13: mm/rmap.o] Error 1\n"
		"make[1]: *** [/k/Makefile:1024: prepare0] Error 2\n"
		"make[3]: *** [scripts/Makefile.host:116: scripts/dtc/dtc] Error 1\n"
		"make: *** [Makefile:150: sub-make] Error 2\n"
		"make: Target 'fs/dax.o' not remade because of errors.\n", &out, &other);
	CHECK("make log: two failed objects, each once", out.nr == 2);
	CHECK_STR("make log: Kbuild's recursive line", out.nr > 0 ? out.v[0] : NULL,
		  "drivers/infiniband/core/umem_odp.o");
	CHECK_STR("make log: a plain make line", out.nr > 1 ? out.v[1] : NULL, "mm/rmap.o");
	CHECK("make log: the build's own failures apart, make's wrappers ignored",
	      other.nr == 2 && strvec_contains(&other, "scripts/dtc/dtc") &&
	      strvec_contains(&other, "prepare0"));

	strvec_pushl(&files, "mm/rmap.c", "include/linux/mmu_notifier.h", "virt/kvm/kvm_main.c",
		     "arch/x86/kvm/x86.c", "arch/powerpc/platforms/powernv/npu-dma.c", NULL);
	/* no arch/x86/kvm/Makefile under /nonexistent: KVM files as single objects */
	targets_of_files("/nonexistent", "x86", &files, NULL, &t);
	CHECK("targets: headers and other arches left out", t.nr == 3);
	CHECK("targets: .c -> .o", strvec_contains(&t, "mm/rmap.o"));
	CHECK("targets: kvm_main.o without a KVM Makefile", strvec_contains(&t, "virt/kvm/kvm_main.o"));
	CHECK("targets: no powerpc file on x86", !strvec_contains(&t, "arch/powerpc/platforms/powernv/npu-dma.o"));
	strvec_clear(&out);
	strvec_clear(&other);
	strvec_clear(&files);
	strvec_clear(&t);
	UNIT_EXIT();
}
