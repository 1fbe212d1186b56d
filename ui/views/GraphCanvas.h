#pragma once

#include "network/NetworkLayout.h"
#include "query/GraphQueries.h"

#include <QSet>
#include <QWidget>

#include <vector>

namespace chorus::ui {

// Draws a graph scene and lets the user move through it: wheel to zoom at the cursor, drag
// the background to pan, double-click to fit, click a disc to select its account, hover for
// its details, drag a disc to move it (the view saves and undoes the move), Shift-drag to
// select the accounts in a rectangle. Pinned accounts carry a dot.
// A uniform grid over the node positions answers "which node is here" and "which nodes are
// visible" without walking all of them; edges are hidden while dragging a large network so
// that panning stays smooth. GUI thread.
class GraphCanvas : public QWidget
{
    Q_OBJECT
public:
    explicit GraphCanvas(QWidget *parent = nullptr);

    void setScene(GraphScene scene);
    void setColouring(GraphScene::Colouring colouring);
    const GraphScene &scene() const { return m_scene; }
    // Accounts drawn with a dark ring (the selected account, the selected cluster's accounts).
    void setHighlighted(const QSet<qint64> &accounts, qint64 current);
    // Centres the view on an account, if it is in the scene; false otherwise.
    bool centreOn(qint64 accountId);
    void fit();
    void zoomBy(double factor, QPointF at);
    int labelBudget() const { return m_labels; }
    // The node index under a point of the widget, or -1; and where a node is drawn.
    int nodeAt(QPointF point) const;
    QPointF nodePosition(std::size_t node) const { return toScreen(m_scene.nodes.at(node)); }

    // The edge within a few pixels of a point of the widget, or -1.
    int edgeAt(QPointF point) const;
    // Moves accounts' discs to places in scene units and pins or unpins them (accounts not
    // drawn are skipped); returns how many were drawn.
    int placeNodes(const std::vector<AccountPlacement> &placements);
    // The accounts whose discs lie in a rectangle of the widget.
    QSet<qint64> accountsIn(const QRectF &area) const;

signals:
    void accountClicked(qint64 accountId);
    // Double-click on a link: the two accounts it joins.
    void edgeActivated(qint64 accountA, qint64 accountB);
    // A disc was dragged from one place to another (scene units); it is drawn at `to` already.
    void nodeDragged(qint64 accountId, QPointF from, QPointF to, bool wasPinned);
    // A Shift-drag rectangle was released over these accounts (empty: none).
    void accountsBoxed(const QSet<qint64> &accounts);
    // Right click: on a disc (its account) or on the background (0).
    void menuRequested(qint64 accountId, QPoint globalPosition);

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
    QPointF toScreen(const GraphSceneNode &n) const
    {
        return {n.x * m_scale + m_dx, n.y * m_scale + m_dy};
    }
    QPointF toWorld(QPointF p) const
    {
        return {(p.x() - m_dx) / m_scale, (p.y() - m_dy) / m_scale};
    }
    void buildGrid();

    GraphScene m_scene;
    double m_maxWeight = 1;
    double m_heaviestEdge = 0; // the first edge's weight: the scene is sorted heaviest first
    QRectF m_bounds;           // of the node positions, in scene units
    double m_scale = 1, m_dx = 0, m_dy = 0;
    // Grid over m_bounds: cell -> node indexes.
    int m_columns = 1, m_rows = 1;
    std::vector<std::vector<std::uint32_t>> m_cells;
    QSet<qint64> m_highlighted;
    qint64 m_current = 0;
    // What a left-button drag does: pan the view, move a disc, or draw a selection rectangle.
    enum class Drag { None, Pan, Node, Band };
    Drag m_drag = Drag::None;
    bool m_moved = false;
    QPointF m_dragStart;      // widget position where the drag began or last moved
    int m_dragNode = -1;      // the disc being moved
    QPointF m_dragNodeOrigin; // where it was, in scene units
    QRectF m_band;            // the selection rectangle, in widget coordinates
    int m_labels = 40;
    double m_zoom = 1; // disc size factor of the last frame (hit tests use the same)
};

} // namespace chorus::ui
