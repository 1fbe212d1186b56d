#include "network/NetworkAnalysis.h"
#include "network/NetworkLayout.h"

#include "common/MemoryBudget.h"
#include "common/SideTask.h"
#include "graph/CompactGraph.h"
#include "graph/ForceLayout.h"
#include "graph/GraphAnalytics.h"
#include "graph/LouvainCommunities.h"
#include "network/CoActionExtractor.h"
#include "network/CoordinationNetworkBuilder.h"
#include "signals/AccountFactsLoader.h"
#include "store/AnalysisRuns.h"
#include "store/CancelWatch.h"
#include "store/SqlGuard.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <ctime>
#include <optional>
#include <unordered_map>

namespace chorus {

namespace {

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

struct Analysis
{
    std::vector<CoEdge> edges;
    CompactGraph graph;
    GraphMetrics metrics;
    LouvainResult communities;
    std::vector<LayoutPoint> layout;
    std::vector<char> pinned; // per node, when any pin was carried over
    std::vector<std::pair<std::int64_t, SignalResult>> fired;
};

void writeRun(const Database &db, const NetworkParameters &parameters, NetworkRunSummary &summary,
              const Analysis &a, std::int64_t startedAt)
{
    Transaction transaction(db);
    const AnalysisRuns runs(db);
    summary.runId = runs.begin(RunKind::Network, {parameters.toJson(), startedAt,
                                                  db.queryInt64("SELECT count(*) FROM posts"),
                                                  db.queryInt64("SELECT count(*) FROM accounts")});

    Statement edge =
        db.prepare("INSERT INTO network_edges (run_id, source_account, target_account, weight, "
                   "actions, mean_gap, types) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (const CoEdge &e : a.edges)
        edge.bind(1, summary.runId)
            .bind(2, e.source)
            .bind(3, e.target)
            .bind(4, e.weight)
            .bind(5, e.actions)
            .bind(6, e.meanGap)
            .bind(7, coActionNames(e.types))
            .exec();
    Statement metric =
        db.prepare("INSERT INTO account_metrics (run_id, account_id, component, community, "
                   "degree, weighted_degree, betweenness, kcore, x, y, pinned) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    for (std::size_t v = 0; v < a.graph.nodeCount(); ++v) {
        metric.bind(1, summary.runId)
            .bind(2, a.graph.accounts[v])
            .bind(3, a.metrics.component[v])
            .bind(4, a.communities.community[v])
            .bind(5, std::int64_t(a.graph.degree(v)))
            .bind(6, a.metrics.weightedDegree[v])
            .bind(7, a.metrics.betweenness[v])
            .bind(8, a.metrics.kcore[v]);
        if (v < a.layout.size())
            metric.bind(9, a.layout[v].x).bind(10, a.layout[v].y);
        else
            metric.bindNull(9).bindNull(10);
        metric.bind(11, std::int64_t(v < a.pinned.size() && a.pinned[v] ? 1 : 0));
        metric.exec();
    }
    Statement signal =
        db.prepare("INSERT INTO account_signals (run_id, account_id, signal, value, explanation) "
                   "VALUES (?1, ?2, ?3, ?4, ?5)");
    for (const auto &[account, s] : a.fired)
        signal.bind(1, summary.runId)
            .bind(2, account)
            .bind(3, s.signal)
            .bind(4, s.value)
            .bind(5, s.explanation)
            .exec();
    runs.finish(summary.runId, summary.toJson());
    transaction.commit();
}

} // namespace

std::string NetworkParameters::toJson() const
{
    const QJsonObject o{{key("types"), QString::fromStdString(coActionNames(types))},
                        {key("window_seconds"), qint64(windowSeconds)},
                        {key("min_weight"), qint64(minWeight)},
                        {key("resolution"), resolution},
                        {key("seed"), qint64(seed)},
                        {key("layout"), layout}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

NetworkParameters NetworkParameters::fromJson(const std::string &json)
{
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
    NetworkParameters p;
    if (const auto types = parseCoActionTypes(o.value(key("types")).toString().toStdString()))
        p.types = *types;
    p.windowSeconds = o.value(key("window_seconds")).toInteger(p.windowSeconds);
    p.minWeight = o.value(key("min_weight")).toInteger(p.minWeight);
    p.resolution = o.value(key("resolution")).toDouble(p.resolution);
    p.seed = std::uint64_t(o.value(key("seed")).toInteger(qint64(p.seed)));
    p.layout = o.value(key("layout")).toBool(p.layout);
    return p;
}

std::string NetworkRunSummary::toJson() const
{
    QJsonObject perType;
    for (const auto &[type, count] : eventsPerType)
        perType.insert(QString::fromStdString(type), qint64(count));
    const QJsonObject o{{key("events"), perType},
                        {key("co_actions"), qint64(coActions)},
                        {key("edges"), qint64(edges)},
                        {key("nodes"), qint64(nodes)},
                        {key("components"), components},
                        {key("communities"), communities},
                        {key("modularity"), modularity},
                        {key("betweenness_sampled"), betweennessSampled},
                        {key("accounts_flagged"), qint64(accountsFlagged)},
                        {key("suggested_window_seconds"), qint64(suggestion.seconds)},
                        {key("suggestion_type"), QString::fromStdString(suggestionType)},
                        {key("suggestion"), QString::fromStdString(suggestion.explanation)}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

Result<NetworkRunSummary>
runNetworkAnalysis(const Database &db, const NetworkParameters &parameters, ProgressSink &progress)
{
    const std::int64_t startedAt = std::time(nullptr);
    NetworkRunSummary summary;
    Analysis a;
    auto run = guardSql("network analysis", [&]() -> Result<NetworkRunSummary> {
        // Cancel stops a long read (the account facts pass over every post) within
        // milliseconds; the watch ends before the run is written in its transaction.
        std::optional<CancelWatch> watch(std::in_place, db, progress);
        // The pair table takes at most a quarter of the budget (256 MiB on any machine with
        // 2 GiB or more); less memory means more passes over the co-actions, not other edges.
        const std::uint64_t budget =
            MemoryBudget::orStandard(parameters.memoryBudgetMegabytes).bytes;
        CoordinationNetworkBuilder builder(
            parameters.windowSeconds,
            std::size_t(std::min<std::uint64_t>(CoordinationNetworkBuilder::DefaultPairMemory,
                                                std::max<std::uint64_t>(budget / 4, 1 << 16))));
        CoActionExtractor extractor(db);
        std::size_t suggestionEvents = 0;
        for (CoActionType type : AllCoActionTypes) {
            if (!(parameters.types & std::uint8_t(type)))
                continue;
            progress.stage(Stage::ReadingActions, coActionName(type));
            auto events = extractor.events(type, progress);
            if (!events)
                return events.error();
            sortEvents(events.value());
            summary.eventsPerType[coActionName(type)] = std::int64_t(events->size());
            summary.events += std::int64_t(events->size());
            // The window is suggested from the type with the most actions.
            if (events->size() > suggestionEvents) {
                suggestionEvents = events->size();
                summary.suggestion = estimateCoordinationInterval(events.value());
                summary.suggestionType = coActionName(type);
            }
            progress.stage(Stage::LinkingActions, coActionName(type));
            builder.add(type, std::move(events.value()));
            if (progress.isCancelled())
                return Error::cancel();
        }
        summary.coActions = builder.coActions();
        a.edges = builder.edges(parameters.minWeight);
        summary.pairPasses = builder.passes();
        a.graph = CompactGraph::fromEdges(a.edges);
        summary.edges = std::int64_t(a.edges.size());
        summary.nodes = std::int64_t(a.graph.nodeCount());

        progress.stage(Stage::MeasuringNetwork);
        GraphMetricsOptions metricOptions;
        metricOptions.seed = parameters.seed;
        a.metrics = computeGraphMetrics(a.graph, metricOptions);
        summary.components = a.metrics.components;
        summary.betweennessSampled = a.metrics.betweennessSampled;
        progress.stage(Stage::FindingCommunities);
        a.communities =
            louvainCommunities(a.graph, {parameters.resolution, parameters.seed, 20}, progress);
        summary.communities = a.communities.communities;
        summary.modularity = a.communities.modularity;
        if (progress.isCancelled())
            return Error::cancel();
        std::optional<SideTask<Result<std::vector<LayoutPoint>>>> layoutTask;
        if (parameters.layout && a.graph.nodeCount() <= parameters.layoutNodeLimit) {
            progress.stage(Stage::LayingOut);
            LayoutOptions layoutOptions;
            layoutOptions.seed = parameters.seed;
            // Accounts the analyst pinned in the previous run's drawing stay where they were.
            if (const auto previous = AnalysisRuns(db).latest(RunKind::Network)) {
                auto pins = NetworkLayout(db).pins(*previous);
                if (!pins)
                    return pins.error();
                if (!pins->empty()) {
                    layoutOptions.pins.resize(a.graph.nodeCount());
                    for (std::size_t v = 0; v < a.graph.nodeCount(); ++v)
                        if (const auto it = pins->find(a.graph.accounts[v]); it != pins->end())
                            layoutOptions.pins[v] = it->second;
                    a.pinned.resize(a.graph.nodeCount());
                    for (std::size_t v = 0; v < a.graph.nodeCount(); ++v)
                        a.pinned[v] = layoutOptions.pins[v].has_value();
                }
            }
            // The layout needs no database, the account facts need nothing else: the facts
            // are read while another core lays the graph out.
            layoutTask.emplace([&graph = a.graph, layoutOptions](ProgressSink &relay) {
                return forceLayout(graph, layoutOptions, relay);
            });
        }

        std::vector<AccountFacts> facts = loadAccountFacts(db);
        if (layoutTask) {
            auto layout = layoutTask->wait(progress);
            if (!layout)
                return layout.error();
            a.layout = std::move(layout.value());
        }
        progress.stage(Stage::EvaluatingSignals);
        std::vector<int> communitySize(std::size_t(a.communities.communities), 0);
        for (int c : a.communities.community)
            ++communitySize[std::size_t(c)];
        std::unordered_map<std::int64_t, std::size_t> node;
        for (std::size_t v = 0; v < a.graph.nodeCount(); ++v)
            node.emplace(a.graph.accounts[v], v);
        for (AccountFacts &f : facts)
            if (const auto it = node.find(f.id); it != node.end()) {
                f.community = a.communities.community[it->second];
                f.communitySize = communitySize[std::size_t(f.community)];
            }
        const AccountSignals evaluator(facts);
        for (std::size_t i = 0; i < facts.size(); ++i) {
            if ((i & 4095) == 0 && progress.isCancelled())
                return Error::cancel();
            const AccountFacts &f = facts[i];
            const auto firedHere = evaluator.fired(f);
            summary.accountsFlagged += firedHere.empty() ? 0 : 1;
            summary.signalsFired += std::int64_t(firedHere.size());
            for (const SignalResult &s : firedHere)
                a.fired.emplace_back(f.id, s);
        }
        if (progress.isCancelled())
            return Error::cancel();
        watch.reset();
        progress.stage(Stage::SavingNetworkRun);
        writeRun(db, parameters, summary, a, startedAt);
        return summary;
    });
    return interruptedByCancel(std::move(run), progress);
}

} // namespace chorus
