#pragma once

#include "controllers/RecentCases.h"

#include <QMainWindow>
#include <QStringList>

class QDockWidget;
class QLabel;
class QMenu;
class QUndoGroup;

namespace chorus::ui {

class AccountInspector;
class AnnotationController;
class AnnotationsView;
class AuditView;
class PostDetailView;
class CaseController;
class CaseOverviewView;
class ClustersView;
class PostsView;
class SelectionController;
class TimelineView;
class GraphView;
class MapView;

// The workbench window: builds the panels, menus and status bar and connects the views
// to the case and selection controllers; computes nothing itself. GUI thread only.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens (or creates) a case, off the GUI thread: the views switch to it when it has
    // opened (CaseController::caseOpened). Shows a message on failure, and returns false
    // when the opening could not start.
    bool openCase(const QString &path, bool create = false);
    void importFiles(const QStringList &files);

    // Selects the cluster at this rank in the clusters list (1 = top); 0 does nothing.
    void selectClusterByRank(int rank);
    // For documentation screenshots: a campaign row, or an account's ego network.
    bool selectCampaign(int campaign);
    bool showEgoNetwork(const QString &handle, int hops);

    CaseController *caseController() const { return m_case; }
    SelectionController *selection() const { return m_selection; }
    PostsView *postsView() const { return m_posts; }
    GraphView *graphView() const { return m_graph; }
    MapView *mapView() const { return m_map; }
    AnnotationController *annotations() const { return m_annotations; }
    AnnotationsView *annotationsView() const { return m_annotationsView; }
    QUndoGroup *undoGroup() const { return m_undoGroup; }
    // Brings a panel to the front by name ("graph", "timeline", ...).
    void raisePanel(const QString &name);
    ClustersView *clustersView() const { return m_clusters; }
    TimelineView *timelineView() const { return m_timeline; }
    // Adds a panel (map, graph, ...) that remembers its place with the others.
    QDockWidget *addPanel(QWidget *panel, const QString &title, const QString &objectName,
                          Qt::DockWidgetArea area);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildMenus();
    void buildStatusBar();
    void connectViews();
    // Points every view at the case (an empty path: no case).
    void openViews(const QString &path);
    void clearOpeningMessage();
    void reloadViews();
    void updateCounts();
    void fillRecentMenu();
    void newCase();
    void chooseCase();
    void chooseImport();
    void chooseAnalysis();

    CaseController *m_case;
    SelectionController *m_selection;
    PostsView *m_posts;
    CaseOverviewView *m_overview;
    ClustersView *m_clusters;
    AccountInspector *m_inspector;
    TimelineView *m_timeline;
    GraphView *m_graph;
    MapView *m_map;
    AnnotationController *m_annotations;
    AnnotationsView *m_annotationsView;
    AuditView *m_audit;
    PostDetailView *m_postDetail;
    QUndoGroup *m_undoGroup;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    RecentCases m_recent;
    QStringList m_importOnOpen; // files dropped with a case file, imported once it opens
    QString m_importOnOpenCase; // that case file (absolute path, as caseOpened gives it)
    QString m_openingMessage;   // "Opening FILE..." in the status bar, until it opens or fails
    QLabel *m_counts = nullptr;
    QByteArray m_defaultState;
    qint64 m_casePosts = 0;
    qint64 m_caseAccounts = 0;
    qint64 m_shownPosts = 0;
};

} // namespace chorus::ui
