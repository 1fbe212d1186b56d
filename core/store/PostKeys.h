#pragma once

#include "common/HugePageAllocator.h"
#include "store/Database.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

// What the posts table orders and filters a search's matches by, for every post by post id,
// held in memory: its time and account (the orders) and its kind, language and whether it is a
// context post (the filters), 15 bytes a post: 150 MB at ten million. A search's matches are
// then narrowed and put in order without reading each match's row: reading the times of
// 100,000 matches from their rows took 0.1 s at ten million posts, a lookup here takes
// nanoseconds (query/PostOrderKeys). Read in slices by extendPostKeys, so that page reads can
// run in between: from the copy the index step keeps in the case (store/StoredPostKeys), or
// else by walking the posts' indexes. Posts are only ever appended, and never change but for
// a context post later collected: keys once read stay true, posts added later are read by a
// later slice, and the context flags are read again when the case's count of context posts
// (post_facets) is not the one the keys hold.
struct PostKeys
{
    // Each column in huge pages of its own (common/HugePageAllocator): filled chunk by chunk as
    // the case opens, where the C library left 4 KB pages a search narrowed then paid for its
    // faults (a count at ten million posts: 460-1,192 faults, now 271-384).
    template <typename T> using Column = HugePageVector<T>;
    Column<std::int64_t> time;     // time[id]: the post's created_at; index 0 unused
    Column<std::uint32_t> account; // account[id]: the post's account_id
    // facets[id]: the post's kind (KindBits: post 0, reply 1, repost 2, quote 3) and ContextBit.
    Column<std::uint8_t> facets;
    // language[id]: 0 without a language, else 1 + its index in `languages`.
    Column<std::uint16_t> language;
    std::vector<std::string> languages;
    static constexpr std::uint8_t KindBits = 0x03;
    static constexpr std::uint8_t ContextBit = 0x04;

    // Every post with id <= through has its keys here (once `walked`).
    std::int64_t through = 0;
    // The posts with id <= through that have ContextBit.
    std::int64_t contextPosts = 0;
    // The case's count of context posts when the context flags were last read again for it
    // (-1: never): a case whose count disagrees with its rows is not read again and again.
    std::int64_t contextsReadFor = -1;
    // The first reading takes the keys the case keeps (phase Stored), or walks narrow indexes
    // of posts, one after another (`phase`): the accounts' (account_id, created_at, id), then
    // the kinds' and the languages' (or the rows by id when the import left those indexes to
    // the index step), then the context posts. It goes on from `last` (the kept keys' passes
    // from `keptLast`), taking the posts with id <= through. The kinds' and languages' walks take
    // the values left in `facetWalk` (nothing: NULL) one by one, every post having first been given
    // the most common value.
    int phase = 0;
    std::array<std::int64_t, 3> last{};
    bool facetStarted = false;
    std::vector<std::optional<std::string>> facetWalk;
    bool started = false;
    bool walked = false;
    // The kept keys this reading started from go through this post (0: it walked), and were
    // found unreadable (the reading then walks).
    std::int64_t storedThrough = 0;
    bool storedRefused = false;
    // Kept keys are read in three passes (KeptPass): the kinds and context flags of every post
    // (1 byte a post), then their languages (2 bytes), then their times and accounts (12
    // bytes). A search narrowed by a kind, a language or collected posts only is counted, and
    // its first page found, from the first passes alone (query/TermsHead): 10-30 MB of 150 at
    // ten million posts, where a search typed as the case opened waited for all of them. The
    // pass being read (KeptDone after the third; KindsPass again, none read, once the context
    // flags are walked again: facetsCover() then waits for the walk), and the last chunk each
    // pass read (-1: none).
    enum KeptPass { KindsPass, LanguagesPass, OrdersPass, KeptDone };
    int keptPass = KindsPass;
    std::array<std::int64_t, 3> keptLast{-1, -1, -1};
    // An account id past 2^32 - 1, more than 65,535 languages, or more posts than `maxBytes`
    // holds: the keys are not kept, and searches read the rows.
    bool unusable = false;
    // The memory the keys may take: an eighth of the memory budget (common/MemoryBudget),
    // 1.5 GB (100 million posts) with the default budget on a 24 GB machine.
    std::uint64_t maxBytes = defaultMaxBytes();
    static std::uint64_t defaultMaxBytes();
    static constexpr std::uint64_t BytesAPost =
        sizeof(std::int64_t) + sizeof(std::uint32_t) + sizeof(std::uint8_t) + sizeof(std::uint16_t);

    // Whether every post with id <= lastPost has its keys here.
    bool covers(std::int64_t lastPost) const { return walked && !unusable && lastPost <= through; }
    // Whether every post with id <= lastPost has its kind and context flag here, and its
    // language when `languages` (its time and account may be still to read).
    bool facetsCover(std::int64_t lastPost, bool languages) const
    {
        return covers(lastPost) ||
               (!unusable && keptPass > (languages ? LanguagesPass : KindsPass) &&
                lastPost <= storedThrough);
    }
    // The code of a kind or a language as held here; -1 when no post has it.
    static int kindCode(const std::string &kind);
    int languageCode(const std::string &name) const;
};

// Reads the keys of up to `rows` more posts of the case. Returns whether the reading is done:
// `keys` hold every post of the case as it is now, or are not kept (`unusable`). A slice that
// ends by an error leaves them as usable as before, and the next slice reads it again.
bool extendPostKeys(const Database &db, PostKeys &keys, std::int64_t rows);

// About how long reading the rest of `keys` takes, in microseconds: 0.08 us a post from the
// copy the case keeps (store/StoredPostKeys), 0.3 us a post walking the posts' indexes or
// reading posts added since by id (at ten million posts, 0.15-0.7 s and 3 s in all).
double postKeysLeftToReadUs(const Database &db, const PostKeys &keys);
// The same until facetsCover(every post, `languages`) holds: a fifteenth of the kept keys'
// time for the kinds' pass, a fifth with the languages' pass, all of it when the keys are
// walked.
double postFacetsLeftToReadUs(const Database &db, const PostKeys &keys, bool languages);

// The case's highest post id (0 without posts): posts are numbered as they are added.
std::int64_t lastPostId(const Database &db);

// The case's context posts, from post_facets: one lookup.
std::int64_t caseContextPosts(const Database &db);

} // namespace chorus
