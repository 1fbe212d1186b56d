#include "common/Progress.h"

namespace chorus {

const char *stageId(Stage stage)
{
    switch (stage) {
    case Stage::ReadingFile:
        return "reading-file";
    case Stage::IndexingFile:
        return "indexing-file";
    case Stage::IndexingText:
        return "indexing-text";
    case Stage::IndexingFilters:
        return "indexing-filters";
    case Stage::IndexingViews:
        return "indexing-views";
    case Stage::ReadingPosts:
        return "reading-posts";
    case Stage::NormalizingTexts:
        return "normalizing-texts";
    case Stage::ComputingSignatures:
        return "computing-signatures";
    case Stage::FindingPairs:
        return "finding-pairs";
    case Stage::Grouping:
        return "grouping";
    case Stage::ScoringClusters:
        return "scoring-clusters";
    case Stage::StoringClusters:
        return "storing-clusters";
    case Stage::ReadingActions:
        return "reading-actions";
    case Stage::LinkingActions:
        return "linking-actions";
    case Stage::MeasuringNetwork:
        return "measuring-network";
    case Stage::FindingCommunities:
        return "finding-communities";
    case Stage::LayingOut:
        return "laying-out";
    case Stage::EvaluatingSignals:
        return "evaluating-signals";
    case Stage::SavingNetworkRun:
        return "saving-network-run";
    case Stage::Clustering:
        return "clustering";
    case Stage::BuildingNetwork:
        return "building-network";
    case Stage::ResolvingLocations:
        return "resolving-locations";
    case Stage::AssemblingReport:
        return "assembling-report";
    case Stage::PaginatingReport:
        return "paginating-report";
    case Stage::DrawingReport:
        return "drawing-report";
    }
    return "unknown";
}

std::string describeStage(const StageEvent &e)
{
    switch (e.stage) {
    case Stage::ReadingFile:
        return "Reading " + e.subject + (e.detail.empty() ? "" : " as " + e.detail);
    case Stage::IndexingFile:
        return "Indexing " + e.subject;
    case Stage::IndexingText:
        return "Indexing post texts for search";
    case Stage::IndexingFilters:
        return "Indexing posts by kind and language";
    case Stage::IndexingViews:
        return "Indexing the posts table and timeline";
    case Stage::ReadingPosts:
        return "Reading posts";
    case Stage::NormalizingTexts:
        return "Normalizing texts";
    case Stage::ComputingSignatures:
        return "Computing signatures";
    case Stage::FindingPairs:
        return "Finding and verifying candidate pairs";
    case Stage::Grouping:
        return "Grouping";
    case Stage::ScoringClusters:
        return "Scoring clusters";
    case Stage::StoringClusters:
        return "Storing clusters";
    case Stage::ReadingActions:
        return "Reading " + e.subject + " actions";
    case Stage::LinkingActions:
        return "Linking " + e.subject;
    case Stage::MeasuringNetwork:
        return "Measuring the network";
    case Stage::FindingCommunities:
        return "Finding communities";
    case Stage::LayingOut:
        return "Laying out the network";
    case Stage::EvaluatingSignals:
        return "Evaluating account signals";
    case Stage::SavingNetworkRun:
        return "Saving the network run";
    case Stage::Clustering:
        return "Finding clusters of near-identical posts";
    case Stage::BuildingNetwork:
        return "Building the coordination network";
    case Stage::ResolvingLocations:
        return "Resolving account locations";
    case Stage::AssemblingReport:
        return "Reading the report's evidence";
    case Stage::PaginatingReport:
        return "Counting the report's pages";
    case Stage::DrawingReport:
        return "Drawing the report";
    }
    return stageId(e.stage);
}

} // namespace chorus
