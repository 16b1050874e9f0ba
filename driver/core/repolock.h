#ifndef KSERIES_REPOLOCK_H
#define KSERIES_REPOLOCK_H

/*
 * git does not make concurrent "worktree add/remove" on one repo safe (one
 * remove deletes the empty .git/worktrees folder while another add creates
 * its entry). Every kseries process, of any run, takes this lock around
 * them: flock(2) on the repo's common git dir itself, so nothing is
 * written into the user's repo and a killed holder releases it.
 */

/* Take the lock of repo: a descriptor for repo_unlock, or -1 after an error. */
int repo_lock(const char *repo);
void repo_unlock(int fd);

#endif
