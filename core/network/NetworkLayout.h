#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "graph/ForceLayout.h"
#include "store/Database.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace chorus {

// Where the analyst put an account in the drawing of a network run.
struct AccountPlacement
{
    std::int64_t accountId = 0;
    double x = 0, y = 0;
    bool pinned = false; // a new layout keeps a pinned account where it is
};

struct RelayoutSummary
{
    std::int64_t runId = 0;
    std::int64_t nodes = 0;
    std::int64_t pinned = 0;
};

// The drawing positions of a network run, kept with its per-account metrics. Positions are
// part of the run: the analyst's moves and pins are saved with it, and laying the run out
// again keeps the pinned accounts. Uses the caller's connection; one thread.
class NetworkLayout
{
public:
    explicit NetworkLayout(const Database &db) : m_db(db) {}

    // Moves (and pins or unpins) accounts of a run, in one transaction. An account that is
    // not a node of the run is an Error and nothing is changed.
    Status place(std::int64_t runId, const std::vector<AccountPlacement> &placements) const;
    // Unpins every account of a run; returns how many were pinned.
    Result<std::int64_t> unpinAll(std::int64_t runId) const;
    // The pinned accounts of a run, by account id.
    Result<std::unordered_map<std::int64_t, LayoutPoint>> pins(std::int64_t runId) const;
    // Lays the whole run out again around its pinned accounts and stores the positions (one
    // transaction, written only when the layout finished: a cancel leaves them as they were).
    Result<RelayoutSummary> layOutAgain(std::int64_t runId, std::uint64_t seed,
                                        ProgressSink &progress) const;

private:
    const Database &m_db;
};

} // namespace chorus
