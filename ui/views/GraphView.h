#pragma once

#include "query/GraphQueries.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace chorus::ui {

class CaseReader;
class GraphCanvas;
class SelectionController;

// The coordination graph panel: the latest network run, or the co-text network of the
// selected cluster (at weight 1, so a copy-paste campaign shows as the tight group it is).
// A find field, filters (minimum weight, link type, k-core, the ego network of the
// selected account), fit and export; double-clicking a link lists the posts behind it; clicking a
// disc selects its account everywhere, and the selected account and cluster are ringed. Reads
// through its own CaseReader. GUI thread.
class GraphView : public QWidget
{
    Q_OBJECT
public:
    GraphView(SelectionController *selection, QWidget *parent = nullptr);

    void openCase(const QString &path);
    void reload();
    // Shows the co-text network of a campaign's clusters until a cluster is selected.
    void showCampaign(int campaign);
    GraphCanvas *canvas() const { return m_canvas; }

signals:
    void loaded();

private:
    void find();
    void exportDrawing();
    void updateHighlight();
    void showEvidence(qint64 accountA, qint64 accountB);
    // What the drawing shows, in the user's language.
    QString describe(const GraphScene &scene) const;

    SelectionController *m_selection;
    CaseReader *m_reader;
    GraphCanvas *m_canvas;
    QLineEdit *m_find;
    QSpinBox *m_minWeight;
    QComboBox *m_type;
    QSpinBox *m_minKcore;
    QComboBox *m_ego;
    QComboBox *m_colour;
    QLabel *m_status;
    bool m_open = false;
    int m_campaign = 0;
    quint64 m_generation = 0;
};

} // namespace chorus::ui
