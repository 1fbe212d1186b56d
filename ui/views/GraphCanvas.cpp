#include "views/GraphCanvas.h"

#include "render/GraphPainter.h"
#include "views/CanvasSupport.h"
#include "views/Formatting.h"

#include <QContextMenuEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <QHash>

#include <algorithm>
#include <cmath>
#include <utility>

namespace chorus::ui {

namespace {
constexpr int EdgesHiddenWhileDragging = 20000;
// Edges drawn per frame at most, strongest first: what keeps a frame of a large network
// within a screen refresh or two. Zooming in brings the rest into the budget.
constexpr std::size_t EdgeBudget = 20000;
constexpr std::size_t FastDrawingEdges = 10000;
constexpr double HitSlop = 3; // pixels around a disc that still count as on it
} // namespace

GraphCanvas::GraphCanvas(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    setFocusPolicy(Qt::StrongFocus);
}

void GraphCanvas::setScene(GraphScene scene)
{
    m_scene = std::move(scene);
    // GraphQueries::scene sorts on the reader thread; a scene made otherwise is sorted here.
    if (!std::is_sorted(m_scene.edges.begin(), m_scene.edges.end(), heavierEdge))
        std::stable_sort(m_scene.edges.begin(), m_scene.edges.end(), heavierEdge);
    m_maxWeight = 1;
    for (const GraphSceneNode &n : m_scene.nodes)
        m_maxWeight = std::max(m_maxWeight, n.weight);
    m_heaviestEdge = m_scene.edges.empty() ? 0 : double(m_scene.edges.front().weight);
    buildGrid();
    fit();
}

void GraphCanvas::setColouring(GraphScene::Colouring colouring)
{
    m_scene.colouring = colouring;
    update();
}

void GraphCanvas::buildGrid()
{
    m_bounds = QRectF();
    for (const GraphSceneNode &n : m_scene.nodes)
        m_bounds = m_bounds.isNull() ? QRectF(n.x, n.y, 1e-9, 1e-9)
                                     : m_bounds.united(QRectF(n.x, n.y, 1e-9, 1e-9));
    // About four nodes per cell on average.
    const double cells = std::max(1.0, double(m_scene.nodes.size()) / 4);
    const double aspect = std::max(m_bounds.width(), 1e-9) / std::max(m_bounds.height(), 1e-9);
    m_columns = std::clamp(int(std::sqrt(cells * aspect)), 1, 2048);
    m_rows = std::clamp(int(cells / m_columns), 1, 2048);
    m_cells.assign(std::size_t(m_columns) * std::size_t(m_rows), {});
    for (std::size_t v = 0; v < m_scene.nodes.size(); ++v) {
        const GraphSceneNode &n = m_scene.nodes[v];
        const int c =
            std::clamp(int((n.x - m_bounds.left()) / std::max(m_bounds.width(), 1e-9) * m_columns),
                       0, m_columns - 1);
        const int r =
            std::clamp(int((n.y - m_bounds.top()) / std::max(m_bounds.height(), 1e-9) * m_rows), 0,
                       m_rows - 1);
        m_cells[std::size_t(r) * std::size_t(m_columns) + std::size_t(c)].push_back(
            std::uint32_t(v));
    }
}

void GraphCanvas::fit()
{
    const QRectF area = QRectF(rect()).adjusted(24, 24, -24, -24);
    const double w = std::max(m_bounds.width(), 1e-9), h = std::max(m_bounds.height(), 1e-9);
    m_scale = std::max(1e-9, std::min(area.width() / w, area.height() / h));
    m_dx = area.left() + (area.width() - w * m_scale) / 2 - m_bounds.left() * m_scale;
    m_dy = area.top() + (area.height() - h * m_scale) / 2 - m_bounds.top() * m_scale;
    update();
}

void GraphCanvas::zoomBy(double factor, QPointF at)
{
    const QPointF world = toWorld(at);
    m_scale *= factor;
    m_dx = at.x() - world.x() * m_scale;
    m_dy = at.y() - world.y() * m_scale;
    update();
}

bool GraphCanvas::centreOn(qint64 accountId)
{
    for (const GraphSceneNode &n : m_scene.nodes)
        if (n.accountId == accountId) {
            m_dx += width() / 2.0 - toScreen(n).x();
            m_dy += height() / 2.0 - toScreen(n).y();
            update();
            return true;
        }
    return false;
}

void GraphCanvas::setHighlighted(const QSet<qint64> &accounts, qint64 current)
{
    m_highlighted = accounts;
    m_current = current;
    update();
}

int GraphCanvas::nodeAt(QPointF point) const
{
    if (m_scene.nodes.empty())
        return -1;
    // Look in the cells around the point, at most a disc's largest radius away.
    const double reach = (10 * m_zoom + HitSlop) / m_scale;
    const QPointF world = toWorld(point);
    const double cellW = std::max(m_bounds.width(), 1e-9) / m_columns;
    const double cellH = std::max(m_bounds.height(), 1e-9) / m_rows;
    const int c0 = std::clamp(int((world.x() - reach - m_bounds.left()) / cellW), 0, m_columns - 1);
    const int c1 = std::clamp(int((world.x() + reach - m_bounds.left()) / cellW), 0, m_columns - 1);
    const int r0 = std::clamp(int((world.y() - reach - m_bounds.top()) / cellH), 0, m_rows - 1);
    const int r1 = std::clamp(int((world.y() + reach - m_bounds.top()) / cellH), 0, m_rows - 1);
    int best = -1;
    double bestDistance = 0;
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c)
            for (std::uint32_t v :
                 m_cells[std::size_t(r) * std::size_t(m_columns) + std::size_t(c)]) {
                const GraphSceneNode &n = m_scene.nodes[v];
                const double distance = QLineF(toScreen(n), point).length();
                if (distance <= m_zoom * render::nodeRadius(n, m_maxWeight) + HitSlop &&
                    (best < 0 || distance < bestDistance)) {
                    best = int(v);
                    bestDistance = distance;
                }
            }
    return best;
}

void GraphCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (m_scene.nodes.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("No network to show. Run Analysis \u203A Find Clusters and Network "
                            "(Ctrl+R), or select a cluster."));
        return;
    }
    const QRectF visible = QRectF(rect()).adjusted(-12, -12, 12, 12);
    const render::NodePosition at = [this](const GraphSceneNode &n) { return toScreen(n); };
    // Small networks get the print-quality drawing; large ones the fast one.
    const bool fast = m_scene.edges.size() > FastDrawingEdges || m_scene.nodes.size() > 5000;
    std::size_t visibleEdges = 0;
    if (!(m_drag == Drag::Pan && m_moved && m_scene.edges.size() > EdgesHiddenWhileDragging))
        visibleEdges =
            render::drawEdges(painter, m_scene, at, visible, fast, EdgeBudget, m_heaviestEdge);
    // Discs grow a little when zoomed in, so that a dense group separates.
    const double zoom = std::clamp(
        std::sqrt(m_scale * std::max(m_bounds.width(), 1e-9) / std::max(1.0, double(width()))), 1.0,
        3.0);
    m_zoom = zoom;
    const auto order = render::drawNodes(painter, m_scene, at, visible, zoom, fast);
    painter.setPen(QPen(QColor(20, 20, 20), 2));
    painter.setBrush(Qt::NoBrush);
    for (std::size_t v : order) {
        const GraphSceneNode &n = m_scene.nodes[v];
        if (n.accountId == m_current || m_highlighted.contains(n.accountId)) {
            const double radius = zoom * render::nodeRadius(n, m_maxWeight) + 2;
            painter.setPen(
                QPen(n.accountId == m_current ? QColor(220, 30, 30) : QColor(20, 20, 20), 2));
            painter.drawEllipse(toScreen(n), radius, radius);
        }
    }
    // A pinned disc carries a dark dot: it stays where the analyst put it.
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(20, 20, 20));
    for (std::size_t v : order)
        if (m_scene.nodes[v].pinned)
            painter.drawEllipse(toScreen(m_scene.nodes[v]), 2.2, 2.2);
    painter.setBrush(Qt::NoBrush);
    // More labels the closer one looks, within a budget so that drawing stays bounded.
    m_labels = std::clamp(int(40 * zoom * zoom), 40, 150);
    render::drawLabels(painter, m_scene, at, visible, order, m_labels);
    // The legend in the top right corner, on a veil so that it reads over the drawing.
    const QRectF legend(width() - 250, 6, 244, std::min(260, height() - 12));
    painter.fillRect(legend, QColor(255, 255, 255, 215));
    render::LegendText words;
    words.communities = tr("Communities");
    words.campaigns = tr("Campaigns");
    words.signalsFired = tr("Signals fired");
    words.countries = tr("Claimed countries");
    words.community = tr("%1: %2 accounts");
    words.campaign = tr("campaign %1: %2 accounts");
    words.signalCount = tr("%1 signals: %2 accounts");
    words.none = tr("none: %1 accounts");
    words.otherOrNone = tr("other or none: %1 accounts");
    words.discSize = tr("Disc size: weighted degree");
    words.lineWidth = tr("Line width: shared objects");
    render::drawLegend(painter, m_scene, legend.adjusted(8, 6, -4, -4), words);
    if (m_drag == Drag::Band)
        drawSelectionBand(painter, m_band);
    if (visibleEdges > EdgeBudget) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(QRectF(rect()).adjusted(8, 4, -8, -4), Qt::AlignLeft | Qt::AlignBottom,
                         tr("The strongest %1 links in view are drawn (of %2 in the drawing); "
                            "zoom in for the rest.")
                             .arg(EdgeBudget)
                             .arg(m_scene.edges.size()));
    }
}

void GraphCanvas::resizeEvent(QResizeEvent *)
{
    fit();
}

void GraphCanvas::wheelEvent(QWheelEvent *event)
{
    zoomBy(wheelZoomFactor(*event), event->position());
    event->accept();
}

void GraphCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_moved = false;
    m_dragStart = event->position();
    m_dragNode = -1;
    if (event->modifiers() & Qt::ShiftModifier) {
        m_drag = Drag::Band;
        m_band = QRectF(event->position(), QSizeF());
        return;
    }
    m_dragNode = nodeAt(event->position());
    m_drag = m_dragNode >= 0 ? Drag::Node : Drag::Pan;
    if (m_dragNode >= 0) {
        const GraphSceneNode &n = m_scene.nodes[std::size_t(m_dragNode)];
        m_dragNodeOrigin = {n.x, n.y};
    }
}

void GraphCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (m_drag != Drag::None) {
        const QPointF delta = event->position() - m_dragStart;
        if (!m_moved && delta.manhattanLength() < 3)
            return;
        m_moved = true;
        QToolTip::hideText();
        switch (m_drag) {
        case Drag::Band:
            m_band = QRectF(m_dragStart, event->position()).normalized();
            break;
        case Drag::Node: {
            GraphSceneNode &n = m_scene.nodes[std::size_t(m_dragNode)];
            const QPointF world = toWorld(event->position());
            n.x = world.x();
            n.y = world.y();
            break;
        }
        case Drag::Pan:
            m_dx += delta.x();
            m_dy += delta.y();
            m_dragStart = event->position();
            break;
        case Drag::None:
            break;
        }
        update();
        return;
    }
    const int v = nodeAt(event->position());
    if (v < 0) {
        QToolTip::hideText();
        return;
    }
    const GraphSceneNode &n = m_scene.nodes[std::size_t(v)];
    // The handle is untrusted: the tool tip shows it as typed, never as rich text.
    QString tip = tr("%1\ncommunity %2\nweighted degree %3")
                      .arg(QString::fromStdString(n.label))
                      .arg(n.community >= 0 ? QString::number(n.community) : tr("none"))
                      .arg(n.weight);
    if (n.signalCount > 0)
        tip += QLatin1Char('\n') + tr("%n signal(s) fired", nullptr, n.signalCount);
    if (n.pinned)
        tip += QLatin1Char('\n') + tr("pinned");
    QToolTip::showText(event->globalPosition().toPoint(), plainTextToolTip(tip), this);
}

void GraphCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_drag == Drag::None)
        return;
    const Drag drag = std::exchange(m_drag, Drag::None);
    if (drag == Drag::Band) {
        update();
        if (m_moved)
            emit accountsBoxed(accountsIn(m_band));
        return;
    }
    if (!m_moved) {
        if (const int v = nodeAt(event->position()); v >= 0)
            emit accountClicked(m_scene.nodes[std::size_t(v)].accountId);
        return;
    }
    if (drag == Drag::Node) {
        GraphSceneNode &n = m_scene.nodes[std::size_t(m_dragNode)];
        const bool wasPinned = n.pinned;
        n.pinned = true; // a disc put somewhere by hand stays there
        buildGrid();
        emit nodeDragged(n.accountId, m_dragNodeOrigin, QPointF(n.x, n.y), wasPinned);
    }
    update(); // edges come back after a pan
}

void GraphCanvas::contextMenuEvent(QContextMenuEvent *event)
{
    const int v = nodeAt(event->pos());
    emit menuRequested(v >= 0 ? m_scene.nodes[std::size_t(v)].accountId : 0, event->globalPos());
}

int GraphCanvas::placeNodes(const std::vector<AccountPlacement> &placements)
{
    QHash<qint64, const AccountPlacement *> wanted;
    for (const AccountPlacement &p : placements)
        wanted.insert(p.accountId, &p);
    int placed = 0;
    for (GraphSceneNode &n : m_scene.nodes)
        if (const AccountPlacement *p = wanted.value(n.accountId)) {
            n.x = p->x;
            n.y = p->y;
            n.pinned = p->pinned;
            ++placed;
        }
    if (placed > 0) {
        buildGrid();
        update();
    }
    return placed;
}

QSet<qint64> GraphCanvas::accountsIn(const QRectF &area) const
{
    QSet<qint64> accounts;
    for (const GraphSceneNode &n : m_scene.nodes)
        if (area.contains(toScreen(n)))
            accounts.insert(n.accountId);
    return accounts;
}

int GraphCanvas::edgeAt(QPointF point) const
{
    // A plain scan: it runs on a double-click, not per frame.
    int best = -1;
    double bestDistance = 4; // pixels
    for (std::size_t i = 0; i < m_scene.edges.size(); ++i) {
        const GraphSceneEdge &e = m_scene.edges[i];
        const QPointF a = toScreen(m_scene.nodes[e.a]), b = toScreen(m_scene.nodes[e.b]);
        const QPointF ab = b - a;
        const double length2 = QPointF::dotProduct(ab, ab);
        const double t =
            length2 > 0 ? std::clamp(QPointF::dotProduct(point - a, ab) / length2, 0.0, 1.0) : 0;
        const double distance = QLineF(a + t * ab, point).length();
        if (distance < bestDistance) {
            bestDistance = distance;
            best = int(i);
        }
    }
    return best;
}

void GraphCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    // A disc or a link shows its evidence; anywhere else fits the view.
    if (nodeAt(event->position()) < 0) {
        if (const int e = edgeAt(event->position()); e >= 0) {
            const GraphSceneEdge &edge = m_scene.edges[std::size_t(e)];
            emit edgeActivated(m_scene.nodes[edge.a].accountId, m_scene.nodes[edge.b].accountId);
            return;
        }
    }
    fit();
}

} // namespace chorus::ui
