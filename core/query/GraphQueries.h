#pragma once

#include "common/Error.h"
#include "common/Progress.h"

#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

class CaseStore;

// Which part of the coordination network to draw.
struct GraphSceneOptions
{
    int cluster = 0; // a cluster number of the latest clustering run: its co-text network
    std::int64_t clusterId = 0;  // the same by its clusters.id (what the GUI selects)
    int campaign = 0;            // a campaign of that run: the co-text network of its clusters
    int community = -1;          // only this community of the latest network run
    int component = -1;          // only this connected component of the network run
    int minKcore = 0;            // only accounts in the k-core of at least this k
    std::int64_t egoAccount = 0; // only this account and its neighbours ...
    int egoHops = 1;             // ... up to this many links away (1 or 2)
    std::int64_t minWeight = 1;
    std::uint8_t types = 0; // CoActionType bits an edge must have one of; 0 = any
    std::int64_t windowSeconds =
        0;                  // co-text window for a cluster or campaign; 0 = the network run's
    std::uint64_t seed = 1; // layout, when positions have to be computed
    // At most this many accounts of a network run (0: all): above it the largest communities
    // are drawn, as many as fit, and the scene says how many accounts it left out.
    std::size_t maxNodes = 0;
};

struct GraphSceneNode
{
    std::int64_t accountId = 0;
    std::string label;   // handle, or the platform id when there is none (untrusted text)
    int community = -1;  // in the latest network run; -1 when not in it
    double weight = 0;   // weighted degree in the scene
    int campaign = 0;    // a campaign of the latest clustering run it posted in; 0 when none
    int signalCount = 0; // account signals that fired in the latest network run
    double x = 0, y = 0;
    bool pinned = false; // placed by the analyst (network run drawings only)
    std::string country; // where the account says it is (ISO alpha-2), empty when unknown
};

struct GraphSceneEdge
{
    std::uint32_t a = 0, b = 0; // indexes into nodes
    std::int64_t weight = 0;
    // CoActionType bits (coActionNames spells them): a name per link would be millions of
    // strings, and freeing a large drawing's on the GUI thread took 0.1 s.
    std::uint8_t types = 0;
};

// The drawing order of links: heavier first; a stable sort keeps equal weights as read.
inline bool heavierEdge(const GraphSceneEdge &a, const GraphSceneEdge &b)
{
    return a.weight > b.weight;
}

// A drawable network: positioned nodes and edges, with a title saying what it shows. Plain
// data for the render library (the GUI panel and chorus-cli graph draw the same scene).
struct GraphScene
{
    // What the discs' colours say (the drawing's choice; the data carries all three).
    enum class Colouring { Community, Campaign, Signals, Country };
    Colouring colouring = Colouring::Community;
    // What it shows, for callers that word it themselves (the GUI, in the user's language);
    // title and subtitle say the same in English (chorus-cli, exported drawings).
    enum class Subject { Network, Community, Component, Ego, Cluster, Campaign };
    Subject subject = Subject::Network;
    int subjectNumber = 0; // the community, cluster or campaign number
    // The network run whose stored positions the drawing shows (NetworkLayout saves moves
    // there); 0 for a cluster or campaign, laid out when drawn.
    std::int64_t networkRun = 0;
    std::int64_t windowSeconds = 0;
    std::int64_t minWeight = 1;
    std::string title;
    std::string subtitle;
    std::vector<GraphSceneNode> nodes;
    std::vector<GraphSceneEdge> edges; // from GraphQueries::scene: heaviest first (heavierEdge)
    // Accounts of the network left out by maxNodes (their communities were smaller).
    std::size_t hiddenAccounts = 0;
    // Accounts of a cluster or campaign with no link in the window, left out of the drawing.
    std::size_t unlinkedAccounts = 0;
    // The network run's largest communities and components (number, accounts), largest
    // first, for choosing one to draw; empty for a cluster or campaign.
    struct Part
    {
        int number = 0;
        int accounts = 0;
    };
    std::vector<Part> communities;
    std::vector<Part> components;
    // The countries the drawn accounts claim most, most first (at most 10): the colours of
    // Colouring::Country.
    std::vector<std::string> topCountries;
};

class GraphQueries
{
public:
    explicit GraphQueries(const CaseStore &store) : m_store(store) {}

    // The latest network run (filtered), or the co-text network of a cluster or campaign at
    // the options' minimum weight. Positions are the stored layout where there is one,
    // computed otherwise. An Error when the case has no such run, cluster or campaign.
    Result<GraphScene> scene(const GraphSceneOptions &options, ProgressSink &progress) const;

private:
    const CaseStore &m_store;
};

} // namespace chorus
