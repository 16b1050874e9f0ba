/*
 * kseries-rt: the runtime scenarios, run as root in the test kernel with
 * the notifier probe loaded. Each scenario makes the kernel unmap or clean
 * pages of this process (migration, a THP split, writeback), reads back
 * what the probe recorded meanwhile and judges it (judge.c). One line per
 * run on stdout (the serial console), read by kseries on the host:
 *   kseries-rt: result NAME RUN pass|fail|skip counts=... why=TEXT
 * Usage: kseries-rt [RUNS] [FILE-FOLDER]   (FILE-FOLDER: a disk file system)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "judge.h"

#define PAGE 4096UL
#define HPAGE (2UL << 20)
#define MAX_RECORDS 200000
#define MPOL_MF_MOVE (1 << 1)
#define KPF_THP 22

static int probe_fd = -1;
static struct mn_event records[MAX_RECORDS];
static const char *file_dir = "/mnt";
static int has_invalidate_range = 1;

struct run {
	struct region r[4];
	size_t nr;
	char skip[200];		/* non-empty: the run could not happen, and why */
};

struct scenario {
	const char *name;
	void (*setup)(struct run *ru, char **mem, size_t *len);
	void (*act)(struct run *ru, char *mem);
};

static size_t drain(void)
{
	size_t n = 0;
	ssize_t got;

	while (n < MAX_RECORDS &&
	       (got = read(probe_fd, &records[n], (MAX_RECORDS - n) * sizeof(records[0]))) > 0)
		n += got / sizeof(records[0]);
	return n;
}

static void skip(struct run *ru, const char *what)
{
	if (!ru->skip[0])
		snprintf(ru->skip, sizeof(ru->skip), "%s", what);
}

static void skip_errno(struct run *ru, const char *what)
{
	char t[200];

	snprintf(t, sizeof(t), "%s: %s", what, strerror(errno));
	skip(ru, t);
}

static void add_region(struct run *ru, char *start, char *end)
{
	ru->r[ru->nr++] = (struct region){ (unsigned long)start, (unsigned long)end };
}

static int page_node(char *p)
{
	void *pages[1] = { p };
	int status[1] = { -1 };

	if (syscall(SYS_move_pages, 0, 1UL, pages, NULL, status, 0))
		return -1;
	return status[0];
}

/* Move count pages from p to the other node; -1 and a skip when it did not happen. */
static int migrate(struct run *ru, char *p, size_t count)
{
	void *pages[512];
	int nodes[512], status[512];
	int from = page_node(p);

	if (access("/sys/devices/system/node/node1", F_OK)) {
		skip(ru, "no second NUMA node (boot with two)");
		return -1;
	}
	if (from < 0) {
		skip(ru, "move_pages cannot say where the page is");
		return -1;
	}
	for (size_t i = 0; i < count; i++) {
		pages[i] = p + i * PAGE;
		nodes[i] = !from;
		status[i] = -1;
	}
	if (syscall(SYS_move_pages, 0, (unsigned long)count, pages, nodes, status, MPOL_MF_MOVE)) {
		skip_errno(ru, "move_pages");
		return -1;
	}
	if (status[0] != !from) {
		char t[100];

		snprintf(t, sizeof(t), "move_pages did not move the page (status %d)", status[0]);
		skip(ru, t);
		return -1;
	}
	return 0;
}

/* Is the page at p part of a transparent huge page? (root: kpageflags) */
static int is_thp(char *p)
{
	unsigned long long entry = 0, flags = 0;
	int pm = open("/proc/self/pagemap", O_RDONLY), kf = open("/proc/kpageflags", O_RDONLY);
	int ret = 0;

	if (pm >= 0 && kf >= 0 &&
	    pread(pm, &entry, 8, (unsigned long)p / PAGE * 8) == 8 && (entry >> 63) &&
	    pread(kf, &flags, 8, (entry & ((1ULL << 55) - 1)) * 8) == 8)
		ret = (flags >> KPF_THP) & 1;
	if (pm >= 0)
		close(pm);
	if (kf >= 0)
		close(kf);
	return ret;
}

static void setup_4k(struct run *ru, char **mem, size_t *len)
{
	*len = PAGE;
	*mem = mmap(NULL, *len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (*mem == MAP_FAILED) {
		*mem = NULL;
		skip_errno(ru, "mmap");
		return;
	}
	memset(*mem, 1, PAGE);
	add_region(ru, *mem, *mem + PAGE);
}

/* A THP, PMD-mapped (pte: then mapped by PTEs, one subpage made read-only). */
static void setup_huge(struct run *ru, char **mem, size_t *len, int pte)
{
	char *raw, *h;

	*len = 2 * HPAGE;
	raw = mmap(NULL, *len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (raw == MAP_FAILED) {
		*mem = NULL;
		skip_errno(ru, "mmap");
		return;
	}
	*mem = raw;
	h = (char *)(((unsigned long)raw + HPAGE - 1) & ~(HPAGE - 1));
	madvise(h, HPAGE, MADV_HUGEPAGE);
	memset(h, 1, HPAGE);
	if (!is_thp(h)) {
		skip(ru, "no transparent huge page (the kernel gave 4 KiB pages)");
		return;
	}
	if (!pte) {
		add_region(ru, h, h + HPAGE);
		return;
	}
	if (mprotect(h + PAGE, PAGE, PROT_READ)) {
		skip_errno(ru, "mprotect");
		return;
	}
	/* three VMAs now share the compound page */
	add_region(ru, h, h + PAGE);
	add_region(ru, h + PAGE, h + 2 * PAGE);
	add_region(ru, h + 2 * PAGE, h + HPAGE);
}

static char *huge_start(struct run *ru)
{
	return (char *)(unsigned long)ru->r[0].start;
}

static void setup_thp(struct run *ru, char **mem, size_t *len)
{
	setup_huge(ru, mem, len, 0);
}

static void setup_thp_pte(struct run *ru, char **mem, size_t *len)
{
	setup_huge(ru, mem, len, 1);
}

static void act_migrate_4k(struct run *ru, char *mem)
{
	migrate(ru, mem, 1);
}

static void act_migrate_huge(struct run *ru, char *mem)
{
	(void)mem;
	migrate(ru, huge_start(ru), 1);
}

static void act_split(struct run *ru, char *mem)
{
	int fd = open("/sys/kernel/debug/split_huge_pages", O_WRONLY);

	(void)mem;
	if (fd < 0) {
		skip_errno(ru, "no THP split knob (debugfs split_huge_pages)");
		return;
	}
	if (write(fd, "1", 1) != 1)
		skip_errno(ru, "split_huge_pages");
	close(fd);
	if (is_thp(huge_start(ru)))
		skip(ru, "the huge page was not split");
}

static int shared_fd = -1;

/* A page of a MAP_SHARED file on a disk file system, dirtied through the mapping. */
static void setup_file(struct run *ru, char **mem, size_t *len)
{
	char path[256], block[PAGE];

	*mem = NULL;
	*len = 2 * PAGE;
	snprintf(path, sizeof(path), "%s/kseries-rt.data", file_dir);
	shared_fd = open(path, O_RDWR | O_CREAT, 0600);
	memset(block, 2, sizeof(block));
	if (shared_fd < 0 || pwrite(shared_fd, block, PAGE, 0) != PAGE ||
	    pwrite(shared_fd, block, PAGE, PAGE) != PAGE || fsync(shared_fd)) {
		skip_errno(ru, "no file to map on a disk file system");
		return;
	}
	*mem = mmap(NULL, *len, PROT_READ | PROT_WRITE, MAP_SHARED, shared_fd, 0);
	if (*mem == MAP_FAILED) {
		*mem = NULL;
		skip_errno(ru, "mmap of the file");
		return;
	}
	(*mem)[PAGE] ^= 1;
	add_region(ru, *mem + PAGE, *mem + 2 * PAGE);
}

static void act_msync(struct run *ru, char *mem)
{
	if (msync(mem, 2 * PAGE, MS_SYNC))
		skip_errno(ru, "msync");
}

static void act_fsync(struct run *ru, char *mem)
{
	(void)mem;
	if (fsync(shared_fd))
		skip_errno(ru, "fsync");
}

static void setup_clean_huge(struct run *ru, char **mem, size_t *len)
{
	*mem = NULL;
	*len = 0;
	skip(ru, "no compound page can be cleaned here: file THPs live on tmpfs, which has no writeback");
}

static const struct scenario scenarios[] = {
	{ "unmap-4k-migrate", setup_4k, act_migrate_4k },
	{ "unmap-thp-migrate", setup_thp, act_migrate_huge },
	{ "unmap-thp-pte-migrate", setup_thp_pte, act_migrate_huge },
	{ "unmap-thp-pte-split", setup_thp_pte, act_split },
	{ "clean-4k-msync", setup_file, act_msync },
	{ "clean-4k-fsync", setup_file, act_fsync },
	{ "clean-thp", setup_clean_huge, NULL },
};

static void report(const char *name, int run, const struct run *ru, const struct judgement *j)
{
	const char *result = ru->skip[0] ? "skip" : j->pass ? "pass" : "fail";

	printf("kseries-rt: result %s %d %s counts=start:%lu,end:%lu,range:%lu,page:%lu,"
	       "outside:%lu,atomic:%lu why=%s\n", name, run, result, j->count[MN_RANGE_START],
	       j->count[MN_RANGE_END], j->count[MN_INVALIDATE_RANGE], j->count[MN_INVALIDATE_PAGE],
	       j->outside, j->atomic, ru->skip[0] ? ru->skip : j->pass ? "-" : j->why);
	fflush(stdout);
}

static void run_one(const struct scenario *s, int run)
{
	struct run ru;
	struct judgement j;
	char *mem = NULL;
	size_t len = 0, n;

	memset(&ru, 0, sizeof(ru));
	memset(&j, 0, sizeof(j));
	s->setup(&ru, &mem, &len);
	drain();
	if (!ru.skip[0] && s->act)
		s->act(&ru, mem);
	n = drain();
	if (!ru.skip[0])
		judge_run(records, n, ru.r, ru.nr, has_invalidate_range, &j);
	report(s->name, run, &ru, &j);
	if (mem)
		munmap(mem, len);
	if (shared_fd >= 0)
		close(shared_fd);
	shared_fd = -1;
}

int main(int argc, char **argv)
{
	int runs = argc > 1 ? atoi(argv[1]) : 10;

	if (argc > 2)
		file_dir = argv[2];
	has_invalidate_range = !access("/sys/kernel/debug/kseries_mn/has_invalidate_range", F_OK);
	probe_fd = open("/sys/kernel/debug/kseries_mn/events", O_RDONLY);
	if (probe_fd < 0) {
		printf("kseries-rt: error the probe is not there (/sys/kernel/debug/kseries_mn/events): %s\n",
		       strerror(errno));
		return 1;
	}
	printf("kseries-rt: begin runs=%d\n", runs);
	for (size_t i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++)
		for (int r = 1; r <= runs; r++)
			run_one(&scenarios[i], r);
	close(probe_fd);
	printf("kseries-rt: end\n");
	return 0;
}
