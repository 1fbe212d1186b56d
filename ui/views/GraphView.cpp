#include "views/GraphView.h"

#include "common/Progress.h"
#include "controllers/CaseReader.h"
#include "controllers/SelectionController.h"
#include "dialogs/EdgeEvidenceDialog.h"
#include "network/NetworkTypes.h"
#include "query/GraphQueries.h"
#include "query/NetworkQueries.h"
#include "render/GraphExport.h"
#include "views/GraphCanvas.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

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
    return tr("%1: %n account(s), %2 link(s) within %3 s, weight \u2265 %4", nullptr,
              int(scene.nodes.size()))
        .arg(what)
        .arg(scene.edges.size())
        .arg(scene.windowSeconds)
        .arg(scene.minWeight);
}

GraphView::GraphView(SelectionController *selection, QWidget *parent)
    : QWidget(parent), m_selection(selection), m_reader(new CaseReader(this)),
      m_canvas(new GraphCanvas(this)), m_find(new QLineEdit(this)), m_minWeight(new QSpinBox(this)),
      m_type(new QComboBox(this)), m_minKcore(new QSpinBox(this)), m_ego(new QComboBox(this)),
      m_colour(new QComboBox(this)), m_status(new QLabel(this))
{
    m_colour->addItem(tr("Colour: community"), int(GraphScene::Colouring::Community));
    m_colour->addItem(tr("Colour: campaign"), int(GraphScene::Colouring::Campaign));
    m_colour->addItem(tr("Colour: signals fired"), int(GraphScene::Colouring::Signals));
    m_type->addItem(tr("All links"), 0);
    for (CoActionType type : AllCoActionTypes)
        m_type->addItem(QString::fromStdString(coActionName(type)), int(type));
    m_type->setToolTip(tr("Show only links of one kind of co-action."));
    m_minKcore->setRange(0, 1000);
    m_minKcore->setPrefix(tr("k-core \u2265 "));
    m_minKcore->setToolTip(tr("Show only accounts in the k-core of at least this k: each is linked "
                              "to at least k others that are also shown."));
    m_ego->addItem(tr("Whole network"), 0);
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
    m_status->setTextFormat(Qt::PlainText);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_find, 1);
    bar->addWidget(m_minWeight);
    bar->addWidget(m_type);
    bar->addWidget(m_minKcore);
    bar->addWidget(m_ego);
    bar->addWidget(m_colour);
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
    connect(m_ego, &QComboBox::currentIndexChanged, this, &GraphView::reload);
    connect(m_canvas, &GraphCanvas::edgeActivated, this, &GraphView::showEvidence);
    connect(m_colour, &QComboBox::currentIndexChanged, this, [this] {
        m_canvas->setColouring(GraphScene::Colouring(m_colour->currentData().toInt()));
    });
    connect(fit, &QPushButton::clicked, m_canvas, &GraphCanvas::fit);
    connect(save, &QPushButton::clicked, this, &GraphView::exportDrawing);
    connect(m_canvas, &GraphCanvas::accountClicked, m_selection,
            &SelectionController::selectAccount);
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
    m_reader->open(path);
    m_canvas->setScene({});
    reload();
}

void GraphView::reload()
{
    const quint64 generation = ++m_generation;
    if (!m_open)
        return;
    GraphSceneOptions options;
    options.clusterId = m_campaign > 0 ? 0 : m_selection->clusterId();
    options.campaign = m_campaign;
    options.minWeight = m_minWeight->value();
    options.types = std::uint8_t(m_type->currentData().toInt());
    options.minKcore = m_minKcore->value();
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
                drawn.colouring = GraphScene::Colouring(m_colour->currentData().toInt());
                m_canvas->setScene(std::move(drawn));
            }
            updateHighlight();
            emit loaded();
        });
}

void GraphView::showCampaign(int campaign)
{
    m_campaign = campaign;
    reload();
}

void GraphView::updateHighlight()
{
    // With a cluster selected the drawing is that cluster: ringing all of it would say nothing.
    m_canvas->setHighlighted(m_selection->clusterId() != 0 || m_campaign > 0
                                 ? QSet<qint64>()
                                 : m_selection->clusterAccounts(),
                             m_selection->accountId());
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
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Graph"), QStringLiteral("network.svg"),
                                     tr("SVG (*.svg);;PDF (*.pdf);;PNG image (*.png)"));
    if (path.isEmpty())
        return;
    if (const Status written = render::writeGraphFile(m_canvas->scene(), path.toStdString(), 1800);
        !written)
        QMessageBox::warning(this, tr("Export Graph"),
                             QString::fromStdString(written.error().message));
}

} // namespace chorus::ui
