dnl Does struct mmu_notifier_ops still have the per-page callback?
AC_DEFUN([OP_CHECK_INVALIDATE_PAGE], [
	OP_CHECK_COMPILE([for mmu_notifier_ops.invalidate_page],
		[#include <linux/mmu_notifier.h>],
		[struct mmu_notifier_ops o = { .invalidate_page = NULL }; (void)o;],
		[OP_DEFINE_IF([HAVE_OLD_MN_API], [the old mmu_notifier API])])
])
