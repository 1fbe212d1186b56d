#pragma once

#include "clustering/ClusteringTypes.h"
#include "geo/ClusterGeography.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

// One visible part of a cluster's ranking score: score = sum of contributions, and each
// contribution = weight x f(value) with f named in `formula`, so the analyst can see why a
// cluster ranks where it does.
struct ScoreComponent
{
    std::string name;
    double value = 0.0;
    double weight = 0.0;
    double contribution = 0.0;
    std::string formula;
};

// Facts about one cluster, independent of how it is ranked.
struct ClusterMetrics
{
    std::int64_t size = 0;     // posts
    std::int64_t accounts = 0; // distinct accounts
    std::int64_t firstAt = 0;
    std::int64_t lastAt = 0;
    std::int64_t lowestPostId = 0; // breaks score ties
    std::int64_t span() const { return lastAt - firstAt; }
    double busiestShare = 0.0;    // share of posts in the busiest 10 minutes
    double postsPerAccount = 0.0; // size / accounts
    std::int64_t maxPostsByOneAccount = 0;
    // How many of the accounts (with a known creation date) were created within 30 days of
    // each other: (largest such group - 1) / (accounts - 1), so 0 when no two were and 1 when
    // all were; 0 when fewer than two creation dates are known.
    double accountAgeConcentration = 0.0;
    std::int64_t accountsWithCreationDate = 0;
    std::string languages; // "en:12,fr:3", most frequent first; "und" for unknown
    // Where the accounts say they are against the places the text names; absent when the
    // gazetteer was not available.
    std::optional<ClusterGeography> geography;
};

// A group with its metrics and score; `number` 1 is the highest score.
struct ScoredCluster
{
    TextGroup group;
    ClusterMetrics metrics;
    double score = 0.0;
    std::vector<ScoreComponent> components;
    int number = 0;
    int campaign = 0; // the campaign it belongs to (CampaignLinker); 0 when none
};

constexpr std::int64_t BusyWindowSeconds = 600;
constexpr std::int64_t AccountAgeWindowSeconds = 30 * 24 * 3600;

ClusterMetrics measureCluster(const std::vector<ClusterInputPost> &posts, const TextGroup &group);
std::vector<ScoreComponent> scoreComponents(const ClusterMetrics &metrics);

// The geography of a group, when the gazetteer is available (TextClusterAnalysis provides it).
using GeographyOf = std::function<std::optional<ClusterGeography>(const TextGroup &)>;

// Measures and scores every group, sorts by score (highest first; ties by first post id) and
// numbers them from 1. Deterministic.
std::vector<ScoredCluster> scoreClusters(const std::vector<ClusterInputPost> &posts,
                                         std::vector<TextGroup> groups,
                                         const GeographyOf &geographyOf = {});

// Score components as stored in clusters.score_components (a JSON array) and back.
std::string componentsToJson(const std::vector<ScoreComponent> &components);
std::vector<ScoreComponent> componentsFromJson(const std::string &json);

} // namespace chorus
