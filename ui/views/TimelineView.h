#pragma once

#include "query/TimelineQueries.h"

#include <QColor>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPBars;
class QCPColorMap;
class QCPItemRect;
class QLabel;

namespace chorus::ui {

class CaseReader;
class SelectionController;

// A cluster drawn on the timeline in its own colour.
struct TimelineCluster
{
    qint64 id = 0;
    QString label;
};

// Posts per time bin over the whole case (automatic bin size, wheel zoom, Ctrl+drag pan),
// the top clusters as coloured lines and the selected one highlighted. Dragging selects a
// time range for the other views; double-click clears it. Beside it: accounts by creation
// date and posts by weekday x hour (UTC), both for the current cluster and range, since
// bursts of new accounts and far-away working hours are what give campaigns away.
// GUI thread; reads through its own CaseReader.
class TimelineView : public QWidget
{
    Q_OBJECT
public:
    TimelineView(SelectionController *selection, QWidget *parent = nullptr);
    ~TimelineView() override;

    void openCase(const QString &path);
    void reload();
    void setTopClusters(const std::vector<TimelineCluster> &clusters);
    static QColor clusterColor(int rank);

signals:
    // Charts drawn from an answer of the case (after each reload).
    void loaded();

private:
    struct Data;
    void requestData();
    void show(const Data &data);
    void showRange();
    void setupTimeAxis(QCustomPlot *plot);

    SelectionController *m_selection;
    CaseReader *m_reader;
    QCustomPlot *m_timeline;
    QCustomPlot *m_creation;
    QCustomPlot *m_hours;
    QCPBars *m_totalBars = nullptr;
    QCPBars *m_creationBars = nullptr;
    QCPColorMap *m_heat = nullptr;
    QCPItemRect *m_range = nullptr;
    QLabel *m_info;
    std::vector<TimelineCluster> m_topClusters;
    quint64 m_generation = 0;
    bool m_open = false;
};

} // namespace chorus::ui
