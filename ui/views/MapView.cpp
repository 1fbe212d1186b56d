#include "views/MapView.h"

#include "controllers/CaseReader.h"
#include "controllers/SelectionController.h"
#include "geo/WorldMap.h"
#include "query/GeoQueries.h"
#include "render/MapPainter.h"
#include "store/CaseStore.h"
#include "views/CanvasSupport.h"
#include "views/MapCanvas.h"
#include "views/ReloadWhenSeen.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace chorus::ui {

MapView::MapView(SelectionController *selection, QWidget *parent)
    : QWidget(parent), m_selection(selection),
      m_reader(new CaseReader(this, BackgroundPriority::Panel)), m_canvas(new MapCanvas(this)),
      m_status(new QLabel(this)), m_red(new QComboBox(this)),
      m_whenSeen(new ReloadWhenSeen(this, [this] { load(); }))
{
    m_red->addItem(tr("Red: the selected cluster, campaign or accounts"), false);
    m_red->addItem(tr("Red: accounts with signals fired"), true);
    m_red->setToolTip(tr("Which accounts the red bubbles count."));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    auto *fit = new QPushButton(tr("Fit"), this);
    fit->setToolTip(tr("Show the whole world (or double-click the map)."));
    auto *save = new QPushButton(tr("Export\u2026"), this);
    save->setToolTip(tr("Save the map as SVG, PDF or PNG."));
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(m_red);
    bar->addWidget(fit);
    bar->addWidget(save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_canvas, 1);
    m_canvas->setToolTip(tr("Click a bubble to select its accounts; Shift-drag to select the "
                            "accounts of a region. Wheel to zoom, drag to pan."));

    if (auto world = WorldMap::standard())
        m_canvas->setWorld(world.value());
    else
        m_status->setText(QString::fromStdString(world.error().message));
    connect(fit, &QPushButton::clicked, m_canvas, &MapCanvas::fit);
    connect(m_red, &QComboBox::currentIndexChanged, this, &MapView::reload);
    connect(save, &QPushButton::clicked, this, &MapView::exportDrawing);
    connect(m_canvas, &MapCanvas::accountsChosen, m_selection,
            &SelectionController::selectAccountGroup);
    connect(
        m_canvas, &MapCanvas::menuRequested, this, [this](const QSet<qint64> &accounts, QPoint at) {
            QMenu menu(this);
            if (!accounts.isEmpty())
                menu.addAction(tr("Select These %n Accounts", nullptr, int(accounts.size())), this,
                               [this, accounts] { m_selection->selectAccountGroup(accounts); });
            if (accounts.size() == 1)
                menu.addAction(tr("Annotate Account\u2026"), this, [this, accounts] {
                    emit annotateAccountRequested(*accounts.begin());
                });
            if (const qint64 cluster = m_selection->clusterId(); cluster != 0)
                menu.addAction(tr("Annotate the Selected Cluster\u2026"), this,
                               [this, cluster] { emit annotateClusterRequested(cluster); });
            else if (m_campaign > 0)
                menu.addAction(tr("Annotate Campaign %1\u2026").arg(m_campaign), this,
                               [this] { emit annotateCampaignRequested(m_campaign); });
            if (!menu.isEmpty())
                menu.exec(at);
        });
    connect(m_selection, &SelectionController::clusterSelected, this, [this] {
        m_campaign = 0;
        reload();
    });
    connect(m_selection, &SelectionController::accountGroupSelected, this, [this] {
        if (!m_selection->accountGroup().isEmpty())
            m_campaign = 0;
        reload();
    });
}

void MapView::openCase(const QString &path)
{
    m_open = !path.isEmpty();
    m_campaign = 0;
    m_reader->open(path);
    m_canvas->setScene({});
    reload();
}

void MapView::reload()
{
    ++m_generation; // a reading in flight is of what was asked before
    m_whenSeen->request();
}

void MapView::load()
{
    const quint64 generation = m_generation;
    if (!m_open)
        return;
    MapSceneOptions options;
    options.signalled = m_red->currentData().toBool();
    if (!options.signalled)
        options.clusterId = m_selection->clusterId();
    options.campaign = options.clusterId == 0 && !options.signalled ? m_campaign : 0;
    if (options.clusterId == 0 && options.campaign == 0 && !options.signalled)
        options.accountIds.assign(m_selection->accountGroup().begin(),
                                  m_selection->accountGroup().end());
    m_reader->run(
        [options](const CaseStore &store) { return GeoQueries(store).scene(options); },
        [this, generation](Result<MapScene> scene) {
            if (generation != m_generation)
                return;
            if (!scene) {
                m_status->setText(QString::fromStdString(scene.error().message));
                m_canvas->setScene({});
            } else {
                const MapScene &s = scene.value();
                QString text =
                    tr("%1 of %2 accounts placed in %n place(s)", nullptr, int(s.bubbles.size()))
                        .arg(s.located)
                        .arg(s.accounts);
                if (s.highlightSet > 0)
                    text +=
                        QStringLiteral("; ") +
                        tr("%1 of the %2 selected accounts").arg(s.highlighted).arg(s.highlightSet);
                if (s.notYetResolved > 0)
                    text +=
                        QStringLiteral("; ") + tr("%1 locations not resolved yet: run the analysis "
                                                  "(Ctrl+R)")
                                                   .arg(s.notYetResolved);
                m_status->setText(text);
                m_canvas->setScene(std::move(scene).value());
            }
            emit loaded();
        });
}

void MapView::showCampaign(int campaign)
{
    m_campaign = campaign;
    reload();
}

void MapView::exportDrawing()
{
    auto world = WorldMap::standard();
    if (!world)
        return;
    ui::exportDrawing(
        this, tr("Export Map"), QStringLiteral("map.svg"), [this, &world](const std::string &path) {
            return render::writeMapFile(*world.value(), m_canvas->scene(), path, 1800);
        });
}

} // namespace chorus::ui
