// The whole-case timeline and case period come from the per-minute counts the import keeps
// (store/PostMinutes): they must match a scan of the posts after every kind of import, a
// post promoted from context to collected, a rolled-back import and an upgrade from v8.
#include "TestSupport.h"
#include "query/PostQueries.h"
#include "query/TimelineQueries.h"
#include "store/PostMinutes.h"

#include <QFile>
#include <QTest>

#include <limits>

using namespace chorus;
using namespace chorus::test;

namespace {

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

// The timeline's whole-case view (answered from the counts) against the same question asked
// so that it scans the posts (a filter that keeps every collected post).
void checkWholeCaseMatchesScan(const CaseStore &store)
{
    QCOMPARE(storedMinutes(store), scannedMinutes(store));
    PostFilter wholeCase;
    wholeCase.collectedOnly = true;
    PostFilter scan = wholeCase;
    scan.from = std::numeric_limits<std::int64_t>::min();
    const TimelineQueries timeline(store);
    QCOMPARE(timeline.span(wholeCase).value(), timeline.span(scan).value());
    for (std::int64_t bin : {60, 300, 3600, 6 * 3600, 86400, 7 * 86400, 30 * 86400}) {
        const auto fast = timeline.postsPerBin(wholeCase, bin).value();
        const auto scanned = timeline.postsPerBin(scan, bin).value();
        QCOMPARE(fast.size(), scanned.size());
        for (std::size_t i = 0; i < fast.size(); ++i) {
            QCOMPARE(fast[i].start, scanned[i].start);
            QCOMPARE(fast[i].count, scanned[i].count);
        }
    }
    QCOMPARE(timeline.hourWeekday(wholeCase).value(), timeline.hourWeekday(scan).value());
    const auto accounts = timeline.accountCreation(wholeCase, 86400).value();
    const auto accountsScanned = timeline.accountCreation(scan, 86400).value();
    QCOMPARE(accounts.size(), accountsScanned.size());
    for (std::size_t i = 0; i < accounts.size(); ++i)
        QCOMPARE(accounts[i].count, accountsScanned[i].count);
    const auto summary = store.summary().value();
    const auto span = timeline.span(scan).value();
    if (PostQueries(store).count(wholeCase).value() > 0) {
        QCOMPARE(summary.firstPostAt, span.first);
        QCOMPARE(summary.lastPostAt, span.second);
    }
}

QString lineOf(const QString &fixture, int line)
{
    QFile file(dataPath(fixture));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll().split('\n').value(line));
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
        checkWholeCaseMatchesScan(*store); // empty case
        // Context posts, one of them collected later in the same file, and posts of several
        // days and formats.
        for (const char *fixture : {"twarc2_fidelity.jsonl", "x_io_tweets.csv",
                                    "twarc2_pages.jsonl", "near_duplicates_xio.csv"}) {
            QVERIFY2(importPath(*store, dataPath(fixture)).ok(), fixture);
            checkWholeCaseMatchesScan(*store);
        }
        QVERIFY(count(*store, "SELECT count(*) FROM posts WHERE context = 1") > 0);
        QVERIFY(count(*store, "SELECT count(*) FROM post_minutes") > 5);
        // Importing a file again adds no post and no count.
        const std::string before = storedMinutes(*store);
        QVERIFY(importPath(*store, dataPath("twarc2_fidelity.jsonl")).ok());
        QCOMPARE(storedMinutes(*store), before);
    }

    void postCollectedAfterItWasContext()
    {
        // A retweet brings its original as context; a later file collects the original.
        QTemporaryDir dir;
        auto store = makeCase(dir);
        const QString retweet =
            writeFile(dir, "retweet.jsonl", lineOf("twarc2_flat.jsonl", 1).toUtf8() + '\n');
        const QString original =
            writeFile(dir, "original.jsonl", lineOf("twarc2_flat.jsonl", 0).toUtf8() + '\n');
        QVERIFY(importPath(*store, retweet).ok());
        QCOMPARE(count(*store, "SELECT context FROM posts WHERE platform_id = '3001'"), 1);
        QCOMPARE(count(*store, "SELECT sum(collected) FROM post_minutes"), 1);
        checkWholeCaseMatchesScan(*store);
        QVERIFY(importPath(*store, original).ok());
        QCOMPARE(count(*store, "SELECT context FROM posts WHERE platform_id = '3001'"), 0);
        QCOMPARE(count(*store, "SELECT sum(collected) FROM post_minutes"), 2);
        checkWholeCaseMatchesScan(*store);
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
        checkWholeCaseMatchesScan(*store);
    }

    void olderCasesAreCountedOnOpening()
    {
        QTemporaryDir dir;
        auto store = makeCase(dir);
        QVERIFY(importPath(*store, dataPath("twarc2_fidelity.jsonl")).ok());
        QVERIFY(importPath(*store, dataPath("x_io_tweets.csv")).ok());
        const std::string counted = storedMinutes(*store);
        const auto upgraded =
            reopenUpgraded(std::move(store), "DROP TABLE post_minutes; PRAGMA user_version = 8;");
        QCOMPARE(storedMinutes(*upgraded), counted);
        checkWholeCaseMatchesScan(*upgraded);
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
