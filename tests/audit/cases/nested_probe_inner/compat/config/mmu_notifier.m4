dnl Does struct mmu_notifier_ops still have the per-page callback?
AC_DEFUN([NP_CHECK_INVALIDATE_PAGE], [
	NP_CHECK_COMPILE([for mmu_notifier_ops.invalidate_page],
		[#include <linux/mmu_notifier.h>],
		[struct mmu_notifier_ops o = { .invalidate_page = NULL }; (void)o;],
		[NP_DEFINE_IF([HAVE_INVALIDATE_PAGE], [the old mmu_notifier API])])
])
