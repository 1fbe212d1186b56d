// Near-duplicate clustering benchmark: time per stage, peak memory, and B-cubed precision and
// recall against the planted truth of a synthetic collection.
//
//   chorus-generate --posts 1000000 --seed 1 --x-io posts.csv --truth truth.csv
//   chorus-cli import case.chorus posts.csv
//   bench_clustering case.chorus --truth truth.csv [--threshold T] [--sweep T1,T2,...]
//                    [--include-reposts] [--store]
//
// --sweep clusters once per threshold and prints precision/recall for each (how the default
// threshold was chosen); --store also writes the run into the case, as `chorus-cli analyze`.
#include "clustering/ClusterStore.h"
#include "clustering/TextClusterAnalysis.h"
#include "store/CaseStore.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

using namespace chorus;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point since)
{
    return std::chrono::duration<double>(Clock::now() - since).count();
}

// CPU seconds of the whole process (all threads): on a busy shared machine this says more
// than wall time about what the code costs.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

// Prints how long each stage took when the next one starts.
class StageTimer final : public ProgressSink
{
public:
    void progress(std::int64_t, std::int64_t) override {}
    void onStage(const StageEvent &event) override
    {
        finish();
        m_stage = describeStage(event);
        m_start = Clock::now();
        m_cpuStart = cpuSeconds();
    }
    void finish()
    {
        if (!m_stage.empty())
            std::printf("  %-40s %7.2f s wall %7.2f s CPU\n", m_stage.c_str(), seconds(m_start),
                        cpuSeconds() - m_cpuStart);
        m_stage.clear();
    }

private:
    std::string m_stage;
    Clock::time_point m_start;
    double m_cpuStart = 0;
};

// Planted truth: platform post id -> text family ("" for organic posts).
std::unordered_map<std::string, std::string> readTruth(const std::string &path)
{
    std::unordered_map<std::string, std::string> truth;
    std::ifstream in(path);
    std::string line;
    std::getline(in, line); // header post_id,campaign,style
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string id, campaign;
        std::getline(fields, id, ',');
        std::getline(fields, campaign, ',');
        truth[id] = campaign;
    }
    return truth;
}

struct BCubed
{
    double precision = 0;
    double recall = 0;
};

// B-cubed over the clustered input: every post not in a found cluster (or organic in the
// truth) is its own singleton.
BCubed bcubed(const std::vector<std::int64_t> &found, const std::vector<std::int64_t> &truth)
{
    std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> both;
    std::unordered_map<std::int64_t, std::int64_t> foundSize, truthSize;
    for (std::size_t i = 0; i < found.size(); ++i) {
        ++both[{found[i], truth[i]}];
        ++foundSize[found[i]];
        ++truthSize[truth[i]];
    }
    BCubed b;
    for (const auto &[key, n] : both) {
        b.precision += double(n) * double(n) / double(foundSize[key.first]);
        b.recall += double(n) * double(n) / double(truthSize[key.second]);
    }
    b.precision /= double(found.size());
    b.recall /= double(found.size());
    return b;
}

std::vector<std::int64_t> foundLabels(std::size_t posts, const std::vector<ScoredCluster> &clusters)
{
    std::vector<std::int64_t> labels(posts);
    for (std::size_t i = 0; i < posts; ++i)
        labels[i] = -1 - std::int64_t(i); // singleton
    for (const ScoredCluster &c : clusters)
        for (const std::uint32_t p : c.group.posts)
            labels[p] = c.number;
    return labels;
}

std::vector<std::int64_t> truthLabels(const Database &db,
                                      const std::vector<ClusterInputPost> &posts,
                                      const std::string &truthPath)
{
    const auto truth = readTruth(truthPath);
    std::unordered_map<std::int64_t, std::string> platformIds;
    Statement s = db.prepare("SELECT id, platform_id FROM posts");
    while (s.step())
        platformIds[s.int64(0)] = s.text(1);
    std::unordered_map<std::string, std::int64_t> familyNumber;
    std::vector<std::int64_t> labels(posts.size());
    for (std::size_t i = 0; i < posts.size(); ++i) {
        const auto it = truth.find(platformIds[posts[i].postId]);
        if (it == truth.end() || it->second.empty()) {
            labels[i] = -1 - std::int64_t(i);
            continue;
        }
        labels[i] =
            familyNumber.try_emplace(it->second, std::int64_t(familyNumber.size())).first->second;
    }
    return labels;
}

std::vector<double> parseList(const std::string &text)
{
    std::vector<double> values;
    std::istringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
        values.push_back(std::stod(item));
    return values;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_clustering CASE [--truth FILE] [--threshold T] "
                             "[--sweep T1,T2,...] [--include-reposts] [--store]\n");
        return 2;
    }
    ClusterParameters parameters;
    std::string truthPath;
    std::vector<double> sweep;
    bool store = false;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--truth" && i + 1 < argc)
            truthPath = argv[++i];
        else if (arg == "--threshold" && i + 1 < argc)
            parameters.threshold = std::stod(argv[++i]);
        else if (arg == "--sweep" && i + 1 < argc)
            sweep = parseList(argv[++i]);
        else if (arg == "--banding-recall" && i + 1 < argc)
            parameters.bandingRecall = std::stod(argv[++i]);
        else if (arg == "--comparisons" && i + 1 < argc)
            parameters.maxBucketComparisons = std::stoi(argv[++i]);
        else if (arg == "--values" && i + 1 < argc)
            parameters.signatureValues = std::stoi(argv[++i]);
        else if (arg == "--include-reposts")
            parameters.includeReposts = true;
        else if (arg == "--store")
            store = true;
        else {
            std::fprintf(stderr, "bench_clustering: unknown argument %s\n", arg.c_str());
            return 2;
        }
    }
    auto opened = CaseStore::open(argv[1]);
    if (!opened) {
        std::fprintf(stderr, "%s\n", opened.error().message.c_str());
        return 1;
    }
    const Database &db = opened.value()->db();
    const ClusterStore clusterStore(db);
    double loadAverage = 0;
    getloadavg(&loadAverage, 1);
    StageTimer timer;
    const auto total = Clock::now();
    auto input = clusterStore.readPosts(parameters.includeReposts, timer);
    if (!input)
        return 1;
    const auto clusterStart = Clock::now();
    ClusteringStats stats;
    auto clusters = clusterTexts(input->posts, parameters, timer, &stats);
    if (!clusters)
        return 1;
    timer.finish();
    const double clusterSeconds = seconds(clusterStart);
    if (store) {
        const ClusterStore::RunRecord record{parameters, stats, std::int64_t(std::time(nullptr)),
                                             input->accounts};
        // As runTextClusterAnalysis does: campaigns are linked before the run is stored.
        const auto links =
            linkCampaigns(input->posts, input->accounts, clusters.value(), parameters.campaigns);
        if (!clusterStore.writeRun(record, input->posts, clusters.value(), links, timer))
            return 1;
        timer.finish();
    }
    std::printf("posts %lld, distinct texts %lld (normalised %lld), short %lld, bands %d x rows "
                "%d\ncandidate pairs %lld, confirmed %lld, clusters %zu\n",
                static_cast<long long>(stats.posts), static_cast<long long>(stats.rawTexts),
                static_cast<long long>(stats.normalizedTexts),
                static_cast<long long>(stats.shortTexts), stats.bands, stats.rows,
                static_cast<long long>(stats.candidatePairs),
                static_cast<long long>(stats.confirmedPairs), clusters->size());
    std::printf("clustering (in memory): %.2f s; total%s: %.2f s wall, %.2f s CPU; peak RSS "
                "%.0f MiB; load average at start %.1f\n",
                clusterSeconds, store ? " with reading and storing" : " with reading",
                seconds(total), cpuSeconds(), peakRssMiB(), loadAverage);
    if (truthPath.empty())
        return 0;
    const auto truth = truthLabels(db, input->posts, truthPath);
    const BCubed b = bcubed(foundLabels(input->posts.size(), clusters.value()), truth);
    std::printf("threshold %.2f: B-cubed precision %.4f recall %.4f\n", parameters.threshold,
                b.precision, b.recall);
    for (const double threshold : sweep) {
        ClusterParameters swept = parameters;
        swept.threshold = threshold;
        NullProgress quiet;
        auto result = clusterTexts(input->posts, swept, quiet);
        if (!result)
            return 1;
        const BCubed s = bcubed(foundLabels(input->posts.size(), result.value()), truth);
        std::printf("threshold %.2f: B-cubed precision %.4f recall %.4f (%zu clusters)\n",
                    threshold, s.precision, s.recall, result->size());
    }
    return 0;
}
