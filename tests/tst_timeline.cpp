// The whole-case timeline and case period come from the per-minute counts the import keeps
// (store/PostMinutes): they must match a scan of the posts after every kind of import, a
// post promoted from context to collected, a rolled-back import and an upgrade from v8
// (also a cancelled one).
#include "TestSupport.h"
#include "clustering/TextClusterAnalysis.h"
#include "query/PostQueries.h"
#include "query/TimelineQueries.h"
#include "store/AccountCreationDays.h"
#include "store/PostMinutes.h"
#include "store/TextIndex.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

using namespace chorus;
using namespace chorus::test;

namespace {

// The bins of the fast path (`fast`) and of a scan of the posts (`scan`) agree exactly.
bool sameBins(const TimelineQueries &timeline, const PostFilter &fast, const PostFilter &scan,
              std::int64_t bin)
{
    const auto a = timeline.postsPerBin(fast, bin).value();
    const auto b = timeline.postsPerBin(scan, bin).value();
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto &x, const auto &y) {
        return x.start == y.start && x.count == y.count;
    });
}

// Collected posts per minute as stored, and as a scan of the posts counts them.
std::string storedMinutes(const CaseStore &store)
{
    return text(store, "SELECT group_concat(minute || ':' || collected, ' ') FROM "
                       "(SELECT * FROM post_minutes ORDER BY minute)");
}
std::string scannedMinutes(const CaseStore &store)
{
    return text(store, "SELECT group_concat(minute || ':' || n, ' ') FROM (SELECT "
                       "(created_at - ((created_at % 60) + 60) % 60) / 60 AS minute, count(*) "
                       "AS n FROM posts WHERE context = 0 GROUP BY minute ORDER BY minute)");
}

// The posts table's counts under kind, language and context filters (answered from
// post_facets) against the same counts asked so that they scan the posts (a filter from the
// beginning of time).
void checkFacetCountsMatchScan(const CaseStore &store)
{
    std::vector<std::string> kinds{""}, languages{""};
    for (const auto &[values, sql] :
         {std::pair{&kinds, "SELECT DISTINCT kind FROM posts"},
          std::pair{&languages, "SELECT DISTINCT language FROM posts WHERE language <> ''"}}) {
        Statement query = store.db().prepare(sql);
        while (query.step())
            values->push_back(query.text(0));
    }
    const PostQueries posts(store);
    for (const std::string &kind : kinds)
        for (const std::string &language : languages)
            for (const bool collectedOnly : {false, true}) {
                PostFilter filter;
                filter.kind = kind;
                filter.language = language;
                filter.collectedOnly = collectedOnly;
                PostFilter scan = filter;
                scan.from = std::numeric_limits<std::int64_t>::min();
                QCOMPARE(posts.count(filter).value(), posts.count(scan).value());
            }
    QCOMPARE(posts.count({}).value(), count(store, "SELECT count(*) FROM posts"));
    // The language list of the posts panel, most posts first.
    std::vector<std::pair<std::string, std::int64_t>> scanned;
    Statement byLanguage = store.db().prepare(
        "SELECT language, count(*) AS n FROM posts WHERE language <> '' GROUP BY language "
        "ORDER BY n DESC, language");
    while (byLanguage.step())
        scanned.emplace_back(byLanguage.text(0), byLanguage.int64(1));
    QCOMPARE(posts.languages().value(), scanned);
}

// The timeline's whole-case view (answered from the counts) against the same question asked
// so that it scans the posts (a filter that keeps every collected post), and the facet counts.
void checkKeptCountsMatchScan(const CaseStore &store)
{
    checkFacetCountsMatchScan(store);
    QCOMPARE(storedMinutes(store), scannedMinutes(store));
    PostFilter wholeCase;
    wholeCase.collectedOnly = true;
    PostFilter scan = wholeCase;
    scan.from = std::numeric_limits<std::int64_t>::min();
    const TimelineQueries timeline(store);
    QCOMPARE(timeline.span(wholeCase).value(), timeline.span(scan).value());
    for (std::int64_t bin : {60, 300, 3600, 6 * 3600, 86400, 7 * 86400, 30 * 86400})
        QVERIFY(sameBins(timeline, wholeCase, scan, bin));
    QCOMPARE(timeline.hourWeekday(wholeCase).value(), timeline.hourWeekday(scan).value());
    const auto sameAccounts = [&] {
        for (const std::int64_t bin : {86400, 7 * 86400}) {
            const auto accounts = timeline.accountCreation(wholeCase, bin).value();
            const auto accountsScanned = timeline.accountCreation(scan, bin).value();
            QCOMPARE(accounts.size(), accountsScanned.size());
            for (std::size_t i = 0; i < accounts.size(); ++i) {
                QCOMPARE(accounts[i].start, accountsScanned[i].start);
                QCOMPARE(accounts[i].count, accountsScanned[i].count);
            }
        }
    };
    // Before the index step: the counts it keeps are not of the case as it is.
    QVERIFY(!accountCreationDays(store.db()) || PostQueries(store).count({}).value() == 0);
    sameAccounts();
    // After it, the whole case's accounts by creation day are read from what it counted.
    NullProgress progress;
    QVERIFY(updateTextIndex(store.db(), progress).ok());
    QVERIFY(accountCreationDays(store.db()).has_value());
    sameAccounts();
    const auto summary = store.summary().value();
    const auto span = timeline.span(scan).value();
    if (PostQueries(store).count(wholeCase).value() > 0) {
        QCOMPARE(summary.firstPostAt, span.first);
        QCOMPARE(summary.lastPostAt, span.second);
    }
}

// The timeline's cluster lines against a count of each cluster's posts, collected only or all,
// after a real clustering run.
void compareClusterLines(bool withContext)
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    if (withContext)
        QVERIFY(importPath(*store, dataPath("twarc2_fidelity.jsonl")).ok());
    QVERIFY(importPath(*store, dataPath("near_duplicates_xio.csv")).ok());
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE context = 1") > 0, withContext);
    NullProgress progress;
    QVERIFY(runTextClusterAnalysis(store->db(), {}, progress).ok());
    Statement clusters = store->db().prepare("SELECT id FROM clusters");
    int compared = 0;
    const TimelineQueries timeline(*store);
    while (clusters.step()) {
        for (const bool collectedOnly : {false, true}) {
            PostFilter cluster;
            cluster.clusterId = clusters.int64(0);
            cluster.collectedOnly = collectedOnly;
            PostFilter scan = cluster;
            scan.from = std::numeric_limits<std::int64_t>::min();
            for (std::int64_t bin : {60, 3600, 86400})
                QVERIFY(sameBins(timeline, cluster, scan, bin));
        }
        ++compared;
    }
    QVERIFY(compared >= 2);
}

} // namespace

class TestTimeline : public QObject
{
    Q_OBJECT

private slots:
    void countsFollowEveryImport()
    {
        QTemporaryDir dir;
        auto store = makeCase(dir);
        checkKeptCountsMatchScan(*store); // empty case
        // Context posts, one of them collected later in the same file, and posts of several
        // days and formats.
        for (const char *fixture : {"twarc2_fidelity.jsonl", "x_io_tweets.csv",
                                    "twarc2_pages.jsonl", "near_duplicates_xio.csv"}) {
            QVERIFY2(importPath(*store, dataPath(fixture)).ok(), fixture);
            checkKeptCountsMatchScan(*store);
        }
        QVERIFY(count(*store, "SELECT count(*) FROM posts WHERE context = 1") > 0);
        QVERIFY(count(*store, "SELECT count(*) FROM post_minutes") > 5);
        // Importing a file again adds no post and no count.
        const std::string before = storedMinutes(*store);
        QVERIFY(importPath(*store, dataPath("twarc2_fidelity.jsonl")).ok());
        QCOMPARE(storedMinutes(*store), before);
    }

    void scatteredTimesCountedAcrossFlushes()
    {
        // 10,000 posts three hours apart, each minute twice (once in each half of the file):
        // more blocks of minutes than the writer holds, so the counts reach the case in
        // several flushes that must add up.
        QTemporaryDir dir;
        QByteArray csv = "object_id,account_id,content_id,timestamp_share\n";
        for (int i = 0; i < 10000; ++i)
            csv += "o" + QByteArray::number(i % 7) + ",a" + QByteArray::number(i % 300) + ",c" +
                   QByteArray::number(i) + "," +
                   QByteArray::number(1300000000LL + (i % 5000) * 3 * 3600) + "\n";
        auto store = makeCase(dir);
        QVERIFY(importPath(*store, writeFile(dir, "scattered.csv", csv)).ok());
        checkKeptCountsMatchScan(*store);
        QCOMPARE(count(*store, "SELECT count(*) FROM post_minutes"), std::int64_t(5000));
        QCOMPARE(count(*store, "SELECT min(collected) FROM post_minutes"), std::int64_t(2));
    }

    void accountsWithoutPostsAreNotCounted()
    {
        // A users file brings accounts that posted nothing here; no post is context.
        QTemporaryDir dir;
        auto store = makeCase(dir);
        QVERIFY(importPath(*store, dataPath("x_io_users.csv")).ok());
        QVERIFY(importPath(*store, dataPath("x_io_tweets.csv")).ok());
        QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE context = 1"), 0);
        QVERIFY(count(*store,
                      "SELECT count(*) FROM accounts a WHERE a.created_at IS NOT NULL "
                      "AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.account_id = a.id)") > 0);
        checkKeptCountsMatchScan(*store);
    }

    void postCollectedAfterItWasContext()
    {
        // A retweet brings its original as context; a later file collects the original.
        QTemporaryDir dir;
        auto store = makeCase(dir);
        QVERIFY(importLineOf(*store, dir, "twarc2_flat.jsonl", 1).ok()); // the retweet
        QCOMPARE(count(*store, "SELECT context FROM posts WHERE platform_id = '3001'"), 1);
        QCOMPARE(count(*store, "SELECT sum(collected) FROM post_minutes"), 1);
        checkKeptCountsMatchScan(*store);
        QVERIFY(importLineOf(*store, dir, "twarc2_flat.jsonl", 0).ok()); // the original
        QCOMPARE(count(*store, "SELECT context FROM posts WHERE platform_id = '3001'"), 0);
        QCOMPARE(count(*store, "SELECT sum(collected) FROM post_minutes"), 2);
        checkKeptCountsMatchScan(*store);
    }

    void cancelledImportLeavesTheCounts()
    {
        // Cancelled after its counts were written (while its indexes are built): the counts
        // roll back with the posts.
        QTemporaryDir dir;
        auto store = makeCase(dir);
        QVERIFY(importPath(*store, dataPath("x_io_tweets.csv")).ok());
        const std::string before = storedMinutes(*store);
        CancelAtStage cancel(Stage::IndexingFile);
        const auto result =
            importFile(*store, dataPath("near_duplicates_xio.csv").toStdString(), {}, cancel);
        QVERIFY(!result.ok());
        QCOMPARE(storedMinutes(*store), before);
        checkKeptCountsMatchScan(*store);
    }

    void olderCasesAreCountedOnOpening()
    {
        QTemporaryDir dir;
        auto store = makeCase(dir);
        QVERIFY(importPath(*store, dataPath("twarc2_fidelity.jsonl")).ok());
        QVERIFY(importPath(*store, dataPath("x_io_tweets.csv")).ok());
        const std::string counted = storedMinutes(*store);
        const auto upgraded = reopenUpgraded(std::move(store), 8);
        QCOMPARE(storedMinutes(*upgraded), counted);
        checkKeptCountsMatchScan(*upgraded);
    }

    void olderCasesAreCountedByFacetOnOpening()
    {
        QTemporaryDir dir;
        auto store = makeCase(dir);
        QVERIFY(importPath(*store, dataPath("twarc2_fidelity.jsonl")).ok());
        QVERIFY(importPath(*store, dataPath("x_io_tweets.csv")).ok());
        const std::string facets =
            text(*store, "SELECT group_concat(kind || '/' || language || "
                         "'/' || context || ':' || n, ' ') FROM post_facets");
        QVERIFY(count(*store, "SELECT count(*) FROM post_facets") >= 3);
        const auto upgraded = reopenUpgraded(std::move(store), 9);
        QCOMPARE(text(*upgraded, "SELECT group_concat(kind || '/' || language || '/' || context "
                                 "|| ':' || n, ' ') FROM post_facets"),
                 facets);
        checkKeptCountsMatchScan(*upgraded);
    }

    // The workbench upgrades an older case on its worker thread, with Cancel: a cancelled
    // upgrade leaves the file in its older format, unchanged, and a later one completes.
    void cancelledUpgradeLeavesTheOlderCase()
    {
        QTemporaryDir dir;
        QByteArray csv = "object_id,account_id,content_id,timestamp_share\n";
        for (int i = 0; i < 5000; ++i)
            csv += "o" + QByteArray::number(i % 300) + ",a" + QByteArray::number(i % 700) + ",c" +
                   QByteArray::number(i) + "," + QByteArray::number(1600000000 + 7 * i) + "\n";
        auto store = makeCase(dir);
        QVERIFY(importPath(*store, writeFile(dir, "reposts.csv", csv)).ok());
        const std::string counted = storedMinutes(*store);
        store->db().execScript(olderSchemaScript(8).c_str());
        const std::string path = store->path();
        store.reset();
        QVERIFY(CaseStore::needsUpgrade(path).value());

        class Cancelled final : public ProgressSink
        {
            void progress(std::int64_t, std::int64_t) override {}
            bool isCancelled() const override { return true; }
        } cancelled;
        const auto stopped = CaseStore::open(path, CaseStore::OpenMode::OpenExisting, &cancelled);
        QVERIFY(!stopped.ok());
        QVERIFY2(stopped.error().cancelled, stopped.error().message.c_str());
        QVERIFY(CaseStore::needsUpgrade(path).value());

        NullProgress progress;
        auto upgraded = CaseStore::open(path, CaseStore::OpenMode::OpenExisting, &progress);
        QVERIFY(upgraded.ok());
        QVERIFY(!CaseStore::needsUpgrade(path).value());
        QCOMPARE(storedMinutes(*upgraded.value()), counted);
        checkKeptCountsMatchScan(*upgraded.value());
    }

    void clusterLinesMatchTheirPosts()
    {
        // The timeline's cluster lines come from the members' own times: the same bins as
        // counting the cluster's posts, collected only or all, after a real clustering run.
        // Without context posts (the members' times answer) and with them (the posts do).
        for (const bool withContext : {false, true})
            compareClusterLines(withContext);
    }

    void minutesBefore1970()
    {
        QCOMPARE(minuteOf(0), 0);
        QCOMPARE(minuteOf(59), 0);
        QCOMPARE(minuteOf(60), 1);
        QCOMPARE(minuteOf(-1), -1);
        QCOMPARE(minuteOf(-60), -1);
        QCOMPARE(minuteOf(-61), -2);
    }
};

QTEST_GUILESS_MAIN(TestTimeline)
#include "tst_timeline.moc"
