#pragma once

#include "clustering/CampaignLinker.h"
#include "clustering/ClusterScorer.h"
#include "common/Error.h"
#include "geo/ClusterGeography.h"
#include "store/AnalysisRuns.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

class CaseStore;

struct ClusterInfo
{
    std::int64_t id = 0; // clusters.id: stable handle for annotations and members
    std::int64_t runId = 0;
    int number = 0; // rank within the run, 1 = highest score
    std::int64_t size = 0;
    std::int64_t accounts = 0;
    std::int64_t firstAt = 0;
    std::int64_t lastAt = 0;
    double busiestShare = 0.0;
    std::string languages; // "en:12,fr:3"
    std::int64_t medoidPostId = 0;
    std::string representativeText; // the medoid post's text, as imported (untrusted)
    double score = 0.0;
    std::vector<ScoreComponent> components;
    int campaign = 0;                          // its campaign in the run; 0 when none
    std::optional<ClusterGeography> geography; // absent when the run had no gazetteer

    std::int64_t span() const { return lastAt - firstAt; }
    double postsPerAccount() const { return accounts > 0 ? double(size) / double(accounts) : 0; }
};

struct ClusterMemberInfo
{
    std::int64_t postId = 0;
    std::string platformId;
    std::int64_t accountId = 0;
    std::string accountHandle;
    std::int64_t createdAt = 0;
    double similarity = 0.0; // Jaccard similarity of its text to the representative text
    std::string text;
};

// Clusters of one run linked into an operation by the accounts they share.
struct CampaignInfo
{
    int id = 0;                // 1 = the campaign of the best cluster
    std::vector<int> clusters; // cluster numbers, ascending
    std::vector<std::pair<std::string, std::int64_t>> languages; // posts per language, most first
    std::int64_t accounts = 0; // distinct accounts over its clusters
    std::int64_t posts = 0;
    std::int64_t firstAt = 0;
    std::int64_t lastAt = 0;
    double score = 0;                // summed cluster scores
    std::vector<CampaignLink> links; // the evidence, one per linked pair of clusters
};

struct ClusterAccountInfo
{
    std::int64_t accountId = 0;
    std::string handle;
    std::int64_t posts = 0;
};

// Read API over stored text-clustering runs, for the GUI, the CLI and other analyses (the
// network view asks which clusters an account took part in). Plain value types; the
// caller's connection and thread.
class ClusterQueries
{
public:
    explicit ClusterQueries(const CaseStore &store) : m_store(store) {}

    // Text-clustering runs, newest first.
    Result<std::vector<AnalysisRunInfo>> runs() const;
    // The newest text-clustering run, or nullopt when the case has none.
    Result<std::optional<std::int64_t>> latestRun() const;
    // Clusters of a run by number (highest score first); limit < 0 means all.
    Result<std::vector<ClusterInfo>> clusters(std::int64_t runId, int limit = -1) const;
    Result<ClusterInfo> cluster(std::int64_t clusterId) const;
    // What a view or command chose: a cluster by id (of any run), else the cluster numbered
    // `number` or the clusters of `campaign` in the latest run. An Error names what is missing.
    Result<std::vector<ClusterInfo>> chosen(std::int64_t clusterId, int number, int campaign) const;
    // Member posts, oldest first.
    Result<std::vector<ClusterMemberInfo>> members(std::int64_t clusterId) const;
    // Posts per account in a cluster, most posts first.
    Result<std::vector<ClusterAccountInfo>> accounts(std::int64_t clusterId) const;
    // Clusters of a run that contain a post / posts of an account, by number.
    Result<std::vector<ClusterInfo>> ofPost(std::int64_t runId, std::int64_t postId) const;
    Result<std::vector<ClusterInfo>> ofAccount(std::int64_t runId, std::int64_t accountId) const;
    // The campaigns of a run, by id.
    Result<std::vector<CampaignInfo>> campaigns(std::int64_t runId) const;
    // Deletes a run with its clusters and memberships.
    Status deleteRun(std::int64_t runId) const;

private:
    const CaseStore &m_store;
};

} // namespace chorus
