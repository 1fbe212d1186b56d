#include "TestSupport.h"

#include "store/Schema.h"

#include <QFile>
#include <QTest>

using namespace chorus;
using namespace chorus::test;

class TestCaseStore : public QObject
{
    Q_OBJECT
private slots:
    void createsWalCaseWithSchema();
    void reopensExistingCase();
    void missingFileWithoutCreate();
    void foreignFilesAreRejectedUntouched_data();
    void foreignFilesAreRejectedUntouched();
    void newerCaseIsRejectedUntouched();
    void damagedCaseIsRejectedUntouched();
};

void TestCaseStore::createsWalCaseWithSchema()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QCOMPARE(text(*store, "PRAGMA journal_mode"), std::string("wal"));
    QCOMPARE(count(*store, "PRAGMA foreign_keys"), 1);
    QCOMPARE(count(*store, "PRAGMA user_version"), std::int64_t(schema::currentVersion()));
    QCOMPARE(count(*store, "PRAGMA application_id"), std::int64_t(schema::ApplicationId));
    for (const char *table : {"sources", "accounts", "posts", "post_urls", "post_hashtags",
                              "post_mentions", "import_issues", "posts_fts", "analysis_runs"}) {
        Statement q = store->db().prepare("SELECT count(*) FROM sqlite_schema WHERE name = ?");
        q.bind(1, table);
        QVERIFY(q.step());
        QVERIFY2(q.int64(0) == 1, table);
    }
}

void TestCaseStore::reopensExistingCase()
{
    QTemporaryDir dir;
    makeCase(dir);
    auto again = CaseStore::open(dir.filePath(QStringLiteral("case.chorus")).toStdString());
    QVERIFY2(again.ok(), again.error().message.c_str());
    QCOMPARE(again.value()->summary()->posts, 0);
}

void TestCaseStore::missingFileWithoutCreate()
{
    QTemporaryDir dir;
    const auto store = CaseStore::open(dir.filePath(QStringLiteral("absent.chorus")).toStdString());
    QVERIFY(!store.ok());
    QVERIFY(store.error().message.find("no such case file") != std::string::npos);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("absent.chorus"))));
}

void TestCaseStore::foreignFilesAreRejectedUntouched_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("text file") << QByteArray("id,text\n1,hello\n") << QStringLiteral("not an SQLite database");
    QTest::newRow("empty file") << QByteArray() << QStringLiteral("not an SQLite database");
}

void TestCaseStore::foreignFilesAreRejectedUntouched()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("other.chorus"), content);
    const QByteArray before = fileHash(path);
    const auto store = CaseStore::open(path.toStdString(), CaseStore::OpenMode::OpenOrCreate);
    QVERIFY(!store.ok());
    QVERIFY2(QString::fromStdString(store.error().message).contains(expected),
             store.error().message.c_str());
    QCOMPARE(fileHash(path), before);
}

void TestCaseStore::newerCaseIsRejectedUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("newer.chorus"));
    {
        Database db;
        db.open(path.toStdString(), Database::Mode::Create);
        db.execScript(("PRAGMA application_id = " + std::to_string(schema::ApplicationId) +
                       "; PRAGMA user_version = 999; CREATE TABLE t(x);")
                          .c_str());
    }
    const QByteArray before = fileHash(path);
    const auto store = CaseStore::open(path.toStdString());
    QVERIFY(!store.ok());
    QVERIFY2(store.error().message.find("newer Chorus") != std::string::npos,
             store.error().message.c_str());
    QCOMPARE(fileHash(path), before);

    // A plain SQLite database of another program is not ours either.
    const QString foreign = dir.filePath(QStringLiteral("foreign.db"));
    {
        Database db;
        db.open(foreign.toStdString(), Database::Mode::Create);
        db.execScript("CREATE TABLE t(x); INSERT INTO t VALUES (1);");
    }
    const QByteArray foreignBefore = fileHash(foreign);
    const auto other = CaseStore::open(foreign.toStdString());
    QVERIFY(!other.ok());
    QVERIFY(other.error().message.find("not a Chorus case file") != std::string::npos);
    QCOMPARE(fileHash(foreign), foreignBefore);
}

void TestCaseStore::damagedCaseIsRejectedUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("case.chorus"));
    {
        auto store = makeCase(dir);
        store->db().execScript("PRAGMA wal_checkpoint(TRUNCATE);");
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    // Keep the header, scribble over the schema page.
    for (qsizetype i = 100; i < qMin<qsizetype>(bytes.size(), 4096); ++i)
        bytes[i] = char(0xA5);
    file.seek(0);
    file.write(bytes);
    file.close();
    const QByteArray before = fileHash(path);
    const auto store = CaseStore::open(path.toStdString());
    QVERIFY(!store.ok());
    QVERIFY2(store.error().message.find("damaged") != std::string::npos, store.error().message.c_str());
    QCOMPARE(fileHash(path), before);
}

QTEST_GUILESS_MAIN(TestCaseStore)
#include "tst_casestore.moc"
