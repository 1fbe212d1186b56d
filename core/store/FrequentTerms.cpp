#include "store/FrequentTerms.h"

#include "store/CancelWatch.h"
#include "store/SqlGuard.h"
#include "store/TextIndex.h"

#include <cctype>

namespace chorus {

namespace {

// The index's extent the counts were made of, or nothing before the first.
std::optional<std::int64_t> madeThrough(const Database &db)
{
    Statement made = db.prepare("SELECT indexed_through FROM frequent_terms_made WHERE id = 1");
    if (!made.step())
        return std::nullopt;
    return made.int64(0);
}

bool isCurrent(const Database &db)
{
    return madeThrough(db) == textIndexedThrough(db);
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
    const auto current = guardSql("could not read the frequent terms' counts",
                                  [&]() -> Result<bool> { return isCurrent(db); });
    if (!current)
        return current.error();
    if (current.value())
        return {};
    progress.stage(Stage::IndexingText);
    return writeCancellably(db, progress, "could not count the frequent terms", [&] {
        // fts5vocab reads the whole index once (5-10 s at ten million posts).
        db.execScript("CREATE VIRTUAL TABLE IF NOT EXISTS temp.posts_fts_terms USING "
                      "fts5vocab(main, posts_fts, row)");
        db.prepare("DELETE FROM frequent_terms").exec();
        Statement keep = db.prepare("INSERT INTO frequent_terms (term, posts) SELECT term, doc "
                                    "FROM temp.posts_fts_terms WHERE doc >= ?");
        keep.bind(1, FrequentTermPosts).exec();
        Statement made = db.prepare("INSERT OR REPLACE INTO frequent_terms_made (id, "
                                    "indexed_through) VALUES (1, ?)");
        made.bind(1, textIndexedThrough(db)).exec();
    });
}

} // namespace chorus
