/* commands.h: the subcommands of `verbatim`, each in its own file. */
#ifndef VB_COMMANDS_H
#define VB_COMMANDS_H

/*
 * Each command parses its own options (getopt_long, usage text beside the
 * option table), prints, and returns an exit status: 0 ok, 1 failure,
 * 2 usage error.  argv[0] is the command name.
 */
int vb_cmd_index(int argc, char **argv);
int vb_cmd_extract(int argc, char **argv);
int vb_cmd_search(int argc, char **argv);
int vb_cmd_show(int argc, char **argv);
int vb_cmd_stats(int argc, char **argv);
int vb_cmd_quotes(int argc, char **argv);
int vb_cmd_speakers(int argc, char **argv);
int vb_cmd_entities(int argc, char **argv);
int vb_cmd_serve(int argc, char **argv);
int vb_cmd_cite(int argc, char **argv);
int vb_cmd_verify(int argc, char **argv);

#endif
