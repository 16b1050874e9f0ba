#!/bin/sh
# e2e: the worked example of docs/writing-a-series.md (examples/pci-zalloc)
# on the demo repo: rewrite converts every caller and removes the wrapper;
# series gives its patches (two manifest entries, a catch-all, the API
# removal) with 0 residuals, builds on x86_64, and its git am equals rewrite.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup
export GIT_AUTHOR_NAME="Test" GIT_AUTHOR_EMAIL="test@example.org"
export GIT_COMMITTER_NAME="Test" GIT_COMMITTER_EMAIL="test@example.org"
ex="$top/examples/pci-zalloc"
git -C "$repo" worktree add -q --detach "$tmp/t" v4.12-demo

"$kseries" rewrite --series "$ex" --report "$tmp/t" > "$tmp/report" 2>&1
check "example: rewrite --report: 5 callers and the wrapper" sh -c "
	test \$(grep -c ': zalloc caller: call of pci_zalloc_consistent()' '$tmp/report') = 5 &&
	test \$(grep -c ': zalloc api: pci_zalloc_consistent() defined' '$tmp/report') = 1"
"$kseries" rewrite --series "$ex" "$tmp/t" > "$tmp/rw" 2>&1
echo $? > "$tmp/rc"
check "example: rewrite exits 0 and leaves no pci_zalloc_consistent" sh -c "
	test \$(cat '$tmp/rc') = 0 && ! grep -rq pci_zalloc_consistent '$tmp/t' --include='*.[ch]'"
check "example: a device becomes &dev->dev, NULL stays NULL, GFP_ATOMIC as the wrapper had" sh -c "
	grep -q 'dma_zalloc_coherent(&ring->pdev->dev, ring->size,\$' '$tmp/t/drivers/net/ethernet/demo/ring.c' &&
	grep -q 'return dma_zalloc_coherent(&pdev->dev, 256, dma, GFP_ATOMIC);' '$tmp/t/drivers/net/ethernet/demo/ring.c' &&
	grep -q 'dma_zalloc_coherent(NULL, 64, dma, GFP_ATOMIC)' '$tmp/t/drivers/scsi/demo_hba.c'"

"$kseries" series -q --no-cc --signoff --arch x86_64 --series "$ex" --kernel "$repo" --rev v4.12-demo \
	--out "$tmp/o" > "$tmp/o.log" 2>&1
echo $? > "$tmp/rc"
s="$tmp/o/v4.12-demo/series"
check "example: series exits 0 with 0 residuals" sh -c "
	test \$(cat '$tmp/rc') = 0 && grep -q '^residuals after the series: 0' '$tmp/o/v4.12-demo/report.txt'"
check "example: its patches: net: ethernet, scsi, the catch-all (the demo history's prefix), then the API removal" sh -c "
	ls '$s' | grep -v cover | tr '\n' ' ' | grep -qx '0001-net-ethernet-switch-from-pci_zalloc_consistent-to-dm.patch 0002-scsi-switch-from-pci_zalloc_consistent-to-dma_zalloc.patch 0003-demo-switch-from-pci_zalloc_consistent-to-dma_zalloc.patch 0004-PCI-remove-pci_zalloc_consistent.patch '"
check "example: the x86_64 cell built the converted objects before and after" sh -c "
	grep -q '^  x86_64   ok       [1-9][0-9]* built, 0 regressions' '$tmp/o/v4.12-demo/report.txt'"
check "example: git am of the series gives exactly rewrite's tree" sh -c "
	git -C '$repo' worktree add -q --detach '$tmp/am' v4.12-demo && cd '$tmp/am' &&
	git am -q '$s'/000[1-9]-*.patch && diff -r -x .git '$tmp/t' '$tmp/am'"
git -C "$repo" worktree remove --force "$tmp/t"
git -C "$repo" worktree remove --force "$tmp/am" 2>/dev/null
finish
