// Opening a case in the workbench: checked and opened off the GUI thread, a file that is not a
// case reported with its reason (the case open before staying open), an older case upgraded as
// a task before it opens; and a query that fails on the open case said where its count is.
#include "MainWindow.h"
#include "TestSupport.h"
#include "WorkbenchSteps.h"
#include "controllers/CaseController.h"
#include "controllers/TaskRunner.h"
#include "store/CaseStore.h"
#include "store/Database.h"
#include "views/PostsView.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

#include <algorithm>

using namespace chorus;
using namespace chorus::ui;

class TestUiCaseOpening : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // The upgrade tasks among the tasks started (the text index may follow the opening).
    static int upgrades(const QSignalSpy &started)
    {
        return int(std::count_if(started.begin(), started.end(), [](const QList<QVariant> &task) {
            return task.first().toString().startsWith(QStringLiteral("Upgrading"));
        }));
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // A case is checked and opened off the GUI thread. A file that is not a case is reported
    // with its reason, and the case open before stays open, its jobs running again after.
    void aFileThatIsNotACaseIsReportedAndTheOpenCaseStays()
    {
        MainWindow window;
        const QString first = m_dir.filePath(QStringLiteral("stays.chorus"));
        QVERIFY(window.openCase(first, true));
        QVERIFY(!window.caseController()->hasCase()); // opened by the reader, not yet
        QVERIFY(!window.caseController()->canStartJob());
        QTRY_VERIFY_WITH_TIMEOUT(window.caseController()->hasCase(), 60000);
        test::importAndWait(window, test::dataPath("x_io_tweets.csv"));
        QTRY_COMPARE(test::shownCount(window), 7);

        const QString notACase = test::writeFile(m_dir, "notes.chorus", "id,user\n1,ann\n");
        const test::MessageBoxAnswers answers;
        QSignalSpy failed(window.caseController(), &CaseController::openFailed);
        QVERIFY(window.openCase(notACase, false));
        QVERIFY(!window.caseController()->canStartJob()); // not while it is being opened
        QVERIFY(failed.wait(60000));
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("not a Chorus case")),
                 qPrintable(failed.first().first().toString()));
        QTRY_COMPARE(answers.texts().size(), 1); // "Cannot open case", with the reason
        QVERIFY(answers.texts().first().contains(QStringLiteral("not a Chorus case")));
        QCOMPARE(window.caseController()->casePath(), QFileInfo(first).absoluteFilePath());
        QVERIFY(window.caseController()->canStartJob());
        QCOMPARE(test::shownCount(window), 7);
        QCOMPARE(QFile(notACase).size(), qint64(14)); // not modified
    }

    // A query that fails is said where the posts' count is, not left "loading".
    void aFailedQueryIsShownInsteadOfTheCount()
    {
        MainWindow window;
        const QString path = m_dir.filePath(QStringLiteral("taken.chorus"));
        QVERIFY(test::openCaseAndWait(window, path, true));
        test::importAndWait(window, test::dataPath("x_io_tweets.csv"));
        QTRY_COMPARE(test::shownCount(window), 7);
        auto *count = window.postsView()->findChild<QLabel *>(QStringLiteral("postsCount"));
        QVERIFY(count);
        QTRY_COMPARE(count->text(), QStringLiteral("7 posts"));
        {
            // Another program takes away the table the count reads.
            Database other;
            other.open(path.toStdString(), Database::Mode::ReadWrite);
            other.execScript("ALTER TABLE post_facets RENAME TO elsewhere");
        }
        window.postsView()->reload();
        QTRY_COMPARE(count->text(), QStringLiteral("Could not read the posts"));
        QVERIFY2(count->toolTip().contains(QStringLiteral("post_facets")),
                 qPrintable(count->toolTip()));
    }

    // Each answer of the reader belongs to one request: the case asked for last is the one
    // that opens, and a case closed while it opens stays closed.
    void theCaseAskedForLastIsTheOneThatOpens()
    {
        const QString first = m_dir.filePath(QStringLiteral("asked-first.chorus"));
        const QString second = m_dir.filePath(QStringLiteral("asked-second.chorus"));
        test::makeCase(m_dir, QStringLiteral("asked-first.chorus"));
        test::makeCase(m_dir, QStringLiteral("asked-second.chorus"));
        MainWindow window;
        QSignalSpy opened(window.caseController(), &CaseController::caseOpened);
        QVERIFY(window.openCase(first));
        QVERIFY(window.openCase(second));
        QVERIFY(opened.wait(60000));
        // The reader answers in order: the first answer to arrive would be the first case's.
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().first().toString(), QFileInfo(second).absoluteFilePath());
        QCOMPARE(window.caseController()->casePath(), QFileInfo(second).absoluteFilePath());

        QVERIFY(window.openCase(first));
        window.caseController()->closeCase();
        QTest::qWait(500); // time for a wrong answer to come (a correct build sends none)
        QCOMPARE(opened.count(), 1);
        QVERIFY(window.statusBar()->currentMessage().isEmpty()); // no "Opening..." left
        QVERIFY(!window.caseController()->hasCase());
        QVERIFY(!window.caseController()->isOpening());
    }

    // An older case asked for twice (a double click) is upgraded once, then opens.
    void anOlderCaseAskedForTwiceOpens()
    {
        const QString path = m_dir.filePath(QStringLiteral("twice.chorus"));
        {
            auto store = test::makeCase(m_dir, QStringLiteral("twice.chorus"));
            QVERIFY(test::importPath(*store, test::dataPath("near_duplicates_xio.csv")).ok());
            store->db().execScript(test::olderSchemaScript(8).c_str());
        }
        MainWindow window;
        const test::MessageBoxAnswers answers;
        QSignalSpy opened(window.caseController(), &CaseController::caseOpened);
        QSignalSpy started(window.caseController()->tasks(), &TaskRunner::started);
        QVERIFY(window.openCase(path));
        QVERIFY(window.openCase(path));
        QVERIFY(opened.wait(60000));
        QCOMPARE(upgrades(started), 1);
        QCOMPARE(window.caseController()->casePath(), QFileInfo(path).absoluteFilePath());
        QVERIFY(!window.caseController()->isOpening());
        QVERIFY2(answers.texts().isEmpty(), qPrintable(answers.texts().join(QLatin1Char('\n'))));
    }

    // A case from an older version is upgraded as a task, off the GUI thread, and opens when
    // that is done.
    void olderCaseIsUpgradedBeforeItOpens()
    {
        const QString path = m_dir.filePath(QStringLiteral("older.chorus"));
        qint64 posts = 0;
        {
            auto store = test::makeCase(m_dir, QStringLiteral("older.chorus"));
            QVERIFY(test::importPath(*store, test::dataPath("near_duplicates_xio.csv")).ok());
            posts = test::count(*store, "SELECT count(*) FROM posts");
            QVERIFY(posts > 0);
            store->db().execScript(test::olderSchemaScript(8).c_str());
        }
        MainWindow window;
        QSignalSpy opened(window.caseController(), &CaseController::caseOpened);
        bool openAtUpgrade = true;
        connect(window.caseController()->tasks(), &TaskRunner::started, &window,
                [&] { openAtUpgrade = window.caseController()->hasCase(); });
        QSignalSpy started(window.caseController()->tasks(), &TaskRunner::started);
        QVERIFY(window.openCase(path, false));
        // Checked off the GUI thread first: no upgrade started yet, nothing open.
        QVERIFY(!window.caseController()->tasks()->isRunning());
        QVERIFY(!window.caseController()->hasCase());
        QVERIFY(opened.wait(60000));
        QCOMPARE(upgrades(started), 1);
        QVERIFY(!openAtUpgrade); // not before the upgrade is done
        QCOMPARE(window.caseController()->casePath(), QFileInfo(path).absoluteFilePath());
        QVERIFY(!CaseStore::needsUpgrade(path.toStdString()).value());
        QTRY_COMPARE(test::shownCount(window), posts);
    }
};

QTEST_MAIN(TestUiCaseOpening)
#include "tst_ui_case_opening.moc"
