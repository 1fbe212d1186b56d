// Panels that reload only while they can be seen (ReloadWhenSeen): a dock behind another's tab,
// closed, or in a window not shown yet reloads once when it comes into view; the workbench's
// graph and map panels, behind the timeline's tab, read nothing until raised.
#include "MainWindow.h"
#include "TestSupport.h"
#include "WorkbenchSteps.h"
#include "controllers/CaseController.h"
#include "controllers/TaskRunner.h"
#include "views/ClustersView.h"
#include "views/GraphCanvas.h"
#include "views/GraphView.h"
#include "views/MapView.h"
#include "views/ReloadWhenSeen.h"
#include "views/TimelineView.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace chorus;
using namespace chorus::ui;

namespace {

// A panel that counts its reloads.
struct CountedPanel
{
    explicit CountedPanel(QMainWindow &window, const QString &title)
        : dock(new QDockWidget(title, &window)), panel(new QWidget),
          whenSeen(new ReloadWhenSeen(panel, [this] { ++reloads; }))
    {
        dock->setWidget(panel);
        window.addDockWidget(Qt::BottomDockWidgetArea, dock);
    }
    // Brings the dock's tab to the front; false unless the panel is then seen.
    bool raise()
    {
        dock->raise();
        return QTest::qWaitFor([this] { return whenSeen->seen(); });
    }
    QDockWidget *dock;
    QWidget *panel;
    ReloadWhenSeen *whenSeen;
    int reloads = 0;
};

} // namespace

class TestUiReloadWhenSeen : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void reloadsOnceWhenItComesIntoView()
    {
        QMainWindow window;
        window.setCentralWidget(new QWidget);
        CountedPanel front(window, QStringLiteral("front")),
            behind(window, QStringLiteral("behind"));
        window.tabifyDockWidget(front.dock, behind.dock);
        front.dock->raise();
        // Not shown yet: nothing reloads; the window's first show reloads the tab in front.
        front.whenSeen->request();
        behind.whenSeen->request();
        behind.whenSeen->request();
        QCOMPARE(front.reloads, 0);
        QCOMPARE(behind.reloads, 0);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(front.reloads, 1);
        QCOMPARE(behind.reloads, 0);
        QVERIFY(front.whenSeen->seen());
        QVERIFY(!behind.whenSeen->seen());
        // In front, at once; behind, once for the requests made meanwhile, when raised.
        front.whenSeen->request();
        QCOMPARE(front.reloads, 2);
        behind.dock->raise();
        QTRY_COMPARE(behind.reloads, 1);
        // Coming to the front again with nothing asked meanwhile reloads nothing.
        QVERIFY(front.raise());
        QVERIFY(behind.raise());
        QCOMPARE(behind.reloads, 1);
        QCOMPARE(front.reloads, 2);
        behind.whenSeen->request();
        QCOMPARE(behind.reloads, 2);
        // The one in front goes behind: its requests wait for it.
        front.whenSeen->request();
        QCOMPARE(front.reloads, 2);
        front.dock->raise();
        QTRY_COMPARE(front.reloads, 3);
        QVERIFY(behind.raise());
        // A closed dock waits until it is shown again.
        behind.dock->close();
        behind.whenSeen->request();
        QCOMPARE(behind.reloads, 2);
        behind.dock->show();
        behind.dock->raise();
        QTRY_COMPARE(behind.reloads, 3);
        // A panel put into a dock already on screen is seen at once (no signal comes).
        auto *lateDock = new QDockWidget(QStringLiteral("late"), &window);
        window.addDockWidget(Qt::RightDockWidgetArea, lateDock);
        QTRY_VERIFY(lateDock->isVisible() && !lateDock->visibleRegion().isEmpty());
        auto *latePanel = new QWidget;
        int lateReloads = 0;
        auto *lateWhenSeen = new ReloadWhenSeen(latePanel, [&lateReloads] { ++lateReloads; });
        lateDock->setWidget(latePanel);
        QVERIFY(lateWhenSeen->seen());
        lateWhenSeen->request();
        QCOMPARE(lateReloads, 1);
        // Outside a dock: always seen.
        QWidget loose;
        int looseReloads = 0;
        ReloadWhenSeen looseWhenSeen(&loose, [&looseReloads] { ++looseReloads; });
        looseWhenSeen.request();
        QCOMPARE(looseReloads, 1);
    }

    // Five accounts post the same text within minutes: a cluster and its co-text network. With
    // the window shown, the graph and map panels (behind the timeline's tab) read nothing until
    // raised; a cluster selected meanwhile is drawn when the graph comes to the front.
    void hiddenGraphAndMapReadWhenRaised()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy graphLoaded(window.graphView(), &GraphView::loaded);
        QSignalSpy mapLoaded(window.mapView(), &MapView::loaded);
        QSignalSpy timelineLoaded(window.timelineView(), &TimelineView::loaded);
        QVERIFY(test::openCaseAndWait(window, m_dir.filePath("seen.chorus"), true));
        const test::LocatedCopies copies = test::writeLocatedCopies(
            m_dir, "seen.csv", {"Lagos", "Lagos", "Lagos", "Lagos", "Lagos"});
        test::importAndAnalyze(window, copies.path, copies.options);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY(window.clustersView()->clusterCount() == 1);
        QTRY_VERIFY(timelineLoaded.count() > 0); // the panel in front has answered
        QTest::qWait(300);                       // time for a panel that reloaded anyway to answer
        QCOMPARE(graphLoaded.count(), 0);
        QCOMPARE(mapLoaded.count(), 0);

        window.raisePanel(QStringLiteral("graph"));
        QTRY_COMPARE(graphLoaded.count(), 1);
        QCOMPARE(mapLoaded.count(), 0);
        GraphCanvas *canvas = window.graphView()->canvas();
        QCOMPARE(canvas->scene().title, std::string("Coordination network"));

        // Behind again: selecting the cluster reads nothing until the graph is raised, then
        // draws the cluster's co-text network, once.
        window.raisePanel(QStringLiteral("timeline"));
        window.clustersView()->selectByNumber(1);
        QTest::qWait(300);
        QCOMPARE(graphLoaded.count(), 1);
        window.raisePanel(QStringLiteral("graph"));
        QTRY_COMPARE(graphLoaded.count(), 2);
        QVERIFY(canvas->scene().title.rfind("Co-text network of cluster #1", 0) == 0);
        QCOMPARE(canvas->scene().nodes.size(), std::size_t(5));
        QTest::qWait(100);
        QCOMPARE(graphLoaded.count(), 2);

        window.raisePanel(QStringLiteral("map"));
        QTRY_COMPARE(mapLoaded.count(), 1);
    }
};

QTEST_MAIN(TestUiReloadWhenSeen)
#include "tst_ui_reload_when_seen.moc"
