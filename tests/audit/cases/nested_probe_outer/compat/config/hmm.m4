dnl Does the kernel have HMM mirrors? (a feature of its own, not the API)
AC_DEFUN([OP_CHECK_HMM_MIRROR], [
	OP_CHECK_COMPILE([for struct hmm_mirror],
		[#include <linux/hmm.h>],
		[struct hmm_mirror m; (void)m;],
		[OP_DEFINE_IF([HAVE_HMM_MIRROR], [the kernel has hmm mirrors])])
])
