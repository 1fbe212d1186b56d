#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace chorus::ui {

class CaseReader;
class MapCanvas;
class ReloadWhenSeen;
class SelectionController;

// The map panel: where the case's accounts say they are, the selected cluster's (or group's)
// accounts in red; clicking a bubble or Shift-dragging a rectangle selects those accounts in
// every panel. Reads through its own CaseReader. GUI thread.
class MapView : public QWidget
{
    Q_OBJECT
public:
    MapView(SelectionController *selection, QWidget *parent = nullptr);

    void openCase(const QString &path);
    // Reloads now when the panel can be seen, else when it comes into view (ReloadWhenSeen).
    void reload();
    // Highlights a campaign's accounts until a cluster or group is selected.
    void showCampaign(int campaign);
    MapCanvas *canvas() const { return m_canvas; }

signals:
    void loaded();
    // Right-click on the map: annotate an account, the selected cluster or the campaign shown.
    void annotateAccountRequested(qint64 accountId);
    void annotateClusterRequested(qint64 clusterId);
    void annotateCampaignRequested(int campaign);

private:
    void load();
    void exportDrawing();

    SelectionController *m_selection;
    CaseReader *m_reader;
    MapCanvas *m_canvas;
    QLabel *m_status;
    QComboBox *m_red; // what the red bubbles show
    ReloadWhenSeen *m_whenSeen;
    bool m_open = false;
    int m_campaign = 0;
    quint64 m_generation = 0;
};

} // namespace chorus::ui
