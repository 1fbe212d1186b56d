#include "query/GraphQueries.h"

#include "graph/CompactGraph.h"
#include "graph/ForceLayout.h"
#include "network/CoordinationNetworkBuilder.h"
#include "query/ClusterQueries.h"
#include "query/GeoQueries.h"
#include "query/NetworkQueries.h"
#include "store/CaseStore.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <map>
#include <numbers>
#include <set>
#include <unordered_map>

namespace chorus {

namespace {

// Positions for a scene: forceLayout lays each connected component out on its own (a node
// without links is a component of one) and packs them, so nobody hides under someone else.
Status layOut(GraphScene &scene, std::uint64_t seed, ProgressSink &progress)
{
    std::vector<CompactGraph::Link> links;
    links.reserve(scene.edges.size());
    for (const GraphSceneEdge &e : scene.edges)
        links.push_back({e.a, e.b, double(e.weight)});
    const CompactGraph graph = CompactGraph::fromLinks(scene.nodes.size(), links);
    LayoutOptions options;
    options.seed = seed;
    // The analyst's pins hold even where the run has no stored layout.
    for (std::size_t v = 0; v < scene.nodes.size(); ++v)
        if (scene.nodes[v].pinned) {
            options.pins.resize(scene.nodes.size());
            options.pins[v] = LayoutPoint{scene.nodes[v].x, scene.nodes[v].y};
        }
    auto points = forceLayout(graph, options, progress);
    if (!points)
        return points.error();
    for (std::size_t v = 0; v < scene.nodes.size(); ++v) {
        scene.nodes[v].x = points.value()[v].x;
        scene.nodes[v].y = points.value()[v].y;
    }
    return {};
}

// Keeps the nodes marked in `keep`, with the links among them.
void keepNodes(GraphScene &scene, const std::vector<char> &keep)
{
    std::vector<std::uint32_t> renumber(scene.nodes.size(), UINT32_MAX);
    std::vector<GraphSceneNode> nodes;
    for (std::size_t v = 0; v < scene.nodes.size(); ++v)
        if (keep[v]) {
            renumber[v] = std::uint32_t(nodes.size());
            nodes.push_back(std::move(scene.nodes[v]));
        }
    std::vector<GraphSceneEdge> edges;
    for (GraphSceneEdge &e : scene.edges)
        if (renumber[e.a] != UINT32_MAX && renumber[e.b] != UINT32_MAX)
            edges.push_back({renumber[e.a], renumber[e.b], e.weight, e.types});
    scene.nodes = std::move(nodes);
    scene.edges = std::move(edges);
}

// Keeps the account and the accounts at most `hops` links from it, with the links among them.
void keepEgoNetwork(GraphScene &scene, std::int64_t account, int hops)
{
    std::vector<std::vector<std::uint32_t>> neighbours(scene.nodes.size());
    for (const GraphSceneEdge &e : scene.edges) {
        neighbours[e.a].push_back(e.b);
        neighbours[e.b].push_back(e.a);
    }
    std::vector<int> distance(scene.nodes.size(), -1);
    std::vector<std::uint32_t> frontier;
    for (std::size_t v = 0; v < scene.nodes.size(); ++v)
        if (scene.nodes[v].accountId == account) {
            distance[v] = 0;
            frontier.push_back(std::uint32_t(v));
        }
    for (int hop = 1; hop <= hops; ++hop) {
        std::vector<std::uint32_t> next;
        for (std::uint32_t v : frontier)
            for (std::uint32_t w : neighbours[v])
                if (distance[w] < 0) {
                    distance[w] = hop;
                    next.push_back(w);
                }
        frontier = std::move(next);
    }
    std::vector<char> keep(scene.nodes.size());
    for (std::size_t v = 0; v < scene.nodes.size(); ++v)
        keep[v] = distance[v] >= 0;
    keepNodes(scene, keep);
}

// Above the budget, the largest communities of the scene, as many as fit (at least one):
// a network too large to draw whole is read one community at a time anyway.
std::size_t keepLargestCommunities(GraphScene &scene, std::size_t budget)
{
    if (budget == 0 || scene.nodes.size() <= budget)
        return 0;
    std::unordered_map<int, std::size_t> size;
    for (const GraphSceneNode &n : scene.nodes)
        ++size[n.community];
    std::vector<std::pair<int, std::size_t>> bySize(size.begin(), size.end());
    std::sort(bySize.begin(), bySize.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    std::set<int> kept;
    std::size_t total = 0;
    for (const auto &[community, accounts] : bySize) {
        if (!kept.empty() && total + accounts > budget)
            break;
        kept.insert(community);
        total += accounts;
    }
    std::vector<char> keep(scene.nodes.size());
    for (std::size_t v = 0; v < scene.nodes.size(); ++v)
        keep[v] = kept.count(scene.nodes[v].community) > 0;
    const std::size_t before = scene.nodes.size();
    keepNodes(scene, keep);
    return before - scene.nodes.size();
}

// The largest communities and components of a network run, for choosing one to draw.
void listParts(GraphScene &scene, const std::unordered_map<std::int64_t, NetworkNode> &known)
{
    std::unordered_map<int, int> communities, components;
    for (const auto &[account, n] : known) {
        ++communities[n.community];
        ++components[n.component];
    }
    auto largest = [](const std::unordered_map<int, int> &counts, std::size_t limit) {
        std::vector<GraphScene::Part> parts;
        for (const auto &[number, accounts] : counts)
            parts.push_back({number, accounts});
        std::sort(parts.begin(), parts.end(), [](const auto &a, const auto &b) {
            return a.accounts != b.accounts ? a.accounts > b.accounts : a.number < b.number;
        });
        if (parts.size() > limit)
            parts.resize(limit);
        return parts;
    };
    scene.communities = largest(communities, 40);
    scene.components = largest(components, 10);
}

void addWeights(GraphScene &scene)
{
    for (GraphSceneNode &n : scene.nodes)
        n.weight = 0;
    for (const GraphSceneEdge &e : scene.edges) {
        scene.nodes[e.a].weight += double(e.weight);
        scene.nodes[e.b].weight += double(e.weight);
    }
}

std::string plural(std::size_t n, const char *one, const char *many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace

Result<GraphScene> GraphQueries::scene(const GraphSceneOptions &options,
                                       ProgressSink &progress) const
{
    // Every drawing knows where its accounts say they are (for colouring by country).
    auto withCountries = [this](GraphScene scene) -> Result<GraphScene> {
        std::vector<std::int64_t> accounts;
        accounts.reserve(scene.nodes.size());
        for (const GraphSceneNode &n : scene.nodes)
            accounts.push_back(n.accountId);
        auto countries = GeoQueries(m_store).claimedCountries(accounts);
        if (!countries)
            return countries.error();
        std::map<std::string, int> counts;
        for (GraphSceneNode &n : scene.nodes)
            if (const auto it = countries->find(n.accountId); it != countries->end()) {
                n.country = it->second;
                ++counts[n.country];
            }
        std::vector<std::pair<std::string, int>> ranked(counts.begin(), counts.end());
        std::stable_sort(ranked.begin(), ranked.end(),
                         [](const auto &a, const auto &b) { return a.second > b.second; });
        for (std::size_t i = 0; i < ranked.size() && i < 10; ++i)
            scene.topCountries.push_back(ranked[i].first);
        // Heaviest first, here on the caller's (reader) thread: sorting the links of a large
        // network in the window took 0.6 s of its thread.
        std::stable_sort(scene.edges.begin(), scene.edges.end(), heavierEdge);
        return scene;
    };
    const NetworkQueries network(m_store);
    auto run = network.latestRun();
    if (!run)
        return run.error();
    // Communities and handles of the accounts come from the latest network run, if any.
    std::unordered_map<std::int64_t, NetworkNode> known;
    if (run.value()) {
        auto nodes = network.nodes(run.value()->id);
        if (!nodes)
            return nodes.error();
        for (NetworkNode &n : nodes.value())
            known.emplace(n.accountId, std::move(n));
    }
    GraphScene scene;

    if (options.cluster > 0 || options.clusterId > 0 || options.campaign > 0) {
        const ClusterQueries clusters(m_store);
        auto picked = clusters.chosen(options.clusterId, options.cluster, options.campaign);
        if (!picked)
            return picked.error();
        const std::vector<ClusterInfo> &chosen = picked.value();
        // The co-text network of the chosen clusters: each cluster one object.
        std::unordered_map<std::int64_t, std::uint32_t> index;
        std::vector<CoEvent> events;
        for (const ClusterInfo &c : chosen) {
            auto members = clusters.members(c.id);
            if (!members)
                return members.error();
            for (const ClusterMemberInfo &m : members.value()) {
                const auto [it, added] =
                    index.try_emplace(m.accountId, std::uint32_t(scene.nodes.size()));
                if (added) {
                    GraphSceneNode node;
                    node.accountId = m.accountId;
                    node.label =
                        m.accountHandle.empty() ? std::to_string(m.accountId) : m.accountHandle;
                    const auto k = known.find(m.accountId);
                    node.community = k == known.end() ? -1 : k->second.community;
                    node.signalCount = k == known.end() ? 0 : int(k->second.firedSignals.size());
                    node.campaign = c.campaign;
                    scene.nodes.push_back(std::move(node));
                }
                events.push_back({std::uint32_t(c.number), it->second, m.createdAt, m.postId});
            }
        }
        // Every pair within the window becomes a link: a flood of many thousand posts inside
        // one window would be tens of millions of pairs, too many to draw or to wait for.
        constexpr std::size_t MaxEvents = 20000;
        if (events.size() > MaxEvents)
            return Error{std::to_string(events.size()) +
                         " posts are too many to draw as one co-text "
                         "network (at most " +
                         std::to_string(MaxEvents) +
                         "); the coordination network shows their strongest links"};
        const std::int64_t window = options.windowSeconds > 0 ? options.windowSeconds
                                    : run.value() ? run.value()->parameters.windowSeconds
                                                  : 60;
        sortEvents(events);
        CoordinationNetworkBuilder builder(window);
        builder.add(CoActionType::CoText, std::move(events));
        for (const CoEdge &e : builder.edges(std::max<std::int64_t>(options.minWeight, 1)))
            scene.edges.push_back(
                {std::uint32_t(e.source), std::uint32_t(e.target), e.weight, e.types});
        addWeights(scene);
        // Accounts that posted the text but never within the window of another are the
        // organic background of a cluster: counted, not drawn, unless nobody is linked.
        if (!scene.edges.empty()) {
            std::vector<char> linked(scene.nodes.size());
            for (std::size_t v = 0; v < scene.nodes.size(); ++v)
                linked[v] = scene.nodes[v].weight > 0;
            const std::size_t before = scene.nodes.size();
            keepNodes(scene, linked);
            scene.unlinkedAccounts = before - scene.nodes.size();
        }
        if (Status laid = layOut(scene, options.seed, progress); !laid)
            return laid.error();
        scene.subject =
            options.campaign == 0 ? GraphScene::Subject::Cluster : GraphScene::Subject::Campaign;
        scene.subjectNumber = options.campaign == 0 ? chosen.front().number : options.campaign;
        scene.windowSeconds = window;
        scene.minWeight = std::max<std::int64_t>(options.minWeight, 1);
        scene.title = options.campaign == 0
                          ? "Co-text network of cluster #" + std::to_string(chosen.front().number)
                          : "Co-text network of campaign " + std::to_string(options.campaign);
        scene.subtitle =
            plural(scene.nodes.size(), "account", "accounts") + ", " +
            plural(scene.edges.size(), "link", "links") + ": posts in the same " +
            (chosen.size() == 1 ? "cluster" : "clusters") + " within " + std::to_string(window) +
            " s, weight >= " + std::to_string(std::max<std::int64_t>(options.minWeight, 1)) +
            (scene.unlinkedAccounts > 0
                 ? "; " + plural(scene.unlinkedAccounts, "account", "accounts") +
                       " with no such link not drawn"
                 : std::string());
        return withCountries(std::move(scene));
    }

    if (!run.value())
        return Error{"the case has no network run yet (run 'chorus-cli network')"};
    const std::int64_t runId = run.value()->id;
    auto links = network.links(runId, options.minWeight);
    if (!links)
        return links.error();
    std::unordered_map<std::int64_t, std::uint32_t> index;
    bool positioned = true;
    auto nodeOf = [&](std::int64_t account) {
        const auto [it, added] = index.try_emplace(account, std::uint32_t(scene.nodes.size()));
        if (added) {
            const NetworkNode &k = known.at(account);
            GraphSceneNode node;
            node.accountId = account;
            node.label = k.handle.empty() ? k.platformId : k.handle;
            node.community = k.community;
            node.campaign = k.campaigns.empty() ? 0 : k.campaigns.front();
            node.signalCount = int(k.firedSignals.size());
            positioned = positioned && k.x && k.y;
            node.pinned = k.pinned;
            node.x = k.x.value_or(0);
            node.y = k.y.value_or(0);
            scene.nodes.push_back(std::move(node));
        }
        return it->second;
    };
    for (const NetworkLink &e : links.value()) {
        if (options.types != 0 && (e.types & options.types) == 0)
            continue;
        if (!known.count(e.source) || !known.count(e.target))
            continue;
        auto kept = [&](const NetworkNode &n) {
            return (options.community < 0 || n.community == options.community) &&
                   (options.component < 0 || n.component == options.component) &&
                   n.kcore >= options.minKcore;
        };
        if (!kept(known.at(e.source)) || !kept(known.at(e.target)))
            continue;
        const std::uint32_t a = nodeOf(e.source);
        const std::uint32_t b = nodeOf(e.target);
        scene.edges.push_back({a, b, e.weight, e.types});
    }
    if (options.egoAccount != 0)
        keepEgoNetwork(scene, options.egoAccount, options.egoHops);
    scene.hiddenAccounts = keepLargestCommunities(scene, options.maxNodes);
    listParts(scene, known);
    addWeights(scene);
    if (!positioned)
        if (Status laid = layOut(scene, options.seed, progress); !laid)
            return laid.error();
    scene.subject = options.egoAccount != 0  ? GraphScene::Subject::Ego
                    : options.community >= 0 ? GraphScene::Subject::Community
                    : options.component >= 0 ? GraphScene::Subject::Component
                                             : GraphScene::Subject::Network;
    scene.subjectNumber = options.community >= 0 ? options.community : options.component;
    scene.networkRun = runId;
    scene.windowSeconds = run.value()->parameters.windowSeconds;
    scene.minWeight = std::max(options.minWeight, run.value()->parameters.minWeight);
    scene.title =
        options.community >= 0
            ? "Community " + std::to_string(options.community) + " of the coordination network"
        : options.component >= 0
            ? "Component " + std::to_string(options.component) + " of the coordination network"
            : "Coordination network";
    scene.subtitle =
        plural(scene.nodes.size(), "account", "accounts") + ", " +
        plural(scene.edges.size(), "link", "links") + " (network run " + std::to_string(runId) +
        ", window " + std::to_string(run.value()->parameters.windowSeconds) + " s, weight >= " +
        std::to_string(std::max(options.minWeight, run.value()->parameters.minWeight)) + ")" +
        (scene.hiddenAccounts > 0
             ? "; the largest communities only, " +
                   plural(scene.hiddenAccounts, "account", "accounts") + " left out"
             : std::string());
    return withCountries(std::move(scene));
}

} // namespace chorus
