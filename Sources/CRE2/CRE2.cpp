// The C API of CRE2.h over RE2. Nothing here throws past the API: RE2 reports errors as values, and
// the only allocations that can fail (a large capture array) are caught and reported.
#include "CRE2.h"

#include <re2/re2.h>

#include <cstring>
#include <new>
#include <string>
#include <vector>

struct CRE2Regex {
    re2::RE2 re;
    // Group names by number (index 0 unused), kept here so cre2_group_name can hand out stable pointers.
    std::vector<std::string> names;
    std::vector<bool> named;

    CRE2Regex(const re2::StringPiece &pattern, const re2::RE2::Options &options) : re(pattern, options) {}
};

namespace {

void fill_error(CRE2CompileError *error, const std::string &message, int64_t offset) {
    if (error == nullptr) return;
    size_t n = message.size() < sizeof(error->message) - 1 ? message.size() : sizeof(error->message) - 1;
    std::memcpy(error->message, message.data(), n);
    error->message[n] = '\0';
    error->offset = offset;
}

// RE2's non-POSIX mode has no option for multi-line anchors or swapped greediness; its own flag
// syntax does both, so they become a prefix that the error offset is corrected for.
std::string flag_prefix(unsigned flags) {
    std::string letters;
    if (flags & CRE2_MULTILINE) letters += 'm';
    if (flags & CRE2_UNGREEDY) letters += 'U';
    return letters.empty() ? std::string() : "(?" + letters + ")";
}

}  // namespace

extern "C" CRE2Regex *cre2_compile(const char *pattern, size_t length, unsigned flags, CRE2CompileError *error) {
    try {
        re2::RE2::Options options;
        options.set_log_errors(false);  // errors go back to the caller, never to stderr
        options.set_case_sensitive(!(flags & CRE2_CASE_INSENSITIVE));
        options.set_dot_nl((flags & CRE2_DOT_MATCHES_NEWLINE) != 0);
        const std::string prefix = flag_prefix(flags);
        std::string text = prefix;
        text.append(pattern, length);
        auto *regex = new CRE2Regex(re2::StringPiece(text), options);
        if (!regex->re.ok()) {
            const std::string &blamed = regex->re.error_arg();
            int64_t offset = -1;
            if (!blamed.empty()) {
                size_t at = std::string(pattern, length).find(blamed);
                if (at != std::string::npos) offset = static_cast<int64_t>(at);
            }
            fill_error(error, regex->re.error(), offset);
            delete regex;
            return nullptr;
        }
        int groups = regex->re.NumberOfCapturingGroups();
        regex->names.assign(static_cast<size_t>(groups) + 1, std::string());
        regex->named.assign(static_cast<size_t>(groups) + 1, false);
        for (const auto &entry : regex->re.CapturingGroupNames()) {
            if (entry.first > 0 && entry.first <= groups) {
                regex->names[static_cast<size_t>(entry.first)] = entry.second;
                regex->named[static_cast<size_t>(entry.first)] = true;
            }
        }
        return regex;
    } catch (const std::bad_alloc &) {
        fill_error(error, "out of memory compiling the pattern", -1);
        return nullptr;
    }
}

extern "C" void cre2_release(CRE2Regex *regex) { delete regex; }

extern "C" int cre2_group_count(const CRE2Regex *regex) { return regex->re.NumberOfCapturingGroups(); }

extern "C" const char *cre2_group_name(const CRE2Regex *regex, int group) {
    if (group <= 0 || static_cast<size_t>(group) >= regex->names.size() || !regex->named[static_cast<size_t>(group)])
        return nullptr;
    return regex->names[static_cast<size_t>(group)].c_str();
}

extern "C" int cre2_match(const CRE2Regex *regex, const char *text, size_t length, size_t start, CRE2Anchor anchor,
                          int64_t *spans, int groups) {
    if (start > length || groups < 0 || groups > regex->re.NumberOfCapturingGroups() + 1) return -1;
    // An empty text may come without storage; RE2 marks a group that took no part with a null
    // pointer, so an empty match must still point somewhere.
    static const char empty[1] = {0};
    if (text == nullptr) text = empty;
    re2::RE2::Anchor how = anchor == CRE2_ANCHOR_START ? re2::RE2::ANCHOR_START
                         : anchor == CRE2_ANCHOR_BOTH  ? re2::RE2::ANCHOR_BOTH
                                                       : re2::RE2::UNANCHORED;
    // Most calls want a few groups: those live on the stack; more go to the heap.
    re2::StringPiece local[16];
    std::vector<re2::StringPiece> heap;
    re2::StringPiece *pieces = local;
    if (groups > 16) {
        try {
            heap.resize(static_cast<size_t>(groups));
        } catch (const std::bad_alloc &) {
            return -1;
        }
        pieces = heap.data();
    }
    re2::StringPiece whole(text, length);
    if (!regex->re.Match(whole, start, length, how, pieces, groups)) return 0;
    for (int g = 0; g < groups; ++g) {
        if (pieces[g].data() == nullptr) {
            spans[2 * g] = -1;
            spans[2 * g + 1] = -1;
        } else {
            int64_t begin = static_cast<int64_t>(pieces[g].data() - text);
            spans[2 * g] = begin;
            spans[2 * g + 1] = begin + static_cast<int64_t>(pieces[g].size());
        }
    }
    return 1;
}
