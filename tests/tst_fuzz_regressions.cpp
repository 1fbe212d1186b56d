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

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzz_regressions.moc"
