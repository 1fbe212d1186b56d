#pragma once

#include "common/Error.h"

#include <QString>

#include <vector>

namespace chorus {
class CaseStore;
}

namespace chorus::ui {

// One part of a cluster's score: what was measured, its value, what it added to the score.
struct ScoreComponentItem
{
    QString name;
    double value = 0;
    double contribution = 0;
};

// A cluster of near-identical posts from the latest clustering run, as the list shows it.
struct ClusterItem
{
    qint64 id = 0;
    qint64 number = 0;
    qint64 size = 0;
    qint64 accounts = 0;
    qint64 firstAt = 0;
    qint64 lastAt = 0;
    double score = 0;
    std::vector<ScoreComponentItem> components;
    QString representativeText;
    int campaign = 0; // the campaign it belongs to; 0 when none
};

// The clusters of the latest run, highest score first, read through core's clustering
// API. Runs on a CaseReader thread.
Result<std::vector<ClusterItem>> loadLatestClusters(const CaseStore &store, int limit);

} // namespace chorus::ui
