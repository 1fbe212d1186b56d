#include "network/NetworkLayout.h"

#include "graph/CompactGraph.h"
#include "store/AnalysisRuns.h"
#include "store/AuditTrail.h"
#include "store/SqlGuard.h"

#include <string>

namespace chorus {

namespace {

struct StoredEdge
{
    std::int64_t source = 0, target = 0, weight = 0;
};

Status requireNetworkRun(const Database &db, std::int64_t runId)
{
    if (!AnalysisRuns(db).run(runId, RunKind::Network))
        return Error{"no network run " + std::to_string(runId) + " in the case"};
    return {};
}

// The drawing is the analyst's too: moves, pins and new layouts go on the audit trail (what
// changed, not every coordinate).
void recordLayout(const Database &db, std::int64_t runId, const std::string &what,
                  std::int64_t accounts, std::int64_t pinned)
{
    AuditTrail(db).append("layout", "network run " + std::to_string(runId),
                          "{\"change\":\"" + what + "\",\"accounts\":" + std::to_string(accounts) +
                              ",\"pinned\":" + std::to_string(pinned) + "}");
}

} // namespace

Status NetworkLayout::place(std::int64_t runId,
                            const std::vector<AccountPlacement> &placements) const
{
    return guardSql("placing accounts", [&]() -> Status {
        if (Status known = requireNetworkRun(m_db, runId); !known)
            return known;
        Transaction transaction(m_db);
        Statement update = m_db.prepare("UPDATE account_metrics SET x = ?3, y = ?4, pinned = ?5 "
                                        "WHERE run_id = ?1 AND account_id = ?2");
        for (const AccountPlacement &p : placements) {
            update.bind(1, runId)
                .bind(2, p.accountId)
                .bind(3, p.x)
                .bind(4, p.y)
                .bind(5, std::int64_t(p.pinned ? 1 : 0))
                .exec();
            if (m_db.changes() != 1)
                return Error{"account " + std::to_string(p.accountId) + " is not in network run " +
                             std::to_string(runId)};
        }
        std::int64_t pinned = 0;
        for (const AccountPlacement &p : placements)
            pinned += p.pinned ? 1 : 0;
        recordLayout(m_db, runId, "placed", std::int64_t(placements.size()), pinned);
        transaction.commit();
        return {};
    });
}

Result<std::int64_t> NetworkLayout::unpinAll(std::int64_t runId) const
{
    return guardSql("unpinning accounts", [&]() -> Result<std::int64_t> {
        Transaction transaction(m_db);
        Statement update =
            m_db.prepare("UPDATE account_metrics SET pinned = 0 WHERE run_id = ?1 AND pinned");
        update.bind(1, runId).exec();
        const std::int64_t unpinned = m_db.changes();
        if (unpinned > 0)
            recordLayout(m_db, runId, "unpinned", unpinned, 0);
        transaction.commit();
        return unpinned;
    });
}

Result<std::unordered_map<std::int64_t, LayoutPoint>> NetworkLayout::pins(std::int64_t runId) const
{
    return guardSql(
        "reading pinned accounts", [&]() -> Result<std::unordered_map<std::int64_t, LayoutPoint>> {
            std::unordered_map<std::int64_t, LayoutPoint> pins;
            Statement s =
                m_db.prepare("SELECT account_id, x, y FROM account_metrics WHERE run_id = ?1 "
                             "AND pinned AND x IS NOT NULL AND y IS NOT NULL");
            s.bind(1, runId);
            while (s.step())
                pins.emplace(s.int64(0), LayoutPoint{s.real(1), s.real(2)});
            return pins;
        });
}

Result<RelayoutSummary> NetworkLayout::layOutAgain(std::int64_t runId, std::uint64_t seed,
                                                   ProgressSink &progress) const
{
    return guardSql("laying the network out", [&]() -> Result<RelayoutSummary> {
        if (Status known = requireNetworkRun(m_db, runId); !known)
            return known.error();
        // Reading a large run's links takes seconds (2 s at ten million posts): Cancel is
        // polled as they come.
        progress.stage(Stage::LayingOut);
        std::vector<StoredEdge> edges;
        Statement read = m_db.prepare(
            "SELECT source_account, target_account, weight FROM network_edges WHERE run_id = ?1");
        read.bind(1, runId);
        while (read.step()) {
            edges.push_back({read.int64(0), read.int64(1), read.int64(2)});
            if (edges.size() % 65536 == 0 && progress.isCancelled())
                return Error::cancel();
        }
        const CompactGraph graph = CompactGraph::fromEdges(edges);
        edges = {};
        auto pinned = pins(runId);
        if (!pinned)
            return pinned.error();
        if (progress.isCancelled())
            return Error::cancel();
        LayoutOptions options;
        options.seed = seed;
        RelayoutSummary summary{runId, std::int64_t(graph.nodeCount()), 0};
        if (!pinned->empty()) {
            options.pins.resize(graph.nodeCount());
            for (std::size_t v = 0; v < graph.nodeCount(); ++v)
                if (const auto it = pinned->find(graph.accounts[v]); it != pinned->end()) {
                    options.pins[v] = it->second;
                    ++summary.pinned;
                }
        }
        auto points = forceLayout(graph, options, progress);
        if (!points)
            return points.error();
        Transaction transaction(m_db);
        Statement update = m_db.prepare(
            "UPDATE account_metrics SET x = ?3, y = ?4 WHERE run_id = ?1 AND account_id = ?2");
        for (std::size_t v = 0; v < graph.nodeCount(); ++v)
            update.bind(1, runId)
                .bind(2, graph.accounts[v])
                .bind(3, points.value()[v].x)
                .bind(4, points.value()[v].y)
                .exec();
        recordLayout(m_db, runId, "laid out again", summary.nodes, summary.pinned);
        transaction.commit();
        return summary;
    });
}

} // namespace chorus
