#include "store/FrequentTerms.h"

#include "store/CancelWatch.h"
#include "store/SqlGuard.h"
#include "store/TextIndex.h"

#include <cctype>
#include <vector>

namespace chorus {

namespace {

// The index's extent the counts are of, and that of their last pass over the whole index.
struct Made
{
    std::int64_t indexedThrough = 0;
    std::int64_t scannedThrough = 0;
};

std::optional<Made> madeOf(const Database &db)
{
    Statement made =
        db.prepare("SELECT indexed_through, scanned_through FROM frequent_terms_made WHERE id = 1");
    if (!made.step())
        return std::nullopt;
    return Made{made.int64(0), made.int64(1)};
}

bool isCurrent(const Database &db)
{
    const auto made = madeOf(db);
    return made && made->indexedThrough == textIndexedThrough(db);
}

// Every term in enough posts, from a pass over the whole index: fts5vocab reads all of it
// (5-10 s at ten million posts). Only terms of ASCII letters and digits are kept: they are the
// ones looked up (singleAsciiTerm), and each is its own match expression when quoted.
void countAll(const Database &db)
{
    db.execScript("CREATE VIRTUAL TABLE IF NOT EXISTS temp.posts_fts_terms USING "
                  "fts5vocab(main, posts_fts, row)");
    db.prepare("DELETE FROM frequent_terms").exec();
    Statement keep = db.prepare("INSERT INTO frequent_terms (term, posts) SELECT term, doc FROM "
                                "temp.posts_fts_terms WHERE doc >= ? AND term NOT GLOB "
                                "'*[^a-z0-9]*'");
    keep.bind(1, FrequentTermPosts).exec();
}

// The kept terms' posts among those indexed since the counts, added: a rowid range of each
// term's list of matches (about 1 ms a term for the last 10,000 of ten million posts). A term
// that has become frequent since is kept from the next pass over the whole index; until then
// the index counts it.
void countAdded(const Database &db, std::int64_t after, std::int64_t through)
{
    std::vector<std::string> terms;
    Statement list = db.prepare("SELECT term FROM frequent_terms");
    while (list.step())
        terms.push_back(list.text(0));
    list.reset();
    Statement added = db.prepare("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH ? AND "
                                 "rowid > ? AND rowid <= ?");
    Statement add = db.prepare("UPDATE frequent_terms SET posts = posts + ? WHERE term = ?");
    for (const std::string &term : terms) {
        added.bind(1, '"' + term + '"').bind(2, after).bind(3, through);
        added.step();
        const std::int64_t n = added.int64(0);
        added.reset();
        if (n > 0)
            add.bind(1, n).bind(2, term).exec();
    }
}

} // namespace

std::optional<std::int64_t> frequentTermPosts(const Database &db, const std::string &term)
{
    if (!isCurrent(db))
        return std::nullopt;
    Statement posts = db.prepare("SELECT posts FROM frequent_terms WHERE term = ?");
    posts.bind(1, term);
    if (!posts.step())
        return std::nullopt;
    return posts.int64(0);
}

std::optional<std::string> singleAsciiTerm(const std::string &words)
{
    std::size_t first = 0, last = words.size();
    while (first < last && std::isspace(static_cast<unsigned char>(words[first])))
        ++first;
    while (last > first && std::isspace(static_cast<unsigned char>(words[last - 1])))
        --last;
    if (first == last)
        return std::nullopt;
    std::string term;
    for (std::size_t i = first; i < last; ++i) {
        const auto c = static_cast<unsigned char>(words[i]);
        if (c >= 0x80 || !std::isalnum(c))
            return std::nullopt;
        term += char(std::tolower(c));
    }
    return term;
}

Result<bool> frequentTermsStale(const Database &db)
{
    return guardSql("could not read the frequent terms' counts", [&]() -> Result<bool> {
        // An index of nothing has no terms to count (and no index step at a new case's opening).
        return !isCurrent(db) && textIndexedThrough(db) != 0;
    });
}

Status updateFrequentTerms(const Database &db, ProgressSink &progress)
{
    const char *const what = "could not count the frequent terms";
    const auto made = guardSql(what, [&]() -> Result<std::optional<Made>> { return madeOf(db); });
    if (!made)
        return made.error();
    const auto through =
        guardSql(what, [&]() -> Result<std::int64_t> { return textIndexedThrough(db); });
    if (!through)
        return through.error();
    const std::optional<Made> &last = made.value();
    if (last && last->indexedThrough == through.value())
        return {};
    // Posts added since the last pass over the whole index are counted by term, while they are
    // fewer than an eighth of those it counted; then the whole index is read again.
    const bool added = last && last->indexedThrough < through.value() &&
                       (through.value() - last->scannedThrough) * 8 < last->scannedThrough;
    progress.stage(Stage::IndexingText);
    return writeCancellably(db, progress, what, [&] {
        if (added)
            countAdded(db, last->indexedThrough, through.value());
        else
            countAll(db);
        Statement stamp = db.prepare("INSERT OR REPLACE INTO frequent_terms_made (id, "
                                     "indexed_through, scanned_through) VALUES (1, ?, ?)");
        stamp.bind(1, through.value())
            .bind(2, added ? last->scannedThrough : through.value())
            .exec();
    });
}

} // namespace chorus
