#include "CLibEdit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <editline/readline.h>

static sp_edit_candidates candidates_fn;
static char *context_text;
// The candidates of the completion in progress, handed out one by one by `generator`.
static char **candidates;
static size_t candidate_count, next_candidate;

static void clear_candidates(void) {
    for (size_t i = 0; i < candidate_count; i++) free(candidates[i]);
    free(candidates);
    candidates = NULL;
    candidate_count = next_candidate = 0;
}

static char *generator(const char *text, int state) {
    (void)text;
    if (state == 0) next_candidate = 0;
    if (next_candidate < candidate_count) return strdup(candidates[next_candidate++]);
    return NULL;
}

static char **attempted(const char *text, int start, int end) {
    (void)end;
    // Never fall back to completing file names: a KQL word is not a path.
    rl_attempted_completion_over = 1;
    clear_candidates();
    if (!candidates_fn) return NULL;
    size_t context_length = context_text ? strlen(context_text) : 0;
    size_t line_length = rl_line_buffer ? strlen(rl_line_buffer) : 0;
    size_t prefix = start < 0 ? 0 : ((size_t)start < line_length ? (size_t)start : line_length);
    char *before = malloc(context_length + prefix + 2);
    if (!before) return NULL;
    size_t at = 0;
    if (context_length) {
        memcpy(before, context_text, context_length);
        before[context_length] = '\n';
        at = context_length + 1;
    }
    if (prefix) memcpy(before + at, rl_line_buffer, prefix);
    before[at + prefix] = '\0';
    char *joined = candidates_fn(text, before);
    free(before);
    if (!joined) return NULL;
    size_t lines = 0;
    for (char *p = joined; *p; p++) if (*p == '\n') lines++;
    candidates = calloc(lines ? lines : 1, sizeof(char *));
    if (!candidates) { free(joined); return NULL; }
    char *save = NULL;
    for (char *line = strtok_r(joined, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        candidates[candidate_count++] = strdup(line);
    }
    free(joined);
    if (candidate_count == 0) return NULL;
    return rl_completion_matches(text, generator);
}

void sp_edit_setup(const char *name, sp_edit_candidates fn) {
    rl_readline_name = name;
    rl_catch_signals = 0;
    candidates_fn = fn;
    // Words break at KQL's punctuation but not at '-' (mv-expand) or '.' (dynamic paths, .show).
    rl_completer_word_break_characters = (char *)" \t\n\"'|,()[]=<>!;+*/%";
    rl_attempted_completion_function = fn ? attempted : NULL;
}

void sp_edit_set_context(const char *text) {
    free(context_text);
    context_text = text && *text ? strdup(text) : NULL;
}

char *sp_edit_readline(const char *prompt) { return readline(prompt); }

void sp_edit_add_history(const char *line) { add_history(line); }

int sp_edit_read_history(const char *path, int limit) {
    int status = read_history(path);
    stifle_history(limit);
    return status;
}

int sp_edit_write_history(const char *path) { return write_history(path); }
