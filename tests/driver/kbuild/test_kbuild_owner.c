/* Unit tests of kbuild_owner: which setting asked for brings a failing object in; an object's gates. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "lib/fileio.h"
#include "kbuild/kbuild_owner.h"
#include "unit.h"

static void put(const char *top, const char *rel, const char *text)
{
	char path[512], *slash;

	snprintf(path, sizeof(path), "%s/%s", top, rel);
	for (slash = path + strlen(top) + 1; (slash = strchr(slash, '/')); slash++) {
		*slash = '\0';
		mkdir(path, 0777);
		*slash = '/';
	}
	write_file(path, text);
}

int main(void)
{
	char tmpl[] = "/tmp/kseries-owner-XXXXXX", *top = mkdtemp(tmpl), *s, cmd[100];
	struct strvec wanted = STRVEC_INIT;

	if (!top)
		return 1;
	strvec_pushl(&wanted, "DRM_AMDGPU=y", "KVM=y", "SGI_GRU=n", "XEN=y", NULL);
	put(top, "drivers/gpu/drm/Makefile", "obj-$(CONFIG_DRM) += drm.o\nobj-$(CONFIG_DRM_AMDGPU)+= amd/amdgpu/\n");
	put(top, "drivers/Makefile", "obj-$(CONFIG_ATA) += ata/\nobj-y += gpu/\nobj-$(CONFIG_XEN) += xen/\n");
	put(top, "drivers/gpu/drm/amd/amdgpu/Makefile", "amdgpu-y += nbio.o\nobj-$(CONFIG_HSA_AMD) += amdkfd.o\n"
	    "obj-$(CONFIG_DRM_AMDGPU)+= amdgpu.o\n");
	put(top, "drivers/gpu/drm/amd/powerplay/hwmgr/Makefile", "HWMGR = vega10_hwmgr.o\n");
	put(top, "drivers/misc/sgi-gru/Makefile", "obj-$(CONFIG_SGI_GRU) += gru.o\n");
	put(top, "fs/Makefile", "obj-y += open.o\n");
	s = kbuild_owner_symbol(top, "drivers/gpu/drm/amd/amdgpu/nbio.o", &wanted);
	CHECK_STR("an object of a wanted driver's folder", s, "DRM_AMDGPU");
	free(s);
	s = kbuild_owner_symbol(top, "drivers/gpu/drm/amd/amdgpu/../powerplay/hwmgr/vega10_hwmgr.o", &wanted);
	CHECK_STR("a path through .. (as make prints it) walks up to the driver", s, "DRM_AMDGPU");
	free(s);
	/* a folder above only by the line that brings its subfolder in: XEN's brings xen/ */
	put(top, "drivers/gpu/Makefile", "obj-y += drm/\n");
	put(top, "drivers/gpu/drm/Makefile", "obj-$(CONFIG_DRM) += drm.o\nobj-$(CONFIG_DRM_AMDGPU)+= amd/amdgpu/\n");
	put(top, "drivers/gpu/drm/radeon/Makefile", "radeon-y += r100.o\n");
	s = kbuild_owner_symbol(top, "drivers/gpu/drm/radeon/r100.o", &wanted);
	CHECK("an unrelated line of a folder above is no owner (XEN's, amdgpu's)", s == NULL);
	free(s);
	s = kbuild_owner_symbol(top, "fs/open.o", &wanted);
	CHECK("the defconfig's own object has no owner", s == NULL);
	free(s);
	s = kbuild_owner_symbol(top, "drivers/misc/sgi-gru/gru.o", &wanted);
	CHECK("a setting asked to be off is no owner", s == NULL);
	free(s);
	{
		struct strvec gates = STRVEC_INIT;
		char *list;

		put(top, "Makefile", "obj-y += drivers/\n");
		kbuild_object_gates(top, "drivers/gpu/drm/amd/amdgpu/nbio.o", &gates);
		list = strvec_join(&gates, 10, " ");
		CHECK_STR("gates: a composite's part, then each folder up (obj-y gates nothing)", list,
			  "DRM_AMDGPU");
		free(list);
		strvec_clear(&gates);
		put(top, "drivers/xen/Makefile", "xen-y += grant.o\nobj-$(CONFIG_XEN_GNTDEV) += xen.o\n");
		kbuild_object_gates(top, "drivers/xen/grant.o", &gates);
		list = strvec_join(&gates, 10, " ");
		CHECK_STR("gates: the composite's symbol, then the folder's", list, "XEN_GNTDEV XEN");
		free(list);
		strvec_clear(&gates);
		kbuild_object_gates(top, "fs/open.o", &gates);
		CHECK("gates: an object built always has none", gates.nr == 0);
		kbuild_object_gates(top, "fs/none.o", &gates);
		CHECK("gates: an object no Makefile lists has none", gates.nr == 0);
		strvec_clear(&gates);
	}
	snprintf(cmd, sizeof(cmd), "rm -rf %s", top);
	strvec_clear(&wanted);
	if (system(cmd))
		return 1;
	UNIT_EXIT();
}
