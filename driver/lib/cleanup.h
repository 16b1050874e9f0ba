#ifndef KSERIES_CLEANUP_H
#define KSERIES_CLEANUP_H

#include <sys/types.h>

/*
 * What must go away however kseries ends (normal exit, die(), Ctrl-C,
 * SIGTERM, SIGHUP): scratch folders, and what a layer above registers with
 * its own remover (git worktrees). Children (revision
 * processes and the tools they run) are registered: a signal is passed on
 * to them at once, and everything else waits for the main flow.
 */

/* Install the exit and signal handlers (once). */
void cleanup_install(void);
/*
 * A new scratch folder under $TMPDIR (default /tmp), removed at exit: its
 * path (caller frees), or NULL after an error that names it.
 */
char *cleanup_scratch_dir(void);
/* rm -rf path at exit. */
void cleanup_add_dir(const char *path);
/*
 * A remover of its own for path (repo: what it needs beside, or NULL), run
 * at exit: a layer above (worktree.c: git worktree remove) registers it,
 * so this lowest layer knows no git.
 */
typedef void cleanup_fn(const char *repo, const char *path);
void cleanup_add_fn(cleanup_fn *fn, const char *repo, const char *path);
/* Remove it now with fn (NULL: rm -rf) and forget it (the normal path). */
void cleanup_now(cleanup_fn *fn, const char *repo, const char *path);
/*
 * A child to stop (SIGTERM to its process group, which it leads) if we are
 * interrupted.
 */
void cleanup_add_child(pid_t pid);
void cleanup_forget_child(pid_t pid);
/*
 * After pid (a group leader) was reaped: stop and reap what is left of its
 * group (a tool's own children, orphaned to kseries, the subreaper).
 */
void cleanup_reap_group(pid_t pgid);
/*
 * After a child ended: a process it left that came to us (a subreaper's
 * orphan: `setsid sleep 300 &` in a tool) and is no registered child is
 * stopped (TERM to its group, KILL after a grace) and reaped.
 */
void cleanup_reap_orphans(void);
/* SIGINT, SIGHUP, SIGTERM, SIGQUIT, SIGPIPE: the signals that stop a run. */
int cleanup_is_stop_signal(int sig);
/*
 * A child died of a stop signal: the user's (a Ctrl-C reaches the whole
 * group) or a closed pipe. Count it as ours, as if it had come to kseries.
 */
void cleanup_note_signal(int sig);
/* In a freshly forked child: forget the parent's children, lead a group. */
void cleanup_after_fork(void);
/*
 * In the main flow, after anything that waits: if a signal arrived, clean up
 * here (never in the handler), then die of that signal.
 */
void cleanup_check_signal(void);
int cleanup_signal_pending(void);
/*
 * In a child (of parent): die with the parent, even one killed outright
 * (PR_SET_PDEATHSIG). run.c calls it before every exec.
 */
void cleanup_child_exec(pid_t parent);
/* Run every pending cleanup now. */
void cleanup_run(void);
/* Recursive removal of a folder; 0 or -1. */
int remove_tree(const char *path);

#endif
