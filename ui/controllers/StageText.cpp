#include "controllers/StageText.h"

#include "common/TimeLeft.h"

#include <QCoreApplication>

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
    const SaidTimeLeft said = sayTimeLeft(seconds);
    if (said.hours > 0)
        return tr("about %1 h %2 min left").arg(said.hours).arg(said.minutes);
    if (said.minutes > 0)
        return tr("about %1 min left").arg(said.minutes);
    return tr("about %1 s left").arg(said.seconds);
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
    case Stage::IndexingFilters:
        return tr("Indexing posts by kind and language");
    case Stage::IndexingViews:
        return tr("Indexing the posts table and timeline");
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
    case Stage::AssemblingReport:
        return tr("Reading the report's evidence");
    case Stage::PaginatingReport:
        return tr("Counting the report's pages");
    case Stage::DrawingReport:
        return tr("Drawing the report");
    }
    return QString::fromLatin1(stageId(e.stage));
}

} // namespace chorus::ui
