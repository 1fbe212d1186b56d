#include "views/MapCanvas.h"

#include "render/MapPainter.h"
#include "views/CanvasSupport.h"
#include "views/Formatting.h"

#include <QContextMenuEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <utility>

namespace chorus::ui {

MapCanvas::MapCanvas(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 120);
}

void MapCanvas::setWorld(std::shared_ptr<const WorldMap> world)
{
    m_world = std::move(world);
    update();
}

void MapCanvas::setScene(MapScene scene)
{
    m_scene = std::move(scene);
    m_projected.clear();
    for (const MapBubble &b : m_scene.bubbles)
        m_projected.push_back(equalEarth(b.lon, b.lat));
    update();
}

void MapCanvas::fit()
{
    // The projected world spans x +-2.71 and y +-1.32 (Equal Earth).
    const QRectF area = QRectF(rect()).adjusted(8, 8, -8, -8);
    m_fitScale = m_scale = std::max(1e-6, std::min(area.width() / 5.42, area.height() / 2.64));
    m_dx = area.center().x();
    m_dy = area.center().y();
    update();
}

double MapCanvas::zoom() const
{
    // Bubbles grow a little when zoomed in, so that a crowded region separates.
    return std::clamp(std::sqrt(m_scale / m_fitScale), 1.0, 3.0) *
           std::clamp(double(width()) / 1400, 0.6, 1.2);
}

QPointF MapCanvas::bubblePosition(std::size_t bubble) const
{
    return toScreen(m_projected.at(bubble));
}

int MapCanvas::bubbleAt(QPointF point) const
{
    const std::size_t largest =
        m_scene.bubbles.empty() ? 1 : m_scene.bubbles.front().accounts.size();
    // Smallest first: a small bubble drawn over a large one is the one under the cursor.
    for (std::size_t i = m_scene.bubbles.size(); i-- > 0;) {
        const double r = zoom() * render::bubbleRadius(m_scene.bubbles[i].accounts.size(), largest);
        if (QLineF(toScreen(m_projected[i]), point).length() <= r + 2)
            return int(i);
    }
    return -1;
}

void MapCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const render::MapPosition at = [this](MapPoint p) { return toScreen(p); };
    if (m_world)
        render::drawWorld(painter, *m_world, at);
    render::drawBubbles(painter, m_scene, at, zoom());
    render::MapLegendText words;
    words.accountsPlaced = tr("%1 accounts placed");
    words.highlighted = tr("%1 of %2 selected accounts placed");
    words.unresolved = tr("%1 with a location that names no place");
    words.noLocation = tr("%1 with no location");
    words.notYetResolved = tr("%1 not resolved yet (run the analysis)");
    words.bubbleSize = tr("Bubble area: accounts claiming the place");
    render::drawMapLegend(painter, m_scene, QRectF(rect()).adjusted(6, 6, -6, -6), words);
    if (m_drag == Drag::Band)
        drawSelectionBand(painter, m_band);
}

void MapCanvas::resizeEvent(QResizeEvent *)
{
    fit();
}

void MapCanvas::wheelEvent(QWheelEvent *event)
{
    const QPointF at = event->position();
    const double factor = wheelZoomFactor(*event);
    const double scale = std::clamp(m_scale * factor, m_fitScale * 0.5, m_fitScale * 200);
    m_dx = at.x() - (at.x() - m_dx) * scale / m_scale;
    m_dy = at.y() - (at.y() - m_dy) * scale / m_scale;
    m_scale = scale;
    update();
    event->accept();
}

void MapCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_moved = false;
    m_dragStart = event->position();
    m_drag = event->modifiers() & Qt::ShiftModifier ? Drag::Band : Drag::Pan;
    m_band = QRectF(event->position(), QSizeF());
}

void MapCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (m_drag != Drag::None) {
        const QPointF delta = event->position() - m_dragStart;
        if (!m_moved && delta.manhattanLength() < 3)
            return;
        m_moved = true;
        if (m_drag == Drag::Band) {
            m_band = QRectF(m_dragStart, event->position()).normalized();
        } else {
            m_dx += delta.x();
            m_dy += delta.y();
            m_dragStart = event->position();
        }
        update();
        return;
    }
    const int i = bubbleAt(event->position());
    if (i < 0) {
        QToolTip::hideText();
        return;
    }
    const MapBubble &b = m_scene.bubbles[std::size_t(i)];
    QString tip = tr("%1\n%n account(s)", nullptr, int(b.accounts.size()))
                      .arg(QString::fromStdString(b.place));
    tip += QLatin1Char('\n') + tr("%n post(s)", nullptr, int(b.posts));
    if (m_scene.highlightSet > 0)
        tip += QLatin1Char('\n') + tr("%n of them selected", nullptr, int(b.highlighted));
    QToolTip::showText(event->globalPosition().toPoint(), plainTextToolTip(tip), this);
}

void MapCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_drag == Drag::None)
        return;
    const Drag drag = std::exchange(m_drag, Drag::None);
    QSet<qint64> accounts;
    if (drag == Drag::Band && m_moved) {
        for (std::size_t i = 0; i < m_scene.bubbles.size(); ++i)
            if (m_band.contains(toScreen(m_projected[i])))
                for (std::int64_t a : m_scene.bubbles[i].accounts)
                    accounts.insert(a);
        update();
        emit accountsChosen(accounts);
        return;
    }
    if (!m_moved) {
        if (const int i = bubbleAt(event->position()); i >= 0) {
            for (std::int64_t a : m_scene.bubbles[std::size_t(i)].accounts)
                accounts.insert(a);
            emit accountsChosen(accounts);
        }
    }
    update();
}

void MapCanvas::contextMenuEvent(QContextMenuEvent *event)
{
    QSet<qint64> accounts;
    if (const int i = bubbleAt(event->pos()); i >= 0)
        for (std::int64_t a : m_scene.bubbles[std::size_t(i)].accounts)
            accounts.insert(a);
    emit menuRequested(accounts, event->globalPos());
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent *)
{
    fit();
}

} // namespace chorus::ui
