#include "clustering/ClusterScorer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace chorus {

namespace {

// Largest share of sorted `times` inside any window of `window` seconds.
double busiestWindowShare(const std::vector<std::int64_t> &times, std::int64_t window)
{
    if (times.empty())
        return 0.0;
    std::size_t best = 0, begin = 0;
    for (std::size_t end = 0; end < times.size(); ++end) {
        while (times[end] - times[begin] >= window)
            ++begin;
        best = std::max(best, end - begin + 1);
    }
    return double(best) / double(times.size());
}

std::string languageSummary(const std::map<std::string_view, std::int64_t> &counts)
{
    std::vector<std::pair<std::string_view, std::int64_t>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    std::string summary;
    for (const auto &[language, count] : sorted) {
        if (!summary.empty())
            summary += ',';
        summary.append(language).append(1, ':').append(std::to_string(count));
    }
    return summary;
}

} // namespace

ClusterMetrics measureCluster(const std::vector<ClusterInputPost> &posts, const TextGroup &group)
{
    ClusterMetrics m;
    m.size = std::int64_t(group.posts.size());
    std::vector<std::int64_t> times;
    times.reserve(group.posts.size());
    std::unordered_map<std::int64_t, std::int64_t> postsByAccount;
    std::unordered_map<std::int64_t, std::int64_t> accountCreated;
    std::map<std::string_view, std::int64_t> languages;
    for (const std::uint32_t p : group.posts) {
        const ClusterInputPost &post = posts[p];
        times.push_back(post.createdAt);
        if (p == group.posts.front() || post.postId < m.lowestPostId)
            m.lowestPostId = post.postId;
        ++postsByAccount[post.accountId];
        if (post.accountCreatedAt > 0)
            accountCreated[post.accountId] = post.accountCreatedAt;
        ++languages[post.language.empty() ? std::string_view("und") : post.language];
    }
    std::sort(times.begin(), times.end());
    m.firstAt = times.empty() ? 0 : times.front();
    m.lastAt = times.empty() ? 0 : times.back();
    m.busiestShare = busiestWindowShare(times, BusyWindowSeconds);
    m.accounts = std::int64_t(postsByAccount.size());
    m.postsPerAccount = m.accounts > 0 ? double(m.size) / double(m.accounts) : 0.0;
    for (const auto &entry : postsByAccount)
        m.maxPostsByOneAccount = std::max(m.maxPostsByOneAccount, entry.second);
    std::vector<std::int64_t> created;
    for (const auto &entry : accountCreated)
        created.push_back(entry.second);
    std::sort(created.begin(), created.end());
    m.accountsWithCreationDate = std::int64_t(created.size());
    if (created.size() >= 2) {
        // Rescaled so that 0 means no two accounts share a month and 1 means all do.
        const double n = double(created.size());
        const double largest = busiestWindowShare(created, AccountAgeWindowSeconds) * n;
        m.accountAgeConcentration = (largest - 1.0) / (n - 1.0);
    }
    m.languages = languageSummary(languages);
    return m;
}

std::vector<ScoreComponent> scoreComponents(const ClusterMetrics &m)
{
    std::vector<ScoreComponent> components;
    auto add = [&](std::string name, double value, double weight, double transformed,
                   std::string formula) {
        components.push_back(
            {std::move(name), value, weight, weight * transformed, std::move(formula)});
    };
    // Size counts, but with diminishing returns: 1,000 copies are not 500 times as
    // suspicious as 2.
    add("size", double(m.size), 1.0, std::log2(double(std::max<std::int64_t>(m.size, 1))),
        "weight x log2(posts)");
    // Many accounts posting one text is a campaign; one account repeating itself is spam.
    const double spread = m.size > 0 ? double(m.accounts) / double(m.size) : 0.0;
    add("account spread", spread, 3.0, spread, "weight x accounts / posts");
    // Copies posted within minutes of each other point to coordination.
    add("burstiness", m.busiestShare, 2.0, m.busiestShare,
        "weight x share of posts in the busiest 10 minutes");
    // Accounts created in the same month point to a batch of fresh accounts.
    add("account-age concentration", m.accountAgeConcentration, 2.0, m.accountAgeConcentration,
        "weight x (largest group of accounts created within 30 days - 1) / (accounts - 1)");
    // The text names a place and most accounts claim to be far from it: a crowd that was not
    // there ("just back from the rally in Kirkland Lake", from Nigeria and New Zealand).
    if (m.geography) {
        const double far = m.geography->placeMismatch ? m.geography->farShare : 0.0;
        add("place mismatch", far, 3.0, far,
            "weight x share of located accounts far from the place the text names, when more "
            "than half are");
    }
    return components;
}

std::vector<ScoredCluster> scoreClusters(const std::vector<ClusterInputPost> &posts,
                                         std::vector<TextGroup> groups,
                                         const GeographyOf &geographyOf)
{
    std::vector<ScoredCluster> scored;
    scored.reserve(groups.size());
    for (TextGroup &group : groups) {
        ScoredCluster cluster;
        cluster.metrics = measureCluster(posts, group);
        if (geographyOf)
            cluster.metrics.geography = geographyOf(group);
        cluster.components = scoreComponents(cluster.metrics);
        for (const ScoreComponent &component : cluster.components)
            cluster.score += component.contribution;
        cluster.group = std::move(group);
        scored.push_back(std::move(cluster));
    }
    std::sort(scored.begin(), scored.end(), [](const ScoredCluster &a, const ScoredCluster &b) {
        if (a.score != b.score)
            return a.score > b.score;
        return a.metrics.lowestPostId < b.metrics.lowestPostId;
    });
    for (std::size_t i = 0; i < scored.size(); ++i)
        scored[i].number = int(i + 1);
    return scored;
}

std::string componentsToJson(const std::vector<ScoreComponent> &components)
{
    QJsonArray array;
    for (const ScoreComponent &c : components)
        array.append(QJsonObject{{QStringLiteral("name"), QString::fromStdString(c.name)},
                                 {QStringLiteral("value"), c.value},
                                 {QStringLiteral("weight"), c.weight},
                                 {QStringLiteral("contribution"), c.contribution},
                                 {QStringLiteral("formula"), QString::fromStdString(c.formula)}});
    return QJsonDocument(array).toJson(QJsonDocument::Compact).toStdString();
}

std::vector<ScoreComponent> componentsFromJson(const std::string &json)
{
    std::vector<ScoreComponent> components;
    const QJsonArray array = QJsonDocument::fromJson(QByteArray::fromStdString(json)).array();
    for (const QJsonValue &value : array) {
        const QJsonObject o = value.toObject();
        components.push_back({o.value(QStringLiteral("name")).toString().toStdString(),
                              o.value(QStringLiteral("value")).toDouble(),
                              o.value(QStringLiteral("weight")).toDouble(),
                              o.value(QStringLiteral("contribution")).toDouble(),
                              o.value(QStringLiteral("formula")).toString().toStdString()});
    }
    return components;
}

} // namespace chorus
