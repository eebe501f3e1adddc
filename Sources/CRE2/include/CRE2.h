// CRE2: a small C API over Google's RE2 (Debian's libre2-dev), the linear-time regular-expression
// engine whose syntax is KQL's. The engine calls only these functions; RE2's C++ types stay inside
// CRE2.cpp. Offsets are byte offsets into UTF-8 text.
#ifndef SANDPIPER_CRE2_H
#define SANDPIPER_CRE2_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A compiled pattern. Immutable once built: any number of threads may match with it at once.
typedef struct CRE2Regex CRE2Regex;

/// Compile options, as KQL's regex flags name them.
enum {
    CRE2_CASE_INSENSITIVE = 1 << 0,   ///< `i`
    CRE2_DOT_MATCHES_NEWLINE = 1 << 1, ///< `s`
    CRE2_MULTILINE = 1 << 2,          ///< `m`: `^` and `$` also match at line boundaries
    CRE2_UNGREEDY = 1 << 3,           ///< `U`: `x*` and `x*?` swap meanings
};

/// Where a match may lie.
typedef enum {
    CRE2_UNANCHORED = 0,  ///< anywhere at or after the start offset
    CRE2_ANCHOR_START = 1, ///< starting exactly at the start offset
    CRE2_ANCHOR_BOTH = 2, ///< from the start offset to the end of the text
} CRE2Anchor;

/// Why a pattern did not compile.
typedef struct {
    /// RE2's message (NUL-terminated, cut to fit), e.g. "missing ): (ab".
    char message[256];
    /// Byte offset in the pattern of the fragment RE2 blamed; -1 when it named none.
    int64_t offset;
} CRE2CompileError;

/// Compiles `pattern` (`length` bytes of UTF-8) with `flags`. Returns NULL and fills `error` when the
/// pattern is invalid, too large for RE2's memory budget, or memory runs out.
CRE2Regex *cre2_compile(const char *pattern, size_t length, unsigned flags, CRE2CompileError *error);

/// Frees a compiled pattern (NULL is allowed).
void cre2_release(CRE2Regex *regex);

/// The number of capturing groups (group 0, the whole match, not counted).
int cre2_group_count(const CRE2Regex *regex);

/// The name of capturing group `group` (1-based) when it has one, else NULL. Valid while `regex` lives.
const char *cre2_group_name(const CRE2Regex *regex, int group);

/// Searches `text[start..<length]`, the whole text being the context of `^`, `\b` and friends.
/// On a match returns 1 and writes `groups` pairs (begin, end) of byte offsets into `spans`: group 0
/// (the whole match) first, then groups 1...; a group that took no part is (-1, -1). `groups` may be 0
/// (only whether it matches) and at most 1 + cre2_group_count. Returns 0 when nothing matches.
int cre2_match(const CRE2Regex *regex, const char *text, size_t length, size_t start, CRE2Anchor anchor,
               int64_t *spans, int groups);

#ifdef __cplusplus
}
#endif

#endif
