// Resolving account locations: a case with many accounts and DISTINCT location strings, made
// from the gazetteer's own places written the ways people write them (with a region or
// country, a flag, in capitals, inside a phrase) mixed with jokes and coordinates.
// Usage: bench_geocode [--distinct N] [--accounts M] [--seed S]
#include "common/Progress.h"
#include "geo/AccountLocations.h"
#include "store/CaseStore.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <thread>
#include <unordered_set>

using namespace chorus;
using Clock = std::chrono::steady_clock;

namespace {

double since(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string upper(std::string text)
{
    for (char &c : text)
        if (c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
    return text;
}

std::string writtenPlace(const Gazetteer &g, std::mt19937_64 &random)
{
    const GeoCity &c = g.cities()[random() % g.cities().size()];
    const GeoCountry *country = g.country(c.country);
    const std::string region = c.region >= 0 ? g.regions()[std::size_t(c.region)].name : "";
    const char *jokes[] = {"Planet Earth", "he/him",    "in your DMs", "the void",
                           "Hogwarts",     "worldwide", "somewhere",   "your mom's house"};
    switch (random() % 10) {
    case 0:
        return c.name;
    case 1:
        return c.name + ", " + (region.empty() ? c.country : region);
    case 2:
        return c.name + ", " + (country ? country->english : c.country);
    case 3:
        return c.name + " " + (country ? country->flag : "");
    case 4:
        return "living in " + c.name + " | " + std::to_string(random() % 100) + " y/o";
    case 5:
        return upper(c.name) + " " + std::to_string(random() % 1000);
    case 6:
        return std::to_string(c.lat + double(random() % 100) / 1000) + "," +
               std::to_string(c.lon + double(random() % 100) / 1000);
    case 7:
        return std::string(jokes[random() % 8]) + " " + std::to_string(random() % 100000);
    case 8:
        return region.empty() ? c.name : region + " \u2764 " + std::to_string(random() % 1000);
    default:
        return (country ? country->english : c.country) + " " + std::to_string(random() % 100000);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::size_t distinct = 200000, accounts = 250000;
    std::uint64_t seed = 1;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--distinct"))
            distinct = std::stoull(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--accounts"))
            accounts = std::stoull(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--seed"))
            seed = std::stoull(argv[i + 1]);
    }
    auto start = Clock::now();
    auto gazetteer = Gazetteer::standard();
    if (!gazetteer) {
        std::fprintf(stderr, "%s\n", gazetteer.error().message.c_str());
        return 1;
    }
    std::printf("gazetteer loaded: %zu cities, %zu regions, %zu countries in %.2f s\n",
                gazetteer.value()->cities().size(), gazetteer.value()->regions().size(),
                gazetteer.value()->countries().size(), since(start));

    std::mt19937_64 random(seed);
    std::unordered_set<std::string> seen;
    std::vector<std::string> strings;
    while (strings.size() < distinct) {
        std::string s = writtenPlace(*gazetteer.value(), random);
        if (seen.insert(s).second)
            strings.push_back(std::move(s));
    }
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("bench.chorus")).toStdString();
    auto store = CaseStore::open(path, CaseStore::OpenMode::OpenOrCreate);
    if (!store)
        return 1;
    {
        const Database &db = store.value()->db();
        Transaction transaction(db);
        Statement insert = db.prepare("INSERT INTO accounts (platform, platform_id, handle, "
                                      "location) VALUES ('x', ?1, ?1, ?2)");
        for (std::size_t i = 0; i < accounts; ++i)
            insert.bind(1, "acc" + std::to_string(i)).bind(2, strings[i % strings.size()]).exec();
        transaction.commit();
    }
    const LocationResolver resolver(gazetteer.value());
    NullProgress progress;
    start = Clock::now();
    const auto summary = AccountLocations(store.value()->db(), resolver).resolveAll(progress);
    if (!summary) {
        std::fprintf(stderr, "%s\n", summary.error().message.c_str());
        return 1;
    }
    const double first = since(start);
    start = Clock::now();
    const auto again = AccountLocations(store.value()->db(), resolver).resolveAll(progress);
    const double cached = since(start);
    std::printf("%zu accounts, %lld distinct locations: resolved and stored in %.2f s "
                "(%.1f us per string on %u threads); again, all cached: %.2f s\n",
                accounts, static_cast<long long>(summary->distinctStrings), first,
                1e6 * first / double(summary->distinctStrings),
                std::max(1u, std::thread::hardware_concurrency()), cached);
    for (const auto &[granularity, count] : summary->accountsBy)
        std::printf("  %s: %lld accounts\n", granularityName(granularity),
                    static_cast<long long>(count));
    return again.ok() ? 0 : 1;
}
