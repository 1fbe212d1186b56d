// Co-action network build speed.
//  1. A synthetic collection (bench/generator, seeded) of N posts: co-repost (retweets),
//     co-link (URLs, normalized) and co-text (the planted text families standing in for
//     duplicate clusters) events, then the sliding-window builder over all three.
//  2. Co-repost alone over M synthetic reposts (Zipf-like object popularity, one month).
// Usage: bench_network [--posts N] [--reposts M] [--window S] [--seed S]
#include "SyntheticCollection.h"

#include "network/CoordinationNetworkBuilder.h"
#include "text/UrlNormalizer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <unordered_map>

using namespace chorus;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point since)
{
    return std::chrono::duration<double>(Clock::now() - since).count();
}

struct Interner
{
    std::unordered_map<std::string, std::uint32_t> ids;
    std::uint32_t operator()(const std::string &key)
    {
        return ids.try_emplace(key, std::uint32_t(ids.size())).first->second;
    }
};

void collectionBenchmark(std::uint64_t posts, std::int64_t window, std::uint64_t seed)
{
    bench::GeneratorOptions options;
    options.posts = posts;
    options.seed = seed;
    const bench::SyntheticCollection collection(options);
    std::vector<CoEvent> reposts, links, texts;
    Interner repostIds, linkIds, textIds;
    auto start = Clock::now();
    double normalizeSeconds = 0;
    collection.forEachPost([&](const bench::SyntheticPost &p) {
        const auto account = std::uint32_t(p.author + 1);
        const auto post = std::int64_t(p.index + 1);
        if (!p.repostOfId.empty())
            reposts.push_back({repostIds(p.repostOfId), account, p.createdAt, post});
        const auto normalizeStart = Clock::now();
        for (const std::string &url : p.urls)
            links.push_back({linkIds(normalizeUrl(url)), account, p.createdAt, post});
        normalizeSeconds += seconds(normalizeStart);
        if (!p.family.empty())
            texts.push_back({textIds(p.family), account, p.createdAt, post});
        return true;
    });
    const double generate = seconds(start);
    start = Clock::now();
    CoordinationNetworkBuilder builder(window);
    const std::size_t events = reposts.size() + links.size() + texts.size();
    builder.add(CoActionType::CoRepost, std::move(reposts));
    builder.add(CoActionType::CoLink, std::move(links));
    builder.add(CoActionType::CoText, std::move(texts));
    const auto edges = builder.edges(2);
    const double build = seconds(start);
    std::printf(
        "collection: %llu posts (generated + events in %.2f s, of which URL normalization and "
        "interning %.2f s)\n",
        (unsigned long long)posts, generate, normalizeSeconds);
    std::printf(
        "  co-repost + co-link + co-text: %zu events, %lld co-actions, %zu edges (weight >= 2), "
        "window %lld s: %.2f s\n",
        events, (long long)builder.coActions(), edges.size(), (long long)window, build);
    std::printf("  normalization + build: %.2f s\n", normalizeSeconds + build);
}

// Organic reposts (object popularity ~ u^2: a few thousand reposts for the top posts,
// ten on average); one draw in 100 is a burst of a ring of 20 accounts (500 rings) reposting
// the same post within 30 s (about 17% of all reposts).
void repostBenchmark(std::uint64_t count, std::int64_t window, std::uint64_t seed)
{
    std::mt19937_64 random(seed);
    const std::uint64_t objects = std::max<std::uint64_t>(count / 10, 1);
    const std::uint64_t accounts = std::max<std::uint64_t>(count / 10, 10000);
    std::uniform_real_distribution<double> uniform(0, 1);
    const std::int64_t start = 1600128000, span = 30 * 86400;
    auto birth = [&](std::uint32_t object) {
        return start + std::int64_t((std::uint64_t(object) * 2654435761u) % std::uint64_t(span));
    };
    std::vector<CoEvent> events;
    events.reserve(count);
    while (events.size() < count) {
        const double u = uniform(random);
        const auto object = std::uint32_t(double(objects) * u * u);
        if (random() % 100 < 99) {
            events.push_back({object, std::uint32_t(random() % accounts + 1),
                              birth(object) + std::int64_t(random() % 86400),
                              std::int64_t(events.size() + 1)});
            continue;
        }
        const std::uint64_t ring = random() % 500;
        const std::int64_t t = birth(object) + std::int64_t(random() % 86400);
        for (std::uint64_t m = 0; m < 20 && events.size() < count; ++m)
            events.push_back({object, std::uint32_t(accounts + ring * 20 + m + 1),
                              t + std::int64_t(random() % 30), std::int64_t(events.size() + 1)});
    }
    const auto t = Clock::now();
    CoordinationNetworkBuilder builder(window);
    builder.add(CoActionType::CoRepost, std::move(events));
    const auto edges = builder.edges(2);
    const double elapsed = seconds(t);
    std::printf("co-repost: %llu reposts of %llu objects by %llu accounts (+10,000 in rings), "
                "window %lld s: "
                "%lld co-actions, %zu edges (weight >= 2): %.2f s\n",
                (unsigned long long)count, (unsigned long long)objects,
                (unsigned long long)accounts, (long long)window, (long long)builder.coActions(),
                edges.size(), elapsed);
}

} // namespace

int main(int argc, char **argv)
{
    std::uint64_t posts = 1000000, reposts = 10000000, seed = 1;
    std::int64_t window = 60;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--posts"))
            posts = std::stoull(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--reposts"))
            reposts = std::stoull(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--window"))
            window = std::stoll(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--seed"))
            seed = std::stoull(argv[i + 1]);
    }
    if (posts > 0)
        collectionBenchmark(posts, window, seed);
    if (reposts > 0)
        repostBenchmark(reposts, window, seed);
    return 0;
}
