#include "controllers/StageText.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace chorus::ui {

namespace {
// The translation context of the stage texts.
class StageText
{
    Q_DECLARE_TR_FUNCTIONS(StageText)
public:
    static QString of(const StageEvent &e);
    static QString timeLeft(double seconds);
};
} // namespace

QString stageText(const StageEvent &event)
{
    return StageText::of(event);
}

QString timeLeftText(double seconds)
{
    return StageText::timeLeft(seconds);
}

QString StageText::timeLeft(double seconds)
{
    // The rounding of common/TimeLeft's describeTimeLeft, for the command line.
    if (seconds < 60)
        return tr("about %1 s left").arg(std::max(5, int(std::ceil(seconds / 5)) * 5));
    const int minutes = int(std::lround(seconds / 60));
    if (minutes < 60)
        return tr("about %1 min left").arg(minutes);
    return tr("about %1 h %2 min left").arg(minutes / 60).arg(minutes % 60);
}

QString StageText::of(const StageEvent &e)
{
    const QString subject = QString::fromStdString(e.subject);
    switch (e.stage) {
    case Stage::ReadingFile:
        return e.detail.empty()
                   ? tr("Reading %1").arg(subject)
                   : tr("Reading %1 as %2").arg(subject, QString::fromStdString(e.detail));
    case Stage::IndexingFile:
        return tr("Indexing %1").arg(subject);
    case Stage::IndexingText:
        return tr("Indexing post texts for search");
    case Stage::ReadingPosts:
        return tr("Reading posts");
    case Stage::NormalizingTexts:
        return tr("Normalizing texts");
    case Stage::ComputingSignatures:
        return tr("Computing text signatures");
    case Stage::FindingPairs:
        return tr("Finding and verifying candidate pairs");
    case Stage::Grouping:
        return tr("Grouping near-identical posts");
    case Stage::ScoringClusters:
        return tr("Scoring clusters");
    case Stage::StoringClusters:
        return tr("Storing clusters");
    case Stage::ReadingActions:
        return tr("Reading %1 actions").arg(subject);
    case Stage::LinkingActions:
        return tr("Linking accounts by %1").arg(subject);
    case Stage::MeasuringNetwork:
        return tr("Measuring the network");
    case Stage::FindingCommunities:
        return tr("Finding communities");
    case Stage::LayingOut:
        return tr("Laying out the network");
    case Stage::EvaluatingSignals:
        return tr("Evaluating account signals");
    case Stage::SavingNetworkRun:
        return tr("Saving the network run");
    case Stage::Clustering:
        return tr("Finding clusters of near-identical posts");
    case Stage::BuildingNetwork:
        return tr("Building the coordination network");
    case Stage::ResolvingLocations:
        return tr("Resolving account locations");
    }
    return QString::fromLatin1(stageId(e.stage));
}

} // namespace chorus::ui
