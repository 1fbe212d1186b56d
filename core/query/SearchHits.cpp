#include "query/SearchHits.h"

#include "query/KeyFilter.h"
#include "query/MatchHead.h"
#include "query/MatchOrder.h"
#include "query/SqlFilter.h"
#include "store/FrequentTerms.h"
#include "store/TextIndex.h"

#include <algorithm>
#include <bit>
#include <limits>
#include <utility>

namespace chorus::detail {

namespace {

// Tables kept per connection: each holds one search's matches, 8-16 bytes a match.
constexpr int KeptTables = 4;
// Counts kept per connection, a row each.
constexpr int KeptCounts = 64;

std::string tableName(std::int64_t id)
{
    return "temp.search_hits_" + std::to_string(id);
}

// A search of collected posts only is also known by the case's last post and its count of
// context posts: collecting a post that was context changes its matches but adds no post to
// the index, and an import may collect one and bring another as context (the same count).
// Posts are only added and a post only ever stops being context, so the pair tells the case's
// states apart.
SearchKey searchKey(const Database &db, const PostFilter &search, const KeyFilter &terms)
{
    SearchKey key{ftsMatchExpression(search.text), terms.signature(), textIndexedThrough(db)};
    if (search.collectedOnly)
        key.terms += "#posts " + std::to_string(lastPostId(db)) + " contexts " +
                     std::to_string(caseContextPosts(db));
    return key;
}

// Whether the keys' context flags are those of the case as it is (or as far as the keys could
// get): they must hold every post, and a post collected since is still context in them until
// they read the flags again.
bool contextsCurrent(const Database &db, const PostFilter &search, const PostOrderKeys &keys)
{
    if (!search.collectedOnly)
        return true;
    const std::int64_t contexts = caseContextPosts(db);
    return keys.through >= lastPostId(db) &&
           (contexts == keys.contextPosts || contexts == keys.contextsReadFor);
}

// The registry of the tables made on this connection; temporary like them.
void ensureRegistry(const Database &db)
{
    db.execScript("CREATE TEMP TABLE IF NOT EXISTS search_hits (id INTEGER PRIMARY KEY, "
                  "match TEXT NOT NULL, terms TEXT NOT NULL, sort TEXT NOT NULL, indexed_through "
                  "INTEGER NOT NULL, rows INTEGER NOT NULL, used INTEGER NOT NULL)");
}

void dropOldTables(const Database &db)
{
    Statement old = db.prepare("SELECT id FROM temp.search_hits ORDER BY used DESC LIMIT -1 "
                               "OFFSET ?");
    old.bind(1, KeptTables);
    std::vector<std::int64_t> ids;
    while (old.step())
        ids.push_back(old.int64(0));
    old.reset();
    for (const std::int64_t id : ids) {
        db.execScript(("DROP TABLE IF EXISTS " + tableName(id)).c_str());
        Statement forget = db.prepare("DELETE FROM temp.search_hits WHERE id = ?");
        forget.bind(1, id).exec();
    }
}

const char *orderSql(HitOrder order)
{
    return order == HitOrder::Account ? "p.account_id, p.created_at, p.id" : "p.created_at, p.id";
}

// Numbers the matches 1, 2, ... in the order SQLite's sorter gives them, reading each
// match's row.
void fillFromRows(const Database &db, const std::string &table, const PostFilter &search,
                  HitOrder order)
{
    const SqlFilter sql(search);
    Statement fill = db.prepare("INSERT INTO " + table + " (post) SELECT p.id FROM posts p" +
                                sql.where + " ORDER BY " + orderSql(order));
    sql.bind(fill);
    fill.exec();
}

// Marks a slot just filled as the matches of the search known by `key`, in `order`.
void keepAs(ListedMatches::Ordered &slot, const SearchKey &key, int order)
{
    slot.match = key.match;
    slot.terms = key.terms;
    slot.order = order;
    slot.through = key.through;
}

// The search's list of ids ascending, kept with the keys when made.
const ListedMatches::Ordered *keptById(const KeyedSearch &search)
{
    const SearchKey &key = search.key;
    return search.keys->listed.ordered(key.match, key.terms, ListedMatches::ByIdOrder, key.through);
}

// The ids of the search's matches, ascending, kept with the keys: walking the listed words'
// bits and testing each post against the other terms is most of a narrowed search's work (20
// ms for 4.9 million posts of `the` at ten million), and its head pages and deep pages in each
// order all need its matches. nullptr when the keys cannot list its words.
const std::vector<std::uint32_t> *matchIds(const KeyedSearch &search)
{
    if (const auto *kept = keptById(search))
        return &kept->ids;
    const auto matches = keyedMatches(search);
    if (!matches)
        return nullptr;
    ListedMatches::Ordered &slot = search.keys->listed.orderedSlot();
    // Room for every listed match, narrowed or not: the pages left unused are never touched
    // (nor resident), where growing the list copied it and faulted its pages in again and
    // again. Not shrunk after: that is one more copy into fresh pages (8-10 ms at 858,716
    // matches on a machine with slow page faults), and the slot gives its room back when
    // reused.
    slot.ids.reserve(std::size_t(matches->listed->count));
    matches->forEach([&slot](std::size_t id) { slot.ids.push_back(std::uint32_t(id)); });
    keepAs(slot, search.key, ListedMatches::ByIdOrder);
    return &slot.ids;
}

// The search's matches ascending by id: its list by id when kept, else the listed words' bits
// that pass the other terms (the same matches).
struct MatchWalk
{
    const std::vector<std::uint32_t> *ids = nullptr;
    KeyedMatches bits; // when there is no list

    template <typename F> void forEach(F &&f) const
    {
        if (!ids) {
            bits.forEach(f);
            return;
        }
        for (const std::uint32_t id : *ids)
            f(id);
    }
    // Their number: the list's size, the words' count when alone, else counted over the bits.
    std::int64_t count() const { return ids ? std::int64_t(ids->size()) : bits.count(); }
};

std::optional<MatchWalk> matchWalk(const KeyedSearch &search)
{
    if (const auto *kept = keptById(search))
        return MatchWalk{&kept->ids, {}};
    if (const auto bits = keyedMatches(search))
        return MatchWalk{nullptr, *bits};
    return std::nullopt;
}

// The rows of a table of the search's matches this connection keeps, in either order.
std::optional<std::int64_t> keptTableRows(const Database &db, const std::string &match,
                                          const std::string &terms, std::int64_t through)
{
    ensureRegistry(db);
    Statement kept = db.prepare("SELECT rows FROM temp.search_hits WHERE match = ? AND terms = ? "
                                "AND indexed_through = ? LIMIT 1");
    kept.bind(1, match).bind(2, terms).bind(3, through);
    std::optional<std::int64_t> rows;
    if (kept.step())
        rows = kept.int64(0);
    kept.reset();
    return rows;
}

// The search's matches, counted afresh: by the text index alone for words alone, from the
// keys when they hold every indexed post, else by SQLite reading each match's row.
std::int64_t countMatches(const Database &db, const PostFilter &search, const std::string &match,
                          const KeyFilter &terms, const PostOrderKeys *keys)
{
    if (terms.empty()) {
        // A common word: its count kept by the index step.
        if (const auto word = singleAsciiTerm(search.text))
            if (const auto posts = frequentTermPosts(db, *word))
                return *posts;
        Statement count = db.prepare("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH ?");
        count.bind(1, match);
        count.step();
        return count.int64(0);
    }
    // From the keys, without making the list of ids when it is not kept (4 bytes a match in
    // fresh memory: 5-10 ms for `the` narrowed to replies at ten million posts, where the first
    // page needs only its head).
    if (const auto keyed = keys ? termsKeyedSearch(db, search, *keys) : std::nullopt)
        if (const auto walk = matchWalk(*keyed))
            return walk->count();
    const SqlFilter sql(search);
    Statement count = db.prepare("SELECT count(*) FROM posts p" + sql.where);
    sql.bind(count);
    count.step();
    return count.int64(0);
}

// Numbers the matches in order from the keys held in memory, inserting many rows a statement.
void fillFromKeys(const Database &db, const std::string &table, HitOrder order,
                  const std::vector<HitKey> &hits)
{
    const std::size_t idColumn = order == HitOrder::Account ? 2 : 1;
    constexpr std::size_t RowsAStatement = 256;
    std::string values;
    for (std::size_t i = 0; i < RowsAStatement; ++i)
        values += i ? ", (?)" : "(?)";
    Statement many = db.prepare("INSERT INTO " + table + " (post) VALUES " + values);
    Statement one = db.prepare("INSERT INTO " + table + " (post) VALUES (?)");
    std::size_t i = 0;
    for (; i + RowsAStatement <= hits.size(); i += RowsAStatement) {
        for (std::size_t k = 0; k < RowsAStatement; ++k)
            many.bind(int(k) + 1, hits[i + k][idColumn]);
        many.exec();
    }
    for (; i < hits.size(); ++i)
        one.bind(1, hits[i][idColumn]).exec();
}

} // namespace

// Matches are listed as 4-byte ids, over the posts whose facets the keys hold (their times
// and accounts may be still to read: the facets' pass comes first).
std::optional<KeyedMatches> keyedMatches(const KeyedSearch &search)
{
    const auto terms = KeyFilter::of(*search.search);
    const PostOrderKeys &keys = *search.keys;
    if (!terms || keys.facets.size() > std::numeric_limits<std::uint32_t>::max())
        return std::nullopt;
    KeyedMatches matches;
    matches.listed =
        keys.listed.of(*search.db, search.search->text, search.key.through, keys.facets.size());
    if (!matches.listed)
        return std::nullopt;
    if (!terms->empty())
        matches.passes.emplace(terms->bind(keys));
    return matches;
}

std::span<const std::uint32_t> OrderedMatches::ids(std::size_t first, std::size_t last) const
{
    return settle(*m_keys, m_order, *m_kept, first, last, m_watch);
}

std::optional<KeyedSearch> keyedSearch(const Database &db, const PostFilter &search,
                                       const PostOrderKeys &keys)
{
    const auto terms = KeyFilter::of(search);
    if (!terms)
        return std::nullopt;
    KeyedSearch keyed{&db, &search, &keys, searchKey(db, search, *terms)};
    if (!keys.covers(keyed.key.through) || !contextsCurrent(db, search, keys))
        return std::nullopt;
    return keyed;
}

std::optional<KeyedSearch> termsKeyedSearch(const Database &db, const PostFilter &search,
                                            const PostOrderKeys &keys)
{
    const auto terms = KeyFilter::of(search);
    if (!terms || terms->needsOrderKeys())
        return keyedSearch(db, search, keys);
    KeyedSearch keyed{&db, &search, &keys, searchKey(db, search, *terms)};
    if (!keys.facetsCover(keyed.key.through, terms->needsLanguages()) ||
        !contextsCurrent(db, search, keys))
        return std::nullopt;
    return keyed;
}

std::optional<OrderedMatches> orderedMatches(const KeyedSearch &search, HitOrder order)
{
    const SearchKey &key = search.key;
    const PostOrderKeys &keys = *search.keys;
    if (auto *kept = keys.listed.ordered(key.match, key.terms, int(order), key.through))
        return OrderedMatches(*search.db, keys, order, *kept);
    // A narrowed search's list of ids is made first, for its count and its other order as
    // well; a search of words alone (counted by the index) is put in order from the words'
    // bits, without a list by id (20 MB and 21-52 ms for `the` at ten million posts).
    if (!key.terms.empty() && !matchIds(search))
        return std::nullopt;
    const auto walk = matchWalk(search);
    if (!walk)
        return std::nullopt;
    // Not the slot of the list by id: that is the one used last.
    ListedMatches::Ordered &slot = keys.listed.orderedSlot();
    const InterruptWatch watch(*search.db);
    orderBySlices(
        keys, order, std::size_t(walk->count()), [&walk](const auto &f) { walk->forEach(f); }, slot,
        watch);
    keepAs(slot, key, int(order));
    return OrderedMatches(*search.db, keys, order, slot);
}

std::optional<OrderedMatches> orderedMatches(const Database &db, const PostFilter &search,
                                             HitOrder order, const PostOrderKeys &keys)
{
    const auto keyed = keyedSearch(db, search, keys);
    return keyed ? orderedMatches(*keyed, order) : std::nullopt;
}

std::optional<std::vector<HitKey>> matchesInOrder(const Database &db, const PostFilter &search,
                                                  HitOrder order, const PostOrderKeys &keys)
{
    const auto ordered = orderedMatches(db, search, order, keys);
    if (!ordered)
        return std::nullopt;
    std::vector<HitKey> hits;
    hits.reserve(ordered->size());
    for (const std::uint32_t id : ordered->ids(0, ordered->size()))
        hits.push_back(hitKey(keys, order, id));
    return hits;
}

std::optional<MatchHead> searchHead(const KeyedSearch &search, HitOrder order, std::size_t k,
                                    bool last)
{
    const auto walk = matchWalk(search);
    if (!walk)
        return std::nullopt;
    const InterruptWatch watch(*search.db);
    return matchHead(
        *search.keys, order, k, last, [&walk](const auto &f) { walk->forEach(f); }, watch);
}

std::optional<MatchHead> searchHead(const Database &db, const PostFilter &search, HitOrder order,
                                    const PostOrderKeys &keys, std::size_t k, bool last)
{
    const auto keyed = keyedSearch(db, search, keys);
    return keyed ? searchHead(*keyed, order, k, last) : std::nullopt;
}

bool orderKept(const KeyedSearch &search, HitOrder order)
{
    const SearchKey &key = search.key;
    return search.keys->listed.ordered(key.match, key.terms, int(order), key.through) != nullptr;
}

bool orderKept(const Database &db, const PostFilter &search, HitOrder order,
               const PostOrderKeys &keys)
{
    const auto keyed = keyedSearch(db, search, keys);
    return keyed && orderKept(*keyed, order);
}

std::int64_t searchMatchCount(const Database &db, const PostFilter &search,
                              const PostOrderKeys *keys)
{
    const auto terms = KeyFilter::of(search);
    if (!terms)
        return 0;
    // The count and what it is known by are read from one snapshot.
    const ReadSnapshot snapshot(db);
    db.execScript("CREATE TEMP TABLE IF NOT EXISTS search_counts (match TEXT NOT NULL, terms TEXT "
                  "NOT NULL, indexed_through INTEGER NOT NULL, n INTEGER NOT NULL, used INTEGER "
                  "NOT NULL, PRIMARY KEY (match, terms))");
    const SearchKey key = searchKey(db, search, *terms);
    Statement known = db.prepare("SELECT n FROM temp.search_counts WHERE match = ? AND terms = ? "
                                 "AND indexed_through = ?");
    known.bind(1, key.match).bind(2, key.terms).bind(3, key.through);
    if (known.step()) {
        const std::int64_t n = known.int64(0);
        known.reset();
        Statement touch = db.prepare("UPDATE temp.search_counts SET used = (SELECT max(used) + 1 "
                                     "FROM temp.search_counts) WHERE match = ? AND terms = ?");
        touch.bind(1, key.match).bind(2, key.terms).exec();
        return n;
    }
    known.reset();
    // A table of the same matches in either order has their number.
    const auto kept = keptTableRows(db, key.match, key.terms, key.through);
    const std::int64_t n = kept ? *kept : countMatches(db, search, key.match, *terms, keys);
    Statement remember = db.prepare(
        "INSERT OR REPLACE INTO temp.search_counts (match, terms, indexed_through, n, used) VALUES "
        "(?, ?, ?, ?, (SELECT coalesce(max(used), 0) + 1 FROM temp.search_counts))");
    remember.bind(1, key.match).bind(2, key.terms).bind(3, key.through).bind(4, n).exec();
    Statement forget = db.prepare(
        "DELETE FROM temp.search_counts WHERE rowid IN (SELECT rowid FROM temp.search_counts "
        "ORDER BY used DESC LIMIT -1 OFFSET ?)");
    forget.bind(1, KeptCounts).exec();
    return n;
}

SearchHits searchHits(const Database &db, const PostFilter &search, HitOrder order,
                      const PostOrderKeys *keys)
{
    const auto terms = KeyFilter::of(search);
    const SearchKey key =
        terms ? searchKey(db, search, *terms)
              : SearchKey{ftsMatchExpression(search.text), std::string(), textIndexedThrough(db)};
    const std::string &match = key.match, &signature = key.terms;
    const std::int64_t through = key.through;
    ensureRegistry(db);
    const std::int64_t used =
        db.queryInt64("SELECT coalesce(max(used), 0) + 1 FROM temp.search_hits");
    Statement known = db.prepare("SELECT id, rows FROM temp.search_hits WHERE match = ? AND "
                                 "terms = ? AND sort = ? AND indexed_through = ?");
    known.bind(1, match).bind(2, signature).bind(3, orderSql(order)).bind(4, through);
    if (known.step()) {
        SearchHits hits{tableName(known.int64(0)), known.int64(1)};
        const std::int64_t id = known.int64(0);
        known.reset();
        Statement touch = db.prepare("UPDATE temp.search_hits SET used = ? WHERE id = ?");
        touch.bind(1, used).bind(2, id).exec();
        return hits;
    }
    known.reset();

    // Registered only once filled: a build that fails (or is interrupted) is never reused,
    // and its half-filled table is dropped by the next build of the same number.
    const std::int64_t id = db.queryInt64("SELECT coalesce(max(id), 0) + 1 FROM temp.search_hits");
    const std::string table = tableName(id);
    db.execScript(("DROP TABLE IF EXISTS " + table + "; CREATE TABLE " + table +
                   " (pos INTEGER PRIMARY KEY, post INTEGER NOT NULL)")
                      .c_str());
    // Rows take their numbers in the order they are inserted.
    if (const auto hits = keys ? matchesInOrder(db, search, order, *keys) : std::nullopt)
        fillFromKeys(db, table, order, *hits);
    else
        fillFromRows(db, table, search, order);
    const std::int64_t rows = db.queryInt64(("SELECT count(*) FROM " + table).c_str());
    Statement remember = db.prepare("INSERT INTO temp.search_hits (id, match, terms, sort, "
                                    "indexed_through, rows, used) VALUES (?, ?, ?, ?, ?, ?, ?)");
    remember.bind(1, id)
        .bind(2, match)
        .bind(3, signature)
        .bind(4, orderSql(order))
        .bind(5, through)
        .bind(6, rows)
        .bind(7, used);
    remember.exec();
    dropOldTables(db);
    return {table, rows};
}

} // namespace chorus::detail
