#include "TestSupport.h"
#include "import/ImportRunner.h"
#include "store/TextIndex.h"

#include <QTest>

using namespace chorus;
using namespace chorus::test;

// An import into an empty case drops the secondary indexes of `posts` and builds them again
// at the end (faster for big files), except the kind and language filter indexes, which it
// leaves pending for the index step (store/TextIndex). Whatever happens, the case must end
// with the same indexes once that step ran, and they must index every post.
class TestImportIndexes : public QObject
{
    Q_OBJECT
private slots:
    void indexesRebuiltAfterFirstImport();
    void indexesKeptWhenStrictImportFails();
    void indexesUsedByLaterImports();
    void cancelWhileIndexingLeavesTheCase();
    void cancelledFilterIndexStaysPending();
    void foreignKeysEnforcedAgainAfterImports();
};

static std::int64_t buildPendingIndexes(const CaseStore &store)
{
    NullProgress progress;
    const auto indexed = updateTextIndex(store.db(), progress);
    return indexed ? count(store, "SELECT count(*) FROM pending_indexes") : -1;
}

static std::string pendingIndexes(const CaseStore &store)
{
    return text(store, "SELECT coalesce(group_concat(name || ':' || definition, '|'), '') FROM "
                       "(SELECT name, definition FROM pending_indexes ORDER BY name)");
}

static std::string postIndexes(const CaseStore &store)
{
    return text(store, "SELECT group_concat(name || ':' || sql, '|') FROM (SELECT name, sql "
                       "FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'posts' AND sql "
                       "IS NOT NULL ORDER BY name)");
}

// A good row, then one a strict import refuses.
static QString writeFileWithBadRow(const QTemporaryDir &dir)
{
    return writeFile(dir, "bad.csv",
                     "object_id,account_id,content_id,timestamp_share\n"
                     "o1,a1,c1,1600000000\n"
                     "o2,a2,c2,not-a-time\n");
}

void TestImportIndexes::indexesRebuiltAfterFirstImport()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const std::string before = postIndexes(*store);
    QVERIFY(before.find("posts_time") != std::string::npos);
    const auto report = importPath(*store, dataPath("x_io_tweets.csv"));
    QVERIFY2(report.ok(), report.error().message.c_str());
    QVERIFY(report->counts.imported > 0);
    QCOMPARE(text(*store, "PRAGMA integrity_check"), std::string("ok"));
    // The rebuilt index holds every post.
    QCOMPARE(count(*store, "SELECT count(*) FROM posts INDEXED BY posts_time WHERE created_at > 0"),
             report->counts.imported);
    // The filter indexes wait for the index step, their definitions kept as they were; the
    // filters still answer, from the posts.
    QCOMPARE(pendingIndexes(*store),
             std::string("posts_kind_time:CREATE INDEX posts_kind_time ON posts(kind, created_at)|"
                         "posts_language_time:CREATE INDEX posts_language_time ON "
                         "posts(language, created_at)"));
    QVERIFY(postIndexes(*store).find("posts_kind_time") == std::string::npos);
    QCOMPARE(store->summary()->filterIndexesPending, 2);
    const std::int64_t replies = count(*store, "SELECT count(*) FROM posts WHERE kind = 'reply'");
    QVERIFY(replies > 0);

    QCOMPARE(buildPendingIndexes(*store), 0);
    QCOMPARE(postIndexes(*store), before);
    QCOMPARE(text(*store, "PRAGMA integrity_check"), std::string("ok"));
    QCOMPARE(count(*store, "SELECT count(*) FROM posts INDEXED BY posts_kind_time "
                           "WHERE kind = 'reply'"),
             replies);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts INDEXED BY posts_language_time "
                           "WHERE language IS NOT NULL OR language IS NULL"),
             report->counts.imported);
    QCOMPARE(store->summary()->filterIndexesPending, 0);
}

void TestImportIndexes::indexesKeptWhenStrictImportFails()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const std::string before = postIndexes(*store);
    const QString bad = writeFileWithBadRow(dir);
    ImportOptions strict;
    strict.strict = true;
    QVERIFY(!importPath(*store, bad, strict).ok());
    QCOMPARE(postIndexes(*store), before);
    QCOMPARE(pendingIndexes(*store), std::string()); // rolled back with the rest
    QCOMPARE(count(*store, "SELECT count(*) FROM posts"), std::int64_t(0));
}

void TestImportIndexes::indexesUsedByLaterImports()
{
    // A second file goes into a case that has posts: indexes stay in place throughout.
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const std::string before = postIndexes(*store);
    QVERIFY(importPath(*store, dataPath("x_io_tweets.csv")).ok());
    QCOMPARE(buildPendingIndexes(*store), 0);
    const auto second = importPath(*store, dataPath("russian_coord_tweets.csv"));
    QVERIFY2(second.ok(), second.error().message.c_str());
    QCOMPARE(postIndexes(*store), before);
    QCOMPARE(pendingIndexes(*store), std::string());
    QCOMPARE(text(*store, "PRAGMA integrity_check"), std::string("ok"));
    QCOMPARE(count(*store, "SELECT count(*) FROM posts INDEXED BY posts_time WHERE created_at > 0"),
             count(*store, "SELECT count(*) FROM posts"));
    QCOMPARE(count(*store, "SELECT count(*) FROM posts INDEXED BY posts_kind_time "
                           "WHERE kind IS NOT NULL"),
             count(*store, "SELECT count(*) FROM posts"));

    // A second file while the filter indexes still wait: they are built over both files.
    QTemporaryDir other;
    auto waiting = makeCase(other);
    QVERIFY(importPath(*waiting, dataPath("x_io_tweets.csv")).ok());
    QVERIFY(importPath(*waiting, dataPath("russian_coord_tweets.csv")).ok());
    QCOMPARE(count(*waiting, "SELECT count(*) FROM pending_indexes"), std::int64_t(2));
    QCOMPARE(buildPendingIndexes(*waiting), 0);
    QCOMPARE(postIndexes(*waiting), before);
    QCOMPARE(count(*waiting, "SELECT count(*) FROM posts INDEXED BY posts_language_time "
                             "WHERE language IS NOT NULL OR language IS NULL"),
             count(*waiting, "SELECT count(*) FROM posts"));
}

// A Cancel while the indexes are being built stops the CREATE INDEX itself
// (store/CancelWatch) and is reported as the user's cancel, not as a failed write: the case
// is as before, indexes included.
void TestImportIndexes::cancelWhileIndexingLeavesTheCase()
{
    QTemporaryDir dir;
    const QString file = writeRepostsCsv(dir, 5000, 300, 700);
    auto store = makeCase(dir);
    const std::string before = postIndexes(*store);
    CancelAtStage cancel(Stage::IndexingFile);
    const auto report = importFile(*store, file.toStdString(), {}, cancel);
    QVERIFY(!report.ok());
    QVERIFY2(report.error().cancelled, report.error().message.c_str());
    QCOMPARE(count(*store, "SELECT count(*) FROM posts"), std::int64_t(0));
    QCOMPARE(count(*store, "SELECT count(*) FROM sources"), std::int64_t(0));
    QCOMPARE(postIndexes(*store), before);
    QCOMPARE(text(*store, "PRAGMA integrity_check"), std::string("ok"));
}

// A Cancel while the index step builds a filter index rolls that index back whole: it stays
// pending, the posts and the other indexes as they were, and the next run builds it.
void TestImportIndexes::cancelledFilterIndexStaysPending()
{
    QTemporaryDir dir;
    const QString file = writeRepostsCsv(dir, 5000, 300, 700);
    auto store = makeCase(dir);
    const std::string before = postIndexes(*store);
    QVERIFY(importPath(*store, file).ok());
    const std::string pending = pendingIndexes(*store);
    const std::string imported = postIndexes(*store);
    QVERIFY(!pending.empty());

    // The loop's own check passes; the next poll is SQLite's, inside the CREATE INDEX.
    CancelAtPoll cancel(Stage::IndexingFilters, 2);
    const auto stopped = updateTextIndex(store->db(), cancel);
    QVERIFY(cancel.polls() > 1);
    QVERIFY(!stopped.ok());
    QVERIFY(stopped.error().cancelled);
    QCOMPARE(pendingIndexes(*store), pending);
    QCOMPARE(postIndexes(*store), imported);
    QCOMPARE(text(*store, "PRAGMA integrity_check"), std::string("ok"));

    QCOMPARE(buildPendingIndexes(*store), 0);
    QCOMPARE(postIndexes(*store), before);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts INDEXED BY posts_kind_time "
                           "WHERE kind = 'repost'"),
             std::int64_t(5000));
}

// The import turns SQLite's foreign-key checks off on its connection (PostWriter checks its
// own rows): they are on again after every way an import can end, and what it wrote holds.
void TestImportIndexes::foreignKeysEnforcedAgainAfterImports()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    const auto enforced = [&] { return count(*store, "PRAGMA foreign_keys"); };
    QCOMPARE(enforced(), std::int64_t(1));

    QVERIFY(importPath(*store, dataPath("x_io_tweets.csv")).ok());
    QCOMPARE(enforced(), std::int64_t(1));
    QVERIFY(importPath(*store, dataPath("russian_coord_tweets.csv")).ok());
    QCOMPARE(enforced(), std::int64_t(1));

    const QString bad = writeFileWithBadRow(dir);
    ImportOptions strict;
    strict.strict = true;
    QVERIFY(!importPath(*store, bad, strict).ok());
    QCOMPARE(enforced(), std::int64_t(1));

    CancelAtStage cancel(Stage::IndexingFile);
    QVERIFY(!importFile(*store, bad.toStdString(), {}, cancel).ok());
    QCOMPARE(enforced(), std::int64_t(1));

    QCOMPARE(count(*store, "SELECT count(*) FROM pragma_foreign_key_check"), std::int64_t(0));
    QVERIFY(count(*store, "SELECT count(*) FROM post_hashtags") > 0);
    // Enforced, not merely reported: a post of an account that does not exist is refused.
    QVERIFY_THROWS_EXCEPTION(
        SqlError, store->db().execScript("INSERT INTO posts (platform, platform_id, account_id, "
                                         "created_at) VALUES ('x', 'orphan', 999999999, 0)"));
}

QTEST_GUILESS_MAIN(TestImportIndexes)
#include "tst_import_indexes.moc"
