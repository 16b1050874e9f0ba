/* The module's compat header: what the kernel it is built for has. */
#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 13, 0) || defined(MYDRV_BACKPORTED_MN)
#define MYDRV_HAVE_INVALIDATE_PAGE 1
#endif
