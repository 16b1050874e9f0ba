/* Hand-made brackets, one per path shape; each wrong one must be reported. */

/* The example: an error label after the final return. */
static int label_after_return(struct page *page, struct vm_area_struct *vma,
			      unsigned long address)
{
	unsigned long start = address;
	unsigned long end = min(vma->vm_end, start + PAGE_SIZE);
	struct mm_struct *mm = vma->vm_mm;
	int ret = 0;

	mmu_notifier_invalidate_range_start(mm, start, end);
	pte = page_check_address(page, mm, address, &ptl, 0);
	if (!pte) {
		mmu_notifier_invalidate_range_end(mm, start, end);
		goto out;
	}
	if (vma->vm_flags & VM_LOCKED)
		goto out_mlock;
	ret = 1;
	pte_unmap_unlock(pte, ptl);
	mmu_notifier_invalidate_range(mm, address, address + PAGE_SIZE);
	mmu_notifier_invalidate_range_end(vma->vm_mm, start, end);
out:
	return ret;
out_mlock:
	pte_unmap_unlock(pte, ptl);
	return ret;
}

static void balanced_early_return(struct mm_struct *mm, unsigned long s, unsigned long e)
{
	mmu_notifier_invalidate_range_start(mm, s, e);
	if (demo_busy()) {
		mmu_notifier_invalidate_range_end(mm, s, e);
		return;
	}
	demo_work();
	mmu_notifier_invalidate_range_end(mm, s, e);
}

static void falls_off_the_end(struct mm_struct *mm, unsigned long s, unsigned long e)
{
	mmu_notifier_invalidate_range_start(mm, s, e);
	if (demo_busy())
		mmu_notifier_invalidate_range_end(mm, s, e);
	demo_work();
}

static void closed_twice(struct mm_struct *mm, unsigned long s, unsigned long e)
{
	mmu_notifier_invalidate_range_start(mm, s, e);
	if (demo_busy())
		mmu_notifier_invalidate_range_end(mm, s, e);
	demo_work();
	mmu_notifier_invalidate_range_end(mm, s, e);
}

static void loop_break_continue(struct mm_struct *mm, unsigned long s, unsigned long e)
{
	int i;

	for (i = 0; i < 8; i++) {
		mmu_notifier_invalidate_range_start(mm, s, e);
		if (demo_skip(i))
			continue;
		if (demo_stop(i))
			break;
		mmu_notifier_invalidate_range_end(mm, s, e);
	}
}

static void loop_balanced(struct mm_struct *mm, unsigned long s, unsigned long e)
{
	int i;

	for (i = 0; i < 8; i++) {
		mmu_notifier_invalidate_range_start(mm, s, e);
		if (demo_skip(i)) {
			mmu_notifier_invalidate_range_end(mm, s, e);
			continue;
		}
		mmu_notifier_invalidate_range_end(mm, s, e);
	}
}

static void end_without_start(struct mm_struct *mm, unsigned long s, unsigned long e)
{
	if (demo_busy())
		goto out;
	mmu_notifier_invalidate_range_start(mm, s, e);
	demo_work();
out:
	mmu_notifier_invalidate_range_end(mm, s, e);
}

static void same_mm_by_meaning(struct vm_area_struct *vma, unsigned long s, unsigned long e)
{
	struct mm_struct *mm = vma->vm_mm;

	mmu_notifier_invalidate_range_start(mm, s, e);
	mmu_notifier_invalidate_range_end(vma->vm_mm, s, e);
}

static void another_mm(struct vm_area_struct *vma, struct mm_struct *other,
		       unsigned long s, unsigned long e)
{
	mmu_notifier_invalidate_range_start(vma->vm_mm, s, e);
	mmu_notifier_invalidate_range_end(other, s, e);
}
