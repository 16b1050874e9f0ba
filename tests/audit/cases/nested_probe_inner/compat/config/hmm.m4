dnl Does the kernel have HMM mirrors? (a feature of its own, not the API)
AC_DEFUN([NP_CHECK_HMM_MIRROR], [
	NP_CHECK_COMPILE([for struct hmm_mirror],
		[#include <linux/hmm.h>],
		[struct hmm_mirror m; (void)m;],
		[NP_DEFINE_IF([HAVE_HMM_MIRROR], [the kernel has hmm mirrors])])
])
