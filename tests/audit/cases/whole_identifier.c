/* Names that contain the API's name but are not it. */
#include <linux/mmu_notifier.h>

void wi_mmu_notifier_invalidate_page_stats(int n);

void wi_count(void)
{
	wi_mmu_notifier_invalidate_page_stats(1);
}
