#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "network/CoordinationIntervalEstimator.h"
#include "network/NetworkTypes.h"
#include "store/Database.h"

#include <cstdint>
#include <map>
#include <string>

namespace chorus {

struct NetworkParameters
{
    std::uint8_t types = std::uint8_t(CoActionType::CoText) | std::uint8_t(CoActionType::CoRepost) |
                         std::uint8_t(CoActionType::CoReply) | std::uint8_t(CoActionType::CoLink) |
                         std::uint8_t(CoActionType::CoHashtag);
    std::int64_t windowSeconds = 60; // |t_a - t_b| <= window links two actions
    std::int64_t minWeight = 2;      // distinct shared objects for an edge to be kept
    double resolution = 1.0;         // Louvain
    std::uint64_t seed = 1;          // Louvain order, sampled betweenness, layout
    bool layout = true;
    std::size_t layoutNodeLimit = 50000; // no positions above this (too slow to draw anyway)
    // The job's memory budget in MiB (common/MemoryBudget); 0: the standard one. A small budget
    // makes the pair counting take more passes; the edges are the same. Not stored with the run.
    std::int64_t memoryBudgetMegabytes = 0;

    std::string toJson() const;
    static NetworkParameters fromJson(const std::string &json);
};

struct NetworkRunSummary
{
    std::int64_t runId = 0;
    std::int64_t events = 0;
    std::map<std::string, std::int64_t> eventsPerType;
    std::int64_t coActions = 0;
    int pairPasses = 0; // passes over the co-actions to count their pairs (more: less memory)
    std::int64_t edges = 0;
    std::int64_t nodes = 0;
    int components = 0;
    int communities = 0;
    double modularity = 0;
    bool betweennessSampled = false;
    std::int64_t accountsFlagged = 0; // accounts with at least one fired signal
    std::int64_t signalsFired = 0;
    std::string suggestionType; // the co-action type the suggestion was made from
    IntervalSuggestion suggestion;

    std::string toJson() const;
};

// Runs the whole coordination analysis on a case and stores it as one analysis run
// (kind 'network'): edges, per-account metrics (components, communities, degrees,
// betweenness, k-core, layout) and fired account signals, written in ONE transaction at the
// end so that a failure or cancel leaves the case as it was. One thread; uses the caller's
// connection.
Result<NetworkRunSummary>
runNetworkAnalysis(const Database &db, const NetworkParameters &parameters, ProgressSink &progress);

} // namespace chorus
