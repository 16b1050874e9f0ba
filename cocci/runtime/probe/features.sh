#!/bin/sh
# features.sh CC [FLAGS...]: one #define per mmu_notifier feature this
# kernel's headers have, each found by compiling a test against them.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
feature() {
	name=$1
	test=$2
	shift 2
	printf '#include <linux/mmu_notifier.h>\n%s\n' "$test" > "$tmp/t.c"
	if "$@" -c -o "$tmp/t.o" "$tmp/t.c" 2>"$tmp/err"; then
		echo "#define $name 1"
	else
		echo "/* no $name */"
	fi
}
member() {
	echo "int t = sizeof(((struct mmu_notifier_ops *)0)->$1);"
}
same_type() {
	echo "typedef char t[__builtin_types_compatible_p(typeof(((struct mmu_notifier_ops *)0)->$1), $2) ? 1 : -1];"
}
echo "/* written by features.sh */"
feature HAVE_INVALIDATE_PAGE "$(member invalidate_page)" "$@"
feature HAVE_INVALIDATE_RANGE "$(member invalidate_range)" "$@"
feature HAVE_ARCH_INVALIDATE_SECONDARY "$(member arch_invalidate_secondary_tlbs)" "$@"
feature HAVE_RANGE_STRUCT "$(same_type invalidate_range_start \
	'int (*)(struct mmu_notifier *, const struct mmu_notifier_range *)')" "$@"
feature HAVE_RANGE_BLOCKABLE_FN \
	"int t(const struct mmu_notifier_range *r) { return mmu_notifier_range_blockable(r); }" "$@"
feature HAVE_RANGE_BLOCKABLE "$(same_type invalidate_range_start \
	'int (*)(struct mmu_notifier *, struct mm_struct *, unsigned long, unsigned long, bool)')" "$@"
