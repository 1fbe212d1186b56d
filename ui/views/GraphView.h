#pragma once

#include "network/NetworkLayout.h"
#include "query/GraphQueries.h"

#include <QWidget>

#include <tuple>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QUndoStack;

namespace chorus::ui {

class CaseReader;
class GraphCanvas;
class ReloadWhenSeen;
class SelectionController;

// The coordination graph panel: the latest network run, or the co-text network of the
// selected cluster (at weight 1, so a copy-paste campaign shows as the tight group it is).
// A find field, filters (minimum weight, link type, k-core, the ego network of the
// selected account), fit and export; double-clicking a link lists the posts behind it; clicking a
// disc selects its account everywhere, a Shift-drag rectangle selects a group of accounts,
// and the selected accounts and cluster are ringed. Dragged discs are pinned and saved with
// the network run; moves and pins are undoable; a new layout (run by the window, as a task)
// keeps the pinned accounts. Reads and saves through its own CaseReader. GUI thread.
class GraphView : public QWidget
{
    Q_OBJECT
public:
    GraphView(SelectionController *selection, QWidget *parent = nullptr);

    void openCase(const QString &path);
    // Reloads now when the panel can be seen, else when it comes into view (ReloadWhenSeen).
    void reload();
    // Shows the co-text network of a campaign's clusters until a cluster is selected.
    void showCampaign(int campaign);
    GraphCanvas *canvas() const { return m_canvas; }
    // Moves and pins, undoable.
    QUndoStack *undoStack() const { return m_undo; }
    // Asks for the network run drawn to be laid out again (layoutRequested), keeping pins.
    void requestLayout();
    // Selects an account by handle and draws its ego network of 1 or 2 hops, zoomed in.
    bool showEgoNetwork(const QString &handle, int hops);

signals:
    void loaded();
    // The user asked for the network run to be laid out again around its pinned accounts.
    void layoutRequested(qint64 runId);
    void annotateAccountRequested(qint64 accountId);
    void annotateCommunityRequested(int community);

private:
    void load();
    void find();
    void exportDrawing();
    void updateHighlight();
    void showEvidence(qint64 accountA, qint64 accountB);
    void showMenu(qint64 accountId, QPoint globalPosition);
    void nodeDragged(qint64 accountId, QPointF from, QPointF to, bool wasPinned);
    void setPinned(const std::vector<qint64> &accounts, bool pinned);
    // Draws placements and, for a network run, saves them there.
    void applyPlacements(qint64 runId, const std::vector<AccountPlacement> &placements);
    // What the drawing shows, in the user's language.
    QString describe(const GraphScene &scene) const;
    // Offers the run's largest components and communities in m_part.
    void listParts(const GraphScene &scene);

    SelectionController *m_selection;
    CaseReader *m_reader;
    GraphCanvas *m_canvas;
    QLineEdit *m_find;
    QSpinBox *m_minWeight;
    QComboBox *m_type;
    QComboBox *m_part; // the whole network, a component or a community
    QSpinBox *m_minKcore;
    QComboBox *m_ego;
    QComboBox *m_colour;
    QLabel *m_status;
    QUndoStack *m_undo;
    ReloadWhenSeen *m_whenSeen;
    // What the undo history applies to: moves made in another drawing do not carry over.
    std::tuple<qint64, int, int> m_undoSubject{0, -1, 0};
    bool m_open = false;
    int m_campaign = 0;
    quint64 m_generation = 0;
};

} // namespace chorus::ui
