#include "views/GraphView.h"

#include "common/Progress.h"
#include "controllers/CaseReader.h"
#include "controllers/SelectionController.h"
#include "dialogs/EdgeEvidenceDialog.h"
#include "network/NetworkTypes.h"
#include "query/GraphQueries.h"
#include "query/NetworkQueries.h"
#include "render/GraphExport.h"
#include "store/CaseStore.h"
#include "views/CanvasSupport.h"
#include "views/GraphCanvas.h"
#include "views/PlaceAccountsCommand.h"
#include "views/ReloadWhenSeen.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace chorus::ui {

QString GraphView::describe(const GraphScene &scene) const
{
    QString what;
    switch (scene.subject) {
    case GraphScene::Subject::Network:
        what = tr("Coordination network");
        break;
    case GraphScene::Subject::Community:
        what = tr("Community %1 of the coordination network").arg(scene.subjectNumber);
        break;
    case GraphScene::Subject::Component:
        what = tr("Component %1 of the coordination network").arg(scene.subjectNumber);
        break;
    case GraphScene::Subject::Ego:
        what = tr("Coordination network around the selected account");
        break;
    case GraphScene::Subject::Cluster:
        what = tr("Co-text network of cluster #%1").arg(scene.subjectNumber);
        break;
    case GraphScene::Subject::Campaign:
        what = tr("Co-text network of campaign %1").arg(scene.subjectNumber);
        break;
    }
    QString text = tr("%1: %n account(s), %2 link(s) within %3 s, weight \u2265 %4", nullptr,
                      int(scene.nodes.size()))
                       .arg(what)
                       .arg(scene.edges.size())
                       .arg(scene.windowSeconds)
                       .arg(scene.minWeight);
    if (scene.unlinkedAccounts > 0)
        text += QLatin1Char(' ') + tr("(%n account(s) with no link in the window not drawn)",
                                      nullptr, int(scene.unlinkedAccounts));
    if (scene.hiddenAccounts > 0)
        text += QLatin1Char(' ') +
                tr("(the largest communities; %n more account(s) in smaller ones: choose a "
                   "community to see them)",
                   nullptr, int(scene.hiddenAccounts));
    return text;
}

GraphView::GraphView(SelectionController *selection, QWidget *parent)
    : QWidget(parent), m_selection(selection),
      m_reader(new CaseReader(this, BackgroundPriority::Panel)), m_canvas(new GraphCanvas(this)),
      m_find(new QLineEdit(this)), m_minWeight(new QSpinBox(this)), m_type(new QComboBox(this)),
      m_part(new QComboBox(this)), m_minKcore(new QSpinBox(this)), m_ego(new QComboBox(this)),
      m_colour(new QComboBox(this)), m_status(new QLabel(this)), m_undo(new QUndoStack(this)),
      m_whenSeen(new ReloadWhenSeen(this, [this] { load(); }))
{
    m_colour->addItem(tr("Colour: community"), int(GraphScene::Colouring::Community));
    m_colour->addItem(tr("Colour: campaign"), int(GraphScene::Colouring::Campaign));
    m_colour->addItem(tr("Colour: signals fired"), int(GraphScene::Colouring::Signals));
    m_colour->addItem(tr("Colour: claimed country"), int(GraphScene::Colouring::Country));
    m_type->addItem(tr("All links"), 0);
    for (CoActionType type : AllCoActionTypes)
        m_type->addItem(QString::fromStdString(coActionName(type)), int(type));
    m_type->setToolTip(tr("Show only links of one kind of co-action."));
    m_part->addItem(tr("Whole network"), QPoint(0, 0));
    m_part->setToolTip(tr("Draw one connected component or one community of the network."));
    m_part->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_minKcore->setRange(0, 1000);
    m_minKcore->setPrefix(tr("k-core \u2265 "));
    m_minKcore->setToolTip(tr("Show only accounts in the k-core of at least this k: each is linked "
                              "to at least k others that are also shown."));
    m_ego->addItem(tr("All accounts"), 0);
    m_ego->addItem(tr("Selected account, 1 hop"), 1);
    m_ego->addItem(tr("Selected account, 2 hops"), 2);
    m_ego->setToolTip(tr("Show only the selected account and the accounts linked to it."));
    m_find->setPlaceholderText(tr("Find account (handle)"));
    m_find->setClearButtonEnabled(true);
    m_minWeight->setRange(1, 1000);
    m_minWeight->setPrefix(tr("weight \u2265 "));
    m_minWeight->setToolTip(tr("Show links of at least this many shared objects."));
    auto *fit = new QPushButton(tr("Fit"), this);
    fit->setToolTip(tr("Show the whole network (or double-click the drawing)."));
    auto *save = new QPushButton(tr("Export\u2026"), this);
    save->setToolTip(tr("Save the drawing as SVG, PDF or PNG."));
    // Moves and pins: undo and redo from the Layout menu, or Edit > Undo / Redo (Ctrl+Z,
    // Ctrl+Shift+Z) while the panel has the focus: the window's undo group follows it.
    QAction *undo = m_undo->createUndoAction(this, tr("Undo"));
    QAction *redo = m_undo->createRedoAction(this, tr("Redo"));
    auto *layoutMenu = new QMenu(this);
    layoutMenu->addAction(undo);
    layoutMenu->addAction(redo);
    layoutMenu->addSeparator();
    layoutMenu->addAction(tr("Lay Out Again (Pinned Accounts Stay)"), this,
                          &GraphView::requestLayout);
    layoutMenu->addAction(tr("Unpin the Accounts Shown"), this, [this] {
        std::vector<qint64> pinned;
        for (const GraphSceneNode &n : m_canvas->scene().nodes)
            if (n.pinned)
                pinned.push_back(n.accountId);
        setPinned(pinned, false);
    });
    auto *layoutButton = new QToolButton(this);
    layoutButton->setText(tr("Layout"));
    layoutButton->setMenu(layoutMenu);
    layoutButton->setPopupMode(QToolButton::InstantPopup);
    layoutButton->setToolTip(tr("Drag a disc to move and pin it; Shift-drag to select the "
                                "accounts in a rectangle. Undo moves, lay out again."));
    m_status->setTextFormat(Qt::PlainText);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_find, 1);
    bar->addWidget(m_minWeight);
    bar->addWidget(m_type);
    bar->addWidget(m_part);
    bar->addWidget(m_minKcore);
    bar->addWidget(m_ego);
    bar->addWidget(m_colour);
    bar->addWidget(layoutButton);
    bar->addWidget(fit);
    bar->addWidget(save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_status);

    connect(m_find, &QLineEdit::returnPressed, this, &GraphView::find);
    connect(m_minWeight, &QSpinBox::valueChanged, this, &GraphView::reload);
    connect(m_minKcore, &QSpinBox::valueChanged, this, &GraphView::reload);
    connect(m_type, &QComboBox::currentIndexChanged, this, &GraphView::reload);
    connect(m_part, &QComboBox::currentIndexChanged, this, &GraphView::reload);
    connect(m_ego, &QComboBox::currentIndexChanged, this, &GraphView::reload);
    connect(m_canvas, &GraphCanvas::edgeActivated, this, &GraphView::showEvidence);
    connect(m_colour, &QComboBox::currentIndexChanged, this, [this] {
        m_canvas->setColouring(GraphScene::Colouring(m_colour->currentData().toInt()));
    });
    connect(fit, &QPushButton::clicked, m_canvas, &GraphCanvas::fit);
    connect(save, &QPushButton::clicked, this, &GraphView::exportDrawing);
    connect(m_canvas, &GraphCanvas::accountClicked, m_selection,
            &SelectionController::selectAccount);
    connect(m_canvas, &GraphCanvas::accountsBoxed, m_selection,
            &SelectionController::selectAccountGroup);
    connect(m_canvas, &GraphCanvas::nodeDragged, this, &GraphView::nodeDragged);
    connect(m_canvas, &GraphCanvas::menuRequested, this, &GraphView::showMenu);
    connect(m_selection, &SelectionController::accountGroupSelected, this,
            &GraphView::updateHighlight);
    connect(m_selection, &SelectionController::clusterSelected, this, [this] {
        m_campaign = 0;
        reload();
    });
    connect(m_selection, &SelectionController::accountSelected, this, [this](qint64 account) {
        if (m_ego->currentData().toInt() > 0)
            reload();
        updateHighlight();
        m_canvas->centreOn(account);
    });
    connect(m_selection, &SelectionController::clusterAccountsChanged, this,
            &GraphView::updateHighlight);
}

void GraphView::openCase(const QString &path)
{
    m_open = !path.isEmpty();
    m_campaign = 0;
    {
        const QSignalBlocker quiet(m_part);
        while (m_part->count() > 1)
            m_part->removeItem(1);
        m_part->setCurrentIndex(0);
    }
    m_reader->open(path);
    m_canvas->setScene({});
    reload();
}

void GraphView::reload()
{
    ++m_generation; // a reading in flight is of what was asked before
    m_whenSeen->request();
}

void GraphView::load()
{
    const quint64 generation = m_generation;
    if (!m_open)
        return;
    GraphSceneOptions options;
    options.clusterId = m_campaign > 0 ? 0 : m_selection->clusterId();
    options.campaign = m_campaign;
    options.minWeight = m_minWeight->value();
    options.types = std::uint8_t(m_type->currentData().toInt());
    options.minKcore = m_minKcore->value();
    const QPoint part = m_part->currentData().toPoint();
    options.community = part.x() == 1 ? part.y() : -1;
    options.component = part.x() == 2 ? part.y() : -1;
    // Beyond this a frame no longer fits a screen refresh (docs/performance.md).
    options.maxNodes = 30000;
    if (m_ego->currentData().toInt() > 0 && m_selection->accountId() != 0) {
        options.egoAccount = m_selection->accountId();
        options.egoHops = m_ego->currentData().toInt();
    }
    m_status->setText(tr("Loading the network\u2026"));
    m_reader->run(
        [options](const CaseStore &store) {
            NullProgress progress;
            return GraphQueries(store).scene(options, progress);
        },
        [this, generation](Result<GraphScene> scene) {
            if (generation != m_generation)
                return;
            if (!scene) {
                m_canvas->setScene({});
                m_status->setText(QString::fromStdString(scene.error().message));
            } else {
                m_status->setText(describe(scene.value()));
                GraphScene drawn = std::move(scene).value();
                const std::tuple<qint64, int, int> subject{
                    drawn.networkRun, drawn.networkRun != 0 ? -1 : int(drawn.subject),
                    drawn.networkRun != 0 ? 0 : drawn.subjectNumber};
                listParts(drawn);
                if (subject != m_undoSubject) {
                    m_undo->clear();
                    m_undoSubject = subject;
                }
                drawn.colouring = GraphScene::Colouring(m_colour->currentData().toInt());
                m_canvas->setScene(std::move(drawn));
            }
            updateHighlight();
            emit loaded();
        });
}

void GraphView::listParts(const GraphScene &scene)
{
    if (scene.networkRun == 0 || scene.communities.empty())
        return; // a cluster's drawing: the choice stays for when the network comes back
    std::vector<std::pair<QString, QPoint>> items{{tr("Whole network"), QPoint(0, 0)}};
    for (const GraphScene::Part &c : scene.components)
        if (c.accounts > 2)
            items.push_back({tr("Component %1 (%n account(s))", nullptr, c.accounts).arg(c.number),
                             QPoint(2, c.number)});
    for (const GraphScene::Part &c : scene.communities)
        items.push_back({tr("Community %1 (%n account(s))", nullptr, c.accounts).arg(c.number),
                         QPoint(1, c.number)});
    bool same = int(items.size()) == m_part->count();
    for (int i = 0; same && i < m_part->count(); ++i)
        same = m_part->itemData(i).toPoint() == items[std::size_t(i)].second &&
               m_part->itemText(i) == items[std::size_t(i)].first;
    if (same)
        return;
    const QPoint chosen = m_part->currentData().toPoint();
    {
        const QSignalBlocker quiet(m_part);
        m_part->clear();
        for (const auto &[text, data] : items)
            m_part->addItem(text, data);
        m_part->setCurrentIndex(std::max(0, m_part->findData(chosen)));
    }
    if (m_part->currentData().toPoint() != chosen)
        QTimer::singleShot(0, this, &GraphView::reload); // the part drawn is gone: draw it all
}

void GraphView::showCampaign(int campaign)
{
    m_campaign = campaign;
    reload();
}

void GraphView::updateHighlight()
{
    // With a cluster selected the drawing is that cluster: ringing all of it would say nothing.
    QSet<qint64> ringed = m_selection->clusterId() != 0 || m_campaign > 0
                              ? QSet<qint64>()
                              : m_selection->clusterAccounts();
    ringed.unite(m_selection->accountGroup());
    m_canvas->setHighlighted(ringed, m_selection->accountId());
}

void GraphView::applyPlacements(qint64 runId, const std::vector<AccountPlacement> &placements)
{
    m_canvas->placeNodes(placements);
    if (runId == 0)
        return; // a cluster's drawing is laid out when drawn: nothing to keep
    m_reader->run(
        [runId, placements](const CaseStore &store) {
            return NetworkLayout(store.db()).place(runId, placements);
        },
        [this](Status saved) {
            if (!saved)
                m_status->setText(tr("The new place could not be saved: %1")
                                      .arg(QString::fromStdString(saved.error().message)));
        });
}

void GraphView::nodeDragged(qint64 accountId, QPointF from, QPointF to, bool wasPinned)
{
    m_undo->push(new PlaceAccountsCommand(
        tr("Move account"), m_canvas->scene().networkRun,
        {{accountId, from.x(), from.y(), wasPinned}}, {{accountId, to.x(), to.y(), true}},
        [this](qint64 run, const auto &placements) { applyPlacements(run, placements); }));
}

void GraphView::setPinned(const std::vector<qint64> &accounts, bool pinned)
{
    std::vector<AccountPlacement> before, after;
    for (const GraphSceneNode &n : m_canvas->scene().nodes)
        if (std::find(accounts.begin(), accounts.end(), n.accountId) != accounts.end() &&
            n.pinned != pinned) {
            before.push_back({n.accountId, n.x, n.y, n.pinned});
            after.push_back({n.accountId, n.x, n.y, pinned});
        }
    if (after.empty())
        return;
    m_undo->push(new PlaceAccountsCommand(
        pinned ? tr("Pin account") : tr("Unpin %n account(s)", nullptr, int(after.size())),
        m_canvas->scene().networkRun, std::move(before), std::move(after),
        [this](qint64 run, const auto &placements) { applyPlacements(run, placements); }));
}

void GraphView::requestLayout()
{
    const qint64 run = m_canvas->scene().networkRun;
    if (run == 0) {
        m_status->setText(tr("A cluster or campaign drawing is laid out each time it is drawn; "
                             "only the coordination network keeps a layout."));
        return;
    }
    // The stored positions change under the history: its moves no longer apply.
    m_undo->clear();
    emit layoutRequested(run);
}

void GraphView::showMenu(qint64 accountId, QPoint globalPosition)
{
    QMenu menu(this);
    if (accountId != 0) {
        bool pinned = false;
        for (const GraphSceneNode &n : m_canvas->scene().nodes)
            if (n.accountId == accountId)
                pinned = n.pinned;
        menu.addAction(tr("Select Account"), this,
                       [this, accountId] { m_selection->selectAccount(accountId); });
        menu.addAction(pinned ? tr("Unpin") : tr("Pin in Place"), this,
                       [this, accountId, pinned] { setPinned({accountId}, !pinned); });
        menu.addAction(tr("Annotate Account\u2026"), this,
                       [this, accountId] { emit annotateAccountRequested(accountId); });
        // Communities are the network run's; a cluster or campaign drawing has its own.
        int community = -1;
        for (const GraphSceneNode &n : m_canvas->scene().nodes)
            if (n.accountId == accountId)
                community = n.community;
        if (community >= 0 && m_selection->clusterId() == 0 && m_campaign <= 0)
            menu.addAction(tr("Annotate Community %1\u2026").arg(community), this,
                           [this, community] { emit annotateCommunityRequested(community); });
        menu.addSeparator();
    }
    if (!m_selection->accountGroup().isEmpty())
        menu.addAction(tr("Clear the Selected Group"), this,
                       [this] { m_selection->selectAccountGroup({}); });
    menu.addAction(tr("Lay Out Again (Pinned Accounts Stay)"), this, &GraphView::requestLayout);
    menu.exec(globalPosition);
}

void GraphView::showEvidence(qint64 accountA, qint64 accountB)
{
    if (m_selection->clusterId() != 0 || m_campaign > 0) {
        // These links are co-text within the drawing's clusters: their posts are the
        // cluster's, listed in the Posts panel.
        m_status->setText(tr("This link is two accounts posting in the same cluster within the "
                             "window; the Posts panel lists the cluster's posts."));
        return;
    }
    QString names;
    for (const GraphSceneNode &n : m_canvas->scene().nodes)
        if (n.accountId == accountA || n.accountId == accountB)
            names += (names.isEmpty() ? QString() : QStringLiteral(" \u2194 ")) +
                     QString::fromStdString(n.label);
    m_status->setText(tr("Reading the evidence\u2026"));
    m_reader->run(
        [accountA, accountB](const CaseStore &store) -> Result<std::vector<EdgeEvidence>> {
            const NetworkQueries queries(store);
            auto run = queries.latestRun();
            if (!run)
                return run.error();
            if (!run.value())
                return Error{"the case has no network run"};
            NullProgress progress;
            return queries.evidence(run.value()->id, accountA, accountB, progress);
        },
        [this, names](Result<std::vector<EdgeEvidence>> evidence) {
            if (!evidence) {
                m_status->setText(QString::fromStdString(evidence.error().message));
                return;
            }
            m_status->clear();
            auto *dialog = new EdgeEvidenceDialog(names, evidence.value(), this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->show();
        });
}

bool GraphView::showEgoNetwork(const QString &handle, int hops)
{
    m_find->setText(handle);
    find();
    if (m_selection->accountId() == 0)
        return false;
    m_ego->setCurrentIndex(std::max(0, m_ego->findData(hops)));
    return true;
}

void GraphView::find()
{
    QString wanted = m_find->text().trimmed();
    if (wanted.startsWith(QLatin1Char('@')))
        wanted.remove(0, 1);
    if (wanted.isEmpty())
        return;
    for (const GraphSceneNode &n : m_canvas->scene().nodes)
        if (QString::fromStdString(n.label).compare(wanted, Qt::CaseInsensitive) == 0) {
            m_selection->selectAccount(n.accountId);
            m_canvas->centreOn(n.accountId);
            return;
        }
    m_status->setText(tr("No account \"%1\" in this network.").arg(wanted));
}

void GraphView::exportDrawing()
{
    ui::exportDrawing(this, tr("Export Graph"), QStringLiteral("network.svg"),
                      [this](const std::string &path) {
                          return render::writeGraphFile(m_canvas->scene(), path, 1800);
                      });
}

} // namespace chorus::ui
