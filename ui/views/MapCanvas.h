#pragma once

#include "geo/WorldMap.h"
#include "query/GeoQueries.h"

#include <QSet>
#include <QWidget>

#include <memory>

namespace chorus::ui {

// The world map with the accounts' places as bubbles: wheel to zoom at the cursor, drag to
// pan, double-click to fit, hover a bubble for its place and counts, click it to select its
// accounts, Shift-drag to select the accounts of every bubble in a rectangle. GUI thread.
class MapCanvas : public QWidget
{
    Q_OBJECT
public:
    explicit MapCanvas(QWidget *parent = nullptr);

    void setWorld(std::shared_ptr<const WorldMap> world);
    void setScene(MapScene scene);
    const MapScene &scene() const { return m_scene; }
    void fit();
    // The bubble under a point of the widget, or -1; and where a bubble is drawn.
    int bubbleAt(QPointF point) const;
    QPointF bubblePosition(std::size_t bubble) const;

signals:
    // A click on a bubble or a rectangle: the accounts there (empty: none).
    void accountsChosen(const QSet<qint64> &accounts);
    // Right-click: the accounts of the bubble under the pointer (none on open sea).
    void menuRequested(const QSet<qint64> &accounts, QPoint globalPosition);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    QPointF toScreen(MapPoint p) const { return {p.x * m_scale + m_dx, -p.y * m_scale + m_dy}; }
    double zoom() const;

    std::shared_ptr<const WorldMap> m_world;
    MapScene m_scene;
    std::vector<MapPoint> m_projected; // per bubble
    double m_scale = 1, m_dx = 0, m_dy = 0, m_fitScale = 1;
    enum class Drag { None, Pan, Band };
    Drag m_drag = Drag::None;
    bool m_moved = false;
    QPointF m_dragStart;
    QRectF m_band;
};

} // namespace chorus::ui
