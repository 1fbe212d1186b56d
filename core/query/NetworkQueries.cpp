#include "query/NetworkQueries.h"

#include "network/CoActionExtractor.h"
#include "network/CoordinationNetworkBuilder.h"
#include "store/AnalysisRuns.h"
#include "store/CaseStore.h"
#include "store/SqlGuard.h"

#include <algorithm>
#include <unordered_map>

namespace chorus {

namespace {

constexpr const char *EdgeColumns =
    "SELECT e.source_account, e.target_account, s.platform_id, t.platform_id, e.weight, e.actions, "
    "e.mean_gap, e.types FROM network_edges e JOIN accounts s ON s.id = e.source_account "
    "JOIN accounts t ON t.id = e.target_account ";

NetworkEdgeRow readEdge(const Statement &s)
{
    return NetworkEdgeRow{s.int64(0), s.int64(1), s.text(2), s.text(3),
                          s.int64(4), s.int64(5), s.real(6), s.text(7)};
}

} // namespace

NetworkQueries::NetworkQueries(const CaseStore &store) : m_db(store.db()) {}

Result<std::optional<NetworkRunInfo>> NetworkQueries::latestRun() const
{
    return guardSql("reading network runs", [&]() -> Result<std::optional<NetworkRunInfo>> {
        const auto id = AnalysisRuns(m_db).latest(RunKind::Network);
        if (!id)
            return std::optional<NetworkRunInfo>();
        auto info = run(*id);
        if (!info)
            return info.error();
        return std::optional<NetworkRunInfo>(info.value());
    });
}

Result<NetworkRunInfo> NetworkQueries::run(std::int64_t runId) const
{
    return guardSql("reading a network run", [&]() -> Result<NetworkRunInfo> {
        const auto stored = AnalysisRuns(m_db).run(runId, RunKind::Network);
        if (!stored)
            return Error{"no network run " + std::to_string(runId)};
        NetworkRunInfo info;
        info.id = stored->id;
        info.startedAt = stored->startedAt;
        info.parametersJson = stored->parameters;
        info.summaryJson = stored->summary;
        info.parameters = NetworkParameters::fromJson(info.parametersJson);
        return info;
    });
}

Result<std::vector<NetworkNode>> NetworkQueries::nodes(std::int64_t runId) const
{
    return guardSql("reading network nodes", [&]() -> Result<std::vector<NetworkNode>> {
        std::vector<NetworkNode> nodes;
        std::unordered_map<std::int64_t, std::size_t> index;
        Statement s = m_db.prepare(
            "SELECT m.account_id, a.platform_id, coalesce(a.handle, ''), coalesce(m.component, 0), "
            "coalesce(m.community, 0), coalesce(m.degree, 0), coalesce(m.weighted_degree, 0), "
            "coalesce(m.betweenness, 0), coalesce(m.kcore, 0), m.x, m.y, m.pinned, "
            "coalesce(r.country, '') FROM account_metrics m "
            "JOIN accounts a ON a.id = m.account_id "
            "LEFT JOIN location_resolutions r ON r.text = a.location "
            "WHERE m.run_id = ?1 ORDER BY m.account_id");
        s.bind(1, runId);
        while (s.step()) {
            NetworkNode n{s.int64(0),      s.text(1),         s.text(2),          int(s.int64(3)),
                          int(s.int64(4)), s.int64(5),        s.real(6),          s.real(7),
                          int(s.int64(8)), s.optionalReal(9), s.optionalReal(10), {}};
            n.pinned = s.int64(11) != 0 && n.x && n.y;
            n.country = s.text(12);
            index.emplace(n.accountId, nodes.size());
            nodes.push_back(std::move(n));
        }
        Statement fired =
            m_db.prepare("SELECT account_id, signal FROM account_signals WHERE run_id = ?1 "
                         "ORDER BY account_id, signal");
        fired.bind(1, runId);
        while (fired.step())
            if (const auto it = index.find(fired.int64(0)); it != index.end())
                nodes[it->second].firedSignals.push_back(fired.text(1));
        if (const auto clusters = AnalysisRuns(m_db).latest(RunKind::TextClusters)) {
            Statement campaigns = m_db.prepare(
                "SELECT DISTINCT a.account_id, c.campaign FROM clusters c "
                "JOIN cluster_accounts a ON a.cluster_id = c.id "
                "WHERE c.run_id = ?1 AND c.campaign IS NOT NULL ORDER BY a.account_id, c.campaign");
            campaigns.bind(1, *clusters);
            while (campaigns.step())
                if (const auto it = index.find(campaigns.int64(0)); it != index.end())
                    nodes[it->second].campaigns.push_back(int(campaigns.int64(1)));
        }
        return nodes;
    });
}

Result<std::vector<NetworkEdgeRow>> NetworkQueries::edges(std::int64_t runId) const
{
    return guardSql("reading network edges", [&]() -> Result<std::vector<NetworkEdgeRow>> {
        std::vector<NetworkEdgeRow> edges;
        Statement s =
            m_db.prepare(std::string(EdgeColumns) +
                         "WHERE e.run_id = ?1 ORDER BY e.source_account, e.target_account");
        s.bind(1, runId);
        while (s.step())
            edges.push_back(readEdge(s));
        return edges;
    });
}

Result<std::vector<NetworkLink>> NetworkQueries::links(std::int64_t runId,
                                                       std::int64_t minWeight) const
{
    return guardSql("reading network links", [&]() -> Result<std::vector<NetworkLink>> {
        std::vector<NetworkLink> links;
        Statement s = m_db.prepare(
            "SELECT source_account, target_account, weight, types FROM network_edges "
            "WHERE run_id = ?1 AND weight >= ?2 ORDER BY source_account, target_account");
        s.bind(1, runId).bind(2, minWeight);
        // Millions of links spell a few sets of types: each spelling is parsed once.
        std::vector<std::pair<std::string, std::uint8_t>> parsed;
        while (s.step()) {
            const std::string_view names = s.textView(3);
            auto it = std::find_if(parsed.begin(), parsed.end(),
                                   [names](const auto &known) { return known.first == names; });
            if (it == parsed.end())
                it = parsed.insert(
                    parsed.end(),
                    {std::string(names), parseCoActionTypes(std::string(names)).value_or(0)});
            links.push_back({s.int64(0), s.int64(1), s.int64(2), it->second});
        }
        return links;
    });
}

Result<std::vector<NetworkEdgeRow>>
NetworkQueries::partners(std::int64_t runId, std::int64_t accountId, int limit) const
{
    return guardSql("reading account partners", [&]() -> Result<std::vector<NetworkEdgeRow>> {
        std::vector<NetworkEdgeRow> edges;
        Statement s = m_db.prepare(
            std::string(EdgeColumns) +
            "WHERE e.run_id = ?1 AND (e.source_account = ?2 OR e.target_account = ?2) "
            "ORDER BY e.weight DESC, e.actions DESC, e.source_account, e.target_account "
            "LIMIT ?3");
        s.bind(1, runId).bind(2, accountId).bind(3, limit);
        while (s.step())
            edges.push_back(readEdge(s));
        return edges;
    });
}

Result<std::vector<AccountSignalRow>> NetworkQueries::accountSignals(std::int64_t runId,
                                                                     std::int64_t accountId) const
{
    return guardSql("reading account signals", [&]() -> Result<std::vector<AccountSignalRow>> {
        std::vector<AccountSignalRow> rows;
        Statement s = m_db.prepare("SELECT signal, value, explanation FROM account_signals "
                                   "WHERE run_id = ?1 AND account_id = ?2 ORDER BY signal");
        s.bind(1, runId).bind(2, accountId);
        while (s.step())
            rows.push_back({s.text(0), s.real(1), s.text(2)});
        return rows;
    });
}

Result<std::vector<AccountReport>> NetworkQueries::topAccounts(std::int64_t runId, int limit) const
{
    return guardSql("reading top accounts", [&]() -> Result<std::vector<AccountReport>> {
        std::vector<AccountReport> reports;
        Statement s = m_db.prepare(
            "WITH ids AS (SELECT account_id FROM account_metrics WHERE run_id = ?1 "
            "             UNION SELECT account_id FROM account_signals WHERE run_id = ?1) "
            "SELECT a.id, a.platform_id, coalesce(a.handle, ''), m.account_id IS NOT NULL, "
            "coalesce(m.component, 0), coalesce(m.community, 0), coalesce(m.degree, 0), "
            "coalesce(m.weighted_degree, 0), coalesce(m.betweenness, 0), coalesce(m.kcore, 0), "
            "m.x, m.y, "
            "(SELECT count(*) FROM account_signals s WHERE s.run_id = ?1 AND s.account_id = a.id) "
            "AS fired, "
            "(SELECT count(*) FROM posts p WHERE p.account_id = a.id) "
            "FROM ids JOIN accounts a ON a.id = ids.account_id "
            "LEFT JOIN account_metrics m ON m.run_id = ?1 AND m.account_id = a.id "
            "ORDER BY fired DESC, coalesce(m.weighted_degree, 0) DESC, a.id LIMIT ?2");
        s.bind(1, runId).bind(2, limit);
        while (s.step()) {
            AccountReport r;
            r.node = NetworkNode{s.int64(0),         s.text(1),          s.text(2),
                                 int(s.int64(4)),    int(s.int64(5)),    s.int64(6),
                                 s.real(7),          s.real(8),          int(s.int64(9)),
                                 s.optionalReal(10), s.optionalReal(11), {}};
            r.inNetwork = s.int64(3) != 0;
            r.posts = s.int64(13);
            reports.push_back(std::move(r));
        }
        for (AccountReport &r : reports) {
            auto rows = accountSignals(runId, r.node.accountId);
            if (!rows)
                return rows.error();
            r.signalRows = std::move(rows.value());
            for (const AccountSignalRow &row : r.signalRows)
                r.node.firedSignals.push_back(row.signal);
        }
        return reports;
    });
}

Result<std::vector<EdgeEvidence>> NetworkQueries::evidence(std::int64_t runId, std::int64_t a,
                                                           std::int64_t b,
                                                           ProgressSink &progress) const
{
    auto info = run(runId);
    if (!info)
        return info.error();
    const NetworkParameters &p = info->parameters;
    std::vector<EdgeEvidence> result;
    CoActionExtractor extractor(m_db);
    extractor.restrictToAccounts(a, b);
    extractor.keepObjectKeys(true);
    for (CoActionType type : AllCoActionTypes) {
        if (!(p.types & std::uint8_t(type)))
            continue;
        auto events = extractor.events(type, progress);
        if (!events)
            return events.error();
        sortEvents(events.value());
        forEachCoAction(events.value(), p.windowSeconds, [&](const CoEvent &x, const CoEvent &y) {
            if (x.account == y.account)
                return;
            const CoEvent &first = std::int64_t(x.account) == a ? x : y;
            const CoEvent &second = std::int64_t(x.account) == a ? y : x;
            result.push_back({coActionName(type),
                              extractor.objectKey(x.object),
                              first.post,
                              second.post,
                              first.time,
                              second.time,
                              {},
                              {},
                              {},
                              {}});
        });
    }
    return guardSql("reading evidence posts", [&]() -> Result<std::vector<EdgeEvidence>> {
        Statement post = m_db.prepare("SELECT platform_id, text FROM posts WHERE id = ?1");
        auto read = [&](std::int64_t id, std::string &platformId, std::string &text) {
            post.reset();
            post.bind(1, id);
            if (post.step()) {
                platformId = post.text(0);
                text = post.text(1);
            }
        };
        for (EdgeEvidence &e : result) {
            read(e.postA, e.platformPostA, e.textA);
            read(e.postB, e.platformPostB, e.textB);
        }
        return result;
    });
}

Result<std::int64_t> NetworkQueries::findAccount(const std::string &platformIdOrHandle) const
{
    return guardSql("finding an account", [&]() -> Result<std::int64_t> {
        Statement s = m_db.prepare("SELECT id FROM accounts WHERE platform_id = ?1 "
                                   "UNION SELECT id FROM accounts WHERE handle = ?1 LIMIT 2");
        s.bind(1, platformIdOrHandle);
        std::int64_t found = 0;
        int matches = 0;
        while (s.step()) {
            found = s.int64(0);
            ++matches;
        }
        return matches > 1 ? std::int64_t(-1) : found;
    });
}

} // namespace chorus
