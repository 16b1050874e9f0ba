#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include "lib/fileio.h"
#include "lib/usage.h"

#define PATH_MAX_HINT 4200

char *read_file(const char *path)
{
	/* O_NONBLOCK: a FIFO opens at once (and is refused below) instead of waiting for a writer */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	char *buf;
	size_t got = 0, cap;

	if (fd < 0)
		return NULL;
	/* only a regular file: a folder, a FIFO or a device is no text to read whole */
	if (fstat(fd, &st)) {
		int e = errno;

		close(fd);
		errno = e;
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		return NULL;
	}
	/* to the end, whatever the size says (a /proc file says 0); room to see the end at once */
	cap = (size_t)st.st_size + 4096;
	buf = xmalloc(cap);
	for (;;) {
		ssize_t n;

		if (got + 1 == cap)
			buf = xrealloc(buf, cap *= 2);
		n = read(fd, buf + got, cap - got - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	buf[got] = '\0';
	close(fd);
	return buf;
}

int write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	int ok;

	if (!f)
		return error_write(path);
	ok = fputs(text, f) >= 0;
	ok &= !fclose(f);
	return ok ? 0 : error_write(path);
}

int replace_file(const char *path, const char *text)
{
	char *tmp = xstrfmt("%s.kseries-XXXXXX", path);
	struct stat st;
	mode_t mode = 0644;
	size_t len = strlen(text);
	ssize_t n = 0;
	int fd, err = 0;

	if (!stat(path, &st))
		mode = st.st_mode & 07777;
	fd = mkstemp(tmp);
	if (fd < 0) {
		free(tmp);
		return error_write(path);
	}
	for (size_t off = 0; off < len && n >= 0; off += (size_t)n)
		n = write(fd, text + off, len - off);
	if (n < 0 || fchmod(fd, mode))
		err = errno;
	if (close(fd) && !err)
		err = errno;
	if (!err && rename(tmp, path))
		err = errno;
	if (err) {
		unlink(tmp);
		free(tmp);
		errno = err;
		return error_write(path);
	}
	free(tmp);
	return 0;
}

int unshare_file(const char *path)
{
	struct stat st;
	char *text;
	int ret;

	if (lstat(path, &st) || !S_ISREG(st.st_mode) || st.st_nlink < 2)
		return 0;
	if (!(text = read_file(path)))
		return error_errno("cannot read %s", path);
	ret = replace_file(path, text);
	free(text);
	return ret;
}

/* The nearest folder holding path that exists (path itself, if a folder). */
static char *existing_folder(const char *path)
{
	char *dir = xstrdup(path), *slash;
	struct stat st;

	while ((stat(dir, &st) || !S_ISDIR(st.st_mode)) && (slash = strrchr(dir, '/')) && slash != dir)
		*slash = '\0';
	return dir;
}

/* KiB free to us on the file system of folder, or -1 when unknown. */
static long long free_kib(const char *folder)
{
	struct statvfs st;

	if (statvfs(folder, &st))
		return -1;
	return (long long)st.f_bavail * st.f_frsize / 1024;
}

/* "; the disk is full where FOLDER lives: N KiB free ..." */
static const char *full_hint(const char *path)
{
	static char hint[PATH_MAX_HINT];
	char *dir = existing_folder(path);

	snprintf(hint, sizeof(hint), "; the disk (or your quota) is full where %s lives: "
		 "%lld KiB free there (df -h %s); free some space, or give an output "
		 "folder on another disk", dir, free_kib(dir), dir);
	free(dir);
	return hint;
}

int error_write(const char *path)
{
	int err = errno;

	if (err == ENOSPC || err == EDQUOT)
		return error("cannot write %s: %s%s", path, strerror(err), full_hint(path));
	return error("cannot write %s: %s", path, strerror(err));
}

const char *full_disk_hint(const char *tool_message, const char *path)
{
	char *dir = existing_folder(path);
	/* tools do not always give the reason (git: "unable to write file") */
	long long left = free_kib(dir);

	free(dir);
	if ((tool_message && (strstr(tool_message, strerror(ENOSPC)) ||
			      strstr(tool_message, strerror(EDQUOT)))) || (left >= 0 && left < 64))
		return full_hint(path);
	return "";
}

int make_parents(const char *path, mode_t mode)
{
	char *dir = xstrdup(path);
	int ret = 0;

	for (char *p = strchr(dir + 1, '/'); p && !ret; p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(dir, mode) && errno != EEXIST)
			ret = error_errno("cannot create %s", dir);
		*p = '/';
	}
	free(dir);
	return ret;
}

/*
 * path made absolute with its links resolved, existing or not (what does
 * not exist yet is taken as written under its nearest existing folder): 0,
 * or -1 when not even that resolves.
 */
static int resolve(const char *path, char *buf)
{
	char *copy, *slash;
	int ret;

	if (realpath(path, buf))
		return 0;
	if (errno != ENOENT)
		return -1;
	copy = xstrdup(path);
	slash = strrchr(copy, '/');
	while (slash && slash > copy && !slash[1]) {	/* "dir/" */
		*slash = '\0';
		slash = strrchr(copy, '/');
	}
	if (slash)
		*slash = '\0';
	ret = resolve(slash ? (*copy ? copy : "/") : ".", buf);
	if (!ret && strlen(buf) + strlen(slash ? slash + 1 : copy) + 2 < PATH_MAX)
		strcat(strcmp(buf, "/") ? strcat(buf, "/") : buf, slash ? slash + 1 : copy);
	free(copy);
	return ret;
}

int path_within(const char *dir, const char *path)
{
	char dir_abs[PATH_MAX], path_abs[PATH_MAX];
	size_t n;

	if (!dir || !path || resolve(dir, dir_abs) || resolve(path, path_abs))
		return 0;
	n = strlen(dir_abs);
	return !strncmp(path_abs, dir_abs, n) && (path_abs[n] == '/' || !path_abs[n] || n == 1);
}
