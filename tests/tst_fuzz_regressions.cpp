#include "FuzzTargets.h"
#include "TestSupport.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

#include <algorithm>

using namespace chorus;

// Every input a fuzzer once found a fault with (tests/data/fuzz/<target>/<input>) goes through
// the same harness again: it must now run without a crash, a sanitizer report or a broken
// invariant (each of which aborts this test). The seeds are the fixtures themselves.
class TestFuzzRegressions : public QObject
{
    Q_OBJECT
private slots:
    void everyFoundInputRunsClean();
    void fixturesRunCleanThroughEveryImporter();
    void damagedIdsAndCodesPastTheHeadAreCaught();
};

void TestFuzzRegressions::everyFoundInputRunsClean()
{
    const QString root = test::dataPath(QStringLiteral("fuzz"));
    const std::vector<std::string> targets = fuzz::targetNames();
    int inputs = 0;
    for (QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
        const QString path = it.next();
        if (path.endsWith(QStringLiteral("README.md")))
            continue;
        const std::string target =
            QFileInfo(path).dir().dirName().toStdString(); // the folder names the target
        QVERIFY2(std::find(targets.begin(), targets.end(), target) != targets.end(),
                 qPrintable(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(fuzz::runTarget(target, reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                                size_t(bytes.size())));
        ++inputs;
    }
    qInfo("%d found inputs replayed", inputs);
}

void TestFuzzRegressions::fixturesRunCleanThroughEveryImporter()
{
    // The harness's invariants hold on the real and hand-written fixtures: a harness that
    // rejected good input would make the fuzzing find nothing of worth.
    int runs = 0;
    for (QDirIterator it(test::dataPath(QString()), QDir::Files); it.hasNext();) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const auto *data = reinterpret_cast<const std::uint8_t *>(bytes.constData());
        for (const std::string &target : fuzz::targetNames())
            if (target != "location" && target != "text") {
                QVERIFY(fuzz::runTarget(target, data, size_t(bytes.size())));
                ++runs;
            }
    }
    QVERIFY(runs > 100);
}

void TestFuzzRegressions::damagedIdsAndCodesPastTheHeadAreCaught()
{
    // What the first fuzzer findings had (ids with NUL or invalid UTF-8, control bytes in a
    // language code), placed where a real file would carry it: after the first 64 KiB, which
    // the import looks at to tell a binary file from an export. Through the public import.
    QByteArray csv = "tweetid,userid,user_screen_name,account_language,tweet_language,"
                     "tweet_text,tweet_time\n";
    int good = 0;
    while (csv.size() < 80 * 1024) {
        ++good;
        csv += QByteArray::number(1000 + good) + ",u" + QByteArray::number(good % 50) +
               ",handle,en,fr,an ordinary post number " + QByteArray::number(good) +
               " with some words to fill the line,2024-05-01 10:00\n";
    }
    csv += QByteArray("9001,u") + QByteArray(2, '\0') +
           "bad,handle,en,en,id with NUL,"
           "2024-05-01 10:00\n";
    csv += "9\xFF"
           "02,u1,handle,en,en,post id with a byte that is not UTF-8,2024-05-01 10:00\n";
    csv += "9003,u2,handle,en,e\x07n\x01,language with control bytes,2024-05-01 10:00\n";
    QTemporaryDir dir;
    const QString file = test::writeFile(dir, QStringLiteral("damaged_ids.csv"), csv);
    auto store = test::makeCase(dir);
    auto report = test::importPath(*store, file);
    QVERIFY2(report, report ? "" : report.error().message.c_str());
    QCOMPARE(report->format, std::string("x-io"));
    QCOMPARE(report->counts.imported, std::int64_t(good + 1)); // the good ones and 9003
    QCOMPARE(report->counts.rejected, std::int64_t(2));
    QCOMPARE(test::count(*store, "SELECT count(*) FROM import_issues WHERE field = 'author id' "
                                 "AND reason LIKE '%bytes that are not text%'"),
             std::int64_t(1));
    QCOMPARE(test::count(*store, "SELECT count(*) FROM import_issues WHERE field = 'id' "
                                 "AND reason LIKE '%bytes that are not text%'"),
             std::int64_t(1));
    QCOMPARE(test::count(*store, "SELECT count(*) FROM posts WHERE instr(platform_id, char(0)) "
                                 "OR instr(language, char(7))"),
             std::int64_t(0));
    QCOMPARE(test::text(*store, "SELECT coalesce(language, 'none') FROM posts WHERE "
                                "platform_id = '9003'"),
             std::string("none"));
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzz_regressions.moc"
