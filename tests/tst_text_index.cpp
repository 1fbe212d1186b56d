// The text search index is built after imports (store/TextIndex): pending until updated, in
// steps that each commit, stoppable, and complete for cases made before it was deferred.
#include "TestSupport.h"
#include "import/ImportRunner.h"
#include "query/PostQueries.h"
#include "store/FrequentTerms.h"
#include "store/Schema.h"
#include "store/TextIndex.h"

#include <QTest>

#include <bit>
#include <limits>

using namespace chorus;
using namespace chorus::test;

namespace {

std::int64_t found(const CaseStore &store, const std::string &words)
{
    PostFilter filter;
    filter.text = words;
    // Counted from the index alone, and through the posts (with another, neutral term): a
    // difference shows as -1.
    PostFilter throughPosts = filter;
    throughPosts.from = std::numeric_limits<std::int64_t>::min();
    const std::int64_t matches = PostQueries(store).count(filter).value();
    return matches == PostQueries(store).count(throughPosts).value() ? matches : -1;
}

// The posts of one account that have `words`, read from the posts' keys in memory and the
// words' matches (the index step's kept ones for a word in many posts), and through the rows:
// their number, or -1 when the two differ.
std::int64_t foundByKeys(const CaseStore &store, const std::string &words)
{
    PostOrderKeys keys;
    while (!PostQueries(store).extendOrderKeys(keys, 100000).value()) {
    }
    PostFilter filter;
    filter.text = words;
    filter.accountId = 1;
    const auto ids = [&](const PostQueries &queries) {
        std::vector<std::int64_t> ids;
        for (const PostRow &row : queries.page(filter, PostSort::Time, false, 0, 1000000).value())
            ids.push_back(row.id);
        return ids;
    };
    // Each on a connection of its own: a connection keeps the tables of matches it made.
    const auto keyed = CaseStore::open(store.db().path());
    const auto byRows = CaseStore::open(store.db().path());
    const std::vector<std::int64_t> byKeys = ids(PostQueries(*keyed.value(), &keys));
    return byKeys == ids(PostQueries(*byRows.value())) ? std::int64_t(byKeys.size()) : -1;
}

// The posts in the index step's kept matches of `term`; -1 when none are kept.
std::int64_t keptMatches(const Database &db, const std::string &term)
{
    std::vector<std::uint8_t> bits(std::size_t(textIndexedThrough(db)) / 8 + 1);
    const auto read =
        readFrequentTermMatches(db, term, textIndexedThrough(db), bits.data(), bits.size());
    if (!read)
        return -1;
    std::int64_t n = 0;
    for (std::size_t i = 0; i < *read; ++i)
        n += std::popcount(bits[i]);
    return n;
}

std::int64_t pending(const CaseStore &store)
{
    return textIndexState(store.db()).value().pendingPosts;
}

// Cancels once `steps` steps of the index have committed.

// FTS5 checks its index; once complete, also against the posts it must hold (external
// content). Counts below read posts_fts_docsize, a row per indexed post: a count of
// posts_fts would read the posts.
void checkIntegrity(const CaseStore &store, bool complete = true)
{
    store.db().execScript(
        complete ? "INSERT INTO posts_fts (posts_fts, rank) VALUES ('integrity-check', 1)"
                 : "INSERT INTO posts_fts (posts_fts) VALUES ('integrity-check')");
}

} // namespace

class TestTextIndex : public QObject
{
    Q_OBJECT
private slots:
    void importLeavesIndexForLater();
    void stepsCommitAndCancelKeepsWhatIsDone();
    void laterImportsArePendingAlone();
    void olderCasesAreIndexedAlready();
    void cancelStopsAStepInTheMiddle();
    void commonWordsAreCountedFromKeptCounts();
    void onlyPlainWordsAreLookedUp();
};

void TestTextIndex::importLeavesIndexForLater()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("x_io_tweets.csv"))).ok());
    QCOMPARE(pending(*store), 7);
    QCOMPARE(store->summary()->textIndexPending, 7);
    QCOMPARE(found(*store, "buzzing"), 0);

    NullProgress progress;
    QCOMPARE(updateTextIndex(store->db(), progress).value(), 7);
    QCOMPARE(pending(*store), 0);
    QCOMPARE(found(*store, "buzzing"), 1);
    QCOMPARE(found(*store, "vérité"), 1);
    checkIntegrity(*store);
    // Nothing new: nothing to do.
    QCOMPARE(updateTextIndex(store->db(), progress).value(), 0);
}

void TestTextIndex::stepsCommitAndCancelKeepsWhatIsDone()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("x_io_tweets.csv"))).ok());

    CancelAfterSteps cancel(2);
    const auto stopped = updateTextIndex(store->db(), cancel, 3);
    QVERIFY(!stopped.ok());
    QVERIFY(stopped.error().cancelled);
    // Two steps of three posts committed, the seventh post waits.
    QCOMPARE(pending(*store), 1);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts_fts_docsize"), 6);
    checkIntegrity(*store, false);

    // A new connection (as after the program was stopped) goes on from there.
    const std::string path = store->path();
    store.reset();
    auto reopened = CaseStore::open(path);
    QVERIFY(reopened.ok());
    QCOMPARE(pending(*reopened.value()), 1);
    NullProgress progress;
    QCOMPARE(updateTextIndex(reopened.value()->db(), progress, 3).value(), 1);
    QCOMPARE(count(*reopened.value(), "SELECT count(*) FROM posts_fts_docsize"), 7);
    QCOMPARE(found(*reopened.value(), "buzzing"), 1);
    checkIntegrity(*reopened.value());
}

void TestTextIndex::laterImportsArePendingAlone()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("x_io_tweets.csv"))).ok());
    NullProgress progress;
    QCOMPARE(updateTextIndex(store->db(), progress).value(), 7);

    // A failed import adds nothing to index; a good one adds its own posts only.
    QVERIFY(!importPath(*store, dataPath(QStringLiteral("README.md"))).ok());
    QCOMPARE(pending(*store), 0);
    const auto second = importPath(*store, dataPath(QStringLiteral("twarc2_pages.jsonl")));
    QVERIFY(second.ok());
    const std::int64_t added = count(*store, "SELECT count(*) FROM posts") - 7;
    QVERIFY(added > 0);
    QCOMPARE(pending(*store), added);
    QCOMPARE(updateTextIndex(store->db(), progress, 2).value(), added);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts_fts_docsize"), 7 + added);
    checkIntegrity(*store);
}

void TestTextIndex::olderCasesAreIndexedAlready()
{
    // A case of schema v7 had its text indexed by each import: opening it with this version
    // must not index it twice nor leave it pending. Made here by taking a current case back.
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("x_io_tweets.csv"))).ok());
    NullProgress progress;
    QVERIFY(updateTextIndex(store->db(), progress).ok());
    const auto upgraded = reopenUpgraded(std::move(store), 7);
    QCOMPARE(pending(*upgraded), 0);
    QCOMPARE(found(*upgraded, "buzzing"), 1);
    checkIntegrity(*upgraded);
}

void TestTextIndex::cancelStopsAStepInTheMiddle()
{
    // 3,000 posts, one step: a Cancel while the step's statement runs stops the statement
    // (store/CancelWatch) rather than waiting for its end, and the step rolls back whole.
    QTemporaryDir dir;
    QByteArray csv = "id,user,when,message\n";
    for (int i = 1; i <= 3000; ++i)
        csv += QByteArray::number(i) + ",user" + QByteArray::number(i % 50) +
               ",2021-03-01 10:00,post number " + QByteArray::number(i) + " about the rally\n";
    const QString file = writeFile(dir, "posts.csv", csv);
    auto store = makeCase(dir);
    ImportOptions options;
    options.format = "csv";
    options.mapping = {
        {"post_id", "id"}, {"author", "user"}, {"time", "when"}, {"text", "message"}};
    NullProgress quiet;
    QVERIFY(importFile(*store, file.toStdString(), options, quiet).ok());
    QCOMPARE(pending(*store), 3000);

    // The loop's check passes; the filter indexes before the text are left alone.
    CancelAtPoll cancel(Stage::IndexingText, 2);
    const auto stopped = updateTextIndex(store->db(), cancel);
    QVERIFY(!stopped.ok());
    QVERIFY(stopped.error().cancelled);
    QCOMPARE(pending(*store), 3000);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts_fts_docsize"), 0);
    QCOMPARE(count(*store, "SELECT count(*) FROM pending_indexes"), 0); // built before the text
    checkIntegrity(*store, false);

    QCOMPARE(updateTextIndex(store->db(), quiet).value(), 3000);
    QCOMPARE(found(*store, "rally"), 3000);
    checkIntegrity(*store);
}

void TestTextIndex::commonWordsAreCountedFromKeptCounts()
{
    // A word in FrequentTermPosts posts or more has its count kept by the index step; rarer
    // ones are counted by the index. Both must equal the count through the posts.
    QTemporaryDir dir;
    const auto posts = [](int first, int last, const char *word = "Common") {
        QByteArray csv = "id,user,when,message\n";
        for (int i = first; i <= last; ++i)
            csv += QByteArray::number(i) + ",user" + QByteArray::number(i % 50) +
                   ",2021-03-01 10:00," + (i % 1000 == 0 ? "Rare " : "") +
                   (i % 7 == 0 ? "elsewhere" : word) + " post " + QByteArray::number(i) + "\n";
        return csv;
    };
    const int many = int(FrequentTermPosts) * 7 / 6 + 10;
    ImportOptions options;
    options.format = "csv";
    options.mapping = {
        {"post_id", "id"}, {"author", "user"}, {"time", "when"}, {"text", "message"}};
    NullProgress quiet;
    auto store = makeCase(dir);
    QVERIFY(
        importFile(*store, writeFile(dir, "a.csv", posts(1, many)).toStdString(), options, quiet)
            .ok());
    const Database &db = store->db();
    QCOMPARE(frequentTermPosts(db, "common"), std::nullopt); // nothing indexed yet
    QVERIFY(updateTextIndex(db, quiet).ok());
    QVERIFY(!frequentTermsStale(db).value());
    const std::int64_t common = many - many / 7;
    QVERIFY(common >= FrequentTermPosts);
    QCOMPARE(frequentTermPosts(db, "common"), std::optional<std::int64_t>(common));
    QCOMPARE(frequentTermPosts(db, "post"), std::optional<std::int64_t>(many));
    QCOMPARE(frequentTermPosts(db, "rare"), std::nullopt);   // too few to keep
    QCOMPARE(frequentTermPosts(db, "Common"), std::nullopt); // terms are held in lower case
    QCOMPARE(found(*store, "COMMON"), common);
    QCOMPARE(found(*store, "rare"), std::int64_t(many / 1000));
    QCOMPARE(found(*store, "common post"), common);
    // The two words in an eighth of the posts or more have their matches kept too.
    QCOMPARE(keptMatches(db, "common"), common);
    QCOMPARE(keptMatches(db, "post"), std::int64_t(many));
    QCOMPARE(keptMatches(db, "rare"), -1);
    QCOMPARE(keptMatches(db, "elsewhere"), -1); // not a frequent term
    QVERIFY(foundByKeys(*store, "common") > 0);
    QVERIFY(foundByKeys(*store, "Post") > foundByKeys(*store, "common"));

    // Another import: until the index step, the counts still match the index, which has not
    // changed; after it they are made again.
    QVERIFY(importFile(*store, writeFile(dir, "b.csv", posts(many + 1, many + 70)).toStdString(),
                       options, quiet)
                .ok());
    QCOMPARE(found(*store, "common"), common);
    QVERIFY(!frequentTermsStale(db).value());
    QVERIFY(!textIndexComplete(db).value());
    QVERIFY(updateTextIndex(db, quiet).ok());
    QVERIFY(textIndexComplete(db).value());
    const std::int64_t more = (many + 70) - (many + 70) / 7;
    QCOMPARE(frequentTermPosts(db, "common"), std::optional<std::int64_t>(more));
    QCOMPARE(found(*store, "common"), more);
    QCOMPARE(keptMatches(db, "common"), more);
    QVERIFY(foundByKeys(*store, "common") > 0);
    // Those 70 posts were counted term by term, not by another pass over the whole index.
    QCOMPARE(count(*store, "SELECT scanned_through FROM frequent_terms_made"), many);

    // Posts past an eighth of those last passed over: the whole index is read again, and a
    // word that has become frequent is kept.
    QVERIFY(
        importFile(*store,
                   writeFile(dir, "c.csv", posts(many + 71, 2 * many + 70, "Fresh")).toStdString(),
                   options, quiet)
            .ok());
    QVERIFY(updateTextIndex(db, quiet).ok());
    QCOMPARE(count(*store, "SELECT scanned_through FROM frequent_terms_made"), 2 * many + 70);
    const std::int64_t fresh = many - ((2 * many + 70) / 7 - (many + 70) / 7);
    QCOMPARE(frequentTermPosts(db, "fresh"), std::optional<std::int64_t>(fresh));
    QCOMPARE(found(*store, "fresh"), fresh);
    QCOMPARE(frequentTermPosts(db, "common"), std::optional<std::int64_t>(more));
    QCOMPARE(keptMatches(db, "fresh"), fresh);
    QCOMPARE(keptMatches(db, "common"), more);
    QVERIFY(foundByKeys(*store, "fresh") > 0);

    // Kept matches that do not fit the room given (more posts than the search knows of), or
    // that another tool made text: refused, and a search lists the index instead.
    std::uint8_t oneByte = 0xAB;
    QVERIFY(!readFrequentTermMatches(db, "common", textIndexedThrough(db), &oneByte, 1));
    QCOMPARE(oneByte, std::uint8_t(0xAB));
    const std::int64_t byKeys = foundByKeys(*store, "common");
    QVERIFY(byKeys > 0);
    db.execScript("UPDATE frequent_term_matches SET bits = CAST(bits AS TEXT) WHERE term = "
                  "'common'");
    QCOMPARE(keptMatches(db, "common"), -1);
    QCOMPARE(foundByKeys(*store, "common"), byKeys);

    // A case from before the kept matches: its counts are made again, with them.
    store = reopenUpgraded(std::move(store), 15);
    QVERIFY(frequentTermsStale(store->db()).value());
    QCOMPARE(keptMatches(store->db(), "common"), -1);
    QCOMPARE(updateTextIndex(store->db(), quiet).value(), 0);
    QCOMPARE(keptMatches(store->db(), "common"), more);
    QCOMPARE(frequentTermPosts(store->db(), "common"), std::optional<std::int64_t>(more));

    // A case from before the counts: the index step makes them.
    store = reopenUpgraded(std::move(store), 14);
    QVERIFY(frequentTermsStale(store->db()).value());
    QVERIFY(!textIndexComplete(store->db()).value());
    QCOMPARE(frequentTermPosts(store->db(), "common"), std::nullopt);
    QCOMPARE(found(*store, "common"), more);
    QCOMPARE(updateTextIndex(store->db(), quiet).value(), 0);
    QCOMPARE(frequentTermPosts(store->db(), "common"), std::optional<std::int64_t>(more));
}

void TestTextIndex::onlyPlainWordsAreLookedUp()
{
    QCOMPARE(singleAsciiTerm(" The "), std::optional<std::string>("the"));
    QCOMPARE(singleAsciiTerm("2024"), std::optional<std::string>("2024"));
    QCOMPARE(singleAsciiTerm("the rally"), std::nullopt);
    QCOMPARE(singleAsciiTerm("don't"), std::nullopt);
    QCOMPARE(singleAsciiTerm("\xc3\xa9t\xc3\xa9"), std::nullopt); // "été"
    QCOMPARE(singleAsciiTerm("   "), std::nullopt);
}

QTEST_GUILESS_MAIN(TestTextIndex)
#include "tst_text_index.moc"
