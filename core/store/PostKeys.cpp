#include "store/PostKeys.h"

#include "common/MemoryBudget.h"
#include "store/StoredPostKeys.h"

#include <algorithm>
#include <limits>
#include <optional>

namespace chorus {

namespace {

enum Phase { Accounts, Kinds, Languages, Contexts, Walked, Stored };

constexpr std::int64_t Lowest = std::numeric_limits<std::int64_t>::min();

// Makes room in the columns for ids up to `lastId` without filling it; false when they would
// take more than their share of memory. Posts added later grow them by an eighth more than they
// need, not twice their size; the first reading takes what it needs.
bool reserveRoom(PostKeys &keys, std::int64_t lastId)
{
    const auto size = std::size_t(lastId) + 1;
    if (size <= keys.time.capacity())
        return true;
    const std::uint64_t most = keys.maxBytes / PostKeys::BytesAPost;
    if (std::uint64_t(size) > most)
        return false;
    const std::size_t room =
        keys.time.empty() ? size : std::min<std::size_t>(size + size / 8, std::size_t(most));
    keys.time.reserve(room);
    keys.account.reserve(room);
    keys.facets.reserve(room);
    keys.language.reserve(room);
    return true;
}

// Grows the columns to hold ids up to `lastId` (reserveRoom), filled with zeros.
bool makeRoom(PostKeys &keys, std::int64_t lastId)
{
    const auto size = std::size_t(lastId) + 1;
    if (size <= keys.time.size())
        return true;
    if (!reserveRoom(keys, lastId))
        return false;
    keys.time.resize(size);
    keys.account.resize(size);
    keys.facets.resize(size);
    keys.language.resize(size);
    return true;
}

// The key writers below store one post's keys in place as they are read: a slice that ends
// by an error leaves keys that are true (posts never change), only not yet counted as read.
// Each returns false when the post's keys cannot be held, and the keys are then not kept.
bool putOrder(PostKeys &keys, std::int64_t id, std::int64_t time, std::int64_t account)
{
    if (id < 0 || account < 0 || account > std::numeric_limits<std::uint32_t>::max() ||
        !makeRoom(keys, id))
        return false;
    keys.time[std::size_t(id)] = time;
    keys.account[std::size_t(id)] = std::uint32_t(account);
    return true;
}

void putKind(PostKeys &keys, std::int64_t id, const std::string &kind)
{
    // The schema allows only the four kinds; anything else would read as a post.
    const int code = std::max(PostKeys::kindCode(kind), 0);
    std::uint8_t &facets = keys.facets[std::size_t(id)];
    facets = std::uint8_t((facets & ~PostKeys::KindBits) | code);
}

void putContext(PostKeys &keys, std::int64_t id, bool context)
{
    std::uint8_t &facets = keys.facets[std::size_t(id)];
    facets = std::uint8_t(context ? facets | PostKeys::ContextBit : facets & ~PostKeys::ContextBit);
}

bool putLanguage(PostKeys &keys, std::int64_t id, const std::string &name)
{
    int code = 0;
    if (!name.empty()) {
        code = keys.languageCode(name);
        if (code < 0) {
            if (keys.languages.size() >= std::numeric_limits<std::uint16_t>::max())
                return false;
            keys.languages.push_back(name);
            code = int(keys.languages.size());
        }
    }
    keys.language[std::size_t(id)] = std::uint16_t(code);
    return true;
}

void giveUp(PostKeys &keys)
{
    const std::uint64_t maxBytes = keys.maxBytes;
    keys = PostKeys{};
    keys.maxBytes = maxBytes;
    keys.unusable = true;
}

bool indexExists(const Database &db, const char *name)
{
    Statement query =
        db.prepare("SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?)");
    query.bind(1, name);
    return query.step() && query.int64(0) != 0;
}

// The first reading's slice of the accounts' index; returns the rows it read.
std::int64_t walkAccounts(const Database &db, PostKeys &keys, std::int64_t rows, bool &fits)
{
    Statement walk = db.prepare(
        "SELECT account_id, created_at, id FROM posts INDEXED BY posts_account_time WHERE "
        "(account_id, created_at, id) > (?, ?, ?) ORDER BY account_id, created_at, id LIMIT ?");
    walk.bind(1, keys.last[0]).bind(2, keys.last[1]).bind(3, keys.last[2]).bind(4, rows);
    std::int64_t read = 0;
    while (walk.step()) {
        keys.last = {walk.int64(0), walk.int64(1), walk.int64(2)};
        ++read;
        // Later posts are read by id, once walked.
        if (keys.last[2] <= keys.through &&
            !putOrder(keys, keys.last[2], keys.last[1], keys.last[0]))
            return fits = false, read;
    }
    return read;
}

// The values of the kinds or the languages (post_facets counts every post), most common
// first; a language's '' stands for posts without one (NULL or '').
std::vector<std::string> facetValues(const Database &db, bool languages)
{
    Statement query = db.prepare(languages ? "SELECT language, sum(n) AS posts FROM post_facets "
                                             "GROUP BY language ORDER BY posts DESC, language"
                                           : "SELECT kind, sum(n) AS posts FROM post_facets "
                                             "GROUP BY kind ORDER BY posts DESC, kind");
    std::vector<std::string> values;
    while (query.step())
        values.push_back(query.text(0));
    return values;
}

// Starts the walk of a facet: every post takes its most common value, and only the posts
// with another value are walked, value by value: a walk writes one post's keys at a random
// place, a cache miss each, and the most common kind or language is often most posts. Returns
// false when a language cannot be held.
bool startFacetWalk(const Database &db, PostKeys &keys, bool languages)
{
    std::vector<std::string> values = facetValues(db, languages);
    keys.facetWalk.clear();
    if (values.empty())
        return true;
    const auto size = std::size_t(keys.through) + 1;
    if (languages) {
        if (!putLanguage(keys, 0, values.front()))
            return false;
        std::fill(keys.language.begin(), keys.language.begin() + std::ptrdiff_t(size),
                  keys.language[0]);
    } else {
        const auto code = std::uint8_t(std::max(PostKeys::kindCode(values.front()), 0));
        for (std::size_t id = 0; id < size; ++id)
            keys.facets[id] = std::uint8_t((keys.facets[id] & ~PostKeys::KindBits) | code);
    }
    for (std::size_t i = 1; i < values.size(); ++i) {
        if (languages && values[i].empty()) {
            keys.facetWalk.push_back(std::nullopt); // posts without a language: NULL
            keys.facetWalk.push_back(std::string());
        } else {
            keys.facetWalk.push_back(values[i]);
        }
    }
    return true;
}

// A slice of the walk of the kinds' or the languages' index: the posts with the walk's
// current value, by (created_at, id) from the last key on; once they are all read, the next
// slice takes the next value's. Returns whether no value is left.
bool walkFacet(const Database &db, PostKeys &keys, std::int64_t rows, bool languages, bool &fits)
{
    if (keys.facetWalk.empty())
        return true;
    const std::optional<std::string> value = keys.facetWalk.front();
    const std::string column = languages ? "language" : "kind";
    Statement walk = db.prepare("SELECT created_at, id FROM posts INDEXED BY posts_" + column +
                                "_time WHERE " + column + (value ? " = ?" : " IS NULL") +
                                " AND (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?");
    int next = 1;
    if (value)
        walk.bind(next++, *value);
    walk.bind(next, keys.last[0]).bind(next + 1, keys.last[1]).bind(next + 2, rows);
    std::int64_t read = 0;
    while (walk.step()) {
        keys.last = {walk.int64(0), walk.int64(1), 0};
        ++read;
        const std::int64_t id = keys.last[1];
        if (id < 0 || id > keys.through)
            continue;
        if (!languages)
            putKind(keys, id, *value);
        else if (!putLanguage(keys, id, value.value_or(std::string())))
            return fits = false;
    }
    if (read < rows) {
        keys.facetWalk.erase(keys.facetWalk.begin());
        keys.last = {Lowest, 0, 0};
    }
    return false;
}

// A slice of the context posts, through their partial index of ids.
std::int64_t walkContexts(const Database &db, PostKeys &keys, std::int64_t rows)
{
    Statement walk = db.prepare("SELECT id FROM posts INDEXED BY posts_context WHERE context = 1 "
                                "AND id > ? AND id <= ? ORDER BY id LIMIT ?");
    walk.bind(1, keys.last[0]).bind(2, keys.through).bind(3, rows);
    std::int64_t read = 0;
    while (walk.step()) {
        keys.last[0] = walk.int64(0);
        ++read;
        if (keys.last[0] >= 0)
            putContext(keys, keys.last[0], true);
    }
    return read;
}

// The rows by id after `after`, up to `last` (none: no bound): every key of each post. Reads
// the facets of a case whose import left their indexes to the index step, and the posts added
// since the walk. Returns the rows read, `after` moved to the last id read.
std::int64_t readById(const Database &db, PostKeys &keys, std::int64_t &after, std::int64_t last,
                      std::int64_t rows, bool &fits)
{
    Statement read = db.prepare("SELECT id, created_at, account_id, kind, coalesce(language, ''), "
                                "context FROM posts WHERE id > ? AND id <= ? ORDER BY id LIMIT ?");
    read.bind(1, after).bind(2, last).bind(3, rows);
    std::int64_t n = 0;
    while (read.step()) {
        const std::int64_t id = read.int64(0);
        ++n;
        if (!putOrder(keys, id, read.int64(1), read.int64(2)) ||
            !putLanguage(keys, id, read.text(4)))
            return fits = false, n;
        putKind(keys, id, read.text(3));
        putContext(keys, id, read.int64(5) != 0);
        after = id;
    }
    return n;
}

// The posts in ids (from, to] that have ContextBit.
std::int64_t contextsIn(const PostKeys &keys, std::int64_t from, std::int64_t to)
{
    return std::count_if(keys.facets.begin() + from + 1, keys.facets.begin() + to + 1,
                         [](std::uint8_t f) { return (f & PostKeys::ContextBit) != 0; });
}

// Forgets the flags of the context posts and reads them again (a context post was collected
// since they were read): the walk of the context posts once more.
void readContextsAgain(PostKeys &keys, std::int64_t caseContexts)
{
    keys.contextsReadFor = caseContexts;
    keys.keptPass = PostKeys::KindsPass; // the flags are not there until walked again
    for (std::int64_t id = 0; id <= keys.through; ++id)
        keys.facets[std::size_t(id)] &= std::uint8_t(~PostKeys::ContextBit);
    keys.phase = Contexts;
    keys.last = {Lowest, 0, 0};
    keys.walked = false;
}

// Moves to the next phase, the walk's key back at its start.
void nextPhase(PostKeys &keys)
{
    ++keys.phase;
    keys.facetStarted = false;
    keys.last = {Lowest, 0, 0};
    keys.facetWalk.clear();
}

} // namespace

std::uint64_t PostKeys::defaultMaxBytes()
{
    return MemoryBudget::standard().bytes / 8;
}

int PostKeys::kindCode(const std::string &kind)
{
    static const char *const kinds[] = {"post", "reply", "repost", "quote"};
    for (int i = 0; i < 4; ++i)
        if (kind == kinds[i])
            return i;
    return -1;
}

int PostKeys::languageCode(const std::string &name) const
{
    const auto at = std::find(languages.begin(), languages.end(), name);
    return at == languages.end() ? -1 : int(at - languages.begin()) + 1;
}

bool extendPostKeys(const Database &db, PostKeys &keys, std::int64_t rows)
{
    if (keys.unusable)
        return true;
    bool fits = true;
    if (!keys.started) {
        const std::int64_t lastPost = lastPostId(db);
        keys.phase = Accounts;
        keys.through = lastPost;
        keys.last = {Lowest, 0, 0};
        if (!keys.storedRefused && startFromStoredPostKeys(db, keys, lastPost))
            keys.phase = Stored;
        // Kept keys are copied in chunk by chunk, each growing the columns over its own posts:
        // filling all 150 MB of a ten-million-post case at once held the reader 0.1-0.5 s.
        if (keys.phase == Stored ? !reserveRoom(keys, keys.through)
                                 : !makeRoom(keys, keys.through)) {
            giveUp(keys);
            return true;
        }
        keys.started = true;
    }
    if (keys.phase == Stored) {
        // A slice reads about the same bytes in each pass: 15 times the posts for the kinds (1
        // byte a post of 15), 7 for the languages.
        const std::int64_t posts =
            std::int64_t(PostKeys::BytesAPost) / storedKeyPassBytes(keys.keptPass) * rows;
        const std::int64_t chunks = (posts + StoredKeyChunkPosts - 1) / StoredKeyChunkPosts;
        const std::int64_t read = readStoredPostKeyChunks(db, keys, chunks);
        if (read < 0) {
            // Not what the index step writes: walk instead.
            const std::uint64_t maxBytes = keys.maxBytes;
            keys = PostKeys{};
            keys.maxBytes = maxBytes;
            keys.storedRefused = true;
        } else if (read < chunks && ++keys.keptPass == PostKeys::KeptDone) {
            keys.phase = Walked;
            keys.walked = true;
        }
        return false;
    }
    if (keys.phase < Walked) {
        bool phaseDone = false;
        const bool kinds = keys.phase == Kinds, languages = keys.phase == Languages;
        if (keys.phase == Accounts) {
            phaseDone = walkAccounts(db, keys, rows, fits) < rows;
        } else if ((kinds && indexExists(db, "posts_kind_time")) ||
                   (languages && indexExists(db, "posts_language_time"))) {
            if (!keys.facetStarted) {
                fits = startFacetWalk(db, keys, languages);
                keys.facetStarted = true;
            }
            phaseDone = fits && walkFacet(db, keys, rows, languages, fits);
        } else if (keys.phase == Contexts && indexExists(db, "posts_context")) {
            phaseDone = walkContexts(db, keys, rows) < rows;
        } else {
            // The index is not there yet: the rows, by id, with every key of each post (the
            // later phases then have nothing left to read). The phase's key is the last id.
            std::int64_t after = keys.last[0] == Lowest ? 0 : keys.last[0];
            phaseDone = readById(db, keys, after, keys.through, rows, fits) < rows;
            keys.last[0] = after;
            if (phaseDone)
                keys.phase = Contexts;
        }
        if (!fits) {
            giveUp(keys);
            return true;
        }
        if (phaseDone)
            nextPhase(keys);
        keys.walked = keys.phase == Walked;
        if (keys.walked)
            keys.contextPosts = contextsIn(keys, 0, keys.through);
        return false;
    }
    // Posts added since: ids only grow, so they are the ids after `through`.
    const std::int64_t before = keys.through;
    const std::int64_t read =
        readById(db, keys, keys.through, std::numeric_limits<std::int64_t>::max(), rows, fits);
    if (!fits) {
        giveUp(keys);
        return true;
    }
    keys.contextPosts += contextsIn(keys, before, keys.through);
    if (read == rows)
        return false;
    // Every post read: a context post collected since shows as one context post fewer.
    const std::int64_t caseContexts = caseContextPosts(db);
    if (caseContexts != keys.contextPosts && caseContexts != keys.contextsReadFor) {
        readContextsAgain(keys, caseContexts);
        return false;
    }
    return true;
}

namespace {
// Reading the kept keys: 0.08 us a post, for each pass its share of the post's bytes.
constexpr double KeptUs = 0.08, WalkedUs = 0.3;
constexpr double keptPassUs(int pass)
{
    return KeptUs * double(storedKeyPassBytes(pass)) / double(PostKeys::BytesAPost);
}

// The posts whose keys a pass of the kept keys has still to read.
double leftInPass(const PostKeys &keys, int pass)
{
    if (pass < keys.keptPass)
        return 0;
    const std::int64_t last = keys.keptLast[std::size_t(pass)];
    return double(
        std::max<std::int64_t>(0, keys.through - (last < 0 ? 0 : last + StoredKeyChunkPosts)));
}
// The posts whose kept keys a reading not started yet would begin from (through them), or
// nothing when it would walk the rows.
std::optional<std::int64_t> keptToStartFrom(const Database &db, const PostKeys &keys,
                                            std::int64_t lastPost)
{
    if (keys.storedRefused)
        return std::nullopt;
    const auto stored = storedPostKeysState(db);
    if (!stored || !stored->kept || stored->through <= 0 || stored->through > lastPost)
        return std::nullopt;
    return stored->through;
}

// What a reading not started yet would begin from: keptToStartFrom, asked once.
std::optional<std::int64_t> keptStartUnlessStarted(const Database &db, const PostKeys &keys,
                                                   std::int64_t lastPost)
{
    return keys.started ? std::nullopt : keptToStartFrom(db, keys, lastPost);
}

// `kept`: keptStartUnlessStarted(keys) (nothing once started).
double keysLeftToReadUs(const PostKeys &keys, std::int64_t lastPost,
                        const std::optional<std::int64_t> &kept)
{
    // Posts past those a reading started from are read by id.
    const auto since = [lastPost](std::int64_t through) {
        return double(std::max<std::int64_t>(0, lastPost - through)) * WalkedUs;
    };
    if (!keys.started)
        return kept ? double(*kept) * KeptUs + since(*kept) : since(0);
    if (keys.phase == Stored) {
        double us = since(keys.through);
        for (int pass = PostKeys::KindsPass; pass < PostKeys::KeptDone; ++pass)
            us += leftInPass(keys, pass) * keptPassUs(pass);
        return us;
    }
    if (keys.walked)
        return since(keys.through);
    // Walking: the phases left of the four, over every post.
    return double(Walked - keys.phase) / double(Walked) * double(keys.through) * WalkedUs +
           since(keys.through);
}
} // namespace

double postFacetsLeftToReadUs(const Database &db, const PostKeys &keys, bool languages)
{
    if (keys.unusable)
        return 0;
    // Posts added since the kept keys are read by id after all three passes: all of it then.
    const std::int64_t lastPost = lastPostId(db);
    const double passesUs =
        keptPassUs(PostKeys::KindsPass) + (languages ? keptPassUs(PostKeys::LanguagesPass) : 0);
    const auto kept = keptStartUnlessStarted(db, keys, lastPost);
    if (!keys.started) {
        if (kept && *kept == lastPost)
            return double(*kept) * passesUs;
    } else if (keys.facetsCover(lastPost, languages)) {
        return 0;
    } else if (keys.phase == Stored && keys.through == lastPost) {
        return leftInPass(keys, PostKeys::KindsPass) * keptPassUs(PostKeys::KindsPass) +
               (languages ? leftInPass(keys, PostKeys::LanguagesPass) *
                                keptPassUs(PostKeys::LanguagesPass)
                          : 0);
    }
    return keysLeftToReadUs(keys, lastPost, kept);
}

double postKeysLeftToReadUs(const Database &db, const PostKeys &keys)
{
    if (keys.unusable)
        return 0;
    const std::int64_t lastPost = lastPostId(db);
    return keysLeftToReadUs(keys, lastPost, keptStartUnlessStarted(db, keys, lastPost));
}

std::int64_t lastPostId(const Database &db)
{
    return db.queryInt64("SELECT coalesce(max(id), 0) FROM posts");
}

std::int64_t caseContextPosts(const Database &db)
{
    return db.queryInt64("SELECT coalesce(sum(n), 0) FROM post_facets WHERE context = 1");
}

} // namespace chorus
