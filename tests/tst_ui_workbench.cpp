// The workbench through its UI layer: import via the case controller, the lazy posts
// model and its filters, the linked selection, and cancelling a long import.
#include "MainWindow.h"
#include "TestSupport.h"
#include "WorkbenchSteps.h"
#include "controllers/CaseController.h"
#include "controllers/SelectionController.h"
#include "controllers/TaskRunner.h"
#include "models/PostTableModel.h"
#include "query/AccountQueries.h"
#include "query/NetworkQueries.h"
#include "store/CaseStore.h"
#include "store/TextIndex.h"
#include "views/ClustersView.h"
#include "views/GraphCanvas.h"
#include "views/GraphView.h"
#include "views/MapCanvas.h"
#include "views/MapView.h"
#include "views/PostsView.h"

#include <QTreeWidget>
#include <QUndoStack>

#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <utility>

using namespace chorus;
using namespace chorus::ui;

class TestUiWorkbench : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void importsZipArchiveMemberByMember()
    {
        // The import menu takes a ZIP archive: each export in it a source, the photo and the
        // macOS metadata passed over and said so.
        MainWindow window;
        QVERIFY(test::openCaseAndWait(window, m_dir.filePath("zip.chorus"), true));
        QSignalSpy finished(window.caseController()->tasks(), &TaskRunner::finished);
        QVERIFY(window.caseController()->importFiles({test::dataPath("compressed/export.zip")}));
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(2).toString()));
        const QString message = finished.at(0).at(2).toString();
        QVERIFY2(message.contains("export.zip:data/twarc2_pages.jsonl (twarc2)") &&
                     message.contains("export.zip:reddit_comments.ndjson (reddit)") &&
                     message.contains("export.zip: 2 file(s) in the archive are not exports"),
                 qPrintable(message));
        QTRY_COMPARE(test::shownCount(window),
                     34); // 7 X posts (one context) and 27 Reddit comments
    }

    void importShowsPostsAndFilters()
    {
        MainWindow window;
        QVERIFY(test::openCaseAndWait(window, m_dir.filePath("a.chorus"), true));
        bool ok = false;
        test::importAndWait(window, test::dataPath("x_io_tweets.csv"), &ok);
        QVERIFY(ok);
        PostTableModel *model = window.postsView()->model();
        QTRY_COMPARE(test::shownCount(window), 7);
        QCOMPARE(model->rowCount(), 7);
        // Rows arrive from the reader thread: the placeholder is replaced.
        QTRY_COMPARE(model->index(0, PostTableModel::TimeColumn).data().toString(),
                     QString("2017-08-19 15:13"));
        QCOMPARE(model->index(1, PostTableModel::TextColumn).data().toString(),
                 QString("Le député a menti. \u23CE Encore une fois, « la vérité » éclate 😡"));

        // A long view reaches the table a step at a time (a few rows here, 250,000 in use):
        // the view asks for more at its end, the total is known from the start.
        model->setShownRowsStep(3);
        model->reload();
        QTRY_COMPARE(test::shownCount(window), 7);
        QCOMPARE(model->rowCount(), 3);
        QVERIFY(model->canFetchMore({}));
        model->fetchMore({});
        model->fetchMore({});
        QCOMPARE(model->rowCount(), 7);
        QVERIFY(!model->canFetchMore({}));
        QTRY_COMPARE(model->index(1, PostTableModel::TextColumn).data().toString(),
                     QString("Le député a menti. \u23CE Encore une fois, « la vérité » éclate 😡"));
        model->setShownRowsStep(250000);

        // Full-text search typed into the filter bar (the user's quote cannot break it).
        window.postsView()->searchField()->setText("rally");
        QTRY_COMPARE(test::shownCount(window), 1);
        window.postsView()->searchField()->setText("\"rally");
        QTRY_COMPARE(test::shownCount(window), 1);
        window.postsView()->searchField()->clear();
        QTRY_COMPARE(test::shownCount(window), 7);

        window.postsView()->setKindFilter("repost");
        QTRY_COMPARE(test::shownCount(window), 1);
        window.postsView()->setKindFilter("");
        QTRY_COMPARE(test::shownCount(window), 7);

        PostFilter byAccount;
        auto store = CaseStore::open(m_dir.filePath("a.chorus").toStdString());
        QVERIFY(store);
        byAccount.accountId =
            AccountQueries(*store.value()).find("QmFzZTY0SGFzaGVkVXNlcklkMDAy").value();
        model->setFilter(byAccount);
        QTRY_COMPARE(test::shownCount(window), 3);
    }

    void timeRangeSelectionFiltersPosts()
    {
        MainWindow window;
        QVERIFY(test::openCaseAndWait(window, m_dir.filePath("b.chorus"), true));
        test::importAndWait(window, test::dataPath("x_io_tweets.csv"));
        QTRY_COMPARE(test::shownCount(window), 7);
        QSignalSpy ranges(window.selection(), &SelectionController::timeRangeSelected);
        window.selection()->selectTimeRange(1503155640, 1503158400); // 15:14 to 16:00
        QCOMPARE(ranges.count(), 1);
        QTRY_COMPARE(test::shownCount(window), 2);
        window.selection()->selectTimeRange(0, 0);
        QTRY_COMPARE(test::shownCount(window), 7);
    }

    void selectingAPostSelectsItsAccount()
    {
        MainWindow window;
        QVERIFY(test::openCaseAndWait(window, m_dir.filePath("c.chorus"), true));
        test::importAndWait(window, test::dataPath("x_io_tweets.csv"));
        PostTableModel *model = window.postsView()->model();
        QTRY_COMPARE(test::shownCount(window), 7);
        QTRY_VERIFY(model->index(2, 0).data(PostTableModel::AccountIdRole).isValid());
        QSignalSpy accounts(window.selection(), &SelectionController::accountSelected);
        window.postsView()->table()->setCurrentIndex(model->index(2, 0));
        QCOMPARE(accounts.count(), 1);
        QCOMPARE(window.selection()->accountId(),
                 model->index(2, 0).data(PostTableModel::AccountIdRole).toLongLong());
    }

    void cancelledImportLeavesTheCaseUnchanged()
    {
        MainWindow window;
        const QString path = m_dir.filePath("d.chorus");
        QVERIFY(test::openCaseAndWait(window, path, true));
        test::importAndWait(window, test::dataPath("x_io_tweets.csv"));
        QSignalSpy finished(window.caseController()->tasks(), &TaskRunner::finished);
        QVERIFY(window.caseController()->importFiles({test::dataPath("russian_coord_tweets.csv")}));
        window.caseController()->tasks()->cancel();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(0).toBool(), false); // not ok
        QCOMPARE(finished.at(0).at(1).toBool(), true);  // cancelled
        auto store = CaseStore::open(path.toStdString());
        QVERIFY(store);
        QCOMPARE(test::count(*store.value(), "SELECT count(*) FROM posts"), 7);
        QCOMPARE(test::count(*store.value(), "SELECT count(*) FROM sources"), 1);
        QTRY_COMPARE(test::shownCount(window), 7);
    }

    void analysisFillsTheClustersListAndSelectionFiltersPosts()
    {
        MainWindow window;
        QVERIFY(test::openCaseAndWait(window, m_dir.filePath("e.chorus"), true));
        const QString csv = test::writeFile(
            m_dir, "copies.csv",
            "id,user,when,message\n"
            "1,ann,2021-03-01 10:00,The mayor lied about the water plant and must resign today\n"
            "2,bob,2021-03-01 10:01,The mayor lied about the water plant and must resign today\n"
            "3,cat,2021-03-01 10:02,The mayor lied about the water plant and must resign today!\n"
            "4,dan,2021-03-01 11:00,Lovely weather at the lake this morning and off for a swim\n");
        ImportOptions options;
        options.format = "csv";
        options.mapping = {
            {"post_id", "id"}, {"author", "user"}, {"time", "when"}, {"text", "message"}};
        QSignalSpy finished(window.caseController()->tasks(), &TaskRunner::finished);
        QVERIFY(window.caseController()->importFiles({csv}, options));
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.at(0).at(0).toBool());
        QTRY_COMPARE(test::shownCount(window), 4);

        QVERIFY(window.caseController()->runAnalysis({}));
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.at(1).at(0).toBool(), qPrintable(finished.at(1).at(2).toString()));
        QTreeWidget *clusters = window.clustersView()->tree();
        QTRY_COMPARE(clusters->topLevelItemCount(), 1);
        QCOMPARE(clusters->topLevelItem(0)->text(0), QString("#1"));
        QCOMPARE(clusters->topLevelItem(0)->text(2), QString("3")); // posts
        QCOMPARE(clusters->topLevelItem(0)->text(3), QString("3")); // accounts
        QVERIFY(clusters->topLevelItem(0)->childCount() > 0);       // score components

        clusters->setCurrentItem(clusters->topLevelItem(0));
        QVERIFY(window.selection()->clusterId() != 0);
        QTRY_COMPARE(test::shownCount(window), 3);
        QTRY_COMPARE(window.selection()->clusterAccounts().size(), 3);

        // The graph panel follows with the cluster's co-text network: ann-bob and bob-cat
        // posted within a minute, ann-cat two minutes apart. Clicking a disc selects its
        // account everywhere.
        window.show();
        window.raisePanel(QStringLiteral("graph"));
        GraphCanvas *canvas = window.graphView()->canvas();
        QTRY_COMPARE(canvas->scene().nodes.size(), std::size_t(3));
        QCOMPARE(canvas->scene().edges.size(), std::size_t(2));
        QTRY_VERIFY(canvas->isVisible() && canvas->width() > 100);
        canvas->fit();
        const GraphSceneNode &node = canvas->scene().nodes[1];
        QCOMPARE(canvas->nodeAt(canvas->nodePosition(1)), 1);
        QTest::mouseClick(canvas, Qt::LeftButton, {}, canvas->nodePosition(1).toPoint());
        QCOMPARE(window.selection()->accountId(), node.accountId);
        // Double-clicking a link's middle finds that link (its evidence opens from there).
        const GraphSceneEdge &link = canvas->scene().edges[0];
        const QPointF middle = (canvas->nodePosition(link.a) + canvas->nodePosition(link.b)) / 2;
        QCOMPARE(canvas->edgeAt(middle), 0);
        window.selection()->selectCluster(0);
        QCOMPARE(window.selection()->clusterId(), 0);
        QCOMPARE(window.postsView()->model()->filter().clusterId, 0);
        QTRY_COMPARE(test::shownCount(window), 4);
    }

    // Four accounts post the same two texts within a minute: the network run links them all.
    // Dragging a disc moves and pins it in the case; undo puts it back; a Shift-drag rectangle
    // selects a group of accounts that filters the posts; laying out again keeps the pin.
    void networkDrawingMovesPinsAndSelectsGroups()
    {
        MainWindow window;
        const QString casePath = m_dir.filePath("g.chorus");
        QVERIFY(test::openCaseAndWait(window, casePath, true));
        QString rows = "id,user,when,message\n";
        const char *users[] = {"ann", "bob", "cat", "dan"};
        for (int i = 0; i < 4; ++i) {
            rows += QString("a%1,%2,2021-03-01 10:00:%3,The mayor lied about the water plant and "
                            "must resign today\n")
                        .arg(i)
                        .arg(users[i])
                        .arg(10 + i);
            rows += QString("b%1,%2,2021-03-02 18:30:%3,Nobody voted for the new bridge tolls so "
                            "scrap them now\n")
                        .arg(i)
                        .arg(users[i])
                        .arg(10 + i);
        }
        rows += "e1,eve,2021-03-05 09:00,Lovely weather at the lake this morning\n";
        ImportOptions options;
        options.format = "csv";
        options.mapping = {
            {"post_id", "id"}, {"author", "user"}, {"time", "when"}, {"text", "message"}};
        QSignalSpy finished(window.caseController()->tasks(), &TaskRunner::finished);
        QVERIFY(window.caseController()->importFiles(
            {test::writeFile(m_dir, "g.csv", rows.toUtf8())}, options));
        QVERIFY(finished.wait(60000));
        QVERIFY(window.caseController()->runAnalysis({}));
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.at(1).at(0).toBool(), qPrintable(finished.at(1).at(2).toString()));

        window.show();
        window.raisePanel(QStringLiteral("graph"));
        GraphCanvas *canvas = window.graphView()->canvas();
        QTRY_COMPARE(canvas->scene().nodes.size(), std::size_t(4));
        QCOMPARE(canvas->scene().edges.size(), std::size_t(6));
        const qint64 run = canvas->scene().networkRun;
        QVERIFY(run != 0);
        QTRY_VERIFY(canvas->isVisible() && canvas->width() > 100);
        canvas->fit();
        auto stored = [&](qint64 account) {
            auto store = CaseStore::open(casePath.toStdString());
            for (const NetworkNode &n : NetworkQueries(*store.value()).nodes(run).value())
                if (n.accountId == account)
                    return n;
            return NetworkNode{};
        };

        // Drag disc 0 by (50, 30) pixels.
        const qint64 moved = canvas->scene().nodes[0].accountId;
        const QPointF origin(canvas->scene().nodes[0].x, canvas->scene().nodes[0].y);
        const QPoint from = canvas->nodePosition(0).toPoint();
        QTest::mousePress(canvas, Qt::LeftButton, {}, from);
        QTest::mouseMove(canvas, from + QPoint(10, 6));
        QTest::mouseMove(canvas, from + QPoint(50, 30));
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, from + QPoint(50, 30));
        QCOMPARE(canvas->nodePosition(0).toPoint(), from + QPoint(50, 30));
        QVERIFY(canvas->scene().nodes[0].pinned);
        const double movedX = canvas->scene().nodes[0].x;
        QTRY_VERIFY(stored(moved).pinned);
        QCOMPARE(*stored(moved).x, movedX);
        window.graphView()->undoStack()->undo();
        QCOMPARE(canvas->scene().nodes[0].x, origin.x());
        QVERIFY(!canvas->scene().nodes[0].pinned);
        QTRY_VERIFY(!stored(moved).pinned);
        QCOMPARE(*stored(moved).x, origin.x());
        window.graphView()->undoStack()->redo();
        QTRY_VERIFY(stored(moved).pinned);

        // A rectangle around disc 1 alone selects its account as a group: posts follow.
        const QPoint one = canvas->nodePosition(1).toPoint();
        QTest::mousePress(canvas, Qt::LeftButton, Qt::ShiftModifier, one - QPoint(6, 6));
        QTest::mouseMove(canvas, one);
        QTest::mouseMove(canvas, one + QPoint(6, 6));
        QTest::mouseRelease(canvas, Qt::LeftButton, Qt::ShiftModifier, one + QPoint(6, 6));
        const qint64 boxed = canvas->scene().nodes[1].accountId;
        QCOMPARE(window.selection()->accountGroup(), QSet<qint64>{boxed});
        QCOMPARE(window.postsView()->model()->filter().accountIds,
                 std::vector<std::int64_t>{boxed});
        QTRY_COMPARE(test::shownCount(window), 2);
        window.selection()->selectAccountGroup({});
        QTRY_COMPARE(test::shownCount(window), 9);

        // Laying out again is a task; the pinned account stays exactly where it was put.
        window.graphView()->requestLayout();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.at(2).at(0).toBool(), qPrintable(finished.at(2).at(2).toString()));
        QCOMPARE(*stored(moved).x, movedX);
        QVERIFY(stored(moved).pinned);
        QTRY_VERIFY(canvas->scene().nodes.size() == 4 && canvas->scene().nodes[0].pinned);
        QCOMPARE(canvas->scene().nodes[0].x, movedX);
    }

    // Accounts in Lagos and Manila post the same text: the map panel shows two bubbles with
    // the selected cluster's accounts in red; clicking the Lagos bubble selects its three
    // accounts everywhere (the posts panel shows only theirs).
    void mapBubbleSelectsItsAccounts()
    {
        MainWindow window;
        QVERIFY(test::openCaseAndWait(window, m_dir.filePath("m.chorus"), true));
        const test::LocatedCopies copies =
            test::writeLocatedCopies(m_dir, "m.csv",
                                     {"Lagos, Nigeria", "Lagos, Nigeria", "Lagos, Nigeria",
                                      "Manila", "Manila, Philippines"});
        test::importAndAnalyze(window, copies.path, copies.options);
        if (QTest::currentTestFailed())
            return;
        window.show();
        window.raisePanel(QStringLiteral("map"));
        MapCanvas *canvas = window.mapView()->canvas();
        QTRY_COMPARE(canvas->scene().bubbles.size(), std::size_t(2));
        QTRY_VERIFY(canvas->isVisible() && canvas->width() > 100);
        canvas->fit();
        window.clustersView()->selectByNumber(1);
        // The highlight comes from a worker query: allow for a loaded machine (ctest -j2).
        QTRY_COMPARE_WITH_TIMEOUT(canvas->scene().highlighted, 5, 30000);
        QCOMPARE(canvas->scene().bubbles[0].place, std::string("Lagos, NG"));
        QTest::mouseClick(canvas, Qt::LeftButton, {}, canvas->bubblePosition(0).toPoint());
        QCOMPARE(window.selection()->accountGroup().size(), 3);
        QTRY_COMPARE(test::shownCount(window), 3);
    }

    // Six accounts post the same two texts among thirty ordinary ones: the analysis links the
    // two clusters into a campaign, the Clusters panel shows it as a row over them, and
    // choosing that row draws the campaign's co-text network in the graph panel.
    void campaignRowShowsItsNetwork()
    {
        MainWindow window;
        QVERIFY(test::openCaseAndWait(window, m_dir.filePath("f.chorus"), true));
        QByteArray csv = "id,user,when,message\n";
        int id = 0;
        for (int a = 0; a < 6; ++a) {
            csv += QByteArray::number(++id) + ",ring" + QByteArray::number(a) + ",2021-03-01 10:0" +
                   QByteArray::number(a) +
                   ",The mayor lied about the water plant and must resign before the vote\n";
            csv += QByteArray::number(++id) + ",ring" + QByteArray::number(a) + ",2021-03-01 11:0" +
                   QByteArray::number(a) +
                   ",Ask the council where the water plant money went before the election\n";
        }
        static const char *const Words[] = {"garden",  "bus",    "coffee",  "match",    "rain",
                                            "library", "bakery", "bridge",  "piano",    "river",
                                            "market",  "school", "bicycle", "festival", "museum",
                                            "train",   "winter", "harbour", "theatre",  "orchard"};
        for (int o = 0; o < 30; ++o) {
            QByteArray text = "Today";
            for (int k = 0; k < 9; ++k)
                text += QByteArray(" ") + Words[(o * 7 + k * 13 + o * k) % 20] +
                        QByteArray::number((o * 31 + k * 17) % 97);
            csv += QByteArray::number(++id) + ",person" + QByteArray::number(o) +
                   ",2021-03-02 09:00," + text + "\n";
        }
        const QString file = test::writeFile(m_dir, "campaign.csv", csv);
        ImportOptions options;
        options.format = "csv";
        options.mapping = {
            {"post_id", "id"}, {"author", "user"}, {"time", "when"}, {"text", "message"}};
        QSignalSpy finished(window.caseController()->tasks(), &TaskRunner::finished);
        QVERIFY(window.caseController()->importFiles({file}, options));
        QVERIFY(finished.wait(60000));
        QVERIFY(window.caseController()->runAnalysis({}));
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.at(1).at(0).toBool(), qPrintable(finished.at(1).at(2).toString()));

        QTreeWidget *clusters = window.clustersView()->tree();
        QTRY_COMPARE(window.clustersView()->clusterCount(), 2);
        QCOMPARE(clusters->topLevelItemCount(), 1); // the campaign row
        QTreeWidgetItem *campaign = clusters->topLevelItem(0);
        QVERIFY(campaign->text(0).startsWith("Campaign 1"));
        QCOMPARE(campaign->childCount(), 2);
        window.show();
        window.raisePanel(QStringLiteral("graph"));
        clusters->setCurrentItem(campaign);
        GraphCanvas *canvas = window.graphView()->canvas();
        QTRY_COMPARE(canvas->scene().title, std::string("Co-text network of campaign 1"));
        QCOMPARE(canvas->scene().nodes.size(), std::size_t(6));
        QCOMPARE(window.selection()->clusterId(), 0);
        // Choosing one of its clusters draws that cluster instead.
        clusters->setCurrentItem(campaign->child(0));
        QTRY_VERIFY(canvas->scene().title.rfind("Co-text network of cluster #", 0) == 0);
    }

    // A case imported from the command line opens with its text index still to build: that
    // starts at once in the background, and an analysis asked for meanwhile is not refused.
    // The index gives way and goes on afterwards; the search box waits for it.
    void backgroundTextIndexGivesWayToAnalysis()
    {
        const QString path = m_dir.filePath(QStringLiteral("cli.chorus"));
        {
            auto store = test::makeCase(m_dir, QStringLiteral("cli.chorus"));
            QVERIFY(test::importPath(*store, test::dataPath("near_duplicates_xio.csv")).ok());
        }
        MainWindow window;
        CaseController *controller = window.caseController();
        QSignalSpy finished(controller->tasks(), &TaskRunner::finished);
        // The index starts once its state is read off the GUI thread. The analysis is asked for
        // while it runs: queued as it starts, ahead of its end.
        bool asked = false;
        connect(controller->tasks(), &TaskRunner::started, &window, [&] {
            if (std::exchange(asked, true))
                return;
            QMetaObject::invokeMethod(
                &window,
                [&] {
                    QVERIFY(controller->tasks()->isRunning()); // the text index
                    QVERIFY(controller->canStartJob());        // the menus do not refuse
                    QVERIFY(controller->runAnalysis({}));
                    QVERIFY(!controller->canStartJob()); // one job waits at a time
                },
                Qt::QueuedConnection);
        });
        QVERIFY(window.openCase(path, false));
        QTRY_VERIFY(asked);
        QTRY_VERIFY_WITH_TIMEOUT(
            finished.count() >= 2 && !window.caseController()->tasks()->isRunning(), 60000);
        const auto analysed = std::find_if(finished.begin(), finished.end(), [](const auto &f) {
            return f.at(0).toBool() && f.at(2).toString().contains(QStringLiteral("clusters"));
        });
        QVERIFY2(analysed != finished.end(), qPrintable(finished.last().at(2).toString()));
        auto reopened = CaseStore::open(path.toStdString());
        QVERIFY(reopened.ok());
        QCOMPARE(textIndexState(reopened.value()->db())->pendingPosts, 0);
        QTRY_VERIFY(window.postsView()->findChild<QLineEdit *>()->isEnabled());
    }
};

QTEST_MAIN(TestUiWorkbench)
#include "tst_ui_workbench.moc"
