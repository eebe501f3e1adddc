// A small C API over Debian's libedit (libedit-dev) for `sandpiper shell`: line editing, history and
// completion through its readline-compatible interface. It lives in C because that interface is C global
// state (rl_line_buffer, rl_attempted_completion_function, ...) that Swift 6 cannot touch safely.
#ifndef CLIBEDIT_H
#define CLIBEDIT_H

/// Returns the completions of `word` given the text of the statement before it (earlier lines and the
/// current line up to the word), as one malloc'd string with a newline after each candidate (or NULL).
typedef char *(*sp_edit_candidates)(const char *word, const char *before);

/// Sets the program name for ~/.editrc, turns off libedit's own signal handlers (the program has its own),
/// and installs `candidates` as the completer (NULL: none).
void sp_edit_setup(const char *name, sp_edit_candidates candidates);

/// Sets the text of earlier lines of the statement being typed, given to the completer as context.
void sp_edit_set_context(const char *text);

/// Reads one line with editing; NULL at end of input (Ctrl-D on an empty line). Free the result.
char *sp_edit_readline(const char *prompt);

/// Adds a line to the history list.
void sp_edit_add_history(const char *line);

/// Loads the history list from `path` (0 on success), and keeps at most `limit` entries.
int sp_edit_read_history(const char *path, int limit);

/// Writes the history list to `path` (0 on success).
int sp_edit_write_history(const char *path);

#endif
