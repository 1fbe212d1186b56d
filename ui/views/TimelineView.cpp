#include "views/TimelineView.h"

#include "controllers/CaseReader.h"
#include "controllers/SelectionController.h"
#include "views/Formatting.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace chorus::ui {

struct TimelineView::Data
{
    std::int64_t bin = 3600;
    std::vector<TimeBin> total;
    std::vector<std::vector<TimeBin>> clusters; // parallel to the top clusters
    std::vector<TimeBin> selected;              // the selected cluster, when not a top one
    std::vector<TimeBin> group;                 // the posts of the selected group of accounts
    std::int64_t creationBin = 86400;
    std::vector<TimeBin> creation;
    HourWeekdayCounts hours{};
    QString error; // the first query that failed, shown instead of the bin size
};

namespace {

// Re-bins daily counts into coarser bins so that years of account creation stay readable.
std::vector<TimeBin> rebin(const std::vector<TimeBin> &bins, std::int64_t size)
{
    std::vector<TimeBin> result;
    for (const TimeBin &bin : bins) {
        const std::int64_t start = bin.start - (((bin.start % size) + size) % size);
        if (result.empty() || result.back().start != start)
            result.push_back({start, 0});
        result.back().count += bin.count;
    }
    return result;
}

void setBars(QCPBars *bars, const std::vector<TimeBin> &bins, std::int64_t width)
{
    QVector<double> keys, values;
    for (const TimeBin &bin : bins) {
        keys << double(bin.start) + double(width) / 2;
        values << double(bin.count);
    }
    bars->setWidth(double(width));
    bars->setData(keys, values, true);
}

void setSteps(QCPGraph *graph, const std::vector<TimeBin> &bins, std::int64_t width)
{
    QVector<double> keys, values;
    for (const TimeBin &bin : bins) {
        keys << double(bin.start) + double(width) / 2;
        values << double(bin.count);
    }
    graph->setData(keys, values, true);
}

} // namespace

QColor TimelineView::clusterColor(int rank)
{
    // Tableau 10: distinct for most forms of colour blindness and on white.
    static const QColor Palette[] = {QColor(0x4e79a7), QColor(0xf28e2b), QColor(0x59a14f),
                                     QColor(0xb07aa1), QColor(0xedc948), QColor(0x76b7b2),
                                     QColor(0xff9da7), QColor(0x9c755f)};
    return Palette[rank % int(std::size(Palette))];
}

TimelineView::TimelineView(SelectionController *selection, QWidget *parent)
    : QWidget(parent), m_selection(selection),
      m_reader(new CaseReader(this, BackgroundPriority::Panel)), m_timeline(new QCustomPlot(this)),
      m_creation(new QCustomPlot(this)), m_hours(new QCustomPlot(this)), m_info(new QLabel(this))
{
    setupTimeAxis(m_timeline);
    m_timeline->yAxis->setLabel(tr("posts per bin"));
    m_timeline->setInteractions(QCP::iRangeZoom);
    m_timeline->axisRect()->setRangeZoom(Qt::Horizontal);
    m_timeline->axisRect()->setRangeDrag(Qt::Horizontal);
    m_timeline->setSelectionRectMode(QCP::srmCustom);
    m_timeline->setToolTip(tr("Drag: select a time range. Wheel: zoom. Ctrl+drag: pan. "
                              "Double-click: clear the range."));
    m_totalBars = new QCPBars(m_timeline->xAxis, m_timeline->yAxis);
    // Context posts (reposted or quoted originals that a capture holds) are left out: their
    // times are the originals', not the collection's.
    m_totalBars->setName(tr("collected posts"));
    m_totalBars->setPen(Qt::NoPen);
    m_totalBars->setBrush(QColor(0xbab0ac));
    m_range = new QCPItemRect(m_timeline);
    m_range->setPen(QPen(QColor(0xe15759), 1));
    m_range->setBrush(QColor(225, 87, 89, 40));
    m_range->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_range->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_range->setVisible(false);
    m_timeline->legend->setVisible(true);
    m_timeline->legend->setFont(font());
    m_timeline->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);

    setupTimeAxis(m_creation);
    m_creation->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>()->setDateTimeFormat(
        QStringLiteral("yyyy-MM-dd"));
    m_creation->plotLayout()->insertRow(0);
    m_creation->plotLayout()->addElement(
        0, 0, new QCPTextElement(m_creation, tr("Accounts by creation date"), font()));
    m_creationBars = new QCPBars(m_creation->xAxis, m_creation->yAxis);
    m_creationBars->setPen(Qt::NoPen);
    m_creationBars->setBrush(QColor(0x4e79a7));

    m_hours->plotLayout()->insertRow(0);
    m_hours->plotLayout()->addElement(
        0, 0, new QCPTextElement(m_hours, tr("Posts by weekday and hour (UTC)"), font()));
    m_heat = new QCPColorMap(m_hours->xAxis, m_hours->yAxis);
    m_heat->data()->setSize(24, 7);
    m_heat->data()->setRange(QCPRange(0, 23), QCPRange(0, 6));
    // Empty hours stay white, so a campaign's few busy hours stand out at a glance.
    QCPColorGradient heatGradient;
    heatGradient.setColorStopAt(0.0, QColor(0xf7f7f7));
    heatGradient.setColorStopAt(0.15, QColor(0xfdd49e));
    heatGradient.setColorStopAt(0.5, QColor(0xef6548));
    heatGradient.setColorStopAt(1.0, QColor(0x7f0000));
    m_heat->setGradient(heatGradient);
    m_heat->setInterpolate(false);
    m_hours->xAxis->setRange(-0.5, 23.5);
    m_hours->yAxis->setRange(-0.5, 6.5);
    m_hours->yAxis->setRangeReversed(true);
    auto days = QSharedPointer<QCPAxisTickerText>::create();
    const QStringList names = {tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"),
                               tr("Fri"), tr("Sat"), tr("Sun")};
    for (int d = 0; d < 7; ++d)
        days->addTick(d, names.at(d));
    m_hours->yAxis->setTicker(days);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_hours->yAxis->setTickLabelFont(small);
    m_hours->xAxis->setTickLabelFont(small);
    m_hours->setMinimumHeight(190);
    m_creation->setMinimumHeight(150);
    auto hourTicks = QSharedPointer<QCPAxisTickerFixed>::create();
    hourTicks->setTickStep(3);
    m_hours->xAxis->setTicker(hourTicks);
    m_hours->xAxis->setLabel(tr("hour of day (UTC)"));

    m_info->setTextFormat(Qt::PlainText);
    auto *side = new QSplitter(Qt::Vertical, this);
    side->addWidget(m_creation);
    side->addWidget(m_hours);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_timeline, 1);
    leftLayout->addWidget(m_info);
    splitter->addWidget(left);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({900, 520});
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(splitter);

    connect(m_timeline, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) {
        const bool pan = event->modifiers() & Qt::ControlModifier;
        m_timeline->setSelectionRectMode(pan ? QCP::srmNone : QCP::srmCustom);
        m_timeline->setInteraction(QCP::iRangeDrag, pan);
    });
    connect(
        m_timeline->selectionRect(), &QCPSelectionRect::accepted, this, [this](const QRect &rect) {
            const double a = m_timeline->xAxis->pixelToCoord(rect.left());
            const double b = m_timeline->xAxis->pixelToCoord(rect.right());
            if (rect.width() > 3)
                m_selection->selectTimeRange(qint64(std::min(a, b)), qint64(std::max(a, b)) + 1);
        });
    connect(m_timeline, &QCustomPlot::mouseDoubleClick, m_selection,
            [this] { m_selection->selectTimeRange(0, 0); });
    connect(m_selection, &SelectionController::timeRangeSelected, this, [this] {
        showRange();
        requestData();
    });
    connect(m_selection, &SelectionController::clusterSelected, this, &TimelineView::requestData);
    connect(m_selection, &SelectionController::accountGroupSelected, this,
            &TimelineView::requestData);
}

TimelineView::~TimelineView() = default;

void TimelineView::setupTimeAxis(QCustomPlot *plot)
{
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::UTC);
    ticker->setDateTimeFormat(QStringLiteral("yyyy-MM-dd\nHH:mm"));
    plot->xAxis->setTicker(ticker);
    plot->setNoAntialiasingOnDrag(true);
}

void TimelineView::openCase(const QString &path)
{
    m_open = !path.isEmpty();
    m_reader->open(path);
    reload();
}

void TimelineView::reload()
{
    requestData();
}

void TimelineView::setTopClusters(const std::vector<TimelineCluster> &clusters)
{
    m_topClusters = clusters;
    requestData();
}

void TimelineView::requestData()
{
    const quint64 generation = ++m_generation;
    if (!m_open)
        return;
    std::vector<qint64> clusterIds;
    for (const TimelineCluster &cluster : m_topClusters)
        clusterIds.push_back(cluster.id);
    PostFilter selected = m_selection->filter();
    selected.collectedOnly = true;
    m_reader->run(
        [clusterIds, selected](const CaseStore &store) {
            const TimelineQueries queries(store);
            Data data;
            // Every read goes through `take`: a failed one leaves its chart empty and says why.
            auto take = [&data](auto result) {
                using Value = std::decay_t<decltype(result.value())>;
                if (!result) {
                    if (data.error.isEmpty())
                        data.error = QString::fromStdString(result.error().message);
                    return Value{};
                }
                return Value(std::move(result).value());
            };
            PostFilter collected;
            collected.collectedOnly = true;
            const auto span = queries.span(collected);
            if (!span) {
                take(span);
                return data;
            }
            data.bin = chooseBinSeconds(span->second - span->first);
            data.total = take(queries.postsPerBin(collected, data.bin));
            for (qint64 id : clusterIds) {
                PostFilter cluster = collected;
                cluster.clusterId = id;
                data.clusters.push_back(take(queries.postsPerBin(cluster, data.bin)));
            }
            if (selected.clusterId != 0) {
                PostFilter cluster = collected;
                cluster.clusterId = selected.clusterId;
                data.selected = take(queries.postsPerBin(cluster, data.bin));
            }
            if (!selected.accountIds.empty()) {
                PostFilter group = collected;
                group.accountIds = selected.accountIds;
                data.group = take(queries.postsPerBin(group, data.bin));
            }
            const auto daily = take(queries.accountCreation(selected, 86400));
            if (!daily.empty()) {
                data.creationBin = chooseBinSeconds(daily.back().start - daily.front().start, 120);
                data.creationBin = std::max<std::int64_t>(data.creationBin, 86400);
                data.creation = rebin(daily, data.creationBin);
            }
            data.hours = take(queries.hourWeekday(selected));
            return data;
        },
        [this, generation](Data data) {
            if (generation != m_generation)
                return;
            show(data);
            emit loaded();
        });
}

void TimelineView::show(const Data &data)
{
    // Keep the user's zoom across reloads unless nothing was shown yet.
    const bool firstShow = m_totalBars->data()->isEmpty();
    setBars(m_totalBars, data.total, data.bin);
    while (m_timeline->graphCount() > 0)
        m_timeline->removeGraph(0);
    for (std::size_t i = 0; i < data.clusters.size() && i < m_topClusters.size(); ++i) {
        QCPGraph *graph = m_timeline->addGraph(m_timeline->xAxis, m_timeline->yAxis2);
        graph->setLineStyle(QCPGraph::lsStepCenter);
        const bool isSelected = m_topClusters[i].id == m_selection->clusterId();
        graph->setPen(QPen(clusterColor(int(i)), isSelected ? 3.5 : 1.5));
        graph->setName(m_topClusters[i].label);
        setSteps(graph, data.clusters[i], data.bin);
    }
    if (!data.selected.empty()) {
        bool isTop = false;
        for (const TimelineCluster &cluster : m_topClusters)
            isTop = isTop || cluster.id == m_selection->clusterId();
        if (!isTop) {
            QCPGraph *graph = m_timeline->addGraph(m_timeline->xAxis, m_timeline->yAxis2);
            graph->setLineStyle(QCPGraph::lsStepCenter);
            graph->setPen(QPen(QColor(0xe15759), 3.5));
            graph->setName(tr("selected cluster"));
            setSteps(graph, data.selected, data.bin);
        }
    }
    if (!data.group.empty()) {
        QCPGraph *graph = m_timeline->addGraph(m_timeline->xAxis, m_timeline->yAxis2);
        graph->setLineStyle(QCPGraph::lsStepCenter);
        graph->setPen(QPen(QColor(0x4b2991), 2.5, Qt::DashLine));
        graph->setName(tr("selected accounts"));
        setSteps(graph, data.group, data.bin);
    }
    // Clusters are small next to the whole case: they get their own scale on the right.
    m_timeline->legend->setVisible(m_timeline->graphCount() > 0);
    m_timeline->yAxis2->setVisible(m_timeline->graphCount() > 0);
    m_timeline->yAxis2->setLabel(tr("cluster posts per bin"));
    if (m_timeline->graphCount() > 0) {
        m_timeline->yAxis2->rescale();
        m_timeline->yAxis2->setRangeLower(0);
        m_timeline->yAxis2->setRangeUpper(m_timeline->yAxis2->range().upper * 1.1);
    }
    if (firstShow || !data.total.empty()) {
        m_timeline->yAxis->rescale();
        m_timeline->yAxis->setRangeLower(0);
    }
    if (firstShow && !data.total.empty()) {
        m_timeline->xAxis->setRange(double(data.total.front().start),
                                    double(data.total.back().start + data.bin));
    }
    m_info->setText(
        !data.error.isEmpty()
            ? tr("Cannot read the timeline: %1").arg(data.error)
            : tr("Bin size: %1. Drag to select a time range, wheel to zoom, Ctrl+drag to pan.")
                  .arg(data.bin >= 86400  ? tr("%n day(s)", nullptr, int(data.bin / 86400))
                       : data.bin >= 3600 ? tr("%n hour(s)", nullptr, int(data.bin / 3600))
                                          : tr("%n minute(s)", nullptr, int(data.bin / 60))));
    showRange();

    setBars(m_creationBars, data.creation, data.creationBin);
    m_creation->rescaleAxes();
    m_creation->yAxis->setRangeLower(0);
    if (!data.creation.empty())
        m_creation->xAxis->setRange(double(data.creation.front().start),
                                    double(data.creation.back().start + data.creationBin));
    m_creation->replot();

    for (int day = 0; day < 7; ++day)
        for (int hour = 0; hour < 24; ++hour)
            m_heat->data()->setCell(hour, day,
                                    double(data.hours[std::size_t(day)][std::size_t(hour)]));
    m_heat->rescaleDataRange(true);
    m_hours->replot();
}

void TimelineView::showRange()
{
    m_range->setVisible(m_selection->hasTimeRange());
    m_range->topLeft->setCoords(double(m_selection->timeFrom()), 0);
    m_range->bottomRight->setCoords(double(m_selection->timeTo()), 1);
    m_timeline->replot();
}

} // namespace chorus::ui
