/* Demo kernel: the version this tree says it is. */
#define KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + (c))
#define LINUX_VERSION_CODE ((4 << 16) + (12 << 8) + 0)
