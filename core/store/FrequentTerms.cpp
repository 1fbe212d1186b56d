#include "store/FrequentTerms.h"

#include "store/BlobReader.h"
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

// Sets the bits of the posts `term` is in among ids (after, through] and returns how many.
std::int64_t listInto(const Database &db, const std::string &term, std::int64_t after,
                      std::int64_t through, std::vector<std::uint8_t> &bits)
{
    bits.resize(std::size_t(through) / 8 + 1, 0);
    Statement matches = db.prepare("SELECT rowid FROM posts_fts WHERE posts_fts MATCH ? AND "
                                   "rowid > ? AND rowid <= ?");
    matches.bind(1, '"' + term + '"').bind(2, after).bind(3, through);
    std::int64_t n = 0;
    while (matches.step()) {
        const auto id = std::size_t(matches.int64(0));
        bits[id / 8] = std::uint8_t(bits[id / 8] | (1u << (id % 8)));
        ++n;
    }
    matches.reset();
    return n;
}

// The matches of the most frequent terms, listed whole.
void keepMatches(const Database &db, std::int64_t through)
{
    db.prepare("DELETE FROM frequent_term_matches").exec();
    std::vector<std::string> terms;
    Statement most = db.prepare(
        "SELECT term FROM frequent_terms WHERE posts * ? >= ? ORDER BY posts DESC LIMIT ?");
    most.bind(1, MatchesKeptShare).bind(2, through).bind(3, MatchesKeptTerms);
    while (most.step())
        terms.push_back(most.text(0));
    most.reset();
    Statement keep = db.prepare("INSERT INTO frequent_term_matches (term, bits) VALUES (?, ?)");
    for (const std::string &term : terms) {
        std::vector<std::uint8_t> bits;
        listInto(db, term, 0, through, bits);
        keep.bind(1, term).bindBlob(2, bits.data(), bits.size()).exec();
    }
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
    keepMatches(db, textIndexedThrough(db));
}

// The kept terms' posts among those indexed since the counts, added: a rowid range of each
// term's list of matches (about 1 ms a term for the last 10,000 of ten million posts), and to
// the kept matches too. A term that has become frequent since is kept from the next pass over
// the whole index; until then the index counts it.
void countAdded(const Database &db, std::int64_t after, std::int64_t through)
{
    std::vector<std::pair<std::string, bool>> terms; // (term, its matches are kept)
    Statement list = db.prepare("SELECT term, term IN (SELECT term FROM frequent_term_matches) "
                                "FROM frequent_terms");
    while (list.step())
        terms.emplace_back(list.text(0), list.int64(1) != 0);
    list.reset();
    Statement added = db.prepare("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH ? AND "
                                 "rowid > ? AND rowid <= ?");
    Statement add = db.prepare("UPDATE frequent_terms SET posts = posts + ? WHERE term = ?");
    Statement kept = db.prepare("SELECT bits FROM frequent_term_matches WHERE term = ?");
    Statement keep = db.prepare("UPDATE frequent_term_matches SET bits = ? WHERE term = ?");
    for (const auto &[term, withMatches] : terms) {
        std::int64_t n = 0;
        if (withMatches) {
            kept.bind(1, term);
            std::vector<std::uint8_t> bits;
            if (kept.step())
                bits = kept.blob(0);
            kept.reset();
            n = listInto(db, term, after, through, bits);
            keep.bindBlob(1, bits.data(), bits.size()).bind(2, term).exec();
        } else {
            added.bind(1, '"' + term + '"').bind(2, after).bind(3, through);
            added.step();
            n = added.int64(0);
            added.reset();
        }
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

std::optional<std::size_t> readFrequentTermMatches(const Database &db, const std::string &term,
                                                   std::int64_t indexedThrough, std::uint8_t *to,
                                                   std::size_t room)
{
    // The row found is the one read: an index step may write the rows again meanwhile.
    const ReadSnapshot snapshot(db);
    const auto made = madeOf(db);
    if (!made || made->indexedThrough != indexedThrough || textIndexedThrough(db) != indexedThrough)
        return std::nullopt;
    Statement row =
        db.prepare("SELECT rowid, typeof(bits) = 'blob' FROM frequent_term_matches WHERE term = ?");
    row.bind(1, term);
    if (!row.step() || row.int64(1) == 0)
        return std::nullopt;
    const std::int64_t rowid = row.int64(0);
    row.reset();
    BlobReader bits(db, "frequent_term_matches", "bits");
    const std::int64_t size = bits.open(rowid);
    if (size < 0 || std::uint64_t(size) > room)
        return std::nullopt;
    if (size > 0)
        bits.read(to, std::size_t(size));
    return std::size_t(size);
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
