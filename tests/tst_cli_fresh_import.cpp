// An import into a case without posts writes through a rollback journal instead of the
// case's write-ahead log (store/FreshCaseJournal): the case returns to its log afterwards,
// stays in it when another connection has it open, and a killed import is undone on the
// next open.
#include "TestSupport.h"
#include "import/ImportRunner.h"
#include "store/FreshCaseJournal.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>
#include <QThread>

using namespace chorus;
using namespace chorus::test;

class TestCliFreshImport : public QObject
{
    Q_OBJECT
private slots:
    void freshCaseWritesThroughAJournalThenItsLog();
    void caseOpenElsewhereKeepsItsLog();
    void killedImportIsUndoneOnTheNextOpen();
};

static std::string journalMode(const CaseStore &store)
{
    return text(store, "PRAGMA journal_mode");
}

void TestCliFreshImport::freshCaseWritesThroughAJournalThenItsLog()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QCOMPARE(journalMode(*store), std::string("wal"));
    {
        const FreshCaseJournal journal(store->db(), true);
        QVERIFY(journal.active());
        QCOMPARE(journalMode(*store), std::string("delete"));
        QCOMPARE(count(*store, "PRAGMA synchronous"), std::int64_t(2)); // FULL
    }
    QCOMPARE(journalMode(*store), std::string("wal"));
    QCOMPARE(count(*store, "PRAGMA synchronous"), std::int64_t(1)); // NORMAL
    {
        const FreshCaseJournal journal(store->db(), false); // a case with posts: untouched
        QVERIFY(!journal.active());
        QCOMPARE(journalMode(*store), std::string("wal"));
    }

    ImportOptions alone; // as chorus-cli import
    alone.onlyConnection = true;
    const auto report = importPath(*store, dataPath("x_io_tweets.csv"), alone);
    QVERIFY2(report.ok(), report.error().message.c_str());
    QVERIFY(report->counts.imported > 0);
    QCOMPARE(journalMode(*store), std::string("wal"));
    QCOMPARE(text(*store, "PRAGMA integrity_check"), std::string("ok"));
    QVERIFY(!QFile::exists(QString::fromStdString(store->path()) + "-journal"));
    // A strict import that fails leaves the fresh case empty and in its log as well.
    QTemporaryDir other;
    auto fresh = makeCase(other);
    ImportOptions strict = alone;
    strict.strict = true;
    const QString bad = writeFile(other, "bad.csv",
                                  "object_id,account_id,content_id,timestamp_share\n"
                                  "o1,a1,c1,1600000000\n"
                                  "o2,a2,c2,not-a-time\n");
    QVERIFY(!importPath(*fresh, bad, strict).ok());
    QCOMPARE(count(*fresh, "SELECT count(*) FROM posts"), std::int64_t(0));
    QCOMPARE(journalMode(*fresh), std::string("wal"));
}

void TestCliFreshImport::caseOpenElsewhereKeepsItsLog()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    // A reader elsewhere (the workbench's panels) has the case open: the import does not
    // wait for it and writes through the log, as before.
    Database reader;
    reader.open(store->path(), Database::Mode::ReadOnly);
    QCOMPARE(reader.queryInt64("SELECT count(*) FROM posts"), std::int64_t(0));
    {
        const FreshCaseJournal journal(store->db(), true);
        QVERIFY(!journal.active());
        QCOMPARE(journalMode(*store), std::string("wal"));
    }
    ImportOptions alone; // even when told so, it finds out it is not
    alone.onlyConnection = true;
    const auto report = importPath(*store, dataPath("x_io_tweets.csv"), alone);
    QVERIFY2(report.ok(), report.error().message.c_str());
    QCOMPARE(reader.queryInt64("SELECT count(*) FROM posts"), report->counts.imported);
}

void TestCliFreshImport::killedImportIsUndoneOnTheNextOpen()
{
    QTemporaryDir dir;
    const QString file = writeRepostsCsv(dir, 600000, 5000, 40000);
    const QString casePath = dir.filePath("killed.chorus");

    QProcess import;
    import.start(QStringLiteral(CHORUS_CLI_PATH), {"import", casePath, file});
    QVERIFY(import.waitForStarted());
    // The journal is there from the import's first write to its commit: killed in between,
    // once pages spilled from the cache have been written into the case file.
    for (int i = 0; i < 2000 && !QFile::exists(casePath + "-journal"); ++i)
        QThread::msleep(5);
    QVERIFY2(QFile::exists(casePath + "-journal"), "the import never wrote through a journal");
    const qint64 created = QFileInfo(casePath).size();
    for (int i = 0; i < 2000 && import.state() == QProcess::Running &&
                    QFileInfo(casePath).size() < created + (16 << 20);
         ++i)
        QThread::msleep(5);
    // 600,000 rows take seconds; the case grows by 16 MB in the first part of them.
    QVERIFY2(import.state() == QProcess::Running, "the import ended before it could be killed");
    import.kill(); // SIGKILL
    QVERIFY(import.waitForFinished());
    QVERIFY(QFile::exists(casePath + "-journal"));

    auto reopened = CaseStore::open(casePath.toStdString(), CaseStore::OpenMode::OpenExisting);
    QVERIFY2(reopened.ok(), reopened.ok() ? "" : reopened.error().message.c_str());
    const CaseStore &store = *reopened.value();
    QCOMPARE(count(store, "SELECT count(*) FROM posts"), std::int64_t(0));
    QCOMPARE(count(store, "SELECT count(*) FROM sources"), std::int64_t(0));
    QCOMPARE(text(store, "PRAGMA integrity_check"), std::string("ok"));
    QCOMPARE(journalMode(store), std::string("wal"));
    // ... and the file imports whole afterwards.
    const auto again = importPath(store, file);
    QVERIFY2(again.ok(), again.error().message.c_str());
    QCOMPARE(again->counts.imported, std::int64_t(600000));
}

QTEST_GUILESS_MAIN(TestCliFreshImport)
#include "tst_cli_fresh_import.moc"
