// chorus-generate: writes a seeded synthetic collection with planted campaigns.
#include "SyntheticCollection.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

const char Usage[] =
    "usage: chorus-generate --posts N [--accounts M] [--seed S] [--start EPOCH] [--days D]\n"
    "                       [--campaign-share F] [--x-io FILE.csv] [--twarc2 FILE.jsonl]\n"
    "                       [--truth FILE.csv]\n"
    "Writes the same synthetic collection as an X Information Operations archive CSV and/or\n"
    "twarc2 JSONL, and the planted truth (post_id,campaign,style; campaign = text family).\n";

bool parseNumber(const char *text, std::uint64_t &out)
{
    char *end = nullptr;
    errno = 0;
    const unsigned long long value = std::strtoull(text, &end, 10);
    if (errno || end == text || *end || text[0] == '-')
        return false;
    out = value;
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    chorus::bench::GeneratorOptions options;
    std::string xArchive, twarc2, truth;
    bool havePosts = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::fputs(Usage, stdout);
            return 0;
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "chorus-generate: %s needs a value\n%s", arg.c_str(), Usage);
            return 2;
        }
        const char *value = argv[++i];
        std::uint64_t number = 0;
        bool ok = true;
        if (arg == "--posts")
            ok = havePosts = parseNumber(value, options.posts);
        else if (arg == "--accounts")
            ok = parseNumber(value, options.accounts);
        else if (arg == "--seed")
            ok = parseNumber(value, options.seed);
        else if (arg == "--start")
            ok = parseNumber(value, number), options.start = std::int64_t(number);
        else if (arg == "--days")
            ok = parseNumber(value, number) && number > 0 && number < 10000,
            options.days = int(number);
        else if (arg == "--campaign-share") {
            char *end = nullptr;
            options.campaignShare = std::strtod(value, &end);
            ok = *end == 0 && options.campaignShare >= 0 && options.campaignShare <= 1;
        } else if (arg == "--x-io")
            xArchive = value;
        else if (arg == "--twarc2")
            twarc2 = value;
        else if (arg == "--truth")
            truth = value;
        else {
            std::fprintf(stderr, "chorus-generate: unknown option %s\n%s", arg.c_str(), Usage);
            return 2;
        }
        if (!ok) {
            std::fprintf(stderr, "chorus-generate: bad value for %s: %s\n", arg.c_str(), value);
            return 2;
        }
    }
    if (!havePosts || (xArchive.empty() && twarc2.empty() && truth.empty())) {
        std::fputs(Usage, stderr);
        return 2;
    }
    const chorus::bench::SyntheticCollection collection(options);
    if (!collection.writeFiles(xArchive, twarc2, truth)) {
        std::fprintf(stderr, "chorus-generate: %s\n", collection.errorString().c_str());
        return 1;
    }
    std::printf("%llu posts, %llu accounts (seed %llu)\n",
                static_cast<unsigned long long>(options.posts),
                static_cast<unsigned long long>(collection.accountCount()),
                static_cast<unsigned long long>(options.seed));
    return 0;
}
