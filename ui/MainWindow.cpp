#include "MainWindow.h"

#include "controllers/AnalysisParameters.h"
#include "controllers/AnnotationController.h"
#include "controllers/AnnotationRequests.h"
#include "controllers/CaseController.h"
#include "controllers/SelectionController.h"
#include "controllers/TaskRunner.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/AnalysisDialog.h"
#include "dialogs/EvidenceExportAction.h"
#include "dialogs/ImportDialog.h"
#include "views/AccountInspector.h"
#include "views/AnnotationsView.h"
#include "views/AuditView.h"
#include "views/CaseOverviewView.h"
#include "views/ClustersView.h"
#include "views/Formatting.h"
#include "views/GraphView.h"
#include "views/MapView.h"
#include "views/PostDetailView.h"
#include "views/PostsView.h"
#include "views/TaskProgressView.h"
#include "views/TimelineView.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTreeWidget>
#include <QUndoGroup>
#include <QUndoStack>

#include <utility>

// chorus_ui is a static library: its resources must be registered by hand, outside any
// namespace.
static void initChorusResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace chorus::ui {

namespace {
const QString CaseSuffix = QStringLiteral("chorus");
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_case(new CaseController(this)),
      m_selection(new SelectionController(this)), m_posts(new PostsView(m_selection, this)),
      m_overview(new CaseOverviewView(this)), m_clusters(new ClustersView(m_selection, this)),
      m_inspector(new AccountInspector(m_selection, this)),
      m_timeline(new TimelineView(m_selection, this)), m_graph(new GraphView(m_selection, this)),
      m_map(new MapView(m_selection, this)), m_annotations(new AnnotationController(this, this)),
      m_annotationsView(new AnnotationsView(m_selection, m_annotations, this)),
      m_audit(new AuditView(this)), m_postDetail(new PostDetailView(this)),
      m_undoGroup(new QUndoGroup(this))
{
    // One Edit > Undo for the window: annotations, or the graph panel's moves while it has the
    // focus.
    m_undoGroup->addStack(m_annotations->undoStack());
    m_undoGroup->addStack(m_graph->undoStack());
    m_undoGroup->setActiveStack(m_annotations->undoStack());
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        m_undoGroup->setActiveStack(now && m_graph->isAncestorOf(now) ? m_graph->undoStack()
                                                                      : m_annotations->undoStack());
    });
    initChorusResources();
    setWindowTitle(tr("Chorus"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/chorus.svg")));
    setAcceptDrops(true);
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    resize(1500, 950);
    setCentralWidget(m_posts);
    buildMenus(); // before the panels, so that the View menu lists them
    addPanel(m_overview, tr("Case"), QStringLiteral("caseDock"), Qt::LeftDockWidgetArea);
    QDockWidget *clusters = addPanel(m_clusters, tr("Clusters"), QStringLiteral("clustersDock"),
                                     Qt::LeftDockWidgetArea);
    QDockWidget *account = addPanel(m_inspector, tr("Account"), QStringLiteral("accountDock"),
                                    Qt::RightDockWidgetArea);
    QDockWidget *annotations = addPanel(m_annotationsView, tr("Annotations"),
                                        QStringLiteral("annotationsDock"), Qt::RightDockWidgetArea);
    tabifyDockWidget(account, annotations);
    QDockWidget *post =
        addPanel(m_postDetail, tr("Post"), QStringLiteral("postDock"), Qt::RightDockWidgetArea);
    tabifyDockWidget(annotations, post);
    account->raise();
    QDockWidget *timeline = addPanel(m_timeline, tr("Timeline"), QStringLiteral("timelineDock"),
                                     Qt::BottomDockWidgetArea);
    QDockWidget *graph =
        addPanel(m_graph, tr("Graph"), QStringLiteral("graphDock"), Qt::BottomDockWidgetArea);
    QDockWidget *map =
        addPanel(m_map, tr("Map"), QStringLiteral("mapDock"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(timeline, graph);
    tabifyDockWidget(graph, map);
    QDockWidget *audit =
        addPanel(m_audit, tr("Audit Trail"), QStringLiteral("auditDock"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(map, audit);
    timeline->raise();
    tabifyDockWidget(findChild<QDockWidget *>(QStringLiteral("caseDock")), clusters);
    clusters->raise();
    resizeDocks({clusters}, {470}, Qt::Horizontal);
    resizeDocks({findChild<QDockWidget *>(QStringLiteral("accountDock"))}, {340}, Qt::Horizontal);
    resizeDocks({findChild<QDockWidget *>(QStringLiteral("timelineDock"))}, {300}, Qt::Vertical);
    m_defaultState = saveState();
    buildStatusBar();
    connectViews();

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow()
{
    // Focus moves while QWidget tears the window down; by then this is no MainWindow.
    disconnect(qApp, nullptr, this, nullptr);
}

QDockWidget *MainWindow::addPanel(QWidget *panel, const QString &title, const QString &objectName,
                                  Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName); // saveState() keys the layout by object name
    dock->setWidget(panel);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                      QDockWidget::DockWidgetClosable);
    addDockWidget(area, dock);
    m_viewMenu->addAction(dock->toggleViewAction());
    // Alt+1, Alt+2, ...: bring a panel to the front and give it the keyboard.
    const int number = int(findChildren<QDockWidget *>().size());
    auto *go = new QAction(tr("Go to %1").arg(title), this);
    go->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_0 + number)));
    connect(go, &QAction::triggered, dock, [dock, panel] {
        dock->show();
        dock->raise();
        panel->setFocus();
    });
    addAction(go);
    dock->toggleViewAction()->setToolTip(go->shortcut().toString(QKeySequence::NativeText));
    return dock;
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Case..."), QKeySequence::New, this, &MainWindow::newCase);
    file->addAction(tr("&Open Case..."), QKeySequence::Open, this, &MainWindow::chooseCase);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addSeparator();
    file->addAction(tr("&Import Files..."), QKeySequence(tr("Ctrl+I")), this,
                    &MainWindow::chooseImport);
    file->addAction(tr("Export &Report..."), QKeySequence(tr("Ctrl+P")), this,
                    [this] { exportReportInteractively(this, m_case); });
    QMenu *exports = file->addMenu(tr("&Export"));
    for (const auto &[subject, label] : {std::pair{ExportSubject::Posts, tr("&Posts...")},
                                         std::pair{ExportSubject::Accounts, tr("&Accounts...")},
                                         std::pair{ExportSubject::Clusters, tr("&Clusters...")},
                                         std::pair{ExportSubject::Campaigns, tr("Ca&mpaigns...")}})
        exports->addAction(label, this, [this, subject = subject] {
            exportEvidenceInteractively(this, m_case, subject);
        });
    file->addSeparator();
    file->addAction(tr("&Close Case"), QKeySequence::Close, m_case, &CaseController::closeCase);
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undoGroup->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undoGroup->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("&Annotate Selection..."), QKeySequence(tr("Ctrl+E")), this, [this] {
        if (m_selection->clusterId() != 0)
            m_annotations->annotateCluster(m_selection->clusterId());
        else if (m_selection->accountId() != 0)
            m_annotations->annotateAccount(m_selection->accountId());
        else
            statusBar()->showMessage(tr("Select a cluster or an account to annotate."), 5000);
    });
    edit->addSeparator();
    edit->addAction(tr("&Find in Posts"), QKeySequence::Find, this, [this] {
        m_posts->searchField()->setFocus();
        m_posts->searchField()->selectAll();
    });
    edit->addAction(tr("Clear &Selection"), QKeySequence(tr("Ctrl+Shift+A")), m_selection,
                    &SelectionController::clear);

    QMenu *analysis = menuBar()->addMenu(tr("&Analysis"));
    analysis->addAction(tr("Find &Clusters and Network..."), QKeySequence(tr("Ctrl+R")), this,
                        &MainWindow::chooseAnalysis);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(tr("&Reset Layout"), this, [this] { restoreState(m_defaultState); });
    m_viewMenu->addSeparator();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Chorus"), this, [this] { AboutDialog(this).exec(); });
}

void MainWindow::buildStatusBar()
{
    m_counts = new QLabel(tr("No case open"), this);
    statusBar()->addWidget(m_counts, 1);
    statusBar()->addPermanentWidget(new TaskProgressView(m_case->tasks(), this));
    connect(m_case->tasks(), &TaskRunner::finished, this,
            [this](bool ok, bool cancelled, const QString &message) {
                if (cancelled && m_case->hasWaitingJob())
                    return; // the background text index gave way to the job now starting
                if (cancelled)
                    statusBar()->showMessage(tr("Cancelled; the case was left as it was."), 8000);
                else if (!ok)
                    QMessageBox::warning(this, tr("Task failed"), message);
                else
                    statusBar()->showMessage(message.section(QLatin1Char('\n'), 0, 0), 8000);
            });
}

void MainWindow::openViews(const QString &path)
{
    m_selection->clear();
    m_posts->openCase(path);
    m_overview->openCase(path);
    m_clusters->openCase(path);
    m_inspector->openCase(path);
    m_timeline->openCase(path);
    m_graph->openCase(path);
    m_map->openCase(path);
    m_annotations->open(path);
    m_annotationsView->openCase(path);
    m_audit->openCase(path);
    m_postDetail->openCase(path);
}

void MainWindow::connectViews()
{
    connect(m_case, &CaseController::caseOpened, this, [this](const QString &path) {
        setWindowTitle(tr("%1 \u2014 Chorus").arg(QFileInfo(path).fileName()));
        openViews(path);
        m_recent.add(path);
        clearOpeningMessage();
        const QStringList files = std::exchange(m_importOnOpen, {});
        if (!files.isEmpty() && std::exchange(m_importOnOpenCase, {}) == path)
            // After the other receivers: the import dialog waits for the user.
            QMetaObject::invokeMethod(
                this, [this, files] { importFiles(files); }, Qt::QueuedConnection);
    });
    connect(m_case, &CaseController::openFailed, this, [this](const QString &message) {
        m_importOnOpen.clear();
        clearOpeningMessage();
        if (!message.isEmpty()) // else the upgrade task's message said why
            QMessageBox::warning(this, tr("Cannot open case"), message);
    });
    connect(m_case, &CaseController::caseClosed, this, [this] {
        m_importOnOpen.clear();
        clearOpeningMessage(); // a case closed while another opened
        setWindowTitle(tr("Chorus"));
        openViews({});
        m_counts->setText(tr("No case open"));
    });
    connect(m_case, &CaseController::caseChanged, this, &MainWindow::reloadViews);
    connect(m_overview, &CaseOverviewView::loaded, this,
            [this](qint64 posts, qint64 accounts, const QStringList &languages) {
                m_casePosts = posts;
                m_caseAccounts = accounts;
                m_posts->setLanguages(languages);
                updateCounts();
            });
    connect(m_overview, &CaseOverviewView::textIndexPending, m_posts,
            &PostsView::setTextIndexPending);
    connect(m_posts, &PostsView::countChanged, this, [this](qint64 shown) {
        m_shownPosts = shown;
        updateCounts();
    });
    connect(m_annotations, &AnnotationController::changed, m_annotationsView,
            &AnnotationsView::reload);
    connect(m_annotations, &AnnotationController::changed, m_audit, &AuditView::reload);
    connect(m_annotationsView, &AnnotationsView::tagsChanged, m_posts, &PostsView::setTags);
    connect(m_posts, &PostsView::postSelected, m_postDetail, &PostDetailView::showPost);
    connect(m_annotations, &AnnotationController::changed, m_postDetail, &PostDetailView::reload);
    connect(m_annotations, &AnnotationController::changed, m_posts, &PostsView::annotationsChanged);
    connect(m_annotations, &AnnotationController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connectAnnotationRequests(m_annotations,
                              {m_posts, m_clusters, m_graph, m_map, m_inspector, m_postDetail});
    connect(m_clusters, &ClustersView::campaignSelected, m_graph, &GraphView::showCampaign);
    connect(m_clusters, &ClustersView::campaignSelected, m_map, &MapView::showCampaign);
    connect(m_graph, &GraphView::layoutRequested, this, [this](qint64 run) {
        if (!m_case->layOutNetwork(run))
            statusBar()->showMessage(m_case->whyNoJob(), 5000);
    });
    connect(m_clusters, &ClustersView::loaded, this, [this](const std::vector<ClusterItem> &top) {
        std::vector<TimelineCluster> clusters;
        for (const ClusterItem &c : top)
            clusters.push_back({c.id, tr("#%1 (%2 posts)").arg(c.number).arg(c.size)});
        m_timeline->setTopClusters(clusters);
        updateCounts();
    });
}

void MainWindow::updateCounts()
{
    if (!m_case->hasCase())
        return;
    m_counts->setText(
        tr("%1 of %2 posts shown \u00b7 %3 accounts \u00b7 %4 clusters")
            .arg(formatCount(m_shownPosts), formatCount(std::max(m_casePosts, m_shownPosts)),
                 formatCount(m_caseAccounts), formatCount(m_clusters->clusterCount())));
}

void MainWindow::reloadViews()
{
    m_posts->reload();
    m_overview->reload();
    m_clusters->reload();
    m_inspector->reload();
    m_timeline->reload();
    m_graph->reload();
    m_map->reload();
    m_annotationsView->reload(); // a re-run moves annotated clusters
    m_audit->reload();
}

bool MainWindow::openCase(const QString &path, bool create)
{
    QString error;
    if (!m_case->openCase(path, create, &error)) {
        QMessageBox::warning(this, tr("Cannot open case"), error);
        return false;
    }
    m_importOnOpen.clear(); // dropped for a case asked for before
    m_openingMessage = tr("Opening %1\u2026").arg(QFileInfo(path).fileName());
    statusBar()->showMessage(m_openingMessage);
    return true;
}

void MainWindow::clearOpeningMessage()
{
    // Only "Opening...": an upgrade's message that came after it stays its 8 s.
    if (!m_openingMessage.isEmpty() && statusBar()->currentMessage() == m_openingMessage)
        statusBar()->clearMessage();
    m_openingMessage.clear();
}

void MainWindow::raisePanel(const QString &name)
{
    if (auto *dock = findChild<QDockWidget *>(name + QStringLiteral("Dock"))) {
        dock->show();
        dock->raise();
    }
}

void MainWindow::selectClusterByRank(int rank)
{
    m_clusters->selectByNumber(rank);
}

bool MainWindow::selectCampaign(int campaign)
{
    return m_clusters->selectCampaign(campaign);
}

bool MainWindow::showEgoNetwork(const QString &handle, int hops)
{
    return m_graph->showEgoNetwork(handle, hops);
}

void MainWindow::importFiles(const QStringList &files)
{
    if (!m_case->canStartJob()) {
        QMessageBox::information(this, tr("Import"), m_case->whyNoJob());
        return;
    }
    ImportDialog dialog(files, this);
    if (dialog.exec() == QDialog::Accepted)
        m_case->importFiles(dialog.files(), dialog.options());
}

void MainWindow::newCase()
{
    QString path =
        QFileDialog::getSaveFileName(this, tr("New Case"), {}, tr("Chorus cases (*.chorus)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + CaseSuffix;
    openCase(path, true);
}

void MainWindow::chooseCase()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Case"), {}, tr("Chorus cases (*.chorus)"));
    if (!path.isEmpty())
        openCase(path);
}

void MainWindow::chooseImport()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import Files"), {},
        tr("Collections (*.csv *.tsv *.json *.jsonl *.ndjson *.gz *.zst *.bz2 *.xz *.zip);;"
           "All files (*)"));
    if (!files.isEmpty())
        importFiles(files);
}

void MainWindow::chooseAnalysis()
{
    if (!m_case->canStartJob())
        return;
    AnalysisDialog dialog(analysisParameters(), this);
    if (dialog.exec() == QDialog::Accepted)
        m_case->runAnalysis(dialog.values());
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList &recent = m_recent.paths();
    for (const QString &path : recent) {
        QAction *action = m_recentMenu->addAction(QFileInfo(path).fileName(), this,
                                                  [this, path] { openCase(path); });
        action->setToolTip(path);
        action->setEnabled(QFileInfo::exists(path));
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    m_case->tasks()->cancel();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList dataFiles;
    QString caseFile;
    for (const QUrl &url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (path.isEmpty())
            continue;
        if (QFileInfo(path).suffix() == CaseSuffix)
            caseFile = path; // a case file: open it
        else
            dataFiles << path;
    }
    event->acceptProposedAction();
    if (!caseFile.isEmpty()) {
        // The files dropped with it go into that case, once it has opened.
        if (openCase(caseFile)) {
            m_importOnOpen = dataFiles;
            m_importOnOpenCase = QFileInfo(caseFile).absoluteFilePath();
        }
        return;
    }
    if (!dataFiles.isEmpty())
        importFiles(dataFiles);
}

} // namespace chorus::ui
