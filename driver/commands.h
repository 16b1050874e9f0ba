#ifndef KSERIES_COMMANDS_H
#define KSERIES_COMMANDS_H

/* One function per subcommand; argv[0] is the subcommand's name. */
int cmd_series(int argc, char **argv);
int cmd_rewrite(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_matrix(int argc, char **argv);
int cmd_boot(int argc, char **argv);
int cmd_cache(int argc, char **argv);

#endif
