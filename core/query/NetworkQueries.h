#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "network/NetworkAnalysis.h"
#include "store/Database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

class CaseStore;

// Value types of the network read API (what the GUI and the exports show).
struct NetworkRunInfo
{
    std::int64_t id = 0;
    std::int64_t startedAt = 0;
    NetworkParameters parameters;
    std::string parametersJson;
    std::string summaryJson;
};

struct AccountSignalRow
{
    std::string signal;
    double value = 0;
    std::string explanation;
};

struct NetworkNode
{
    std::int64_t accountId = 0;
    std::string platformId;
    std::string handle;
    int component = 0;
    int community = 0;
    std::int64_t degree = 0;
    double weightedDegree = 0;
    double betweenness = 0;
    int kcore = 0;
    std::optional<double> x, y;
    std::vector<std::string> firedSignals; // names of the fired signals
    std::vector<int> campaigns = {};       // campaigns of the latest clustering run it posted in
    bool pinned = false;                   // placed by the analyst: a new layout keeps it at x, y
    std::string country = {}; // the country its location resolved to (alpha-2), empty if none
};

struct NetworkEdgeRow
{
    std::int64_t source = 0; // accounts.id, source < target
    std::int64_t target = 0;
    std::string sourcePlatformId;
    std::string targetPlatformId;
    std::int64_t weight = 0;
    std::int64_t actions = 0;
    double meanGap = 0;
    std::string types; // "co-repost,co-link"
};

// A link as a drawing needs it: its two accounts, weight and co-action types, without the
// accounts' platform ids (reading those for millions of links took seconds).
struct NetworkLink
{
    std::int64_t source = 0; // accounts.id, source < target
    std::int64_t target = 0;
    std::int64_t weight = 0;
    std::uint8_t types = 0; // CoActionType bits
};

// An account with its place in the network (if any) and its fired signals.
struct AccountReport
{
    NetworkNode node;
    bool inNetwork = false;
    std::int64_t posts = 0;
    std::vector<AccountSignalRow> signalRows;
};

// Two posts, one by each account of an edge, that acted on the same object within the
// run's window: the evidence for the link.
struct EdgeEvidence
{
    std::string type;   // "co-repost"
    std::string object; // the shared object key (post id, normalized URL, hashtag set, cluster)
    std::int64_t postA = 0;
    std::int64_t postB = 0;
    std::int64_t timeA = 0;
    std::int64_t timeB = 0;
    std::string platformPostA; // posts.platform_id
    std::string platformPostB;
    std::string textA;
    std::string textB;
};

// Reads stored network runs. Uses the caller's connection; one thread. Errors come back as
// Error, never thrown.
class NetworkQueries
{
public:
    explicit NetworkQueries(const CaseStore &store);

    // The newest 'network' run, or nothing when the case has none.
    Result<std::optional<NetworkRunInfo>> latestRun() const;
    Result<NetworkRunInfo> run(std::int64_t runId) const;
    Result<std::vector<NetworkNode>> nodes(std::int64_t runId) const;
    Result<std::vector<NetworkEdgeRow>> edges(std::int64_t runId) const;
    // The run's links of at least `minWeight`, by source and target.
    Result<std::vector<NetworkLink>> links(std::int64_t runId, std::int64_t minWeight) const;
    // The strongest partners of an account first (weight, then actions).
    Result<std::vector<NetworkEdgeRow>> partners(std::int64_t runId, std::int64_t accountId,
                                                 int limit = 50) const;
    Result<std::vector<AccountSignalRow>> accountSignals(std::int64_t runId,
                                                         std::int64_t accountId) const;
    // Accounts with the most fired signals, then the highest weighted degree.
    Result<std::vector<AccountReport>> topAccounts(std::int64_t runId, int limit) const;
    // Recomputed from the case with the run's window and types: the posts of a and b on
    // shared objects within the window, by type, then object (first seen first), then time.
    Result<std::vector<EdgeEvidence>> evidence(std::int64_t runId, std::int64_t a, std::int64_t b,
                                               ProgressSink &progress) const;

    // An account by platform id or handle; 0 when none matches, -1 when several do.
    Result<std::int64_t> findAccount(const std::string &platformIdOrHandle) const;

private:
    const Database &m_db;
};

} // namespace chorus
