#pragma once

#include "common/Progress.h"

#include "common/Error.h"
#include "evidence/Annotations.h"
#include "query/ClusterQueries.h"
#include "query/GeoQueries.h"
#include "query/GraphQueries.h"
#include "query/TimelineQueries.h"
#include "store/AuditTrail.h"
#include "store/CaseTypes.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

class CaseStore;

// What `chorus-cli report` was asked for. The content depends on nothing else (and on the
// case), so the same case and options give the same report, apart from `generatedAt`.
struct ReportOptions
{
    std::string title = "Coordinated posting: evidence report";
    std::string analyst; // AuditTrail::defaultAnalyst() when empty
    int clusters = 10;   // top clusters with their own section
    std::string language = "en";
};

// One parameter of an analysis run as stored, by its JSON key ("threshold" = "0.55").
struct ReportParameter
{
    std::string name;
    std::string value;
};

struct ReportRun
{
    AnalysisRunInfo info;
    std::string kind; // AnalysisRuns::storedName() of the run's kind
    std::vector<ReportParameter> parameters;
    std::vector<ReportParameter> summary;
};

struct ReportAccount
{
    std::int64_t id = 0;
    std::string platformId;
    std::string handle; // untrusted
    std::optional<std::int64_t> createdAt;
    std::string location; // as claimed, untrusted
    std::int64_t postsInCluster = 0;
    std::vector<std::string> firedSignals; // in the latest network run
};

struct ReportCluster
{
    ClusterInfo info;
    std::vector<ClusterMemberInfo> variants; // distinct texts other than the representative
    std::vector<ReportAccount> accounts;     // most posts first, at most AccountsPerCluster
    std::int64_t accountsLeftOut = 0;
    std::int64_t binSeconds = 0;
    std::vector<TimeBin> timeline;
    MapScene map;
    std::optional<GraphScene> graph; // its co-text network; absent when no two accounts link
};

struct ReportContent
{
    ReportOptions options;
    std::string analyst;
    std::int64_t generatedAt = 0;
    std::string chorusVersion;
    std::string fingerprint; // the audit trail's head hash when the report was assembled
    CaseSummary summary;
    std::vector<ReportRun> runs; // the latest clustering and network runs used
    // The account signals' thresholds (fixed in the code, not stored with the run).
    std::vector<ReportParameter> signalThresholds;
    std::vector<ReportCluster> clusters;
    std::int64_t clustersInRun = 0;
    std::vector<CampaignInfo> campaigns;
    std::vector<Annotation> annotations;
    std::optional<GraphScene> network;   // the latest network run, largest communities
    std::vector<ReportAccount> accounts; // appendix: the accounts of the top clusters, by handle
    std::vector<AuditEntry> audit;
};

constexpr int AccountsPerCluster = 25;
constexpr int VariantsPerCluster = 5;
constexpr std::size_t NetworkFigureNodes = 2000;

// Reads everything the evidence report shows from the case (read only). Reports the stage
// AssemblingReport, counting the top clusters done, and returns
// Error::cancel() soon after `progress` asks (a figure's layout stops midway). Called on one
// thread; the clusters are read on workers of its own.
Result<ReportContent> assembleReport(const CaseStore &store, const ReportOptions &options,
                                     std::int64_t generatedAt, ProgressSink &progress);

} // namespace chorus
